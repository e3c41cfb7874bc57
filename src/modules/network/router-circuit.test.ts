import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';
import { asTenantId, type TenantId } from '../../platform/db/database.ts';
import { RouterStandIn } from '../../simulators/routeros/router-stand-in.ts';

/** A TCP relay in front of the router that counts connection attempts (the router's own port may refuse them). */
async function countingRelay(target: () => number): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections++;
    const upstream = connect(target(), '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => (client.destroy(), upstream.destroy()));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The circuit breaker of a router lives across converge passes: repeated router-level failures
 * open it (later passes fail fast, without connecting), the cool-down (injected clock) lets one
 * trial through, and a router that answers closes it again.
 */
describe.each(drivers)('a failing router’s circuit across converge passes (%s)', (driver) => {
  let app: TestApp;
  let router: RouterStandIn;
  let relay: Awaited<ReturnType<typeof countingRelay>>;
  let tenantId: TenantId;
  let cookie: string;
  let routerId: string;

  const call = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  /** The line marked due again (as a reconcile does), then one converge pass; the line as it ends. */
  const pass = async () => {
    await app.network.reconcileTenant(tenantId);
    expect(await app.network.convergeNextRouter()).toBe(1);
    const [line] = await app.network.listLines(tenantId, { limit: 10 });
    return line;
  };
  const openTheCircuit = async () => {
    const before = relay.connections();
    let line = await pass();
    for (let i = 0; i < 10 && !line.lastError?.startsWith('ROUTER_CIRCUIT_OPEN'); i++) line = await pass();
    expect(line.lastError).toMatch(/^ROUTER_CIRCUIT_OPEN/);
    return relay.connections() - before;
  };

  beforeAll(async () => {
    router = await RouterStandIn.start({ username: 'simpul', password: 'router-pass' });
    relay = await countingRelay(() => router.apiPort);
    app = await createTestApp(driver);
    const seeded = await seedTenantWithOwner(app, `circuit-${driver}`);
    tenantId = asTenantId(seeded.tenantId);
    cookie = seeded.ownerCookie;
    routerId = (await call('POST', '/api/routers', { name: 'Core Sleman', host: '127.0.0.1', port: relay.port, apiKind: 'routeros-api', username: 'simpul', password: 'router-pass' })).id;
    const plan = await call('POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' });
    await call('POST', '/api/customers', { name: 'Ani', phone: '081234567890', planId: plan.id, routerId, activatedOn: '2026-01-01', connectionType: 'static', ipAddress: '10.50.0.11' });
  });
  afterAll(async () => {
    await app?.stop();
    await relay?.close();
    await router?.stop();
  });

  it('should converge while the router answers', async () => {
    expect(await pass()).toMatchObject({ status: 'in_sync', appliedState: 'active' });
  });

  it('should open after five router-level failures in a row and then not connect at all', async () => {
    await router.goOffline();
    expect(await openTheCircuit()).toBe(5);

    const before = relay.connections();
    await router.comeOnline();
    expect(await pass()).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^ROUTER_CIRCUIT_OPEN/) });
    expect(await pass()).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^ROUTER_CIRCUIT_OPEN/) });
    expect(relay.connections()).toBe(before);
  });

  it('should let one trial through after the cool-down, and close when the router answers', async () => {
    app.clock.advance(30_000);
    const before = relay.connections();
    expect(await pass()).toMatchObject({ status: 'in_sync', lastError: null });
    expect(relay.connections()).toBeGreaterThan(before);

    // Closed again: one more failure is the router's own error, not an open circuit.
    await router.goOffline();
    expect((await pass()).lastError).toMatch(/^ROUTER_(?!CIRCUIT_OPEN)/);
    await router.comeOnline();
    expect(await pass()).toMatchObject({ status: 'in_sync' });
  });

  it('should start with a closed circuit once the router is edited', async () => {
    await router.goOffline();
    await openTheCircuit();
    await router.comeOnline();
    await call('PATCH', `/api/routers/${routerId}`, { password: 'router-pass' });
    const before = relay.connections();
    expect(await pass()).toMatchObject({ status: 'in_sync' });
    expect(relay.connections()).toBeGreaterThan(before);
  });
});
