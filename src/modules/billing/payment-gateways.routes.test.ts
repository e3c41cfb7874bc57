import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';
import type { PaymentProvider } from './gateways/index.ts';
import { MidtransStandIn } from '../../simulators/midtrans/midtrans.stand-in.ts';
import type { SignedNotification } from '../../simulators/http-stand-in.ts';
import { TripayStandIn } from '../../simulators/tripay/tripay.stand-in.ts';
import { XenditStandIn } from '../../simulators/xendit/xendit.stand-in.ts';
import { UNVERIFIED_BODY_LOG_BYTES } from './payment-gateways.service.ts';
import { WEBHOOK_BODY_LIMIT_BYTES } from './payment-gateways.routes.ts';

/*
 * What the webhook answers each provider, as the provider documents it: an acknowledgement stops
 * its retries, anything else makes it deliver again. And what anyone posting to the public
 * webhook can make Simpul store.
 */

const PRICE = 150_000;

describe.each(drivers)('payment webhook answers on %s', async (driver) => {
  const midtrans = await MidtransStandIn.start({ serverKey: 'SB-Mid-server-answers' });
  const xendit = await XenditStandIn.start({ secretKey: 'xnd_development_answers', callbackToken: 'cb-answers' });
  const tripay = await TripayStandIn.start({ apiKey: 'DEV-answers', privateKey: 'priv-answers', merchantCode: 'T0042' });
  const forger = {
    midtrans: await MidtransStandIn.start({ serverKey: 'not-the-key' }),
    xendit: await XenditStandIn.start({ secretKey: 'x', callbackToken: 'not-the-token' }),
    tripay: await TripayStandIn.start({ apiKey: 'x', privateKey: 'not-the-key', merchantCode: 'T0042' }),
  };
  const accounts: Record<PaymentProvider, Record<string, unknown>> = {
    midtrans: { mode: 'sandbox', serverKey: 'SB-Mid-server-answers' },
    xendit: { secretKey: 'xnd_development_answers', callbackToken: 'cb-answers' },
    tripay: { mode: 'sandbox', apiKey: 'DEV-answers', privateKey: 'priv-answers', merchantCode: 'T0042', paymentMethod: 'BRIVA', defaultCustomerEmail: 'tagihan@answers.test' },
  };
  const paid = (provider: PaymentProvider, orderId: string, amount: number, signer = { midtrans, xendit, tripay }[provider]): SignedNotification =>
    provider === 'midtrans'
      ? (signer as MidtransStandIn).signedNotification(orderId, { status: 'settlement', amount })
      : provider === 'xendit'
        ? (signer as XenditStandIn).signedNotification(orderId, { status: 'PAID', amount, paidAmount: amount })
        : (signer as TripayStandIn).signedNotification(orderId, { status: 'PAID', amount });

  /** What a provider reads as "taken, stop delivering" (its documented contract). */
  const acknowledged: Record<PaymentProvider, (outcome: object) => object> = {
    tripay: () => ({ success: true }),
    midtrans: (outcome) => outcome,
    xendit: (outcome) => outcome,
  };

  let app: TestApp;
  let cookie: string;
  let tenantId: string;
  let planId: string;
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const post = async (provider: string, notification: SignedNotification) => {
    const res = await app.http.inject({ method: 'POST', url: `/api/webhooks/payments/${provider}/jawab`, headers: notification.headers, payload: notification.rawBody });
    return { status: res.statusCode, body: res.json() };
  };
  const loggedBodies = async () =>
    (await sql<{ outcome: string; raw_body: string }>`select outcome, raw_body from billing_gateway_notifications order by received_at, id`.execute(app.db.owner)).rows;

  /** An unpaid invoice with a payment link of `provider` (the link row as createPaymentLink leaves it; no provider call needed here). */
  async function invoiceWithLink(provider: PaymentProvider, n: number) {
    const customer = (await call('POST', '/api/customers', { name: `Pelanggan ${provider} ${n}`, phone: '081234500000', planId, connectionType: 'dhcp', ipAddress: `10.9.${n}.${provider.length}`, activatedOn: '2026-11-01' })).body;
    await call('POST', '/api/billing/invoices/generate', {});
    const invoiceId = (await call('GET', `/api/invoices?customerId=${customer.id}`)).body.items[0].id as string;
    const orderId = `INV-${provider}-${n}`;
    await sql`insert into billing_payment_links (order_id, tenant_id, invoice_id, provider, url, amount, expires_at, created_at)
      values (${orderId}, ${tenantId}, ${invoiceId}, ${provider}, 'https://pay.example/x', ${PRICE}, now() + interval '3 days', now())`.execute(app.db.owner);
    return { invoiceId, orderId };
  }

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-01T02:00:00Z' });
    ({ ownerCookie: cookie, tenantId } = await seedTenantWithOwner(app, 'jawab'));
    await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3 });
    planId = (await call('POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: PRICE, routerProfile: 'r20' })).body.id;
    for (const [provider, account] of Object.entries(accounts)) expect((await call('PUT', `/api/billing/gateways/${provider}`, account)).status).toBe(200);
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([midtrans, xendit, tripay, ...Object.values(forger)].map((s) => s.close()));
  });

  it.each(['midtrans', 'xendit', 'tripay'] as const)('%s: a payment, its duplicate and an unpayable amount are acknowledged; a forgery is refused', async (provider) => {
    const { invoiceId, orderId } = await invoiceWithLink(provider, 1);

    const forged = await post(provider, paid(provider, orderId, PRICE, forger[provider]));
    expect(forged).toEqual({ status: 401, body: { error: { code: 'PAYMENT_SIGNATURE_INVALID', message: expect.any(String) } } });

    // A wrong amount can never be applied: retrying it for days helps nobody, finance settles it from the log.
    const wrongAmount = await post(provider, paid(provider, orderId, 100_000));
    expect(wrongAmount).toEqual({ status: 200, body: acknowledged[provider]({ outcome: 'refused', code: 'PAYMENT_AMOUNT_MISMATCH', message: expect.any(String) }) });
    expect((await call('GET', `/api/invoices/${invoiceId}`)).body.status).toBe('unpaid');

    const payment = paid(provider, orderId, PRICE);
    expect(await post(provider, payment)).toEqual({ status: 200, body: acknowledged[provider]({ outcome: 'paid', message: 'Invoice paid.' }) });
    expect(await post(provider, payment)).toEqual({ status: 200, body: acknowledged[provider]({ outcome: 'duplicate', message: 'Already applied.' }) });
    const invoice = (await call('GET', `/api/invoices/${invoiceId}`)).body;
    expect(invoice.status).toBe('paid');
    expect(invoice.history.map((h: { type: string }) => h.type)).toEqual(['gateway']);

    const log = (await call('GET', '/api/billing/gateway-notifications')).body.filter((n: { provider: string }) => n.provider === provider);
    expect(log.map((n: { outcome: string }) => n.outcome)).toEqual(['duplicate', 'paid', 'amount_mismatch', 'signature_invalid']);
  });

  it('refuses a body over the cap with 413 in the error shape and stores nothing; 30 anonymous 500 kB posts leave no trace', async () => {
    const before = (await loggedBodies()).length;
    const big = (bytes: number) => ({ headers: { 'content-type': 'application/json' }, rawBody: Buffer.from(JSON.stringify({ junk: 'x'.repeat(bytes) })) });
    // Over the webhook cap, though within what the rest of the API accepts.
    expect(WEBHOOK_BODY_LIMIT_BYTES).toBeLessThan(40_000);
    expect(await post('tripay', big(40_000))).toEqual({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } } });
    const answers = await Promise.all(Array.from({ length: 30 }, () => post('midtrans', big(500_000))));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([413]));
    expect((await loggedBodies()).length).toBe(before);
  });

  // The webhook resolves its slug from a per-process cache: a suspension must still be seen by the next notification.
  it('refuses the notifications of a tenant suspended a moment ago with 404, and takes them again once it is resumed', async () => {
    const { orderId } = await invoiceWithLink('midtrans', 3);
    const payment = paid('midtrans', orderId, PRICE);
    // Resolves (and keeps) the slug: the order is unknown, not the tenant.
    expect(await post('midtrans', midtrans.signedNotification('NO-SUCH-ORDER', { status: 'settlement', amount: PRICE }))).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    await sql`update tenants set status = 'suspended' where id = ${tenantId}`.execute(app.db.owner);
    expect(await post('midtrans', payment)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'No such tenant.' } } });
    await sql`update tenants set status = 'active' where id = ${tenantId}`.execute(app.db.owner);
    expect((await post('midtrans', payment)).status).toBe(200);
    expect((await loggedBodies()).at(-1)).toMatchObject({ outcome: 'paid' });
  });

  it('refuses a tenant slug that no tenant can have with 400, not a database error', async () => {
    const res = await app.http.inject({ method: 'POST', url: '/api/webhooks/payments/tripay/ja%00wab', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('keeps only a prefix of notifications that fail verification, and whole bodies of verified ones', async () => {
    const before = await loggedBodies();
    const junk = { headers: { 'content-type': 'application/json', 'x-callback-token': 'guess' }, rawBody: Buffer.from(`{"external_id":"INV-x","pad":"${'é\0'.repeat(10_000)}"}`) };
    const answers = await Promise.all(Array.from({ length: 30 }, () => post('xendit', junk)));
    expect(new Set(answers.map((a) => `${a.status} ${a.body.error.code}`))).toEqual(new Set(['401 PAYMENT_SIGNATURE_INVALID']));
    const stored = (await loggedBodies()).slice(before.length);
    expect(stored).toHaveLength(30);
    const storedBytes = stored.reduce((sum, r) => sum + Buffer.byteLength(r.raw_body), 0);
    expect(storedBytes).toBeLessThanOrEqual(30 * (UNVERIFIED_BODY_LOG_BYTES + 3)); // + one cut character
    expect(stored[0]!.raw_body.startsWith('{"external_id":"INV-x","pad":"é')).toBe(true);

    const { orderId } = await invoiceWithLink('xendit', 2);
    const payment = paid('xendit', orderId, PRICE);
    expect((await post('xendit', payment)).status).toBe(200);
    expect((await loggedBodies()).at(-1)).toEqual({ outcome: 'paid', raw_body: payment.rawBody.toString('utf8') });
  });
});
