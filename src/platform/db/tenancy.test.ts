import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { asTenantId } from './database.ts';
import { newId } from '../ids.ts';

describe.each(drivers)('tenancy enforced by PostgreSQL on %s', (driver) => {
  let db: TestDatabase;
  const tenantA = asTenantId(newId());
  const tenantB = asTenantId(newId());
  const userA = newId();
  const userB = newId();

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    await sql`insert into tenants (id, slug, name, time_zone) values
      (${tenantA}, 'net-a', 'Net A', 'Asia/Jakarta'), (${tenantB}, 'net-b', 'Net B', 'Asia/Jayapura')`.execute(db.owner);
    await sql`insert into identity_users (id, email, name, password_hash) values
      (${userA}, 'a@example.id', 'A', 'x'), (${userB}, 'b@example.id', 'B', 'x')`.execute(db.owner);
    await sql`insert into identity_memberships (id, tenant_id, user_id, roles) values
      (${newId()}, ${tenantA}, ${userA}, '{admin}'), (${newId()}, ${tenantB}, ${userB}, '{admin}')`.execute(db.owner);
  });
  afterAll(() => db?.drop());

  it('should show only the current tenant’s rows to a query that forgets its tenant filter', async () => {
    const rows = await db.tenant(tenantA, (trx) => sql<{ user_id: string }>`select user_id from identity_memberships`.execute(trx));
    expect(rows.rows.map((r) => r.user_id)).toEqual([userA]);
    const tenants = await db.tenant(tenantB, (trx) => sql<{ slug: string }>`select slug from tenants`.execute(trx));
    expect(tenants.rows.map((r) => r.slug)).toEqual(['net-b']);
  });

  it('should refuse a write into another tenant and keep what was there', async () => {
    await expect(
      db.tenant(tenantA, (trx) =>
        sql`insert into identity_memberships (id, tenant_id, user_id, roles) values (${newId()}, ${tenantB}, ${userA}, '{admin}')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await db.tenant(tenantA, (trx) => sql`update identity_memberships set roles = '{owner}' where tenant_id = ${tenantB}`.execute(trx));
    expect(Number(updated.numAffectedRows)).toBe(0);
    const b = await sql<{ roles: string[] }>`select roles from identity_memberships where tenant_id = ${tenantB}`.execute(db.owner);
    expect(b.rows).toEqual([{ roles: ['admin'] }]);
  });

  it('should not carry a tenant from one transaction into the next', async () => {
    await db.tenant(tenantA, async () => undefined);
    const rows = await db.system((trx) => sql`select * from identity_memberships`.execute(trx));
    expect(rows.rows).toEqual([]);
  });

  it('should keep the platform role away from tenant-internal rows', async () => {
    await expect(db.platform((trx) => sql`select * from identity_memberships`.execute(trx))).rejects.toThrow(/permission denied/);
    const summaries = await db.platform((trx) => sql<{ slug: string; staff_count: number }>`select slug, staff_count from platform_tenant_summaries order by slug`.execute(trx));
    expect(summaries.rows).toEqual([{ slug: 'net-a', staff_count: 1 }, { slug: 'net-b', staff_count: 1 }]);
  });

  it('should roll back every write of a failed transaction', async () => {
    await expect(
      db.tenant(tenantA, async (trx) => {
        await sql`update identity_memberships set roles = '{owner}' where user_id = ${userA}`.execute(trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const a = await sql<{ roles: string[] }>`select roles from identity_memberships where user_id = ${userA}`.execute(db.owner);
    expect(a.rows).toEqual([{ roles: ['admin'] }]);
  });
});
