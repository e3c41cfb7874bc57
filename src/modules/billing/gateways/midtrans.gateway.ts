import { basicAuth, postJson, providerRefusal } from './http.ts';
import {
  jsonObjectOf,
  requiredString,
  signatureInvalid,
  unknownStatus,
  validateLinkRequest,
  type CreatePaymentLinkRequest,
  type GatewayDeps,
  type PaymentGateway,
  type PaymentLink,
  type PaymentNotification,
  type PaymentNotificationRequest,
  type PaymentStatus,
} from './payment-gateway.ts';
import type { MidtransConfig } from './provider-config.ts';
import { parseRupiah } from './rupiah.ts';
import { constantTimeEqual, sha512Hex } from './signatures.ts';

const defaultBaseUrls = { sandbox: 'https://app.sandbox.midtrans.com', production: 'https://app.midtrans.com' };

/**
 * Midtrans Snap: `POST /snap/v1/transactions` (Basic auth, the server key as user name) answers
 * 201 `{ token, redirect_url }` or `{ error_messages: [...] }`. Notifications carry
 * `signature_key` = SHA-512 hex of order_id + status_code + gross_amount + server key.
 */
export class MidtransGateway implements PaymentGateway {
  readonly provider = 'midtrans' as const;
  private readonly config: MidtransConfig;
  private readonly deps: GatewayDeps;

  constructor(config: MidtransConfig, deps: GatewayDeps) {
    this.config = config;
    this.deps = deps;
  }

  async createPaymentLink(request: CreatePaymentLinkRequest): Promise<PaymentLink> {
    // Snap takes expiry as a start time in WIB plus a whole number of minutes.
    const start = new Date(Math.floor(this.deps.clock.now().getTime() / 1000) * 1000);
    const link = validateLinkRequest(request, start);
    const minutes = Math.ceil((link.expiresAt.getTime() - start.getTime()) / 60_000);
    const headers: Record<string, string> = { authorization: basicAuth(this.config.serverKey) };
    if (this.config.notificationUrl) headers['x-override-notification'] = this.config.notificationUrl;
    const response = await postJson({
      provider: this.provider,
      url: `${this.deps.baseUrl ?? defaultBaseUrls[this.config.mode]}/snap/v1/transactions`,
      headers,
      body: {
        transaction_details: { order_id: link.orderId, gross_amount: link.amount },
        // Shown on the Snap page; Midtrans caps item names at 50 characters.
        item_details: [{ id: link.orderId, price: link.amount, quantity: 1, name: link.description.slice(0, 50) }],
        customer_details: { first_name: link.customer.name, phone: link.customer.phone, ...(link.customer.email ? { email: link.customer.email } : {}) },
        expiry: { start_time: formatWib(start), unit: 'minutes', duration: minutes },
      },
      timeoutMs: this.config.timeoutMs,
      fetch: this.deps.fetch,
    });
    const json = (response.json ?? {}) as { token?: unknown; redirect_url?: unknown; error_messages?: unknown };
    if ((response.status === 200 || response.status === 201) && typeof json.redirect_url === 'string') {
      // Snap's answer has no transaction id yet: it appears in the first notification.
      return { url: json.redirect_url, expiresAt: new Date(start.getTime() + minutes * 60_000) };
    }
    const said = Array.isArray(json.error_messages) ? json.error_messages.filter((m) => typeof m === 'string').join('; ') : undefined;
    throw providerRefusal({ provider: this.provider, httpStatus: response.status, said, authFailed: response.status === 401 });
  }

  verifyNotification(request: PaymentNotificationRequest): PaymentNotification {
    // The signature lives inside the body, so a body we cannot read cannot be authentic.
    const body = jsonObjectOf(request.rawBody);
    if (!body) throw signatureInvalid(this.provider, 'the body is not a JSON object');
    const signed = (field: string) => (typeof body[field] === 'string' ? (body[field] as string) : '');
    const expected = sha512Hex(signed('order_id') + signed('status_code') + signed('gross_amount') + this.config.serverKey);
    if (!constantTimeEqual(signed('signature_key'), expected)) throw signatureInvalid(this.provider, 'signature_key does not match');

    const status = statusOf(body);
    // Only order_id, status_code and gross_amount are signed. A genuine "pending" (201)
    // notification edited to say "settlement" keeps a valid signature, so a payment must also
    // carry the signed success code.
    if (status === 'paid' && signed('status_code') !== '200') {
      throw signatureInvalid(this.provider, `transaction_status "${String(body.transaction_status)}" contradicts the signed status_code ${signed('status_code')}`);
    }
    return {
      provider: this.provider,
      orderId: requiredString(this.provider, body, 'order_id'),
      providerRef: requiredString(this.provider, body, 'transaction_id'),
      status,
      // gross_amount is what we asked for; Midtrans deducts its fees at settlement, not here.
      amount: parseRupiah(body.gross_amount, 'gross_amount'),
      paidAt: status === 'paid' ? parseWib(body.settlement_time ?? body.transaction_time) : undefined,
      raw: body,
    };
  }
}

const statusOf = (body: Record<string, unknown>): PaymentStatus => {
  const status = requiredString('midtrans', body, 'transaction_status');
  switch (status) {
    case 'settlement':
      return 'paid';
    case 'capture':
      // Card payments: "challenge" waits for the merchant's review in the dashboard.
      return body.fraud_status === 'accept' ? 'paid' : body.fraud_status === 'deny' ? 'failed' : 'pending';
    case 'pending':
    case 'authorize':
      return 'pending';
    case 'deny':
    case 'cancel':
    case 'failure':
      return 'failed';
    case 'expire':
      return 'expired';
    case 'refund':
    case 'partial_refund':
    case 'chargeback':
    case 'partial_chargeback':
      // amount stays the original gross_amount; the refunded part is in raw (refund_amount).
      return 'refunded';
    default:
      throw unknownStatus('midtrans', status);
  }
};

const wibOffsetMs = 7 * 60 * 60 * 1000;

/** `2026-12-10 10:00:00 +0700`, the format Snap's expiry.start_time takes. */
const formatWib = (date: Date): string => {
  const wib = new Date(date.getTime() + wibOffsetMs).toISOString();
  return `${wib.slice(0, 10)} ${wib.slice(11, 19)} +0700`;
};

/** Midtrans notification times (`2026-12-10 10:00:00`) are WIB without an offset. */
const parseWib = (value: unknown): Date | undefined => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value.replace(' ', 'T')}+07:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
};
