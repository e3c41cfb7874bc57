import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';
import { RouterStandIn } from '../../simulators/routeros/router-stand-in.ts';

/** A TCP listener that counts connection attempts (and says nothing): where stolen credentials would land. */
async function countingListener(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const server: TcpServer = createTcpServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, connections: () => connections, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** An HTTP server that is not RouterOS: answers every request with `body`. */
async function notRouterOs(contentType: string, body: string): Promise<{ port: number; close(): Promise<void> }> {
  const server: HttpServer = createHttpServer((_request, response) => response.writeHead(200, { 'content-type': contentType }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // fetch keeps its connections alive
      }),
  };
}

describe.each(drivers)('routers over the API (%s)', (driver) => {
  let app: TestApp;
  let cookie: string;
  let router: RouterStandIn;
  let listener: Awaited<ReturnType<typeof countingListener>>;
  const servers: { close(): Promise<void> }[] = [];

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const addRouter = async (name: string, extra: Record<string, unknown>) => {
    const res = await call('POST', '/api/routers', { name, host: '127.0.0.1', apiKind: 'routeros-api', username: 'simpul', password: 'router-pass', ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; host: string; port: number | null };
  };

  beforeAll(async () => {
    router = await RouterStandIn.start({ username: 'simpul', password: 'router-pass' });
    listener = await countingListener();
    app = await createTestApp(driver, { events: true });
    cookie = (await seedTenantWithOwner(app, `routers-${driver}`)).ownerCookie;
  });
  afterAll(async () => {
    await app?.stop();
    await router?.stop();
    await listener?.close();
    for (const server of servers) await server.close();
  });

  describe('a stored password goes only where it was entered', () => {
    it('should refuse moving a router without its password, and the test still goes to the old address', async () => {
      const added = await addRouter('Core Kalasan', { port: router.apiPort });
      for (const move of [{ port: listener.port }, { host: 'localhost', port: listener.port }, { apiKind: 'rest', port: listener.port }, { useTls: true }]) {
        const refused = await call('PATCH', `/api/routers/${added.id}`, move);
        expect(refused.status, JSON.stringify(move)).toBe(422);
        expect(refused.body.error).toMatchObject({ code: 'ROUTER_PASSWORD_REQUIRED', details: { fields: [{ field: 'password', problem: 'required' }] } });
      }
      expect((await call('GET', `/api/routers/${added.id}`)).body).toMatchObject({ host: '127.0.0.1', port: router.apiPort, apiKind: 'routeros-api', useTls: false });
      expect((await call('POST', `/api/routers/${added.id}/test`)).body).toMatchObject({ ok: true });
      expect(listener.connections()).toBe(0);
      // Renaming and other settings need no password.
      expect((await call('PATCH', `/api/routers/${added.id}`, { name: 'Core Kalasan 2', isolationProfile: 'blokir', port: router.apiPort })).status).toBe(200);
    });

    it('should not send the stored password to an address written into the row behind the API', async () => {
      const added = await addRouter('Core Depok', { port: router.apiPort });
      await sql`update network_routers set port = ${listener.port} where id = ${added.id}`.execute(app.db.owner);
      const result = await call('POST', `/api/routers/${added.id}/test`);
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ ok: false, error: { code: 'ROUTER_PASSWORD_REQUIRED' } });
      expect(listener.connections()).toBe(0);
    });

    it('should move a router when the password comes with the new address', async () => {
      const added = await addRouter('Core Prambanan', { port: listener.port, password: 'old-pass' });
      const moved = await call('PATCH', `/api/routers/${added.id}`, { port: router.apiPort, password: 'router-pass' });
      expect(moved.status).toBe(200);
      expect((await call('POST', `/api/routers/${added.id}/test`)).body).toMatchObject({ ok: true });
      expect(listener.connections()).toBe(0);
    });

    it('should refuse renaming a router to a name in use with 409', async () => {
      const added = await addRouter('Core Berbah', { port: router.apiPort });
      const renamed = await call('PATCH', `/api/routers/${added.id}`, { name: 'Core Depok' });
      expect(renamed.status).toBe(409);
      expect(renamed.body.error).toMatchObject({ code: 'CONFLICT', details: { fields: [{ field: 'name', problem: 'taken' }] } });
    });
  });

  describe('a host that is not RouterOS', () => {
    it.each([
      ['JSON that is not RouterOS REST', 'application/json', '{"foo":1}'],
      ['an HTML page', 'text/html', '<!doctype html><title>Router login</title>'],
      ['a JSON list', 'application/json', '[1,2,3]'],
    ])('should answer a REST test against %s with ROUTER_PROTOCOL_ERROR', async (_what, contentType, body) => {
      const server = await notRouterOs(contentType, body);
      servers.push(server);
      const added = await addRouter(`Web ${servers.length}`, { apiKind: 'rest', port: server.port });
      const result = await call('POST', `/api/routers/${added.id}/test`);
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ ok: false, error: { code: 'ROUTER_PROTOCOL_ERROR', message: expect.stringContaining('RouterOS REST') } });
      expect((await call('GET', `/api/routers/${added.id}`)).body).toMatchObject({ health: 'failing', lastError: expect.stringMatching(/^ROUTER_PROTOCOL_ERROR/) });
    });

    it('should answer an API test against a web server with ROUTER_PROTOCOL_ERROR', async () => {
      const server = await notRouterOs('text/html', '<html></html>');
      servers.push(server);
      const added = await addRouter('Web API', { apiKind: 'routeros-api', port: server.port });
      expect((await call('POST', `/api/routers/${added.id}/test`)).body).toMatchObject({ ok: false, error: { code: 'ROUTER_PROTOCOL_ERROR' } });
    });

    it('should answer an API test against a port that sends garbage with ROUTER_PROTOCOL_ERROR', async () => {
      // resume(): reads what the client sends, so the client's close is seen and the server can stop.
      const garbage = createTcpServer((socket) => socket.resume().end(Buffer.from([0xf9, 0x00, 0x13, 0x37])));
      await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
      servers.push({ close: () => new Promise((resolve) => garbage.close(() => resolve())) });
      const added = await addRouter('Garbage API', { port: (garbage.address() as AddressInfo).port });
      expect((await call('POST', `/api/routers/${added.id}/test`)).body).toMatchObject({ ok: false, error: { code: 'ROUTER_PROTOCOL_ERROR' } });
    });
  });

  describe('the RADIUS isolation reply of a router', () => {
    const radiusRouter = { pppoeViaRadius: true, radiusSecret: 'nas-rahasia', apiKind: 'rest' };
    const isolationRows = async (routerId: string) =>
      (
        await sql<{ attribute: string; value: string }>`select attribute, value from radgroupreply where groupname like ${`%:isolir:${routerId}`} order by attribute`.execute(
          app.db.owner,
        )
      ).rows;

    it('should default to the address list and refuse a choice of nothing', async () => {
      const added = await addRouter('BRAS Default', radiusRouter);
      expect((await call('GET', `/api/routers/${added.id}`)).body.radiusIsolation).toEqual({ addressList: true, framedPool: null, rateLimit: null });
      const none = await call('PATCH', `/api/routers/${added.id}`, { radiusIsolation: { addressList: false, framedPool: null, rateLimit: null } });
      expect(none.status).toBe(400);
      expect(none.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'radiusIsolation', problem: 'none_chosen' }] } });
      const bad = await call('PATCH', `/api/routers/${added.id}`, { radiusIsolation: { addressList: true, framedPool: 'pool isolir', rateLimit: { downloadKbps: 0, uploadKbps: 1000 } } });
      expect(bad.status).toBe(400);
      expect((await call('GET', `/api/routers/${added.id}`)).body.radiusIsolation).toEqual({ addressList: true, framedPool: null, rateLimit: null });
    });

    it('should write the chosen reply into the isolation group of the router, and follow a change', async () => {
      const added = await addRouter('BRAS Sleman', { ...radiusRouter, radiusIsolation: { addressList: false, framedPool: 'pool-isolir', rateLimit: { downloadKbps: 1000, uploadKbps: 1000 } } });
      const plan = (await call('POST', '/api/plans', { name: 'Hemat', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'paket-10m' })).body;
      const customer = await call('POST', '/api/customers', {
        name: 'Sri',
        phone: '081277778888',
        planId: plan.id,
        connectionType: 'pppoe',
        pppoeUsername: `sri-${driver}@sleman`,
        routerId: added.id,
        activatedOn: '2026-01-01',
        private: { pppoePassword: 'sri-rahasia' },
      });
      expect(customer.status).toBe(201);
      expect((await call('POST', `/api/customers/${customer.body.id}/isolate`, { reason: 'Tunggakan' })).status).toBe(200);
      await expect.poll(() => isolationRows(added.id), { timeout: 10_000, interval: 50 }).toEqual([
        { attribute: 'Framed-Pool', value: 'pool-isolir' },
        { attribute: 'Mikrotik-Rate-Limit', value: '1M/1M' },
      ]);

      const changed = await call('PATCH', `/api/routers/${added.id}`, { radiusIsolation: { addressList: true, framedPool: null, rateLimit: null } });
      expect(changed.status).toBe(200);
      expect(changed.body.radiusIsolation).toEqual({ addressList: true, framedPool: null, rateLimit: null });
      expect(await isolationRows(added.id)).toEqual([{ attribute: 'Mikrotik-Address-List', value: 'simpul-isolir' }]);
    });
  });
});
