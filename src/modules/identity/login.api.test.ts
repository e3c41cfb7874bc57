import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createAuthenticate, SESSION_COOKIE } from './identity.auth.ts';
import { identityRoutes } from './identity.routes.ts';
import { ADDRESS_FAILURE_FACTOR } from './login-throttle.ts';
import { createTestApp, drivers, loginCookie, seedTenantWithOwner, testConfig, type TestApp } from '../../../test/harness.ts';

/** Issue 10 finding 12: throttling that never locks the right person out, strong passwords, tidy headers. */
describe.each(drivers)('login and sessions on %s', (driver) => {
  let app: TestApp;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const home = '10.1.1.1';
  const attacker = '203.0.113.9';

  const login = (email: string, password: string, remoteAddress: string) =>
    app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

  beforeAll(async () => {
    app = await createTestApp(driver);
    tenant = await seedTenantWithOwner(app, 'throttle');
  });
  afterAll(() => app?.stop());

  it('should delay only the (account, address) that keeps failing, doubling each time', async () => {
    const { email, password } = tenant.owner;
    for (let i = 0; i < testConfig.identity.loginMaxFailures; i++) {
      expect((await login(email, `salah-${i}-tebakan`, attacker)).json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const waited = await login(email, password, attacker);
    expect(waited.statusCode).toBe(429);
    expect(waited.json().error.code).toBe('LOGIN_THROTTLED');
    expect(waited.headers['retry-after']).toBe('30');
    // The owner, at home, is not locked out by the stranger's guesses.
    expect((await login(email, password, home)).statusCode).toBe(200);

    app.clock.advance(30_000);
    expect((await login(email, 'salah-lagi-tebakan', attacker)).statusCode).toBe(401);
    expect((await login(email, password, attacker)).headers['retry-after']).toBe('60');
    app.clock.advance(59_000);
    expect((await login(email, password, attacker)).headers['retry-after']).toBe('1');
    app.clock.advance(1_000);
    // After the wait the right password works, and the pair starts afresh.
    expect((await login(email, password, attacker)).statusCode).toBe(200);
    expect((await login(email, 'salah-sekali-saja', attacker)).statusCode).toBe(401);
    expect((await login(email, password, attacker)).statusCode).toBe(200);
  });

  it('should cap one address across accounts generously, not at a handful (a shared NAT)', async () => {
    app.clock.advance(16 * 60_000);
    const nat = '100.64.0.7';
    const cap = testConfig.identity.loginMaxFailures * ADDRESS_FAILURE_FACTOR;
    expect(cap).toBeGreaterThanOrEqual(100);
    // Many neighbours mistyping once each stay below the cap…
    for (let i = 0; i < cap - 1; i++) expect((await login(`tetangga-${i}@rtrw.test`, 'salah-ketik-1', nat)).statusCode).toBe(401);
    expect((await login(tenant.owner.email, tenant.owner.password, nat)).statusCode).toBe(200);
    // …while an address guessing across accounts without end is stopped, and others are not.
    expect((await login('tetangga-akhir@rtrw.test', 'salah-ketik-1', nat)).statusCode).toBe(401);
    const capped = await login(tenant.owner.email, tenant.owner.password, nat);
    expect(capped.statusCode).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(tenant.owner.email, tenant.owner.password, home)).statusCode).toBe(200);
    app.clock.advance(16 * 60_000);
    expect((await login(tenant.owner.email, tenant.owner.password, nat)).statusCode).toBe(200);
  });

  it('should refuse weak new passwords, leaving the old one in place', async () => {
    const cookie = await loginCookie(app, tenant.owner.email, tenant.owner.password);
    const cases: [string, string][] = [
      ['pendek-12', 'too_short'],
      [' '.repeat(12), 'only_whitespace'],
      [tenant.owner.email.toUpperCase(), 'equals_email'],
    ];
    for (const [newPassword, problem] of cases) {
      const res = await app.http.inject({ method: 'POST', url: '/api/me/password', headers: { cookie }, payload: { currentPassword: tenant.owner.password, newPassword } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'PASSWORD_WEAK', details: { fields: [{ field: 'body.newPassword', problem }] } });
    }
    expect((await login(tenant.owner.email, tenant.owner.password, home)).statusCode).toBe(200);
    // A new tenant's owner and the super admin get the same rule.
    const owner = { email: 'baru@weak.test', name: 'Baru', password: 'baru@weak.test' };
    const weakOwner = await app.http.inject({ method: 'POST', url: '/api/platform/tenants', headers: { cookie: tenant.rootCookie }, payload: { name: 'Weak', slug: 'weak-net', timeZone: 'WIB', owner } });
    expect(weakOwner.json().error).toMatchObject({ code: 'PASSWORD_WEAK', details: { fields: [{ field: 'body.owner.password', problem: 'equals_email' }] } });
    await expect(app.identity.ensureSuperAdmin({ email: 'root2@platform.test', name: 'Root', password: 'root-123' })).rejects.toMatchObject({ code: 'PASSWORD_WEAK' });
  });

  it('should clear the session cookie with the same HttpOnly, Secure and SameSite attributes', async () => {
    // The routes as served behind https (PUBLIC_URL https://…): Secure cookies.
    const https = Fastify().withTypeProvider<ZodTypeProvider>();
    https.setValidatorCompiler(validatorCompiler);
    https.setSerializerCompiler(serializerCompiler);
    await https.register(fastifyCookie);
    https.addHook('preValidation', createAuthenticate(app.identity));
    await https.register(identityRoutes(app.identity, { cookieSecure: true, sessionTtlHours: 1 }));
    const loggedIn = await https.inject({ method: 'POST', url: '/api/auth/login', payload: { email: tenant.owner.email, password: tenant.owner.password } });
    const session = loggedIn.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });

    const res = await https.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `${SESSION_COOKIE}=${session.value}` } });
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cleared).toMatchObject({ value: '', httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    await https.close();
  });

  it('should keep a short plain x-request-id and replace anything else', async () => {
    const echo = async (id: string) => (await app.http.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': id } })).headers['x-request-id'];
    expect(await echo('wa-job:42.retry_1')).toBe('wa-job:42.retry_1');
    for (const bad of ['a'.repeat(65), 'two words', '<script>alert(1)</script>', 'rücken', '']) {
      expect(await echo(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});
