import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import type { TenantId } from '../db/database.ts';
import { relayLockId } from './outbox-relay.ts';
import {
  capturingLogger, countingHandlers, createEffectsTable, createTenant, createTestBus, effectsOf, eventually, newRedisPrefix, startPrivateRedis,
} from './test-support.ts';
import { Topic } from './topics.ts';

/** After Redis loses its data, the relays hand unfinished events over again: one at a time. */
describe('outbox relay hand-over after a Redis flush (PostgreSQL)', () => {
  let server: Awaited<ReturnType<typeof startPrivateRedis>>;
  let admin: Redis;
  let db: TestDatabase;
  let tenant: TenantId;
  const handlers = countingHandlers();
  type Bus = ReturnType<typeof createTestBus>['bus'];
  const publish = (bus: Bus, batch: number, count: number) =>
    db.tenant(tenant, async (trx) => {
      for (let n = 0; n < count; n++) await bus.publish(trx, 'test.step.recorded', { label: `batch-${batch}`, n });
    });
  const unrelayed = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from event_outbox where relayed_at is null`.execute(db.owner)).rows[0].n;

  beforeAll(async () => {
    server = await startPrivateRedis();
    admin = new Redis(server.url);
    db = await openTestDatabase('postgres');
    await createEffectsTable(db);
    tenant = await createTenant(db);
  });
  afterEach(async () => {
    await sql`truncate test_effects, event_inbox`.execute(db.owner);
    await sql`delete from event_outbox`.execute(db.owner);
    await admin.flushall();
  });
  afterAll(async () => {
    await admin?.quit();
    await db?.drop();
    await server?.close();
  });

  it('should hand over again only while holding the relay lock', async () => {
    const log = capturingLogger();
    let intactChecks = 0;
    const prefix = newRedisPrefix();
    const { bus } = createTestBus({
      db, transport: 'redis-streams', handlers, redisPrefix: prefix, redisUrl: server.url, logger: log.logger,
      wrapTransport: (transport) => ({ ...transport, isIntact: () => (intactChecks++, transport.isIntact()) }),
    });
    await bus.start({ consume: false, relay: true }); // nothing handles them: all stay unfinished
    let release!: () => void;
    try {
      await publish(bus, 0, 20);
      await eventually(async () => (await unrelayed()) === 0);

      // Another relay holds the lock (mid-batch, or mid-hand-over) when Redis loses everything.
      const locked = Promise.withResolvers<void>();
      const holder = db.owner.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${relayLockId})`.execute(trx);
        locked.resolve();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await locked.promise;
      await admin.flushall();
      const [checksAtFlush, linesAtFlush] = [intactChecks, log.lines.length];
      const handOvers = () => log.lines.slice(linesAtFlush).filter((line) => line.msg.includes('relaying unfinished events again'));
      await eventually(async () => intactChecks >= checksAtFlush + 3); // this relay has seen the loss, twice over
      expect(await unrelayed()).toBe(0);
      expect(handOvers()).toEqual([]);

      release();
      await holder;
      await eventually(async () => (await admin.xlen(`${prefix}:stream:${Topic.plan}`)) === 20); // handed over again
      expect(handOvers()).toMatchObject([{ events: 20 }]);
      expect(log.errors()).toEqual([]);
    } finally {
      release?.();
      await bus.stop();
    }
  });

  it('should never deadlock when several workers see the flush at once, and handle every event once', async () => {
    const log = capturingLogger();
    const prefix = newRedisPrefix();
    const workers = Array.from({ length: 4 }, () =>
      createTestBus({ db, transport: 'redis-streams', handlers, redisPrefix: prefix, redisUrl: server.url, logger: log.logger }).bus,
    );
    for (const worker of workers) await worker.start({ consume: true, relay: true });
    try {
      for (let batch = 0; batch < 30; batch++) {
        await publish(workers[batch % workers.length], batch, 20);
        if (batch === 10 || batch === 20) await admin.flushall();
      }
      for (const handler of handlers) await eventually(async () => (await effectsOf(db, handler.id)).length >= 600, 60_000);
      for (const handler of handlers) {
        const effects = await effectsOf(db, handler.id);
        expect(effects).toHaveLength(600);
        expect(new Set(effects.map((e) => e.event_id)).size).toBe(600);
      }
      expect(log.errors()).toEqual([]); // in particular no `deadlock detected`
    } finally {
      for (const worker of workers) await worker.stop();
    }
  });
});
