import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NasStandIn } from '../../src/simulators/radius-nas/nas-stand-in.ts';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { freeradiusDatabaseFor, radclient, radtest, startFreeradius, type FreeradiusServer } from '../radius/freeradius-harness.ts';

/**
 * Each router chooses what RADIUS answers its isolated PPPoE customers (issue 11, #13): the
 * address list, a low rate limit, an IP pool, or several. Real FreeRADIUS answers radtest.
 */
describe('RADIUS isolation reply per router, through FreeRADIUS', () => {
  let app: TestApp;
  let radius: FreeradiusServer;
  let nas: NasStandIn;
  let cookie: string;
  const routers: Record<string, string> = {};

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const isolationAnswer = (username: string) =>
    expect.poll(async () => (await radtest(radius, username, 'rahasia-ppp')).attributes, { timeout: 15_000, interval: 100 });

  beforeAll(async () => {
    app = await createTestApp('postgres', { events: true });
    radius = await startFreeradius(await freeradiusDatabaseFor(app.db));
    nas = await NasStandIn.start({ secret: 'nas-rahasia' });
    cookie = (await seedTenantWithOwner(app, 'isolir-reply')).ownerCookie;
    const plan = (await call('POST', '/api/plans', { name: 'Rumahan 20', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' })).body;
    const bras = { apiKind: 'rest', username: 'simpul', password: 'unused-for-radius-lines', pppoeViaRadius: true, radiusSecret: 'nas-rahasia' };
    for (const [name, host, radiusIsolation] of [
      ['BRAS Throttle', '127.0.0.1', { addressList: false, framedPool: 'pool-isolir', rateLimit: { downloadKbps: 1000, uploadKbps: 1000 } }],
      ['BRAS Redirect', '127.0.0.3', undefined],
    ] as const) {
      const router = await call('POST', '/api/routers', { ...bras, name, host, radiusCoaPort: nas.port, ...(radiusIsolation ? { radiusIsolation } : {}) });
      expect(router.status, JSON.stringify(router.body)).toBe(201);
      routers[name] = router.body.id;
    }
    for (const [username, router] of [['tini@jaring', 'BRAS Throttle'], ['yudi@jaring', 'BRAS Redirect']] as const) {
      const customer = await call('POST', '/api/customers', {
        name: username,
        phone: '081255556666',
        planId: plan.id,
        connectionType: 'pppoe',
        pppoeUsername: username,
        routerId: routers[router],
        activatedOn: '2026-01-01',
        private: { pppoePassword: 'rahasia-ppp' },
      });
      expect(customer.status).toBe(201);
      expect((await call('POST', `/api/customers/${customer.body.id}/isolate`, { reason: 'Tunggakan' })).status).toBe(200);
    }
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await radius?.stop();
    await nas?.stop();
  });

  it('should answer each router’s isolated customers with that router’s choice', async () => {
    await isolationAnswer('tini@jaring').toEqual({ 'Framed-Pool': 'pool-isolir', 'Mikrotik-Rate-Limit': '1M/1M' });
    await isolationAnswer('yudi@jaring').toEqual({ 'Mikrotik-Address-List': 'simpul-isolir' });
  });

  it('should disconnect the open sessions of isolated customers when the choice changes, so they log in to the new one', async () => {
    const start = { 'User-Name': 'tini@jaring', 'Acct-Status-Type': 'Start', 'Acct-Session-Id': '81b00001', 'NAS-IP-Address': '127.0.0.1', 'Framed-IP-Address': '10.70.0.9' };
    expect((await radclient(radius, 'acct', start)).code).toBe('Accounting-Response');
    expect(nas.requests).toEqual([]);
    const changed = await call('PATCH', `/api/routers/${routers['BRAS Throttle']}`, {
      radiusIsolation: { addressList: true, framedPool: null, rateLimit: { downloadKbps: 512, uploadKbps: 256 } },
    });
    expect(changed.status).toBe(200);
    await isolationAnswer('tini@jaring').toEqual({ 'Mikrotik-Address-List': 'simpul-isolir', 'Mikrotik-Rate-Limit': '256k/512k' });
    await isolationAnswer('yudi@jaring').toEqual({ 'Mikrotik-Address-List': 'simpul-isolir' });
    await expect.poll(() => nas.requests.map((r) => `${r.code} ${String(r.attributes['User-Name'])}`), { timeout: 15_000, interval: 100 }).toEqual([
      'Disconnect-Request tini@jaring',
    ]);
    // Saving the same choice again disconnects nobody.
    expect((await call('PATCH', `/api/routers/${routers['BRAS Throttle']}`, { radiusIsolation: changed.body.radiusIsolation })).status).toBe(200);
    await expect.poll(async () => (await call('GET', `/api/routers/${routers['BRAS Throttle']}`)).body.lines, { timeout: 15_000, interval: 100 }).toMatchObject({ pending: 0 });
    expect(nas.requests).toHaveLength(1);
  });
});
