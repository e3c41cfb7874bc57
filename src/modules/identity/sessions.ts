import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Clock } from '../../platform/clock.ts';
import { createAccessCache } from '../../platform/db/access-cache.ts';
import { assumeRole, DbRole, tenantRoleScope, type Database, type TenantId, type Tx } from '../../platform/db/database.ts';
import type { IdentityFeatures } from './api-tokens.ts';
import type { createImpersonation } from './impersonation.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor, RequestOrigin } from './actor.ts';
import type { RecordAudit } from './audit.ts';
import type { IdentityTables, StaffRole } from './identity.tables.ts';
import { assertLoginAllowed, type LoginThrottleConfig } from './login-throttle.ts';
import { assertStrongPassword } from './password-policy.ts';
import { permissionsOf } from './permissions.ts';
import { dummyPasswordHash, hashPassword, hashToken, newSecretToken, verifyPassword } from './secrets.ts';
import { identityErrors } from './identity.errors.ts';

type T = Tx<IdentityTables>;

export type IdentityConfig = LoginThrottleConfig & { sessionTtlHours: number };

/**
 * What identity reads of tenants. The tenants module provides it through the composition root,
 * so identity never names the tenants table (and the tenants module, which uses identity to add
 * a first owner, is not imported back).
 */
export type TenantsForIdentity = {
  /** Of `tenantIds`, the active tenants the open transaction may see, as a member is shown them. */
  activeTenantsInTransaction(trx: Tx, tenantIds: readonly string[]): Promise<{ id: string; name: string; slug: string; timeZone: string }[]>;
};

