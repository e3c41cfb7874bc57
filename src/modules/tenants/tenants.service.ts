import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { asTenantId, enterTenant, type Database, type TenantId, type Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor, IdentityService } from '../identity/index.ts';

/** Indonesia's three zones, by the names operators use. */
export const timeZones = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type TimeZone = (typeof timeZones)[keyof typeof timeZones];

export type TenantSummary = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  status: 'active' | 'suspended';
  staffCount: number;
  createdAt: Date;
};

type TenantsTables = {
  tenants: { id: string; slug: string; name: string; time_zone: string; status: 'active' | 'suspended'; created_at: Date };
  platform_tenant_summaries: {
    id: string;
    slug: string;
    name: string;
    time_zone: string;
    status: 'active' | 'suspended';
    staff_count: number;
    created_at: Date;
  };
};

export type TenantsService = ReturnType<typeof createTenantsService>;

export function createTenantsService(deps: { db: Database; clock: Clock; identity: IdentityService }) {
  const { db, identity } = deps;

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
  const listTenants = () =>
    db.platform<TenantsTables, TenantSummary[]>(async (trx) =>
      (await trx.selectFrom('platform_tenant_summaries').selectAll().orderBy('created_at').execute()).map(toSummary),
    );

  /** Staff: the tenant they work in. */
  const getCurrentTenant = (tenantId: TenantId) =>
    db.tenant<TenantsTables, Omit<TenantSummary, 'staffCount'>>(tenantId, async (trx) => {
      const t = await trx.selectFrom('tenants').selectAll().executeTakeFirstOrThrow();
      return { id: t.id, slug: t.slug, name: t.name, timeZone: t.time_zone, status: t.status, createdAt: t.created_at };
    });

  /** The current tenant's time zone, inside another module's tenant transaction. */
  async function timeZoneInTransaction(trx: Tx): Promise<TimeZone> {
    const t = await (trx as Tx<TenantsTables>).selectFrom('tenants').select('time_zone').where('id', '=', sql<string>`app_tenant_id()`).executeTakeFirstOrThrow();
    return t.time_zone as TimeZone;
  }

  /** The current tenant's name, slug and time zone, inside another module's tenant transaction (message texts, webhook URLs). */
  async function profileInTransaction(trx: Tx): Promise<{ id: string; slug: string; name: string; timeZone: TimeZone }> {
    const t = await (trx as Tx<TenantsTables>)
      .selectFrom('tenants')
      .select(['id', 'slug', 'name', 'time_zone'])
      .where('id', '=', sql<string>`app_tenant_id()`)
      .executeTakeFirstOrThrow();
    return { id: t.id, slug: t.slug, name: t.name, timeZone: t.time_zone as TimeZone };
  }

  /** Active tenants, for per-tenant fan-out of scheduled work. */
  const listActiveTenantIds = () =>
    db.platform<TenantsTables, { id: TenantId; timeZone: TimeZone }[]>(async (trx) =>
      (await trx.selectFrom('tenants').select(['id', 'time_zone']).where('status', '=', 'active').execute()).map((t) => ({
        id: t.id as TenantId,
        timeZone: t.time_zone as TimeZone,
      })),
    );

  /** Resolves a tenant from the slug in a public URL (payment webhooks); only active tenants. */
  const findIdBySlug = (slug: string) =>
    db.platform<TenantsTables, TenantId | null>(async (trx) => {
      const t = await trx.selectFrom('tenants').select('id').where('slug', '=', slug).where('status', '=', 'active').executeTakeFirst();
      return t ? (t.id as TenantId) : null;
    });

  return { createTenant, listTenants, getCurrentTenant, timeZoneInTransaction, profileInTransaction, listActiveTenantIds, findIdBySlug };
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
