import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../src/composition-root.ts';
import { createSecretBox } from '../src/platform/crypto/secret-box.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { loadDemoData, demoStaff, demoPassword } from '../src/modules/demo/demo-data.ts';
import { printTable } from './machine.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;

/** Authenticated GET /api/me (session lookup + tenant transaction + membership read) under load. */
async function measure(shape: string, db: Database) {
  await migrate(db.owner);
  const app = await createApp({
    db,
    clock: systemClock,
    logger: createLogger({ level: 'silent' }),
    secrets: createSecretBox(randomBytes(32)),
    config: {
      http: { port: 0, host: '127.0.0.1', publicUrl: undefined, bodyLimitBytes: 1 << 20 },
      identity: { sessionTtlHours: 1, cookieSecure: false, loginMaxFailures: 5, loginWindowMinutes: 15 },
      events: { transport: 'postgres', redisUrl: undefined, redisKeyPrefix: 'bench', databaseUrl: undefined },
    },
  });
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
  await db.close();
  return {
    shape,
    'requests/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

export async function run() {
  const rows = [await measure('embedded (PGlite)', await openDatabase({ driver: 'pglite' }))];
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `simpul_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    rows.push(await measure('server (PostgreSQL, pool 10)', await openDatabase({ driver: 'postgres', url: u.toString(), poolSize: 10 })));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  printTable(`Authenticated GET /api/me — ${CONNECTIONS} connections, ${DURATION_S} s each (autocannon, same process)`, rows);
}

if (import.meta.main) await run();
