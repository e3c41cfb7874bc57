import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { createPaymentGateway } from './create-payment-gateway.ts';
import type { CreatePaymentLinkRequest, PaymentGateway } from './payment-gateway.ts';
import { MidtransStandIn } from '../../../simulators/midtrans/midtrans.stand-in.ts';
import { rejectedAppError, thrownAppError } from './testing.ts';

const serverKey = 'SB-Mid-server-test-key';
const clock = new ManualClock('2026-12-10T03:00:00Z'); // 10:00 WIB

let standIn: MidtransStandIn;
let gateway: PaymentGateway;

const midtrans = (overrides: Record<string, unknown> = {}) =>
  createPaymentGateway({ provider: 'midtrans', mode: 'sandbox', serverKey, timeoutMs: 2_000, ...overrides }, { clock, providerUrls: { midtrans: standIn.baseUrl } });

const linkRequest = (orderId: string, overrides: Partial<CreatePaymentLinkRequest> = {}): CreatePaymentLinkRequest => ({
  orderId,
  amount: 150_000,
  customer: { name: 'Budi Santoso', phone: '+6281234567890', email: 'budi@example.id' },
  description: 'Internet 20 Mbps, Desember 2026',
  expiresAt: new Date('2026-12-13T03:00:00Z'),
  ...overrides,
});

beforeAll(async () => {
  standIn = await MidtransStandIn.start({ serverKey, clock });
  gateway = midtrans();
});
afterAll(() => standIn.close());

describe('Midtrans Snap link creation against its stand-in', () => {
  it('creates a Snap transaction and returns its redirect URL', async () => {
    const link = await gateway.createPaymentLink(linkRequest('INV-2026-12-0001'));

    const created = standIn.transactions.get('INV-2026-12-0001');
    expect(link).toEqual({ url: `${standIn.baseUrl}/snap/v4/redirection/${created?.token}`, expiresAt: new Date('2026-12-13T03:00:00Z') });
    expect(created?.body).toMatchObject({
      transaction_details: { order_id: 'INV-2026-12-0001', gross_amount: 150_000 },
      customer_details: { first_name: 'Budi Santoso', phone: '+6281234567890', email: 'budi@example.id' },
      expiry: { start_time: '2026-12-10 10:00:00 +0700', unit: 'minutes', duration: 3 * 24 * 60 },
    });
  });

  it('asks Midtrans to notify the tenant webhook when one is configured', async () => {
    await midtrans({ notificationUrl: 'https://simpul.example/webhooks/payments/t1/midtrans' }).createPaymentLink(linkRequest('INV-override'));

    expect(standIn.requests.at(-1)?.headers['x-override-notification']).toBe('https://simpul.example/webhooks/payments/t1/midtrans');
  });

  it('reports a wrong server key as refused credentials, with Midtrans own words', async () => {
    const error = await rejectedAppError(midtrans({ serverKey: 'SB-Mid-server-wrong' }).createPaymentLink(linkRequest('INV-wrong-key')));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_AUTH_FAILED', httpStatus: 502, details: { provider: 'midtrans', httpStatus: 401, retryable: false } });
    expect(error.message).toContain('Access denied due to unauthorized transaction');
    expect(standIn.transactions.has('INV-wrong-key')).toBe(false);
  });

  it('reports a reused order id as a permanent refusal', async () => {
    await gateway.createPaymentLink(linkRequest('INV-twice'));
    const error = await rejectedAppError(gateway.createPaymentLink(linkRequest('INV-twice')));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_ERROR', details: { httpStatus: 400, retryable: false } });
    expect(error.message).toContain('order_id');
  });

  it('marks a provider outage as retryable', async () => {
    standIn.failNext(503);
    const error = await rejectedAppError(gateway.createPaymentLink(linkRequest('INV-outage')));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_ERROR', details: { httpStatus: 503, retryable: true } });
  });

  it('refuses a fractional or non-positive amount before calling Midtrans', async () => {
    const before = standIn.requests.length;
    for (const amount of [150_000.5, 0, -5]) {
      const error = await rejectedAppError(gateway.createPaymentLink(linkRequest('INV-bad-amount', { amount })));
      expect(error).toMatchObject({ code: 'PAYMENT_AMOUNT_INVALID', details: { fields: [{ field: 'amount' }] } });
    }
    expect(standIn.requests.length).toBe(before);
  });

  it('refuses an expiry in the past and an order id Midtrans would not accept', async () => {
    const past = await rejectedAppError(gateway.createPaymentLink(linkRequest('INV-past', { expiresAt: new Date('2026-12-01T00:00:00Z') })));
    const badId = await rejectedAppError(gateway.createPaymentLink(linkRequest('INV/2026/12/1')));

    expect(past).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'expiresAt' }] } });
    expect(badId).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'orderId' }] } });
  });
});

