import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { AppError, AppErrorCode } from '../errors/app-error.ts';
import type { EventDefinitions } from './event-catalog.ts';
import { envelopeFromRow, type OutboxRow } from './event-envelope.ts';
import { handlerPolicy, type EventHandler } from './event-handler.ts';
import type { EventTransport } from './event-transport.ts';
import { allTopics } from './topics.ts';

export type FailureRow = {
  handlerId: string;
  eventId: string;
  tenantId: string;
  eventType: string;
  status: 'retrying' | 'dead';
  attempts: number;
  errorKind: 'retryable' | 'permanent' | 'lost';
  lastError: string;
  firstFailedAt: string;
  lastFailedAt: string;
};

export type ReplaySelection = { handlerId?: string; eventId?: string; eventType?: string; limit?: number };

/**
 * What an operator sees and does: topics, handlers, backlog, retries, dead letters, replay.
 * Cross-tenant infrastructure views on the owner connection; they list reasons and ids, never
 * event data (which may hold customer details the platform must not see).
 */
export function createEventOperations(deps: {
  db: Database;
  catalog: EventDefinitions;
  handlers: EventHandler[];
  transport: EventTransport;
  /** Readies the transport's queues, so an API-only process can report on them too. */
  prepare: () => Promise<void>;
}) {
  const { db, catalog, handlers, transport, prepare } = deps;

  async function failureCounts() {
    const { rows } = await sql<{ handler_id: string; status: string; count: number }>`
      select handler_id, status, count(*)::int as count from event_failures group by handler_id, status`.execute(db.owner);
    return (handlerId: string, status: string) => rows.find((r) => r.handler_id === handlerId && r.status === status)?.count ?? 0;
  }

  return {
    listTopics() {
      return allTopics.map((topic) => ({
        topic,
        events: Object.entries(catalog)
          .filter(([, definition]) => definition.topic === topic)
          .map(([type, definition]) => ({
            type,
            version: definition.version,
            handlers: handlers.filter((h) => h.on.includes(type)).map((h) => h.id),
          })),
      }));
    },

    async listHandlers() {
      await prepare();
      const [stats, countOf] = await Promise.all([transport.stats(), failureCounts()]);
      return handlers.map((handler) => ({
        id: handler.id,
        on: [...handler.on],
        ...handlerPolicy(handler),
        waiting: stats.find((s) => s.handlerId === handler.id)?.waiting ?? 0,
        inFlight: stats.find((s) => s.handlerId === handler.id)?.inFlight ?? 0,
        retrying: countOf(handler.id, 'retrying'),
        dead: countOf(handler.id, 'dead'),
      }));
    },

    /** Events committed but not yet handed to the transport, and how old the oldest is. */
    async getBacklog() {
      const { rows } = await sql<{ count: number; oldest: Date | null }>`
        select count(*)::int as count, min(occurred_at) as oldest from event_outbox where relayed_at is null`.execute(db.owner);
      const oldest = rows[0].oldest;
      await prepare();
      return {
        unrelayed: rows[0].count,
        lagSeconds: oldest ? Math.max(0, (Date.now() - new Date(oldest).getTime()) / 1000) : 0,
        handlers: await transport.stats(),
      };
    },

    async listFailures(filter: { status: 'retrying' | 'dead'; handlerId?: string; limit?: number }): Promise<FailureRow[]> {
      const { rows } = await sql<FailureRow>`
        select handler_id as "handlerId", event_id as "eventId", tenant_id as "tenantId", event_type as "eventType",
               status, attempts, error_kind as "errorKind", last_error as "lastError",
               first_failed_at as "firstFailedAt", last_failed_at as "lastFailedAt"
        from event_failures
        where status = ${filter.status} and (${filter.handlerId ?? null}::text is null or handler_id = ${filter.handlerId ?? null})
        order by last_failed_at desc limit ${filter.limit ?? 100}`.execute(db.owner);
      return rows.map((r) => ({ ...r, firstFailedAt: new Date(r.firstFailedAt).toISOString(), lastFailedAt: new Date(r.lastFailedAt).toISOString() }));
    },

    /**
     * Sends dead letters to their handler again (one: handlerId + eventId; in bulk: any filter).
     * Each starts over with a full set of attempts.
     */
    async replayDeadLetters(selection: ReplaySelection): Promise<{ replayed: number }> {
      await prepare();
      const replayed = await db.owner.transaction().execute(async (trx) => {
        const { rows } = await sql<OutboxRow & { handler_id: string }>`
          select f.handler_id, o.id, o.tenant_id, o.topic, o.type, o.version, o.key, o.occurred_at, o.correlation_id, o.causation_id, o.data
          from event_failures f join event_outbox o on o.id = f.event_id
          where f.status = 'dead'
            and (${selection.handlerId ?? null}::text is null or f.handler_id = ${selection.handlerId ?? null})
            and (${selection.eventId ?? null}::uuid is null or f.event_id = ${selection.eventId ?? null})
            and (${selection.eventType ?? null}::text is null or f.event_type = ${selection.eventType ?? null})
          order by o.seq limit ${selection.limit ?? 1000}
          for update of f skip locked`.execute(trx);
        const known = rows.filter((row) => handlers.some((h) => h.id === row.handler_id));
        if (known.length === 0) return 0;
        await transport.enqueue(trx, known.map((row) => ({ event: envelopeFromRow(row), handlerIds: [row.handler_id] })));
        // The delivery starts over: a new failure files a new record.
        for (const row of known) {
          await sql`delete from event_failures where handler_id = ${row.handler_id} and event_id = ${row.id}`.execute(trx);
        }
        return known.length;
      });
      if (replayed === 0 && selection.eventId) {
        throw new AppError(AppErrorCode.NOT_FOUND, `No dead letter for event ${selection.eventId}${selection.handlerId ? ` and handler ${selection.handlerId}` : ''}`);
      }
      return { replayed };
    },
  };
}

export type EventOperations = ReturnType<typeof createEventOperations>;
