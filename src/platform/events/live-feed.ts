import { sql } from 'kysely';
import { isConnectionError } from '../db/connection-errors.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';

export type LiveEvent = { id: string; type: string; data: unknown; occurredAt: string };
type Listener = (event: LiveEvent) => void;
const PAGE = 1000;
/** Who watches: their tenant, and which event types their permissions may read. */
export type LiveViewer = { tenantId: string; mayRead: (eventType: string) => boolean };

/**
 * Committed events for open browser pages (server-sent events). It tails the outbox, so it works
 * whichever process committed the event; a commit notification wakes it, a poll covers a lost
 * one. Runs only while someone is watching. Reads every tenant's rows (owner connection) and
 * hands each listener only its own tenant's events of the types its viewer may read.
 */
export function createLiveFeed(options: {
  db: Database;
  logger: Logger;
  listen?: (onCommit: () => void) => Promise<() => Promise<void>>;
  pollIntervalMs?: number;
}) {
  const { db, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const listenersByTenant = new Map<string, Set<Listener>>();
  let lastSeq: bigint | null = null;
  let timer: NodeJS.Timeout | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  let reading: Promise<void> | null = null;

  const watcherCount = () => [...listenersByTenant.values()].reduce((n, s) => n + s.size, 0);

  async function readNew() {
    if (lastSeq === null) {
      const { rows } = await sql<{ seq: string | null }>`select max(seq)::text as seq from event_outbox`.execute(db.owner);
      lastSeq = BigInt(rows[0].seq ?? 0);
      return;
    }
    // A burst (a daily scan's 5,000 isolations in one commit) is drained in pages of 1,000 within
    // one read, not one page per poll; each listener gets a page's events in one synchronous run.
    for (;;) {
      const tenants = [...listenersByTenant.keys()];
      const { rows } = await sql<{ seq: string; id: string; tenant_id: string; type: string; data: unknown; occurred_at: Date }>`
        select seq::text, id, tenant_id, type, data, occurred_at from event_outbox
        where seq > ${lastSeq.toString()}::bigint order by seq limit ${PAGE}`.execute(db.owner);
      for (const row of rows) {
        lastSeq = BigInt(row.seq);
        if (!tenants.includes(row.tenant_id)) continue;
        const event = { id: row.id, type: row.type, data: row.data, occurredAt: new Date(row.occurred_at).toISOString() };
        for (const listener of listenersByTenant.get(row.tenant_id) ?? []) listener(event);
      }
      if (rows.length < PAGE || watcherCount() === 0) return;
    }
  }

  /** One read at a time; a wake-up during a read is folded into the next one. */
  const tick = () => {
    reading ??= readNew()
      .catch((error) => void (isConnectionError(error) || logger.warn({ err: error }, 'live feed read failed')))
      .finally(() => (reading = null));
    return reading;
  };

  async function start() {
    await tick();
    timer = setInterval(tick, pollIntervalMs);
    unlisten = (await options.listen?.(() => void tick())) ?? null;
  }

  async function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    await unlisten?.();
    unlisten = null;
    await reading;
    lastSeq = null;
  }

  return {
    /** Calls `listener` with each event the viewer may read committed from now on; returns the unsubscribe. */
    async subscribe(viewer: LiveViewer, onEvent: Listener): Promise<() => Promise<void>> {
      const { tenantId } = viewer;
      const isFirst = watcherCount() === 0;
      const set = listenersByTenant.get(tenantId) ?? new Set();
      const listener: Listener = (event) => {
        if (viewer.mayRead(event.type)) onEvent(event);
      };
      set.add(listener);
      listenersByTenant.set(tenantId, set);
      if (isFirst) await start();
      return async () => {
        set.delete(listener);
        if (set.size === 0) listenersByTenant.delete(tenantId);
        if (watcherCount() === 0) await stop();
      };
    },
    stop,
  };
}

export type LiveFeed = ReturnType<typeof createLiveFeed>;
