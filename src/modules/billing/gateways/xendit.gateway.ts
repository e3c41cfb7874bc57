import { basicAuth, postJson, providerRefusal } from './http.ts';
import {
  headerValue,
  parseAuthenticatedJson,
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
import type { XenditConfig } from './provider-config.ts';
import { parseRupiah } from './rupiah.ts';
import { constantTimeEqual } from './signatures.ts';

const defaultBaseUrl = 'https://api.xendit.co';

/**
 * Xendit Invoices: `POST /v2/invoices` (Basic auth, the secret key as user name) answers 200
 * with the invoice (`id`, `invoice_url`, `expiry_date`) or `{ error_code, message }`. Invoice
 * callbacks are authenticated only by the `x-callback-token` header: the body itself is not
 * signed, so its integrity rests on TLS and the token staying secret.
 */
export class XenditGateway implements PaymentGateway {
  readonly provider = 'xendit' as const;
  private readonly config: XenditConfig;
  private readonly deps: GatewayDeps;

  constructor(config: XenditConfig, deps: GatewayDeps) {
    this.config = config;
    this.deps = deps;
  }

  async createPaymentLink(request: CreatePaymentLinkRequest): Promise<PaymentLink> {
    const now = this.deps.clock.now();
    const link = validateLinkRequest(request, now);
    const { name, phone, email } = link.customer;
    const response = await postJson({
      provider: this.provider,
      url: `${this.deps.baseUrl ?? defaultBaseUrl}/v2/invoices`,
      headers: { authorization: basicAuth(this.config.secretKey) },
      body: {
        external_id: link.orderId,
        amount: link.amount,
        currency: 'IDR',
        description: link.description,
        invoice_duration: Math.ceil((link.expiresAt.getTime() - now.getTime()) / 1000),
        customer: { given_names: name, mobile_number: phone, ...(email ? { email } : {}) },
        ...(email ? { payer_email: email } : {}),
      },
      timeoutMs: this.config.timeoutMs,
      fetch: this.deps.fetch,
    });
    const json = (response.json ?? {}) as { id?: unknown; invoice_url?: unknown; expiry_date?: unknown; error_code?: unknown; message?: unknown };
    if (response.status === 200 && typeof json.invoice_url === 'string' && typeof json.id === 'string') {
      const expiresAt = typeof json.expiry_date === 'string' ? new Date(json.expiry_date) : link.expiresAt;
      return { url: json.invoice_url, providerRef: json.id, expiresAt: Number.isNaN(expiresAt.getTime()) ? link.expiresAt : expiresAt };
    }
    const said = typeof json.error_code === 'string' ? `${json.error_code}${typeof json.message === 'string' ? `: ${json.message}` : ''}` : undefined;
    const authFailed = response.status === 401 || json.error_code === 'INVALID_API_KEY' || json.error_code === 'REQUEST_FORBIDDEN_ERROR';
    throw providerRefusal({ provider: this.provider, httpStatus: response.status, said, authFailed });
  }

  verifyNotification(request: PaymentNotificationRequest): PaymentNotification {
    const token = headerValue(request.headers, 'x-callback-token');
    if (token === undefined) throw signatureInvalid(this.provider, 'x-callback-token header is missing');
    if (!constantTimeEqual(token, this.config.callbackToken)) throw signatureInvalid(this.provider, 'x-callback-token does not match');

    const body = parseAuthenticatedJson(this.provider, request.rawBody);
    const status = statusOf(requiredString(this.provider, body, 'status'));
    const paidAt = typeof body.paid_at === 'string' ? new Date(body.paid_at) : undefined;
    return {
      provider: this.provider,
      orderId: requiredString(this.provider, body, 'external_id'),
      providerRef: requiredString(this.provider, body, 'id'),
      status,
      // paid_amount is the money that moved; an invoice without customer-borne fees has it
      // equal to amount. Unpaid callbacks carry only amount.
      amount: status === 'paid' && body.paid_amount !== undefined ? parseRupiah(body.paid_amount, 'paid_amount') : parseRupiah(body.amount, 'amount'),
      paidAt: status === 'paid' && paidAt && !Number.isNaN(paidAt.getTime()) ? paidAt : undefined,
      raw: body,
    };
  }
}

const statusOf = (status: string): PaymentStatus => {
  switch (status) {
    case 'PAID':
    case 'SETTLED':
      return 'paid';
    case 'PENDING':
      return 'pending';
    case 'EXPIRED':
      return 'expired';
    default:
      throw unknownStatus('xendit', status);
  }
};
