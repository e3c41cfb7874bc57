import type { Clock } from '../../../platform/clock.ts';

/**
 * One interface for every WhatsApp provider. Adapters translate it to a provider's HTTP API
 * and its status webhooks; they never touch the database or the event bus.
 */

export const waProviders = ['whatsapp_cloud', 'fonnte', 'wablas', 'dev_inbox'] as const;
export type WaProvider = (typeof waProviders)[number];

/** A Meta-approved template (Cloud API). Variables are sent as named parameters by default. */
export type WaTemplateMessage = {
  name: string;
  /** Meta language code of the approved translation, e.g. `id` or `en_US`. */
  language: string;
  variables: Record<string, string>;
};

/**
 * Text, a template, or both: the Cloud API prefers the template (it is the only thing Meta
 * delivers outside the 24-hour customer-service window); unofficial gateways send the text.
 */
export type WaMessageContent =
  | { text: string; template?: WaTemplateMessage }
  | { text?: string; template: WaTemplateMessage };

export type WaSendRequest = WaMessageContent & {
  /** E.164, e.g. `+6281234567890`. */
  to: string;
  /** Stable per (event, rule, recipient); passed to providers that echo or honour it. */
  idempotencyKey: string;
};

export type WaSendResult = { externalId: string };

export type WaDeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export type WaStatusUpdate = {
  externalId: string;
  status: WaDeliveryStatus;
  /** Why a message failed, in the provider's words (with its error code where it has one). */
  reason?: string;
  at: Date;
  /** Our idempotency key, when the provider echoes it back (Cloud API `biz_opaque_callback_data`). */
  idempotencyKey?: string;
};

/** The webhook request as received: headers plus the exact bytes (signatures cover the raw body). */
export type WaWebhookRequest = {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string | Buffer;
};

export interface WaGateway {
  readonly provider: WaProvider;
  /** Resolves with the provider's message id, or throws a `WaSendError` (see `wa-errors.ts`). */
  send(request: WaSendRequest): Promise<WaSendResult>;
  /**
   * Authenticates (where the provider documents a way) and parses a status webhook. Throws
   * `WA_WEBHOOK_SIGNATURE_INVALID` for a forged request; ignores events that are not statuses.
   */
  parseStatusWebhook(request: WaWebhookRequest): WaStatusUpdate[];
}

/** What an adapter needs from outside: time, and HTTP (injectable so tests can observe it). */
export type GatewayDeps = {
  clock: Clock;
  fetch: typeof fetch;
  /** The provider's address: its own host unless overridden for development and tests. */
  baseUrl?: string;
};

export const headerValue = (headers: WaWebhookRequest['headers'], name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
};

export const rawBodyText = (rawBody: string | Buffer): string =>
  typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
