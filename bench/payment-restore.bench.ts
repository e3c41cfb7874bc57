import { sql } from 'kysely';
import { MidtransStandIn } from '../src/simulators/midtrans/midtrans.stand-in.ts';
import { asTenantId, type Database } from '../src/platform/db/database.ts';
import { printTable } from './machine.ts';
import { profilePglite } from './sql-profile.ts';
import { createBenchApp, openBenchPglite, withBenchPostgres } from './support.ts';

/**
 * payment_to_unisolate_flow under load: signed Midtrans notifications arrive at the webhook at a
 * steady rate; each pays an invoice of an isolated customer. Latency is from sending the
 * notification to the isolation history's "restored" row (written by the restore handler).
 * Both shapes at BENCH_WEBHOOKS_PER_S, then PGlite stepped through BENCH_STEP_RATES (a fresh
 * database each) up to the first rate whose p99 exceeds 1 s: the highest rate it sustains.
 */
const RATE = Number(process.env.BENCH_WEBHOOKS_PER_S ?? 50);
const COUNT = Number(process.env.BENCH_WEBHOOKS ?? 500);
const STEP_RATES = (process.env.BENCH_STEP_RATES ?? '50,100,200').split(',').filter(Boolean).map(Number);
const SUSTAINED_P99_MS = 1000;
const SERVER_KEY = 'SB-Mid-server-bench';
/** BENCH_SQL_PROFILE=1: count the embedded database's statements and transactions during the first PGlite rush (bench/sql-profile.ts). */
const SQL_PROFILE = process.env.BENCH_SQL_PROFILE === '1';
/** The bench's own polling for restored lines, left out of the profile. */
const POLL_SQL = /from isolation_history where action = 'restored'/;

/** `count` isolated customers of tenant `bench-pay`, each with an unpaid invoice and a Midtrans order `ORDER-INV-C<n>`. */
export async function seed(db: Database, count: number) {
  const o = db.owner;
  const tenantId = (await sql<{ id: string }>`insert into tenants (id, slug, name, time_zone)
    values (gen_random_uuid(), 'bench-pay', 'Bench Pay', 'Asia/Jakarta') returning id`.execute(o)).rows[0].id;
  await sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
    values (gen_random_uuid(), ${tenantId}, 'Rumahan', 20000, 10000, 150000, 'r20', now())`.execute(o);
  await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, ip_address, activated_on, created_at)
    select gen_random_uuid(), ${tenantId}, 'C' || g, 'Pelanggan ' || g, '+6281200000000', (select id from service_plans where tenant_id = ${tenantId}),
           'dhcp', ('10.0.' || (g / 250) || '.' || (g % 250 + 1))::inet, '2026-01-01', now()
    from generate_series(1, ${count}) g`.execute(o);
  await sql`insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, stage, created_at)
    select gen_random_uuid(), ${tenantId}, 'INV-' || c.code, c.id, '2026-12-01', '2026-12-01', '2026-12-10', 150000, 'Rumahan', 'grace_expired', now()
    from customers c where c.tenant_id = ${tenantId}`.execute(o);
  await sql`insert into isolation_lines (customer_id, tenant_id, desired_state, changed_at, reason, trigger)
    select id, tenant_id, 'isolated', now(), 'bench', 'overdue_after_grace_period' from customers where tenant_id = ${tenantId}`.execute(o);
  await sql`insert into billing_payment_links (order_id, tenant_id, invoice_id, provider, url, amount, created_at)
    select 'ORDER-' || i.number, i.tenant_id, i.id, 'midtrans', 'https://pay.example/' || i.number, 150000, now()
    from billing_invoices i where i.tenant_id = ${tenantId}`.execute(o);
  return asTenantId(tenantId);
}

