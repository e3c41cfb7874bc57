import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NasStandIn } from '../../src/simulators/radius-nas/nas-stand-in.ts';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { freeradiusDatabaseFor, radclient, radtest, startFreeradius, type FreeradiusServer } from '../radius/freeradius-harness.ts';

/**
 * PPPoE through real FreeRADIUS (Debian's, on the test PostgreSQL) with isolation driven by the
 * application: RADIUS rows follow the desired state, open sessions are disconnected at the NAS
 * (a stand-in for a MikroTik's RFC 5176 listener), accounting becomes network events.
 */
describe('RADIUS enforcement with FreeRADIUS', () => {
  let app: TestApp;
  let radius: FreeradiusServer;
  let nas: NasStandIn;
  let cookie: string;
  let customerId: string;

  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const waitLine = (expected: string) =>
    expect.poll(async () => {
      const line = (await call('GET', '/api/network/lines')).body.find((l: { customerId: string }) => l.customerId === customerId);
      return line && `${line.status}/${line.appliedState}`;
    }, { timeout: 20_000, interval: 100 }).toBe(expected);
  const eventsOf = async (type: string) =>
    (await sql<{ data: any }>`select data from event_outbox where type = ${type} order by seq`.execute(app.db.owner)).rows.map((r) => r.data);
  const accounting = (status: 'Start' | 'Stop', sessionId = '81a00001') =>
    radclient(radius, 'acct', {
      'User-Name': 'wati@jaring',
      'Acct-Status-Type': status,
      'Acct-Session-Id': sessionId,
      'NAS-IP-Address': '127.0.0.1',
      'Framed-IP-Address': '10.70.0.5',
      ...(status === 'Stop' ? { 'Acct-Session-Time': 3600, 'Acct-Input-Octets': 1_000_000, 'Acct-Output-Octets': 9_000_000 } : {}),
    });

  beforeAll(async () => {
    app = await createTestApp('postgres', { events: true });
    radius = await startFreeradius(await freeradiusDatabaseFor(app.db));
    nas = await NasStandIn.start({ secret: 'nas-rahasia' });
    cookie = (await seedTenantWithOwner(app, 'radius')).ownerCookie;
    const router = await call('POST', '/api/routers', {
      name: 'BRAS Ngaglik',
      host: '127.0.0.1',
      apiKind: 'rest',
      username: 'simpul',
      password: 'unused-for-radius-lines',
      pppoeViaRadius: true,
      radiusSecret: 'nas-rahasia',
      radiusCoaPort: nas.port,
    });
    expect(router.status).toBe(201);
    const plan = (await call('POST', '/api/plans', { name: 'Rumahan 20', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' })).body;
    const customer = await call('POST', '/api/customers', {
      name: 'Wati',
      phone: '081255556666',
      planId: plan.id,
      connectionType: 'pppoe',
      pppoeUsername: 'wati@jaring',
      routerId: router.body.id,
      activatedOn: '2026-01-01',
      private: { pppoePassword: 'wati-rahasia' },
    });
    expect(customer.status).toBe(201);
    customerId = customer.body.id;
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await radius?.stop();
    await nas?.stop();
  });

  it('should accept an active customer with the plan’s rate limit and reject a wrong password as an event', async () => {
    await waitLine('in_sync/active');
    const accept = await radtest(radius, 'wati@jaring', 'wati-rahasia');
    expect(accept.code).toBe('Access-Accept');
    expect(accept.attributes['Mikrotik-Rate-Limit']).toBe('10M/20M'); // MikroTik reads rx/tx: upload/download
    const reject = await radtest(radius, 'wati@jaring', 'salah');
    expect(reject.code).toBe('Access-Reject');
    await expect.poll(async () => (await eventsOf('network.radius.auth_failed')).length, { timeout: 10_000 }).toBe(1);
  });

  it('should turn accounting into online/offline events', async () => {
    expect((await accounting('Start')).code).toBe('Accounting-Response');
    await expect.poll(async () => (await eventsOf('network.customer.online')).map((e) => e.framedIpAddress), { timeout: 10_000 }).toEqual(['10.70.0.5']);
    expect((await call('GET', '/api/network/online')).body).toEqual({ count: 1, customerIds: [customerId] });
  });

  it('should isolate: isolation attributes at the next login and the open session disconnected at the NAS', async () => {
    expect((await call('POST', `/api/customers/${customerId}/isolate`, { reason: 'Tunggakan Desember' })).status).toBe(200);
    await waitLine('in_sync/isolated');
    expect(nas.requests.map((r) => r.code)).toEqual(['Disconnect-Request']);
    expect(nas.requests[0].attributes['User-Name']).toBe('wati@jaring');
    const accept = await radtest(radius, 'wati@jaring', 'wati-rahasia');
    expect(accept.code).toBe('Access-Accept');
    expect(accept.attributes['Mikrotik-Address-List']).toBe('simpul-isolir');
  });

  it('should restore to the plan after payment and record the session end', async () => {
    expect((await call('POST', `/api/customers/${customerId}/restore`, { reason: 'Sudah bayar', force: true })).status).toBe(200);
    await waitLine('in_sync/active');
    const accept = await radtest(radius, 'wati@jaring', 'wati-rahasia');
    expect(accept.attributes['Mikrotik-Rate-Limit']).toBe('10M/20M');
    expect(accept.attributes['Mikrotik-Address-List']).toBeUndefined();
    expect((await accounting('Stop')).code).toBe('Accounting-Response');
    expect((await call('GET', '/api/network/online')).body.count).toBe(0);
    await expect.poll(async () => (await eventsOf('network.customer.offline')).length, { timeout: 10_000 }).toBe(1);
    expect((await eventsOf('network.customer.offline'))[0]).toMatchObject({ uploadBytes: 1_000_000, downloadBytes: 9_000_000 });

    const log = (await call('GET', `/api/customers/${customerId}/sessions`)).body;
    expect(log.map((e: { kind: string }) => e.kind)).toEqual(['session_stopped', 'session_started', 'auth_rejected']);
    expect(log[0]).toMatchObject({ uploadBytes: 1_000_000, downloadBytes: 9_000_000, nasIpAddress: '127.0.0.1', framedIpAddress: '10.70.0.5' });
    const usage = (await call('GET', `/api/network/usage?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`)).body;
    expect(usage).toEqual([{ customerId, username: 'wati@jaring', uploadBytes: 1_000_000, downloadBytes: 9_000_000, sessions: 1 }]);
  });

  it('should push a plan change to the open session with a CoA carrying the new rate limit', async () => {
    expect((await accounting('Start', '81a00002')).code).toBe('Accounting-Response');
    const faster = (await call('POST', '/api/plans', { name: 'Keluarga 50', downloadKbps: 50_000, uploadKbps: 20_000, monthlyPrice: 250_000, routerProfile: 'paket-50m' })).body;
    const changed = await app.http.inject({ method: 'PATCH', url: `/api/customers/${customerId}`, headers: { cookie }, payload: { planId: faster.id } });
    expect(changed.statusCode).toBe(200);
    // Isolation and restore disconnected the first session; the plan change is applied in place.
    await expect.poll(() => nas.requests.map((r) => r.code), { timeout: 20_000, interval: 100 }).toEqual(['Disconnect-Request', 'Disconnect-Request', 'CoA-Request']);
    expect(nas.requests[2].attributes).toMatchObject({ 'Acct-Session-Id': '81a00002', 'Vendor-Specific': { 'Mikrotik-Rate-Limit': '20M/50M' } });
    expect((await radtest(radius, 'wati@jaring', 'wati-rahasia')).attributes['Mikrotik-Rate-Limit']).toBe('20M/50M');
  });

  it('should push an edited plan speed to every open session on it', async () => {
    const plans = (await call('GET', '/api/plans')).body;
    const family = plans.find((p: { name: string }) => p.name === 'Keluarga 50');
    const edited = await app.http.inject({ method: 'PATCH', url: `/api/plans/${family.id}`, headers: { cookie }, payload: { downloadKbps: 100_000, uploadKbps: 40_000 } });
    expect(edited.statusCode).toBe(200);
    await expect.poll(() => nas.requests.length, { timeout: 20_000, interval: 100 }).toBe(4);
    expect(nas.requests[3]).toMatchObject({ code: 'CoA-Request', attributes: { 'Vendor-Specific': { 'Mikrotik-Rate-Limit': '40M/100M' } } });
    expect((await radtest(radius, 'wati@jaring', 'wati-rahasia')).attributes['Mikrotik-Rate-Limit']).toBe('40M/100M');
  });
});
