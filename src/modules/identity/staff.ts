import { sql } from 'kysely';
import type { Page } from '../../platform/http/pagination.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { requireTenant, type Actor } from './actor.ts';
import type { RecordAudit } from './audit.ts';
import { assertStaffWithinLimits, type StaffLimit } from './staff-limits.ts';
import type { IdentityTables, StaffRole } from './identity.tables.ts';
import { createInvitations } from './invitations.ts';
import { assertStrongPassword } from './password-policy.ts';
import { assertMayAssign } from './permissions.ts';
import { hashPassword } from './secrets.ts';

type T = Tx<IdentityTables>;

export type StaffMember = {
  userId: string;
  email: string;
  name: string;
  phone: string | null;
  roles: StaffRole[];
  status: 'active' | 'disabled';
  addedAt: Date;
};

/** Staff of a tenant: listing, invitations, role and status changes, and a new tenant's first owner. */
export function createStaff(deps: { db: Database; clock: Clock; audit: RecordAudit; limits?: StaffLimit }) {
  const { db, audit, clock } = deps;

  /** Staff of the tenant, as the API shows them (RLS also shows a person their own other memberships: hence the filter). */
  const staffQuery = (trx: T, tenantId: TenantId) =>
    trx
      .selectFrom('identity_memberships as m')
      .innerJoin('identity_users as u', 'u.id', 'm.user_id')
      .select(['u.id as userId', 'u.email', 'u.name', 'u.phone', 'm.roles', 'm.status', 'm.created_at as addedAt'])
      .where('m.tenant_id', '=', tenantId);

  const listStaff = (actor: Actor, page: Page) => {
    const tenantId = requireTenant(actor);
    return db.tenant<IdentityTables, StaffMember[]>(tenantId, (trx) => staffQuery(trx, tenantId).orderBy('u.name').orderBy('u.id').limit(page.limit).offset(page.offset).execute());
  };

  /** Active staff of the current tenant holding any of `roles`, with their phone as entered (may be null). */
  const staffContactsInTransaction = (trx: Tx, roles: readonly StaffRole[]) =>
    (trx as T)
      .selectFrom('identity_memberships as m')
      .innerJoin('identity_users as u', 'u.id', 'm.user_id')
      .select(['u.id as userId', 'u.name', 'u.phone'])
      .where('m.tenant_id', '=', sql<string>`app_tenant_id()`)
      .where('m.status', '=', 'active')
      .where('u.status', '=', 'active')
      .where(sql<boolean>`m.roles && ${sql.val(roles)}::text[]`)
      .orderBy('u.name')
      .execute();

  /** Names of the current tenant's staff among `userIds` (receipts name who took the money). */
  const staffNamesInTransaction = async (trx: Tx, userIds: readonly string[]): Promise<Map<string, string>> => {
    if (userIds.length === 0) return new Map();
    const rows = await (trx as T)
      .selectFrom('identity_memberships as m')
      .innerJoin('identity_users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name'])
      .where('m.tenant_id', '=', sql<string>`app_tenant_id()`)
      .where('u.id', 'in', userIds)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  };

  const invitations = createInvitations(deps);

  /** Adds staff by invitation: the answer carries the one-time link token, shown once. */
  const inviteStaff = (actor: Actor, input: { email: string; name: string; phone?: string; roles: StaffRole[] }) =>
    invitations.invite(actor, requireTenant(actor), input);
  const listInvitations = (actor: Actor, page: Page) => invitations.listOpen(requireTenant(actor), page);
  const revokeInvitation = (actor: Actor, invitationId: string) => invitations.revoke(actor, requireTenant(actor), invitationId);

  /**
   * Checks and hashes a new account's password before any transaction: argon2's CPU time must
   * not hold the database (on PGlite it would hold the only session). Null when none was given.
   */
  async function preparePassword(password: string | undefined, email: string, field: string): Promise<string | null> {
    if (!password) return null;
    assertStrongPassword(password, email, field);
    return hashPassword(password);
  }

  /**
   * Changes another staff member's roles or status. Nobody changes their own (an admin could
   * otherwise keep what they lose elsewhere, or make themselves owner), and only an owner touches
   * an owner. As the acting owner stays an active owner, a tenant always keeps one.
   */
  async function updateStaff(actor: Actor, userId: string, input: { roles?: StaffRole[]; status?: 'active' | 'disabled' }) {
    const tenantId = requireTenant(actor);
    if (userId === actor.userId) throw new AppError('FORBIDDEN', 'You cannot change your own roles or status; ask an owner.');
    return db.tenant<IdentityTables, StaffMember>(tenantId, async (trx) => {
      // Both rows locked in one order: two owners disabling each other at once run one after the other.
      const rows = await trx
        .selectFrom('identity_memberships')
        .select(['user_id', 'roles', 'status'])
        .where('tenant_id', '=', tenantId)
        .where('user_id', 'in', [userId, actor.userId])
        .orderBy('user_id')
        .forUpdate()
        .execute();
      const current = rows.find((r) => r.user_id === userId);
      if (!current) throw new AppError('NOT_FOUND', 'No such staff member.');
      // The actor's roles as they are now, not as they were when the request was authenticated.
      const mine = rows.find((r) => r.user_id === actor.userId);
      const actorRoles = mine?.status === 'active' ? actor.roles.filter((r) => mine.roles.includes(r)) : [];
      const roles = input.roles ?? current.roles;
      const status = input.status ?? current.status;
      assertMayAssign(actorRoles, current.roles, roles);
      // Coming back (disabled → active) takes a place again; a role newly held takes one in its limit.
      const wasActive = current.status === 'active';
      if (status === 'active') {
        await assertStaffWithinLimits(deps.limits, trx, { joins: !wasActive, newRoles: wasActive ? roles.filter((r) => !current.roles.includes(r)) : roles, now: clock.now() });
      }
      // A disabled person's open sessions and tokens lose this tenant on their next request (authentication re-checks).
      await trx.updateTable('identity_memberships').set({ roles, status }).where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
      await audit(trx, {
        tenantId,
        actorUserId: actor.userId,
        action: 'staff.changed',
        subject: userId,
        details: { before: { roles: current.roles, status: current.status }, after: { roles, status } },
      });
      return staffQuery(trx, tenantId).where('u.id', '=', userId).executeTakeFirstOrThrow();
    });
  }

  /**
   * Makes a person the first owner of a tenant created moments ago, inside the creating
   * transaction (already switched into the new tenant). Links an existing account by email;
   * `passwordHash` comes from `preparePassword`, called before that transaction.
   */
  async function addFirstOwner(trx: T, tenantId: TenantId, owner: { email: string; name: string; passwordHash: string | null }, actorUserId: string) {
    const email = owner.email.trim().toLowerCase();
    const existing = await trx.selectFrom('identity_users').select(['id', 'is_super_admin']).where(sql`lower(email)`, '=', email).executeTakeFirst();
    if (existing?.is_super_admin) {
      throw new AppError('CONFLICT', 'A platform account cannot own a tenant: give the owner their own email.', { fields: [{ field: 'body.owner.email', problem: 'platform_account' }] });
    }
    let userId = existing?.id;
    if (!userId) {
      if (!owner.passwordHash) {
        throw new AppError('VALIDATION_FAILED', 'A new account needs an initial password.', { fields: [{ field: 'body.owner.password', problem: 'required' }] });
      }
      userId = newId();
      await trx.insertInto('identity_users').values({ id: userId, email, name: owner.name, password_hash: owner.passwordHash }).execute();
    }
    await trx.insertInto('identity_memberships').values({ id: newId(), tenant_id: tenantId, user_id: userId, roles: ['owner'] }).execute();
    await audit(trx, { tenantId, actorUserId, action: 'staff.added', subject: email, details: { roles: ['owner'] } });
    return { userId };
  }

  return {
    listStaff,
    staffContactsInTransaction,
    staffNamesInTransaction,
    inviteStaff,
    listInvitations,
    revokeInvitation,
    acceptInvitation: invitations.accept,
    updateStaff,
    addFirstOwner,
    preparePassword,
  };
}