async function measure(shape: string, db: Database, databaseUrl?: string, rate = RATE, profile = false) {
  const tenantId = await seed(db, COUNT);
  const app = await createBenchApp(db, { databaseUrl });
  await app.payments.saveAccount(tenantId, 'midtrans', { mode: 'sandbox', serverKey: SERVER_KEY });
  await app.start({ workers: true, scheduler: false });
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  const signer = await MidtransStandIn.start({ serverKey: SERVER_KEY });
  const { rows: orders } = await sql<{ order_id: string; customer_id: string }>`
    select l.order_id, i.customer_id from billing_payment_links l join billing_invoices i on i.id = l.invoice_id`.execute(db.owner);

  const sqlProfile = profile && db.pglite ? profilePglite(db.pglite, POLL_SQL) : undefined;
  const sentAt = new Map<string, number>();
  const statuses: number[] = [];
  const start = performance.now();
  await Promise.all(
    orders.map(async (order, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / rate)); // a steady rate, not a burst
      const notification = signer.signedNotification(order.order_id, { status: 'settlement', amount: 150_000 });
      sentAt.set(order.customer_id, Date.now());
      const res = await fetch(`${url}/api/webhooks/payments/midtrans/bench-pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...notification.headers },
        body: notification.rawBody,
      });
      statuses.push(res.status);
    }),
  );
  const answered = (performance.now() - start) / 1000;
  // Wait for every restore (the handler runs after the webhook's transaction commits).
  const deadline = Date.now() + 60_000;
  let restored: { customer_id: string; created_at: Date }[] = [];
  while (Date.now() < deadline) {
    restored = (await sql<{ customer_id: string; created_at: Date }>`
      select customer_id, created_at from isolation_history where action = 'restored'`.execute(db.owner)).rows;
    if (restored.length >= orders.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const elapsed = (performance.now() - start) / 1000;
  if (sqlProfile) await new Promise((r) => setTimeout(r, 3_000)); // the work after the restore too (WhatsApp deliveries)
  sqlProfile?.stop();
  sqlProfile?.print(`${shape}, ${orders.length} payments at ${rate}/s`, orders.length);
  const latencies = restored.map((r) => new Date(r.created_at).getTime() - sentAt.get(r.customer_id)!).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const rssMiB = process.memoryUsage().rss / 2 ** 20; // the whole process right after the rush (embedded: the database too)
  await signer.close();
  await app.close();
  return {
    shape,
    webhooks: orders.length,
    'rate /s': rate,
    '2xx': statuses.filter((s) => s === 200).length,
    restored: restored.length,
    'p50 ms': pct(50),
    'p99 ms': pct(99),
    'max ms': latencies.at(-1) ?? 0,
    'answered s': answered.toFixed(1),
    'elapsed s': elapsed.toFixed(1),
    'sustained /s': (restored.length / elapsed).toFixed(1),
    'RSS MiB': Math.round(rssMiB),
  };
}

export async function run() {
  const pglite = await openBenchPglite();
  const rows = [await measure('embedded (PGlite)', pglite, undefined, RATE, SQL_PROFILE)];
  await pglite.close();
  rows.push(await withBenchPostgres((db, url) => measure('server (PostgreSQL)', db, url)));
  printTable(`Payment webhook → customer restored: ${COUNT} signed Midtrans notifications at ${RATE}/s`, rows);

  const steps = [];
  for (const rate of STEP_RATES) {
    const db = await openBenchPglite();
    steps.push(await measure('embedded (PGlite)', db, undefined, rate));
    await db.close();
    if (steps.at(-1)!['p99 ms'] > SUSTAINED_P99_MS) break;
  }
  const sustained = steps.filter((row) => row['p99 ms'] <= SUSTAINED_P99_MS && row.restored === row.webhooks).at(-1);
  printTable(
    `PGlite stepped (${COUNT} each): highest rate with every line restored and p99 ≤ ${SUSTAINED_P99_MS} ms: ${sustained ? `${sustained['rate /s']}/s` : `none of ${STEP_RATES.join(', ')}/s`}`,
    steps,
  );
}

if (import.meta.main) await run();
