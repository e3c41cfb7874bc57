import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { createPaymentGateway } from './create-payment-gateway.ts';
import type { PaymentGateway, PaymentNotification } from './payment-gateway.ts';
import { MidtransStandIn, type MidtransTransactionStatus } from '../../../simulators/midtrans/midtrans.stand-in.ts';
import type { SignedNotification } from '../../../simulators/http-stand-in.ts';
import { TripayStandIn, type TripayCallbackStatus } from '../../../simulators/tripay/tripay.stand-in.ts';
import { XenditStandIn, type XenditCallbackStatus } from '../../../simulators/xendit/xendit.stand-in.ts';

/*
 * Properties of notification verification over random orders and amounts. The stand-ins sign
 * with node:crypto on their own, so these check the adapters against the documented schemes,
 * not against themselves.
 */

const keys = { serverKey: 'SB-Mid-server-prop', secretKey: 'xnd_development_prop', callbackToken: 'prop-token', apiKey: 'DEV-prop', privateKey: 'prop-private', merchantCode: 'T0042' };

let midtransStandIn: MidtransStandIn;
let xenditStandIn: XenditStandIn;
let tripayStandIn: TripayStandIn;
let midtrans: PaymentGateway;
let xendit: PaymentGateway;
let tripay: PaymentGateway;

beforeAll(async () => {
  midtransStandIn = await MidtransStandIn.start({ serverKey: keys.serverKey });
  xenditStandIn = await XenditStandIn.start({ secretKey: keys.secretKey, callbackToken: keys.callbackToken });
  tripayStandIn = await TripayStandIn.start({ apiKey: keys.apiKey, privateKey: keys.privateKey, merchantCode: keys.merchantCode });
  midtrans = createPaymentGateway({ provider: 'midtrans', mode: 'sandbox', serverKey: keys.serverKey });
  xendit = createPaymentGateway({ provider: 'xendit', secretKey: keys.secretKey, callbackToken: keys.callbackToken });
  tripay = createPaymentGateway({
    provider: 'tripay',
    mode: 'sandbox',
    apiKey: keys.apiKey,
    privateKey: keys.privateKey,
    merchantCode: keys.merchantCode,
    paymentMethod: 'BRIVA',
    defaultCustomerEmail: 'tagihan@isp.example',
  });
});
afterAll(async () => {
  await Promise.all([midtransStandIn.close(), xenditStandIn.close(), tripayStandIn.close()]);
});

const orderIds = fc.stringMatching(/^[A-Za-z0-9._~-]{1,50}$/);
// Up to Rp 10 billion: far beyond any ISP invoice, still exact in a double.
const amounts = fc.integer({ min: 1, max: 10_000_000_000 });

/** A position in the body and a different byte to put there. */
const byteChange = fc.record({ position: fc.nat(), delta: fc.integer({ min: 1, max: 255 }) });

const changeOneByte = (body: Buffer, change: { position: number; delta: number }): Buffer => {
  const changed = Buffer.from(body);
  const at = change.position % changed.length;
  changed[at] = (changed[at]! + change.delta) % 256;
  return changed;
};