describe('Midtrans notifications', () => {
  it('parses a signed settlement as paid, in whole rupiah, at the WIB settlement time', async () => {
    await gateway.createPaymentLink(linkRequest('INV-paid'));
    const notification = standIn.signedNotification('INV-paid', { status: 'settlement', at: new Date('2026-12-11T05:30:00Z') });

    expect(gateway.verifyNotification(notification)).toEqual({
      provider: 'midtrans',
      orderId: 'INV-paid',
      providerRef: standIn.transactions.get('INV-paid')?.transactionId,
      status: 'paid',
      amount: 150_000,
      paidAt: new Date('2026-12-11T05:30:00Z'),
      raw: JSON.parse(notification.rawBody.toString()),
    });
  });

  it.each([
    ['pending', undefined, 'pending'],
    ['capture', 'accept', 'paid'],
    ['capture', 'challenge', 'pending'],
    ['capture', 'deny', 'failed'],
    ['deny', undefined, 'failed'],
    ['cancel', undefined, 'failed'],
    ['failure', undefined, 'failed'],
    ['expire', undefined, 'expired'],
    ['refund', undefined, 'refunded'],
  ] as const)('maps transaction_status %s (fraud_status %s) to %s', (status, fraudStatus, expected) => {
    const notification = standIn.signedNotification('INV-status', { status, fraudStatus, amount: 99_000 });

    expect(gateway.verifyNotification(notification)).toMatchObject({ status: expected, amount: 99_000 });
  });

  it('rejects a notification signed with another server key', () => {
    const notification = standIn.signedNotification('INV-forged', { status: 'settlement', amount: 150_000 });
    const otherTenant = createPaymentGateway({ provider: 'midtrans', mode: 'sandbox', serverKey: 'SB-Mid-server-other' });

    expect(thrownAppError(() => otherTenant.verifyNotification(notification))).toMatchObject({ code: 'PAYMENT_SIGNATURE_INVALID', httpStatus: 401 });
  });

  it('rejects a body whose signed amount was changed after signing', () => {
    const notification = standIn.signedNotification('INV-tampered', { status: 'settlement', amount: 150_000 });
    const tampered = Buffer.from(notification.rawBody.toString().replace('"150000.00"', '"15000.00"'));

    expect(thrownAppError(() => gateway.verifyNotification({ ...notification, rawBody: tampered })).code).toBe('PAYMENT_SIGNATURE_INVALID');
  });

  it('rejects a genuine pending notification edited to claim settlement', () => {
    // transaction_status is not covered by signature_key; the signed status_code (201) still says pending.
    const pending = standIn.signedNotification('INV-upgrade', { status: 'pending', amount: 150_000 });
    const edited = Buffer.from(pending.rawBody.toString().replace('"transaction_status":"pending"', '"transaction_status":"settlement"'));

    const error = thrownAppError(() => gateway.verifyNotification({ ...pending, rawBody: edited }));
    expect(error.code).toBe('PAYMENT_SIGNATURE_INVALID');
    expect(error.message).toContain('status_code 201');
  });

  it('rejects a body that is not JSON, or has no signature', () => {
    expect(thrownAppError(() => gateway.verifyNotification({ headers: {}, rawBody: Buffer.from('order_id=1') })).code).toBe('PAYMENT_SIGNATURE_INVALID');
    const unsigned = Buffer.from(JSON.stringify({ order_id: 'INV-1', status_code: '200', gross_amount: '150000.00', transaction_status: 'settlement' }));
    expect(thrownAppError(() => gateway.verifyNotification({ headers: {}, rawBody: unsigned })).code).toBe('PAYMENT_SIGNATURE_INVALID');
  });

  it('accepts "150000.00" but refuses a correctly signed "150000.50"', () => {
    const whole = standIn.signedNotification('INV-amounts', { status: 'settlement', grossAmount: '150000.00' });
    const fractional = standIn.signedNotification('INV-amounts', { status: 'settlement', grossAmount: '150000.50' });

    expect(gateway.verifyNotification(whole).amount).toBe(150_000);
    expect(thrownAppError(() => gateway.verifyNotification(fractional))).toMatchObject({ code: 'PAYMENT_AMOUNT_INVALID', details: { field: 'gross_amount' } });
  });

  it('refuses an authentic notification with a status it does not know', () => {
    const notification = standIn.signedNotification('INV-unknown', { status: 'pending', amount: 10_000 });
    const odd = Buffer.from(notification.rawBody.toString().replace('"transaction_status":"pending"', '"transaction_status":"frozen"'));

    expect(thrownAppError(() => gateway.verifyNotification({ ...notification, rawBody: odd })).code).toBe('PAYMENT_NOTIFICATION_INVALID');
  });
});
