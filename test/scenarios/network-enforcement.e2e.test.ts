import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Menu } from '../../src/simulators/routeros/router-model.ts';
import { RouterStandIn } from '../../src/simulators/routeros/router-stand-in.ts';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';

/**
 * Isolation reaching a MikroTik router (a protocol-level RouterOS stand-in) through the event
 * bus and the converge worker, and the reconcile that keeps them honest.
 */
describe('network enforcement on a RouterOS router', () => {
  let app: TestApp;
  let router: RouterStandIn;
  let cookie: string;
  let routerId: string;
  const ids: Record<string, string> = {};

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const lineOf = async (name: string) => (await call('GET', '/api/network/lines?limit=1000')).body.find((l: { customerId: string }) => l.customerId === ids[name]);
  const waitInSync = (name: string, desired: 'active' | 'isolated') =>
    expect.poll(async () => {
      const line = await lineOf(name);
      return line && `${line.status}/${line.appliedState}`;
    }, { timeout: 15_000, interval: 100 }).toBe(`in_sync/${desired}`);
  const isolatedAddresses = () => router.model.print(Menu.addressList, { query: ['list=simpul-isolir'] }).map((e) => e.address);
  const secretProfile = (name: string) => router.model.print(Menu.pppSecret, { query: [`name=${name}`] })[0]?.profile;

  beforeAll(async () => {
    router = await RouterStandIn.start({ username: 'simpul', password: 'router-pass' });
    router.model.add(Menu.pppProfile, { name: 'paket-20m' });
    router.model.add(Menu.pppProfile, { name: 'isolir' });
    router.model.add(Menu.pppSecret, { name: 'budi@net', password: 'x', profile: 'paket-20m' });
    app = await createTestApp('pglite', { events: true });
    cookie = (await seedTenantWithOwner(app, 'mikro')).ownerCookie;
    const added = await call('POST', '/api/routers', { name: 'Core Ngaglik', host: router.host, port: router.apiPort, apiKind: 'routeros-api', username: 'simpul', password: 'router-pass' });
    expect(added.status).toBe(201);
    routerId = added.body.id;
    const plan = (await call('POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' })).body;
    for (const [name, extra] of [
      ['Ani', { connectionType: 'static', ipAddress: '10.50.0.11' }],
      ['Budi', { connectionType: 'pppoe', pppoeUsername: 'budi@net' }],
      ['Citra', { connectionType: 'dhcp', ipAddress: '10.50.0.13' }],
    ] as const) {
      const res = await call('POST', '/api/customers', { name, phone: '081234567890', planId: plan.id, routerId, activatedOn: '2026-01-01', ...extra });
      expect(res.status).toBe(201);
      ids[name] = res.body.id;
    }
  });
  afterAll(async () => {
    await app?.stop();
    await router?.stop();
  });

  it('should test a router connection and tell a wrong password apart', async () => {
    expect((await call('POST', `/api/routers/${routerId}/test`)).body).toMatchObject({ ok: true });
    const wrong = (await call('POST', '/api/routers', { name: 'Salah', host: router.host, port: router.apiPort, apiKind: 'routeros-api', username: 'simpul', password: 'nope' })).body;
    const result = (await call('POST', `/api/routers/${wrong.id}/test`)).body;
    expect(result).toMatchObject({ ok: false, error: { code: 'ROUTER_AUTH_FAILED' } });
    const bad = await call('POST', '/api/routers', { name: 'Rusak', host: 'not a host!', apiKind: 'rest', username: 'a', password: 'b' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('INVALID_ADDRESS');
  });

  it('should put new customers in sync with nothing isolated', async () => {
    for (const name of ['Ani', 'Budi', 'Citra']) await waitInSync(name, 'active');
    expect(isolatedAddresses()).toEqual([]);
  });

  it('should isolate by address list and by PPPoE profile with the session kicked, and restore both', async () => {
    router.model.dial('budi@net', '10.60.0.2');
    expect(router.model.activeSessions().map((s) => s.name)).toEqual(['budi@net']);
    expect((await call('POST', `/api/customers/${ids.Ani}/isolate`, { reason: 'Tunggakan 2 bulan' })).status).toBe(200);
    expect((await call('POST', `/api/customers/${ids.Budi}/isolate`, { reason: 'Tunggakan 2 bulan' })).status).toBe(200);
    await waitInSync('Ani', 'isolated');
    await waitInSync('Budi', 'isolated');
    expect(isolatedAddresses()).toEqual(['10.50.0.11']);
    expect(secretProfile('budi@net')).toBe('isolir');
    expect(router.model.activeSessions().filter((s) => s.name === 'budi@net')).toEqual([]);

    expect((await call('POST', `/api/customers/${ids.Ani}/restore`, { reason: 'Lunas', force: true })).status).toBe(200);
    expect((await call('POST', `/api/customers/${ids.Budi}/restore`, { reason: 'Lunas', force: true })).status).toBe(200);
    await waitInSync('Ani', 'active');
    await waitInSync('Budi', 'active');
    expect(isolatedAddresses()).toEqual([]);
    expect(secretProfile('budi@net')).toBe('paket-20m');
  });

  it('should repair a hand edit on the router at the next reconcile', async () => {
    router.model.add(Menu.addressList, { list: 'simpul-isolir', address: '10.50.0.13', comment: 'diisi manual' });
    const [secret] = router.model.print(Menu.pppSecret, { query: ['name=budi@net'] });
    router.model.set(Menu.pppSecret, secret['.id'], { profile: 'isolir' });
    expect((await call('POST', '/api/network/reconcile')).body.lines).toBe(3);
    await waitInSync('Citra', 'active');
    await waitInSync('Budi', 'active');
    expect(isolatedAddresses()).toEqual([]);
    expect(secretProfile('budi@net')).toBe('paket-20m');
  });

  it('should keep a line pending with the error visible while the router is down, tell the admin once, and converge when it returns', async () => {
    await router.goOffline();
    await call('POST', `/api/customers/${ids.Citra}/isolate`, { reason: 'Tunggakan' });
    await expect.poll(async () => (await lineOf('Citra')).status, { timeout: 15_000, interval: 100 }).toBe('failed');
    const line = await lineOf('Citra');
    expect(line.appliedState).toBe('active');
    expect(line.lastError).toMatch(/^ROUTER_/);
    // Retries (clock moved past the backoff) fail again, but the incident is announced once.
    for (let i = 0; i < 3; i++) {
      app.clock.advance(11 * 60_000);
      await expect.poll(async () => (await lineOf('Citra')).attempts, { timeout: 15_000, interval: 100 }).toBeGreaterThan(i + 1);
    }
    const routerState = (await call('GET', `/api/routers/${routerId}`)).body;
    expect(routerState).toMatchObject({ health: 'failing', lines: { failed: 1 } });
    const announced = await sql<{ n: number }>`
      select count(*)::int as n from event_outbox where type = 'network.router.failed' and data->>'routerId' = ${routerId}`.execute(app.db.owner);
    expect(announced.rows[0].n).toBe(1);

    await router.comeOnline();
    app.clock.advance(11 * 60_000);
    await waitInSync('Citra', 'isolated');
    expect(isolatedAddresses()).toEqual(['10.50.0.13']);
    expect((await call('GET', `/api/routers/${routerId}`)).body.health).toBe('ok');
  });

  it('should end in the state the database holds after quick isolate/restore in a row', async () => {
    expect((await call('POST', `/api/customers/${ids.Ani}/isolate`, { reason: 'Tunggakan A' })).status).toBe(200);
    expect((await call('POST', `/api/customers/${ids.Ani}/restore`, { reason: 'Bayar B', force: true })).status).toBe(200);
    expect((await call('POST', `/api/customers/${ids.Ani}/isolate`, { reason: 'Tunggakan C' })).status).toBe(200);
    await waitInSync('Ani', 'isolated');
    expect(isolatedAddresses().sort()).toEqual(['10.50.0.11', '10.50.0.13']);
    expect((await call('POST', `/api/customers/${ids.Ani}/restore`, { reason: 'Bayar D', force: true })).status).toBe(200);
    await waitInSync('Ani', 'active');
    expect(isolatedAddresses()).toEqual(['10.50.0.13']);
  });
});
