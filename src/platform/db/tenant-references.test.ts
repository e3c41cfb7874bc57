import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { seedTenantRows } from '../../../test/tenant-rows.ts';
import { asTenantId } from './database.ts';
import { newId } from '../ids.ts';

type ForeignKey = { name: string; table: string; columns: string[]; target: string; targetColumns: string[] };

/**
 * uuid columns of tenant tables that are not references to another tenant row, and why. Any
 * other uuid column must be a foreign key that includes tenant_id (a new table's soft reference
 * fails here).
 */
const notReferences: Record<string, string> = {
  'event_outbox.causation_id': 'an event id; the outbox is pruned',
  'event_inbox.event_id': 'an event id; the outbox is pruned',
  'event_failures.event_id': 'an event id; dead letters outlive the pruned outbox',
  'notifications_messages.event_id': 'an event id; the outbox is pruned',
  'notifications_messages.recipient_id': 'customer or staff: checked through recipient_customer_id / recipient_staff_id',
  'notifications_messages.claim_id': 'a delivery worker’s claim token',
  'identity_audit_log.actor_user_id': 'platform actions are logged into a tenant’s log by a non-member',
};

/** Generated columns are written through the column they are computed from. */
const writtenThrough: Record<string, string> = {
  'notifications_messages.recipient_customer_id': 'recipient_id',
  'notifications_messages.recipient_staff_id': 'recipient_id',
};

describe.each(drivers)('references between tenant tables on %s', (driver) => {
  let db: TestDatabase;
  let tenantTables: Set<string>;
  let allForeignKeys: ForeignKey[];
  /** Those between two tenant tables. */
  let foreignKeys: ForeignKey[];
  const tenantA = asTenantId(newId());
  const tenantB = asTenantId(newId());
  let rowsB: Awaited<ReturnType<typeof seedTenantRows>>;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    await sql`insert into tenants (id, slug, name, time_zone) values
      (${tenantA}, 'net-a', 'Net A', 'Asia/Jakarta'), (${tenantB}, 'net-b', 'Net B', 'Asia/Makassar')`.execute(db.owner);
    await seedTenantRows(db.owner, tenantA, 'net-a', '10.9.0.1');
    rowsB = await seedTenantRows(db.owner, tenantB, 'net-b', '10.9.0.2');

    const tables = await sql<{ table_name: string }>`
      select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.column_name = 'tenant_id'`.execute(db.owner);
    tenantTables = new Set(tables.rows.map((r) => r.table_name));
    const fks = await sql<ForeignKey>`
      select c.conname as name, c.conrelid::regclass::text as table, c.confrelid::regclass::text as target,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as "targetColumns"
      from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace order by c.conname`.execute(db.owner);
    allForeignKeys = fks.rows;
    foreignKeys = allForeignKeys.filter((fk) => tenantTables.has(fk.table) && tenantTables.has(fk.target));
  });
  afterAll(() => db?.drop());

  it('should include tenant_id on both sides of every foreign key between tenant tables', () => {
    const withoutTenant = foreignKeys
      .filter((fk) => fk.targetColumns[fk.columns.indexOf('tenant_id')] !== 'tenant_id')
      .map((fk) => `${fk.name}: ${fk.table} (${fk.columns}) → ${fk.target} (${fk.targetColumns})`);
    expect(withoutTenant).toEqual([]);
    // The references of finding 9 are among them (so this list is not vacuously empty).
    expect(foreignKeys.map((fk) => fk.name)).toEqual(
      expect.arrayContaining(['customers_router_fk', 'customers_plan_fk', 'billing_invoices_customer_fk', 'billing_payments_invoice_fk', 'isolation_lines_customer_fk', 'network_line_sync_router_fk', 'radius_users_customer_fk', 'notifications_messages_customer_fk', 'identity_api_tokens_creator_fk']),
    );
  });

  it('should make every uuid column of a tenant table a foreign key, or name why it is not one', async () => {
    const { rows } = await sql<{ column: string }>`
      select table_name || '.' || column_name as column from information_schema.columns
      where table_schema = 'public' and data_type = 'uuid' and column_name not in ('id', 'tenant_id')`.execute(db.owner);
    const referencing = new Set(allForeignKeys.flatMap((fk) => fk.columns.map((c) => `${fk.table}.${c}`)));
    const unexplained = rows
      .map((r) => r.column)
      .filter((c) => tenantTables.has(c.split('.')[0]) && !referencing.has(c) && !(c in notReferences));
    expect(unexplained).toEqual([]);
  });

  it('should refuse, for every such reference, a row of one tenant pointing at another tenant’s row', async () => {
    const accepted: string[] = [];
    for (const fk of foreignKeys) {
      const pairs = fk.columns.map((c, i) => [c, fk.targetColumns[i]] as const).filter(([c]) => c !== 'tenant_id');
      const notNull = sql.join(pairs.map(([c]) => sql`${sql.ref(c)} is not null`), sql` and `);
      const rowA = await sql<{ ctid: string }>`select ctid::text from ${sql.table(fk.table)} where tenant_id = ${tenantA} and ${notNull} limit 1`.execute(db.owner);
      expect(rowA.rows, `seed a row of ${fk.table} in test/tenant-rows.ts`).toHaveLength(1);
      // Tenant B's target row that no row references yet, so a unique key can't refuse first.
      const targetColumns = sql.join(pairs.map(([, t]) => sql`r.${sql.ref(t)}`));
      const referenced = sql.join(pairs.map(([c]) => sql`x.${sql.ref(c)}`));
      const rowB = await sql<Record<string, unknown>>`
        select ${sql.join(pairs.map(([, t]) => sql`r.${sql.ref(t)}::text`))} from ${sql.table(fk.target)} r where r.tenant_id = ${tenantB}
        order by exists (select 1 from ${sql.table(fk.table)} x where (${referenced}) = (${targetColumns})) limit 1`.execute(db.owner);
      const values = Object.values(rowB.rows[0]!);
      const set = sql.join(pairs.map(([c], i) => sql`${sql.ref(writtenThrough[`${fk.table}.${c}`] ?? c)} = ${values[i]}`));
      // As the owner, so every table can be written: a foreign key holds for every role alike.
      const outcome = await sql`update ${sql.table(fk.table)} set ${set} where ctid = ${rowA.rows[0]!.ctid}::tid`.execute(db.owner).then(
        () => 'accepted',
        (error: { code?: string; constraint?: string }) => `${error.code} ${error.constraint}`,
      );
      if (outcome !== `23503 ${fk.name}`) accepted.push(`${fk.name}: ${outcome}`);
    }
    expect(accepted).toEqual([]);
  });

  it('should refuse tenant staff a customer on another tenant’s router and keep nothing of it', async () => {
    const insert = db.tenant(tenantA, (trx) =>
      sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, ip_address, router_id, activated_on, created_at)
          select ${newId()}, ${tenantA}, 'C09999', 'Penyusup', '+6281299999999', id, 'dhcp', '10.5.5.5', ${rowsB.router}, '2026-11-01', now()
          from service_plans limit 1`.execute(trx),
    );
    await expect(insert).rejects.toMatchObject({ code: '23503', constraint: 'customers_router_fk' });
    const { rows } = await sql`select 1 from customers where code = 'C09999'`.execute(db.owner);
    expect(rows).toEqual([]);
  });
});
