import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

// Finding 9 of issue 10: a customer accepted another tenant's routerId, and its line then drove
// passes on that tenant's router.
describe.each(drivers)('a reference into another tenant, through the API, on %s', (driver) => {
  let app: TestApp;
  let mine: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  let neighbour: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  let neighbourRouterId: string;
  let planId: string;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.http.inject({ method, url, headers: { cookie }, payload });
  const customer = { name: 'Sari', phone: '081211112222', connectionType: 'dhcp', ipAddress: '10.1.1.2', activatedOn: '2026-11-01' };

  beforeAll(async () => {
    app = await createTestApp(driver);
    mine = await seedTenantWithOwner(app, 'jaring-saya');
    neighbour = await seedTenantWithOwner(app, 'jaring-tetangga');
    const router = await call(neighbour.ownerCookie, 'POST', '/api/routers', { name: 'Core', host: '10.0.0.1', apiKind: 'rest', username: 'admin', password: 'rahasia' });
    neighbourRouterId = router.json().id;
    planId = (await call(mine.ownerCookie, 'POST', '/api/plans', { name: 'Hemat', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'hemat' })).json().id;
  });
  afterAll(() => app?.stop());

  it('should refuse a customer on another tenant’s router, naming the field, and create nothing', async () => {
    const res = await call(mine.ownerCookie, 'POST', '/api/customers', { ...customer, planId, routerId: neighbourRouterId });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', details: { fields: [{ field: 'routerId', problem: 'not_found' }] } });
    expect((await call(mine.ownerCookie, 'GET', '/api/customers')).json().total).toBe(0);
    expect((await call(neighbour.ownerCookie, 'GET', '/api/routers')).json()[0].lines).toEqual({ pending: 0, inSync: 0, failed: 0 });
  });

  it('should refuse moving a customer onto another tenant’s router and keep the customer as it was', async () => {
    const created = (await call(mine.ownerCookie, 'POST', '/api/customers', { ...customer, planId })).json();
    const res = await call(mine.ownerCookie, 'PATCH', `/api/customers/${created.id}`, { routerId: neighbourRouterId });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toEqual({ fields: [{ field: 'routerId', problem: 'not_found' }] });
    expect((await call(mine.ownerCookie, 'GET', `/api/customers/${created.id}`)).json().routerId).toBeNull();
  });
});
