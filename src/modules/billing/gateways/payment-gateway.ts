import { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { billingErrors } from '../billing.errors.ts';

/**
 * One interface for every payment provider. An adapter creates a payment link through the
 * provider's HTTP API and authenticates the provider's notifications; it never touches the
 * database or the event bus (billing decides what a verified notification means).
 */

export const paymentProviders = ['midtrans', 'xendit', 'tripay'] as const;
export type PaymentProvider = (typeof paymentProviders)[number];

export type CreatePaymentLinkRequest = {
  /**
   * Our reference, echoed back in every notification. Unique per link: Midtrans refuses a
   * second Snap transaction with the same order_id, so a new link for the same invoice needs a
   * new orderId (e.g. the invoice number plus an attempt suffix).
   */
  orderId: string;
  /** Integer rupiah. */
  amount: number;
  customer: { name: string; phone: string; email?: string };
  description: string;
  expiresAt: Date;
};

export type PaymentLink = {
  /** Where the customer pays (Snap redirect page, Xendit invoice page, Tripay checkout page). */
  url: string;
  /** The provider's id for the link, when it gives one at creation (Xendit invoice id, Tripay reference). */
  providerRef?: string;
  expiresAt: Date;
};

/**
 * `refunded` goes beyond paid/pending/failed/expired on purpose: Midtrans (`refund`,
 * `chargeback`) and Tripay (`REFUND`) report money going back, and calling that "failed" would
 * misstate an invoice that was paid.
 */
export type PaymentStatus = 'paid' | 'pending' | 'failed' | 'expired' | 'refunded';

/** A notification as received: headers plus the exact bytes, since signatures cover the raw body. */
export type PaymentNotificationRequest = {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
};

export type PaymentNotification = {
  provider: PaymentProvider;
  orderId: string;
  /** The provider's transaction id: deduplicate payments by it. */
  providerRef: string;
  status: PaymentStatus;
  /** Integer rupiah credited to the order (see each adapter for which field that is). */
  amount: number;
  paidAt?: Date;
  /** The parsed body, for the payment history and for debugging. */
  raw: unknown;
};

export interface PaymentGateway {
  readonly provider: PaymentProvider;
  /** Throws PAYMENT_GATEWAY_AUTH_FAILED (our keys refused) or PAYMENT_GATEWAY_ERROR (details.retryable). */
  createPaymentLink(request: CreatePaymentLinkRequest): Promise<PaymentLink>;
  /**
   * Authenticates and parses a notification. Throws PAYMENT_SIGNATURE_INVALID (401) for a forged
   * one, PAYMENT_NOTIFICATION_INVALID for an authentic one we cannot read, PAYMENT_AMOUNT_INVALID
   * for an amount that is not whole rupiah.
   */
  verifyNotification(request: PaymentNotificationRequest): PaymentNotification;
}

/** What an adapter needs from outside: time, and HTTP (injectable so tests can observe it). */
export type GatewayDeps = {
  clock: Clock;
  fetch: typeof fetch;
  /** The provider's address: its own host (sandbox / production) unless overridden for development and tests. */
  baseUrl?: string;
};

// The intersection of what the three providers accept as an order reference (Midtrans is the
// strictest: at most 50 characters of letters, digits, `-`, `_`, `~` and `.`).
const linkRequestSchema = z.object({
  orderId: z.string().regex(/^[A-Za-z0-9._~-]{1,50}$/, 'must be 1–50 letters, digits or . _ ~ -'),
  amount: z.number().int('must be whole rupiah').positive('must be positive').max(Number.MAX_SAFE_INTEGER),
  customer: z.object({
    name: z.string().trim().min(1, 'is required'),
    phone: z.string().trim().min(1, 'is required'),
    email: z.email().optional(),
  }),
  description: z.string().trim().min(1, 'is required'),
  expiresAt: z.date(),
});

/** Validates a link request before anything goes over the network. */
export const validateLinkRequest = (request: CreatePaymentLinkRequest, now: Date): CreatePaymentLinkRequest => {
  const parsed = linkRequestSchema.safeParse(request);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), problem: issue.message }));
    const code = fields.some((f) => f.field === 'amount') ? billingErrors.PAYMENT_AMOUNT_INVALID : 'VALIDATION_FAILED';
    throw new AppError(code, `Payment link request is invalid: ${fields.map((f) => `${f.field} ${f.problem}`).join('; ')}.`, { fields });
  }
  if (parsed.data.expiresAt.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'Payment link request is invalid: expiresAt must be in the future.', {
      fields: [{ field: 'expiresAt', problem: 'must be in the future' }],
    });
  }
  return parsed.data;
};

export const headerValue = (headers: PaymentNotificationRequest['headers'], name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as a JSON object, or undefined when the bytes are not UTF-8 JSON holding an object. */
export const jsonObjectOf = (rawBody: Buffer): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(strictUtf8.decode(rawBody));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Parses a body already authenticated by a header: unreadable bytes are the provider's fault, not a forgery. */
export const parseAuthenticatedJson = (provider: PaymentProvider, rawBody: Buffer): Record<string, unknown> => {
  const body = jsonObjectOf(rawBody);
  if (body) return body;
  throw new AppError(billingErrors.PAYMENT_NOTIFICATION_INVALID, `${provider} notification body is not a JSON object.`, { provider });
};

/** Reads a required string field of a notification body. */
export const requiredString = (provider: PaymentProvider, body: Record<string, unknown>, field: string): string => {
  const value = body[field];
  if (typeof value === 'string' && value !== '') return value;
  throw new AppError(billingErrors.PAYMENT_NOTIFICATION_INVALID, `${provider} notification has no ${field}.`, { provider, field });
};

export const signatureInvalid = (provider: PaymentProvider, why: string): AppError =>
  new AppError(billingErrors.PAYMENT_SIGNATURE_INVALID, `${provider} notification rejected: ${why}.`, { provider });

export const unknownStatus = (provider: PaymentProvider, status: string): AppError =>
  new AppError(billingErrors.PAYMENT_NOTIFICATION_INVALID, `${provider} notification has an unknown status "${status}".`, { provider, status });
