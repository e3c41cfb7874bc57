import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, drivers, loginCookie, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';

describe.each(drivers)('identity over HTTP on %s', (driver) => {
  let app: TestApp;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;

  beforeAll(async () => {
    app = await createTestApp(driver);
    tenant = await seedTenantWithOwner(app, 'jaring');
  });
  afterAll(() => app?.stop());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: unknown) =>
    app.http.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

  it('should log the owner in and show their tenant, roles and permissions', async () => {
    const res = await call('GET', '/api/me', tenant.ownerCookie);
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.activeTenantId).toBe(tenant.tenantId);
    expect(me.roles).toEqual(['owner']);
    expect(me.permissions).toContain('staff.manage');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('should let a person with two roles use both, and nothing else', async () => {
    const { userId, cookie: budi } = await addStaff(app, tenant.ownerCookie, {
      email: 'budi@jaring.test',
      name: 'Budi Santoso',
      roles: ['technician', 'collector'],
      password: 'lapangan-123',
    });
    const me = (await call('GET', '/api/me', budi)).json();
    expect(me.roles.sort()).toEqual(['collector', 'technician']);
    expect(me.permissions).toEqual(expect.arrayContaining(['collections.collect', 'fieldwork.log']));
    expect(me.permissions).not.toContain('payments.record');
    const staff = await call('GET', '/api/staff', budi);
    expect(staff.statusCode).toBe(403);
    expect(staff.json().error.code).toBe('FORBIDDEN');

    // Made admin as well, Budi may now manage staff while still a technician and collector.
    const promote = await call('PATCH', `/api/staff/${userId}`, tenant.ownerCookie, { roles: ['technician', 'collector', 'admin'] });
    expect(promote.statusCode).toBe(200);
    expect((await call('GET', '/api/staff', budi)).statusCode).toBe(200);
    const after = (await call('GET', '/api/me', budi)).json();
    expect(after.permissions).toEqual(expect.arrayContaining(['collections.collect', 'fieldwork.log', 'staff.manage']));
  });

  it('should sign out other sessions when the password changes', async () => {
    const { cookie: phone } = await addStaff(app, tenant.ownerCookie, { email: 'sari@jaring.test', name: 'Sari', roles: ['finance'], password: 'keuangan-123' });
    const laptop = await loginCookie(app, 'sari@jaring.test', 'keuangan-123');
    const changed = await call('POST', '/api/me/password', laptop, { currentPassword: 'keuangan-123', newPassword: 'keuangan-baru-456' });
    expect(changed.statusCode).toBe(200);
    expect((await call('GET', '/api/me', laptop)).statusCode).toBe(200);
    expect((await call('GET', '/api/me', phone)).statusCode).toBe(401);
    const logout = await call('POST', '/api/auth/logout', laptop);
    expect(logout.statusCode).toBe(200);
    expect((await call('GET', '/api/me', laptop)).statusCode).toBe(401);
  });

  it('should authenticate an API token bound to its tenant and its roles, until revoked', async () => {
    const created = await call('POST', '/api/tokens', tenant.ownerCookie, { name: 'mikrotik script', roles: ['owner'] });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    const staff = await app.http.inject({ method: 'GET', url: '/api/staff', headers: bearer });
    expect(staff.statusCode).toBe(200);
    const listed = (await call('GET', '/api/tokens', tenant.ownerCookie)).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await call('DELETE', `/api/tokens/${id}`, tenant.ownerCookie)).statusCode).toBe(200);
    expect((await app.http.inject({ method: 'GET', url: '/api/staff', headers: bearer })).statusCode).toBe(401);
  });

  it('should not let the only owner demote themselves', async () => {
    const { cookie: adiCookie } = await addStaff(app, tenant.ownerCookie, { email: 'adi@jaring.test', name: 'Adi', roles: ['admin'], password: 'admin-12345' });
    const me = (await call('GET', '/api/me', tenant.ownerCookie)).json();
    const demote = await call('PATCH', `/api/staff/${me.user.id}`, tenant.ownerCookie, { roles: ['admin'] });
    expect(demote.statusCode).toBe(403);
    expect((await call('GET', '/api/me', tenant.ownerCookie)).json().roles).toEqual(['owner']);
    expect((await call('GET', '/api/staff', adiCookie)).statusCode).toBe(200);
  });

  it('should keep one tenant’s staff out of another tenant', async () => {
    const other = await seedTenantWithOwner(app, 'lintas', 'WIT');
    const staff = (await call('GET', '/api/staff', other.ownerCookie)).json();
    expect(staff.map((s: { email: string }) => s.email)).toEqual(['owner@lintas.test']);
    const jaringStaff = (await call('GET', '/api/staff', tenant.ownerCookie)).json();
    const someone = jaringStaff.find((s: { email: string }) => s.email === 'adi@jaring.test');
    const cross = await call('PATCH', `/api/staff/${someone.userId}`, other.ownerCookie, { status: 'disabled' });
    expect(cross.statusCode).toBe(404);
    const tenants = (await call('GET', '/api/platform/tenants', other.rootCookie)).json();
    expect(tenants.map((t: { slug: string; timeZone: string }) => [t.slug, t.timeZone])).toEqual([
      ['jaring', 'Asia/Jakarta'],
      ['lintas', 'Asia/Jayapura'],
    ]);
    expect((await call('GET', '/api/platform/tenants', tenant.ownerCookie)).statusCode).toBe(403);
  });

  it('should let a person in two tenants switch between them', async () => {
    const third = await seedTenantWithOwner(app, 'citra');
    const budi = await loginCookie(app, 'budi@jaring.test', 'lapangan-123');
    await addStaff(app, third.ownerCookie, { email: 'budi@jaring.test', name: 'Budi', roles: ['technician'], password: 'unused', cookie: budi });
    const me = (await call('GET', '/api/me', budi)).json();
    expect(me.tenants.map((t: { slug: string }) => t.slug).sort()).toEqual(['citra', 'jaring']);
    const switched = await call('POST', '/api/me/tenant', budi, { tenantId: third.tenantId });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().roles).toEqual(['technician']);
    expect((await call('GET', '/api/tenant', budi)).json().slug).toBe('citra');
    // In citra, Budi's staff list is citra's alone, not his jaring membership as well.
    const inCitra = await addStaff(app, third.ownerCookie, { email: 'citra-admin@citra.test', name: 'Cici', roles: ['admin'], password: 'citra-admin-123' });
    await call('POST', '/api/me/tenant', inCitra.cookie, { tenantId: third.tenantId });
    const jaringMe = (await call('GET', '/api/me', budi)).json();
    await call('POST', '/api/me/tenant', budi, { tenantId: tenant.tenantId });
    const citraStaff = (await call('GET', '/api/staff', inCitra.cookie)).json();
    expect(citraStaff.filter((s: { userId: string }) => s.userId === jaringMe.user.id)).toEqual([expect.objectContaining({ roles: ['technician'] })]);
  });
});
