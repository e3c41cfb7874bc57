import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.ts';
import type { EventDefinitions } from './event-catalog.ts';
import type { EventHandler } from './event-handler.ts';
import type { EventTransport, HandlerQueueStats } from './event-transport.ts';
import type { RunDeliveries } from './handler-runner.ts';
import type { Topic } from './topics.ts';

export type RedisStreamsTransportOptions = {
  url: string;
  /** Prefix of every key (one deployment, or one test run, per prefix). */
  keyPrefix: string;
  catalog: EventDefinitions;
  logger: Logger;
  /** A pending entry whose consumer has been silent this long (crashed, hung) is claimed by another. */
  claimTimeoutMs?: number;
  /** How often each handler looks for pending entries that are due again. */
  reclaimIntervalMs?: number;
  batchSize?: number;
};

type Entry = { stream: string; id: string; attempt: number; event: unknown; handlerIds: string[] };

/**
 * Redis Streams: a stream per topic, a consumer group per handler (NEVER rename either: the group
 * is the handler id, the stream is `<prefix>:stream:<topic>`).
 *
 * Retries keep the entry pending. A failed delivery's idle time is set back so that XAUTOCLAIM
 * (which claims entries idle longer than the claim timeout) picks it up exactly when its backoff
 * ends; a crashed consumer's entries come back after the full claim timeout. The delivery count
 * Redis keeps is the attempt number, so a poison event that kills its worker still ends as a
 * dead letter. Streams are trimmed only below the oldest entry some group has not acknowledged.
 */
