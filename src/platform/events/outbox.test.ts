import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { ManualClock } from '../clock.ts';
import type { TenantId } from '../db/database.ts';
import { newId } from '../ids.ts';
import { createBatchPublisher } from './outbox.ts';
import { createEffectsTable, createTenant, testEvents } from './test-support.ts';

describe.each(drivers)('outbox: several events in one INSERT (%s)', (driver) => {
  let db: TestDatabase;
  let tenant: TenantId;
  const clock = new ManualClock('2026-12-01T08:00:00Z');
  const publishMany = createBatchPublisher(testEvents, clock);

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    await createEffectsTable(db);
    tenant = await createTenant(db);
  });
  afterAll(() => db?.drop());

  const stored = (correlationId: string) =>
    sql<{ type: string; topic: string; key: string | null; data: Record<string, unknown>; tenant_id: string }>`
      select type, topic, key, data, tenant_id from event_outbox where correlation_id = ${correlationId} order by seq`.execute(db.owner).then((r) => r.rows);

  it('should store events of different types in the order given, each with its own topic and key', async () => {
    const customerId = newId();
    const invoiceId = newId();
    const correlationId = newId();
    await db.tenant(tenant, (trx) =>
      publishMany(
        trx,
        [
          { type: 'test.step.recorded', data: { label: 'first', n: 1 }, key: customerId },
          { type: 'billing.invoice.overdue', data: { invoiceId, customerId, daysOverdue: 2 }, key: customerId },
          { type: 'test.step.recorded', data: { label: 'third', n: 3 } },
        ],
        { correlationId },
      ),
    );
    expect(await stored(correlationId)).toEqual([
      { type: 'test.step.recorded', topic: testEvents['test.step.recorded'].topic, key: customerId, data: { label: 'first', n: 1 }, tenant_id: tenant },
      { type: 'billing.invoice.overdue', topic: testEvents['billing.invoice.overdue'].topic, key: customerId, data: { invoiceId, customerId, daysOverdue: 2 }, tenant_id: tenant },
      { type: 'test.step.recorded', topic: testEvents['test.step.recorded'].topic, key: null, data: { label: 'third', n: 3 }, tenant_id: tenant },
    ]);
  });

  it('should keep the one-type form: many events of one type', async () => {
    const correlationId = newId();
    await db.tenant(tenant, (trx) => publishMany(trx, 'test.step.recorded', [1, 2, 3].map((n) => ({ data: { label: `one-type-${n}`, n } })), { correlationId }));
    expect((await stored(correlationId)).map((e) => e.data.n)).toEqual([1, 2, 3]);
  });

  it('should refuse the whole batch and roll back the caller’s change when one event’s data is invalid', async () => {
    const correlationId = newId();
    const attempt = db.tenant(tenant, async (trx) => {
      await sql`insert into test_effects (tenant_id, handler_id, event_id, label) values (${tenant}, 'mixed-caller', ${newId()}, 'change')`.execute(trx);
      await publishMany(
        trx,
        [
          { type: 'test.step.recorded', data: { label: 'fine', n: 1 } },
          { type: 'billing.invoice.overdue', data: { invoiceId: 'not-a-uuid', customerId: newId(), daysOverdue: -1 } as never },
        ],
        { correlationId },
      );
    });
    await expect(attempt).rejects.toMatchObject({ code: 'EVENT_SCHEMA_INVALID', httpStatus: 422, message: expect.stringMatching(/billing\.invoice\.overdue #1 has invalid data/) });
    expect(await stored(correlationId)).toEqual([]);
    const changes = await sql`select 1 from test_effects where handler_id = 'mixed-caller'`.execute(db.owner);
    expect(changes.rows).toEqual([]);
  });

  it('should refuse an unknown event type with a clear error', async () => {
    const attempt = db.tenant(tenant, (trx) => publishMany(trx, [{ type: 'test.no-such-event', data: {} } as never]));
    await expect(attempt).rejects.toMatchObject({ code: 'EVENT_SCHEMA_INVALID', message: 'Unknown event type "test.no-such-event"' });
  });

  it('should refuse events published outside a tenant transaction without a tenant, and write nothing', async () => {
    const correlationId = newId();
    const outside = db.system((trx) => publishMany(trx, [{ type: 'test.step.recorded', data: { label: 'no-tenant', n: 0 } }], { correlationId }));
    await expect(outside).rejects.toMatchObject({ code: 'TENANT_REQUIRED', httpStatus: 400 });
    expect(await stored(correlationId)).toEqual([]);
  });

  it('should write, inside the caller’s statement, the events its SQL builds from the rows it changed, in their order', async () => {
    const correlationId = newId();
    const [first, second] = [newId(), newId()];
    await db.tenant(tenant, (trx) => {
      const events = publishMany.within(
        'test.step.recorded',
        sql`select row_number() over (order by label) as n, event_id::text as key, jsonb_build_object('label', label, 'n', 0) as data from changed`,
        { correlationId },
      );
      return sql`with changed as (
          insert into test_effects (tenant_id, handler_id, event_id, label)
          values (${tenant}, 'within-caller', ${second}, 'within-b'), (${tenant}, 'within-caller', ${first}, 'within-a') returning event_id, label
        ), events as (${events})
        select 1`.execute(trx);
    });
    expect((await stored(correlationId)).map((e) => [e.key, e.data.label])).toEqual([
      [first, 'within-a'],
      [second, 'within-b'],
    ]);
  });

  it('should refuse data the caller’s SQL built wrong once validated, rolling its change back', async () => {
    const attempt = db.tenant(tenant, async (trx) => {
      await sql`insert into test_effects (tenant_id, handler_id, event_id, label) values (${tenant}, 'validate-caller', ${newId()}, 'change')`.execute(trx);
      publishMany.validate('test.step.recorded', [{ label: 'fine', n: 1 }, { label: 'bad', n: 1.5 }]);
    });
    await expect(attempt).rejects.toMatchObject({ code: 'EVENT_SCHEMA_INVALID', message: expect.stringMatching(/test\.step\.recorded #1 has invalid data/) });
    expect((await sql`select 1 from test_effects where handler_id = 'validate-caller'`.execute(db.owner)).rows).toEqual([]);
  });
});
