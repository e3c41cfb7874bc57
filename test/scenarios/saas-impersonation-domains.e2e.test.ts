import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbRole, tenantRoleScope, asTenantId } from '../../src/platform/db/database.ts';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { seedTenantRows } from '../tenant-rows.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

// Issue 17: a super admin who helps without seeing, and the hosts that reach a tenant.
describe.each(drivers)('impersonation and domains on %s', (driver) => {
  let app: TestApp;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const txt: Record<string, string[][]> = {};

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const auditActions = async () =>
    (await sql<{ action: string; actor_user_id: string; subject: string }>`select action, actor_user_id, subject from identity_audit_log where tenant_id = ${tenant.tenantId} and action like 'impersonation.%' order by created_at, action`.execute(app.db.owner)).rows;

  beforeAll(async () => {
    app = await createTestApp(driver, {
      start: wib('2026-12-01T09:00:00'),
      saas: { platformDomain: 'simpul.test' },
      resolveTxt: async (host) => txt[host] ?? [],
    });
    tenant = await seedTenantWithOwner(app, 'bantu-net');
    await seedTenantRows(app.db.owner, tenant.tenantId, 'bantu-net', '10.9.7.1');
  });
  afterAll(() => app?.stop());

  it('should refuse an impersonation without a reason or longer than 30 minutes', async () => {
    expect((await call('POST', '/api/platform/impersonations', tenant.rootCookie, { tenantId: tenant.tenantId, reason: '' })).status).toBe(400);
    expect((await call('POST', '/api/platform/impersonations', tenant.rootCookie, { tenantId: tenant.tenantId, reason: 'cek tagihan', minutes: 45 })).status).toBe(400);
    expect((await call('GET', '/api/customers?limit=5', tenant.rootCookie)).status).toBe(400); // no tenant: TENANT_REQUIRED
  });

  it('should work read-only as the tenant admin, with a banner for both sides and every request in the tenant audit log', async () => {
    const started = await call('POST', '/api/platform/impersonations', tenant.rootCookie, { tenantId: tenant.tenantId, reason: 'Pelanggan lapor tagihan ganda' });
    expect(started.status).toBe(201);
    expect(started.body.writeAllowed).toBe(false);
    expect(new Date(started.body.expiresAt).getTime() - new Date(started.body.startedAt).getTime()).toBe(30 * 60_000);

    const me = (await call('GET', '/api/me', tenant.rootCookie)).body;
    expect(me).toMatchObject({ activeTenantId: tenant.tenantId, roles: ['admin'], impersonation: { reason: 'Pelanggan lapor tagihan ganda', you: true, writeAllowed: false } });
    const ownerMe = (await call('GET', '/api/me', tenant.ownerCookie)).body;
    expect(ownerMe.impersonation).toMatchObject({ superAdminName: 'Root', you: false });

    const customers = await call('GET', '/api/customers?limit=5', tenant.rootCookie);
    expect(customers.status).toBe(200);
    expect(customers.body.total).toBe(2);
    const write = await call('POST', '/api/plans', tenant.rootCookie, { name: 'Paket Support', downloadKbps: 1000, uploadKbps: 1000, monthlyPrice: 10_000, routerProfile: 'x' });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toMatch(/read-only/);
    // Payment history is refused by PostgreSQL's grants for the support role (the API maps it to 403).
    const history = await call('GET', '/api/payment-history', tenant.rootCookie);
    expect(history.status).toBe(403);
    expect(history.body.error.message).toMatch(/database refused/);
    expect((await call('GET', `/api/customers/${(await sql<{ id: string }>`select customer_id as id from customers_private where tenant_id = ${tenant.tenantId}`.execute(app.db.owner)).rows[0]!.id}`, tenant.rootCookie)).status).not.toBe(200);

    await expect.poll(async () => (await auditActions()).filter((a) => a.action === 'impersonation.request').length).toBeGreaterThanOrEqual(4);
    const rows = await auditActions();
    const superAdminId = me.user.id;
    expect(rows.every((r) => r.actor_user_id === superAdminId)).toBe(true);
    expect(rows.map((r) => r.action)).toContain('impersonation.started');
    expect(rows.map((r) => r.subject)).toContain('POST /api/plans');
    // The tenant reads who came, why.
    const seen = (await call('GET', '/api/impersonations', tenant.ownerCookie)).body;
    expect(seen[0]).toMatchObject({ superAdminName: 'Root', reason: 'Pelanggan lapor tagihan ganda', endedAt: null });
  });

  it('should refuse payment history, payments, private data and credentials to the support role in PostgreSQL itself', async () => {
    const asSupport = (query: ReturnType<typeof sql>) =>
      tenantRoleScope.run({ role: DbRole.support }, () => app.db.tenant(asTenantId(tenant.tenantId), (trx) => query.execute(trx)));
    for (const table of ['billing_payment_history', 'billing_payments', 'customers_private', 'billing_gateway_accounts', 'radcheck', 'identity_api_tokens', 'notifications_messages']) {
      await expect(asSupport(sql`select * from ${sql.table(table)}`), table).rejects.toMatchObject({ code: '42501' });
    }
    await expect(asSupport(sql`select sealed_password from network_routers`)).rejects.toMatchObject({ code: '42501' });
    await expect(asSupport(sql`select password_hash from identity_users`)).rejects.toMatchObject({ code: '42501' });
    // What it may read, it reads inside the tenant only.
    const { rows } = (await asSupport(sql`select count(*)::int as n from customers`)) as { rows: { n: number }[] };
    expect(rows[0]!.n).toBe(2);
  });

  it('should end at 30 minutes: the session is the super admin again, outside the tenant', async () => {
    app.clock.advance(30 * 60_000);
    const me = (await call('GET', '/api/me', tenant.rootCookie)).body;
    expect(me).toMatchObject({ activeTenantId: null, impersonation: null });
    expect((await call('GET', '/api/customers?limit=5', tenant.rootCookie)).status).toBe(400);
    expect((await call('GET', '/api/me', tenant.ownerCookie)).body.impersonation).toBeNull();
  });

  it('should let a write session change plans, never money, once the owner allowed support write', async () => {
    expect((await call('PUT', '/api/saas/support-access', tenant.ownerCookie, { write: true })).status).toBe(200);
    const started = await call('POST', '/api/platform/impersonations', tenant.rootCookie, { tenantId: tenant.tenantId, reason: 'Bantu atur paket baru', minutes: 10 });
    expect(started.body.writeAllowed).toBe(true);
    expect((await call('POST', '/api/plans', tenant.rootCookie, { name: 'Paket Support', downloadKbps: 1000, uploadKbps: 1000, monthlyPrice: 10_000, routerProfile: 'x' })).status).toBe(201);
    const invoiceId = (await sql<{ id: string }>`select id from billing_invoices where tenant_id = ${tenant.tenantId} limit 1`.execute(app.db.owner)).rows[0]!.id;
    expect((await call('POST', `/api/invoices/${invoiceId}/payments`, tenant.rootCookie, { amount: 150_000, method: 'cash' })).status).toBe(403);
    expect((await call('POST', '/api/platform/impersonations/end', tenant.rootCookie, {})).body).toEqual({ ended: true });
    expect((await call('GET', '/api/me', tenant.rootCookie)).body.activeTenantId).toBeNull();
    expect((await auditActions()).map((r) => r.action)).toContain('impersonation.ended');
    const history = (await call('GET', '/api/platform/impersonations', tenant.rootCookie)).body;
    expect(history).toHaveLength(2);
  });

  it('should answer Caddy’s ask for the tenant slug and verified custom domains only', async () => {
    const ask = async (domain: string) => (await app.http.inject({ method: 'GET', url: `/api/domains/ask?domain=${domain}` })).statusCode;
    expect(await ask('bantu-net.simpul.test')).toBe(200);
    expect(await ask('tidak-ada.simpul.test')).toBe(404);
    const added = await call('POST', '/api/saas/domains', tenant.ownerCookie, { host: 'Portal.BantuNet.id' });
    expect(added.status).toBe(201);
    expect(added.body.txtRecord.name).toBe('_simpul-challenge.portal.bantunet.id');
    expect(await ask('portal.bantunet.id')).toBe(404); // not verified
    const early = await call('POST', `/api/saas/domains/${added.body.id}/verify`, tenant.ownerCookie);
    expect(early.body.error.code).toBe('DOMAIN_NOT_VERIFIED');
    txt['_simpul-challenge.portal.bantunet.id'] = [['unrelated'], [added.body.txtRecord.value]];
    expect((await call('POST', `/api/saas/domains/${added.body.id}/verify`, tenant.ownerCookie)).body.verified).toBe(true);
    expect(await ask('portal.bantunet.id')).toBe(200);
    expect(await ask('PORTAL.bantunet.id')).toBe(200);
    // Someone else's domain cannot be claimed twice, and the platform's own names cannot be claimed.
    expect((await call('POST', '/api/saas/domains', tenant.ownerCookie, { host: 'portal.bantunet.id' })).status).toBe(409);
    expect((await call('POST', '/api/saas/domains', tenant.ownerCookie, { host: 'x.simpul.test' })).status).toBe(400);
    expect(await app.saas.tenantOfHost('portal.bantunet.id:443')).toBe(tenant.tenantId);
    // Host-based routing: the address in the browser picks the tenant.
    const byHost = async (host: string) => app.http.inject({ method: 'GET', url: '/api/host-tenant', headers: { host } });
    expect((await byHost('portal.bantunet.id')).json()).toEqual({ tenantId: tenant.tenantId });
    expect((await byHost('bantu-net.simpul.test')).json()).toEqual({ tenantId: tenant.tenantId });
    expect((await byHost('elsewhere.example.com')).statusCode).toBe(404);
  });
});
