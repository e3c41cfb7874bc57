import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import type { TenantId } from '../db/database.ts';
import { newId } from '../ids.ts';
import type { EventEnvelope } from './event-envelope.ts';
import { defineHandler } from './event-handler.ts';
import type { EventTransport } from './event-transport.ts';
import { createRedisStreamsTransport } from './redis-streams.transport.ts';
import {
  capturingLogger, countingHandlers, createEffectsTable, createTenant, createTestBus, deleteRedisKeys, effectsOf, eventually, newRedisPrefix, redisUrl,
  startPrivateRedis, testEvents,
} from './test-support.ts';
import { Topic } from './topics.ts';

const event = (n: number): EventEnvelope => ({
  id: newId(), topic: Topic.plan, type: 'test.step.recorded', version: 1, tenantId: newId(), key: null,
  occurredAt: new Date().toISOString(), correlationId: 'redis-test', causationId: null, data: { label: 'redis', n },
});
let redis: Redis;
beforeAll(() => void (redis = new Redis(redisUrl)));
afterAll(() => redis.quit());

describe('redis-streams transport trimming', () => {
  const prefix = newRedisPrefix();
  const stream = `${prefix}:stream:${Topic.plan}`;
  const handlers = ['test.fast', 'test.slow'].map((id) => defineHandler(testEvents, { id, on: ['test.step.recorded'], handle: async () => undefined }));
  let transport: EventTransport;

  /** Reads `count` new entries as `group` and acknowledges the first `ack` of them. */
  async function readAndAck(group: string, count: number, ack: number) {
    const [[, entries]] = (await redis.xreadgroup('GROUP', group, 'test-consumer', 'COUNT', count, 'STREAMS', stream, '>')) as [string, [string, string[]][]][];
    if (ack > 0) await redis.xack(stream, group, ...entries.slice(0, ack).map(([id]) => id));
  }

  beforeAll(async () => {
    transport = createRedisStreamsTransport({ url: redisUrl, keyPrefix: prefix, catalog: testEvents, logger: pino({ level: 'silent' }) });
    await transport.prepare(handlers);
    await transport.enqueue(null as never, Array.from({ length: 10 }, (_, n) => ({ event: event(n), handlerIds: handlers.map((h) => h.id) })));
  });
  afterAll(async () => {
    await transport?.stop();
    await deleteRedisKeys(prefix);
  });

  it('should keep every entry some handler has not acknowledged, and drop the rest', async () => {
    await readAndAck('test.fast', 10, 10);
    await transport.maintain();
    expect(await redis.xlen(stream)).toBe(10); // test.slow has read nothing yet

    await readAndAck('test.slow', 10, 4);
    await transport.maintain();
    expect(await redis.xlen(stream)).toBe(6); // from test.slow's oldest unacknowledged entry on

    const pending = (await redis.xpending(stream, 'test.slow', '-', '+', 10)) as [string][];
    await redis.xack(stream, 'test.slow', ...pending.map(([id]) => id));
    await transport.maintain();
    expect(await redis.xlen(stream)).toBe(1); // only the last delivered entry, which marks both groups' position
  });

  it('should trim without failing while a handler acknowledges what it reads', async () => {
    // Each round leaves one entry pending for a moment: trimming that looks while it is
    // acknowledged must not fail (it did: the oldest pending entry read as null).
    const rounds = async () => {
      for (let n = 0; n < 300; n++) {
        await transport.enqueue(null as never, [{ event: event(n), handlerIds: handlers.map((h) => h.id) }]);
        for (const group of ['test.fast', 'test.slow']) await readAndAck(group, 1, 1);
      }
    };
    const trimming = async (done: () => boolean) => {
      while (!done()) await transport.maintain();
    };
    let finished = false;
    await Promise.all([rounds().finally(() => (finished = true)), trimming(() => finished), trimming(() => finished)]);
    await transport.maintain();
    expect(await redis.xlen(stream)).toBe(1); // everything acknowledged: only the position mark stays
  });
});

describe('redis-streams transport with a slow handler', () => {
  const prefix = newRedisPrefix();
  const handler = defineHandler(testEvents, { id: 'test.slow-handler', on: ['test.step.recorded'], handle: async () => undefined });
  // Short heartbeats, so that a wrong claim would show within a second or two.
  const options = {
    url: redisUrl, keyPrefix: prefix, catalog: testEvents, logger: pino({ level: 'silent' }),
    heartbeatIntervalMs: 100, deadConsumerIdleMs: 300, reclaimIntervalMs: 50,
  };
  const transports: EventTransport[] = [];
  afterAll(async () => {
    await Promise.all(transports.map((t) => t.stop()));
    await deleteRedisKeys(prefix);
  });

  it('should leave a live consumer’s delivery alone far past the dead-consumer idle time', async () => {
    const [slow, other] = [createRedisStreamsTransport(options), createRedisStreamsTransport(options)];
    transports.push(slow, other);
    const finish = Promise.withResolvers<void>();
    const received = { slow: 0, other: 0 };
    await slow.prepare([handler]);
    await slow.consume(async (_id, deliveries) => {
      received.slow += deliveries.length;
      await finish.promise;
      return deliveries.map(() => ({ kind: 'settled' as const }));
    });
    await slow.enqueue(null as never, [{ event: event(1), handlerIds: [handler.id] }]);
    await eventually(async () => received.slow === 1);
    await other.prepare([handler]);
    await other.consume(async (_id, deliveries) => {
      received.other += deliveries.length;
      return deliveries.map(() => ({ kind: 'settled' as const }));
    });

    const stream = `${prefix}:stream:${Topic.plan}`;
    const idleOfPending = async () => ((await redis.xpending(stream, handler.id, '-', '+', 1)) as [string, string, number, number][])[0]?.[2] ?? 0;
    await eventually(async () => (await idleOfPending()) > 5 * options.deadConsumerIdleMs);
    expect(received.other).toBe(0);
    finish.resolve();
    await eventually(async () => (await redis.xpending(stream, handler.id, '-', '+', 1)).length === 0);
    expect(received).toEqual({ slow: 1, other: 0 });
  });
});

