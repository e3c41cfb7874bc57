import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';
import { printTable } from './machine.ts';
import { createBenchApp, openBenchPglite, withBenchPostgres } from './support.ts';

/**
 * The money desk at size: exporting 50,000 customers to XLSX through the API (streamed; time to
 * the last byte and the process's peak RSS while it runs), and importing a 10,000-secret RouterOS
 * `/ppp secret export`: the preview, the confirm (plan again + the job's rows queued, the
 * request's answer), the job imported chunk by chunk by the worker's loop, and the same file
 * again (every row skipped).
 */
const CUSTOMERS = Number(process.env.BENCH_EXPORT_CUSTOMERS ?? 50_000);
const SECRETS = Number(process.env.BENCH_IMPORT_SECRETS ?? 10_000);

/** A RouterOS 7 export with 5 profiles and `count` secrets, long lines wrapped with `\` as RouterOS prints them. */
export function routerOsExport(count: number): string {
  const lines = ['# dec/01/2026 09:00:00 by RouterOS 7.16.1', '/ppp profile'];
  for (let p = 1; p <= 5; p++) lines.push(`add local-address=10.10.0.1 name=paket-${p * 10}m rate-limit=${p * 5}M/${p * 10}M remote-address=pool`);
  lines.push('/ppp secret');
  for (let i = 1; i <= count; i++) {
    lines.push(`add comment="Pelanggan ${i} | 0812${String(i).padStart(8, '0')}" name=user${i}@bench password=pw-${i} \\`);
    lines.push(`    profile=paket-${(i % 5) * 10 + 10}m service=pppoe`);
  }
  return lines.join('\n');
}

async function ownerSession(app: Awaited<ReturnType<typeof createBenchApp>>, slug: string) {
  await app.identity.ensureSuperAdmin({ email: `root-${slug}@bench.test`, password: 'rahasia-super-123', name: 'Root' });
  const login = async (email: string, password: string) => {
    const res = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    return `simpul_session=${res.cookies.find((c) => c.name === 'simpul_session')!.value}`;
  };
  const root = await login(`root-${slug}@bench.test`, 'rahasia-super-123');
  const owner = { email: `owner@${slug}.test`, name: 'Owner', password: 'pemilik-123456' };
  const res = await app.http.inject({ method: 'POST', url: '/api/platform/tenants', headers: { cookie: root }, payload: { name: `Bench ${slug}`, slug, timeZone: 'WIB', owner } });
  return { tenantId: res.json().tenant.id as string, root, cookie: await login(owner.email, owner.password) };
}

async function seedCustomers(db: Database, tenantId: string, count: number) {
  const o = db.owner;
  await sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
    values (gen_random_uuid(), ${tenantId}, 'Rumahan', 20000, 10000, 150000, 'r20', now())`.execute(o);
  await sql`insert into customers (id, tenant_id, code, name, phone, address, plan_id, connection_type, pppoe_username, activated_on, created_at)
    select gen_random_uuid(), ${tenantId}, 'C' || lpad(g::text, 6, '0'), 'Pelanggan ' || g, '+6281200000000', 'Jl. Kaliurang km ' || g || ', Sleman',
           (select id from service_plans where tenant_id = ${tenantId}), 'pppoe', 'u' || g || '@bench', '2026-01-01', now()
    from generate_series(1, ${count}) g`.execute(o);
}

async function measure(shape: string, db: Database) {
  const app = await createBenchApp(db);
  const exporter = await ownerSession(app, 'bench-export');
  await seedCustomers(db, exporter.tenantId, CUSTOMERS);
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' });

  // Export: stream the body, counting bytes; sample RSS meanwhile.
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const res = await fetch(`${url}/api/exports/customers?format=xlsx`, { headers: { cookie: exporter.cookie } });
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const exportSeconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);

  // Import: preview, then run, of a 10,000-secret RouterOS export into another tenant.
  const importer = await ownerSession(app, 'bench-import');
  // The default SaaS plan stops at 2,000 customers: the super admin raises it for this tenant, as for a large ISP.
  const raised = await app.http.inject({
    method: 'POST',
    url: `/api/platform/tenants/${importer.tenantId}/overrides`,
    headers: { cookie: importer.root },
    payload: { limitName: 'customers', amount: SECRETS * 2, reason: 'benchmark import', endsAt: '2100-01-01T00:00:00Z' },
  });
  if (raised.statusCode !== 201) throw new Error(`limit override refused: ${raised.body}`);
  const content = routerOsExport(SECRETS);
  const prices = Object.fromEntries([1, 2, 3, 4, 5].map((p) => [`paket-${p * 10}m`, 100_000 + p * 25_000]));
  const post = async (path: string) => {
    const started = performance.now();
    const r = await fetch(`${url}${path}`, { method: 'POST', headers: { cookie: importer.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ source: 'routeros', content, prices }) });
    const body = (await r.json()) as Record<string, unknown>;
    return { seconds: (performance.now() - started) / 1000, status: r.status, body };
  };
  /** Confirm, then the worker's loop until the job is done; the job's counts as the API reports them. */
  const importJob = async () => {
    const queued = await post('/api/imports/jobs');
    const started = performance.now();
    const chunks = await app.imports.importPending();
    const seconds = (performance.now() - started) / 1000;
    const job = await fetch(`${url}/api/imports/jobs/${queued.body.id}`, { headers: { cookie: importer.cookie } }).then((r) => r.json() as Promise<Record<string, number | string>>);
    return { queued, seconds, chunks, job };
  };
  const preview = await post('/api/imports/preview');
  const imported = await importJob();
  const again = await importJob();
  await app.close();
  return {
    shape,
    'export rows': CUSTOMERS,
    'xlsx MB': (bytes / 1e6).toFixed(1),
    'export s': exportSeconds.toFixed(1),
    'peak RSS MB': (peakRss / 1e6).toFixed(0),
    'RSS growth MB': ((peakRss - baseRss) / 1e6).toFixed(0),
    'import lines': content.split('\n').length,
    'preview s': preview.seconds.toFixed(1),
    'confirm s': imported.queued.seconds.toFixed(1),
    'job s': imported.seconds.toFixed(1),
    chunks: imported.chunks,
    'rows/s': Math.round(Number(imported.job.total) / imported.seconds),
    created: `${imported.job.customersCreated} (${imported.job.status})`,
    failed: imported.job.failed,
    're-run job s': again.seconds.toFixed(1),
    're-run skipped': String(again.job.customersSkipped),
  };
}

export async function run() {
  const rows = [];
  if (process.env.BENCH_SHAPES !== 'postgres') {
    const pglite = await openBenchPglite();
    rows.push(await measure('embedded (PGlite)', pglite));
    await pglite.close();
  }
  if (process.env.BENCH_SHAPES !== 'pglite') rows.push(await withBenchPostgres((db) => measure('server (PostgreSQL)', db)));
  printTable(`Money desk: export ${CUSTOMERS} customers to XLSX; import a ${SECRETS}-secret RouterOS export`, rows);
}

if (import.meta.main) await run();
