import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../db/database.ts';
import { AppError, AppErrorCode } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import { logContext } from '../logging/logger.ts';
import type { Clock } from '../clock.ts';
import type { EventData, EventDefinitions, EventType } from './event-catalog.ts';
import { EventEnvelopeSchema, type EventEnvelope } from './event-envelope.ts';

export type PublishOptions = {
  /** Ordering key, e.g. the customer id. */
  key?: string | null;
  /** Defaults to the transaction's tenant (`db.tenant(…)`); required in a platform transaction. */
  tenantId?: string;
  /** Defaults to the request id of the current log context, else the event's own id. */
  correlationId?: string;
  causationId?: string | null;
};

export type Publish<C extends EventDefinitions> = <T extends EventType<C>>(
  trx: Tx,
  type: T,
  data: EventData<C, T>,
  options?: PublishOptions,
) => Promise<EventEnvelope>;

/**
 * `publish(trx, type, data)` writes the event into the outbox inside the caller's transaction:
 * it is delivered if and only if that transaction commits. Data that fails its schema throws an
 * AppError, which rolls the caller's transaction back.
 */
export function createPublisher<C extends EventDefinitions>(catalog: C, clock: Clock): Publish<C> {
  return async (trx, type, data, options = {}) => {
    const definition = catalog[type];
    if (!definition) {
      throw new AppError(AppErrorCode.EVENT_SCHEMA_INVALID, `Unknown event type "${type}"`, { type });
    }
    const parsed = definition.data.safeParse(data);
    if (!parsed.success) {
      throw new AppError(AppErrorCode.EVENT_SCHEMA_INVALID, `Event ${type} has invalid data: ${parsed.error.message}`, {
        type,
        issues: parsed.error.issues,
      });
    }
    const id = newId();
    const fields = {
      id,
      topic: definition.topic,
      type,
      version: definition.version,
      key: options.key ?? null,
      occurredAt: clock.now().toISOString(),
      correlationId: options.correlationId ?? logContext.getStore()?.requestId ?? id,
      causationId: options.causationId ?? null,
      data: parsed.data,
    };
    // The tenant is the transaction's unless given, read by the INSERT itself (no statement of its
    // own); only then is it returned (the platform, which passes it, may insert but not read).
    const inserted = await sql<{ tenant_id: string }>`
      insert into event_outbox (id, tenant_id, topic, type, version, key, occurred_at, correlation_id, causation_id, data)
      select ${id}, t.id, ${fields.topic}, ${type}, ${fields.version}, ${fields.key}, ${fields.occurredAt},
             ${fields.correlationId}, ${fields.causationId}, ${JSON.stringify(fields.data)}::jsonb
      from ${publishingTenant(options.tenantId)} where t.id is not null
      ${options.tenantId ? sql`` : sql`returning tenant_id`}`.execute(trx);
    if (Number(inserted.numAffectedRows) === 0) throw tenantRequired(type);
    const envelope: EventEnvelope = { ...fields, tenantId: options.tenantId ?? inserted.rows[0].tenant_id };
    // Thrown after the INSERT, it still rolls the caller's transaction (and so the event) back.
    const checked = EventEnvelopeSchema.safeParse(envelope);
    if (!checked.success) {
      throw new AppError(AppErrorCode.EVENT_SCHEMA_INVALID, `Event ${type} has an invalid envelope: ${checked.error.message}`, {
        type,
        issues: checked.error.issues,
      });
    }
    return envelope;
  };
}

/** `(select … as id) t`: the given tenant, else the transaction's (null outside a tenant transaction). */
const publishingTenant = (tenantId: string | undefined) => sql`(select coalesce(${tenantId ?? null}::uuid, app_tenant_id()) as id) t`;

const tenantRequired = (type: string) =>
  new AppError(AppErrorCode.TENANT_REQUIRED, `Event ${type} needs a tenant: publish inside db.tenant(…) or pass tenantId`);

/** One event of a mixed batch: its type decides what its data must be. */
export type EventToPublish<C extends EventDefinitions> = {
  [T in EventType<C>]: { type: T; data: EventData<C, T>; key?: string | null };
}[EventType<C>];

export type PublishMany<C extends EventDefinitions> = {
  /** Many events of one type. */
  <T extends EventType<C>>(trx: Tx, type: T, items: { data: EventData<C, T>; key?: string | null }[], options?: Omit<PublishOptions, 'key'>): Promise<void>;
  /** Events of several types, in this order (a payment's `payment.confirmed` before its `invoice.paid`). */
  (trx: Tx, events: EventToPublish<C>[], options?: Omit<PublishOptions, 'key'>): Promise<void>;
  /**
   * The INSERT as a statement to run inside the caller's own (a data-modifying CTE: the change
   * and its events in one round trip), of events of one type built by the caller's SQL `rows`
   * (`n` int for their order, `key` text, `data` jsonb: e.g. only the rows the change touched, so
   * the untouched ones cost nothing). The data is checked by `validate` after the statement: an
   * invalid one throws and rolls the caller's transaction back. It cannot tell a missing tenant:
   * use it where the change itself needs the transaction's tenant.
   */
  within<T extends EventType<C>>(type: T, rows: RawBuilder<unknown>, options?: Omit<PublishOptions, 'key'>): RawBuilder<unknown>;
  /** `within`'s schema check: the data it wrote (as the caller built it in SQL), each as `publish` checks it. */
  validate<T extends EventType<C>>(type: T, data: EventData<C, T>[]): void;
};

