import { sql } from 'kysely';
import { ManualClock } from '../src/platform/clock.ts';
import { asTenantId, type Database } from '../src/platform/db/database.ts';
import { printTable } from './machine.ts';
import { createBenchApp, openBenchPglite, withBenchPostgres } from './support.ts';

/**
 * auto_isolir_worker at scale: tenants × customers with this month's invoices, 10% of them past
 * the grace period. Measures the per-tenant daily scans (stage moves, isolation, history and
 * events, all set-based) until every eligible customer is isolated.
 */
const TODAY_WIB = '2026-12-20T00:05:00+07:00';

async function seed(db: Database, tenants: number, customersPerTenant: number) {
  const o = db.owner;
  await sql`insert into tenants (id, slug, name, time_zone)
    select gen_random_uuid(), 'bench-' || g, 'Bench ISP ' || g, 'Asia/Jakarta' from generate_series(1, ${tenants}) g`.execute(o);
  await sql`insert into billing_policies (tenant_id, updated_at) select id, now() from tenants`.execute(o);
  await sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
    select gen_random_uuid(), id, 'Rumahan', 20000, 10000, 150000, 'paket-20m', now() from tenants`.execute(o);
  await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, pppoe_username, activated_on, created_at)
    select gen_random_uuid(), p.tenant_id, 'C' || g, 'Pelanggan ' || g, '+6281200000000', p.id, 'pppoe',
           p.tenant_id || '-' || g, '2026-01-01', now()
    from service_plans p cross join generate_series(1, ${customersPerTenant}) g`.execute(o);
  // Every 10th customer's invoice was due on the 10th and is already overdue (grace 3 ⇒ past on the 14th);
  // the rest are due next month.
  await sql`insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, stage, created_at)
    select gen_random_uuid(), c.tenant_id, 'INV/' || c.code, c.id, '2026-12-01', '2026-12-01',
           case when substr(c.code, 2)::int % 10 = 0 then date '2026-12-10' else date '2026-12-28' end,
           150000, 'Rumahan 2026/12',
           case when substr(c.code, 2)::int % 10 = 0 then 'overdue' else 'issued' end, now()
    from customers c`.execute(o);
  // Vacuumed, not only analysed: the scan starts from settled pages (hint bits, visibility), as the
  // raw UPDATE does after `settle` below, instead of paying the seed's first-read writes.
  await sql`vacuum analyze`.execute(o);
}

/**
 * Before each timed part: a clean table (the raw UPDATE does not prune the scan's old row
 * versions) and a checkpoint, so each pays the full-page writes of the pages it first touches (the
 * raw UPDATE, right after the scan, would otherwise write none for pages the scan dirtied).
 */
async function settle(db: Database) {
  await sql`vacuum billing_invoices`.execute(db.owner);
  await sql`checkpoint`.execute(db.owner);
}

/**
 * The floor to compare the scan with: one UPDATE of the invoices the scan moved (the same rows
 * and column, `stage`, each rewritten once: HOT where the page has room, as the scan's), in one
 * statement, without the scan's reads, isolation lines, history or events. It runs after the
 * scan on a settled table (`settle`), so neither has the other's leftovers or savings.
 */
async function rawUpdateOfTheSameRows(db: Database) {
  await settle(db);
  const start = performance.now();
  await sql`update billing_invoices set stage = 'grace_expired' where stage = 'grace_expired'`.execute(db.owner);
  return (performance.now() - start) / 1000;
}

async function measure(shape: string, db: Database, tenants: number, customersPerTenant: number, concurrency: number) {
  const seedStart = performance.now();
  await seed(db, tenants, customersPerTenant);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const app = await createBenchApp(db, { clock: new ManualClock(TODAY_WIB) });
  const { rows } = await sql<{ id: string }>`select id from tenants order by slug`.execute(db.owner);
  const queue = rows.map((r) => asTenantId(r.id));
  let isolated = 0;
  await settle(db);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let tenantId = queue.shift(); tenantId; tenantId = queue.shift()) {
        const result = await app.billing.runDailyScan(tenantId);
        isolated += result.isolated;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const rawSeconds = await rawUpdateOfTheSameRows(db);
  const counts = await sql<{ lines: number; history: number; events: number }>`
    select (select count(*)::int from isolation_lines where desired_state = 'isolated') as lines,
           (select count(*)::int from isolation_history) as history,
           (select count(*)::int from event_outbox where type = 'isolation.customer.isolated') as events`.execute(db.owner);
  await app.close();
  return {
    shape,
    tenants,
    customers: tenants * customersPerTenant,
    isolated,
    'lines/history/events': `${counts.rows[0].lines}/${counts.rows[0].history}/${counts.rows[0].events}`,
    'scan s': seconds.toFixed(2),
    'raw UPDATE s': rawSeconds.toFixed(2),
    'scan ÷ raw': `${(seconds / rawSeconds).toFixed(1)}×`,
    'isolations/s': Math.round(isolated / seconds),
    'seed s': seedSeconds.toFixed(1),
  };
}

const GOAL_RATIO = 3;

export async function run() {
  // Smaller while developing: BENCH_SCAN_TENANTS=100 BENCH_SCAN_PGLITE_TENANTS=10 (1,000 customers each).
  const pgTenants = Number(process.env.BENCH_SCAN_TENANTS ?? 1000);
  const pgliteTenants = Number(process.env.BENCH_SCAN_PGLITE_TENANTS ?? 100);
  const rows = [await withBenchPostgres((db) => measure('PostgreSQL, 4 tenants at a time', db, pgTenants, 1000, 4), 8)];
  const pglite = await openBenchPglite();
  rows.push(await measure('PGlite (embedded)', pglite, pgliteTenants, 1000, 1));
  await pglite.close();
  printTable(
    'Daily scan (auto_isolir_worker): 10% of customers past grace, isolated with history rows and events; raw UPDATE = one statement rewriting the invoices the scan moved',
    rows,
    rows.map((row) => `${row.shape}: scan ${row['scan s']} s = ${row['scan ÷ raw']} the raw UPDATE (goal ≤ ${GOAL_RATIO}×): ${Number(row['scan s']) <= GOAL_RATIO * Number(row['raw UPDATE s']) ? 'met' : 'MISSED'}`),
  );
}

if (import.meta.main) await run();
