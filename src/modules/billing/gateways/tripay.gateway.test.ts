import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { createPaymentGateway } from './create-payment-gateway.ts';
import type { CreatePaymentLinkRequest, PaymentGateway } from './payment-gateway.ts';
import { TripayStandIn } from '../../../simulators/tripay/tripay.stand-in.ts';
import { rejectedAppError, thrownAppError, withHeader } from './testing.ts';

const credentials = { apiKey: 'DEV-tripay-api-key', privateKey: 'tripay-private-key', merchantCode: 'T0001' };
const clock = new ManualClock('2026-12-10T03:00:00Z');

let standIn: TripayStandIn;
let gateway: PaymentGateway;

const tripay = (overrides: Record<string, unknown> = {}) =>
  createPaymentGateway(
    { provider: 'tripay', mode: 'sandbox', ...credentials, paymentMethod: 'BRIVA', defaultCustomerEmail: 'tagihan@isp.example', timeoutMs: 2_000, ...overrides },
    { clock, providerUrls: { tripay: standIn.baseUrl } },
  );

const linkRequest = (orderId: string, overrides: Partial<CreatePaymentLinkRequest> = {}): CreatePaymentLinkRequest => ({
  orderId,
  amount: 175_000,
  customer: { name: 'Agus Wijaya', phone: '+6281398765432' },
  description: 'Internet 30 Mbps, Desember 2026',
  expiresAt: new Date('2026-12-12T03:00:00Z'),
  ...overrides,
});

beforeAll(async () => {
  standIn = await TripayStandIn.start({ ...credentials, clock });
  gateway = tripay();
});
afterAll(() => standIn.close());

describe('Tripay closed transaction creation against its stand-in', () => {
  it('creates a signed closed transaction and returns its checkout URL and reference', async () => {
    const link = await gateway.createPaymentLink(linkRequest('INV-T-0001'));

    const transaction = standIn.transactions.get('INV-T-0001');
    expect(link).toEqual({ url: expect.stringMatching(/\/checkout\/DEV-T0001\d+$/), providerRef: transaction?.reference, expiresAt: new Date('2026-12-12T03:00:00Z') });
    expect(transaction?.body).toMatchObject({
      method: 'BRIVA',
      merchant_ref: 'INV-T-0001',
      amount: 175_000,
      customer_name: 'Agus Wijaya',
      customer_email: 'tagihan@isp.example',
      customer_phone: '+6281398765432',
      order_items: [{ sku: 'INV-T-0001', name: 'Internet 30 Mbps, Desember 2026', price: 175_000, quantity: 1 }],
      expired_time: Date.parse('2026-12-12T03:00:00Z') / 1000,
      signature: createHmac('sha256', credentials.privateKey).update('T0001INV-T-0001175000').digest('hex'),
    });
    expect(standIn.requests.at(-1)?.headers.authorization).toBe(`Bearer ${credentials.apiKey}`);
  });

  it('uses the customer email when there is one, and the tenant callback URL', async () => {
    await tripay({ notificationUrl: 'https://simpul.example/webhooks/payments/t1/tripay' }).createPaymentLink(
      linkRequest('INV-T-email', { customer: { name: 'Agus', phone: '+6281398765432', email: 'agus@example.id' } }),
    );

    expect(standIn.transactions.get('INV-T-email')?.body).toMatchObject({
      customer_email: 'agus@example.id',
      callback_url: 'https://simpul.example/webhooks/payments/t1/tripay',
    });
  });

  it('reports a wrong API key as refused credentials', async () => {
    const error = await rejectedAppError(tripay({ apiKey: 'DEV-wrong' }).createPaymentLink(linkRequest('INV-T-wrong')));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_AUTH_FAILED', details: { provider: 'tripay', retryable: false, providerMessage: 'Invalid API Key' } });
  });

  it('reports a wrong private key through Tripay refusing the signature', async () => {
    const error = await rejectedAppError(tripay({ privateKey: 'not-the-private-key' }).createPaymentLink(linkRequest('INV-T-sig')));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_ERROR', details: { providerMessage: 'Invalid signature', retryable: false } });
    expect(standIn.transactions.has('INV-T-sig')).toBe(false);
  });

  it('reports a channel the merchant has not enabled', async () => {
    const error = await rejectedAppError(tripay({ paymentMethod: 'OVO' }).createPaymentLink(linkRequest('INV-T-ovo')));

    expect(error.message).toContain('OVO is not enabled');
  });
});

describe('Tripay callbacks', () => {
  it('parses a signed PAID callback', async () => {
    await gateway.createPaymentLink(linkRequest('INV-T-paid'));
    const callback = standIn.signedNotification('INV-T-paid', { status: 'PAID', at: new Date('2026-12-10T04:00:00Z') });

    expect(gateway.verifyNotification(callback)).toEqual({
      provider: 'tripay',
      orderId: 'INV-T-paid',
      providerRef: standIn.transactions.get('INV-T-paid')?.reference,
      status: 'paid',
      amount: 175_000,
      paidAt: new Date('2026-12-10T04:00:00Z'),
      raw: JSON.parse(callback.rawBody.toString()),
    });
  });

  it('credits the order amount when the merchant passed the fee on to the customer', () => {
    const callback = standIn.signedNotification('INV-T-fee', { status: 'PAID', amount: 175_000, feeCustomer: 4_250 });

    expect(JSON.parse(callback.rawBody.toString())).toMatchObject({ total_amount: 179_250, fee_customer: 4_250 });
    expect(gateway.verifyNotification(callback).amount).toBe(175_000);
  });

  it.each([
    ['EXPIRED', 'expired'],
    ['FAILED', 'failed'],
    ['REFUND', 'refunded'],
    ['UNPAID', 'pending'],
  ] as const)('maps %s to %s', (status, expected) => {
    expect(gateway.verifyNotification(standIn.signedNotification('INV-T-s', { status, amount: 50_000 }))).toMatchObject({ status: expected, paidAt: undefined });
  });

  it('rejects a forged or missing X-Callback-Signature', () => {
    const callback = standIn.signedNotification('INV-T-forged', { status: 'PAID', amount: 175_000 });
    const forged = createHmac('sha256', 'guessed-key').update(callback.rawBody).digest('hex');

    for (const signature of [forged, '', undefined]) {
      const error = thrownAppError(() => gateway.verifyNotification(withHeader(callback, 'X-Callback-Signature', signature)));
      expect(error).toMatchObject({ code: 'PAYMENT_SIGNATURE_INVALID', httpStatus: 401 });
    }
  });

  it('rejects a body changed after signing', () => {
    const callback = standIn.signedNotification('INV-T-tampered', { status: 'EXPIRED', amount: 175_000 });
    const tampered = Buffer.from(callback.rawBody.toString().replace('"EXPIRED"', '"PAID"'));

    expect(thrownAppError(() => gateway.verifyNotification({ ...callback, rawBody: tampered })).code).toBe('PAYMENT_SIGNATURE_INVALID');
  });

  it('requires the payment_status event', () => {
    const callback = standIn.signedNotification('INV-T-event', { status: 'PAID', amount: 175_000 });

    for (const event of ['payout_status', undefined]) {
      expect(thrownAppError(() => gateway.verifyNotification(withHeader(callback, 'X-Callback-Event', event))).code).toBe('PAYMENT_NOTIFICATION_INVALID');
    }
  });
});