/**
 * Publishes many events in one INSERT, of one type or of several (the daily scan isolates
 * thousands of customers in one transaction, a payment publishes two events: one statement per
 * event, or per type, would dominate their time). Each item's data is validated like `publish`;
 * one invalid item refuses them all. The rows take their publication order (`seq`) from the
 * list, so one key's events stay in the order given, and the statement wakes the relay once.
 */
export function createBatchPublisher<C extends EventDefinitions>(catalog: C, clock: Clock): PublishMany<C> {
  const publishEvents = async (trx: Tx, events: AnyEvent[], options: Omit<PublishOptions, 'key'> = {}) => {
    if (events.length === 0) return;
    const inserted = await outboxInsert(catalog, clock, events, options).execute(trx);
    if (Number(inserted.numAffectedRows) === 0) throw tenantRequired(events[0].type);
  };
  const publishMany = ((trx: Tx, typeOrEvents: string | EventToPublish<C>[], itemsOrOptions?: unknown, options?: Omit<PublishOptions, 'key'>) =>
    typeof typeOrEvents === 'string'
      ? publishEvents(trx, (itemsOrOptions as { data: unknown; key?: string | null }[]).map((item) => ({ ...item, type: typeOrEvents })), options)
      : publishEvents(trx, typeOrEvents, itemsOrOptions as Omit<PublishOptions, 'key'> | undefined)) as PublishMany<C>;
  publishMany.within = (type, rows, options = {}) => {
    const definition = catalog[type];
    if (!definition) throw new AppError(AppErrorCode.EVENT_SCHEMA_INVALID, `Unknown event type "${type}"`, { type });
    // Ids from the database (random, not time-ordered: the order is `seq`'s, taken from `n`).
    return sql`
      insert into event_outbox (id, tenant_id, topic, type, version, key, occurred_at, correlation_id, causation_id, data)
      select e.id, t.id, ${definition.topic}, ${type}, ${definition.version}, e.key, ${clock.now().toISOString()},
             coalesce(${options.correlationId ?? logContext.getStore()?.requestId ?? null}, e.id::text), ${options.causationId ?? null}, e.data
      from (select gen_random_uuid() as id, r.n, r.key, r.data from (${rows}) r) e, ${publishingTenant(options.tenantId)}
      where t.id is not null
      order by e.n`;
  };
  publishMany.validate = (type, data) => {
    for (const [index, item] of data.entries()) checkedData(catalog, type, item, index);
  };
  return publishMany;
}

/** The event's data as its schema parses it, else an AppError naming the type and the item. */
function checkedData(catalog: EventDefinitions, type: string, data: unknown, index: number) {
  const definition = catalog[type];
  if (!definition) throw new AppError(AppErrorCode.EVENT_SCHEMA_INVALID, `Unknown event type "${type}"`, { type, index });
  const parsed = definition.data.safeParse(data);
  if (!parsed.success) {
    throw new AppError(AppErrorCode.EVENT_SCHEMA_INVALID, `Event ${type} #${index} has invalid data: ${parsed.error.message}`, {
      type,
      index,
      issues: parsed.error.issues,
    });
  }
  return { definition, data: parsed.data };
}

type AnyEvent = { type: string; data: unknown; key?: string | null };

/** The outbox INSERT of `events`, each validated here. */
function outboxInsert(catalog: EventDefinitions, clock: Clock, events: AnyEvent[], options: Omit<PublishOptions, 'key'>) {
  const occurredAt = clock.now().toISOString();
  const rows = events.map(({ type, data, key }, index) => {
    const { definition, data: parsed } = checkedData(catalog, type, data, index);
    const id = newId();
    return {
      n: index,
      id,
      topic: definition.topic,
      type,
      version: definition.version,
      key: key ?? null,
      correlation_id: options.correlationId ?? logContext.getStore()?.requestId ?? id,
      data: parsed,
    };
  });
  return sql`
    insert into event_outbox (id, tenant_id, topic, type, version, key, occurred_at, correlation_id, causation_id, data)
    select r.id, t.id, r.topic, r.type, r.version, r.key, ${occurredAt}, r.correlation_id, ${options.causationId ?? null}, r.data
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           as r(n int, id uuid, topic text, type text, version int, key text, correlation_id text, data jsonb),
         ${publishingTenant(options.tenantId)}
    where t.id is not null
    order by r.n`;
}
