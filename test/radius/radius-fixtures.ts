import { sql } from 'kysely';
import { asTenantId, type TenantId } from '../../src/platform/db/database.ts';
import { newId } from '../../src/platform/ids.ts';
import type { RadiusIsolationPolicy, RadiusLine } from '../../src/modules/network/radius/index.ts';
import type { TestDatabase } from '../harness.ts';

/** A tenant row (the tenants module's table) for RADIUS rows to belong to. */
export async function seedTenant(db: TestDatabase, slug: string): Promise<TenantId> {
  const id = asTenantId(newId());
  await db.owner.insertInto('tenants').values({ id, slug, name: `Net ${slug}`, time_zone: 'Asia/Jakarta' }).execute();
  return id;
}

/**
 * The customer a line belongs to (RADIUS rows reference it, tenant included). A DHCP anchor, not
 * the PPPoE username itself: tests sync one username for two tenants to see the second refused.
 */
export async function seedCustomer(db: TestDatabase, tenantId: TenantId, customerId: string) {
  await sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
    values (${newId()}, ${tenantId}, 'anchor', 1000, 1000, 1, 'anchor', now()) on conflict (tenant_id, name) do nothing`.execute(db.owner);
  await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, ip_address, activated_on, created_at)
    select ${customerId}, ${tenantId}, ${customerId}, 'Pelanggan', '+6281200000000', id, 'dhcp', '10.0.0.9', '2026-11-01', now()
    from service_plans where tenant_id = ${tenantId} and name = 'anchor'
    on conflict (id) do nothing`.execute(db.owner);
}

/** An active PPPoE line on a 20/10 Mbps plan. */
export const pppoeLine = (username: string, overrides: Partial<RadiusLine> = {}): RadiusLine => ({
  customerId: newId(),
  username,
  password: `pw-${username}`,
  plan: { profile: 'paket-20m', downloadKbps: 20_000, uploadKbps: 10_000 },
  isolated: false,
  ...overrides,
});

export const isolationPolicy: RadiusIsolationPolicy = {
  addressList: 'simpul-isolir',
  framedPool: 'pool-isolir',
  rateLimit: { downloadKbps: 512, uploadKbps: 256 },
};
