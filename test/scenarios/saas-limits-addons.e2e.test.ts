import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MidtransStandIn } from '../../src/simulators/midtrans/midtrans.stand-in.ts';
import { XenditStandIn } from '../../src/simulators/xendit/xendit.stand-in.ts';
import { asTenantId } from '../../src/platform/db/database.ts';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
const serverKey = 'SB-Mid-server-platform';

// Issue 17: limits in the creating transaction, an add-on bought and paid through the
// platform's gateway webhook raising the limit, the SaaS invoice lock, and the workers.
describe.each(drivers)('SaaS limits, add-ons and subscription billing on %s', (driver) => {
  let app: TestApp;
  let midtrans: MidtransStandIn;
  // The tenant's own gateway, for its customers' payments (the platform bills through Midtrans).
  let xendit: XenditStandIn;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  let planId: string;
  let smallPlanId: string;
  let addonId: string;
  let customerNo = 0;

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, cookie = tenant.ownerCookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const root = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => call(method, url, payload, tenant.rootCookie);
  const newCustomer = () => {
    customerNo++;
    return call('POST', '/api/customers', {
      name: `Pelanggan ${customerNo}`,
      phone: `+62812000${String(customerNo).padStart(5, '0')}`,
      planId,
      connectionType: 'pppoe',
      pppoeUsername: `p${customerNo}@saas`,
      activatedOn: '2026-11-01',
    });
  };
  const outbox = async (type: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from event_outbox where type = ${type} and tenant_id = ${tenant.tenantId}`.execute(app.db.owner)).rows[0]!.n;
  const ownerMessages = async (kind: string) =>
    (await sql<{ body: string; status: string }>`select body, status from notifications_messages where kind = ${kind} and tenant_id = ${tenant.tenantId}`.execute(app.db.owner)).rows;

  beforeAll(async () => {
    midtrans = await MidtransStandIn.start({ serverKey });
    xendit = await XenditStandIn.start({ secretKey: 'xnd_development_saasnet', callbackToken: 'cb-saas-net' });
    app = await createTestApp(driver, {
      start: wib('2026-12-01T09:00:00'),
      events: true,
      providerUrls: { midtrans: midtrans.baseUrl, xendit: xendit.baseUrl },
      saas: { platformDomain: 'simpul.test', graceDays: 5, dueDays: 10, gateway: { provider: 'midtrans', mode: 'sandbox', serverKey } },
    });
    tenant = await seedTenantWithOwner(app, 'saas-net');
    await sql`update identity_users set phone = '+6281311112222' where email = ${tenant.owner.email}`.execute(app.db.owner);
    const plan = await call('POST', '/api/plans', { name: 'Rumahan 10', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'p10' });
    planId = plan.body.id;
    const small = await root('POST', '/api/platform/saas/plans', {
      code: 'mini', name: 'Mini', monthlyPrice: 150_000, limits: { customers: 5, routers: 1, staff: 3 }, features: ['radius', 'custom_domain', 'payment_gateways'],
    });
    expect(small.status).toBe(201);
    smallPlanId = small.body.id;
    expect((await root('PUT', `/api/platform/tenants/${tenant.tenantId}/plan`, { planId: smallPlanId })).status).toBe(200);
    const addon = await root('POST', '/api/platform/saas/addons', { code: 'plus500', name: '+500 pelanggan', price: 200_000, limitName: 'customers', amount: 500 });
    expect(addon.status).toBe(201);
    addonId = addon.body.id;
  });
  afterAll(async () => {
    await app?.stop();
    await midtrans?.close();
    await xendit?.close();
  });

  it('should warn the owner once at 80 % and refuse the create past the limit, naming it and how to raise it', async () => {
    for (let i = 0; i < 4; i++) expect((await newCustomer()).status).toBe(201);
    expect(await outbox('saas.limit.warning')).toBe(1); // 4 of 5
    expect((await newCustomer()).status).toBe(201); // 5 of 5: the same limit value is not warned again
    expect(await outbox('saas.limit.warning')).toBe(1);
    await expect.poll(async () => (await ownerMessages('limit_warning')).length).toBe(1);

    const refused = await newCustomer();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 'customers', used: 5, max: 5 } });
    expect(refused.body.error.message).toMatch(/add-on/i);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from customers where tenant_id = ${tenant.tenantId}`.execute(app.db.owner);
    expect(rows[0]!.n).toBe(5);
  });

  it('should let exactly one of two concurrent creates at limit − 1 through', async () => {
    // Terminate one, so the tenant is at limit − 1 (terminated customers do not count).
    await sql`update customers set status = 'terminated' where tenant_id = ${tenant.tenantId} and code = 'C00001'`.execute(app.db.owner);
    const [a, b] = await Promise.all([newCustomer(), newCustomer()]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from customers where tenant_id = ${tenant.tenantId} and status = 'active'`.execute(app.db.owner);
    expect(rows[0]!.n).toBe(5);
  });

  it('should refuse routers and staff past their limits too', async () => {
    const router = (name: string) => call('POST', '/api/routers', { name, host: `10.0.0.${name.length}`, apiKind: 'rest', username: 'admin', password: 'rahasia' });
    expect((await router('Core')).status).toBe(201);
    expect((await router('Cadangan')).body.error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 'routers' } });
    const invite = (email: string) => call('POST', '/api/staff', { email, name: 'Staf', roles: ['finance'] });
    expect((await invite('a@saas.test')).status).toBe(201);
    expect((await invite('b@saas.test')).status).toBe(201); // owner + 2 invited = 3
    expect((await invite('c@saas.test')).body.error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 'staff' } });
  });

  it('should raise the limit once the add-on invoice is paid through the platform gateway webhook, and tell the owner', async () => {
    const bought = await call('POST', '/api/saas/addons/purchase', { addonId, quantity: 1 });
    expect(bought.status).toBe(201);
    expect(bought.body.invoice).toMatchObject({ kind: 'addon', amount: 200_000, status: 'unpaid' });
    expect(bought.body.invoice.number).toMatch(/^SAAS\/2026\/12\/\d{5}$/);
    // Not paid yet: still at the limit.
    expect((await newCustomer()).status).toBe(409);
    expect((await call('GET', '/api/saas/subscription')).body.limits.customers).toBe(5);
    await expect.poll(async () => (await ownerMessages('addon_invoice_created')).length).toBe(1);

    // The owner's "Pay": a link at the platform's own gateway account, the same one on a second press.
    const pay = await call('POST', `/api/saas/invoices/${bought.body.invoice.id}/pay`, {});
    expect(pay.status).toBe(200);
    expect(pay.body.paymentUrl).toMatch(new RegExp(`^${midtrans.baseUrl}/snap/v4/redirection/`));
    expect((await call('POST', `/api/saas/invoices/${bought.body.invoice.id}/pay`, {})).body.paymentUrl).toBe(pay.body.paymentUrl);
    expect(midtrans.requests.filter((r) => r.path === '/snap/v1/transactions')).toHaveLength(1);
    expect((await call('GET', '/api/saas/invoices')).body.find((i: { id: string }) => i.id === bought.body.invoice.id).paymentUrl).toBe(pay.body.paymentUrl);

    const forged = await app.http.inject({ method: 'POST', url: '/api/webhooks/saas/midtrans', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ order_id: bought.body.invoice.orderId, status_code: '200', gross_amount: '200000.00', signature_key: 'x', transaction_status: 'settlement', transaction_id: 't' }) });
    expect(forged.statusCode).toBe(401);

    const notification = midtrans.signedNotification(bought.body.invoice.orderId, { status: 'settlement', amount: 200_000 });
    const paid = await app.http.inject({ method: 'POST', url: '/api/webhooks/saas/midtrans', headers: notification.headers, payload: notification.rawBody });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toEqual({ settled: true, status: 'paid' });
    // The same notification again changes nothing.
    const again = await app.http.inject({ method: 'POST', url: '/api/webhooks/saas/midtrans', headers: notification.headers, payload: notification.rawBody });
    expect(again.json()).toEqual({ settled: false, status: 'paid' });

    expect((await call('GET', '/api/saas/subscription')).body.limits.customers).toBe(505);
    expect((await newCustomer()).status).toBe(201);
    expect(await outbox('addons.addon.activated')).toBe(1);
    await expect.poll(async () => (await ownerMessages('addon_activated')).length).toBe(1);
    expect((await ownerMessages('addon_activated'))[0]!.body).toContain('+500 pelanggan');
  });

  it('should issue one SaaS invoice per tenant and period however often the worker runs', async () => {
    const tenantId = asTenantId(tenant.tenantId);
    const first = await app.saas.issueMonthlyInvoice(tenantId);
    // The add-on bought today paid for December on its own invoice: from January it is on the monthly one.
    expect(first).toMatchObject({ kind: 'subscription', period: '2026-12-01', amount: 150_000, dueDate: '2026-12-11' });
    expect(await app.saas.issueMonthlyInvoice(tenantId)).toBeNull();
    const list = (await call('GET', '/api/saas/invoices')).body as { kind: string }[];
    expect(list.filter((i) => i.kind === 'subscription')).toHaveLength(1);
  });

  it('should lock console writes with 402 past the grace while a customer’s payment webhook still pays and restores the line; paying the SaaS invoice unlocks at once', async () => {
    app.clock.set(wib('2026-12-16T09:00:00')); // due 11th + 5 grace days: still open on the 16th
    expect((await newCustomer()).status).toBe(201);
    // A customer with an unpaid invoice and a payment link at the tenant's own gateway (Xendit).
    expect((await call('PUT', '/api/billing/gateways/xendit', { secretKey: 'xnd_development_saasnet', callbackToken: 'cb-saas-net' })).status).toBe(200);
    const { rows } = await sql<{ id: string }>`select id from customers where tenant_id = ${tenant.tenantId} and status = 'active' limit 1`.execute(app.db.owner);
    const customerId = rows[0]!.id;
    const invoiceId = (await sql<{ id: string }>`insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, created_at)
      values (gen_random_uuid(), ${tenant.tenantId}, 'INV-LOCK-1', ${customerId}, '2026-12-01', '2026-12-01', '2026-12-10', 100000, 'Desember', now()) returning id`.execute(app.db.owner)).rows[0]!.id;

    app.clock.set(wib('2026-12-17T09:00:00'));
    const locked = await newCustomer();
    expect(locked.status).toBe(402);
    // A payment link for the customer still works: it is how the customer pays.
    const link = await call('POST', `/api/invoices/${invoiceId}/payment-link`, { provider: 'xendit' });
    expect(link.status).toBe(201);
    expect(locked.body.error.code).toBe('SUBSCRIPTION_LOCKED');
    expect(locked.body.error.message).toMatch(/SAAS\/2026\/12/);
    expect((await call('GET', '/api/customers?limit=5')).status).toBe(200); // reads still work
    expect((await call('GET', '/api/saas/subscription')).body.locked).toBe(true);
    expect((await call('POST', '/api/billing/invoices/generate', {})).status).toBe(402); // issuing invoices is console work
    expect((await call('POST', `/api/customers/${customerId}/isolate`, { reason: 'uji' })).status).toBe(200); // isolation serves the customers

    // The customer pays at the tenant's gateway: its signed webhook pays the invoice and restores the line.
    const notification = xendit.signedNotification(link.body.orderId, { status: 'PAID', amount: 100_000, paidAmount: 100_000 });
    const delivered = await app.http.inject({ method: 'POST', url: '/api/webhooks/payments/xendit/saas-net', headers: { 'content-type': 'application/json', ...notification.headers }, payload: notification.rawBody });
    expect(delivered.statusCode).toBe(200);
    expect((await call('GET', `/api/invoices/${invoiceId}`)).body.status).toBe('paid');
    await expect.poll(async () => (await call('GET', `/api/customers/${customerId}/line`)).body.desiredState).toBe('active');
    expect((await newCustomer()).status).toBe(402); // still locked

    // The owner pays the SaaS invoice through the platform's gateway: unlocked at once.
    const saasInvoice = (await call('GET', '/api/saas/invoices')).body.find((i: { kind: string }) => i.kind === 'subscription');
    const pay = await call('POST', `/api/saas/invoices/${saasInvoice.id}/pay`, {}); // Pay works while locked
    expect(pay.status).toBe(200);
    const paid = midtrans.signedNotification(saasInvoice.orderId, { status: 'settlement', amount: saasInvoice.amount });
    expect((await app.http.inject({ method: 'POST', url: '/api/webhooks/saas/midtrans', headers: paid.headers, payload: paid.rawBody })).json()).toEqual({ settled: true, status: 'paid' });
    expect((await call('GET', '/api/saas/subscription')).body.locked).toBe(false);
    expect((await newCustomer()).status).toBe(201);
    expect((await root('POST', `/api/platform/saas/invoices/${saasInvoice.id}/mark-paid`, {})).body.error.code).toBe('SAAS_INVOICE_ALREADY_PAID');
  });

  it('should flag a tenant over its limit after a downgrade, keep everything, and refuse more', async () => {
    const tiny = await root('POST', '/api/platform/saas/plans', { code: 'tiny', name: 'Tiny', monthlyPrice: 50_000, limits: { customers: 2, routers: 1, staff: 5 }, features: [] });
    expect((await root('PUT', `/api/platform/tenants/${tenant.tenantId}/plan`, { planId: tiny.body.id })).status).toBe(200);
    const result = await app.saas.reconcile(asTenantId(tenant.tenantId));
    // The add-on (+500) still applies on top of any plan that has a customers limit.
    expect(result.overLimit).toEqual([]);
    const overview = (await root('GET', '/api/platform/saas/tenants')).body.find((t: { tenantId: string }) => t.tenantId === tenant.tenantId);
    expect(overview).toMatchObject({ plan: 'Tiny', limits: { customers: 502 } });

    await sql`update saas_tenant_addons set ends_at = ${wib('2026-12-18T00:00:00')} where tenant_id = ${tenant.tenantId}`.execute(app.db.owner);
    app.clock.set(wib('2026-12-18T09:00:00'));
    const after = await app.saas.reconcile(asTenantId(tenant.tenantId));
    expect(after).toMatchObject({ overLimit: ['customers'], endedAddons: 1 });
    const flagged = (await root('GET', '/api/platform/saas/tenants')).body.find((t: { tenantId: string }) => t.tenantId === tenant.tenantId);
    expect(flagged.overLimit).toEqual(['customers']);
    expect(flagged.usage.customers).toBeGreaterThan(2);
    expect((await newCustomer()).body.error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 'customers', max: 2 } });
    expect((await call('GET', '/api/customers?limit=50')).body.total).toBeGreaterThan(2); // nothing removed
  });

  it('should apply a super admin override with a reason until its end', async () => {
    const noReason = await root('POST', `/api/platform/tenants/${tenant.tenantId}/overrides`, { limitName: 'customers', amount: 100, reason: '', endsAt: wib('2026-12-31T00:00:00') });
    expect(noReason.status).toBe(400);
    const past = await root('POST', `/api/platform/tenants/${tenant.tenantId}/overrides`, { limitName: 'customers', amount: 100, reason: 'migrasi data', endsAt: wib('2026-12-01T00:00:00') });
    expect(past.status).toBe(400);
    const ok = await root('POST', `/api/platform/tenants/${tenant.tenantId}/overrides`, { limitName: 'customers', amount: 100, reason: 'migrasi data', endsAt: wib('2026-12-20T00:00:00') });
    expect(ok.status).toBe(201);
    expect((await newCustomer()).status).toBe(201);
    app.clock.set(wib('2026-12-20T01:00:00'));
    expect((await newCustomer()).status).toBe(409);
    expect((await app.saas.reconcile(asTenantId(tenant.tenantId))).endedOverrides).toBe(1);
  });

  it('should switch features off globally and per tenant, refusing their routes and listing what is on in /api/me', async () => {
    expect((await call('GET', '/api/me')).body.features).toEqual(expect.arrayContaining([]));
    const tinyFeatures = (await call('GET', '/api/me')).body.features as string[];
    expect(tinyFeatures).not.toContain('custom_domain'); // the Tiny plan has none
    expect((await call('POST', '/api/saas/domains', { host: 'net.example.id' })).body.error.code).toBe('FEATURE_DISABLED');
    await root('POST', `/api/platform/tenants/${tenant.tenantId}/overrides`, { feature: 'custom_domain', enabled: true, reason: 'uji coba', endsAt: wib('2027-01-31T00:00:00') });
    expect((await call('GET', '/api/me')).body.features).toContain('custom_domain');
    expect((await call('POST', '/api/saas/domains', { host: 'net.example.id' })).status).toBe(201);
    expect((await root('PUT', '/api/platform/features/custom_domain', { enabled: false, reason: 'gangguan DNS' })).status).toBe(200);
    expect((await call('GET', '/api/me')).body.features).not.toContain('custom_domain');
    expect((await call('POST', '/api/saas/domains', { host: 'net2.example.id' })).body.error.code).toBe('FEATURE_DISABLED');
    await root('PUT', '/api/platform/features/custom_domain', { enabled: true });
  });

  it('should purge payment history past the tenant retention only, never below its legal minimum', async () => {
    const tooShort = await call('PATCH', '/api/billing/retention', { paymentHistoryRetentionYears: 5 });
    expect(tooShort.status).toBe(400);
    expect((await call('GET', '/api/billing/retention')).body).toEqual({ legalMinimumYears: 10, paymentHistoryRetentionYears: 10 });
    const invoice = (await sql<{ id: string; customer_id: string }>`select id, customer_id from billing_invoices where tenant_id = ${tenant.tenantId} limit 1`.execute(app.db.owner)).rows[0]!;
    for (const [ref, at] of [['old', '2016-01-01T00:00:00Z'], ['edge', '2017-01-01T00:00:00Z'], ['new', '2025-06-01T00:00:00Z']]) {
      await sql`insert into billing_payment_history (id, tenant_id, invoice_id, customer_id, type, amount, reference, created_at)
        values (gen_random_uuid(), ${tenant.tenantId}, ${invoice.id}, ${invoice.customer_id}, 'manual', 1, ${ref}, ${at})`.execute(app.db.owner);
    }
    const refs = async () => (await sql<{ reference: string }>`select reference from billing_payment_history where tenant_id = ${tenant.tenantId} and reference in ('old', 'edge', 'new') order by created_at`.execute(app.db.owner)).rows.map((r) => r.reference);
    expect(await app.billing.purgePaymentHistory(asTenantId(tenant.tenantId))).toBe(1); // now 2026-12-20: 10 years back is 2016-12-20
    expect(await refs()).toEqual(['edge', 'new']);
    expect((await call('PATCH', '/api/billing/retention', { legalMinimumYears: 5, paymentHistoryRetentionYears: 5 })).status).toBe(200);
    expect(await app.billing.purgePaymentHistory(asTenantId(tenant.tenantId))).toBe(1);
    expect(await refs()).toEqual(['new']);
  });
});
