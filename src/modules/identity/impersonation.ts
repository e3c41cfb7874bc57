import type { Clock } from '../../platform/clock.ts';
import type { Page } from '../../platform/http/pagination.ts';
import { createAccessCache } from '../../platform/db/access-cache.ts';
import { DbRole, tenantRoleScope, type Database, type TenantId, type Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from './actor.ts';
import type { RecordAudit } from './audit.ts';

/** The longest an impersonation lasts. */
export const IMPERSONATION_MAX_MINUTES = 30;

export type Impersonation = { id: string; writeAllowed: boolean; expiresAt: Date; reason: string };

/** What identity needs from outside: whether the tenant's owner granted support write, and whether the tenant is active. */
export type ImpersonationPorts = {
  supportWriteAllowed(tenantId: string): Promise<boolean>;
  isActiveTenant(tenantId: string): Promise<boolean>;
};

export type StartImpersonationOptions = { tenantId: string; reason: string; minutes?: number };

/**
 * A super admin works in a tenant as its admin: with a reason, for at most 30 minutes, read-only
 * unless the owner allowed support write. The session's tenant transactions run as
 * `simpul_support` (see authenticateSession), which PostgreSQL refuses payment history, payments,
 * customers' private data and credentials. Every action lands in the tenant's own audit log under
 * the real super admin.
 */
export function createImpersonation(deps: { db: Database; clock: Clock; audit: RecordAudit; ports?: ImpersonationPorts }) {
  const { db, clock, audit } = deps;

  /** A transaction as support in the tenant (the tenant's audit log is written this way). */
  const asSupport = <R>(tenantId: string, fn: (trx: Tx<any>) => Promise<R>) => tenantRoleScope.run({ role: DbRole.support }, () => db.tenant(tenantId as TenantId, fn));

  async function start(actor: Actor, options: StartImpersonationOptions) {
    if (!actor.isSuperAdmin || actor.via !== 'session' || !actor.sessionId) throw new AppError('FORBIDDEN', 'Only a platform super admin, logged in, may impersonate.');
    if (actor.impersonation) throw new AppError('CONFLICT', 'End the current impersonation first.');
    const reason = options.reason.trim();
    if (reason.length < 5) throw new AppError('VALIDATION_FAILED', 'Say why you need to work as this tenant’s admin (at least 5 characters).', { fields: { reason: 'required' } });
    const minutes = options.minutes ?? IMPERSONATION_MAX_MINUTES;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > IMPERSONATION_MAX_MINUTES) {
      throw new AppError('VALIDATION_FAILED', `An impersonation lasts 1 to ${IMPERSONATION_MAX_MINUTES} minutes.`, { fields: { minutes: `must be 1–${IMPERSONATION_MAX_MINUTES}` } });
    }
    if (deps.ports && !(await deps.ports.isActiveTenant(options.tenantId))) throw new AppError('NOT_FOUND', 'No such active tenant.');
    const writeAllowed = (await deps.ports?.supportWriteAllowed(options.tenantId)) ?? false;
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    const id = newId();
    await db.platform(async (trx) => {
      const me = await trx.selectFrom('identity_users').select('name').where('id', '=', actor.userId).executeTakeFirstOrThrow();
      await trx
        .insertInto('identity_impersonations')
        .values({ id, tenant_id: options.tenantId, session_id: actor.sessionId!, super_admin_id: actor.userId, super_admin_name: me.name, reason, write_allowed: writeAllowed, started_at: now, expires_at: expiresAt })
        .execute();
    });
    await asSupport(options.tenantId, (trx) => audit(trx, { tenantId: options.tenantId, actorUserId: actor.userId, action: 'impersonation.started', subject: id, details: { reason, minutes, writeAllowed } }));
    return { id, tenantId: options.tenantId, reason, writeAllowed, startedAt: now, expiresAt };
  }

  async function end(actor: Actor) {
    if (!actor.sessionId) return { ended: false };
    const now = clock.now();
    const ended = await db.platform((trx) =>
      trx.updateTable('identity_impersonations').set({ ended_at: now }).where('session_id', '=', actor.sessionId!).where('ended_at', 'is', null).returning(['id', 'tenant_id']).execute(),
    );
    for (const row of ended) {
      await asSupport(row.tenant_id, (trx) => audit(trx, { tenantId: row.tenant_id, actorUserId: actor.userId, action: 'impersonation.ended', subject: row.id }));
    }
    return { ended: ended.length > 0 };
  }

  /** One line in the tenant's audit log per request made while impersonating, under the real super admin. */
  async function recordAction(actor: Actor, action: { method: string; url: string; status: number }) {
    if (!actor.impersonation || !actor.tenantId) return;
    await asSupport(actor.tenantId, (trx) =>
      audit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, action: 'impersonation.request', subject: `${action.method} ${action.url}`.slice(0, 300), details: { status: action.status, impersonationId: actor.impersonation!.id } }),
    );
  }

  type OpenImpersonation = { id: string; tenantId: string; superAdminId: string; superAdminName: string; reason: string; writeAllowed: boolean; startedAt: Date; expiresAt: Date; endedAt: Date | null };
  const columns = ['id', 'tenant_id as tenantId', 'super_admin_id as superAdminId', 'super_admin_name as superAdminName', 'reason', 'write_allowed as writeAllowed', 'started_at as startedAt', 'expires_at as expiresAt', 'ended_at as endedAt'] as const;

  /** Every impersonation (the super admin's history). */
  const history = (page: Page) =>
    db.platform((trx) => trx.selectFrom('identity_impersonations').select(columns).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute());

  /** The tenant's own view: who worked as its admin, when and why (staff see the banner from the open one). */
  const tenantHistory = (tenantId: TenantId, page: Page) =>
    db.tenant(tenantId, (trx) => trx.selectFrom('identity_impersonations').select(columns).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute());

  /**
   * The open impersonation of a tenant, for the banner every staff member sees on every page
   * (/api/me): cached per process until an impersonation starts or ends (an access change) or
   * this one's time is up. `none` marks a tenant without one (the cache keeps no nulls).
   */
  const openByTenant = createAccessCache<OpenImpersonation | 'none'>({ db, clock });
  const openInTenant = async (tenantId: TenantId) => {
    const open = await openByTenant.get(tenantId, async () => {
      const row = await db.tenant(tenantId, (trx) =>
        trx.selectFrom('identity_impersonations').select(columns).where('ended_at', 'is', null).where('expires_at', '>', clock.now()).orderBy('started_at', 'desc').executeTakeFirst(),
      );
      return row ? { value: row, until: new Date(row.expiresAt) } : { value: 'none' };
    });
    return open === 'none' ? undefined : (open ?? undefined);
  };

  return { start, end, recordAction, history, tenantHistory, openInTenant };
}
