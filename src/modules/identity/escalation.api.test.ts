import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';

/** Issue 10 findings 1, 2 and 6: nobody climbs above the roles they were given, and tokens follow their creator. */
describe.each(drivers)('privilege escalation on %s', (driver) => {
  let app: TestApp;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  let ownerId: string;
  let admin: { userId: string; cookie: string };
  let secondOwner: { userId: string; cookie: string };
  let finance: { userId: string; cookie: string };

  type Caller = { cookie: string } | { token: string };
  const call = (who: Caller, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.http.inject({
      method,
      url,
      headers: 'cookie' in who ? { cookie: who.cookie } : { authorization: `Bearer ${who.token}` },
      ...(payload ? { payload } : {}),
    });
  const staff = async () =>
    Object.fromEntries(
      ((await call({ cookie: tenant.ownerCookie }, 'GET', '/api/staff')).json() as { userId: string; roles: string[]; status: string }[]).map((s) => [
        s.userId,
        `${[...s.roles].sort().join('+')}:${s.status}`,
      ]),
    );

  beforeAll(async () => {
    app = await createTestApp(driver);
    tenant = await seedTenantWithOwner(app, 'sleman');
    ownerId = (await call({ cookie: tenant.ownerCookie }, 'GET', '/api/me')).json().user.id;
    admin = await addStaff(app, tenant.ownerCookie, { email: 'admin@sleman.test', name: 'Adi', roles: ['admin'], password: 'admin-rahasia-1' });
    secondOwner = await addStaff(app, tenant.ownerCookie, { email: 'owner2@sleman.test', name: 'Oki', roles: ['owner'], password: 'owner-rahasia-2' });
    finance = await addStaff(app, tenant.ownerCookie, { email: 'fina@sleman.test', name: 'Fina', roles: ['finance'], password: 'fina-rahasia-12' });
  });
  afterAll(() => app?.stop());

  it('should refuse every step of the admin-to-owner chain (finding 1)', async () => {
    const before = await staff();
    const self = { cookie: admin.cookie };
    // 1. An admin widens their own roles.
    const widen = await call(self, 'PATCH', `/api/staff/${admin.userId}`, { roles: ['admin', 'finance'] });
    expect(widen.statusCode).toBe(403);
    // 2. An owner token: an admin's permissions cover an owner's almost entirely, their roles don't.
    const ownerToken = await call(self, 'POST', '/api/tokens', { name: 'escalate', roles: ['owner'] });
    expect(ownerToken.statusCode).toBe(403);
    expect(ownerToken.json().error.code).toBe('FORBIDDEN');
    expect((await call(self, 'POST', '/api/tokens', { name: 'escalate', roles: ['admin', 'finance'] })).statusCode).toBe(403);
    // 3. A token of their own roles is fine, but it cannot mint another token.
    const adminToken = await call(self, 'POST', '/api/tokens', { name: 'integration', roles: ['admin'] });
    expect(adminToken.statusCode).toBe(201);
    const token = { token: adminToken.json().token as string };
    expect((await call(token, 'POST', '/api/tokens', { name: 'child', roles: ['admin'] })).statusCode).toBe(403);
    // 4. With the token, owner for themselves.
    expect((await call(token, 'PATCH', `/api/staff/${admin.userId}`, { roles: ['admin', 'owner'] })).statusCode).toBe(403);
    // 5. Demote or disable the real owner, by session or token.
    for (const who of [self, token]) {
      expect((await call(who, 'PATCH', `/api/staff/${ownerId}`, { roles: ['admin'] })).statusCode).toBe(403);
      expect((await call(who, 'PATCH', `/api/staff/${ownerId}`, { status: 'disabled' })).statusCode).toBe(403);
      expect((await call(who, 'PATCH', `/api/staff/${finance.userId}`, { roles: ['finance', 'owner'] })).statusCode).toBe(403);
    }
    expect(await staff()).toEqual(before);
    expect((await call({ cookie: tenant.ownerCookie }, 'GET', '/api/audit?limit=100')).json().filter((e: { action: string }) => e.action === 'staff.changed')).toEqual([]);
  });

  it('should let an admin disable neither of two owners, while an owner may (finding 6)', async () => {
    expect((await call({ cookie: admin.cookie }, 'PATCH', `/api/staff/${secondOwner.userId}`, { status: 'disabled' })).statusCode).toBe(403);
    expect((await staff())[secondOwner.userId]).toBe('owner:active');
    // Admins still run the rest of the staff.
    expect((await call({ cookie: admin.cookie }, 'PATCH', `/api/staff/${finance.userId}`, { roles: ['finance', 'collector'] })).statusCode).toBe(200);
    // Nobody disables themselves, not even an owner; another owner may.
    expect((await call({ cookie: secondOwner.cookie }, 'PATCH', `/api/staff/${secondOwner.userId}`, { status: 'disabled' })).statusCode).toBe(403);
    expect((await call({ cookie: tenant.ownerCookie }, 'PATCH', `/api/staff/${secondOwner.userId}`, { status: 'disabled' })).statusCode).toBe(200);
    // The disabled owner's session no longer reaches the tenant, so they cannot strike back.
    const back = await call({ cookie: secondOwner.cookie }, 'PATCH', `/api/staff/${ownerId}`, { status: 'disabled' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.code).toBe('TENANT_REQUIRED');
    expect((await staff())[ownerId]).toBe('owner:active');
  });

  it('should make a token act with its creator’s current roles, and stop when the creator is disabled (finding 2)', async () => {
    const dual = await addStaff(app, tenant.ownerCookie, { email: 'dua@sleman.test', name: 'Dua', roles: ['admin', 'finance'], password: 'dua-peran-rahasia' });
    const created = await call({ cookie: dual.cookie }, 'POST', '/api/tokens', { name: 'accounting sync', roles: ['admin', 'finance'] });
    const token = { token: created.json().token as string };
    expect((await call(token, 'GET', '/api/staff')).statusCode).toBe(200);
    expect((await call(token, 'GET', '/api/invoices')).statusCode).toBe(200);

    // Demoted to finance: the token keeps only what the person still holds.
    expect((await call({ cookie: tenant.ownerCookie }, 'PATCH', `/api/staff/${dual.userId}`, { roles: ['finance'] })).statusCode).toBe(200);
    expect((await call(token, 'GET', '/api/staff')).statusCode).toBe(403);
    expect((await call(token, 'GET', '/api/invoices')).statusCode).toBe(200);
    // Demoted to collector: nothing of the token's roles is left.
    expect((await call({ cookie: tenant.ownerCookie }, 'PATCH', `/api/staff/${dual.userId}`, { roles: ['collector'] })).statusCode).toBe(200);
    expect((await call(token, 'GET', '/api/invoices')).statusCode).toBe(403);

    // Disabled: refused at once, so it cannot add staff either.
    expect((await call({ cookie: tenant.ownerCookie }, 'PATCH', `/api/staff/${dual.userId}`, { roles: ['admin', 'finance'], status: 'disabled' })).statusCode).toBe(200);
    expect((await call(token, 'GET', '/api/invoices')).statusCode).toBe(401);
    const invite = await call(token, 'POST', '/api/staff', { email: 'new-admin@sleman.test', name: 'New', roles: ['admin'] });
    expect(invite.statusCode).toBe(401);
    expect((await call({ cookie: tenant.ownerCookie }, 'GET', '/api/staff/invitations')).json()).toEqual([]);
  });

  it('should offer to revoke a person’s tokens when they change their password', async () => {
    const keep = (await call({ cookie: tenant.ownerCookie }, 'POST', '/api/tokens', { name: 'keep', roles: ['owner'] })).json().token as string;
    const changed = await call({ cookie: tenant.ownerCookie }, 'POST', '/api/me/password', { currentPassword: tenant.owner.password, newPassword: 'pemilik-baru-2026' });
    expect(changed.json()).toEqual({ ok: true, tokensRevoked: 0, tokensRemaining: 1 });
    expect((await call({ token: keep }, 'GET', '/api/staff')).statusCode).toBe(200);

    const revoked = await call({ cookie: tenant.ownerCookie }, 'POST', '/api/me/password', {
      currentPassword: 'pemilik-baru-2026',
      newPassword: 'pemilik-lebih-baru-2026',
      revokeTokens: true,
    });
    expect(revoked.json()).toEqual({ ok: true, tokensRevoked: 1, tokensRemaining: 0 });
    expect((await call({ token: keep }, 'GET', '/api/staff')).statusCode).toBe(401);
    // The admin's token from the first test is theirs, not the owner's: untouched.
    const tokens = (await call({ cookie: tenant.ownerCookie }, 'GET', '/api/tokens')).json() as { name: string; revokedAt: string | null }[];
    expect(tokens.find((t) => t.name === 'integration')?.revokedAt).toBeNull();
    // A token cannot change its creator's password, even knowing it.
    const fresh = (await call({ cookie: tenant.ownerCookie }, 'POST', '/api/tokens', { name: 'fresh', roles: ['owner'] })).json().token as string;
    const viaToken = await call({ token: fresh }, 'POST', '/api/me/password', { currentPassword: 'pemilik-lebih-baru-2026', newPassword: 'dicuri-lewat-token' });
    expect(viaToken.statusCode).toBe(403);
  });
});
