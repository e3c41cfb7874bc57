import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { createLogger } from '../logging/logger.ts';
import { createMetricsRegistry } from '../metrics.ts';
import { createHttpServer, type HttpServer } from './server.ts';

describe('the per-address limit on public routes', () => {
  const clock = new ManualClock('2026-12-01T03:00:00Z');
  let app: HttpServer;

  beforeAll(async () => {
    app = await createHttpServer({
      logger: createLogger({ level: 'silent' }),
      metrics: createMetricsRegistry(),
      bodyLimitBytes: 1024,
      publicRateLimitPerMinute: 3,
      clock,
      version: 'test',
      authenticate: async (request) => (request.headers.authorization === 'Bearer staff' ? { userId: 'staff' } : null),
      readiness: {},
    });
    app.post('/api/auth/login', { schema: { security: [] } }, async () => ({ ok: true }));
    app.get('/api/staff', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app?.close());

  const login = (ip: string) => app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: {} });

  it('should answer 429 with Retry-After once an address has spent its requests, and serve it again after waiting', async () => {
    for (let i = 0; i < 3; i++) expect((await login('10.0.0.1')).statusCode).toBe(200);
    const throttled = await login('10.0.0.1');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('RATE_LIMITED');
    expect(throttled.headers['retry-after']).toBe('20'); // one request of 3 a minute comes back after 20 s
    expect((await login('10.0.0.2')).statusCode).toBe(200); // another address is not affected
    clock.advance(19_000);
    expect((await login('10.0.0.1')).statusCode).toBe(429);
    clock.advance(1_000);
    expect((await login('10.0.0.1')).statusCode).toBe(200);
  });

  it('should not limit authenticated routes, and answer anonymous calls to them with 401', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: 'GET', url: '/api/staff', remoteAddress: '10.0.0.3', headers: { authorization: 'Bearer staff' } })).statusCode).toBe(200);
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/staff', remoteAddress: '10.0.0.3' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('the caller behind a reverse proxy (TRUST_PROXY)', () => {
  const clock = new ManualClock('2026-12-01T03:00:00Z');
  const servers: HttpServer[] = [];
  const serve = async (trustProxy: string[] | false) => {
    const app = await createHttpServer({
      logger: createLogger({ level: 'silent' }),
      metrics: createMetricsRegistry(),
      bodyLimitBytes: 1024,
      publicRateLimitPerMinute: 2,
      trustProxy,
      clock,
      version: 'test',
      authenticate: async () => null,
      readiness: {},
    });
    app.post('/api/auth/login', { schema: { security: [] } }, async () => ({ ok: true }));
    await app.ready();
    servers.push(app);
    return app;
  };
  afterAll(() => Promise.all(servers.map((s) => s.close())));
  const loginVia = (app: HttpServer, forwardedFor: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.254', headers: { 'x-forwarded-for': forwardedFor }, payload: {} });

  it('should limit each customer behind a trusted proxy by their own address', async () => {
    const app = await serve(['10.0.0.254']);
    for (let i = 0; i < 2; i++) expect((await loginVia(app, '36.80.1.1')).statusCode).toBe(200);
    expect((await loginVia(app, '36.80.1.1')).statusCode).toBe(429);
    expect((await loginVia(app, '36.80.1.2')).statusCode).toBe(200); // another caller behind the same proxy
  });

  it('should not let a forged X-Forwarded-For buy a fresh limit when no proxy is trusted', async () => {
    const app = await serve(false);
    for (let i = 0; i < 2; i++) expect((await loginVia(app, `36.80.2.${i}`)).statusCode).toBe(200);
    expect((await loginVia(app, '36.80.2.99')).statusCode).toBe(429);
  });
});
