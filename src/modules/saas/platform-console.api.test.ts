import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';

/** What the super admin's console needs beyond the catalog: editing an add-on, every tenant's domains, suspend and resume. */
describe.each(drivers)('the super admin console endpoints on %s', (driver) => {
  let app: TestApp;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, cookie = tenant.rootCookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };

  beforeAll(async () => {
    app = await createTestApp(driver, { resolveTxt: async () => [] });
    tenant = await seedTenantWithOwner(app, 'konsol-net');
  });
  afterAll(() => app?.stop());

  it('should rename, reprice and take an add-on off sale, refusing a zero price without changing it', async () => {
    const created = await call('POST', '/api/platform/saas/addons', { code: 'plus100', name: '+100 pelanggan', price: 50_000, limitName: 'customers', amount: 100 });
    expect(created.status).toBe(201);
    const refused = await call('PATCH', `/api/platform/saas/addons/${created.body.id}`, { price: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields).toEqual([expect.objectContaining({ field: 'body.price' })]);
    const changed = await call('PATCH', `/api/platform/saas/addons/${created.body.id}`, { name: '+100 pelanggan (promo)', price: 40_000, active: false });
    expect(changed.body).toMatchObject({ name: '+100 pelanggan (promo)', price: 40_000, active: false, limitName: 'customers', amount: 100 });
    const onSale = await call('GET', '/api/saas/addons', undefined, tenant.ownerCookie);
    expect(onSale.body.map((a: { code: string }) => a.code)).not.toContain('plus100');
    expect((await call('PATCH', `/api/platform/saas/addons/${created.body.id}`, { price: 1 }, tenant.ownerCookie)).status).toBe(403);
  });

  it('should name the missing input of an add-on or an override (a limit needs its amount) and create nothing', async () => {
    const addon = await call('POST', '/api/platform/saas/addons', { code: 'plus5', name: '+5 router', price: 20_000, limitName: 'routers' });
    expect(addon.body.error.details.fields).toEqual([{ field: 'body.amount', problem: 'required' }]);
    const both = await call('POST', '/api/platform/saas/addons', { code: 'plus5', name: '+5 router', price: 20_000, limitName: 'routers', amount: 5, feature: 'radius' });
    expect(both.body.error.details.fields).toEqual([{ field: 'body.feature', problem: 'either a limit or a feature, not both' }]);
    expect((await call('GET', '/api/platform/saas/addons')).body.map((a: { code: string }) => a.code)).not.toContain('plus5');
    const override = await call('POST', `/api/platform/tenants/${tenant.tenantId}/overrides`, { feature: 'radius', reason: 'uji coba', endsAt: '2030-01-01' });
    expect(override.body.error.details.fields).toEqual([{ field: 'body.enabled', problem: 'required' }]);
    expect((await call('GET', `/api/platform/tenants/${tenant.tenantId}/overrides`)).body).toEqual([]);
  });

  it('should list every tenant’s custom domains without their verification token', async () => {
    const added = await call('POST', '/api/saas/domains', { host: 'net.konsol.id' }, tenant.ownerCookie);
    expect(added.status).toBe(201);
    const all = await call('GET', '/api/platform/saas/domains');
    expect(all.body).toEqual([expect.objectContaining({ tenantId: tenant.tenantId, host: 'net.konsol.id', verified: false })]);
    expect(all.body[0]).not.toHaveProperty('txtRecord');
  });

  it('should refuse switching a feature off for every tenant without a reason, and keep it on', async () => {
    const refused = await call('PUT', '/api/platform/features/ftth_maps', { enabled: false });
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'reason', problem: 'required' }] } });
    expect((await call('GET', '/api/platform/features')).body).toEqual([]);
    expect((await call('PUT', '/api/platform/features/ftth_maps', { enabled: false, reason: 'Peta sedang diperbaiki' })).status).toBe(200);
    expect((await call('GET', '/api/platform/features')).body).toEqual([expect.objectContaining({ feature: 'ftth_maps', enabled: false, reason: 'Peta sedang diperbaiki' })]);
    expect((await call('PUT', '/api/platform/features/ftth_maps', { enabled: true })).status).toBe(200);
  });

  it('should suspend a tenant with a reason (its owner loses the console) and resume it', async () => {
    expect((await call('PUT', `/api/platform/tenants/${tenant.tenantId}/status`, { status: 'suspended', reason: '' })).status).toBe(400);
    expect((await call('GET', '/api/customers', undefined, tenant.ownerCookie)).status).toBe(200);
    const suspended = await call('PUT', `/api/platform/tenants/${tenant.tenantId}/status`, { status: 'suspended', reason: 'Permintaan pemilik' });
    expect(suspended.body).toMatchObject({ id: tenant.tenantId, status: 'suspended' });
    expect((await call('GET', '/api/customers', undefined, tenant.ownerCookie)).status).not.toBe(200);
    const resumed = await call('PUT', `/api/platform/tenants/${tenant.tenantId}/status`, { status: 'active', reason: 'Sudah dibayar' });
    expect(resumed.body.status).toBe('active');
    expect((await call('PUT', `/api/platform/tenants/${tenant.tenantId}/status`, { status: 'active', reason: 'coba' }, tenant.ownerCookie)).status).toBe(403);
  });
});
