import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';
import { printTable } from './machine.ts';
import { createBenchApp, openBenchPglite, withBenchPostgres } from './support.ts';

const DOMAINS = 10_000;
const TENANTS = 1_000;
const REQUESTS = Number(process.env.BENCH_ASK_REQUESTS ?? 3_000);

/**
 * Caddy's on-demand TLS `ask` (GET /api/domains/ask?domain=…) against 10,000 custom domains of
 * 1,000 tenants (9 of 10 verified), one request at a time through the whole HTTP stack in-process:
 * verified custom domains, unverified ones, tenant slugs and unknown hosts, equally mixed.
 */
async function measure(shape: string, db: Database) {
  await sql`insert into tenants (id, slug, name, time_zone)
    select gen_random_uuid(), 'isp-' || i, 'ISP ' || i, 'Asia/Jakarta' from generate_series(1, ${TENANTS}) i`.execute(db.owner);
  await sql`insert into saas_domains (id, tenant_id, host, verify_token, verified_at, created_at)
    select gen_random_uuid(), t.id, 'portal' || d || '.' || t.slug || '.net.id', md5(random()::text), case when d % 10 = 0 then null else now() end, now()
    from tenants t, generate_series(1, ${DOMAINS / TENANTS}) d`.execute(db.owner);
  await sql`analyze saas_domains`.execute(db.owner);
  const app = await createBenchApp(db);
  const hosts = (i: number) => {
    const t = (i % TENANTS) + 1;
    const d = (i % (DOMAINS / TENANTS)) + 1;
    switch (i % 4) {
      case 0: return { host: `portal${d === 10 ? 1 : d}.isp-${t}.net.id`, expect: 200 };
      case 1: return { host: `portal10.isp-${t}.net.id`, expect: 404 }; // unverified
      case 2: return { host: `isp-${t}.simpul.id`, expect: 200 };
      default: return { host: `nowhere-${i}.example.com`, expect: 404 };
    }
  };
  for (let i = 0; i < 200; i++) await app.http.inject({ method: 'GET', url: `/api/domains/ask?domain=${hosts(i).host}` }); // warm-up
  const times: number[] = [];
  let wrong = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const { host, expect } = hosts(i);
    const start = process.hrtime.bigint();
    const res = await app.http.inject({ method: 'GET', url: `/api/domains/ask?domain=${host}` });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (res.statusCode !== expect) wrong++;
  }
  await app.close();
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(2);
  return { shape, domains: DOMAINS, requests: REQUESTS, 'p50 ms': at(0.5), 'p99 ms': at(0.99), 'max ms': times.at(-1)!.toFixed(2), 'wrong answers': wrong };
}

export async function run() {
  const pglite = await openBenchPglite();
  const rows = [await measure('embedded (PGlite)', pglite)];
  await pglite.close();
  rows.push(await withBenchPostgres((db) => measure('server (PostgreSQL, pool 10)', db)));
  printTable(`Caddy ask (GET /api/domains/ask) — ${DOMAINS} domains, ${REQUESTS} sequential requests through the HTTP stack`, rows);
}

if (import.meta.main) await run();
