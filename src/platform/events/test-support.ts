/** Shared by the event bus tests and their crash-test worker process; not used by the application. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { Registry } from 'prom-client';
import { pino, type Logger } from 'pino';
import { systemClock } from '../clock.ts';
import { asTenantId, type Database, type TenantId } from '../db/database.ts';
import { newId } from '../ids.ts';
import { defineEvents } from './event-catalog.ts';
import { createEventBus } from './event-bus.ts';
import { defineHandler, type EventHandler } from './event-handler.ts';
import type { EventTransport } from './event-transport.ts';
import { createPostgresTransport } from './postgres.transport.ts';
import { createRedisStreamsTransport } from './redis-streams.transport.ts';
import { Topic } from './topics.ts';

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const testEvents = defineEvents({
  'billing.invoice.overdue': {
    topic: Topic.billing,
    version: 1,
    data: z.object({ invoiceId: z.uuid(), customerId: z.uuid(), daysOverdue: z.number().int().nonnegative() }),
  },
  'test.step.recorded': {
    topic: Topic.plan,
    version: 1,
    data: z.object({ label: z.string(), n: z.number().int() }),
  },
});
export type TestEvents = typeof testEvents;

export type TransportName = 'postgres' | 'redis-streams';

/** A test-only table a handler writes its effect into (one row per handler and event). */
export async function createEffectsTable(db: Database) {
  await sql`create table test_effects (
      id bigint generated always as identity primary key,
      tenant_id uuid not null, handler_id text not null, event_id uuid not null, label text)`.execute(db.owner);
  await sql`grant select, insert on test_effects to simpul_app`.execute(db.owner);
}

export async function createTenant(db: Database, timeZone = 'Asia/Jakarta', createdAt = '2020-01-01T00:00:00Z'): Promise<TenantId> {
  const id = newId();
  await sql`insert into tenants (id, slug, name, time_zone, created_at)
    values (${id}, ${'t-' + id.slice(-12)}, 'Test ISP', ${timeZone}, ${createdAt})`.execute(db.owner);
  return asTenantId(id);
}

/** Handlers that each write one effect row per event they handle. */
export const countingHandlers = (ids = ['test.count-a', 'test.count-b']) =>
  ids.map((id) =>
    defineHandler(testEvents, {
      id,
      on: ['test.step.recorded'],
      async handle(event, { trx }) {
        await sql`insert into test_effects (tenant_id, handler_id, event_id) values (${event.tenantId}, ${id}, ${event.id})`.execute(trx);
      },
    }),
  );

export const effectsOf = async (db: Database, handlerId: string) =>
  (await sql<{ event_id: string; label: string | null }>`
    select event_id, label from test_effects where handler_id = ${handlerId} order by id`.execute(db.owner)).rows;

/** A unique key prefix per test run, so parallel test files never share streams. */
export const newRedisPrefix = () => `simpul-test:${randomBytes(4).toString('hex')}`;

export async function deleteRedisKeys(prefix: string) {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

/** Builds an event bus on `db` with settings short enough for tests. */
export function createTestBus(options: {
  db: Database & { url?: string };
  transport: TransportName;
  handlers: EventHandler[];
  redisPrefix?: string;
  redisUrl?: string;
  registry?: Registry;
  claimTimeoutSeconds?: number;
  logger?: Logger;
  /** Lets a test watch the relay's calls to the transport. */
  wrapTransport?: (transport: EventTransport) => EventTransport;
}) {
  const { db } = options;
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const claimTimeoutSeconds = options.claimTimeoutSeconds ?? 60;
  const created =
    options.transport === 'postgres'
      ? createPostgresTransport({
          connection: db.pglite ? { pglite: db.pglite } : { connectionString: db.url!, poolSize: 4 },
          logger,
          claimTimeoutSeconds,
          pollingIntervalSeconds: 0.5,
          superviseIntervalSeconds: 1,
        })
      : createRedisStreamsTransport({
          url: options.redisUrl ?? redisUrl,
          keyPrefix: options.redisPrefix ?? newRedisPrefix(),
          catalog: testEvents,
          logger,
          claimTimeoutMs: claimTimeoutSeconds * 1000,
          reclaimIntervalMs: 200,
        });
  const transport = options.wrapTransport?.(created) ?? created;
  const bus = createEventBus({
    db,
    catalog: testEvents,
    handlers: options.handlers,
    transport,
    clock: systemClock,
    logger,
    metrics: options.registry ?? new Registry(),
    listenUrl: db.url,
    relay: { pollIntervalMs: 250, maintainIntervalMs: 500 },
  });
  return { bus, transport };
}

/** Waits until `check` holds; fails (rather than hangs) after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | false | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A logger that keeps its JSON lines for the test to read. */
export function capturingLogger() {
  const lines: { level: number; msg: string; err?: { message: string }; [field: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines, errors: () => lines.filter((line) => line.level >= 50) };
}

/**
 * A Redis server of the test's own on a free port (never the shared one), without persistence:
 * `stop()` loses everything, as a restart of an unpersisted Redis does; `start()` again on the same port.
 */
export async function startPrivateRedis() {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'simpul-redis-'));
  let server: ChildProcess | undefined;
  const isRunning = () => server !== undefined && server.exitCode === null && server.signalCode === null;
  const start = async () => {
    if (isRunning()) return;
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ready = new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve());
      server!.on('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
    });
    await ready;
  };
  const stop = async () => {
    if (!isRunning()) return;
    const exited = once(server!, 'exit');
    server!.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Starts it again (if stopped). */
    start,
    stop,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
