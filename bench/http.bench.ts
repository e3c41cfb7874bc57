import autocannon from 'autocannon';
import type { Database } from '../src/platform/db/database.ts';
import { demoPassword, demoStaff, loadDemoData } from '../src/modules/demo/demo-data.ts';
import { printTable } from './machine.ts';
import { createBenchApp, openBenchPglite, withBenchPostgres } from './support.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;

/** Authenticated GET /api/me (session lookup + tenant transaction + membership read) under load. */
async function measure(shape: string, db: Database) {
  const app = await createBenchApp(db);
  await loadDemoData(app);
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoStaff[1].email, password: demoPassword }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const result = await autocannon({ url: `${url}/api/me`, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie } });
  await app.close();
  return {
    shape,
    'requests/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

export async function run() {
  const pglite = await openBenchPglite();
  const rows = [await measure('embedded (PGlite)', pglite)];
  await pglite.close();
  rows.push(await withBenchPostgres((db) => measure('server (PostgreSQL, pool 10)', db)));
  printTable(`Authenticated GET /api/me — ${CONNECTIONS} connections, ${DURATION_S} s each (autocannon, same process)`, rows);
}

if (import.meta.main) await run();
