import { AppError } from '../../../platform/errors/app-error.ts';
import { postJson, providerRefusal } from './http.ts';
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
import type { TripayConfig } from './provider-config.ts';
import { parseRupiah } from './rupiah.ts';
import { constantTimeEqual, hmacSha256Hex } from './signatures.ts';
import { billingErrors } from '../billing.errors.ts';

const defaultBaseUrls = { sandbox: 'https://tripay.co.id/api-sandbox', production: 'https://tripay.co.id/api' };

/**
 * Tripay closed payment: `POST {api}/transaction/create` (Bearer API key) with `signature` =
 * HMAC-SHA256(merchant_code + merchant_ref + amount, private key); answers
 * `{ success, message, data }`. Callbacks are signed over the whole raw body
 * (`X-Callback-Signature`, HMAC-SHA256 with the private key) and name their kind in
 * `X-Callback-Event`.
 */
export class TripayGateway implements PaymentGateway {
  readonly provider = 'tripay' as const;
  private readonly config: TripayConfig;
  private readonly deps: GatewayDeps;

  constructor(config: TripayConfig, deps: GatewayDeps) {
    this.config = config;
    this.deps = deps;
  }

  async createPaymentLink(request: CreatePaymentLinkRequest): Promise<PaymentLink> {
    const link = validateLinkRequest(request, this.deps.clock.now());
    const { merchantCode, privateKey } = this.config;
    const response = await postJson({
      provider: this.provider,
      url: `${this.deps.baseUrl ?? defaultBaseUrls[this.config.mode]}/transaction/create`,
      headers: { authorization: `Bearer ${this.config.apiKey}` },
      body: {
        method: this.config.paymentMethod,
        merchant_ref: link.orderId,
        amount: link.amount,
        customer_name: link.customer.name,
        customer_email: link.customer.email ?? this.config.defaultCustomerEmail,
        customer_phone: link.customer.phone,
        // Tripay requires order items summing to the amount: the invoice is one line.
        order_items: [{ sku: link.orderId, name: link.description, price: link.amount, quantity: 1 }],
        ...(this.config.notificationUrl ? { callback_url: this.config.notificationUrl } : {}),
        expired_time: Math.floor(link.expiresAt.getTime() / 1000),
        signature: hmacSha256Hex(privateKey, `${merchantCode}${link.orderId}${link.amount}`),
      },
      timeoutMs: this.config.timeoutMs,
      fetch: this.deps.fetch,
    });
    const json = (response.json ?? {}) as { success?: unknown; message?: unknown; data?: { checkout_url?: unknown; reference?: unknown; expired_time?: unknown } };
    if (json.success === true && typeof json.data?.checkout_url === 'string' && typeof json.data.reference === 'string') {
      const expiredTime = json.data.expired_time;
      return {
        url: json.data.checkout_url,
        providerRef: json.data.reference,
        expiresAt: typeof expiredTime === 'number' ? new Date(expiredTime * 1000) : link.expiresAt,
      };
    }
    // Tripay documents the failure body ("Invalid API Key") but not its HTTP status.
    const authFailed = response.status === 401 || (typeof json.message === 'string' && /invalid api key/i.test(json.message));
    throw providerRefusal({ provider: this.provider, httpStatus: response.status, said: json.message, authFailed });
  }

  verifyNotification(request: PaymentNotificationRequest): PaymentNotification {
    const signature = headerValue(request.headers, 'x-callback-signature');
    if (signature === undefined) throw signatureInvalid(this.provider, 'X-Callback-Signature header is missing');
    if (!constantTimeEqual(signature, hmacSha256Hex(this.config.privateKey, request.rawBody))) {
      throw signatureInvalid(this.provider, 'X-Callback-Signature does not match the body');
    }
    // The event header is not covered by the signature; it only tells us how to read the body.
    const event = headerValue(request.headers, 'x-callback-event');
    if (event !== 'payment_status') {
      throw new AppError(billingErrors.PAYMENT_NOTIFICATION_INVALID, `tripay callback event "${event ?? ''}" is not payment_status.`, { provider: this.provider, event });
    }

    const body = parseAuthenticatedJson(this.provider, request.rawBody);
    const status = statusOf(requiredString(this.provider, body, 'status'));
    // total_amount is what the customer paid, including a fee the merchant passed on to them
    // (fee_customer); what counts towards the invoice is the order amount we asked for.
    const totalAmount = parseRupiah(body.total_amount, 'total_amount');
    const feeCustomer = body.fee_customer === undefined || body.fee_customer === null ? 0 : parseRupiah(body.fee_customer, 'fee_customer');
    const paidAtSeconds = Number(body.paid_at);
    return {
      provider: this.provider,
      // merchant_ref is null only for open payments, which Simpul never creates.
      orderId: requiredString(this.provider, body, 'merchant_ref'),
      providerRef: requiredString(this.provider, body, 'reference'),
      status,
      amount: totalAmount - feeCustomer,
      paidAt: status === 'paid' && body.paid_at !== null && Number.isSafeInteger(paidAtSeconds) && paidAtSeconds > 0 ? new Date(paidAtSeconds * 1000) : undefined,
      raw: body,
    };
  }
}

const statusOf = (status: string): PaymentStatus => {
  switch (status) {
    case 'PAID':
      return 'paid';
    case 'UNPAID':
      return 'pending';
    case 'FAILED':
      return 'failed';
    case 'EXPIRED':
      return 'expired';
    case 'REFUND':
      return 'refunded';
    default:
      throw unknownStatus('tripay', status);
  }
};
