// End-to-end event bus throughput and latency: from "publish inside a transaction" to "all 3
// handlers done", per transport, with BullMQ on the same Redis doing the same 3-way fan-out (and
// the same database work per handler) as a peer. Run: node bench/event-bus.bench.ts
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { systemClock } from '../src/platform/clock.ts';
import { asTenantId, openDatabase, type Database, type TenantId } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { defineEvents } from '../src/platform/events/event-catalog.ts';
import { createEventBus } from '../src/platform/events/event-bus.ts';
import { defineHandler } from '../src/platform/events/event-handler.ts';
import type { EventTransport } from '../src/platform/events/event-transport.ts';
import { createPostgresTransport } from '../src/platform/events/postgres.transport.ts';
import { createRedisStreamsTransport } from '../src/platform/events/redis-streams.transport.ts';
import { Topic } from '../src/platform/events/topics.ts';
import { newId } from '../src/platform/ids.ts';
import { printTable } from './machine.ts';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PUBLISHERS = 8; // concurrent publishing "requests"
const HANDLERS = 3;
const logger = pino({ level: 'silent' });

const benchEvents = defineEvents({
  'billing.invoice.paid': { topic: Topic.billing, version: 1, data: z.object({ invoiceId: z.string(), amount: z.number().int() }) },
});

type Result = { transport: string; events: number; 'events/s': number; 'handler runs/s': number; 'p50 ms': number; 'p99 ms': number };

/** Tracks when each event was published and when its last handler finished. */
function createTracker(total: number) {
  const startedAt = new Map<string, number>();
  const remaining = new Map<string, number>();
  const latencies: number[] = [];
  let resolveAll!: () => void;
  const allDone = new Promise<void>((resolve) => (resolveAll = resolve));
  return {
    allDone,
    published(id: string, at: number) {
      startedAt.set(id, at);
      if (!remaining.has(id)) remaining.set(id, HANDLERS);
    },
    handled(id: string) {
      const left = (remaining.get(id) ?? HANDLERS) - 1;
      remaining.set(id, left);
      if (left === 0) {
        latencies.push(performance.now() - startedAt.get(id)!);
        if (latencies.length === total) resolveAll();
      }
    },
    summary(name: string, elapsedMs: number): Result {
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
      const perSecond = (total / elapsedMs) * 1000;
      return { transport: name, events: total, 'events/s': Math.round(perSecond), 'handler runs/s': Math.round(perSecond * HANDLERS), 'p50 ms': at(50), 'p99 ms': at(99) };
    },
  };
}

/** Publishes `total` events from PUBLISHERS concurrent loops, each in its own transaction. */
async function publishAll(total: number, publishOne: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: PUBLISHERS }, async () => {
    while (next < total) await publishOne(next++);
  }));
}

async function measureEventBus(name: string, db: Database, tenant: TenantId, transport: EventTransport, total: number): Promise<Result> {
  const tracker = createTracker(total);
  const handlers = Array.from({ length: HANDLERS }, (_, i) =>
    defineHandler(benchEvents, { id: `bench.handler-${i}`, on: ['billing.invoice.paid'], handle: async (event) => tracker.handled(event.id) }),
  );
  const bus = createEventBus({ db, catalog: benchEvents, handlers, transport, clock: systemClock, logger, metrics: new Registry(), listenUrl: (db as { url?: string }).url });
  await bus.start({ consume: true, relay: true });
  const started = performance.now();
  await publishAll(total, async (index) => {
    const at = performance.now();
    const event = await db.tenant(tenant, (trx) => bus.publish(trx, 'billing.invoice.paid', { invoiceId: `inv-${index}`, amount: 150_000 }, { tenantId: tenant }));
    tracker.published(event.id, at);
  });
  await tracker.allDone;
  const result = tracker.summary(name, performance.now() - started);
  await bus.stop();
  return result;
}

/**
 * The peer: BullMQ, 3 queues, the same database work per handler (a tenant transaction that
 * records the delivery). Its enqueue happens after the business transaction commits (BullMQ
 * cannot join it), so unlike the outbox it can lose or invent events on a crash.
 */
