import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import type { TenantId } from '../db/database.ts';
import { defineHandler } from './event-handler.ts';
import {
  createEffectsTable, createTenant, createTestBus, deleteRedisKeys, effectsOf, eventually, newRedisPrefix, testEvents,
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
  // pg-boss only notices a dead worker by its claim timeout; Redis Streams keeps the default
  // (60 s, for slow handlers) and notices by the consumer's heartbeat.
  const claimTimeoutSeconds = transport === 'postgres' ? 2 : undefined;

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

  it('should deliver its events again to a surviving worker within 10 s, each effect applied exactly once', async () => {
    const relay = createTestBus({ db, transport, handlers: [survivingHandler], redisPrefix, claimTimeoutSeconds }).bus;
    await relay.start({ consume: false, relay: true });
    const handlerStats = async () => (await relay.operations.listHandlers())[0];
    // Waiting before the worker starts, so it takes all of them in one batch.
    const events = await db.tenant(tenant, async (trx) => {
      const published = [];
      for (let n = 1; n <= 5; n++) published.push(await relay.publish(trx, 'test.step.recorded', { label: 'crash', n }));
      return published;
    });
    await eventually(async () => (await handlerStats()).waiting === 5);

    child = spawn('node_modules/.bin/node', ['src/platform/events/crash-worker.fixture.ts', db.url!, transport, redisPrefix, String(claimTimeoutSeconds ?? '')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    const inHandler = new Promise<string>((resolve, reject) => {
      lines.on('line', (line) => line.startsWith('IN_HANDLER') && resolve(line));
      child!.on('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    });
    expect(events.map((e) => `IN_HANDLER ${e.id}`)).toContain(await inHandler);
    await eventually(async () => (await handlerStats()).inFlight === 5); // the worker holds all five
    child.kill('SIGKILL');

    const survivor = createTestBus({ db, transport, handlers: [survivingHandler], redisPrefix, claimTimeoutSeconds }).bus;
    await survivor.start({ consume: true, relay: false });
    try {
      await eventually(() => effectsOf(db, 'test.crash-effect').then((rows) => rows.length >= 5), 10_000);
      // Give a wrongly repeated delivery the chance to show up before counting.
      await eventually(async () => (await handlerStats()).inFlight === 0);
      const effects = await effectsOf(db, 'test.crash-effect');
      expect(effects.map((e) => e.event_id).sort()).toEqual(events.map((e) => e.id).sort());
      expect(new Set(effects.map((e) => e.label))).toEqual(new Set(['surviving-worker']));
    } finally {
      await survivor.stop();
      await relay.stop();
    }
  });
});
