import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';
import { demoPassword, demoStaff, demoTenant, loadDemoData } from '../src/modules/demo/demo-data.ts';
import { printTable } from './machine.ts';
import { createBenchApp, openBenchPglite, withBenchPostgres } from './support.ts';

/**
 * A big tenant: 50,000 customers with four months of invoices, their payments (some today) and
 * 5,000 isolated lines, seeded with set-based SQL into the demo tenant. Each list the console
 * opens is timed through HTTP with a signed-in admin's session, one request at a time.
 */
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000);
const ISOLATED = Math.min(CUSTOMERS, Number(process.env.BENCH_ISOLATED ?? 5_000));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const MONTHS = 4;

/** Seeds the demo tenant; returns how long it took. */
export async function seedBigTenant(db: Database) {
  const o = db.owner;
  const started = performance.now();
  const tenantId = (await sql<{ id: string }>`select id from tenants where slug = ${demoTenant.slug}`.execute(o)).rows[0].id;
  const first = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rina', 'Joko', 'Wati', 'Eko', 'Sri', 'Bayu', 'Putri', 'Hendra', 'Yuni', 'Rudi', 'Lestari', 'Tono'];
  const last = ['Santoso', 'Wijaya', 'Lestari', 'Pratama', 'Kusuma', 'Setiawan', 'Handayani', 'Susilo', 'Hidayat', 'Saputra', 'Nugroho', 'Rahayu'];
  await sql`insert into customers (id, tenant_id, code, name, phone, address, plan_id, connection_type, pppoe_username, activated_on, created_at)
    select gen_random_uuid(), ${tenantId}, 'BT' || lpad(g::text, 6, '0'),
           (${first}::text[])[1 + g % ${first.length}] || ' ' || (${last}::text[])[1 + (g / ${first.length}) % ${last.length}] || ' ' || g,
           '+62813' || lpad(g::text, 8, '0'), 'Jl. Kaliurang km ' || (g % 30) || ' no. ' || g,
           (select plan_id from plans_catalog where tenant_id = ${tenantId} order by monthly_price limit 1),
           'pppoe', 'bt' || g, '2026-01-01', now()
    from generate_series(1, ${CUSTOMERS}) g`.execute(o);
  // Statistics before the next insert: a pooled connection's foreign-key check planned while the
  // table held the demo's few rows scans it for every new row (seen: the invoices' insert over 15 min).
  await sql`analyze customers`.execute(o);
  // Four monthly invoices each, the months before this one paid; this month's unpaid for one in five.
  await sql`insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, status, paid_amount, paid_at, created_at)
    select gen_random_uuid(), c.tenant_id, 'INV-' || to_char(m.period, 'YYYYMM') || '-' || c.code, c.id, m.period, m.period, m.period + 9, 150000, 'Bench',
           case when m.k = 0 and right(c.code, 1) in ('0', '5') then 'unpaid' else 'paid' end,
           case when m.k = 0 and right(c.code, 1) in ('0', '5') then 0 else 150000 end,
           case when m.k = 0 and right(c.code, 1) in ('0', '5') then null else now() - (m.k * 30 + 1) * interval '1 day' + (abs(hashtext(c.code)) % 600) * interval '1 minute' end,
           now() - m.k * interval '30 days'
    from customers c cross join lateral (
      select k, (date_trunc('month', now()) - k * interval '1 month')::date as period from generate_series(0, ${MONTHS - 1}) k) m
    where c.tenant_id = ${tenantId} and c.code like 'BT%'`.execute(o);
  await sql`analyze billing_invoices`.execute(o);
  await sql`insert into billing_payment_history (id, tenant_id, invoice_id, customer_id, type, amount, reference, created_at)
    select gen_random_uuid(), tenant_id, id, customer_id, case when right(number, 1) in ('1', '2') then 'gateway' else 'manual' end, amount, null, paid_at
    from billing_invoices where tenant_id = ${tenantId} and status = 'paid' and number like 'INV-%-BT%'`.execute(o);
  // Some of this month's payments arrive today (the dashboard's "today's payments").
  await sql`update billing_payment_history set created_at = now() - (random() * interval '1 hour')
    where tenant_id = ${tenantId} and invoice_id in (
      select id from billing_invoices where tenant_id = ${tenantId} and status = 'paid' and period = date_trunc('month', now())::date and number like '%7')`.execute(o);
  await sql`insert into isolation_lines (customer_id, tenant_id, desired_state, changed_at, reason, trigger)
    select id, tenant_id, 'isolated', now() - (random() * interval '10 days'), 'bench', 'overdue_after_grace_period'
    from customers where tenant_id = ${tenantId} and code like 'BT%' order by code limit ${ISOLATED}`.execute(o);
  await sql`vacuum analyze`.execute(o); // a settled tenant: statistics current, visibility map set (index-only counts)
  return (performance.now() - started) / 1000;
}

