import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import type { TenantId } from '../db/database.ts';
import { defineHandler } from './event-handler.ts';
import {
  createEffectsTable, createTenant, createTestBus, deleteRedisKeys, effectsOf, eventually, newRedisPrefix, redisUrl, testEvents,
  type TransportName,
} from './test-support.ts';

const survivingHandler = defineHandler(testEvents, {
  id: 'test.crash-effect',
  on: ['test.step.recorded'],
  async handle(event, { trx }) {
    await sql`insert into test_effects (tenant_id, handler_id, event_id, label)
      values (${event.tenantId}, 'test.crash-effect', ${event.id}, 'surviving-worker')`.execute(trx);
  },
});

describe.each(['postgres', 'redis-streams'] as TransportName[])('a worker killed inside a handler (%s transport on PostgreSQL)', (transport) => {
  let db: TestDatabase;
  let tenant: TenantId;
  let child: ChildProcess | undefined;
  const redisPrefix = newRedisPrefix();

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    await createEffectsTable(db);
    tenant = await createTenant(db);
  });
  afterEach(() => void child?.kill('SIGKILL'));
  afterAll(async () => {
    await db?.drop();
    await deleteRedisKeys(redisPrefix);
  });

  it('should deliver the event again to a surviving worker, with its effect applied exactly once', async () => {
    const relay = createTestBus({ db, transport, handlers: [survivingHandler], redisPrefix, claimTimeoutSeconds: 2 }).bus;
    await relay.start({ consume: false, relay: true });

    child = spawn('node_modules/.bin/node', ['src/platform/events/crash-worker.fixture.ts', db.url!, transport, redisPrefix], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    const childSays = (prefix: string) =>
      new Promise<string>((resolve, reject) => {
        lines.on('line', (line) => line.startsWith(prefix) && resolve(line));
        child!.on('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
    await childSays('READY');
    const event = await db.tenant(tenant, (trx) => relay.publish(trx, 'test.step.recorded', { label: 'crash', n: 1 }));
    expect(await childSays('IN_HANDLER')).toBe(`IN_HANDLER ${event.id}`);
    child.kill('SIGKILL');

    const survivor = createTestBus({ db, transport, handlers: [survivingHandler], redisPrefix, claimTimeoutSeconds: 2 }).bus;
    await survivor.start({ consume: true, relay: false });
    try {
      await eventually(() => effectsOf(db, 'test.crash-effect').then((rows) => rows.length > 0), 30_000);
      // Give a wrongly repeated delivery the chance to show up before counting.
      await eventually(async () => (await survivor.operations.listHandlers())[0].inFlight === 0);
      expect(await effectsOf(db, 'test.crash-effect')).toEqual([{ event_id: event.id, label: 'surviving-worker' }]);
    } finally {
      await survivor.stop();
      await relay.stop();
    }
  });
});

describe('redis-streams transport when Redis loses its data mid-run', () => {
  // A logical database of its own, so FLUSHDB is a real flush without touching other test files.
  const flushableRedisUrl = `${redisUrl}/13`;
  const redisPrefix = newRedisPrefix();
  let db: TestDatabase;
  let tenant: TenantId;
  const handlers = ['test.count-a', 'test.count-b'].map((id) =>
    defineHandler(testEvents, {
      id,
      on: ['test.step.recorded'],
      async handle(event, { trx }) {
        await sql`insert into test_effects (tenant_id, handler_id, event_id) values (${event.tenantId}, ${id}, ${event.id})`.execute(trx);
      },
    }),
  );

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    await createEffectsTable(db);
    tenant = await createTenant(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('should lose no event when Redis is flushed while events are flowing', async () => {
    const { bus } = createTestBus({ db, transport: 'redis-streams', handlers, redisPrefix, redisUrl: flushableRedisUrl, claimTimeoutSeconds: 2 });
    await bus.start({ consume: true, relay: true });
    const redis = new Redis(flushableRedisUrl);
    try {
      const publishBatch = (batch: number) =>
        db.tenant(tenant, async (trx) => {
          for (let n = 0; n < 10; n++) await bus.publish(trx, 'test.step.recorded', { label: `batch-${batch}`, n });
        });
      for (let batch = 0; batch < 20; batch++) {
        await publishBatch(batch);
        if (batch === 9) await redis.flushdb();
      }
      for (const handler of handlers) {
        await eventually(async () => (await effectsOf(db, handler.id)).length >= 200, 30_000);
      }
      for (const handler of handlers) {
        const effects = await effectsOf(db, handler.id);
        expect(effects).toHaveLength(200);
        expect(new Set(effects.map((e) => e.event_id)).size).toBe(200);
      }
    } finally {
      await bus.stop();
      await redis.flushdb();
      await redis.quit();
    }
  });
});
