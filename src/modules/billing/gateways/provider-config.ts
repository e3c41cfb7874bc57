import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.ts';
import { paymentProviders } from './payment-gateway.ts';

/**
 * Per-tenant payment gateway settings (decrypted). Each tenant uses its own provider account;
 * `baseUrl` overrides the provider's address (a stand-in in tests and the demo).
 */

const required = () => z.string({ error: 'is required' }).trim().min(1, 'is required');
const optionalUrl = () =>
  z
    .url({ error: 'must be an http(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional();
const mode = z.enum(['sandbox', 'production'], { error: 'is required: sandbox or production' });
const timeoutMs = z.number().int().min(1).max(120_000).default(15_000);

export const midtransConfigSchema = z.object({
  provider: z.literal('midtrans'),
  /** Sandbox and production keys differ (SB-Mid-server-… vs Mid-server-…): mode must match the key. */
  mode,
  serverKey: required(),
  /** Sent as X-Override-Notification so each tenant's notifications reach its own webhook. */
  notificationUrl: optionalUrl(),
  baseUrl: optionalUrl(),
  timeoutMs,
});

export const xenditConfigSchema = z.object({
  provider: z.literal('xendit'),
  /** Test or live secret key; Xendit has one host for both, the key decides the mode. */
  secretKey: required(),
  /** "Callback verification token" from the Xendit dashboard; invoice callbacks carry it in x-callback-token. */
  callbackToken: required(),
  baseUrl: optionalUrl(),
  timeoutMs,
});

export const tripayConfigSchema = z.object({
  provider: z.literal('tripay'),
  mode,
  apiKey: required(),
  privateKey: required(),
  merchantCode: required(),
  /** Closed-payment channel code enabled on the merchant, e.g. BRIVA, BCAVA, QRIS2, ALFAMART. */
  paymentMethod: z
    .string({ error: 'is required: a Tripay channel code such as BRIVA or QRIS2' })
    .trim()
    .regex(/^[A-Z0-9_]+$/, 'must be a Tripay channel code such as BRIVA or QRIS2'),
  /** Tripay requires customer_email; customers without one get this address (the ISP's billing mailbox). */
  defaultCustomerEmail: z.email({ error: 'is required: Tripay needs an email for customers who have none' }),
  /** Sent as callback_url; without it Tripay uses the merchant's default callback URL. */
  notificationUrl: optionalUrl(),
  baseUrl: optionalUrl(),
  timeoutMs,
});

export const paymentGatewayConfigSchema = z.discriminatedUnion('provider', [midtransConfigSchema, xenditConfigSchema, tripayConfigSchema]);

export type PaymentGatewayConfigInput = z.input<typeof paymentGatewayConfigSchema>;
export type PaymentGatewayConfig = z.output<typeof paymentGatewayConfigSchema>;
export type MidtransConfig = z.output<typeof midtransConfigSchema>;
export type XenditConfig = z.output<typeof xenditConfigSchema>;
export type TripayConfig = z.output<typeof tripayConfigSchema>;

/** Validates a tenant's gateway config; a bad one is a 400 naming every offending field. */
export const parsePaymentGatewayConfig = (input: unknown): PaymentGatewayConfig => {
  const provider = (input as { provider?: unknown } | null | undefined)?.provider;
  if (!paymentProviders.includes(provider as never)) {
    const problem = `must be one of: ${paymentProviders.join(', ')}`;
    throw new AppError('PAYMENT_GATEWAY_CONFIG_INVALID', `Payment gateway provider ${problem}.`, { fields: [{ field: 'provider', problem }] });
  }
  const parsed = paymentGatewayConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), problem: issue.message }));
  throw new AppError(
    'PAYMENT_GATEWAY_CONFIG_INVALID',
    `Payment gateway config (${String(provider)}) is invalid: ${fields.map((f) => `${f.field} ${f.problem}`).join('; ')}.`,
    { fields },
  );
};
