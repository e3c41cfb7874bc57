import { sql } from 'kysely';
import { Menu } from '../src/simulators/routeros/router-model.ts';
import { RouterStandIn } from '../src/simulators/routeros/router-stand-in.ts';
import { asTenantId, type Database } from '../src/platform/db/database.ts';
import { printTable } from './machine.ts';
import { createBenchApp, withBenchPostgres } from './support.ts';

/**
 * The whole convergence path: 10,000 isolated customers over 10 RouterOS stand-ins with 20 ms
 * per API round trip, from "lines pending in the database" to "every line in sync" (the converge
 * worker reads each router, applies the difference over one connection and records it).
 * Compare: passes driven by 1 worker loop (one router at a time) and by 4 loops.
 */
const ROUTERS = 10;
const CUSTOMERS = Number(process.env.BENCH_CONVERGE_CUSTOMERS ?? 10_000);
const LATENCY_MS = 20;

async function measure(loops: number) {
  const routers = await Promise.all(Array.from({ length: ROUTERS }, () => RouterStandIn.start({ username: 'simpul', password: 'x', latencyMs: LATENCY_MS })));
  try {
    return await withBenchPostgres((db, url) => convergeAll(db, url, routers, loops), 12);
  } finally {
    await Promise.all(routers.map((r) => r.stop()));
  }
}

async function convergeAll(db: Database, url: string, routers: RouterStandIn[], loops: number) {
  const app = await createBenchApp(db, { databaseUrl: url });
  const tenantId = asTenantId((await sql<{ id: string }>`insert into tenants (id, slug, name, time_zone)
    values (gen_random_uuid(), 'bench-net', 'Bench Net', 'Asia/Jakarta') returning id`.execute(db.owner)).rows[0].id);
  const routerIds: string[] = [];
  for (const [i, r] of routers.entries()) {
    routerIds.push((await app.network.addRouter(tenantId, { name: `R${i}`, host: r.host, port: r.apiPort, apiKind: 'routeros-api', username: 'simpul', password: 'x' })).id);
  }
  await sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
    values (gen_random_uuid(), ${tenantId}, 'Rumahan', 20000, 10000, 150000, 'r20', now())`.execute(db.owner);
  await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, ip_address, router_id, activated_on, created_at)
    select gen_random_uuid(), ${tenantId}, 'C' || g, 'Pelanggan ' || g, '+6281200000000', (select id from service_plans where tenant_id = ${tenantId}),
           'static', ('10.' || (g / 65536) || '.' || (g / 256 % 256) || '.' || (g % 256))::inet,
           (${routerIds}::uuid[])[1 + g % ${ROUTERS}], '2026-01-01', now()
    from generate_series(1, ${CUSTOMERS}) g`.execute(db.owner);
  await sql`insert into isolation_lines (customer_id, tenant_id, desired_state, changed_at, reason)
    select id, tenant_id, 'isolated', now(), 'bench' from customers`.execute(db.owner);
  await sql`insert into network_line_sync (customer_id, tenant_id, router_id, status, next_attempt_at, updated_at)
    select id, tenant_id, router_id, 'pending', now() - interval '1 second', now() from customers`.execute(db.owner);

  const start = performance.now();
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while ((await app.network.convergeNextRouter()) > 0);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const { rows } = await sql<{ in_sync: number }>`select count(*)::int as in_sync from network_line_sync where status = 'in_sync'`.execute(db.owner);
  const onRouters = routers.reduce((n, r) => n + r.model.print(Menu.addressList).length, 0);
  await app.close();
  return { 'worker loops': loops, customers: CUSTOMERS, routers: ROUTERS, 'in sync': rows[0].in_sync, 'entries on routers': onRouters, seconds: seconds.toFixed(2) };
}

export async function run() {
  const rows = [await measure(1), await measure(4)];
  printTable(`Converge ${CUSTOMERS} isolated lines over ${ROUTERS} RouterOS stand-ins, ${LATENCY_MS} ms per round trip (PostgreSQL, full path)`, rows);
}

if (import.meta.main) await run();
