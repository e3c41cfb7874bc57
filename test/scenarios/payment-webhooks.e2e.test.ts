import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedNotification } from '../../src/simulators/http-stand-in.ts';
import { MidtransStandIn } from '../../src/simulators/midtrans/midtrans.stand-in.ts';
import { TripayStandIn } from '../../src/simulators/tripay/tripay.stand-in.ts';
import { XenditStandIn } from '../../src/simulators/xendit/xendit.stand-in.ts';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

type Provider = {
  name: 'midtrans' | 'xendit' | 'tripay';
  account: () => Record<string, unknown>;
  paid: (orderId: string, amount?: number) => SignedNotification;
  forged: (orderId: string) => SignedNotification;
};

/**
 * A customer isolated for an unpaid invoice pays through a provider: the provider's signed
 * notification reaches the webhook, the invoice is paid once, and the line is restored.
 * The providers are local stand-ins for their HTTP APIs (see src/modules/billing/gateways/stand-ins).
 */
describe('payment gateway webhooks → invoice paid → customer restored', async () => {
  const midtrans = await MidtransStandIn.start({ serverKey: 'SB-Mid-server-simpul' });
  const xendit = await XenditStandIn.start({ secretKey: 'xnd_development_simpul', callbackToken: 'cb-token-simpul' });
  const tripay = await TripayStandIn.start({ apiKey: 'DEV-api-simpul', privateKey: 'priv-simpul', merchantCode: 'T1234' });
  const forger = await MidtransStandIn.start({ serverKey: 'not-the-real-key' });
  const xenditForger = await XenditStandIn.start({ secretKey: 'x', callbackToken: 'wrong-token' });
  const tripayForger = await TripayStandIn.start({ apiKey: 'x', privateKey: 'wrong-private', merchantCode: 'T1234' });

  const providers: Provider[] = [
    {
      name: 'midtrans',
      account: () => ({ mode: 'sandbox', serverKey: 'SB-Mid-server-simpul' }),
      paid: (orderId, amount) => midtrans.signedNotification(orderId, { status: 'settlement', amount }),
      forged: (orderId) => forger.signedNotification(orderId, { status: 'settlement', amount: 150_000 }),
    },
    {
      name: 'xendit',
      account: () => ({ secretKey: 'xnd_development_simpul', callbackToken: 'cb-token-simpul' }),
      paid: (orderId, amount) => xendit.signedNotification(orderId, { status: 'PAID', amount, paidAmount: amount }),
      forged: (orderId) => xenditForger.signedNotification(orderId, { status: 'PAID', amount: 150_000 }),
    },
    {
      name: 'tripay',
      account: () => ({
        mode: 'sandbox',
        apiKey: 'DEV-api-simpul',
        privateKey: 'priv-simpul',
        merchantCode: 'T1234',
        paymentMethod: 'BRIVA',
        defaultCustomerEmail: 'tagihan@jaring.test',
      }),
      paid: (orderId, amount) => tripay.signedNotification(orderId, { status: 'PAID', amount }),
      forged: (orderId) => tripayForger.signedNotification(orderId, { status: 'PAID', amount: 150_000 }),
    },
  ];

  let app: TestApp;
  let cookie: string;
  let planId: string;
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const deliver = async (provider: string, notification: SignedNotification) => {
    const res = await app.http.inject({
      method: 'POST',
      url: `/api/webhooks/payments/${provider}/pakem`,
      headers: { 'content-type': 'application/json', ...notification.headers },
      payload: notification.rawBody,
    });
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    app = await createTestApp('pglite', {
      start: wib('2026-12-01T09:00:00'),
      events: true,
      providerUrls: { midtrans: midtrans.baseUrl, xendit: xendit.baseUrl, tripay: tripay.baseUrl },
    });
    cookie = (await seedTenantWithOwner(app, 'pakem', 'WIB')).ownerCookie;
    await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3 });
    planId = (await call('POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'r20' })).body.id;
    for (const p of providers) {
      const saved = await call('PUT', `/api/billing/gateways/${p.name}`, p.account());
      expect(saved.status).toBe(200);
      expect(JSON.stringify(saved.body)).not.toMatch(/simpul"/); // secrets come back masked
    }
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([midtrans, xendit, tripay, forger, xenditForger, tripayForger].map((s) => s.close()));
  });

  /** A customer of this test's own, isolated on 14 Dec for the December invoice. */
  async function isolatedCustomer(name: string) {
    app.clock.set(wib('2026-12-01T09:00:00'));
    const customer = (await call('POST', '/api/customers', { name, phone: '081234500000', planId, connectionType: 'dhcp', ipAddress: `10.9.0.${name.length + 10}`, activatedOn: '2026-11-01' })).body;
    await call('POST', '/api/billing/invoices/generate', {});
    app.clock.set(wib('2026-12-14T08:00:00'));
    for (let i = 0; i < 3; i++) await call('POST', '/api/billing/daily-scan'); // catches up due → overdue → grace
    const invoice = (await call('GET', `/api/invoices?customerId=${customer.id}`)).body.items[0];
    expect((await call('GET', `/api/customers/${customer.id}/line`)).body.desiredState).toBe('isolated');
    return { customerId: customer.id as string, invoiceId: invoice.id as string };
  }

  it.each(providers.map((p) => [p.name, p] as const))('%s: a signed payment restores the customer once; forged and wrong amounts change nothing', async (name, provider) => {
    const { customerId, invoiceId } = await isolatedCustomer(`Pelanggan ${name}`);
    const link = await call('POST', `/api/invoices/${invoiceId}/payment-link`, { provider: name });
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(/^https?:\/\//);

    const forged = await deliver(name, provider.forged(link.body.orderId));
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('PAYMENT_SIGNATURE_INVALID');
    // Acknowledged so the provider stops retrying; the log shows it (each provider's answer: payment-gateways.routes.test.ts).
    expect((await deliver(name, provider.paid(link.body.orderId, 100_000))).status).toBe(200);
    expect((await call('GET', `/api/invoices/${invoiceId}`)).body.status).toBe('unpaid');

    const notification = provider.paid(link.body.orderId, 150_000);
    expect((await deliver(name, notification)).status).toBe(200);
    expect((await deliver(name, notification)).status).toBe(200); // the duplicate

    const invoice = (await call('GET', `/api/invoices/${invoiceId}`)).body;
    expect(invoice.status).toBe('paid');
    expect(invoice.history.map((h: { type: string }) => h.type)).toEqual(['gateway']);
    await expect.poll(async () => (await call('GET', `/api/customers/${customerId}/line`)).body.desiredState, { timeout: 15_000, interval: 100 }).toBe('active');
    const log = (await call('GET', '/api/billing/gateway-notifications')).body.filter((n: { orderId: string | null; outcome: string }) => n.orderId === link.body.orderId || n.orderId === null);
    expect(log.map((n: { outcome: string }) => n.outcome)).toEqual(expect.arrayContaining(['amount_mismatch', 'paid', 'duplicate']));
  });

  it('should refuse a provider config with a missing key, naming the field', async () => {
    const res = await call('PUT', '/api/billing/gateways/xendit', { secretKey: 'xnd_x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PAYMENT_GATEWAY_CONFIG_INVALID');
    expect(JSON.stringify(res.body.error.details)).toContain('callbackToken');
  });
});
