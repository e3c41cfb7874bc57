import { sql } from 'kysely';
import { isConnectionError, reconnectDelayMs } from '../db/connection-errors.ts';
import type { Database, Tx } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import { envelopeFromRow, type OutboxRow } from './event-envelope.ts';
import type { EventHandler } from './event-handler.ts';
import type { EventMetrics } from './event-metrics.ts';
import type { EventTransport } from './event-transport.ts';

/**
 * Only one relay hands events over at a time (also again after a flush: concurrent re-queues
 * deadlock), which keeps publication order across processes.
 */
export const relayLockId = 7305828;

/**
 * How long handled events and inbox marks are kept. Past it an event can't be redelivered any
 * more (its transport job is long done), so its inbox mark has no duplicate left to stop.
 * Events with a failure row (retrying or a dead letter) are kept until that is settled.
 */
export const EVENT_RETENTION_DAYS = 14;

export type OutboxRelayOptions = {
  db: Database;
  transport: EventTransport;
  handlers: EventHandler[];
  logger: Logger;
  metrics: EventMetrics;
  batchSize?: number;
  /** Polling floor when no commit notification arrives. */
  pollIntervalMs?: number;
  /**
   * How long a commit notification waits for the commits right behind it: under load the events
   * of many transactions go over in one relay transaction (one job insert per queue), instead of
   * one relay transaction per commit. This is the latency it adds to an event.
   */
  gatherMs?: number;
  /** How often the transport's upkeep (stream trimming) runs. */
  maintainIntervalMs?: number;
  /** Subscribes to the outbox's commit notifications; returns the unsubscribe. */
  listen?: (onCommit: () => void) => Promise<() => Promise<void>>;
};

/**
 * Moves committed outbox rows to the transport in publication order. It reads every tenant's
 * events, which no application role may, so it runs on the owner connection.
 */
export function createOutboxRelay(options: OutboxRelayOptions) {
  const { db, transport, handlers, logger, metrics } = options;
  const batchSize = options.batchSize ?? 500;
  // PGlite's one session makes every transaction queue behind the others: gather longer there.
  const gatherMs = options.gatherMs ?? (db.driver === 'pglite' ? 100 : 20);
  const handlersByType = new Map<string, string[]>();
  for (const handler of handlers) {
    for (const type of handler.on) handlersByType.set(type, [...(handlersByType.get(type) ?? []), handler.id]);
  }
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let isDirty = true;
  let unlisten: (() => Promise<void>) | null = null;

  const holdsRelayLock = async (trx: Tx) =>
    (await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${relayLockId}) as ok`.execute(trx)).rows[0].ok;

  /** Hands over one batch; returns how many outbox rows it relayed. */
  async function relayBatch(): Promise<number> {
    if (!(await transport.isIntact())) await handOverAgain();
    return db.owner.transaction().execute(async (trx) => {
      if (!(await holdsRelayLock(trx))) return 0;
      const { rows } = await sql<OutboxRow>`
        select id, tenant_id, topic, type, version, key, occurred_at, correlation_id, causation_id, data
        from event_outbox where relayed_at is null order by seq limit ${batchSize}`.execute(trx);
      if (rows.length === 0) return 0;
      const deliveries = rows
        .map((row) => ({ event: envelopeFromRow(row), handlerIds: handlersByType.get(row.type) ?? [] }))
        .filter((delivery) => delivery.handlerIds.length > 0);
      if (deliveries.length > 0) await transport.enqueue(trx, deliveries);
      await sql`update event_outbox set relayed_at = now() where id = any(${rows.map((r) => r.id)}::uuid[])`.execute(trx);
      for (const row of rows) metrics.published.inc({ topic: row.topic });
      return rows.length;
    });
  }

  /**
   * The transport lost what it held (Redis flushed): every event some handler has neither
   * processed nor dead-lettered is relayed again, by the relay holding the lock (the others see
   * the transport intact once it is done). Marked intact only after that commits, and before
   * anything is relayed again: a flush in between is then noticed by the next batch.
   */
  async function handOverAgain() {
    const subscriptions = JSON.stringify(handlers.map((h) => ({ id: h.id, types: h.on })));
    const reset = await db.owner.transaction().execute(async (trx) => {
      if (!(await holdsRelayLock(trx)) || (await transport.isIntact())) return null;
      return sql`
        update event_outbox o set relayed_at = null
        where o.relayed_at is not null and exists (
          select 1 from jsonb_to_recordset(${subscriptions}::jsonb) as h(id text, types text[])
          where o.type = any(h.types)
            and not exists (select 1 from event_inbox i where i.handler_id = h.id and i.event_id = o.id)
            and not exists (select 1 from event_failures f where f.handler_id = h.id and f.event_id = o.id and f.status = 'dead'))`.execute(trx);
    });
    if (!reset) return;
    logger.warn({ events: Number(reset.numAffectedRows) }, 'event transport lost its contents; relaying unfinished events again');
    await transport.markIntact();
  }

  /** Deletes handled events and inbox marks past the retention, in bounded batches. */
  async function pruneHandled(now = new Date()): Promise<{ events: number; inbox: number }> {
    const cutoff = new Date(now.getTime() - EVENT_RETENTION_DAYS * 86_400_000);
    const events = await sql`
      delete from event_outbox o where o.id in (
        select id from event_outbox where relayed_at < ${cutoff} order by seq limit 10000)
        and not exists (select 1 from event_failures f where f.event_id = o.id)`.execute(db.owner);
    const inbox = await sql`
      delete from event_inbox where ctid in (select ctid from event_inbox where processed_at < ${cutoff} limit 10000)`.execute(db.owner);
    return { events: Number(events.numAffectedRows ?? 0), inbox: Number(inbox.numAffectedRows ?? 0) };
  }

  async function run() {
    let lastMaintained = 0;
    let outageFailures = 0;
    // The database being unreachable is logged once by the database itself: retry with backoff, quietly.
    const failed = (what: string) => (error: unknown) => {
      if (isConnectionError(error)) outageFailures += 1;
      else logger.error({ err: error }, what);
      return 0;
    };
    while (running) {
      isDirty = false;
      const relayed = await relayBatch().then((n) => ((outageFailures = 0), n), failed('outbox relay failed'));
      if (Date.now() - lastMaintained > (options.maintainIntervalMs ?? 30_000)) {
        lastMaintained = Date.now();
        await transport.maintain().catch(failed('event transport upkeep failed'));
        await pruneHandled().catch(failed('event pruning failed'));
      }
      if (relayed < batchSize && !isDirty && running) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, outageFailures ? reconnectDelayMs(outageFailures) : (options.pollIntervalMs ?? 1_000));
        });
        wake = null;
      }
      if (relayed < batchSize && gatherMs > 0 && running) await new Promise((resolve) => setTimeout(resolve, gatherMs));
    }
  }

  return {
    pruneHandled,
    async start() {
      running = true;
      unlisten = (await options.listen?.(() => {
        isDirty = true;
        wake?.();
      })) ?? null;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await unlisten?.();
    },
  };
}