/** The sliding "last seen" is written at most once a minute per session, not on every request. */
const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** Login, logout, the session behind a cookie, the caller's own profile, tenant switch and password change. */
export function createSessions(deps: {
  db: Database;
  clock: Clock;
  config: IdentityConfig;
  audit: RecordAudit;
  tenants: TenantsForIdentity;
  features?: IdentityFeatures;
  impersonation?: ReturnType<typeof createImpersonation>;
}) {
  const { db, clock, config, audit, tenants } = deps;

  /** The user's active memberships in active tenants, oldest first, with the tenant as they see it. */
  async function activeMemberships(trx: T, userId: string) {
    const memberships = await trx
      .selectFrom('identity_memberships')
      .select(['tenant_id', 'roles'])
      .where('user_id', '=', userId)
      .where('status', '=', 'active')
      .orderBy('created_at')
      .execute();
    return inActiveTenants(trx, memberships);
  }

  /** Of `memberships` (oldest first), those in active tenants, with the tenant as the member sees it. */
  async function inActiveTenants(trx: T, memberships: readonly { tenant_id: string; roles: StaffRole[] }[]) {
    const active = new Map((await tenants.activeTenantsInTransaction(trx, memberships.map((m) => m.tenant_id))).map((t) => [t.id, t]));
    return memberships.flatMap((m) => {
      const tenant = active.get(m.tenant_id);
      return tenant ? [{ tenantId: m.tenant_id, roles: m.roles, name: tenant.name, slug: tenant.slug, timeZone: tenant.timeZone }] : [];
    });
  }

  /** Reads memberships across tenants: runs with the user set (RLS lets a person see their own). */
  const withUser = <R>(userId: string, fn: (trx: T) => Promise<R>) => db.system<IdentityTables, R>(fn, { userId });

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
        const chosen = input.tenantId ? memberships.find((m) => m.tenantId === input.tenantId) : memberships[0];
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
            active_tenant_id: chosen?.tenantId ?? null,
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
    if (!outcome.ok) throw new AppError(identityErrors.INVALID_CREDENTIALS, 'Email or password is wrong.');
    return outcome;
  }

  /**
   * Who a session cookie is, in one statement (`identity_resolve_session`), cached per process
   * until an access change (logout, revoke, password, roles, staff or tenant status,
   * impersonation), the session's or the impersonation's end, or the cache's max age.
   */
  const resolvedSessions = createAccessCache<Actor>({ db, clock });

  async function authenticateSession(token: string): Promise<Actor | null> {
    const actor = await resolvedSessions.get(hashToken(token), () => resolveSession(token));
    // A super admin impersonating works in that tenant as its admin, and every tenant
    // transaction of this request runs as simpul_support (no payment history, private data, credentials).
    if (actor?.impersonation) {
      const scope = tenantRoleScope.getStore();
      if (scope) scope.role = DbRole.support;
    }
    return actor && { ...actor };
  }

  async function resolveSession(token: string): Promise<{ value: Actor; until: Date } | null> {
    const now = clock.now();
    const { rows } = await db.system((trx) =>
      sql<{
        session_id: string;
        user_id: string;
        is_super_admin: boolean;
        expires_at: Date;
        tenant_id: string | null;
        roles: StaffRole[];
        impersonation_id: string | null;
        impersonation_tenant_id: string | null;
        impersonation_write_allowed: boolean | null;
        impersonation_expires_at: Date | null;
        impersonation_reason: string | null;
      }>`select * from identity_resolve_session(${hashToken(token)}, ${now}, ${new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS)})`.execute(trx),
    );
    const r = rows[0];
    if (!r) return null;
    const session = { userId: r.user_id, isSuperAdmin: r.is_super_admin, via: 'session', sessionId: r.session_id } as const;
    const sessionEnds = new Date(r.expires_at);
    if (r.impersonation_id && deps.impersonation) {
      const expiresAt = new Date(r.impersonation_expires_at!);
      const impersonation = { id: r.impersonation_id, writeAllowed: r.impersonation_write_allowed!, expiresAt, reason: r.impersonation_reason! };
      return { value: { ...session, tenantId: r.impersonation_tenant_id as TenantId, roles: ['admin'], impersonation }, until: expiresAt < sessionEnds ? expiresAt : sessionEnds };
    }
    // Removed from the tenant (or the tenant suspended) since login: the session falls back to no tenant.
    return { value: { ...session, tenantId: r.tenant_id as TenantId | null, roles: r.tenant_id ? r.roles : [] }, until: sessionEnds };
  }

  async function logout(actor: Actor) {
    if (!actor.sessionId) return;
    await db.system<IdentityTables, void>(async (trx) => {
      await trx.deleteFrom('identity_sessions').where('id', '=', actor.sessionId!).execute();
      await audit(trx, { action: 'logout', actorUserId: actor.userId });
    });
  }

  /**
   * Who a person is and the tenants they work in, as /api/me shows it on every page: cached per
   * user like the session behind it, so a warm /api/me costs no round trip. Every column read here
   * signals an access change (memberships; a user's status, name, email, phone; a tenant's status,
   * name, slug, time zone: migrations …T0200 and 20261210T0500), which empties the cache.
   */
  const profiles = createAccessCache<{ user: { id: string; email: string; name: string; phone: string | null; isSuperAdmin: boolean }; tenants: { id: string; name: string; slug: string; timeZone: string; roles: StaffRole[] }[] }>({ db, clock });
  const profileOf = async (userId: string) =>
    (await profiles.get(userId, async () => ({
      value: await withUser(userId, async (trx) => {
        // The user and their active memberships in one statement, then the tenants' names: two reads.
        const user = await trx
          .selectFrom('identity_users as u')
          .select(['u.id', 'u.email', 'u.name', 'u.phone', 'u.is_super_admin'])
          .select((eb) =>
            jsonArrayFrom(eb.selectFrom('identity_memberships as m').select(['m.tenant_id', 'm.roles']).whereRef('m.user_id', '=', 'u.id').where('m.status', '=', 'active').orderBy('m.created_at')).as('memberships'),
          )
          .where('u.id', '=', userId)
          .executeTakeFirstOrThrow();
        const memberships = await inActiveTenants(trx, user.memberships);
        return {
          user: { id: user.id, email: user.email, name: user.name, phone: user.phone, isSuperAdmin: user.is_super_admin },
          tenants: memberships.map((m) => ({ id: m.tenantId, name: m.name, slug: m.slug, timeZone: m.timeZone, roles: m.roles })),
        };
      }),
    })))!;

  async function me(actor: Actor) {
    // What the tenant's subscription switches on now (the console hides the rest); cached per process like the banner.
    const features = actor.tenantId && deps.features ? await deps.features.featuresOf(actor.tenantId) : [];
    // The banner: the super admin sees their own impersonation; the tenant's staff see who is working as their admin.
    const open = actor.tenantId && deps.impersonation ? await deps.impersonation.openInTenant(actor.tenantId) : undefined;
    const impersonation = open
      ? { superAdminName: open.superAdminName, reason: open.reason, expiresAt: new Date(open.expiresAt), writeAllowed: open.writeAllowed, you: actor.impersonation?.id === open.id }
      : null;
    const profile = await profileOf(actor.userId);
    return {
      user: { ...profile.user },
      tenants: profile.tenants.map((t) => ({ ...t })),
      activeTenantId: actor.tenantId,
      roles: actor.roles,
      permissions: permissionsOf(actor.roles),
      features,
      impersonation,
    };
  }

  async function switchTenant(actor: Actor, tenantId: string) {
    if (!actor.sessionId) throw new AppError('FORBIDDEN', 'API tokens are bound to one tenant.');
    await withUser(actor.userId, async (trx) => {
      const memberships = await activeMemberships(trx, actor.userId);
      if (!memberships.some((m) => m.tenantId === tenantId)) {
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
      throw new AppError(identityErrors.INVALID_CREDENTIALS, 'The current password is wrong.', { fields: [{ field: 'body.currentPassword', problem: 'wrong' }] });
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

  return { login, authenticateSession, logout, me, switchTenant, changePassword };
}