export function createRedisStreamsTransport(options: RedisStreamsTransportOptions): EventTransport {
  const claimTimeoutMs = options.claimTimeoutMs ?? 60_000;
  const reclaimIntervalMs = options.reclaimIntervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 100;
  const blockMs = 1_000;
  const consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const streamKey = (topic: Topic) => `${options.keyPrefix}:stream:${topic}`;
  const intactKey = `${options.keyPrefix}:intact`;
  // RESP2: stream replies keep their nested [stream, entries] shape (RESP3 flattens them to maps).
  const redis = new Redis(options.url, { protocol: 2, maxRetriesPerRequest: null });
  const connections: Redis[] = [redis];
  let handlers: EventHandler[] = [];
  let consuming = false;
  const loops: Promise<void>[] = [];

  const streamsOf = (handler: EventHandler) =>
    [...new Set(handler.on.map((type) => options.catalog[type]?.topic).filter((t): t is Topic => !!t))].map(streamKey);

  async function ensureGroups(handler: EventHandler, connection: Redis = redis) {
    for (const stream of streamsOf(handler)) {
      // From the start of the stream ('0'): a group recreated after a flush must not skip entries
      // the relay re-added before it existed.
      await connection.call('XGROUP', 'CREATE', stream, handler.id, '0', 'MKSTREAM').catch((error: Error) => {
        if (!error.message.includes('BUSYGROUP')) throw error;
      });
    }
  }

  async function handle(handler: EventHandler, connection: Redis, entries: Entry[], run: RunDeliveries) {
    // Entries addressed to other handlers only (a replay) are just acknowledged.
    const mine = entries.filter((entry) => entry.handlerIds.includes(handler.id));
    const outcomes = await run(handler.id, mine.map((entry) => ({ message: entry.event, attempt: entry.attempt })));
    const pipeline = connection.pipeline();
    const settled = [...entries.filter((entry) => !mine.includes(entry)), ...mine.filter((_, i) => outcomes[i].kind === 'settled')];
    for (const [stream, ids] of Map.groupBy(settled, (entry) => entry.stream)) pipeline.xack(stream, handler.id, ...ids.map((e) => e.id));
    mine.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (outcome.kind === 'settled') return;
      // Due again when its idle time reaches the claim timeout, i.e. after `delayMs`.
      const idle = Math.max(0, claimTimeoutMs - outcome.delayMs);
      const retryCount = outcome.kind === 'deferred' ? entry.attempt - 1 : entry.attempt;
      pipeline.xclaim(entry.stream, handler.id, consumer, 0, entry.id, 'IDLE', idle, 'RETRYCOUNT', retryCount, 'JUSTID');
    });
    // NOGROUP after a flush: nothing left to acknowledge, the relay hands everything over again.
    for (const [error] of (await pipeline.exec()) ?? []) {
      if (error && !error.message.includes('NOGROUP')) throw error;
    }
  }

  async function readNew(handler: EventHandler, run: RunDeliveries) {
    const connection = redis.duplicate();
    connections.push(connection);
    const streams = streamsOf(handler);
    while (consuming) {
      try {
        const reply = (await connection.call(
          'XREADGROUP', 'GROUP', handler.id, consumer, 'COUNT', batchSize, 'BLOCK', blockMs,
          'STREAMS', ...streams, ...streams.map(() => '>'),
        )) as [string, [string, string[]][]][] | null;
        if (!reply) continue;
        const entries = reply.flatMap(([stream, items]) => items.map(([id, fields]) => toEntry(stream, id, fields, 1)));
        await handle(handler, connection, entries, run);
      } catch (error) {
        if (!consuming) return;
        if ((error as Error).message.includes('NOGROUP')) await ensureGroups(handler, connection); // Redis was flushed
        else {
          options.logger.error({ err: error, handlerId: handler.id }, 'reading the event stream failed');
          await sleep(1_000);
        }
      }
    }
  }

  async function reclaimDue(handler: EventHandler, run: RunDeliveries) {
    const connection = redis.duplicate();
    connections.push(connection);
    while (consuming) {
      await sleep(reclaimIntervalMs);
      for (const stream of streamsOf(handler)) {
        try {
          const [, claimed] = (await connection.call(
            'XAUTOCLAIM', stream, handler.id, consumer, claimTimeoutMs, '0-0', 'COUNT', batchSize,
          )) as [string, [string, string[] | null][]];
          const live = claimed.filter(([, fields]) => fields); // null fields: trimmed away, nothing to do
          if (live.length === 0) continue;
          const counts = await Promise.all(
            live.map(async ([id]) => {
              const [pending] = (await connection.call('XPENDING', stream, handler.id, id, id, 1)) as [string, string, number, number][];
              return pending?.[3] ?? 1;
            }),
          );
          await handle(handler, connection, live.map(([id, fields], i) => toEntry(stream, id, fields!, counts[i])), run);
        } catch (error) {
          if (!consuming) return;
          if (!(error as Error).message.includes('NOGROUP')) {
            options.logger.error({ err: error, handlerId: handler.id }, 'reclaiming pending events failed');
          }
        }
      }
    }
  }

  return {
    kind: 'redis-streams',

    async prepare(list) {
      handlers = list;
      for (const handler of handlers) await ensureGroups(handler);
    },

    async enqueue(_trx, deliveries) {
      const pipeline = redis.pipeline();
      for (const { event, handlerIds } of deliveries) {
        pipeline.xadd(streamKey(event.topic), '*', 'event', JSON.stringify(event), 'handlers', handlerIds.join(','));
      }
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    },

    isIntact: async () => (await redis.exists(intactKey)) === 1,
    async markIntact() {
      for (const handler of handlers) await ensureGroups(handler);
      await redis.set(intactKey, new Date().toISOString());
    },

    async consume(run) {
      consuming = true;
      for (const handler of handlers) loops.push(readNew(handler, run), reclaimDue(handler, run));
    },

    async maintain() {
      const topics = new Set(handlers.flatMap((h) => streamsOf(h)));
      for (const stream of topics) {
        const expected = handlers.filter((h) => streamsOf(h).includes(stream)).map((h) => h.id);
        const groups = (await redis.call('XINFO', 'GROUPS', stream).catch(() => [])) as unknown[][];
        const infos = groups.map(toRecord);
        // A group that doesn't exist yet has acknowledged nothing: trim nothing.
        if (expected.some((id) => !infos.some((g) => g.name === id))) continue;
        let floor: string | null = null;
        for (const group of infos) {
          let groupFloor = String(group['last-delivered-id']);
          if (Number(group.pending) > 0) {
            const [, oldestPending] = (await redis.call('XPENDING', stream, String(group.name))) as [number, string];
            groupFloor = oldestPending;
          }
          if (floor === null || compareIds(groupFloor, floor) < 0) floor = groupFloor;
        }
        // MINID keeps `floor` itself and everything after it.
        if (floor) await redis.call('XTRIM', stream, 'MINID', floor);
      }
    },

    async stats(): Promise<HandlerQueueStats[]> {
      return Promise.all(
        handlers.map(async (handler) => {
          let waiting = 0;
          let inFlight = 0;
          for (const stream of streamsOf(handler)) {
            const groups = ((await redis.call('XINFO', 'GROUPS', stream).catch(() => [])) as unknown[][]).map(toRecord);
            const group = groups.find((g) => g.name === handler.id);
            waiting += Number(group?.lag ?? 0);
            inFlight += Number(group?.pending ?? 0);
          }
          return { handlerId: handler.id, waiting, inFlight };
        }),
      );
    },

    async stop() {
      consuming = false;
      await Promise.all(loops.splice(0));
      // QUIT would wait in the offline queue for a Redis that is down: then just drop the socket.
      await Promise.all(connections.splice(0).map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())));
    },
  };
}

function toEntry(stream: string, id: string, fields: string[], attempt: number): Entry {
  const record = toRecord(fields);
  let event: unknown;
  try {
    event = JSON.parse(String(record.event));
  } catch {
    event = undefined; // the runner drops what isn't an envelope
  }
  return { stream, id, attempt, event, handlerIds: String(record.handlers ?? '').split(',') };
}

/** Redis replies with flat [field, value, field, value…] lists. */
function toRecord(flat: unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) record[String(flat[i])] = flat[i + 1];
  return record;
}

function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am !== bm ? (am < bm ? -1 : 1) : as === bs ? 0 : as < bs ? -1 : 1;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
