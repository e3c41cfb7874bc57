import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { addStaff, createTestApp, drivers, loginCookie, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';

/** Issue 10 finding 3: adding staff is an invitation the person accepts; the inviter learns nothing about accounts. */
describe.each(drivers)('staff invitations on %s', (driver) => {
  let app: TestApp;
  let jaring: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  let lintas: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const stranger = { email: 'Rina.Rahasia@lintas.test', name: 'Rina Rahasia Asli', phone: '0812-9999-0001', password: 'rina-punya-sendiri' };

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: object) =>
    app.http.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const invite = (cookie: string, body: object) => call('POST', '/api/staff', cookie, body);
  const accept = (body: object, cookie?: string) => call('POST', '/api/invitations/accept', cookie, body);

  beforeAll(async () => {
    app = await createTestApp(driver);
    jaring = await seedTenantWithOwner(app, 'jaring');
    lintas = await seedTenantWithOwner(app, 'lintas');
    await addStaff(app, lintas.ownerCookie, { ...stranger, roles: ['finance'] });
  });
  afterAll(() => app?.stop());

  it('should answer the same for an email with an account elsewhere as for a new one, and link nobody', async () => {
    const known = await invite(jaring.ownerCookie, { email: 'rina.rahasia@lintas.test', name: 'Rina', roles: ['admin'] });
    const unknown = await invite(jaring.ownerCookie, { email: 'nobody@nowhere.test', name: 'Nobody', roles: ['admin'] });
    expect([known.statusCode, unknown.statusCode]).toEqual([201, 201]);
    expect(Object.keys(known.json()).sort()).toEqual(Object.keys(unknown.json()).sort());
    expect(known.json()).toMatchObject({ email: 'rina.rahasia@lintas.test', name: 'Rina', phone: null, roles: ['admin'] });
    expect(known.body).not.toContain(stranger.name);
    expect(known.body).not.toContain('9999');
    // Nothing joined: Rina still works for lintas only, and jaring's staff is its owner alone.
    const rina = await loginCookie(app, stranger.email, stranger.password);
    expect((await call('GET', '/api/me', rina)).json().tenants.map((t: { slug: string }) => t.slug)).toEqual(['lintas']);
    expect((await call('GET', '/api/staff', jaring.ownerCookie)).json()).toHaveLength(1);
    const pending = (await call('GET', '/api/staff/invitations', jaring.ownerCookie)).json();
    expect(pending.map((i: { email: string }) => i.email).sort()).toEqual(['nobody@nowhere.test', 'rina.rahasia@lintas.test']);
    expect(JSON.stringify(pending)).not.toContain(known.json().token);
  });

  it('should let the invited person join after logging in, and refuse a link for someone else', async () => {
    const { token } = (await invite(jaring.ownerCookie, { email: stranger.email, name: 'Rina', roles: ['collector'] })).json();
    // The link does not overwrite an existing account's password.
    const takeover = await accept({ token, password: 'penyerang-rahasia' });
    expect(takeover.statusCode).toBe(409);
    expect(await loginCookie(app, stranger.email, stranger.password)).toMatch(/^simpul_session=/);
    // Another logged-in person cannot use it.
    expect((await accept({ token }, jaring.ownerCookie)).statusCode).toBe(403);

    const rina = await loginCookie(app, stranger.email, stranger.password);
    const joined = await accept({ token }, rina);
    expect(joined.statusCode).toBe(200);
    expect(joined.json().roles).toEqual(['collector']);
    const me = (await call('GET', '/api/me', rina)).json();
    expect(me.tenants.map((t: { slug: string }) => t.slug).sort()).toEqual(['jaring', 'lintas']);
    expect(me.user.name).toBe(stranger.name);
    // Once used, the link is spent.
    expect((await accept({ token }, rina)).statusCode).toBe(404);
    expect((await call('GET', '/api/staff/invitations', jaring.ownerCookie)).json().map((i: { email: string }) => i.email)).toEqual(['nobody@nowhere.test']);
  });

  it('should create a new person’s account from the link, with a strong password only', async () => {
    const { token } = (await invite(jaring.ownerCookie, { email: 'Teguh@Jaring.test', name: 'Teguh', phone: '0813-1234-5678', roles: ['technician'] })).json();
    for (const [password, problem] of [['pendek-1', 'too_short'], ['            ', 'only_whitespace'], ['TEGUH@jaring.test', 'equals_email']]) {
      const weak = await accept({ token, password });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error).toMatchObject({ code: 'PASSWORD_WEAK', details: { fields: [{ field: 'body.password', problem }] } });
    }
    expect((await accept({ token })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await accept({ token, password: 'teknisi-kuat-2026' })).statusCode).toBe(200);
    const teguh = await loginCookie(app, 'teguh@jaring.test', 'teknisi-kuat-2026');
    const me = (await call('GET', '/api/me', teguh)).json();
    expect(me.user).toMatchObject({ name: 'Teguh', phone: '0813-1234-5678' });
    expect(me.roles).toEqual(['technician']);
  });

  it('should expire a link after 7 days, replace it when inviting again, and stop it when revoked', async () => {
    const first = (await invite(jaring.ownerCookie, { email: 'lambat@jaring.test', name: 'Lambat', roles: ['finance'] })).json();
    const second = (await invite(jaring.ownerCookie, { email: 'lambat@jaring.test', name: 'Lambat', roles: ['finance'] })).json();
    expect((await accept({ token: first.token, password: 'lambat-sekali-1' })).statusCode).toBe(404);
    app.clock.advance(7 * 86_400_000 + 60_000);
    const late = await accept({ token: second.token, password: 'lambat-sekali-1' });
    expect(late.statusCode).toBe(404);
    expect(late.json().error.code).toBe('NOT_FOUND');

    const third = (await invite(jaring.ownerCookie, { email: 'lambat@jaring.test', name: 'Lambat', roles: ['finance'] })).json();
    expect((await call('DELETE', `/api/staff/invitations/${third.id}`, jaring.ownerCookie)).statusCode).toBe(200);
    expect((await accept({ token: third.token, password: 'lambat-sekali-1' })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/staff/invitations/${third.id}`, jaring.ownerCookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/staff/invitations', jaring.ownerCookie)).json().map((i: { email: string }) => i.email)).not.toContain('lambat@jaring.test');
  });

  it('should let only an owner invite an owner', async () => {
    const admin = await addStaff(app, jaring.ownerCookie, { email: 'admin@jaring.test', name: 'Adi', roles: ['admin'], password: 'admin-rahasia-1' });
    expect((await invite(admin.cookie, { email: 'boss@jaring.test', name: 'Boss', roles: ['owner'] })).statusCode).toBe(403);
    expect((await invite(admin.cookie, { email: 'kasir@jaring.test', name: 'Kasir', roles: ['finance'] })).statusCode).toBe(201);
    const ownerInvite = (await invite(jaring.ownerCookie, { email: 'boss@jaring.test', name: 'Boss', roles: ['owner'] })).json();
    expect((await call('DELETE', `/api/staff/invitations/${ownerInvite.id}`, admin.cookie)).statusCode).toBe(403);
  });

  it('should never make the platform super admin a member of a tenant', async () => {
    const rootEmail = 'root-jaring@platform.test';
    const { token } = (await invite(jaring.ownerCookie, { email: rootEmail, name: 'Root', roles: ['owner'] })).json();
    const refused = await accept({ token }, jaring.rootCookie);
    expect(refused.statusCode).toBe(403);
    expect((await call('GET', '/api/me', jaring.rootCookie)).json().tenants).toEqual([]);
    const asOwner = await call('POST', '/api/platform/tenants', jaring.rootCookie, { name: 'Root Net', slug: 'root-net', timeZone: 'WIB', owner: { email: rootEmail, name: 'Root' } });
    expect(asOwner.statusCode).toBe(409);
    // Promoting a member to super admin is refused too.
    await expect(app.identity.ensureSuperAdmin({ email: 'teguh@jaring.test', name: 'Teguh', password: 'mau-jadi-root-1' })).rejects.toMatchObject({ code: 'CONFLICT' });
    // And the database refuses it whatever the code does.
    const { rows } = await sql<{ id: string }>`select id from identity_users where email = ${rootEmail}`.execute(app.db.owner);
    await expect(
      sql`insert into identity_memberships (id, tenant_id, user_id, roles) values (${newId()}, ${jaring.tenantId}, ${rows[0].id}, array['owner'])`.execute(app.db.owner),
    ).rejects.toThrow(/platform account/);
  });
});
