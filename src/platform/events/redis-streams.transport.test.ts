import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids.ts';
import type { EventEnvelope } from './event-envelope.ts';
import { defineHandler } from './event-handler.ts';
import type { EventTransport } from './event-transport.ts';
import { createRedisStreamsTransport } from './redis-streams.transport.ts';
import { deleteRedisKeys, newRedisPrefix, redisUrl, testEvents } from './test-support.ts';
import { Topic } from './topics.ts';

describe('redis-streams transport trimming', () => {
  const prefix = newRedisPrefix();
  const stream = `${prefix}:stream:${Topic.plan}`;
  const handlers = ['test.fast', 'test.slow'].map((id) => defineHandler(testEvents, { id, on: ['test.step.recorded'], handle: async () => undefined }));
  let transport: EventTransport;
  let redis: Redis;

  const event = (n: number): EventEnvelope => ({
    id: newId(), topic: Topic.plan, type: 'test.step.recorded', version: 1, tenantId: newId(), key: null,
    occurredAt: new Date().toISOString(), correlationId: 'trim-test', causationId: null, data: { label: 'trim', n },
  });
  /** Reads `count` new entries as `group` and acknowledges the first `ack` of them. */
  async function readAndAck(group: string, count: number, ack: number) {
    const [[, entries]] = (await redis.xreadgroup('GROUP', group, 'test-consumer', 'COUNT', count, 'STREAMS', stream, '>')) as [string, [string, string[]][]][];
    if (ack > 0) await redis.xack(stream, group, ...entries.slice(0, ack).map(([id]) => id));
  }

  beforeAll(async () => {
    redis = new Redis(redisUrl);
    transport = createRedisStreamsTransport({ url: redisUrl, keyPrefix: prefix, catalog: testEvents, logger: pino({ level: 'silent' }) });
    await transport.prepare(handlers);
    await transport.enqueue(null as never, Array.from({ length: 10 }, (_, n) => ({ event: event(n), handlerIds: handlers.map((h) => h.id) })));
  });
  afterAll(async () => {
    await transport?.stop();
    await redis?.quit();
    await deleteRedisKeys(prefix);
  });

  it('should keep every entry some handler has not acknowledged, and drop the rest', async () => {
    await readAndAck('test.fast', 10, 10);
    await transport.maintain();
    expect(await redis.xlen(stream)).toBe(10); // test.slow has read nothing yet

    await readAndAck('test.slow', 10, 4);
    await transport.maintain();
    expect(await redis.xlen(stream)).toBe(6); // from test.slow's oldest unacknowledged entry on

    const pending = (await redis.xpending(stream, 'test.slow', '-', '+', 10)) as [string][];
    await redis.xack(stream, 'test.slow', ...pending.map(([id]) => id));
    await transport.maintain();
    expect(await redis.xlen(stream)).toBe(1); // only the last delivered entry, which marks both groups' position
  });
});
