/*
 * STAND-IN, NOT MIDTRANS. A local imitation of the Snap API as docs.midtrans.com describes it:
 * `POST /snap/v1/transactions` with `Authorization: Basic base64(<server key>:)`, a JSON body
 * with transaction_details { order_id, gross_amount } (optional item_details summing to it,
 * customer_details, expiry { start_time "yyyy-MM-dd HH:mm:ss +0700", unit, duration }); answers
 * 201 { token, redirect_url } or { error_messages: [...] } (401 for a wrong key, 400 for a bad
 * body). Exact wording of the 400 messages is the stand-in's approximation. It also produces
 * correctly signed HTTP notifications so tests and the demo can simulate a customer paying.
 * Built on the shared HTTP stand-in base (../http-stand-in.ts); `failNext(503)` answers HTML.
 */
import { createHash, randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { isBasicAuthWithKey, isPositiveInteger, parseJsonObject, type RecordedRequest, type SignedNotification, type StandInReply } from '../http-stand-in.ts';
import { PaymentStandIn } from '../payment-stand-in.ts';

export type MidtransTransactionStatus =
  | 'settlement'
  | 'capture'
  | 'pending'
  | 'authorize'
  | 'deny'
  | 'cancel'
  | 'failure'
  | 'expire'
  | 'refund';

export type MidtransSnapTransaction = { orderId: string; grossAmount: number; token: string; transactionId: string; body: Record<string, unknown> };

// Midtrans status codes: 200 success, 201 pending, 202 denied, 407 expired.
const statusCodes: Record<MidtransTransactionStatus, string> = {
  settlement: '200',
  capture: '200',
  cancel: '200',
  refund: '200',
  pending: '201',
  authorize: '201',
  deny: '202',
  failure: '202',
  expire: '407',
};

const unauthorized = [
  'Access denied due to unauthorized transaction, please check client or server key',
  'Visit https://snap-docs.midtrans.com/#request-headers for more details',
];

export class MidtransStandIn extends PaymentStandIn {
  /** Snap transactions created, by order_id. */
  readonly transactions = new Map<string, MidtransSnapTransaction>();
  private readonly serverKey: string;
  private readonly clock: Clock;

  private constructor(serverKey: string, clock: Clock) {
    super();
    this.serverKey = serverKey;
    this.clock = clock;
  }

  static async start(options: { serverKey: string; clock?: Clock; port?: number }): Promise<MidtransStandIn> {
    return new MidtransStandIn(options.serverKey, options.clock ?? systemClock).listen(options);
  }

  /**
   * The HTTP notification Midtrans sends when a transaction changes, signed with the server key.
   * `grossAmount` overrides the "150000.00" rendering (to test odd amounts); amount defaults to
   * the Snap transaction's.
   */
  signedNotification(
    orderId: string,
    update: { status: MidtransTransactionStatus; amount?: number; grossAmount?: string; fraudStatus?: string; at?: Date },
  ): SignedNotification {
    const transaction = this.transactions.get(orderId);
    const amount = update.amount ?? transaction?.grossAmount;
    if (update.grossAmount === undefined && amount === undefined) throw new Error(`no Snap transaction for ${orderId}: pass an amount`);
    const grossAmount = update.grossAmount ?? `${amount}.00`;
    const statusCode = statusCodes[update.status];
    const time = wibTime(update.at ?? this.clock.now());
    const body = {
      transaction_time: time,
      transaction_status: update.status,
      transaction_id: transaction?.transactionId ?? randomUUID(),
      status_message: 'midtrans payment notification',
      status_code: statusCode,
      signature_key: createHash('sha512').update(orderId + statusCode + grossAmount + this.serverKey).digest('hex'),
      ...(update.status === 'settlement' ? { settlement_time: time } : {}),
      payment_type: update.status === 'capture' ? 'credit_card' : 'bank_transfer',
      order_id: orderId,
      merchant_id: 'G000000001',
      gross_amount: grossAmount,
      fraud_status: update.fraudStatus ?? 'accept',
      currency: 'IDR',
      ...(update.status === 'capture' ? {} : { va_numbers: [{ bank: 'bca', va_number: '12345678901' }] }),
    };
    return { headers: { 'content-type': 'application/json' }, rawBody: Buffer.from(JSON.stringify(body)) };
  }

  protected answer(request: RecordedRequest): StandInReply {
    if (request.method !== 'POST' || request.path !== '/snap/v1/transactions') return { status: 404, json: { error_messages: ['Not found'] } };
    if (!isBasicAuthWithKey(request.headers.authorization, this.serverKey)) return { status: 401, json: { error_messages: unauthorized } };
    const body = parseJsonObject(request.rawBody);
    const problems = body ? snapProblems(body) : ['Request body is not valid JSON'];
    if (problems.length > 0) return { status: 400, json: { error_messages: problems } };
    const details = body!.transaction_details as { order_id: string; gross_amount: number };
    if (this.transactions.has(details.order_id)) return { status: 400, json: { error_messages: ['transaction_details.order_id sudah digunakan'] } };
    const token = randomUUID();
    this.transactions.set(details.order_id, { orderId: details.order_id, grossAmount: details.gross_amount, token, transactionId: randomUUID(), body: body! });
    return { status: 201, json: { token, redirect_url: `${this.baseUrl}/snap/v4/redirection/${token}` } };
  }
}

const snapProblems = (body: Record<string, unknown>): string[] => {
  const problems: string[] = [];
  const details = body.transaction_details as { order_id?: unknown; gross_amount?: unknown } | undefined;
  if (typeof details?.order_id !== 'string' || !/^[A-Za-z0-9._~-]{1,50}$/.test(details.order_id)) {
    problems.push('transaction_details.order_id is required and may contain up to 50 letters, digits, -, _, ~ and .');
  }
  // IDR has no minor unit: Snap refuses decimals.
  if (!isPositiveInteger(details?.gross_amount)) problems.push('transaction_details.gross_amount must be a positive integer');
  const items = body.item_details;
  if (items !== undefined) {
    const list = Array.isArray(items) ? (items as Array<{ price?: unknown; quantity?: unknown; name?: unknown }>) : [];
    const valid = list.length > 0 && list.every((i) => Number.isSafeInteger(i.price) && isPositiveInteger(i.quantity) && typeof i.name === 'string' && i.name.length <= 50);
    if (!valid) problems.push('item_details must have a name (at most 50 characters), an integer price and a quantity');
    else if (list.reduce((sum, i) => sum + (i.price as number) * (i.quantity as number), 0) !== details?.gross_amount) {
      problems.push('transaction_details.gross_amount is not equal to the sum of item_details');
    }
  }
  const expiry = body.expiry as { start_time?: unknown; unit?: unknown; duration?: unknown } | undefined;
  if (expiry !== undefined) {
    if (typeof expiry.start_time !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/.test(expiry.start_time)) {
      problems.push('expiry.start_time must be in yyyy-MM-dd HH:mm:ss Z format');
    }
    if (!['minute', 'minutes', 'hour', 'hours', 'day', 'days'].includes(String(expiry.unit))) problems.push('expiry.unit must be minute, hour or day');
    if (!isPositiveInteger(expiry.duration)) problems.push('expiry.duration must be a positive integer');
  }
  return problems;
};

const wibTime = (date: Date): string => {
  const wib = new Date(date.getTime() + 7 * 60 * 60 * 1000).toISOString();
  return `${wib.slice(0, 10)} ${wib.slice(11, 19)}`;
};
