import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { assumeRole, DbRole, type Database, type TenantId, type Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { IdentityTables, StaffRole } from './identity.tables.ts';
import { createInvitations } from './invitations.ts';
import { assertLoginAllowed, type LoginThrottleConfig } from './login-throttle.ts';
import { assertStrongPassword } from './password-policy.ts';
import { assertMayAssign, permissionsOf } from './permissions.ts';
import { dummyPasswordHash, hashPassword, hashToken, newSecretToken, verifyPassword } from './secrets.ts';

type T = Tx<IdentityTables>;

/** Who is making a request, resolved from a session cookie or an API token. */
export type Actor = {
  userId: string;
  isSuperAdmin: boolean;
  /** The tenant the actor works in now; null for a super admin outside any tenant. */
  tenantId: TenantId | null;
  roles: StaffRole[];
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
};

export type IdentityConfig = LoginThrottleConfig & { sessionTtlHours: number };

export type RequestOrigin = { ip?: string; userAgent?: string };

export type AuditEntry = {
  tenantId?: string | null;
  actorUserId?: string | null;
  action: string;
  subject?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

const SESSION_TOUCH_INTERVAL_MS = 60_000; // refresh last_seen at most once a minute, not on every request

export type IdentityService = ReturnType<typeof createIdentityService>;

export function createIdentityService(deps: { db: Database; clock: Clock; config: IdentityConfig }) {
  const { db, clock, config } = deps;

  const audit = (trx: T, entry: AuditEntry) =>
    trx
      .insertInto('identity_audit_log')
      .values({
        id: newId(),
        tenant_id: entry.tenantId ?? null,
        actor_user_id: entry.actorUserId ?? null,
        action: entry.action,
        subject: entry.subject ?? null,
        ip: entry.ip ?? null,
        details: JSON.stringify(entry.details ?? {}) as never,
        created_at: clock.now(),
      })
      .execute();

  const requireTenant = (actor: Actor): TenantId => {
    if (!actor.tenantId) throw new AppError('TENANT_REQUIRED', 'Choose a tenant first (POST /api/me/tenant).');
    return actor.tenantId;
  };

  async function login(input: { email: string; password: string; tenantId?: string } & RequestOrigin) {
    const email = input.email.trim().toLowerCase();
    const user = await db.system<IdentityTables, { id: string; password_hash: string; status: string } | undefined>(async (trx) => {
      await assertLoginAllowed(trx, { email, ip: input.ip, now: clock.now() }, config);
      return trx.selectFrom('identity_users').select(['id', 'password_hash', 'status']).where(sql`lower(email)`, '=', email).executeTakeFirst();
    });
    // argon2 takes tens of milliseconds of CPU: never inside a transaction (on PGlite it would hold the only session).
    const isValid = await verifyPassword(user?.password_hash ?? dummyPasswordHash, input.password);
    const outcome = await db.system<IdentityTables, { ok: false } | { ok: true; token: string; expiresAt: Date; userId: string }>(
      async (trx) => {
        if (!user || !isValid || user.status !== 'active') {
          await audit(trx, { action: 'login.failed', subject: email, ip: input.ip, details: { reason: !user ? 'unknown_email' : !isValid ? 'wrong_password' : 'disabled' } });
          return { ok: false };
        }
        await assumeRole(trx, DbRole.app, { userId: user.id });
        const memberships = await activeMemberships(trx, user.id);
        const chosen = input.tenantId ? memberships.find((m) => m.tenant_id === input.tenantId) : memberships[0];
        if (input.tenantId && !chosen) {
          throw new AppError('FORBIDDEN', 'You are not a member of that tenant.');
        }
        const token = newSecretToken('sps');
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
        await trx
          .insertInto('identity_sessions')
          .values({
            id: newId(),
            token_hash: hashToken(token),
            user_id: user.id,
            active_tenant_id: chosen?.tenant_id ?? null,
            created_at: now,
            last_seen_at: now,
            expires_at: expiresAt,
            ip: input.ip ?? null,
            user_agent: input.userAgent?.slice(0, 300) ?? null,
          })
          .execute();
        await audit(trx, { action: 'login.succeeded', actorUserId: user.id, subject: email, ip: input.ip });
        return { ok: true, token, expiresAt, userId: user.id };
      },
    );
    // The failure is recorded (committed) before it is reported, so throttling counts it.
    if (!outcome.ok) throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong.');
    return outcome;
  }

  const activeMemberships = (trx: T, userId: string) =>
    trx
      .selectFrom('identity_memberships as m')
      .innerJoin('tenants as t', 't.id', 'm.tenant_id')
      .select(['m.tenant_id', 'm.roles', 't.name', 't.slug', 't.time_zone'])
      .where('m.user_id', '=', userId)
      .where('m.status', '=', 'active')
      .where('t.status', '=', 'active')
      .orderBy('m.created_at')
      .execute();

  /** Reads memberships across tenants: runs with the user set (RLS lets a person see their own). */
  const withUser = <R>(userId: string, fn: (trx: T) => Promise<R>) => db.system<IdentityTables, R>(fn, { userId });

  async function authenticateSession(token: string): Promise<Actor | null> {
    return db.system<IdentityTables, Actor | null>(async (trx) => {
      const session = await trx
        .selectFrom('identity_sessions as s')
        .innerJoin('identity_users as u', 'u.id', 's.user_id')
        .select(['s.id', 's.user_id', 's.active_tenant_id', 's.expires_at', 's.last_seen_at', 'u.is_super_admin', 'u.status'])
        .where('s.token_hash', '=', hashToken(token))
        .executeTakeFirst();
      const now = clock.now();
      if (!session || session.status !== 'active' || new Date(session.expires_at) <= now) return null;
      let roles: StaffRole[] = [];
      let tenantId = session.active_tenant_id as TenantId | null;
      if (tenantId) {
        await assumeRole(trx, DbRole.app, { tenantId, userId: session.user_id });
        const membership = await trx
          .selectFrom('identity_memberships as m')
          .innerJoin('tenants as t', 't.id', 'm.tenant_id')
          .select('m.roles')
          .where('m.user_id', '=', session.user_id)
          .where('m.tenant_id', '=', tenantId)
          .where('m.status', '=', 'active')
          .where('t.status', '=', 'active')
          .executeTakeFirst();
        // Removed from the tenant (or the tenant suspended) since login: the session falls back to no tenant.
        if (membership) roles = membership.roles;
        else tenantId = null;
      }
      if (now.getTime() - new Date(session.last_seen_at).getTime() > SESSION_TOUCH_INTERVAL_MS) {
        await trx.updateTable('identity_sessions').set({ last_seen_at: now }).where('id', '=', session.id).execute();
      }
      return { userId: session.user_id, isSuperAdmin: session.is_super_admin, tenantId, roles, via: 'session', sessionId: session.id };
    });
  }

  async function authenticateApiToken(token: string): Promise<Actor | null> {
    return db.system<IdentityTables, Actor | null>(async (trx) => {
      const { rows } = await sql<{ token_id: string; tenant_id: string; user_id: string; roles: StaffRole[] }>`
        select * from identity_resolve_api_token(${hashToken(token)})`.execute(trx);
      const found = rows[0];
      if (!found) return null;
      await assumeRole(trx, DbRole.app, { tenantId: found.tenant_id, userId: found.user_id });
      await trx.updateTable('identity_api_tokens').set({ last_used_at: clock.now() }).where('id', '=', found.token_id).execute();
      return { userId: found.user_id, isSuperAdmin: false, tenantId: found.tenant_id as TenantId, roles: found.roles, via: 'token', tokenId: found.token_id };
    });
  }

  async function logout(actor: Actor) {
    if (!actor.sessionId) return;
    await db.system<IdentityTables, void>(async (trx) => {
      await trx.deleteFrom('identity_sessions').where('id', '=', actor.sessionId!).execute();
      await audit(trx, { action: 'logout', actorUserId: actor.userId });
    });
  }

  async function me(actor: Actor) {
    return withUser(actor.userId, async (trx) => {
      const user = await trx
        .selectFrom('identity_users')
        .select(['id', 'email', 'name', 'phone', 'is_super_admin'])
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      const memberships = await activeMemberships(trx, actor.userId);
      return {
        user: { id: user.id, email: user.email, name: user.name, phone: user.phone, isSuperAdmin: user.is_super_admin },
        tenants: memberships.map((m) => ({ id: m.tenant_id, name: m.name, slug: m.slug, timeZone: m.time_zone, roles: m.roles })),
        activeTenantId: actor.tenantId,
        roles: actor.roles,
        permissions: permissionsOf(actor.roles),
      };
    });
  }

  async function switchTenant(actor: Actor, tenantId: string) {
    if (!actor.sessionId) throw new AppError('FORBIDDEN', 'API tokens are bound to one tenant.');
    await withUser(actor.userId, async (trx) => {
      const memberships = await activeMemberships(trx, actor.userId);
      if (!memberships.some((m) => m.tenant_id === tenantId)) {
        throw new AppError('NOT_FOUND', 'No such tenant among yours.');
      }
      await trx.updateTable('identity_sessions').set({ active_tenant_id: tenantId }).where('id', '=', actor.sessionId!).execute();
    });
  }

  /**
   * Changes the caller's password and signs out their other sessions. Their API tokens keep
   * working unless `revokeTokens` (a password that leaked may have made tokens too); the answer
   * says how many were revoked and how many remain.
   */
  async function changePassword(actor: Actor, input: { currentPassword: string; newPassword: string; revokeTokens?: boolean } & RequestOrigin) {
    if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'Change your password logged in as yourself, not with an API token.');
    const user = await withUser(actor.userId, (trx) =>
      trx.selectFrom('identity_users').select(['password_hash', 'email']).where('id', '=', actor.userId).executeTakeFirstOrThrow(),
    );
    assertStrongPassword(input.newPassword, user.email, 'body.newPassword');
    if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
      throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong.', { fields: [{ field: 'body.currentPassword', problem: 'wrong' }] });
    }
    const passwordHash = await hashPassword(input.newPassword);
    return withUser(actor.userId, async (trx) => {
      await trx.updateTable('identity_users').set({ password_hash: passwordHash, password_changed_at: clock.now() }).where('id', '=', actor.userId).execute();
      // Other devices signed in with the old password are signed out.
      await trx.deleteFrom('identity_sessions').where('user_id', '=', actor.userId).where('id', '!=', actor.sessionId!).execute();
      const { rows } = await sql<{ revoked: number; remaining: number }>`
        select * from identity_own_api_tokens(${input.revokeTokens ? clock.now() : null})`.execute(trx);
      const tokens = { tokensRevoked: rows[0].revoked, tokensRemaining: rows[0].remaining };
      await audit(trx, { action: 'password.changed', actorUserId: actor.userId, subject: user.email, ip: input.ip, details: tokens });
      return tokens;
    });
  }

  // ---- staff of a tenant ----

  /** Staff of the tenant, as the API shows them (RLS also shows a person their own other memberships: hence the filter). */
  const staffQuery = (trx: T, tenantId: TenantId) =>
    trx
      .selectFrom('identity_memberships as m')
      .innerJoin('identity_users as u', 'u.id', 'm.user_id')
      .select(['u.id as userId', 'u.email', 'u.name', 'u.phone', 'm.roles', 'm.status', 'm.created_at as addedAt'])
      .where('m.tenant_id', '=', tenantId);

  const listStaff = (actor: Actor) => {
    const tenantId = requireTenant(actor);
    return db.tenant<IdentityTables, StaffMember[]>(tenantId, (trx) => staffQuery(trx, tenantId).orderBy('u.name').execute());
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

  const invitations = createInvitations({ db, clock, audit });

  /** Adds staff by invitation: the answer carries the one-time link token, shown once. */
  const inviteStaff = (actor: Actor, input: { email: string; name: string; phone?: string; roles: StaffRole[] }) =>
    invitations.invite(actor, requireTenant(actor), input);
  const listInvitations = (actor: Actor) => invitations.listOpen(requireTenant(actor));
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

  // ---- API tokens ----

  async function createApiToken(actor: Actor, input: { name: string; roles: StaffRole[] }) {
    const tenantId = requireTenant(actor);
    // A token could otherwise mint a longer-lived or wider one.
    if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'An API token cannot create tokens; log in to create one.');
    // Roles, not permissions: an admin's permissions cover most of an owner's, yet an owner token would make them owner.
    const notHeld = input.roles.filter((r) => !actor.roles.includes(r));
    if (notHeld.length) throw new AppError('FORBIDDEN', `A token may only have roles you hold yourself; you are not ${notHeld.join(', ')}.`);
    const token = newSecretToken('spt');
    const id = newId();
    await db.tenant<IdentityTables, void>(tenantId, async (trx) => {
      await trx
        .insertInto('identity_api_tokens')
        .values({ id, tenant_id: tenantId, created_by: actor.userId, name: input.name, token_hash: hashToken(token), roles: input.roles, created_at: clock.now() })
        .execute();
      await audit(trx, { tenantId, actorUserId: actor.userId, action: 'token.created', subject: id, details: { name: input.name, roles: input.roles } });
    });
    return { id, name: input.name, roles: input.roles, token };
  }

  const listApiTokens = (actor: Actor) =>
    db.tenant<IdentityTables, ApiTokenSummary[]>(requireTenant(actor), (trx) =>
      trx
        .selectFrom('identity_api_tokens')
        .select(['id', 'name', 'roles', 'created_by as createdBy', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'])
        .orderBy('created_at', 'desc')
        .execute(),
    );

  async function revokeApiToken(actor: Actor, tokenId: string) {
    const tenantId = requireTenant(actor);
    await db.tenant<IdentityTables, void>(tenantId, async (trx) => {
      const result = await trx
        .updateTable('identity_api_tokens')
        .set({ revoked_at: clock.now() })
        .where('id', '=', tokenId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'No such active token.');
      await audit(trx, { tenantId, actorUserId: actor.userId, action: 'token.revoked', subject: tokenId });
    });
  }

  const listAudit = (actor: Actor, limit: number) =>
    db.tenant<IdentityTables, AuditRecord[]>(requireTenant(actor), (trx) =>
      trx
        .selectFrom('identity_audit_log')
        .select(['id', 'actor_user_id as actorUserId', 'action', 'subject', 'ip', 'details', 'created_at as createdAt'])
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute(),
    );

  /** Creates (or promotes) a platform super admin. Used by the CLI and the demo loader. */
  async function ensureSuperAdmin(input: { email: string; name: string; password: string }) {
    const email = input.email.trim().toLowerCase();
    assertStrongPassword(input.password, email, 'password');
    const passwordHash = await hashPassword(input.password);
    return db.system<IdentityTables, { userId: string; created: boolean }>(async (trx) => {
      const existing = await trx.selectFrom('identity_users').select('id').where(sql`lower(email)`, '=', email).executeTakeFirst();
      if (existing) {
        // A platform account is never tenant staff (the database refuses it too); RLS shows a person's memberships to themselves.
        await assumeRole(trx, DbRole.app, { userId: existing.id });
        const member = await trx.selectFrom('identity_memberships').select('id').where('user_id', '=', existing.id).executeTakeFirst();
        if (member) throw new AppError('CONFLICT', `${email} is staff of a tenant; a platform super admin needs an account of its own.`);
        await trx.updateTable('identity_users').set({ is_super_admin: true, password_hash: passwordHash }).where('id', '=', existing.id).execute();
      } else {
        await trx
          .insertInto('identity_users')
          .values({ id: newId(), email, name: input.name, password_hash: passwordHash, is_super_admin: true })
          .execute();
      }
      const { id } = await trx.selectFrom('identity_users').select('id').where(sql`lower(email)`, '=', email).executeTakeFirstOrThrow();
      await audit(trx, { action: 'super_admin.ensured', subject: email });
      return { userId: id, created: !existing };
    });
  }

  return {
    audit,
    login,
    authenticateSession,
    authenticateApiToken,
    logout,
    me,
    switchTenant,
    changePassword,
    listStaff,
    staffContactsInTransaction,
    inviteStaff,
    listInvitations,
    revokeInvitation,
    acceptInvitation: invitations.accept,
    updateStaff,
    addFirstOwner,
    preparePassword,
    createApiToken,
    listApiTokens,
    revokeApiToken,
    listAudit,
    ensureSuperAdmin,
  };
}

export type StaffMember = {
  userId: string;
  email: string;
  name: string;
  phone: string | null;
  roles: StaffRole[];
  status: 'active' | 'disabled';
  addedAt: Date;
};
export type ApiTokenSummary = {
  id: string;
  name: string;
  roles: StaffRole[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
export type AuditRecord = {
  id: string;
  actorUserId: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
};
