import { sql } from 'kysely';
import type { Page } from '../../platform/http/pagination.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { IdentityTables, StaffRole } from './identity.tables.ts';
import { assertStrongPassword } from './password-policy.ts';
import { assertMayAssign } from './permissions.ts';
import { hashPassword, hashToken, newSecretToken } from './secrets.ts';
import type { Actor } from './actor.ts';
import type { RecordAudit } from './audit.ts';
import { assertStaffWithinLimits, type StaffLimit } from './staff-limits.ts';

type T = Tx<IdentityTables>;

export const INVITATION_TTL_DAYS = 7;

export type Invitation = {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: StaffRole[];
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
};

const notValid = () =>
  new AppError('NOT_FOUND', 'This invitation link is not valid: it expired, was used or was revoked. Ask for a new one.');

/**
 * Staff join a tenant by invitation: a one-time link the inviter passes on (shown once, only its
 * SHA-256 stored), accepted by the invited person. Inviting never looks at the invited email's
 * account, so the inviter learns nothing about it, and no account is linked without its owner.
 */
export function createInvitations(deps: { db: Database; clock: Clock; audit: RecordAudit; limits?: StaffLimit }) {
  const { db, clock, audit } = deps;

  const columns = ['id', 'email', 'name', 'phone', 'roles', 'invited_by as invitedBy', 'created_at as createdAt', 'expires_at as expiresAt'] as const;

  async function invite(actor: Actor, tenantId: TenantId, input: { email: string; name: string; phone?: string; roles: StaffRole[] }) {
    assertMayAssign(actor.roles, [], input.roles);
    const email = input.email.trim().toLowerCase();
    const token = newSecretToken('spi');
    const now = clock.now();
    return db.tenant<IdentityTables, Invitation & { token: string }>(tenantId, async (trx) => {
      // The inviter may list the staff anyway: saying "already staff" reveals nothing new.
      const member = await trx
        .selectFrom('identity_memberships as m')
        .innerJoin('identity_users as u', 'u.id', 'm.user_id')
        .select('m.id')
        .where('m.tenant_id', '=', tenantId)
        .where(sql`lower(u.email)`, '=', email)
        .executeTakeFirst();
      if (member) throw new AppError('CONFLICT', 'This person is already staff of this tenant.', { fields: [{ field: 'body.email', problem: 'taken' }] });
      // Inviting again (a lost link) replaces the open invitation.
      await revokeOpen(trx, tenantId).where(sql`lower(email)`, '=', email).execute();
      await assertStaffWithinLimits(deps.limits, trx, { joins: true, newRoles: input.roles, now });
      const id = newId();
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
      await trx
        .insertInto('identity_invitations')
        .values({ id, tenant_id: tenantId, email, name: input.name, phone: input.phone ?? null, roles: input.roles, token_hash: hashToken(token), invited_by: actor.userId, created_at: now, expires_at: expiresAt })
        .execute();
      await audit(trx, { tenantId, actorUserId: actor.userId, action: 'staff.invited', subject: email, details: { roles: input.roles, invitationId: id } });
      return { id, email, name: input.name, phone: input.phone ?? null, roles: input.roles, invitedBy: actor.userId, createdAt: now, expiresAt, token };
    });
  }

  /** Revokes the tenant's open invitations the caller narrows down (by email or id). */
  const revokeOpen = (trx: T, tenantId: TenantId) =>
    trx
      .updateTable('identity_invitations')
      .set({ revoked_at: clock.now() })
      .where('tenant_id', '=', tenantId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null);

  const listOpen = (tenantId: TenantId, page: Page) =>
    db.tenant<IdentityTables, Invitation[]>(tenantId, (trx) =>
      trx
        .selectFrom('identity_invitations')
        .select(columns)
        .where('tenant_id', '=', tenantId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
    );

  async function revoke(actor: Actor, tenantId: TenantId, invitationId: string) {
    await db.tenant<IdentityTables, void>(tenantId, async (trx) => {
      const invitation = await trx.selectFrom('identity_invitations').select('roles').where('tenant_id', '=', tenantId).where('id', '=', invitationId).executeTakeFirst();
      if (invitation) assertMayAssign(actor.roles, [], invitation.roles);
      const result = await revokeOpen(trx, tenantId).where('id', '=', invitationId).executeTakeFirst();
      if (!invitation || result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'No such open invitation.');
      await audit(trx, { tenantId, actorUserId: actor.userId, action: 'staff.invitation_revoked', subject: invitationId });
    });
  }

  /**
   * The invited person accepts: logged in, the invitation joins their account (its email must be
   * the invited one); not logged in, it creates their account with `password`.
   */
  async function accept(input: { token: string; password?: string; actor: Actor | null }) {
    const found = await db.system<IdentityTables, { id: string; tenant_id: TenantId; email: string; name: string; phone: string | null; roles: StaffRole[]; expires_at: Date } | undefined>(
      async (trx) => (await sql<never>`select * from identity_resolve_invitation(${hashToken(input.token)})`.execute(trx)).rows[0],
    );
    if (!found || new Date(found.expires_at) <= clock.now()) throw notValid();
    const { actor } = input;
    let passwordHash: string | null = null;
    if (actor) {
      if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'Accept an invitation logged in as yourself, not with an API token.');
      if (input.password !== undefined) {
        throw new AppError('VALIDATION_FAILED', 'You are logged in: the invitation joins this account and needs no password.', {
          fields: [{ field: 'body.password', problem: 'not_expected' }],
        });
      }
    } else {
      if (!input.password) {
        throw new AppError('VALIDATION_FAILED', 'Choose a password for your new account, or log in first if you have one.', {
          fields: [{ field: 'body.password', problem: 'required' }],
        });
      }
      assertStrongPassword(input.password, found.email, 'body.password');
      // argon2 before the transaction: on PGlite it would hold the only session.
      passwordHash = await hashPassword(input.password);
    }
    const now = clock.now();
    return db.tenant<IdentityTables, { userId: string; tenantId: string; roles: StaffRole[] }>(
      found.tenant_id,
      async (trx) => {
        const userId = actor ? await existingAccount(trx, actor.userId, found.email, found.tenant_id) : await newAccount(trx, found, passwordHash!);
        const claimed = await trx
          .updateTable('identity_invitations')
          .set({ accepted_at: now, accepted_by: userId })
          .where('id', '=', found.id)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (claimed.numUpdatedRows === 0n) throw notValid(); // accepted or revoked meanwhile
        await trx.insertInto('identity_memberships').values({ id: newId(), tenant_id: found.tenant_id, user_id: userId, roles: found.roles }).execute();
        await audit(trx, { tenantId: found.tenant_id, actorUserId: userId, action: 'staff.joined', subject: found.email, details: { roles: found.roles, invitationId: found.id } });
        return { userId, tenantId: found.tenant_id, roles: found.roles };
      },
      { userId: actor?.userId },
    );
  }

  async function existingAccount(trx: T, userId: string, invitedEmail: string, tenantId: TenantId) {
    const me = await trx.selectFrom('identity_users').select(['email', 'is_super_admin']).where('id', '=', userId).executeTakeFirstOrThrow();
    if (me.email.toLowerCase() !== invitedEmail) throw new AppError('FORBIDDEN', 'This invitation is for another email address: log in with that one.');
    if (me.is_super_admin) throw new AppError('FORBIDDEN', 'A platform account cannot join a tenant; use a separate account for tenant work.');
    const member = await trx.selectFrom('identity_memberships').select('id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
    if (member) throw new AppError('CONFLICT', 'You are already staff of this tenant.');
    return userId;
  }

  async function newAccount(trx: T, invited: { email: string; name: string; phone: string | null }, passwordHash: string) {
    const taken = await trx.selectFrom('identity_users').select('id').where(sql`lower(email)`, '=', invited.email).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', 'An account with this email exists: log in, then open the invitation again.');
    const userId = newId();
    await trx.insertInto('identity_users').values({ id: userId, email: invited.email, name: invited.name, phone: invited.phone, password_hash: passwordHash }).execute();
    return userId;
  }

  return { invite, listOpen, revoke, accept };
}
