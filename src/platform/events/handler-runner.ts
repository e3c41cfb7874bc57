import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import { isConnectionError, reconnectDelayMs } from '../db/connection-errors.ts';
import { asTenantId, type Database, type Tx } from '../db/database.ts';
import { logContext, type Logger } from '../logging/logger.ts';
import type { EventDefinitions } from './event-catalog.ts';
import { EventEnvelopeSchema, type EventEnvelope } from './event-envelope.ts';
import { handlerPolicy, isPermanentError, retryDelayMs, type EventHandler, type HandlerPolicy } from './event-handler.ts';
import type { EventMetrics } from './event-metrics.ts';
import type { Publish } from './outbox.ts';

/** What the transport does with a delivery after the handler ran. */
export type DeliveryOutcome =
  /** Done for good (handled, already handled before, or dead-lettered): acknowledge. */
  | { kind: 'settled' }
  /** Failed with attempts left: deliver again after `delayMs`. */
  | { kind: 'retry'; delayMs: number }
  /** An earlier event with the same key is still pending: deliver again soon, not an attempt. */
  | { kind: 'deferred'; delayMs: number };

/** A message as a transport received it; `attempt` is its delivery count (1 the first time). */
export type ReceivedMessage = { message: unknown; attempt: number };

/** Runs a batch of deliveries to one handler; returns one outcome per message, in order. */
export type RunDeliveries = (handlerId: string, received: ReceivedMessage[]) => Promise<DeliveryOutcome[]>;

/** How long an ordered handler's later event waits for its key's earlier one before looking again. */
const deferDelayMs = 200;

/** How long deliveries in hand are retried while the database is unreachable. */
const outageRetryMs = 30_000;

class EarlierEventPending extends Error {}

type Ready = { index: number; event: EventEnvelope; attempt: number };

export type HandlerRunnerDeps = {
  db: Database;
  catalog: EventDefinitions;
  handlers: Map<string, EventHandler>;
  publish: Publish<EventDefinitions>;
  clock: Clock;
  logger: Logger;
  metrics: EventMetrics;
};

/**
 * Runs deliveries the same way on every transport. A handler's effects and its inbox mark commit
 * in one tenant transaction, so a redelivery is recognised and skipped. A failure is recorded;
 * after the last attempt (or at once, for a permanent error) the delivery becomes a dead letter.
 * The attempt is the transport's delivery count, so deliveries lost to a crashed worker count.
 *
 * First deliveries of one tenant are handled together in one transaction (the common case costs
 * one commit per batch, not per event), by the handler's `handleMany` when it has one. If any of
 * them fails, that transaction rolls back and each is handled alone, so one bad event never fails
 * or blocks the others.
 */
