import type { Clock } from '../../platform/clock.ts';
import type { Page } from '../../platform/http/pagination.ts';
import { asTenantId, enterTenant, type Database, type TenantId, type Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { TenantDirectory } from './tenant-directory.ts';
import type { TenantsTables, TimeZone } from './tenants.tables.ts';

export type TenantSummary = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  status: 'active' | 'suspended';
  staffCount: number;
  createdAt: Date;
};

export type TenantsService = ReturnType<typeof createTenantsService>;

/** Tenant accounts: the super admin's create and list, staff's own tenant, and every read of the directory. */
export function createTenantsService(deps: { db: Database; clock: Clock; identity: IdentityService; directory: TenantDirectory }) {
  const { db, identity, directory } = deps;

  /** Super admin: a new ISP with its first owner, in one transaction. */
  async function createTenant(
    actor: Actor,
    input: { name: string; slug: string; timeZone: TimeZone; owner: { email: string; name: string; password?: string } },
  ) {
    const passwordHash = await identity.preparePassword(input.owner.password, input.owner.email, 'body.owner.password');
    return db.platform<TenantsTables, { tenant: TenantSummary; ownerUserId: string }>(async (trx) => {
      const taken = await trx.selectFrom('tenants').select('id').where('slug', '=', input.slug).executeTakeFirst();
      if (taken) throw new AppError('CONFLICT', `The slug "${input.slug}" is taken.`, { fields: { slug: 'taken' } });
      const tenantId = asTenantId(newId());
      await trx.insertInto('tenants').values({ id: tenantId, slug: input.slug, name: input.name, time_zone: input.timeZone, status: 'active', created_at: deps.clock.now() }).execute();
      await identity.audit(trx as Tx, { actorUserId: actor.userId, action: 'tenant.created', subject: input.slug, details: { tenantId } });
      await enterTenant(trx, tenantId, actor.userId);
      const { userId } = await identity.addFirstOwner(trx as Tx, tenantId, { ...input.owner, passwordHash }, actor.userId);
      const tenant = await trx.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirstOrThrow();
      return { tenant: { ...toSummary({ ...tenant, staff_count: 1 }) }, ownerUserId: userId };
    });
  }

  /** Super admin: every tenant with counts, never tenant-internal rows (RLS and grants enforce it). */
  const listTenants = (page: Page) =>
    db.platform<TenantsTables, TenantSummary[]>(async (trx) =>
      (await trx.selectFrom('platform_tenant_summaries').selectAll().orderBy('created_at').orderBy('id').limit(page.limit).offset(page.offset).execute()).map(toSummary),
    );

  /** Staff: the tenant they work in. */
  const getCurrentTenant = (tenantId: TenantId) =>
    db.tenant<TenantsTables, Omit<TenantSummary, 'staffCount'>>(tenantId, async (trx) => {
      const t = await trx.selectFrom('tenants').selectAll().executeTakeFirstOrThrow();
      return { id: t.id, slug: t.slug, name: t.name, timeZone: t.time_zone, status: t.status, createdAt: t.created_at };
    });

  /** Super admin: suspend a tenant (its staff lose the console, its scheduled work stops) or resume it; audited with the reason. */
  const setTenantStatus = (actor: Actor, tenantId: string, input: { status: 'active' | 'suspended'; reason: string }) =>
    db.platform<TenantsTables, TenantSummary>(async (trx) => {
      const row = await trx.updateTable('tenants').set({ status: input.status }).where('id', '=', tenantId).returning('slug').executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'No such tenant.');
      await identity.audit(trx as Tx, { actorUserId: actor.userId, action: input.status === 'suspended' ? 'tenant.suspended' : 'tenant.resumed', subject: row.slug, details: { tenantId, reason: input.reason } });
      return toSummary(await trx.selectFrom('platform_tenant_summaries').selectAll().where('id', '=', tenantId).executeTakeFirstOrThrow());
    });

  return { ...directory, createTenant, listTenants, getCurrentTenant, setTenantStatus };
}

const toSummary = (t: TenantsTables['platform_tenant_summaries']): TenantSummary => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  timeZone: t.time_zone,
  status: t.status,
  staffCount: t.staff_count,
  createdAt: t.created_at,
});
