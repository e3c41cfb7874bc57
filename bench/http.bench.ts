import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../src/platform/db/database.ts';
import { demoPassword, demoStaff, loadDemoData } from '../src/modules/demo/demo-data.ts';
import { printTable } from './machine.ts';
import { createBenchApp, openBenchPglite, withBenchPostgres } from './support.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const POOL_SIZE = 10;
const GOAL_OF_FLOOR = 0.5;

type Row = Record<string, string | number>;

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<Row & { rps: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const rps = Math.round(result.requests.average);
  return { what: label, 'requests/s': rps, 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, errors: result.errors + result.non2xx, rps };
}

/** A Fastify route and nothing else: the ceiling of the HTTP stack on this machine. */
async function bareFastify() {
  const app = Fastify();
  app.get('/', async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const row = await load('bare Fastify', url);
  await app.close();
  return row;
}

/**
 * The floor Simpul's authenticated read is measured against: Fastify and one tenant transaction
 * of 4 statements (BEGIN, the role and tenant settings, a 20-customer read under row-level
 * security, COMMIT), written by hand on the same database.
 */
async function fastifyWithOneTransaction(label: string, transaction: (tenantId: string) => Promise<unknown>, tenantId: string) {
  const app = Fastify();
  app.get('/', async () => ({ rows: await transaction(tenantId) }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const row = await load(label, url);
  await app.close();
  return row;
}

const floorStatements = {
  settings: "select set_config('role', 'simpul_app', true), set_config('app.tenant_id', $1, true)",
  read: 'select id, name, code from customers order by name limit 20',
};

const postgresTransaction = (pool: pg.Pool) => async (tenantId: string) => {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(floorStatements.settings, [tenantId]);
    const { rows } = await client.query(floorStatements.read);
    await client.query('commit');
    return rows;
  } finally {
    client.release();
  }
};

const pgliteTransaction = (pglite: PGlite) => (tenantId: string) =>
  pglite.transaction(async (tx) => {
    await tx.query(floorStatements.settings, [tenantId]);
    return (await tx.query(floorStatements.read)).rows;
  });

/**
 * Simpul itself on `db`: an admin's GET /api/me and a 20-customer page, cookie-authenticated.
 * A warm /api/me reads nothing (session, entitlements, banner and profile come from the access
 * caches), so its row measures the HTTP and authentication path; the page is the tenant read.
 */
async function simpul(shape: string, db: Database, floor: (tenantId: string) => Promise<Row & { rps: number }>) {
  const app = await createBenchApp(db);
  const demo = await loadDemoData(app);
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoStaff[1].email, password: demoPassword }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const floorRow = await floor(demo.tenant.id);
  const rows = [floorRow, await load(`Simpul GET /api/me (${shape})`, `${url}/api/me`, { cookie }), await load(`Simpul GET /api/customers?limit=20 (${shape})`, `${url}/api/customers?limit=20`, { cookie })];
  await app.close();
  return rows.map(({ rps, ...row }, i): Row & { ratio: number } => ({ ...row, 'of floor': i === 0 ? '1.00×' : `${(rps / floorRow.rps).toFixed(2)}×`, ratio: i === 0 ? Number.NaN : rps / floorRow.rps }));
}

export async function run() {
  const { rps: _bare, ...bare } = await bareFastify();
  const server = await withBenchPostgres(async (db, url) => {
    const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
    try {
      return await simpul('PostgreSQL', db, (tenantId) => fastifyWithOneTransaction('floor: Fastify + one pg transaction of 4 statements', postgresTransaction(pool), tenantId));
    } finally {
      await pool.end();
    }
  }, POOL_SIZE);
  const pglite = await openBenchPglite();
  const embedded = await simpul('embedded PGlite', pglite, (tenantId) => fastifyWithOneTransaction('floor: Fastify + one PGlite transaction of 4 statements', pgliteTransaction(pglite.pglite!), tenantId));
  await pglite.close();
  const rows = [...server, ...embedded];
  // Issue 20 goal 2: an authenticated tenant read at least half its floor, on both shapes.
  const notes = rows.flatMap((r) => (Number.isNaN(r.ratio) ? [] /* the floor itself */ : [`${r.ratio >= GOAL_OF_FLOOR ? 'goal met' : 'goal MISSED'} (≥ ${GOAL_OF_FLOOR}× floor): ${r.what} ${r['of floor']}`]));
  printTable(`Authenticated reads against their floor — ${CONNECTIONS} connections, ${DURATION_S} s each, pool ${POOL_SIZE} (autocannon, same process)`, [bare, ...rows.map(({ ratio: _ratio, ...row }) => row)], notes);
}

if (import.meta.main) await run();
