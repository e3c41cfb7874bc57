import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../composition-root.ts';
import { createSecretBox } from '../../platform/crypto/secret-box.ts';
import { ACCESS_CACHE_MAX_AGE_MS } from '../../platform/db/access-cache.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { hashToken } from './secrets.ts';
import { addStaff, createTestApp, drivers, loginCookie, seedTenantWithOwner, testConfig, type TestApp } from '../../../test/harness.ts';

/**
 * Authentication is cached per process (issue 20): every change to who may do what takes effect
 * on the very next request, whichever way it was made (an API call, or a write straight to the
 * database as another process or an operator would make it).
 */
describe.each(drivers)('the next request after an access change, on %s', (driver) => {
  let app: TestApp;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    app.http.inject({ method, url, headers, payload });
  const asCookie = (cookie: string) => ({ cookie });
  const asToken = (token: string) => ({ authorization: `Bearer ${token}` });
  const sessionHash = (cookie: string) => hashToken(cookie.slice(cookie.indexOf('=') + 1));
  let n = 0;
  const newStaff = (roles: string[]) => addStaff(app, tenant.ownerCookie, { email: `staf${++n}@cache.test`, name: `Staf ${n}`, roles, password: 'staf-rahasia-2026' });

  beforeAll(async () => {
    app = await createTestApp(driver);
    tenant = await seedTenantWithOwner(app, 'cache');
  });
  afterAll(() => app?.stop());

  it('should refuse a session logged out, or deleted in the database, on its next request', async () => {
    const cookie = await loginCookie(app, tenant.owner.email, tenant.owner.password);
    expect((await call('GET', '/api/me', asCookie(cookie))).statusCode).toBe(200);
    expect((await call('POST', '/api/auth/logout', asCookie(cookie))).statusCode).toBe(200);
    expect((await call('GET', '/api/me', asCookie(cookie))).statusCode).toBe(401);

    const other = await loginCookie(app, tenant.owner.email, tenant.owner.password);
    expect((await call('GET', '/api/customers', asCookie(other))).statusCode).toBe(200);
    await sql`delete from identity_sessions where token_hash = ${sessionHash(other)}`.execute(app.db.owner);
    expect((await call('GET', '/api/customers', asCookie(other))).statusCode).toBe(401);
  });

  it('should refuse a removed role with 403 and a disabled staff member with no tenant, on the next request', async () => {
    const staff = await newStaff(['admin', 'finance']);
    expect((await call('GET', '/api/staff', asCookie(staff.cookie))).statusCode).toBe(200);
    expect((await call('PATCH', `/api/staff/${staff.userId}`, asCookie(tenant.ownerCookie), { roles: ['finance'] })).statusCode).toBe(200);
    const refused = await call('GET', '/api/staff', asCookie(staff.cookie));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');

    expect((await call('PATCH', `/api/staff/${staff.userId}`, asCookie(tenant.ownerCookie), { status: 'disabled' })).statusCode).toBe(200);
    expect((await call('GET', '/api/customers', asCookie(staff.cookie))).json().error.code).toBe('TENANT_REQUIRED');
  });

  it('should refuse a disabled account and every session of it, on the next request', async () => {
    const staff = await newStaff(['technician']);
    expect((await call('GET', '/api/customers', asCookie(staff.cookie))).statusCode).toBe(200);
    await sql`update identity_users set status = 'disabled' where id = ${staff.userId}`.execute(app.db.owner);
    expect((await call('GET', '/api/customers', asCookie(staff.cookie))).statusCode).toBe(401);
  });

  it('should sign out the other sessions on a password change, on their next request', async () => {
    const staff = await newStaff(['technician']);
    const laptop = await loginCookie(app, `staf${n}@cache.test`, 'staf-rahasia-2026');
    expect((await call('GET', '/api/me', asCookie(laptop))).statusCode).toBe(200);
    const changed = await call('POST', '/api/me/password', asCookie(staff.cookie), { currentPassword: 'staf-rahasia-2026', newPassword: 'kata-sandi-baru-2026' });
    expect(changed.statusCode).toBe(200);
    expect((await call('GET', '/api/me', asCookie(laptop))).statusCode).toBe(401);
    expect((await call('GET', '/api/me', asCookie(staff.cookie))).statusCode).toBe(200);
  });

  it('should refuse a revoked API token with 401, and narrow a token to its creator’s current roles', async () => {
    const admin = await newStaff(['admin']);
    const created = await call('POST', '/api/tokens', asCookie(admin.cookie), { name: 'integrasi', roles: ['admin'] });
    const { id, token } = created.json();
    expect((await call('GET', '/api/staff', asToken(token))).statusCode).toBe(200);
    // The creator loses admin: the token, which never exceeds them, loses it on its next request.
    expect((await call('PATCH', `/api/staff/${admin.userId}`, asCookie(tenant.ownerCookie), { roles: ['technician'] })).statusCode).toBe(200);
    expect((await call('GET', '/api/staff', asToken(token))).statusCode).toBe(403);
    expect((await call('PATCH', `/api/staff/${admin.userId}`, asCookie(tenant.ownerCookie), { roles: ['admin'] })).statusCode).toBe(200);
    expect((await call('GET', '/api/staff', asToken(token))).statusCode).toBe(200);
    expect((await call('DELETE', `/api/tokens/${id}`, asCookie(tenant.ownerCookie))).statusCode).toBe(200);
    expect((await call('GET', '/api/staff', asToken(token))).statusCode).toBe(401);
  });

  it('should refuse every API token of a tenant whose api_tokens feature is switched off, and take them again once it is back on', async () => {
    const created = await call('POST', '/api/tokens', asCookie(tenant.ownerCookie), { name: 'kasir', roles: ['owner'] });
    expect(created.statusCode).toBe(201);
    const { token } = created.json();
    expect((await call('GET', '/api/customers', asToken(token))).statusCode).toBe(200);
    const off = await call('POST', `/api/platform/tenants/${tenant.tenantId}/overrides`, asCookie(tenant.rootCookie), {
      feature: 'api_tokens', enabled: false, reason: 'tunggakan langganan', endsAt: new Date(app.clock.now().getTime() + 86_400_000).toISOString(),
    });
    expect(off.statusCode).toBe(201);
    // Every route, not only the token pages: the token no longer authenticates anything, before its input is looked at.
    for (const [method, url, payload] of [['GET', '/api/customers'], ['GET', '/api/me'], ['POST', '/api/customers', { nonsense: true }]] as const) {
      const refused = await call(method, url, asToken(token), payload);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error, url).toMatchObject({ code: 'FEATURE_DISABLED', message: expect.stringContaining('api_tokens'), details: { feature: 'api_tokens' } });
    }
    // The owner's session keeps working; only the tokens stop.
    expect((await call('GET', '/api/customers', asCookie(tenant.ownerCookie))).statusCode).toBe(200);
    expect((await call('DELETE', `/api/platform/tenants/${tenant.tenantId}/overrides/${off.json().id}`, asCookie(tenant.rootCookie))).statusCode).toBe(200);
    expect((await call('GET', '/api/customers', asToken(token))).statusCode).toBe(200);
  });

  it('should show a changed name, a renamed tenant and a new membership on the next /api/me, however they were written', async () => {
    const me = async () => (await call('GET', '/api/me', asCookie(tenant.ownerCookie))).json();
    expect((await me()).user.name).toBe(tenant.owner.name);
    await sql`update identity_users set name = 'Pemilik Baru', phone = '+6281234567890' where email = ${tenant.owner.email}`.execute(app.db.owner);
    expect((await me()).user).toMatchObject({ name: 'Pemilik Baru', phone: '+6281234567890' });
    await sql`update tenants set name = 'Net Ganti Nama', time_zone = 'Asia/Makassar' where id = ${tenant.tenantId}`.execute(app.db.owner);
    expect((await me()).tenants).toEqual([expect.objectContaining({ id: tenant.tenantId, name: 'Net Ganti Nama', timeZone: 'Asia/Makassar' })]);
    const other = await seedTenantWithOwner(app, 'cache-tiga');
    await addStaff(app, other.ownerCookie, { email: tenant.owner.email, name: tenant.owner.name, roles: ['technician'], password: '', cookie: tenant.ownerCookie });
    expect((await me()).tenants.map((t: { id: string }) => t.id)).toEqual([tenant.tenantId, other.tenantId]);
  });

  it('should drop a suspended tenant from a session on its next request', async () => {
    const other = await seedTenantWithOwner(app, 'cache-dua');
    expect((await call('GET', '/api/customers', asCookie(other.ownerCookie))).statusCode).toBe(200);
    await sql`update tenants set status = 'suspended' where id = ${other.tenantId}`.execute(app.db.owner);
    expect((await call('GET', '/api/customers', asCookie(other.ownerCookie))).json().error.code).toBe('TENANT_REQUIRED');
  });

  it('should end an impersonation on its next request when ended, and when its time is up', async () => {
    const start = () => call('POST', '/api/platform/impersonations', asCookie(tenant.rootCookie), { tenantId: tenant.tenantId, reason: 'cek tagihan ganda', minutes: 5 });
    expect((await start()).statusCode).toBe(201);
    expect((await call('GET', '/api/me', asCookie(tenant.rootCookie))).json()).toMatchObject({ activeTenantId: tenant.tenantId, roles: ['admin'] });
    expect((await call('POST', '/api/platform/impersonations/end', asCookie(tenant.rootCookie))).statusCode).toBe(200);
    expect((await call('GET', '/api/me', asCookie(tenant.rootCookie))).json()).toMatchObject({ activeTenantId: null, roles: [] });

    expect((await start()).statusCode).toBe(201);
    expect((await call('GET', '/api/customers', asCookie(tenant.rootCookie))).statusCode).toBe(200);
    app.clock.advance(5 * 60_000);
    expect((await call('GET', '/api/customers', asCookie(tenant.rootCookie))).json().error.code).toBe('TENANT_REQUIRED');
  });

  it('should write a session’s "last seen" at most once a minute, not on every request', async () => {
    const cookie = await loginCookie(app, tenant.owner.email, tenant.owner.password);
    const lastSeen = async () =>
      new Date((await sql<{ at: Date }>`select last_seen_at as at from identity_sessions where token_hash = ${sessionHash(cookie)}`.execute(app.db.owner)).rows[0].at).getTime();
    const loggedIn = app.clock.now().getTime();
    for (const seconds of [0, 20, 40, 59]) {
      app.clock.set(new Date(loggedIn + seconds * 1000));
      expect((await call('GET', '/api/me', asCookie(cookie))).statusCode).toBe(200);
    }
    expect(await lastSeen()).toBe(loggedIn);
    // Past the minute, the next resolution writes it: at the latest once the cached one (from 59 s) ages out.
    const due = loggedIn + 59_000 + ACCESS_CACHE_MAX_AGE_MS;
    app.clock.set(new Date(due));
    expect((await call('GET', '/api/me', asCookie(cookie))).statusCode).toBe(200);
    expect(await lastSeen()).toBe(due);
  });
});

