// Over 300 lines on purpose: one transport whose read, retry, claim (hung and dead consumers),
// heartbeat and trim steps share the same connections, key names and consumer state; split apart,
// each piece would need all of it passed in. Its contract is event-bus.contract.test.ts.
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
  /** A pending entry whose live consumer has been silent this long (hung handler) is claimed by another. */
  claimTimeoutMs?: number;
  /** How often each consumer renews its heartbeat key (which expires after three of these). */
  heartbeatIntervalMs?: number;
  /** A pending entry of a consumer whose heartbeat is gone (killed) is claimed once idle this long. */
  deadConsumerIdleMs?: number;
  /** How often each handler looks for pending entries that are due again. */
  reclaimIntervalMs?: number;
  batchSize?: number;
};

type Entry = { stream: string; id: string; attempt: number; event: unknown; handlerIds: string[] };

/**
 * Redis Streams: a stream per topic, a consumer group per handler (NEVER rename either: the group
 * is the handler id, the stream is `<prefix>:stream:<topic>`).
 *
 * Retries keep the entry pending. A failed delivery is handed to the `retrying` consumer with its
 * idle time set back so that XAUTOCLAIM (which claims entries idle longer than the claim timeout)
 * picks it up exactly when its backoff ends. Each consumer keeps a heartbeat key alive while it
 * runs: the entries of a consumer whose heartbeat is gone (SIGKILL) are claimed within seconds,
 * a live consumer's slow handler keeps its entries for the full claim timeout. The delivery count
 * Redis keeps is the attempt number, so a poison event that kills its worker still ends as a
 * dead letter. Streams are trimmed only below the oldest entry some group has not acknowledged.
 */
