import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import { WhatsAppCloudStandIn } from '../src/simulators/whatsapp-cloud/whatsapp-cloud.stand-in.ts';
import { asTenantId, openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { Topic } from '../src/platform/events/topics.ts';
import { newId } from '../src/platform/ids.ts';
import { printTable } from './machine.ts';
import { createBenchApp, withBenchPostgres } from './support.ts';

/**
 * An ODC outage's worth of WhatsApp messages: one `maps.outage.set` event for N customers goes
 * through the notifications handler's path (rule → N message rows), then the delivery worker
 * sends them to a Cloud API stand-in that enforces 50 messages/s like a provider would (a send
 * beyond it gets Meta's 130429 answer). Measures delivered throughput against the allowed rate,
 * duplicates (stand-in count vs distinct idempotency keys) and memory along the way.
 */
const RATE_PER_SECOND = 50; // also the Cloud API sender default (defaultSenderLimits)
const account = { accessToken: 'EAAG-bench-token', phoneNumberId: '100000000001', appSecret: 'bench-secret' };

// Live memory, not garbage waiting for a collection: collect before each sample.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
/** RSS / JS heap / PGlite's WebAssembly memory (its shared buffers and backend memory), MiB. */
const memoryOf = (db: Database) => () => {
  collectGarbage();
  const { rss, heapUsed } = process.memoryUsage();
  const wasm: number | undefined = (db.pglite as unknown as { mod?: { HEAPU8: Uint8Array } } | undefined)?.mod?.HEAPU8.length;
  return `${mib(rss)} / ${mib(heapUsed)} / ${wasm === undefined ? '—' : mib(wasm)}`;
};

async function measure(shape: string, db: Database, messages: number, databaseUrl?: string) {
  const standIn = await WhatsAppCloudStandIn.start({ ...account, rateLimit: { perSecond: RATE_PER_SECOND }, recordRequests: false });
  const tenantId = newId();
  await sql`insert into tenants (id, slug, name, time_zone) values (${tenantId}, 'odc-bench', 'Bench Net', 'Asia/Jakarta')`.execute(db.owner);
  await sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
    values (${newId()}, ${tenantId}, 'Rumahan', 20000, 10000, 150000, 'paket-20m', now())`.execute(db.owner);
  await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, pppoe_username, activated_on, created_at)
    select gen_random_uuid(), ${tenantId}, 'C' || g, 'Pelanggan ' || g, '+62812' || lpad(g::text, 7, '0'), p.id, 'pppoe', 'odc-' || g, '2026-01-01', now()
    from service_plans p cross join generate_series(1, ${messages}) g`.execute(db.owner);

  const app = await createBenchApp(db, { databaseUrl, providerUrls: { whatsapp_cloud: standIn.baseUrl } });
  const tenant = asTenantId(tenantId);
  await app.notifications.setProvider(tenant, { provider: 'whatsapp_cloud', config: account });
  await app.notifications.updateSettings(tenant, { notifyOutageCustomers: true });
  const { rows: customers } = await sql<{ id: string }>`select id from customers`.execute(db.owner);
  await app.start({ workers: true, scheduler: false });

  const memory = memoryOf(db);
  const memoryAtStart = memory();
  const queueStart = performance.now();
  const eventId = newId();
  // What the notifications handler does with the event, in one transaction.
  await db.tenant(tenant, (trx) =>
    app.notifications.enqueueForEvent(trx, {
      id: eventId,
      topic: Topic.outage,
      type: 'maps.outage.set',
      version: 1,
      tenantId,
      key: null,
      occurredAt: new Date().toISOString(),
      correlationId: eventId,
      causationId: null,
      data: { outageId: newId(), level: 'ODC', areaName: 'ODC Merapi-01', customerIds: customers.map((c) => c.id) },
    }),
  );
  const queueSeconds = (performance.now() - queueStart) / 1000;
  const memoryAfterQueue = memory();

  const sendStart = performance.now(); // the running worker picks the committed rows up on its next poll
  let memoryAtHalf = '';
  while (standIn.accepted.length < messages) {
    if (!memoryAtHalf && standIn.accepted.length >= messages / 2) memoryAtHalf = memory();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const sendSeconds = (performance.now() - sendStart) / 1000;
  const memoryAtEnd = memory();
  await app.close(); // the worker writes every result back before it stops
  const { rows: states } = await sql<{ status: string; retried: number; n: number }>`
    select status, count(*) filter (where attempts > 1)::int as retried, count(*)::int as n from notifications_messages group by status`.execute(db.owner);
  await standIn.close();

  const delivered = messages / sendSeconds;
  return {
    shape,
    messages,
    'queue s': queueSeconds.toFixed(2),
    'send s': sendSeconds.toFixed(1),
    'delivered /s': delivered.toFixed(1),
    'of allowed rate': `${((delivered / RATE_PER_SECOND) * 100).toFixed(1)}%`,
    'stand-in count': standIn.accepted.length,
    'distinct keys': new Set(standIn.accepted.map((m) => m.bizOpaqueCallbackData)).size,
    'rows sent': states.find((s) => s.status === 'sent')?.n ?? 0,
    'retried (429)': states.reduce((sum, s) => sum + s.retried, 0),
    'RSS/heap/WASM MiB: start': memoryAtStart,
    queued: memoryAfterQueue,
    'half sent': memoryAtHalf,
    end: memoryAtEnd,
  };
}

export async function run() {
  const messages = Number(process.env.BENCH_WA_MESSAGES ?? 1_250);
  const rows = [await withBenchPostgres((db, url) => measure('PostgreSQL', db, messages, url))];
  // A data folder like the embedded shape's, so RSS is not database files held in memory.
  const dataDir = await mkdtemp(join(tmpdir(), 'simpul-wa-bench-'));
  const db = await openDatabase({ driver: 'pglite', dataDir });
  try {
    await migrate(db.owner);
    rows.push(await measure('PGlite (embedded, data folder)', db, messages));
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  printTable(
    `WhatsApp burst: an outage's messages through a Cloud API stand-in limited to ${RATE_PER_SECOND}/s; memory is live (after a GC). ` +
      `Full size (10,000 per shape, ~7 min): BENCH_WA_MESSAGES=10000 npm run bench -- wa-burst`,
    rows,
    [
      "PGlite's RSS includes its WebAssembly memory (fixed after start: 128 MB shared buffers and the backend) and V8's compiled code for it;",
      'what grows with the burst is ours: ~450 MB at 10,000 messages came from a new Intl.DateTimeFormat per rendered message (now one per language and zone).',
    ],
  );
}

if (import.meta.main) await run();
