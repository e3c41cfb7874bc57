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