export function createHandlerRunner(deps: HandlerRunnerDeps): RunDeliveries {
  const { db, catalog, handlers, clock, logger, metrics } = deps;

  // The database being unreachable is no attempt of the handler's: the deliveries in hand are run
  // again once it is back (inbox marks skip what committed), for a while before the transport gets them back.
  return async (handlerId, received) => {
    const started = performance.now();
    for (let failures = 0; ; failures++) {
      try {
        return await runOnce(handlerId, received);
      } catch (error) {
        if (!isConnectionError(error) || performance.now() - started > outageRetryMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(failures)));
      }
    }
  };

  async function runOnce(handlerId: string, received: ReceivedMessage[]): Promise<DeliveryOutcome[]> {
    const handler = handlers.get(handlerId);
    if (!handler) throw new Error(`no handler ${handlerId} is registered in this process`);
    const policy = handlerPolicy(handler);
    const outcomes = new Array<DeliveryOutcome>(received.length);
    const ready: Ready[] = [];
    for (const [index, { message, attempt }] of received.entries()) {
      const event = await readable(handler, message, attempt);
      if (event) ready.push({ index, event, attempt });
      else outcomes[index] = { kind: 'settled' };
    }
    const byTenant = Map.groupBy(ready, (item) => item.event.tenantId);
    await Promise.all(
      [...byTenant.values()].map(async (items) => {
        const firstDeliveries = items.filter((item) => item.attempt === 1);
        const isDone = firstDeliveries.length > 1 && (await handleTogether(handler, firstDeliveries));
        const alone = isDone ? items.filter((item) => item.attempt !== 1) : items;
        if (isDone) for (const item of firstDeliveries) outcomes[item.index] = { kind: 'settled' };
        // One key's events one after another, in the order the transport delivered them.
        const byKey = Map.groupBy(alone, (item) => item.event.key ?? item.event.id);
        await Promise.all(
          [...byKey.values()].map(async (sameKey) => {
            for (const item of sameKey) outcomes[item.index] = await handleAlone(handler, policy, item);
          }),
        );
      }),
    );
    return outcomes;
  }

  /** The envelope, or null when it is settled already (unreadable, or its last attempt was lost). */
  async function readable(handler: EventHandler, message: unknown, attempt: number): Promise<EventEnvelope | null> {
    const envelope = EventEnvelopeSchema.safeParse(message);
    if (!envelope.success) {
      // Without a readable envelope there is no tenant to file a dead letter under.
      logger.error({ handlerId: handler.id, issues: envelope.error.issues }, 'dropped a message that is not an event envelope');
      return null;
    }
    const event = envelope.data as EventEnvelope;
    const data = catalog[event.type]?.data.safeParse(event.data);
    if (!data?.success) {
      const error = data ? `data does not match the catalog: ${data.error.message}` : `unknown event type ${event.type}`;
      await fileDeadLetter(handler.id, event, attempt, 'permanent', error);
      return null;
    }
    if (attempt > handlerPolicy(handler).maxAttempts && !(await wasProcessed(handler.id, event))) {
      await fileDeadLetter(handler.id, event, attempt - 1, 'lost', 'the worker handling it stopped (crashed or timed out) on the last attempt');
      return null;
    }
    return { ...event, data: data.data };
  }

  async function handleTogether(handler: EventHandler, items: Ready[]): Promise<boolean> {
    const started = performance.now();
    try {
      const fresh = await db.tenant(asTenantId(items[0].event.tenantId), async (trx) => {
        const ids = items.map((item) => item.event.id);
        const { rows } = await sql<{ event_id: string }>`
          insert into event_inbox (handler_id, event_id, tenant_id)
          select ${handler.id}, id, ${items[0].event.tenantId} from unnest(${ids}::uuid[]) as id
          on conflict do nothing returning event_id`.execute(trx);
        // The same event twice in one batch (a redelivery next to the original) is handled once.
        const isFresh = new Set(rows.map((r) => r.event_id));
        const handled = items.filter((item) => isFresh.delete(item.event.id));
        // An earlier event of a key outside this batch is pending: the one-by-one path defers it.
        if (handlerPolicy(handler).ordered && (await hasEarlierPending(trx, handler, handled.map((item) => item.event)))) {
          throw new EarlierEventPending();
        }
        if (handler.handleMany && handled.length > 0) await invokeMany(handler, trx, handled.map((item) => item.event));
        else for (const item of handled) await invoke(handler, trx, item);
        return handled;
      });
      const seconds = (performance.now() - started) / 1000 / items.length;
      for (const item of items) metrics.duration.observe({ handler: handler.id, outcome: fresh.includes(item) ? 'handled' : 'duplicate' }, seconds);
      for (const item of fresh) recordHandled(handler.id, item.event);
      return true;
    } catch (error) {
      if (isConnectionError(error)) throw error;
      logger.debug({ err: error, handlerId: handler.id }, 'a batch failed; handling its events one by one');
      return false;
    }
  }

  async function handleAlone(handler: EventHandler, policy: HandlerPolicy, { event, attempt }: Ready): Promise<DeliveryOutcome> {
    const log = logger.child({ handlerId: handler.id, eventId: event.id, eventType: event.type, attempt });
    const stopTimer = metrics.duration.startTimer({ handler: handler.id });
    try {
      const isNew = await db.tenant(asTenantId(event.tenantId), async (trx) => {
        const inserted = await sql`insert into event_inbox (handler_id, event_id, tenant_id)
          values (${handler.id}, ${event.id}, ${event.tenantId}) on conflict do nothing`.execute(trx);
        if (Number(inserted.numAffectedRows) !== 1) return false; // processed before: a redelivery
        if (policy.ordered && (await hasEarlierPending(trx, handler, [event]))) throw new EarlierEventPending();
        await invoke(handler, trx, { event, attempt });
        // Success after failed attempts: the retry record goes (first attempts have none).
        if (attempt > 1) await sql`delete from event_failures where handler_id = ${handler.id} and event_id = ${event.id}`.execute(trx);
        return true;
      });
      stopTimer({ outcome: isNew ? 'handled' : 'duplicate' });
      if (isNew) recordHandled(handler.id, event);
      return { kind: 'settled' };
    } catch (error) {
      if (error instanceof EarlierEventPending) {
        stopTimer({ outcome: 'deferred' });
        return { kind: 'deferred', delayMs: deferDelayMs };
      }
      if (isConnectionError(error)) throw error;
      stopTimer({ outcome: 'failed' });
      metrics.failed.inc({ handler: handler.id });
      const permanent = isPermanentError(error);
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (permanent || attempt >= policy.maxAttempts) {
        log.error({ err: error }, 'event became a dead letter');
        await fileDeadLetter(handler.id, event, attempt, permanent ? 'permanent' : 'retryable', reason);
        return { kind: 'settled' };
      }
      log.warn({ err: error }, 'handler failed; will retry');
      await recordFailure(handler.id, event, { status: 'retrying', attempts: attempt, kind: 'retryable', error: reason });
      metrics.retried.inc({ handler: handler.id });
      return { kind: 'retry', delayMs: retryDelayMs(attempt, policy) };
    }
  }

  function invoke(handler: EventHandler, trx: Tx, { event, attempt }: Pick<Ready, 'event' | 'attempt'>) {
    return logContext.run({ ...logContext.getStore(), tenantId: event.tenantId, eventId: event.id }, () =>
      handler.handle(event as never, {
        trx,
        logger: logger.child({ handlerId: handler.id, eventId: event.id, eventType: event.type, attempt }),
        attempt,
        publish: (type, data, options) => deps.publish(trx, type, data, { ...options, correlationId: event.correlationId, causationId: event.id }),
      }),
    );
  }

  function invokeMany(handler: EventHandler, trx: Tx, events: EventEnvelope[]) {
    return logContext.run({ ...logContext.getStore(), tenantId: events[0].tenantId }, () =>
      handler.handleMany!(events as never, { trx, logger: logger.child({ handlerId: handler.id, events: events.length }) }),
    );
  }

  function recordHandled(handlerId: string, event: EventEnvelope) {
    metrics.handled.inc({ handler: handlerId });
    metrics.lag.set({ handler: handlerId }, (clock.now().getTime() - Date.parse(event.occurredAt)) / 1000);
  }

  async function fileDeadLetter(handlerId: string, event: EventEnvelope, attempts: number, kind: 'retryable' | 'permanent' | 'lost', error: string) {
    await recordFailure(handlerId, event, { status: 'dead', attempts, kind, error });
    metrics.dead.inc({ handler: handlerId });
    logger.error({ handlerId, eventId: event.id, eventType: event.type, kind, error }, 'event became a dead letter');
  }

  async function wasProcessed(handlerId: string, event: EventEnvelope): Promise<boolean> {
    const { rows } = await db.tenant(asTenantId(event.tenantId), (trx) =>
      sql`select 1 from event_inbox where handler_id = ${handlerId} and event_id = ${event.id}`.execute(trx),
    );
    return rows.length > 0;
  }

  async function recordFailure(
    handlerId: string,
    event: EventEnvelope,
    failure: { status: 'retrying' | 'dead'; attempts: number; kind: 'retryable' | 'permanent' | 'lost'; error: string },
  ) {
    const now = clock.now().toISOString();
    await db.tenant(asTenantId(event.tenantId), (trx) =>
      sql`insert into event_failures (handler_id, event_id, tenant_id, event_type, status, attempts, error_kind, last_error, first_failed_at, last_failed_at)
          values (${handlerId}, ${event.id}, ${event.tenantId}, ${event.type}, ${failure.status}, ${failure.attempts},
                  ${failure.kind}, ${failure.error.slice(0, 4000)}, ${now}, ${now})
          on conflict (handler_id, event_id) do update set
            status = excluded.status, attempts = excluded.attempts, error_kind = excluded.error_kind,
            last_error = excluded.last_error, last_failed_at = excluded.last_failed_at`.execute(trx),
    );
  }
}

/** Has any of `events` an earlier event with its key, for this handler, neither processed nor dead-lettered yet? */
async function hasEarlierPending(trx: Tx, handler: EventHandler, events: EventEnvelope[]): Promise<boolean> {
  const ids = events.filter((event) => event.key).map((event) => event.id);
  if (ids.length === 0) return false;
  const { rows } = await sql`
    select 1 from event_outbox e
    join event_outbox o on o.tenant_id = e.tenant_id and o.key = e.key and o.seq < e.seq
    where e.id = any(${ids}::uuid[])
      and o.type = any(${[...handler.on]}::text[])
      and not exists (select 1 from event_inbox i where i.handler_id = ${handler.id} and i.event_id = o.id)
      and not exists (select 1 from event_failures f where f.handler_id = ${handler.id} and f.event_id = o.id and f.status = 'dead')
    limit 1`.execute(trx);
  return rows.length > 0;
}
