/*
 * STAND-IN, NOT TRIPAY. A local imitation of Tripay's closed-payment API as tripay.co.id/developer
 * describes it: `POST /api/transaction/create` with `Authorization: Bearer <API key>`, body
 * { method, merchant_ref, amount, customer_name, customer_email, customer_phone?, order_items
 * [{ name, price, quantity }] summing to amount, callback_url?, return_url?, expired_time (unix),
 * signature = HMAC-SHA256(merchant_code + merchant_ref + amount, private key) }; answers
 * { success, message, data }. Tripay documents the failure body ({ success: false, message })
 * but not its HTTP status: 401 and 400 here are the stand-in's choice. Callbacks are signed over
 * the raw body (X-Callback-Signature) and typed by X-Callback-Event.
 * Built on the shared HTTP stand-in base (../http-stand-in.ts); `failNext(503)` answers HTML.
 */
import { createHmac } from 'node:crypto';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { isPositiveInteger, parseJsonObject, type RecordedRequest, type SignedNotification, type StandInReply } from '../http-stand-in.ts';
import { PaymentStandIn } from '../payment-stand-in.ts';

export type TripayTransaction = { reference: string; merchantRef: string; amount: number; method: string; expiredTime: number; body: Record<string, unknown> };
export type TripayCallbackStatus = 'PAID' | 'UNPAID' | 'EXPIRED' | 'FAILED' | 'REFUND';

export type TripayStandInOptions = {
  apiKey: string;
  privateKey: string;
  merchantCode: string;
  /** Channels enabled on the merchant. */
  channels?: string[];
  clock?: Clock;
  port?: number;
};

const merchantFee = 4_250;

export class TripayStandIn extends PaymentStandIn {
  /** Closed transactions created, by merchant_ref. */
  readonly transactions = new Map<string, TripayTransaction>();
  private readonly options: TripayStandInOptions;
  private readonly clock: Clock;
  private nextReference = 1;

  private constructor(options: TripayStandInOptions) {
    super();
    this.options = options;
    this.clock = options.clock ?? systemClock;
  }

  static async start(options: TripayStandInOptions): Promise<TripayStandIn> {
    return new TripayStandIn(options).listen(options);
  }

  /** The API root, like https://tripay.co.id/api. */
  override get baseUrl(): string {
    return `${this.origin}/api`;
  }

  /**
   * The payment_status callback Tripay sends. `feeCustomer` is a fee the merchant passed on to
   * the customer: it is added to total_amount as Tripay does. Amount defaults to the transaction's.
   */
  signedNotification(merchantRef: string, update: { status: TripayCallbackStatus; amount?: number; feeCustomer?: number; at?: Date }): SignedNotification {
    const transaction = this.transactions.get(merchantRef);
    const amount = update.amount ?? transaction?.amount;
    if (amount === undefined) throw new Error(`no Tripay transaction for ${merchantRef}: pass an amount`);
    const feeCustomer = update.feeCustomer ?? 0;
    const totalAmount = amount + feeCustomer;
    const body = {
      reference: transaction?.reference ?? this.newReference(),
      merchant_ref: merchantRef,
      payment_method: 'BRI Virtual Account',
      payment_method_code: transaction?.method ?? 'BRIVA',
      total_amount: totalAmount,
      fee_merchant: merchantFee,
      fee_customer: feeCustomer,
      total_fee: merchantFee + feeCustomer,
      amount_received: totalAmount - merchantFee - feeCustomer,
      is_closed_payment: 1,
      status: update.status,
      paid_at: update.status === 'PAID' ? Math.floor((update.at ?? this.clock.now()).getTime() / 1000) : null,
      note: null,
    };
    const rawBody = Buffer.from(JSON.stringify(body));
    return {
      headers: {
        'content-type': 'application/json',
        'X-Callback-Event': 'payment_status',
        'X-Callback-Signature': createHmac('sha256', this.options.privateKey).update(rawBody).digest('hex'),
      },
      rawBody,
    };
  }

  protected answer(request: RecordedRequest): StandInReply {
    if (request.method !== 'POST' || request.path !== '/api/transaction/create') return { status: 404, json: { success: false, message: 'Not found' } };
    if (request.headers.authorization !== `Bearer ${this.options.apiKey}`) return { status: 401, json: { success: false, message: 'Invalid API Key' } };
    const body = parseJsonObject(request.rawBody);
    const problem = body ? this.transactionProblem(body) : 'Invalid request body';
    if (problem) return { status: 400, json: { success: false, message: problem } };
    const merchantRef = body!.merchant_ref as string;
    const transaction: TripayTransaction = {
      reference: this.newReference(),
      merchantRef,
      amount: body!.amount as number,
      method: body!.method as string,
      expiredTime: (body!.expired_time as number | undefined) ?? Math.floor(this.clock.now().getTime() / 1000) + 86_400,
      body: body!,
    };
    this.transactions.set(merchantRef, transaction);
    return {
      status: 200,
      json: {
        success: true,
        message: '',
        data: {
          reference: transaction.reference,
          merchant_ref: merchantRef,
          payment_selection_type: 'static',
          payment_method: transaction.method,
          customer_name: body!.customer_name,
          customer_email: body!.customer_email,
          customer_phone: body!.customer_phone ?? null,
          callback_url: body!.callback_url ?? null,
          amount: transaction.amount,
          fee_merchant: merchantFee,
          fee_customer: 0,
          total_fee: merchantFee,
          amount_received: transaction.amount - merchantFee,
          pay_code: '57585748548596587',
          pay_url: null,
          checkout_url: `${this.origin}/checkout/${transaction.reference}`,
          status: 'UNPAID',
          expired_time: transaction.expiredTime,
          order_items: body!.order_items,
        },
      },
    };
  }

  private transactionProblem(body: Record<string, unknown>): string | undefined {
    const channels = this.options.channels ?? ['BRIVA', 'BCAVA', 'BNIVA', 'MANDIRIVA', 'QRIS2', 'ALFAMART'];
    if (typeof body.method !== 'string' || !channels.includes(body.method)) return `Payment channel ${String(body.method)} is not enabled`;
    if (typeof body.merchant_ref !== 'string' || body.merchant_ref === '') return 'The merchant ref field is required.';
    if (!isPositiveInteger(body.amount)) return 'The amount must be an integer.';
    if (typeof body.customer_name !== 'string' || body.customer_name === '') return 'The customer name field is required.';
    if (typeof body.customer_email !== 'string' || !body.customer_email.includes('@')) return 'The customer email must be a valid email address.';
    const items = Array.isArray(body.order_items) ? (body.order_items as Array<{ name?: unknown; price?: unknown; quantity?: unknown }>) : [];
    if (items.length === 0 || !items.every((i) => typeof i.name === 'string' && Number.isSafeInteger(i.price) && isPositiveInteger(i.quantity))) {
      return 'The order items field is required (name, price, quantity).';
    }
    if (items.reduce((sum, i) => sum + (i.price as number) * (i.quantity as number), 0) !== body.amount) return 'Total price of order items does not match the amount';
    const expected = createHmac('sha256', this.options.privateKey).update(`${this.options.merchantCode}${body.merchant_ref}${body.amount}`).digest('hex');
    if (body.signature !== expected) return 'Invalid signature';
    if (body.expired_time !== undefined && (!isPositiveInteger(body.expired_time) || body.expired_time <= this.clock.now().getTime() / 1000)) {
      return 'Expired time must be in the future';
    }
    return undefined;
  }

  private newReference(): string {
    return `DEV-${this.options.merchantCode}${String(this.nextReference++).padStart(10, '0')}`;
  }
}
