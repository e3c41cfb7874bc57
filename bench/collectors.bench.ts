import { sql } from 'kysely';
import { localDate } from '../src/platform/dates.ts';
import { asTenantId, type Database } from '../src/platform/db/database.ts';
import { logContext } from '../src/platform/logging/logger.ts';
import { printTable } from './machine.ts';
import { createBenchApp, openBenchPglite, withBenchPostgres } from './support.ts';

/**
 * The collector chain at a large tenant: 50 collectors × 400 assigned customers.
 * - worklist: each collector's worklist as their own (row-scoped) request reads it, 4 rounds;
 * - deposit: one bank deposit covering 2,000 handed-over collections (5 handovers) in one
 *   transaction, then the time until every one of those isolated customers is restored by the
 *   restore handler (the same path as every payment).
 */
const COLLECTORS = Number(process.env.BENCH_COLLECTORS ?? 50);
const PER_COLLECTOR = Number(process.env.BENCH_CUSTOMERS_PER_COLLECTOR ?? 400);
const DEPOSIT = Number(process.env.BENCH_DEPOSIT_COLLECTIONS ?? 2000);
const ROUNDS = 4;

async function seed(db: Database) {
  const o = db.owner;
  const tenantId = (await sql<{ id: string }>`insert into tenants (id, slug, name, time_zone)
    values (gen_random_uuid(), 'bench-kolektor', 'Bench Kolektor', 'Asia/Jakarta') returning id`.execute(o)).rows[0].id;
  const total = COLLECTORS * PER_COLLECTOR;
  await sql`insert into identity_users (id, email, name, password_hash)
    select gen_random_uuid(), 'staf' || g || '@bench.test', case when g = 0 then 'Admin' when g = 1 then 'Keuangan' else 'Penagih ' || g end, 'x'
    from generate_series(0, ${COLLECTORS + 1}) g`.execute(o);
  await sql`insert into identity_memberships (id, tenant_id, user_id, roles)
    select gen_random_uuid(), ${tenantId}, u.id, case when u.name = 'Admin' then '{admin}'::text[] when u.name = 'Keuangan' then '{finance}'::text[] else '{collector}'::text[] end
    from identity_users u where u.email like '%@bench.test'`.execute(o);
  await sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
    values (gen_random_uuid(), ${tenantId}, 'Rumahan', 20000, 10000, 150000, 'r20', now())`.execute(o);
  await sql`insert into customers (id, tenant_id, code, name, phone, address, plan_id, connection_type, ip_address, activated_on, created_at)
    select gen_random_uuid(), ${tenantId}, 'C' || lpad(g::text, 6, '0'), 'Pelanggan ' || g, '+6281200000000', 'Dusun ' || (g % 97), (select id from service_plans where tenant_id = ${tenantId}),
           'dhcp', ('10.' || (g / 62500) || '.' || (g / 250 % 250) || '.' || (g % 250 + 1))::inet, '2026-01-01', now()
    from generate_series(1, ${total}) g`.execute(o);
  // Two open invoices each (last month overdue, this month due soon): every customer is on a worklist.
  await sql`insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, stage, created_at)
    select gen_random_uuid(), ${tenantId}, 'INV-' || p.m || '-' || c.code, c.id, p.period::date, p.period::date, (p.period::date + 9), 150000, 'Rumahan', p.stage, now()
    from customers c, (values ('11', '2026-11-01', 'grace_expired'), ('12', '2026-12-01', 'issued')) p(m, period, stage) where c.tenant_id = ${tenantId}`.execute(o);
  const { rows: collectors } = await sql<{ user_id: string; n: number }>`
    select m.user_id, (row_number() over (order by u.email) - 1)::int as n from identity_memberships m join identity_users u on u.id = m.user_id
    where m.tenant_id = ${tenantId} and m.roles = '{collector}' order by u.email`.execute(o);
  const admin = (await sql<{ id: string }>`select id from identity_users where name = 'Admin'`.execute(o)).rows[0].id;
  const finance = (await sql<{ id: string }>`select id from identity_users where name = 'Keuangan'`.execute(o)).rows[0].id;
  await sql`insert into collectors_assignments (tenant_id, customer_id, collector_user_id, route_order, assigned_by, assigned_at)
    select ${tenantId}, c.id, k.user_id, c.rn - k.n * ${PER_COLLECTOR}, ${admin}, now()
    from (select id, (row_number() over (order by code) - 1)::int as rn from customers where tenant_id = ${tenantId}) c
    join (select * from unnest(${sql.val(collectors.map((c) => c.user_id))}::uuid[], ${sql.val(collectors.map((c) => c.n))}::int[]) as x(user_id, n)) k
      on c.rn / ${PER_COLLECTOR} = k.n`.execute(o);

  // The deposit: the first DEPOSIT customers' November invoices were collected, handed over (one handover per collector) and are isolated.
  await sql`create temp table bench_dep as
    select i.id as invoice_id, i.customer_id, a.collector_user_id, gen_random_uuid() as collection_id, row_number() over (order by i.number) as rn
    from billing_invoices i join collectors_assignments a on a.customer_id = i.customer_id
    where i.tenant_id = ${tenantId} and i.period = '2026-11-01' order by i.number limit ${DEPOSIT}`.execute(o);
  await sql`insert into collectors_handovers (id, tenant_id, number, collector_user_id, expected, settlement, counted, difference, kept, status, confirmed_by, confirmed_at)
    select gen_random_uuid(), ${tenantId}, 'SETOR-B-' || row_number() over (), collector_user_id, sum(150000), 0, sum(150000), 0, sum(150000), 'confirmed', ${admin}, now()
    from bench_dep group by collector_user_id`.execute(o);
  await sql`insert into collectors_collections (id, tenant_id, number, collector_user_id, customer_id, collected_on, collected_at, amount, status, handover_id)
    select d.collection_id, ${tenantId}, 'KOL-B-' || d.rn, d.collector_user_id, d.customer_id, '2026-11-20', now(), 150000, 'handed_over', h.id
    from bench_dep d join collectors_handovers h on h.collector_user_id = d.collector_user_id and h.tenant_id = ${tenantId}`.execute(o);
  await sql`insert into collectors_collection_items (tenant_id, collection_id, invoice_id, amount) select ${tenantId}, collection_id, invoice_id, 150000 from bench_dep`.execute(o);
  await sql`insert into billing_payment_history (id, tenant_id, invoice_id, customer_id, type, amount, actor_user_id, reference, created_at)
    select gen_random_uuid(), ${tenantId}, d.invoice_id, d.customer_id, t.type, 150000, d.collector_user_id, 'bench', now()
    from bench_dep d, (values ('collected_by_collector'), ('setoran_confirmed')) t(type)`.execute(o);
  await sql`update billing_invoices set status = 'setoran_confirmed' where id in (select invoice_id from bench_dep)`.execute(o);
  // Their December invoices are paid already, so nothing else holds the line once November is.
  await sql`update billing_invoices set status = 'paid', paid_at = now() where period = '2026-12-01' and customer_id in (select customer_id from bench_dep)`.execute(o);
  await sql`insert into isolation_lines (customer_id, tenant_id, desired_state, changed_at, reason, trigger)
    select customer_id, ${tenantId}, 'isolated', now(), 'bench', 'overdue_after_grace_period' from bench_dep`.execute(o);
  await sql`drop table bench_dep`.execute(o);
  await sql`analyze`.execute(o);
  return { tenantId: asTenantId(tenantId), collectors: collectors.map((c) => c.user_id), finance };
}

async function measure(shape: string, db: Database, databaseUrl?: string) {
  const seedStart = performance.now();
  const { tenantId, collectors, finance } = await seed(db);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const app = await createBenchApp(db, { databaseUrl });

  // Worklists, each as that collector's own request (the database narrows it to their customers).
  const samples: number[] = [];
  let listed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const collector of collectors) {
      const t0 = performance.now();
      const list = await logContext.run({ scopeUserId: collector }, () => app.collectors.worklist(tenantId, collector));
      samples.push(performance.now() - t0);
      listed = list.customers.length;
    }
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))].toFixed(1);

  // One deposit covering 2,000 collections, one transaction.
  const handovers = (await sql<{ id: string }>`select id from collectors_handovers where tenant_id = ${tenantId}`.execute(db.owner)).rows.map((r) => r.id);
  const proof = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
  const t0 = performance.now();
  const deposit = await db.tenant(tenantId, (trx) =>
    app.collectors.confirmDepositInTransaction(trx, {
      actor: { userId: finance },
      handoverIds: handovers,
      bank: 'BRI',
      reference: `BENCH-${Date.now()}`,
      depositedOn: localDate(new Date(), 'Asia/Jakarta'),
      proof,
      proofContentType: 'image/png',
    }),
  );
  const depositMs = performance.now() - t0;

  // Then the restores: the workers relay billing.invoice.paid and the restore handler lifts each line.
  const r0 = performance.now();
  await app.start({ workers: true, scheduler: false });
  const deadline = Date.now() + 180_000;
  let restored = 0;
  while (Date.now() < deadline) {
    restored = (await sql<{ n: number }>`select count(*)::int as n from isolation_lines where tenant_id = ${tenantId} and desired_state = 'active'`.execute(db.owner)).rows[0].n;
    if (restored >= deposit.paidInvoices) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const restoreSeconds = (performance.now() - r0) / 1000;
  await app.close();
  return {
    shape,
    customers: COLLECTORS * PER_COLLECTOR,
    'seed s': seedSeconds.toFixed(1),
    'worklist rows': listed,
    'worklist p50 ms': pct(50),
    'worklist p99 ms': pct(99),
    'deposit collections': deposit.invoices,
    'deposit commit ms': depositMs.toFixed(0),
    'paid invoices': deposit.paidInvoices,
    restored,
    'all restored s': restoreSeconds.toFixed(1),
  };
}

export async function run() {
  const rows = [await withBenchPostgres((db, url) => measure('server (PostgreSQL)', db, url))];
  if (process.env.BENCH_PGLITE) {
    const pglite = await openBenchPglite();
    rows.push(await measure('embedded (PGlite)', pglite));
    await pglite.close();
  }
  printTable(`Collectors: ${COLLECTORS} collectors × ${PER_COLLECTOR} customers — worklist (${ROUNDS} rounds, as each collector), one deposit of ${DEPOSIT} collections, then every restore`, rows);
}

if (import.meta.main) await run();