const verificationError = (verify: () => PaymentNotification): AppError | undefined => {
  try {
    verify();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
};

describe('sign-then-verify roundtrip', () => {
  const midtransStatuses: Array<[MidtransTransactionStatus, string]> = [
    ['settlement', 'paid'],
    ['pending', 'pending'],
    ['expire', 'expired'],
    ['deny', 'failed'],
  ];
  const xenditStatuses: Array<[XenditCallbackStatus, string]> = [
    ['PAID', 'paid'],
    ['SETTLED', 'paid'],
    ['EXPIRED', 'expired'],
  ];
  const tripayStatuses: Array<[TripayCallbackStatus, string]> = [
    ['PAID', 'paid'],
    ['EXPIRED', 'expired'],
    ['FAILED', 'failed'],
  ];

  it('Midtrans: every signed notification reads back as its order, amount and status', () => {
    fc.assert(
      fc.property(orderIds, amounts, fc.constantFrom(...midtransStatuses), (orderId, amount, [status, expected]) => {
        const parsed = midtrans.verifyNotification(midtransStandIn.signedNotification(orderId, { status, amount }));
        expect(parsed).toMatchObject({ orderId, amount, status: expected });
      }),
    );
  });

  it('Xendit: every callback with the token reads back as its order, amount and status', () => {
    fc.assert(
      fc.property(orderIds, amounts, fc.constantFrom(...xenditStatuses), (orderId, amount, [status, expected]) => {
        const parsed = xendit.verifyNotification(xenditStandIn.signedNotification(orderId, { status, amount }));
        expect(parsed).toMatchObject({ orderId, amount, status: expected });
      }),
    );
  });

  it('Tripay: every signed callback reads back as its order, amount and status', () => {
    fc.assert(
      fc.property(orderIds, amounts, fc.nat({ max: 10_000 }), fc.constantFrom(...tripayStatuses), (orderId, amount, feeCustomer, [status, expected]) => {
        const parsed = tripay.verifyNotification(tripayStandIn.signedNotification(orderId, { status, amount, feeCustomer }));
        expect(parsed).toMatchObject({ orderId, amount, status: expected });
      }),
    );
  });
});

describe('a single changed byte', () => {
  it('Tripay: anywhere in the body, fails the signature', () => {
    fc.assert(
      fc.property(orderIds, amounts, byteChange, (orderId, amount, change) => {
        const callback = tripayStandIn.signedNotification(orderId, { status: 'PAID', amount });
        const error = verificationError(() => tripay.verifyNotification({ ...callback, rawBody: changeOneByte(callback.rawBody, change) }));
        expect(error?.code).toBe('PAYMENT_SIGNATURE_INVALID');
      }),
    );
  });

  it('Midtrans: inside a signed field (order_id, status_code, gross_amount, signature_key), fails the signature', () => {
    fc.assert(
      fc.property(orderIds, amounts, fc.constantFrom('order_id', 'status_code', 'gross_amount', 'signature_key'), byteChange, (orderId, amount, field, change) => {
        const notification = midtransStandIn.signedNotification(orderId, { status: 'settlement', amount });
        const changed = changeOneByte(notification.rawBody, { position: valueOffset(notification, field, change.position), delta: change.delta });
        expect(verificationError(() => midtrans.verifyNotification({ ...notification, rawBody: changed }))?.code).toBe('PAYMENT_SIGNATURE_INVALID');
      }),
    );
  });

  it('Midtrans: anywhere else, never changes the order or the amount, and never turns a pending payment into a paid one', () => {
    // Midtrans signs only order_id + status_code + gross_amount: other fields can change
    // undetected, so what the signature guarantees is exactly these.
    fc.assert(
      fc.property(orderIds, amounts, byteChange, (orderId, amount, change) => {
        const notification = midtransStandIn.signedNotification(orderId, { status: 'pending', amount });
        let parsed: PaymentNotification | undefined;
        const error = verificationError(() => (parsed = midtrans.verifyNotification({ ...notification, rawBody: changeOneByte(notification.rawBody, change) })));
        if (error) return;
        expect(parsed).toMatchObject({ orderId, amount });
        expect(parsed?.status).not.toBe('paid');
      }),
    );
  });

  it('Xendit: anywhere in the callback token, fails verification', () => {
    fc.assert(
      fc.property(orderIds, amounts, byteChange, (orderId, amount, change) => {
        const callback = xenditStandIn.signedNotification(orderId, { status: 'PAID', amount });
        const token = changeOneByte(Buffer.from(keys.callbackToken), change).toString('latin1');
        const error = verificationError(() => xendit.verifyNotification({ ...callback, headers: { ...callback.headers, 'x-callback-token': token } }));
        expect(error?.code).toBe('PAYMENT_SIGNATURE_INVALID');
      }),
    );
  });
});

/** The byte offset of a position inside a string field's value in the notification body. */
const valueOffset = (notification: SignedNotification, field: string, position: number): number => {
  const text = notification.rawBody.toString('latin1');
  const start = text.indexOf(`"${field}":"`) + field.length + 4;
  const length = text.indexOf('"', start) - start;
  return start + (position % length);
};
