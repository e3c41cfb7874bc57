import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';

describe.each(drivers)('changing service plans on %s', (driver) => {
  let app: TestApp;
  let cookie: string;
  let basic: { id: string; name: string };

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const plan = (name: string) => ({ name, downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'paket-10m' });

  beforeAll(async () => {
    app = await createTestApp(driver);
    cookie = (await seedTenantWithOwner(app, 'paket')).ownerCookie;
    basic = (await call('POST', '/api/plans', plan('Rumahan 10'))).body;
    expect((await call('POST', '/api/plans', plan('Bisnis 50'))).status).toBe(201);
  });
  afterAll(() => app?.stop());

  it('should refuse an empty PATCH with 400 NOTHING_TO_UPDATE', async () => {
    const res = await call('PATCH', `/api/plans/${basic.id}`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('NOTHING_TO_UPDATE');
  });

  it('should answer a new plan or a rename onto a taken name with 409 naming the field, and keep the old name', async () => {
    for (const res of [await call('POST', '/api/plans', plan('Bisnis 50')), await call('PATCH', `/api/plans/${basic.id}`, { name: 'Bisnis 50' })]) {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'ALREADY_EXISTS', details: { fields: [{ field: 'name', problem: 'taken' }] } });
    }
    const plans = (await call('GET', '/api/plans')).body as { name: string }[];
    expect(plans.map((p) => p.name).sort()).toEqual(['Bisnis 50', 'Rumahan 10']);
  });

  it('should still save a real change', async () => {
    const res = await call('PATCH', `/api/plans/${basic.id}`, { monthlyPrice: 110_000 });
    expect(res.status).toBe(200);
    expect(res.body.monthlyPrice).toBe(110_000);
  });
});
