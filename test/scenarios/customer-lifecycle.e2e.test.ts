import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Menu } from '../../src/simulators/routeros/router-model.ts';
import { RouterStandIn } from '../../src/simulators/routeros/router-stand-in.ts';
import { createTestApp, type DriverName, seedTenantWithOwner, type TestApp } from '../harness.ts';

/**
 * A customer's life reaching a MikroTik (the RouterOS stand-in) through the desired-state
 * reconciler: activation creates the PPP secret (or adopts one of that name), a plan change moves
 * its profile, suspension (cuti) disables it, termination (berhenti) removes it. Run on both
 * databases, once through the RouterOS API and once through v7 REST.
 */
const shapes: [DriverName, 'routeros-api' | 'rest'][] = [
  ['pglite', 'routeros-api'],
  ['postgres', 'rest'],
];

describe.each(shapes)('customer lifecycle on the router (%s, %s)', (driver, apiKind) => {
  let app: TestApp;
  let router: RouterStandIn;
  let cookie: string;
  let routerId: string;
  const plans: Record<string, string> = {};

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const secretsNamed = (name: string) => router.model.print(Menu.pppSecret, { query: [`name=${name}`] });
  const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 50 });
  const addCustomer = async (body: Record<string, unknown>) => {
    const res = await call('POST', '/api/customers', { phone: '081234567890', planId: plans.p10, routerId, activatedOn: '2026-01-01', ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string };
  };

  beforeAll(async () => {
    router = await RouterStandIn.start({ username: 'simpul', password: 'router-pass' });
    for (const name of ['paket-10m', 'paket-20m', 'isolir']) router.model.add(Menu.pppProfile, { name });
    // Set up by hand before Simpul: a secret of the name a customer will get.
    router.model.add(Menu.pppSecret, { name: 'lama@net', password: 'dulu', profile: 'default', comment: 'dipasang manual' });
    app = await createTestApp(driver, { events: true });
    cookie = (await seedTenantWithOwner(app, `siklus-${apiKind}`)).ownerCookie;
    const port = apiKind === 'rest' ? router.restPort : router.apiPort;
    const added = await call('POST', '/api/routers', { name: 'Core', host: router.host, port, apiKind, username: 'simpul', password: 'router-pass' });
    expect(added.status).toBe(201);
    routerId = added.body.id;
    for (const [key, profile, price] of [
      ['p10', 'paket-10m', 150_000],
      ['p20', 'paket-20m', 250_000],
    ] as const) {
      const plan = await call('POST', '/api/plans', { name: profile, downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: price, routerProfile: profile });
      expect(plan.status).toBe(201);
      plans[key] = plan.body.id;
    }
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await router?.stop();
  });

  it('should create the PPP secret with the plan profile, move it on a plan change, disable it while suspended and remove it on termination', async () => {
    const dewi = await addCustomer({ name: 'Dewi', connectionType: 'pppoe', pppoeUsername: 'dewi@net', private: { pppoePassword: 'rahasia-dewi' } });
    await poll(() => secretsNamed('dewi@net').map((s) => `${s.profile}/${s.service}/${s.disabled}/${s.comment}/${s.password}`)).toEqual([
      `paket-10m/pppoe/false/simpul:${dewi.code}/rahasia-dewi`,
    ]);

    expect((await call('PATCH', `/api/customers/${dewi.id}`, { planId: plans.p20 })).status).toBe(200);
    await poll(() => secretsNamed('dewi@net')[0]?.profile).toBe('paket-20m');

    // Suspended (cuti): the secret stays but is disabled, and an open session is cut.
    router.model.dial('dewi@net', '10.60.0.7');
    const suspended = await call('POST', `/api/customers/${dewi.id}/suspend`);
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    await poll(() => secretsNamed('dewi@net')[0]?.disabled).toBe('true');
    await poll(() => router.model.activeSessions().filter((s) => s.name === 'dewi@net').length).toBe(0);
    expect((await call('POST', `/api/customers/${dewi.id}/suspend`)).body.error.code).toBe('CUSTOMER_STATUS_UNCHANGED');

    expect((await call('POST', `/api/customers/${dewi.id}/resume`)).body.status).toBe('active');
    await poll(() => secretsNamed('dewi@net')[0]?.disabled).toBe('false');

    // Terminated (berhenti): the secret is gone, and the customer can no longer be changed.
    expect((await call('POST', `/api/customers/${dewi.id}/terminate`)).body.status).toBe('terminated');
    await poll(() => secretsNamed('dewi@net').length).toBe(0);
    const change = await call('PATCH', `/api/customers/${dewi.id}`, { name: 'Dewi Lagi' });
    expect(change.status).toBe(409);
    expect(change.body.error.code).toBe('CUSTOMER_TERMINATED');
    expect((await call('POST', `/api/customers/${dewi.id}/resume`)).body.error.code).toBe('CUSTOMER_TERMINATED');
    // the sync row went with it: the line list no longer shows the customer
    await poll(async () => (await call('GET', '/api/network/lines?limit=1000')).body.some((l: { customerId: string }) => l.customerId === dewi.id)).toBe(false);
  });

  it('should adopt an existing secret of the same name (tagged, driven), never add a second one', async () => {
    const lama = await addCustomer({ name: 'Pak Lama', connectionType: 'pppoe', pppoeUsername: 'lama@net', private: { pppoePassword: 'baru-rahasia' } });
    await poll(() => secretsNamed('lama@net').map((s) => `${s.profile}/${s.comment}/${s.password}`)).toEqual([`paket-10m/simpul:${lama.code}/baru-rahasia`]);
    expect(secretsNamed('lama@net')).toHaveLength(1);
  });

  it('should move the secret when the PPPoE username changes, and remove it when the line stops being PPPoE', async () => {
    const gita = await addCustomer({ name: 'Gita', connectionType: 'pppoe', pppoeUsername: 'gita@net', private: { pppoePassword: 'rahasia-gita' } });
    await poll(() => secretsNamed('gita@net').length).toBe(1);
    expect((await call('PATCH', `/api/customers/${gita.id}`, { pppoeUsername: 'gita2@net' })).status).toBe(200);
    await poll(() => `${secretsNamed('gita@net').length}/${secretsNamed('gita2@net')[0]?.comment}`).toBe(`0/simpul:${gita.code}`);
    expect((await call('PATCH', `/api/customers/${gita.id}`, { connectionType: 'static', ipAddress: '10.70.0.30', pppoeUsername: null })).status).toBe(200);
    await poll(() => secretsNamed('gita2@net').length).toBe(0);
  });

  it('should bind a DHCP customer with a known MAC by a static lease, and drop the lease on termination', async () => {
    const leases = () => router.model.print(Menu.dhcpLease, { query: ['address=10.70.0.9'] });
    const eka = await addCustomer({ name: 'Eka', connectionType: 'dhcp', ipAddress: '10.70.0.9', macAddress: 'aa:bb:cc:00:11:22' });
    await poll(() => leases().map((l) => `${l['mac-address']}/${l.comment}`)).toEqual([`AA:BB:CC:00:11:22/simpul:${eka.code}`]);
    expect((await call('PATCH', `/api/customers/${eka.id}`, { macAddress: 'AA:BB:CC:00:11:33' })).status).toBe(200);
    await poll(() => leases().map((l) => l['mac-address'])).toEqual(['AA:BB:CC:00:11:33']);
    expect((await call('POST', `/api/customers/${eka.id}/terminate`)).status).toBe(200);
    await poll(() => leases().length).toBe(0);
  });

  it('should not bill a suspended customer: no invoice while suspended, issued again after resuming', async () => {
    const fajar = await addCustomer({ name: 'Fajar', connectionType: 'static', ipAddress: '10.70.0.20' });
    expect((await call('POST', `/api/customers/${fajar.id}/suspend`)).status).toBe(200);
    const preview = await call('POST', '/api/billing/invoices/generate/preview', { period: '2026-03-01' });
    expect(preview.status).toBe(200);
    expect(preview.body.invoices.map((i: { customerId: string }) => i.customerId)).not.toContain(fajar.id);
    await call('POST', '/api/billing/invoices/generate', { period: '2026-03-01' });
    expect((await call('GET', `/api/invoices?customerId=${fajar.id}`)).body.total).toBe(0);
    expect((await call('POST', `/api/customers/${fajar.id}/resume`)).status).toBe(200);
    await call('POST', '/api/billing/invoices/generate', { period: '2026-03-01' });
    expect((await call('GET', `/api/invoices?customerId=${fajar.id}`)).body.total).toBe(1);
  });
});