/** The console's lists and summaries; each must answer under 150 ms at the 99th percentile. */
const endpoints: [string, string][] = [
  ['customers: first page', '/api/customers?limit=50'],
  ['customers: page 500', `/api/customers?limit=50&offset=${Math.max(0, CUSTOMERS - 1000)}`],
  ['customers: search name', '/api/customers?limit=50&search=Santoso%2012'],
  ['customers: search code', '/api/customers?limit=50&search=BT0421'],
  ['customers: search phone', '/api/customers?limit=50&search=0813-0000-42'],
  ['invoices: first page', '/api/invoices?limit=50'],
  ['invoices: unpaid', '/api/invoices?limit=50&status=unpaid'],
  ['invoices: search name', '/api/invoices?limit=50&search=Wijaya%203'],
  ['invoices: search number', '/api/invoices?limit=50&search=BT04211'],
  ['invoices: page 2000', `/api/invoices?limit=50&offset=${Math.max(0, Math.min(1999 * 50, CUSTOMERS * MONTHS - 50))}`],
  ['isolation: isolated page', '/api/isolation/isolated?limit=50'],
  ['isolation: isolated count', '/api/isolation/isolated/count'],
  ['dashboard: billing summary', '/api/billing/summary'],
  ['payment history: first page', '/api/payment-history?limit=50'],
];

async function measure(shape: string, db: Database) {
  const app = await createBenchApp(db);
  await loadDemoData(app);
  const seedS = await seedBigTenant(db);
  const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoStaff[0].email, password: demoPassword }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const rows: Record<string, string | number>[] = [];
  for (const [name, path] of endpoints) {
    const latencies: number[] = [];
    let failures = 0;
    let bytes = 0;
    for (let i = 0; i < REQUESTS + 10; i++) {
      const start = performance.now();
      const res = await fetch(`${url}${path}`, { headers: { cookie } });
      const body = await res.arrayBuffer();
      if (i < 10) continue; // warm-up
      latencies.push(performance.now() - start);
      if (!res.ok) failures++;
      bytes = body.byteLength;
    }
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
    rows.push({ shape, endpoint: name, 'p50 ms': pct(50), 'p99 ms': pct(99), 'max ms': latencies.at(-1)!.toFixed(1), 'answer kB': (bytes / 1024).toFixed(1), errors: failures });
  }
  await app.close();
  return { rows, seed: { shape, customers: CUSTOMERS, invoices: CUSTOMERS * MONTHS, isolated: ISOLATED, 'seed s': seedS.toFixed(1), 'RSS after seed MiB': rssMiB } };
}

/** `BENCH_SHAPES=postgres` (or `pglite`) runs one shape only. */
export async function run() {
  const shapes = (process.env.BENCH_SHAPES ?? 'pglite,postgres').split(',');
  const results = [];
  // Embedded first, so the RSS after its seed is PGlite's (it lives in this process).
  if (shapes.includes('pglite')) {
    const pglite = await openBenchPglite();
    results.push(await measure('embedded (PGlite)', pglite));
    await pglite.close();
  }
  if (shapes.includes('postgres')) results.push(await withBenchPostgres((db) => measure('server (PostgreSQL)', db)));
  printTable('Big tenant seeded (RSS of this process after the seed)', results.map((r) => r.seed));
  printTable(`Big tenant lists through HTTP, ${REQUESTS} sequential requests each after 10 warm-up (goal p99 < 150 ms on PostgreSQL)`, results.flatMap((r) => r.rows));
}

if (import.meta.main) await run();
