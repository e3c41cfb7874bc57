import { sql } from 'kysely';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { newId } from '../ids.ts';
import { createLogger } from '../logging/logger.ts';
import { createEventMetrics } from './event-metrics.ts';
import type { EventTransport } from './event-transport.ts';
import { createOutboxRelay, EVENT_RETENTION_DAYS } from './outbox-relay.ts';
import { createTenant } from './test-support.ts';

describe.each(drivers)('pruning handled events on %s', (driver) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
  });
  afterAll(() => db?.drop());

  it('should delete handled events and inbox marks past the retention, and keep dead letters and recent ones', async () => {
    const tenantId = await createTenant(db);
    const now = new Date('2026-12-31T00:00:00Z');
    const old = new Date(now.getTime() - (EVENT_RETENTION_DAYS + 1) * 86_400_000);
    const recent = new Date(now.getTime() - 86_400_000);
    const ids = { handled: newId(), dead: newId(), recent: newId(), unrelayed: newId() };
    for (const [name, id] of Object.entries(ids)) {
      const relayedAt = name === 'unrelayed' ? null : name === 'recent' ? recent : old;
      await sql`insert into event_outbox (id, tenant_id, topic, type, version, occurred_at, correlation_id, data, relayed_at)
        values (${id}, ${tenantId}, 'billing_events', 'test.event', 1, ${old}, ${id}, '{}', ${relayedAt})`.execute(db.owner);
    }
    await sql`insert into event_inbox (handler_id, event_id, tenant_id, processed_at) values
      ('h', ${ids.handled}, ${tenantId}, ${old}), ('h', ${ids.recent}, ${tenantId}, ${recent})`.execute(db.owner);
    await sql`insert into event_failures (handler_id, event_id, tenant_id, event_type, status, attempts, error_kind, last_error, first_failed_at, last_failed_at)
      values ('h', ${ids.dead}, ${tenantId}, 'test.event', 'dead', 5, 'permanent', 'boom', ${old}, ${old})`.execute(db.owner);

    const relay = createOutboxRelay({
      db,
      transport: {} as EventTransport, // pruning never touches the transport
      handlers: [],
      logger: createLogger({ level: 'silent' }),
      metrics: createEventMetrics(new Registry()),
    });
    expect(await relay.pruneHandled(now)).toEqual({ events: 1, inbox: 1 });
    const left = await sql<{ id: string }>`select id from event_outbox order by seq`.execute(db.owner);
    expect(left.rows.map((r) => r.id)).toEqual([ids.dead, ids.recent, ids.unrelayed]);
    const inbox = await sql<{ event_id: string }>`select event_id from event_inbox`.execute(db.owner);
    expect(inbox.rows.map((r) => r.event_id)).toEqual([ids.recent]);
  });
});
