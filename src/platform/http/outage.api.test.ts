import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testConfig, type TestDatabase } from '../../../test/harness.ts';
import { createApp, type App } from '../../composition-root.ts';
import { ManualClock } from '../clock.ts';
import { createSecretBox } from '../crypto/secret-box.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { createLogger } from '../logging/logger.ts';

/** A port nothing listens on: connections to it are refused at once. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const appOn = (db: Database, events: { transport: 'postgres' | 'redis-streams'; redisUrl?: string; databaseUrl?: string }) =>
  createApp({
    db,
    clock: new ManualClock('2026-12-01T03:00:00Z'),
    logger: createLogger({ level: 'silent' }),
    secrets: createSecretBox(randomBytes(32)),
    config: { ...testConfig, events: { redisUrl: undefined, databaseUrl: undefined, redisKeyPrefix: `simpul-outage-${randomBytes(3).toString('hex')}`, ...events } },
  });

describe('PostgreSQL unreachable', () => {
  let app: App;
  beforeAll(async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/simpul`;
    app = await appOn(await openDatabase({ driver: 'postgres', url, poolSize: 2 }), { transport: 'postgres', databaseUrl: url });
  });
  afterAll(() => app?.close());

  it('should answer every endpoint that needs it with 503 DATABASE_UNAVAILABLE and Retry-After, never 500', async () => {
    const calls = [
      { method: 'GET' as const, url: '/api/staff', headers: { authorization: 'Bearer simpul_not-a-real-token' } },
      { method: 'GET' as const, url: '/api/customers', headers: { cookie: 'simpul_session=abc' } },
      { method: 'POST' as const, url: '/api/auth/login', payload: { email: 'owner@net.test', password: 'pemilik-123456' } },
    ];
    for (const call of calls) {
      const res = await app.http.inject(call);
      expect(res.statusCode, call.url).toBe(503);
      expect(res.json().error.code).toBe('DATABASE_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('should say so on /ready', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', details: { checks: { database: 'unreachable', events: 'ok' } } });
    expect(res.headers['retry-after']).toBeDefined();
  });
});

describe('Redis unreachable with the Redis Streams transport', () => {
  let db: TestDatabase;
  let app: App;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    app = await appOn(db, { transport: 'redis-streams', redisUrl: `redis://127.0.0.1:${await closedPort()}` });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('should answer /ready with 503 promptly instead of waiting on the client’s offline queue', async () => {
    const started = performance.now();
    const res = await app.http.inject({ method: 'GET', url: '/ready' });
    // ioredis queues commands while offline: an unbounded check would wait for Redis forever.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: 'NOT_READY', details: { checks: { database: 'ok', events: 'unreachable' } } });
  });
});