export function createRedisStreamsTransport(options: RedisStreamsTransportOptions): EventTransport {
  const { logger } = options;
  const claimTimeoutMs = options.claimTimeoutMs ?? 60_000;
  const reclaimIntervalMs = options.reclaimIntervalMs ?? 1_000;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 2_000;
  const deadConsumerIdleMs = options.deadConsumerIdleMs ?? 5_000;
  const batchSize = options.batchSize ?? 100;
  const blockMs = 1_000;
  const consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const streamKey = (topic: Topic) => `${options.keyPrefix}:stream:${topic}`;
  const intactKey = `${options.keyPrefix}:intact`;
  const heartbeatKey = (name: string) => `${options.keyPrefix}:consumer:${name}`;
  // RESP2: stream replies keep their nested [stream, entries] shape (RESP3 flattens them to maps).
  // Commands wait for a reconnect (maxRetriesPerRequest: null); once stopping, the next failed
  // attempt ends the client, which fails what waits (disconnect() can't while a retry is timed).
  let stopping = false;
  const redis = new Redis(options.url, {
    protocol: 2,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => (stopping ? null : Math.min(times * 50, 2_000)),
  });
  const connections: Redis[] = [];
  const unreachable = new Set<Redis>();
  /** Every client reports to the JSON log (without a listener ioredis writes to stderr): one line down, one back. */
  function watch(connection: Redis) {
    connections.push(connection);
    connection.on('error', (error: Error) => {
      if (unreachable.size === 0) logger.error({ err: error }, 'Redis is unreachable; retrying');
      else logger.debug({ err: error }, 'Redis is still unreachable');
      unreachable.add(connection);
    });
    connection.on('ready', () => {
      if (unreachable.delete(connection) && unreachable.size === 0) logger.info('Redis is reachable again');
    });
    return connection;
  }
  const open = () => watch(redis.duplicate());
  watch(redis);
  let handlers: EventHandler[] = [];
  let consuming = false;
  const loops: Promise<void>[] = [];
  let heartbeat: NodeJS.Timeout | undefined;
  const beat = () =>
    redis.set(heartbeatKey(consumer), new Date().toISOString(), 'PX', heartbeatIntervalMs * 3).catch((error: Error) => {
      logger.debug({ err: error }, 'renewing the consumer heartbeat failed');
    });

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
      // Due again when its idle time reaches the claim timeout, i.e. after `delayMs`; parked with
      // `retrying`, which no heartbeat check ever claims early.
      const idle = Math.max(0, claimTimeoutMs - outcome.delayMs);
      const retryCount = outcome.kind === 'deferred' ? entry.attempt - 1 : entry.attempt;
      pipeline.xclaim(entry.stream, handler.id, retryingConsumer, 0, entry.id, 'IDLE', idle, 'RETRYCOUNT', retryCount, 'JUSTID');
    });
    // NOGROUP after a flush: nothing left to acknowledge, the relay hands everything over again.
    for (const [error] of (await pipeline.exec()) ?? []) {
      if (error && !error.message.includes('NOGROUP')) throw error;
    }
  }

  async function readNew(handler: EventHandler, run: RunDeliveries) {
    const connection = open();
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
        if (wasFlushed(error)) {
          // Expected after a flush (the relay hands everything over again): recreate the groups.
          logger.debug({ err: error, handlerId: handler.id }, 'the event stream is gone; recreating its consumer groups');
          await ensureGroups(handler, connection).catch(() => undefined);
        } else {
          logger.error({ err: error, handlerId: handler.id }, 'reading the event stream failed');
          await sleep(1_000);
        }
      }
    }
  }

  /** The claimed entries with their attempt numbers (the delivery count Redis keeps). */
  async function withAttempts(connection: Redis, stream: string, group: string, claimed: [string, string[] | null][]) {
    const live = claimed.filter((item): item is [string, string[]] => !!item[1]); // null fields: trimmed away
    const pipeline = connection.pipeline();
    for (const [id] of live) pipeline.xpending(stream, group, id, id, 1);
    const replies = (await pipeline.exec()) ?? [];
    return live.map(([id, fields], i) => {
      const [pending] = (replies[i]?.[1] ?? []) as [string, string, number, number][];
      return toEntry(stream, id, fields, pending?.[3] ?? 1);
    });
  }

  /** Entries of consumers whose heartbeat is gone, idle long enough, claimed by this consumer. */
  async function claimFromDead(connection: Redis, stream: string, group: string): Promise<[string, string[] | null][]> {
    const consumers = ((await connection.call('XINFO', 'CONSUMERS', stream, group)) as unknown[][]).map(toRecord);
    const others = consumers.filter((c) => c.name !== consumer && c.name !== retryingConsumer);
    if (others.length === 0) return [];
    const beating = await Promise.all(others.map((c) => connection.exists(heartbeatKey(String(c.name)))));
    const claimed: [string, string[] | null][] = [];
    for (const [i, dead] of others.entries()) {
      if (beating[i]) continue;
      if (Number(dead.pending) === 0) {
        // Gone long enough that it can't be a live one that missed its heartbeats: forget it.
        if (Number(dead.idle) > claimTimeoutMs) await connection.call('XGROUP', 'DELCONSUMER', stream, group, String(dead.name));
        continue;
      }
      const pending = (await connection.call(
        'XPENDING', stream, group, 'IDLE', deadConsumerIdleMs, '-', '+', batchSize, String(dead.name),
      )) as [string, string, number, number][];
      if (pending.length === 0) continue;
      // The idle check inside XCLAIM makes sure another survivor hasn't claimed them meanwhile.
      const entries = (await connection.call(
        'XCLAIM', stream, group, consumer, deadConsumerIdleMs, ...pending.map(([id]) => id),
      )) as [string, string[] | null][];
      logger.warn({ handlerId: group, consumer: dead.name, events: entries.length }, 'claimed the deliveries of a consumer that stopped');
      claimed.push(...entries);
    }
    return claimed;
  }

  async function reclaimDue(handler: EventHandler, run: RunDeliveries) {
    const connection = open();
    while (consuming) {
      await sleep(reclaimIntervalMs);
      for (const stream of streamsOf(handler)) {
        try {
          const fromDead = await claimFromDead(connection, stream, handler.id);
          const [, due] = (await connection.call(
            'XAUTOCLAIM', stream, handler.id, consumer, claimTimeoutMs, '0-0', 'COUNT', batchSize,
          )) as [string, [string, string[] | null][]];
          const entries = await withAttempts(connection, stream, handler.id, [...fromDead, ...due]);
          if (entries.length > 0) await handle(handler, connection, entries, run);
        } catch (error) {
          if (!consuming) return;
          if (!wasFlushed(error)) logger.error({ err: error, handlerId: handler.id }, 'reclaiming pending events failed');
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
      await beat();
      heartbeat = setInterval(beat, heartbeatIntervalMs);
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
          // The summary's count and oldest id are read together (XINFO's pending count may be
          // stale by now); with nothing pending the group needs nothing below its position, which
          // can only have moved on since XINFO.
          // A flush between XINFO and here took the stream and its groups: nothing is left to trim.
          const pending = (await redis.call('XPENDING', stream, String(group.name)).catch((error: unknown) => {
            if (wasFlushed(error)) return null;
            throw error;
          })) as [number, string | null] | null;
          if (!pending) {
            floor = null;
            break;
          }
          const [count, oldestPending] = pending;
          const groupFloor = Number(count) > 0 && oldestPending ? oldestPending : String(group['last-delivered-id']);
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
            if (!group) continue;
            const consumers = ((await redis.call('XINFO', 'CONSUMERS', stream, handler.id).catch(() => [])) as unknown[][]).map(toRecord);
            const retrying = Number(consumers.find((c) => c.name === retryingConsumer)?.pending ?? 0);
            waiting += Number(group.lag ?? 0) + retrying;
            inFlight += Number(group.pending ?? 0) - retrying;
          }
          return { handlerId: handler.id, waiting, inFlight };
        }),
      );
    },

    async health(timeoutMs = 1_000) {
      // Commands wait for a reconnect: never ask a client that is down.
      if (redis.status !== 'ready') throw new Error(`Redis is ${redis.status}`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([redis.ping(), timeout]).finally(() => clearTimeout(timer));
    },

    async stop() {
      stopping = true;
      consuming = false;
      clearInterval(heartbeat);
      await Promise.all(loops.splice(0));
      // Its entries (none in flight now, retries parked) need no heartbeat to wait for.
      if (heartbeat && redis.status === 'ready') await redis.del(heartbeatKey(consumer)).catch(() => undefined);
      heartbeat = undefined;
      await Promise.all(connections.splice(0).map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())));
    },
  };
}

/** The consumer that holds failed deliveries while they wait out their backoff. */
const retryingConsumer = 'retrying';

/** Redis lost the stream or its groups (flushed, restarted empty) under a command. */
const wasFlushed = (error: unknown) => /NOGROUP|UNBLOCKED|no such key/.test((error as Error).message);

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
