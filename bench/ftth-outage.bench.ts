import { sql } from 'kysely';
import { ManualClock } from '../src/platform/clock.ts';
import { asTenantId, type Database } from '../src/platform/db/database.ts';
import { printTable } from './machine.ts';
import { createBenchApp, withBenchPostgres } from './support.ts';

/**
 * FTTH outages at scale on PostgreSQL: one tenant with 200 ODCs × 20 ODPs and 50,000 customers
 * (250 per ODC), all on ports. Measures setting one ODC outage (propagation, affected rows,
 * history, events committed), the whole tenant's map data over HTTP (time and size), and an
 * outage on the 20 ODCs of one area (≈5,000 customers), set one after another.
 */
const ODCS = 200;
const ODPS_PER_ODC = 20;
const CUSTOMERS = 50_000;

async function seed(db: Database) {
  const o = db.owner;
  const tenantId = (await sql<{ id: string }>`insert into tenants (id, slug, name, time_zone) values (gen_random_uuid(), 'ftth-bench', 'FTTH Bench', 'Asia/Jakarta') returning id`.execute(o)).rows[0]!.id;
  await sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
    values (gen_random_uuid(), ${tenantId}, 'Rumahan', 20000, 10000, 150000, 'paket-20m', now())`.execute(o);
  await sql`insert into maps_odcs (id, tenant_id, code, name, latitude, longitude, capacity, created_at)
    select gen_random_uuid(), ${tenantId}, 'ODC-' || lpad(g::text, 3, '0'), 'Kabinet ' || g, -7.9 + (g / 20) * 0.02, 110.3 + (g % 20) * 0.02, 32, now()
    from generate_series(0, ${ODCS - 1}) g`.execute(o);
  await sql`insert into maps_odps (id, tenant_id, odc_id, code, name, latitude, longitude, port_count, splitter_ratio, created_at)
    select gen_random_uuid(), d.tenant_id, d.id, d.code || '-' || lpad(g::text, 2, '0'), 'Tiang ' || g, d.latitude + (g / 5) * 0.002, d.longitude + (g % 5) * 0.002, 16, '1:16', now()
    from maps_odcs d cross join generate_series(0, ${ODPS_PER_ODC - 1}) g`.execute(o);
  await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, pppoe_username, latitude, longitude, activated_on, created_at)
    select gen_random_uuid(), p.tenant_id, 'C' || lpad(g::text, 6, '0'), 'Pelanggan ' || g, '+6281200000000', p.id, 'pppoe', 'bench-' || g,
      -7.9 + random() * 0.2, 110.3 + random() * 0.4, '2026-01-01', now()
    from service_plans p cross join generate_series(1, ${CUSTOMERS}) g`.execute(o);
  // Customer n on ODP (n mod 4000), port (n / 4000) + 1: 12–13 customers per ODP, 250 per ODC.
  await sql`
    with odps as (select id, row_number() over (order by code) - 1 as i from maps_odps),
         cs as (select id, row_number() over (order by code) - 1 as n from customers)
    insert into maps_customer_ports (customer_id, tenant_id, odp_id, port, linked_at)
    select cs.id, ${tenantId}, odps.id, (cs.n / ${ODCS * ODPS_PER_ODC})::int + 1, now()
    from cs join odps on odps.i = cs.n % ${ODCS * ODPS_PER_ODC}`.execute(o);
  // A tenth isolated and a tenth offline, so the map has every state.
  await sql`insert into isolation_lines (customer_id, tenant_id, desired_state, changed_at, reason)
    select id, tenant_id, 'isolated', now(), 'bench' from customers where substr(code, 2)::int % 10 = 0`.execute(o);
  await sql`insert into maps_line_signals (customer_id, tenant_id, online, changed_at)
    select id, tenant_id, substr(code, 2)::int % 10 <> 5, now() from customers`.execute(o);
  await sql`analyze`.execute(o);
  return asTenantId(tenantId);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(db: Database, url: string) {
  const seedStart = performance.now();
  const tenantId = await seed(db);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const app = await createBenchApp(db, { clock: new ManualClock('2026-12-10T03:00:00Z'), databaseUrl: url });
  const odcs = (await sql<{ id: string }>`select id from maps_odcs order by code`.execute(db.owner)).rows.map((r) => r.id);
  const rows: Record<string, string | number>[] = [];

  // One ODC (≈250 customers), five different ones: set, then clear.
  const setMs: number[] = [];
  const clearMs: number[] = [];
  let affected = 0;
  for (const odc of odcs.slice(100, 105)) {
    let start = performance.now();
    const outage = await app.maps.setOutage(tenantId, { actorUserId: null, element: { kind: 'odc', id: odc }, cause: 'bench' });
    setMs.push(performance.now() - start);
    affected = outage.affectedCustomers;
    start = performance.now();
    await app.maps.clearOutage(tenantId, { actorUserId: null, outageId: outage.id });
    clearMs.push(performance.now() - start);
  }
  rows.push({ measure: 'set one ODC outage (commit: affected rows, history, events)', customers: affected, 'median ms': median(setMs).toFixed(1), 'max ms': Math.max(...setMs).toFixed(1), target: '< 200 ms' });
  rows.push({ measure: 'clear one ODC outage', customers: affected, 'median ms': median(clearMs).toFixed(1), 'max ms': Math.max(...clearMs).toFixed(1), target: '—' });

  // The whole tenant's map over HTTP (as the console loads it), with one outage open.
  await app.maps.setOutage(tenantId, { actorUserId: null, element: { kind: 'odc', id: odcs[7]! }, cause: 'bench' });
  const session = await benchSession(app, tenantId);
  // As the console asks: the first load (no view yet: the default limit, 20,000 customers), a town's
  // view (bbox of 0.06° ≈ 6 km), and the whole tenant at the maximum limit.
  const views = [
    { label: 'first load (no bbox, default limit)', url: '/api/maps/data?limit=20000' },
    { label: "a town's view (bbox 0.06° × 0.06°)", url: '/api/maps/data?limit=20000&bbox=110.40,-7.86,110.46,-7.80' },
    { label: 'whole tenant (limit=50000)', url: '/api/maps/data?limit=50000' },
  ];
  for (const view of views) {
    const mapMs: number[] = [];
    let body = '';
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const res = await app.http.inject({ method: 'GET', url: view.url, headers: { cookie: session } });
      mapMs.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(res.body);
      body = res.body;
    }
    const answer = JSON.parse(body) as { customers: { ids: string[] }; truncated: boolean; customersInView: number };
    const drawn = answer.truncated ? `none: ${answer.customersInView} in view, zoom in` : `${answer.customers.ids.length}`;
    rows.push({ measure: `map data, ${view.label}, ${(Buffer.byteLength(body) / 1e6).toFixed(2)} MB`, customers: drawn, 'median ms': median(mapMs).toFixed(1), 'max ms': Math.max(...mapMs).toFixed(1), target: '< 1 s, < 5 MB' });
  }

  // The 20 ODCs of one area, one after another.
  let start = performance.now();
  let area = 0;
  for (const odc of odcs.slice(20, 40)) area += (await app.maps.setOutage(tenantId, { actorUserId: null, element: { kind: 'odc', id: odc }, cause: 'banjir' })).affectedCustomers;
  const areaMs = performance.now() - start;
  rows.push({ measure: 'outage on the 20 ODCs of one area', customers: area, 'median ms': areaMs.toFixed(1), 'max ms': areaMs.toFixed(1), target: '< 2 s' });
  start = performance.now();
  await app.billing.runDailyScan(tenantId);
  rows.push({ measure: 'daily scan with ≈5,250 customers under outage (no invoices)', customers: CUSTOMERS, 'median ms': (performance.now() - start).toFixed(1), 'max ms': '', target: '—' });
  await app.close();
  rows.push({ measure: 'seed (SQL)', customers: CUSTOMERS, 'median ms': (seedSeconds * 1000).toFixed(0), 'max ms': '', target: '—' });
  return rows;
}

/** An owner's session cookie for the tenant (the map route needs a person, as the console). */
async function benchSession(app: Awaited<ReturnType<typeof createBenchApp>>, tenantId: string) {
  const password = 'pemilik-bench-123';
  const { hash } = await import('@node-rs/argon2');
  await sql`insert into identity_users (id, email, name, password_hash) values (gen_random_uuid(), 'owner@ftth-bench.test', 'Owner', ${await hash(password)})`.execute(app.db.owner);
  await sql`insert into identity_memberships (id, tenant_id, user_id, roles) select gen_random_uuid(), ${tenantId}, id, '{owner}' from identity_users where email = 'owner@ftth-bench.test'`.execute(app.db.owner);
  const owner = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'owner@ftth-bench.test', password } });
  if (owner.statusCode !== 200) throw new Error(owner.body);
  return `simpul_session=${owner.cookies.find((c) => c.name === 'simpul_session')!.value}`;
}

export async function run() {
  const rows = await withBenchPostgres((db, url) => measure(db, url), 8);
  printTable(`FTTH outages: ${ODCS} ODCs, ${ODCS * ODPS_PER_ODC} ODPs, ${CUSTOMERS.toLocaleString('en')} customers on PostgreSQL`, rows);
}

if (import.meta.main) await run();
