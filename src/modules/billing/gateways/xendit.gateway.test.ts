import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { createPaymentGateway } from './create-payment-gateway.ts';
import type { CreatePaymentLinkRequest, PaymentGateway } from './payment-gateway.ts';
import { XenditStandIn } from '../../../simulators/xendit/xendit.stand-in.ts';
import { rejectedAppError, thrownAppError, withHeader } from './testing.ts';

const secretKey = 'xnd_development_test_secret';
const callbackToken = 'callback-verification-token-1';
const clock = new ManualClock('2026-12-10T03:00:00Z');

let standIn: XenditStandIn;
let gateway: PaymentGateway;

const xendit = (overrides: Record<string, unknown> = {}) =>
  createPaymentGateway({ provider: 'xendit', secretKey, callbackToken, timeoutMs: 2_000, ...overrides }, { clock, providerUrls: { xendit: standIn.baseUrl } });

const linkRequest = (orderId: string, overrides: Partial<CreatePaymentLinkRequest> = {}): CreatePaymentLinkRequest => ({
  orderId,
  amount: 250_000,
  customer: { name: 'Siti Aminah', phone: '+6285712345678' },
  description: 'Internet 50 Mbps, Desember 2026',
  expiresAt: new Date('2026-12-11T03:00:00Z'),
  ...overrides,
});

beforeAll(async () => {
  standIn = await XenditStandIn.start({ secretKey, callbackToken, clock });
  gateway = xendit();
});
afterAll(() => standIn.close());

describe('Xendit invoice creation against its stand-in', () => {
  it('creates an invoice and returns its URL, id and expiry', async () => {
    const link = await gateway.createPaymentLink(linkRequest('INV-X-0001'));

    const invoice = standIn.invoices.get('INV-X-0001');
    expect(link).toEqual({ url: `${standIn.baseUrl}/web/${invoice?.id}`, providerRef: invoice?.id, expiresAt: new Date('2026-12-11T03:00:00Z') });
    expect(invoice?.body).toEqual({
      external_id: 'INV-X-0001',
      amount: 250_000,
      currency: 'IDR',
      description: 'Internet 50 Mbps, Desember 2026',
      invoice_duration: 86_400,
      customer: { given_names: 'Siti Aminah', mobile_number: '+6285712345678' },
    });
  });

  it('reports a wrong secret key as refused credentials', async () => {
    const error = await rejectedAppError(xendit({ secretKey: 'xnd_development_wrong' }).createPaymentLink(linkRequest('INV-X-wrong')));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_AUTH_FAILED', details: { provider: 'xendit', httpStatus: 401, retryable: false } });
    expect(error.message).toContain('INVALID_API_KEY');
  });

  it('reports a validation refusal with Xendit error code', async () => {
    const error = await rejectedAppError(gateway.createPaymentLink(linkRequest('INV-X-phone', { customer: { name: 'Siti', phone: '085712345678' } })));

    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_ERROR', details: { httpStatus: 400, retryable: false } });
    expect(error.message).toContain('API_VALIDATION_ERROR');
  });
});

describe('Xendit invoice callbacks', () => {
  it('parses a paid invoice callback carrying the right token', async () => {
    await gateway.createPaymentLink(linkRequest('INV-X-paid'));
    const callback = standIn.signedNotification('INV-X-paid', { status: 'PAID', at: new Date('2026-12-10T07:15:00Z') });

    expect(gateway.verifyNotification(callback)).toEqual({
      provider: 'xendit',
      orderId: 'INV-X-paid',
      providerRef: standIn.invoices.get('INV-X-paid')?.id,
      status: 'paid',
      amount: 250_000,
      paidAt: new Date('2026-12-10T07:15:00Z'),
      raw: JSON.parse(callback.rawBody.toString()),
    });
  });

  it('reports the paid amount, which is what moved, and maps SETTLED and EXPIRED', () => {
    expect(gateway.verifyNotification(standIn.signedNotification('INV-X-2', { status: 'PAID', amount: 250_000, paidAmount: 200_000 })).amount).toBe(200_000);
    expect(gateway.verifyNotification(standIn.signedNotification('INV-X-2', { status: 'SETTLED', amount: 250_000 })).status).toBe('paid');
    expect(gateway.verifyNotification(standIn.signedNotification('INV-X-2', { status: 'EXPIRED', amount: 250_000 }))).toMatchObject({
      status: 'expired',
      amount: 250_000,
      paidAt: undefined,
    });
  });

  it('rejects a wrong or missing x-callback-token', () => {
    const callback = standIn.signedNotification('INV-X-3', { status: 'PAID', amount: 10_000 });

    for (const token of ['callback-verification-token-2', 'callback-verification-token-1 ', '', undefined]) {
      const error = thrownAppError(() => gateway.verifyNotification(withHeader(callback, 'x-callback-token', token)));
      expect(error).toMatchObject({ code: 'PAYMENT_SIGNATURE_INVALID', httpStatus: 401 });
    }
  });

  it('finds the token whatever the header case', () => {
    const callback = standIn.signedNotification('INV-X-4', { status: 'PAID', amount: 10_000 });

    expect(gateway.verifyNotification(withHeader(callback, 'X-CALLBACK-TOKEN', callbackToken)).status).toBe('paid');
  });

  it('refuses a fractional amount in an authentic callback', () => {
    const callback = standIn.signedNotification('INV-X-5', { status: 'PAID', amount: 10_000, paidAmount: 10_000.5 });

    expect(thrownAppError(() => gateway.verifyNotification(callback))).toMatchObject({ code: 'PAYMENT_AMOUNT_INVALID', details: { field: 'paid_amount' } });
  });

  it('refuses an authentic callback that is not an invoice', () => {
    const error = thrownAppError(() => gateway.verifyNotification({ headers: { 'x-callback-token': callbackToken }, rawBody: Buffer.from('{"event":"payment.succeeded"}') }));

    expect(error).toMatchObject({ code: 'PAYMENT_NOTIFICATION_INVALID', httpStatus: 400 });
  });
});
