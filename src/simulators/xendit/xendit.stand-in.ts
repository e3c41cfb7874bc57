/*
 * STAND-IN, NOT XENDIT. A local imitation of the Invoices API as Xendit's API reference
 * describes it: `POST /v2/invoices` with `Authorization: Basic base64(<secret key>:)`, JSON body
 * { external_id, amount, description?, invoice_duration? (seconds), currency?, customer? };
 * answers 200 with the invoice (id, external_id, status PENDING, amount, invoice_url,
 * expiry_date, …) or { error_code, message } (401 INVALID_API_KEY, 400 API_VALIDATION_ERROR).
 * It also produces invoice callbacks carrying the x-callback-token header.
 * Built on the shared HTTP stand-in base (../http-stand-in.ts); `failNext(503)` answers HTML.
 */
import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { isBasicAuthWithKey, isPositiveInteger, parseJsonObject, type RecordedRequest, type SignedNotification, type StandInReply } from '../http-stand-in.ts';
import { PaymentStandIn } from '../payment-stand-in.ts';

export type XenditInvoice = { id: string; externalId: string; amount: number; description?: string; expiryDate: Date; body: Record<string, unknown> };
export type XenditCallbackStatus = 'PAID' | 'SETTLED' | 'EXPIRED';

export class XenditStandIn extends PaymentStandIn {
  /** Invoices created, by external_id (the latest one when an external_id is reused). */
  readonly invoices = new Map<string, XenditInvoice>();
  private readonly secretKey: string;
  private readonly callbackToken: string;
  private readonly clock: Clock;

  private constructor(options: { secretKey: string; callbackToken: string; clock?: Clock }) {
    super();
    this.secretKey = options.secretKey;
    this.callbackToken = options.callbackToken;
    this.clock = options.clock ?? systemClock;
  }

  static async start(options: { secretKey: string; callbackToken: string; clock?: Clock; port?: number }): Promise<XenditStandIn> {
    return new XenditStandIn(options).listen(options);
  }

  /** The invoice callback Xendit sends when an invoice is paid or expires; amount defaults to the invoice's. */
  signedNotification(externalId: string, update: { status: XenditCallbackStatus; amount?: number; paidAmount?: number; at?: Date }): SignedNotification {
    const invoice = this.invoices.get(externalId);
    const amount = update.amount ?? invoice?.amount;
    if (amount === undefined) throw new Error(`no Xendit invoice for ${externalId}: pass an amount`);
    const at = (update.at ?? this.clock.now()).toISOString();
    const isPaid = update.status !== 'EXPIRED';
    const body = {
      id: invoice?.id ?? objectId(),
      external_id: externalId,
      user_id: '5f0000000000000000000001',
      is_high: false,
      status: update.status,
      merchant_name: 'Simpul Demo ISP',
      amount,
      ...(isPaid
        ? { paid_amount: update.paidAmount ?? amount, paid_at: at, payment_method: 'BANK_TRANSFER', bank_code: 'BCA', payment_channel: 'BCA', payment_destination: '880812345678' }
        : {}),
      description: invoice?.description ?? 'Tagihan internet',
      created: at,
      updated: at,
      currency: 'IDR',
    };
    return { headers: { 'content-type': 'application/json', 'x-callback-token': this.callbackToken }, rawBody: Buffer.from(JSON.stringify(body)) };
  }

  protected answer(request: RecordedRequest): StandInReply {
    if (request.method !== 'POST' || request.path !== '/v2/invoices') return { status: 404, json: { error_code: 'NOT_FOUND', message: 'Not found' } };
    if (!isBasicAuthWithKey(request.headers.authorization, this.secretKey)) {
      return { status: 401, json: { error_code: 'INVALID_API_KEY', message: 'API key is not authorized for this API service' } };
    }
    const body = parseJsonObject(request.rawBody);
    const problem = body ? invoiceProblem(body) : 'request body must be JSON';
    if (problem) return { status: 400, json: { error_code: 'API_VALIDATION_ERROR', message: problem } };
    const now = this.clock.now();
    const duration = (body!.invoice_duration as number | undefined) ?? 86_400;
    const invoice: XenditInvoice = {
      id: objectId(),
      externalId: body!.external_id as string,
      amount: body!.amount as number,
      description: body!.description as string | undefined,
      expiryDate: new Date(now.getTime() + duration * 1000),
      body: body!,
    };
    this.invoices.set(invoice.externalId, invoice);
    return {
      status: 200,
      json: {
        id: invoice.id,
        external_id: invoice.externalId,
        user_id: '5f0000000000000000000001',
        status: 'PENDING',
        merchant_name: 'Simpul Demo ISP',
        amount: invoice.amount,
        description: invoice.description,
        expiry_date: invoice.expiryDate.toISOString(),
        invoice_url: `${this.baseUrl}/web/${invoice.id}`,
        currency: 'IDR',
        customer: body!.customer,
        created: now.toISOString(),
        updated: now.toISOString(),
      },
    };
  }
}

const invoiceProblem = (body: Record<string, unknown>): string | undefined => {
  if (typeof body.external_id !== 'string' || body.external_id === '') return '"external_id" is required';
  if (!isPositiveInteger(body.amount)) return '"amount" must be a positive number without decimals for IDR';
  if (body.invoice_duration !== undefined && !isPositiveInteger(body.invoice_duration)) return '"invoice_duration" must be a positive integer of seconds';
  if (body.currency !== undefined && body.currency !== 'IDR') return '"currency" is not enabled for this account';
  const customer = body.customer as { mobile_number?: unknown } | undefined;
  if (customer?.mobile_number !== undefined && !/^\+[1-9]\d{7,14}$/.test(String(customer.mobile_number))) {
    return '"customer.mobile_number" must be in E.164 format';
  }
  return undefined;
};

/** Xendit ids look like MongoDB object ids: 24 hex characters. */
const objectId = (): string => randomBytes(12).toString('hex');
