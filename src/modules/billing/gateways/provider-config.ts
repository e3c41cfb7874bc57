import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.ts';
import { unknownProviderFields } from '../../../platform/providers.ts';
import { paymentProviders } from './payment-gateway.ts';
import { billingErrors } from '../billing.errors.ts';

/**
 * Per-tenant payment gateway settings (decrypted). Each tenant uses its own provider account at
 * the provider's own address: a tenant never chooses where Simpul sends requests (development and
 * tests point providers at stand-ins with SIMPUL_PROVIDER_URL_OVERRIDES, never through the API).
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
  timeoutMs,
});

export const xenditConfigSchema = z.object({
  provider: z.literal('xendit'),
  /** Test or live secret key; Xendit has one host for both, the key decides the mode. */
  secretKey: required(),
  /** "Callback verification token" from the Xendit dashboard; invoice callbacks carry it in x-callback-token. */
  callbackToken: required(),
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
  timeoutMs,
});

export const paymentGatewayConfigSchema = z.discriminatedUnion('provider', [midtransConfigSchema, xenditConfigSchema, tripayConfigSchema]);
const schemaOf = { midtrans: midtransConfigSchema, xendit: xenditConfigSchema, tripay: tripayConfigSchema };

export type PaymentGatewayConfigInput = z.input<typeof paymentGatewayConfigSchema>;
export type PaymentGatewayConfig = z.output<typeof paymentGatewayConfigSchema>;
export type MidtransConfig = z.output<typeof midtransConfigSchema>;
export type XenditConfig = z.output<typeof xenditConfigSchema>;
export type TripayConfig = z.output<typeof tripayConfigSchema>;

const invalid = (provider: unknown, fields: { field: string; problem: string }[]) =>
  new AppError(
    billingErrors.PAYMENT_GATEWAY_CONFIG_INVALID,
    `Payment gateway config (${String(provider)}) is invalid: ${fields.map((f) => `${f.field} ${f.problem}`).join('; ')}.`,
    { fields },
  );

/** Validates a gateway config (a stored one, or input already checked); a bad one is a 400 naming every offending field. */
export const parsePaymentGatewayConfig = (input: unknown): PaymentGatewayConfig => {
  const provider = (input as { provider?: unknown } | null | undefined)?.provider;
  if (!paymentProviders.includes(provider as never)) {
    const problem = `must be one of: ${paymentProviders.join(', ')}`;
    throw new AppError(billingErrors.PAYMENT_GATEWAY_CONFIG_INVALID, `Payment gateway provider ${problem}.`, { fields: [{ field: 'provider', problem }] });
  }
  const parsed = paymentGatewayConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(provider, parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), problem: issue.message })));
};

/** A tenant's config as entered: every field must be one the provider has (`baseUrl` and other unknown fields are refused). */
export const parsePaymentGatewayInput = (input: Record<string, unknown> & { provider: PaymentGatewayConfig['provider'] }): PaymentGatewayConfig => {
  const schema = schemaOf[input.provider];
  if (!schema) return parsePaymentGatewayConfig(input);
  const unknown = unknownProviderFields(input.provider, schema.shape, input);
  if (unknown.length > 0) throw invalid(input.provider, unknown);
  return parsePaymentGatewayConfig(input);
};