describe('redis-streams transport when its Redis is flushed or restarted (a private redis-server)', () => {
  let server: Awaited<ReturnType<typeof startPrivateRedis>>;
  let db: TestDatabase;
  let tenant: TenantId;
  const handlers = countingHandlers();

  beforeAll(async () => {
    server = await startPrivateRedis();
    db = await openTestDatabase('postgres');
    await createEffectsTable(db);
    tenant = await createTenant(db);
  });
  afterEach(async () => {
    await server.start(); // running again for the next test
    await sql`truncate test_effects`.execute(db.owner);
  });
  afterAll(async () => {
    await db?.drop();
    await server?.close();
  });

  /** Publishes `batches` transactions of 10 events, numbered from `first`. */
  const publish = (bus: ReturnType<typeof createTestBus>['bus'], first: number, batches: number) =>
    Array.from({ length: batches }, (_, i) => first + i).reduce(
      (previous, batch) =>
        previous.then(() =>
          db.tenant(tenant, async (trx) => {
            for (let n = 0; n < 10; n++) await bus.publish(trx, 'test.step.recorded', { label: `batch-${batch}`, n });
          }),
        ),
      Promise.resolve(),
    );
  async function expectEachHandledOnce(count: number) {
    for (const handler of handlers) await eventually(async () => (await effectsOf(db, handler.id)).length >= count, 30_000);
    for (const handler of handlers) {
      const effects = await effectsOf(db, handler.id);
      expect(effects).toHaveLength(count);
      expect(new Set(effects.map((e) => e.event_id)).size).toBe(count);
    }
  }

  it('should lose no event when Redis is flushed while events are flowing, and log the flush as expected, not as an error', async () => {
    const log = capturingLogger();
    const { bus } = createTestBus({ db, transport: 'redis-streams', handlers, redisPrefix: newRedisPrefix(), redisUrl: server.url, logger: log.logger });
    const admin = new Redis(server.url);
    await bus.start({ consume: true, relay: true });
    try {
      await publish(bus, 0, 10);
      // Flushed while the readers wait inside XREADGROUP: Redis answers them UNBLOCKED.
      await eventually(async () => Number(/blocked_clients:(\d+)/.exec(await admin.info('clients'))![1]) >= handlers.length);
      await admin.flushall();
      await publish(bus, 10, 10);
      await expectEachHandledOnce(200);
      expect(log.lines.some((line) => /UNBLOCKED|NOGROUP/.test(line.err?.message ?? ''))).toBe(true); // seen, at debug level
      expect(log.errors()).toEqual([]);
    } finally {
      await bus.stop();
      await admin.quit();
    }
  });

  it('should resume delivery with nothing lost when Redis stops and starts again, saying so in the JSON log (nothing on stderr)', async () => {
    const stderr = vi.spyOn(console, 'error');
    const log = capturingLogger();
    const { bus, transport } = createTestBus({ db, transport: 'redis-streams', handlers, redisPrefix: newRedisPrefix(), redisUrl: server.url, logger: log.logger });
    await bus.start({ consume: true, relay: true });
    try {
      await publish(bus, 0, 5);
      await expectEachHandledOnce(50);
      await transport.health();

      await server.stop();
      await eventually(async () => log.lines.some((line) => line.msg === 'Redis is unreachable; retrying'));
      await expect(transport.health()).rejects.toThrow();
      await publish(bus, 5, 10); // committed while Redis is down: the outbox keeps them

      await server.start(); // empty: everything handed over before is gone
      await publish(bus, 15, 5);
      await expectEachHandledOnce(200);
      await eventually(async () => log.lines.some((line) => line.msg === 'Redis is reachable again'));
      await transport.health();
      expect(log.errors().map((line) => line.msg)).toEqual(['Redis is unreachable; retrying']);
      expect(stderr.mock.calls.filter(([first]) => String(first).includes('[ioredis]'))).toEqual([]);
    } finally {
      await bus.stop();
      stderr.mockRestore();
    }
  });

  it('should answer a health check within a second when Redis is down', async () => {
    const { transport } = createTestBus({ db, transport: 'redis-streams', handlers, redisUrl: server.url });
    await transport.prepare(handlers);
    await server.stop();
    const started = performance.now();
    await expect(transport.health(1_000)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1_500);
    await transport.stop();
  });
});
