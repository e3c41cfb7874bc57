import { sql } from 'kysely';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { createAccessCache } from '../../platform/db/access-cache.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import type { TenantsTables, TimeZone } from './tenants.tables.ts';

export type ActiveTenant = { id: TenantId; timeZone: TimeZone; createdAt: Date };

export type TenantDirectory = ReturnType<typeof createTenantDirectory>;

/**
 * The one way other code reads tenants: identity (memberships, sessions), the platform scheduler
 * (per-tenant fan-out) and modules (time zone, profile, webhook slugs) get these functions through
 * the composition root instead of querying the `tenants` table.
 */
export function createTenantDirectory(deps: { db: Database; clock?: Clock }) {
  const { db } = deps;
  // Webhook slugs → ids, per process: a payment rush resolves the same slug hundreds of times a
  // second. Emptied by the access-changed signal, which a tenant's suspension or deletion raises
  // (the `tenants` trigger of migration …T0200); slugs never change. Unknown slugs are not kept.
  const idsBySlug = createAccessCache<TenantId>({ db, clock: deps.clock ?? systemClock });

  /** Active tenants, for per-tenant fan-out of scheduled work; only those among `tenantIds` when given. */
  const activeTenants = (tenantIds?: readonly string[]) =>
    db.platform<TenantsTables, ActiveTenant[]>(async (trx) => {
      if (tenantIds?.length === 0) return [];
      let query = trx.selectFrom('tenants').select(['id', 'time_zone', 'created_at']).where('status', '=', 'active');
      if (tenantIds) query = query.where('id', '=', sql<string>`any(${[...tenantIds]}::uuid[])`);
      return (await query.execute()).map((t) => ({ id: t.id as TenantId, timeZone: t.time_zone, createdAt: new Date(t.created_at) }));
    });

  /** Of `tenantIds`, the active tenants the caller's open transaction may see (RLS), as a member is shown them. */
  async function activeTenantsInTransaction(trx: Tx, tenantIds: readonly string[]) {
    if (tenantIds.length === 0) return [];
    const rows = await (trx as Tx<TenantsTables>)
      .selectFrom('tenants')
      .select(['id', 'name', 'slug', 'time_zone'])
      .where('id', '=', sql<string>`any(${[...tenantIds]}::uuid[])`)
      .where('status', '=', 'active')
      .execute();
    return rows.map((t) => ({ id: t.id, name: t.name, slug: t.slug, timeZone: t.time_zone }));
  }

  /** The current tenant's time zone, inside another module's tenant transaction. */
  async function timeZoneInTransaction(trx: Tx): Promise<TimeZone> {
    const t = await (trx as Tx<TenantsTables>).selectFrom('tenants').select('time_zone').where('id', '=', sql<string>`app_tenant_id()`).executeTakeFirstOrThrow();
    return t.time_zone;
  }

  /** The current tenant's name, slug and time zone, inside another module's tenant transaction (message texts, webhook URLs). */
  async function profileInTransaction(trx: Tx): Promise<{ id: string; slug: string; name: string; timeZone: TimeZone }> {
    const t = await (trx as Tx<TenantsTables>)
      .selectFrom('tenants')
      .select(['id', 'slug', 'name', 'time_zone'])
      .where('id', '=', sql<string>`app_tenant_id()`)
      .executeTakeFirstOrThrow();
    return { id: t.id, slug: t.slug, name: t.name, timeZone: t.time_zone };
  }

  /** Resolves a tenant from the slug in a public URL (payment webhooks); only active tenants. */
  const findIdBySlug = (slug: string) =>
    idsBySlug.get(slug, () =>
      db.platform<TenantsTables, { value: TenantId } | null>(async (trx) => {
        const t = await trx.selectFrom('tenants').select('id').where('slug', '=', slug).where('status', '=', 'active').executeTakeFirst();
        return t ? { value: t.id as TenantId } : null;
      }),
    );

  /** Whether any tenant exists, active or not (the embedded demo loads only into an empty database). */
  const anyTenantExists = () =>
    db.platform<TenantsTables, boolean>(async (trx) => (await trx.selectFrom('tenants').select('id').limit(1).executeTakeFirst()) !== undefined);

  return { activeTenants, activeTenantsInTransaction, timeZoneInTransaction, profileInTransaction, findIdBySlug, anyTenantExists };
}