/** The server shape runs several API processes on one database: a change made through one reaches the others' caches by NOTIFY. */
describe('a second API process on the same PostgreSQL database', () => {
  it('should refuse a session logged out through the first process, and a role removed there', async () => {
    const first = await createTestApp('postgres');
    const db = await openDatabase({ driver: 'postgres', url: first.db.url!, poolSize: 2 });
    // The same frozen clock: nothing in the second process's cache ages out, only the signal empties it.
    const second = await createApp({
      db,
      clock: first.clock,
      logger: createLogger({ level: 'silent' }),
      secrets: createSecretBox(randomBytes(32)),
      config: { ...testConfig, events: { transport: 'postgres', redisUrl: undefined, redisKeyPrefix: 'simpul-test', databaseUrl: first.db.url } },
    });
    try {
      const tenant = await seedTenantWithOwner(first, 'dua-proses');
      const staff = await addStaff(first, tenant.ownerCookie, { email: 'admin@dua-proses.test', name: 'Admin', roles: ['admin'], password: 'staf-rahasia-2026' });
      const onSecond = (url: string, cookie: string) => second.http.inject({ method: 'GET', url, headers: { cookie } }).then((r) => r.statusCode);
      expect(await onSecond('/api/staff', staff.cookie)).toBe(200);
      expect(await onSecond('/api/me', tenant.ownerCookie)).toBe(200);

      await first.http.inject({ method: 'PATCH', url: `/api/staff/${staff.userId}`, headers: { cookie: tenant.ownerCookie }, payload: { roles: ['technician'] } });
      await expect.poll(() => onSecond('/api/staff', staff.cookie)).toBe(403);
      await first.http.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: tenant.ownerCookie } });
      await expect.poll(() => onSecond('/api/me', tenant.ownerCookie)).toBe(401);
    } finally {
      await second.close();
      await db.close();
      await first.stop();
    }
  });
});