async function measureBullMQ(db: Database, tenant: TenantId, total: number): Promise<Result> {
  await sql`create table bench_bullmq_done (handler_id text, event_id uuid, tenant_id uuid not null, primary key (handler_id, event_id))`.execute(db.owner);
  await sql`grant insert on bench_bullmq_done to simpul_app`.execute(db.owner);
  const prefix = `simpul-bench-${randomBytes(4).toString('hex')}`;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const tracker = createTracker(total);
  const queues = Array.from({ length: HANDLERS }, (_, i) => new Queue(`handler-${i}`, { connection, prefix }));
  const workers = queues.map(
    (queue) =>
      new Worker(
        queue.name,
        async (job) => {
          await db.tenant(tenant, (trx) =>
            sql`insert into bench_bullmq_done (handler_id, event_id, tenant_id) values (${queue.name}, ${job.data.id}, ${tenant}) on conflict do nothing`.execute(trx),
          );
          tracker.handled(job.data.id);
        },
        { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: 20 },
      ),
  );
  const started = performance.now();
  await publishAll(total, async (index) => {
    const at = performance.now();
    const id = newId();
    tracker.published(id, at);
    await db.tenant(tenant, (trx) => sql`select ${index}`.execute(trx)); // the business transaction
    await Promise.all(queues.map((queue) => queue.add('billing.invoice.paid', { id, invoiceId: `inv-${index}` }, { removeOnComplete: true })));
  });
  await tracker.allDone;
  const result = tracker.summary('BullMQ peer (Redis, after commit)', performance.now() - started);
  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(queues.map((q) => q.obliterate({ force: true }).then(() => q.close())));
  await connection.quit();
  return result;
}

async function withPostgres<T>(fn: (db: Database & { url: string }, tenant: TenantId) => Promise<T>): Promise<T> {
  const name = `simpul_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = Object.assign(await openDatabase({ driver: 'postgres', url: url.toString(), poolSize: 20 }), { url: url.toString() });
  try {
    await migrate(db.owner);
    return await fn(db, await createBenchTenant(db));
  } finally {
    await db.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function createBenchTenant(db: Database): Promise<TenantId> {
  const id = newId();
  await sql`insert into tenants (id, slug, name, time_zone) values (${id}, 'bench-isp', 'Bench ISP', 'Asia/Jakarta')`.execute(db.owner);
  return asTenantId(id);
}

async function deleteRedisKeys(prefix: string) {
  const redis = new Redis(redisUrl);
  for (let cursor = '0'; ; ) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
    if (cursor === '0') break;
  }
  await redis.quit();
}

export async function run() {
  const rows: Result[] = [];

  const pglite = await openDatabase({ driver: 'pglite' });
  await migrate(pglite.owner);
  rows.push(await measureEventBus('postgres / PGlite (pg-boss)', pglite, await createBenchTenant(pglite),
    createPostgresTransport({ connection: { pglite: pglite.pglite! }, logger, batchSize: 50 }), 1_000));
  await pglite.close();

  rows.push(await withPostgres((db, tenant) =>
    measureEventBus('postgres / PostgreSQL (pg-boss)', db, tenant,
      createPostgresTransport({ connection: { connectionString: db.url, poolSize: 10 }, logger, batchSize: 50, concurrency: 4 }), 5_000)));

  const redisPrefix = `simpul-bench-${randomBytes(4).toString('hex')}`;
  try {
    rows.push(await withPostgres((db, tenant) =>
      measureEventBus('redis-streams (outbox on PostgreSQL)', db, tenant,
        createRedisStreamsTransport({ url: redisUrl, keyPrefix: redisPrefix, catalog: benchEvents, logger }), 5_000)));
  } finally {
    await deleteRedisKeys(redisPrefix);
  }

  rows.push(await withPostgres((db, tenant) => measureBullMQ(db, tenant, 5_000)));

  // Other work on the machine moves these numbers a lot on 2 cores: the load average says how much.
  const load = os.loadavg().map((n) => n.toFixed(1)).join(' ');
  printTable(`Event bus: publish in a transaction → ${HANDLERS} handlers done (${PUBLISHERS} concurrent publishers, same process; load average ${load})`, rows);
}

if (import.meta.main) {
  await run();
  process.exit(0);
}
