import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';

// The HTTP shell is the same on both databases; one shape is enough here.
describe('every failure has the one error shape', () => {
  let app: TestApp;
  let cookie: string;

  beforeAll(async () => {
    app = await createTestApp('pglite');
    cookie = (await seedTenantWithOwner(app, 'galat')).ownerCookie;
  });
  afterAll(() => app?.stop());

  const expectErrorShape = (body: string, code: string) => {
    const parsed = JSON.parse(body);
    expect(parsed.error.code).toBe(code);
    expect(typeof parsed.error.message).toBe('string');
    expect(parsed.error.message.length).toBeGreaterThan(5);
  };

  it('should answer malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.id", "password": ',
    });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.body, 'MALFORMED_JSON');
  });

  it('should name the field when a value has the wrong type, and reject unknown fields', async () => {
    const res = await app.http.inject({ method: 'POST', url: '/api/staff', headers: { cookie }, payload: { email: 'x@y.id', name: 'X', roles: 'admin' } });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.body, 'VALIDATION_FAILED');
    expect(res.json().error.details.fields[0].field).toBe('body.roles');
    const unknown = await app.http.inject({ method: 'POST', url: '/api/staff', headers: { cookie }, payload: { email: 'x@y.id', name: 'X', roles: ['admin'], salary: 5 } });
    expect(unknown.statusCode).toBe(400);
    expectErrorShape(unknown.body, 'VALIDATION_FAILED');
    const staff = await app.http.inject({ method: 'GET', url: '/api/staff', headers: { cookie } });
    expect(staff.json()).toHaveLength(1); // nothing was added
  });

  it('should answer an unknown route with 404 and a wrong method with 405', async () => {
    const missing = await app.http.inject({ method: 'GET', url: '/api/nope' });
    expect(missing.statusCode).toBe(404);
    expectErrorShape(missing.body, 'ROUTE_NOT_FOUND');
    const wrongMethod = await app.http.inject({ method: 'DELETE', url: '/api/me' });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toContain('GET');
    expectErrorShape(wrongMethod.body, 'METHOD_NOT_ALLOWED');
  });

  it('should refuse an oversized body with 413', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.id', password: 'x'.repeat(200_000) }),
    });
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.body, 'PAYLOAD_TOO_LARGE');
  });

  it('should answer an anonymous call to a protected route with 401', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/api/staff' });
    expect(res.statusCode).toBe(401);
    expectErrorShape(res.body, 'UNAUTHENTICATED');
  });

  it('should authenticate before validating: an anonymous malformed call is 401, not 400', async () => {
    const res = await app.http.inject({ method: 'POST', url: '/api/staff', payload: { roles: 'not-a-list' } });
    expect(res.statusCode).toBe(401);
    expectErrorShape(res.body, 'UNAUTHENTICATED');
    const badId = await app.http.inject({ method: 'GET', url: '/api/customers/not-a-uuid' });
    expect(badId.statusCode).toBe(401);
  });

  it('should answer an over-long path segment with 414 and a bad percent-encoding with 400, in the one shape', async () => {
    const long = await app.http.inject({ method: 'GET', url: `/api/customers/${'a'.repeat(5000)}`, headers: { cookie } });
    expect(long.statusCode).toBe(414);
    expectErrorShape(long.body, 'URI_TOO_LONG');
    expect(long.headers['x-request-id']).toBeTruthy();
    const badUrl = await app.http.inject({ method: 'GET', url: '/api/customers/%E0%A4%A', headers: { cookie } });
    expect(badUrl.statusCode).toBe(400);
    expectErrorShape(badUrl.body, 'VALIDATION_FAILED');
  });

  it('should refuse NUL and other control characters in body, query, path and a webhook’s tenant slug, before any query', async () => {
    const cases = [
      { method: 'POST' as const, url: '/api/plans', payload: { name: 'Paket\u0000', downloadKbps: 1, uploadKbps: 1, monthlyPrice: 1, routerProfile: 'p' }, field: 'body.name' },
      { method: 'POST' as const, url: '/api/plans', payload: { name: 'Paket\u001b[31m', downloadKbps: 1, uploadKbps: 1, monthlyPrice: 1, routerProfile: 'p' }, field: 'body.name' },
      { method: 'GET' as const, url: '/api/customers?search=%00', field: 'querystring.search' },
      { method: 'GET' as const, url: '/api/customers/%00', field: 'params.customerId' },
      { method: 'POST' as const, url: '/api/webhooks/payments/midtrans/galat%00', payload: {}, field: 'params.tenantSlug', anonymous: true },
    ];
    for (const c of cases) {
      const res = await app.http.inject({ method: c.method, url: c.url, headers: c.anonymous ? {} : { cookie }, ...(c.payload ? { payload: c.payload } : {}) });
      expect(res.statusCode, c.url).toBe(400);
      expectErrorShape(res.body, 'VALIDATION_FAILED');
      expect(res.json().error.details.fields).toEqual([{ field: c.field, problem: 'contains a control character' }]);
    }
    // Free text keeps its tabs and line breaks.
    const notes = await app.http.inject({ method: 'POST', url: '/api/plans', headers: { cookie }, payload: { name: 'Paket\tA', downloadKbps: 1, uploadKbps: 1, monthlyPrice: 1, routerProfile: 'p' } });
    expect(notes.statusCode).toBe(201);
    const plans = (await app.http.inject({ method: 'GET', url: '/api/plans', headers: { cookie } })).json();
    expect(plans.map((p: { name: string }) => p.name)).toEqual(['Paket\tA']);
  });

  it('should answer headers too large for Node’s parser in the one shape (a real socket, not inject)', async () => {
    const address = await app.http.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const answer = await new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(`GET /api/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', (error) => (received ? resolve(received) : reject(error)));
    });
    expect(answer).toMatch(/^HTTP\/1.1 431 /);
    expectErrorShape(answer.slice(answer.indexOf('\r\n\r\n') + 4), 'HEADERS_TOO_LARGE');
  });

  it('should answer renaming a router onto a taken name with 409 naming the field', async () => {
    const router = (name: string) => ({ name, host: '10.0.0.1', apiKind: 'rest', username: 'simpul', password: 'rahasia' });
    const first = await app.http.inject({ method: 'POST', url: '/api/routers', headers: { cookie }, payload: router('Core A') });
    expect((await app.http.inject({ method: 'POST', url: '/api/routers', headers: { cookie }, payload: router('Core B') })).statusCode).toBe(201);
    const renamed = await app.http.inject({ method: 'PATCH', url: `/api/routers/${first.json().id}`, headers: { cookie }, payload: { name: 'Core B' } });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.details.fields).toEqual([{ field: 'name', problem: 'taken' }]);
  });

  it('should list every route in /openapi.json and serve health, readiness and metrics', async () => {
    const spec = (await app.http.inject({ method: 'GET', url: '/openapi.json' })).json();
    // One or more routes of every module, and the operational ones.
    for (const path of [
      '/api/auth/login', '/api/me', '/api/staff', '/api/staff/{userId}', '/api/platform/tenants', '/api/plans', '/api/customers',
      '/api/customers/{customerId}/isolate', '/api/invoices/{invoiceId}/payments', '/api/webhooks/payments/{provider}/{tenantSlug}',
      '/api/routers', '/api/network/lines', '/api/notifications/messages', '/api/notifications/templates/{kind}/preview',
      '/api/admin/events/failures', '/api/admin/jobs', '/api/live', '/health', '/ready', '/metrics',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect((await app.http.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.http.inject({ method: 'GET', url: '/ready' })).json().checks.database).toBe('ok');
    const metrics = await app.http.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('simpul_process_cpu_user_seconds_total');
  });
});
