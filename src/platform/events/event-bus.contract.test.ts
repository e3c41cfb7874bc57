import { sql } from 'kysely';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { AppError } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import type { TenantId } from '../db/database.ts';
import { defineHandler, PermanentError } from './event-handler.ts';
import type { EventEnvelope } from './event-envelope.ts';
import {
  createEffectsTable, createTenant, createTestBus, deleteRedisKeys, effectsOf, eventually, newRedisPrefix, testEvents,
  type TransportName,
} from './test-support.ts';

const configurations: { name: string; driver: 'pglite' | 'postgres'; transport: TransportName }[] = [
  { name: 'postgres transport on PGlite', driver: 'pglite', transport: 'postgres' },
  { name: 'postgres transport on PostgreSQL', driver: 'postgres', transport: 'postgres' },
  { name: 'redis-streams transport', driver: 'postgres', transport: 'redis-streams' },
];

describe.each(configurations)('event bus contract: $name', ({ driver, transport: transportName }) => {
  let db: TestDatabase;
  let tenant: TenantId;
  let setup: ReturnType<typeof createTestBus>;
  const registry = new Registry();
  const redisPrefix = newRedisPrefix();
  let isHealed = false;

  const record = (trx: import('../db/database.ts').Tx, handlerId: string, event: EventEnvelope, label: string | null = null) =>
    sql`insert into test_effects (tenant_id, handler_id, event_id, label) values (${event.tenantId}, ${handlerId}, ${event.id}, ${label})`.execute(trx);

  const fanOut = ['notifications.send-overdue-reminder', 'isolation.isolate-on-overdue', 'network.sync-on-overdue'].map((id) =>
    defineHandler(testEvents, { id, on: ['billing.invoice.overdue'], handle: (event, { trx }) => record(trx, id, event).then(() => undefined) }),
  );
  const steps = defineHandler(testEvents, {
    id: 'test.steps',
    on: ['test.step.recorded'],
    maxAttempts: 3,
    retryDelaySeconds: 1,
    async handle(event, { trx, attempt }) {
      const { label } = event.data;
      if (label === 'fail-twice' && attempt <= 2) throw new Error(`temporary failure on attempt ${attempt}`);
      if (label === 'fail-until-healed' && !isHealed) throw new Error('the gateway is down');
      if (label === 'permanent') throw new PermanentError('customer does not exist');
      await record(trx, 'test.steps', event, `${label}:${attempt}`);
    },
  });
  const inOrder = defineHandler(testEvents, {
    id: 'test.steps-in-order',
    on: ['test.step.recorded'],
    ordered: true,
    retryDelaySeconds: 1,
    async handle(event, { trx, attempt }) {
      if (event.data.label === 'order-fail-first' && attempt === 1) throw new Error('first attempt fails');
      await record(trx, 'test.steps-in-order', event, `${event.data.label}:${event.data.n}`);
    },
  });
  // Takes a tenant's batch in one go; an event labelled 'spoils-batch' makes the batch throw, and alone it is permanent.
  const together = defineHandler(testEvents, {
    id: 'test.steps-together',
    on: ['test.step.recorded'],
    async handle(event, { trx }) {
      if (event.data.label === 'spoils-batch') throw new PermanentError('this one can never be handled');
      await record(trx, 'test.steps-together', event, 'alone');
    },
    async handleMany(events, { trx }) {
      if (events.some((event) => event.data.label === 'spoils-batch')) throw new Error('the batch fails as a whole');
      for (const event of events) await record(trx, 'test.steps-together', event, 'together');
    },
  });

  const publishStep = (label: string, n = 0, key: string | null = null) =>
    db.tenant(tenant, (trx) => setup.bus.publish(trx, 'test.step.recorded', { label, n }, { key }));
  const stepEffects = async (label: string) =>
    (await effectsOf(db, 'test.steps')).filter((e) => e.label?.startsWith(`${label}:`));
  const deadLetters = () => setup.bus.operations.listFailures({ status: 'dead', handlerId: 'test.steps' });

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    await createEffectsTable(db);
    tenant = await createTenant(db);
    setup = createTestBus({ db, transport: transportName, handlers: [...fanOut, steps, inOrder, together], redisPrefix, registry });
    await setup.bus.start({ consume: true, relay: true });
  });
  afterAll(async () => {
    await setup?.bus.stop();
    await db?.drop();
    if (transportName === 'redis-streams') await deleteRedisKeys(redisPrefix);
  });

  it('should deliver a committed event to every handler of its type', async () => {
    const data = { invoiceId: newId(), customerId: newId(), daysOverdue: 3 };
    const event = await db.tenant(tenant, (trx) => setup.bus.publish(trx, 'billing.invoice.overdue', data, { key: data.customerId }));
    for (const handler of fanOut) {
      await eventually(async () => (await effectsOf(db, handler.id)).some((e) => e.event_id === event.id));
    }
  });

  it('should retry a failing handler with backoff until it succeeds', async () => {
    await publishStep('fail-twice');
    const [effect] = await eventually(() => stepEffects('fail-twice').then((rows) => rows.length > 0 && rows));
    expect(effect.label).toBe('fail-twice:3');
    const retrying = await setup.bus.operations.listFailures({ status: 'retrying', handlerId: 'test.steps' });
    expect(retrying.filter((f) => f.eventId === effect.event_id)).toEqual([]);
  });

  it('should file a dead letter with its reason after the last attempt, and replay it successfully', async () => {
    const event = await publishStep('fail-until-healed');
    const [dead] = await eventually(() => deadLetters().then((rows) => rows.filter((r) => r.eventId === event.id)).then((r) => r.length > 0 && r));
    expect(dead).toMatchObject({ attempts: 3, errorKind: 'retryable', lastError: 'Error: the gateway is down', eventType: 'test.step.recorded' });
    expect(await stepEffects('fail-until-healed')).toEqual([]);

    isHealed = true;
    expect(await setup.bus.operations.replayDeadLetters({ handlerId: 'test.steps', eventId: event.id })).toEqual({ replayed: 1 });
    await eventually(() => stepEffects('fail-until-healed').then((rows) => rows.length === 1));
    await eventually(async () => (await deadLetters()).every((r) => r.eventId !== event.id));
  });

  it('should dead-letter a permanent error at once, without retrying', async () => {
    const event = await publishStep('permanent');
    const [dead] = await eventually(() => deadLetters().then((rows) => rows.filter((r) => r.eventId === event.id)).then((r) => r.length > 0 && r));
    expect(dead).toMatchObject({ attempts: 1, errorKind: 'permanent', lastError: 'PermanentError: customer does not exist' });
  });

  it('should apply a handler’s database effect once when the event is delivered again', async () => {
    const event = await publishStep('redelivered');
    await eventually(() => stepEffects('redelivered').then((rows) => rows.length === 1));
    const duplicatesBefore = await duplicateCount();
    // The transport hands the same event over again, as after a lost acknowledgement.
    await db.owner.transaction().execute((trx) => setup.transport.enqueue(trx, [{ event, handlerIds: ['test.steps'] }]));
    await eventually(async () => (await duplicateCount()) > duplicatesBefore);
    expect(await stepEffects('redelivered')).toHaveLength(1);
  });

  it('should keep one key’s events in order for an ordered handler, even when one of them is retried', async () => {
    const key = newId();
    await publishStep('order-fail-first', 1, key);
    for (const n of [2, 3, 4]) await publishStep('order-next', n, key);
    const effects = await eventually(async () => {
      const rows = (await effectsOf(db, 'test.steps-in-order')).filter((e) => /^order-(fail-first|next):/.test(e.label ?? ''));
      return rows.length === 4 && rows;
    });
    expect(effects.map((e) => e.label)).toEqual(['order-fail-first:1', 'order-next:2', 'order-next:3', 'order-next:4']);
  });

  it('should hand a tenant’s first deliveries to handleMany together, each effect once', async () => {
    const events = await db.tenant(tenant, async (trx) => {
      const published: EventEnvelope[] = [];
      for (let n = 0; n < 10; n++) published.push(await setup.bus.publish(trx, 'test.step.recorded', { label: 'batched', n }));
      return published;
    });
    const ids = new Set(events.map((e) => e.id));
    const effects = await eventually(async () => {
      const rows = (await effectsOf(db, 'test.steps-together')).filter((e) => ids.has(e.event_id));
      return rows.length >= 10 && rows;
    });
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(10);
    expect(effects).toHaveLength(10);
    // Published in one transaction, they are relayed and delivered together: most go in one call.
    expect(effects.filter((e) => e.label === 'together').length).toBeGreaterThan(1);
  });

  it('should handle the rest of a batch one by one when one event spoils it, and dead-letter only that one', async () => {
    const events = await db.tenant(tenant, async (trx) => {
      const published: EventEnvelope[] = [];
      for (const label of ['fine', 'spoils-batch', 'fine', 'fine']) published.push(await setup.bus.publish(trx, 'test.step.recorded', { label, n: 0 }));
      return published;
    });
    const [, spoiler] = events;
    const dead = await eventually(async () => {
      const rows = await setup.bus.operations.listFailures({ status: 'dead', handlerId: 'test.steps-together' });
      return rows.some((r) => r.eventId === spoiler.id) && rows;
    });
    expect(dead.filter((r) => events.some((e) => e.id === r.eventId)).map((r) => r.eventId)).toEqual([spoiler.id]);
    const fine = new Set(events.filter((e) => e !== spoiler).map((e) => e.id));
    const effects = await eventually(async () => {
      const rows = (await effectsOf(db, 'test.steps-together')).filter((e) => fine.has(e.event_id));
      return rows.length >= 3 && rows;
    });
    expect(effects.map((e) => e.event_id).sort()).toEqual([...fine].sort()); // each once, though their batch failed
  });

  it('should never deliver the event of a rolled-back transaction', async () => {
    const failed = db.tenant(tenant, async (trx) => {
      await setup.bus.publish(trx, 'test.step.recorded', { label: 'rolled-back', n: 0 });
      throw new Error('the business change failed');
    });
    await expect(failed).rejects.toThrow('the business change failed');
    // A later event overtakes nothing: once it is handled, the relay has passed the rolled-back one.
    await publishStep('after-rollback');
    await eventually(() => stepEffects('after-rollback').then((rows) => rows.length === 1));
    expect(await stepEffects('rolled-back')).toEqual([]);
    const stored = await sql`select 1 from event_outbox where data->>'label' = 'rolled-back'`.execute(db.owner);
    expect(stored.rows).toEqual([]);
  });

  it('should refuse an event whose data fails its schema, with a clear error, and roll back the caller’s change', async () => {
    const attempt = db.tenant(tenant, async (trx) => {
      await sql`insert into test_effects (tenant_id, handler_id, event_id, label) values (${tenant}, 'caller', ${newId()}, 'caller-change')`.execute(trx);
      await setup.bus.publish(trx, 'billing.invoice.overdue', { invoiceId: 'not-a-uuid', customerId: newId(), daysOverdue: -1 } as never);
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'EVENT_SCHEMA_INVALID', httpStatus: 422 });
    expect((error as AppError).message).toMatch(/billing\.invoice\.overdue has invalid data/);
    expect(await effectsOf(db, 'caller')).toEqual([]);
  });

  it('should refuse an event published outside a tenant transaction without a tenant, and write nothing', async () => {
    const outside = db.system((trx) => setup.bus.publish(trx, 'test.step.recorded', { label: 'no-tenant', n: 0 }));
    await expect(outside).rejects.toMatchObject({ code: 'TENANT_REQUIRED', httpStatus: 400 });
    const stored = await sql`select 1 from event_outbox where data->>'label' = 'no-tenant'`.execute(db.owner);
    expect(stored.rows).toEqual([]);
  });

  it('should show operators each handler with its dead letters', async () => {
    const handlers = await setup.bus.operations.listHandlers();
    expect(handlers.map((h) => h.id).sort()).toEqual([...fanOut.map((h) => h.id), 'test.steps', 'test.steps-in-order', 'test.steps-together'].sort());
    expect(handlers.find((h) => h.id === 'test.steps')).toMatchObject({ maxAttempts: 3, dead: 1 });
    const billing = setup.bus.operations.listTopics().find((t) => t.topic === 'billing_events');
    expect(billing?.events).toEqual([{ type: 'billing.invoice.overdue', version: 1, handlers: fanOut.map((h) => h.id) }]);
    expect(await registry.getSingleMetricAsString('simpul_events_dead_total')).toMatch(/handler="test.steps"} [1-9]/);
  });

  async function duplicateCount() {
    const metric = await registry.getSingleMetric('simpul_event_handler_duration_seconds')!.get();
    return metric.values
      .filter((v) => (v as { metricName?: string }).metricName?.endsWith('_count') && v.labels.handler === 'test.steps' && v.labels.outcome === 'duplicate')
      .reduce((sum, v) => sum + v.value, 0);
  }
});
