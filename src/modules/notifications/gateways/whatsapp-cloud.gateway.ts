import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { providerText } from '../../../platform/providers.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { postToProvider, type ProviderResponse } from './http.ts';
import type { WhatsappCloudConfig } from './provider-config.ts';
import { parseRetryAfter, recipientDigits, WaSendError, type WaSendErrorCode } from './wa-errors.ts';
import {
  headerValue,
  rawBodyText,
  type GatewayDeps,
  type WaDeliveryStatus,
  type WaGateway,
  type WaSendRequest,
  type WaSendResult,
  type WaStatusUpdate,
  type WaWebhookRequest,
} from './wa-gateway.ts';
import { notificationsErrors } from '../notifications.errors.ts';

/*
 * WhatsApp Cloud API (Meta Graph API), from Meta's public docs:
 * - POST {base}/{version}/{phone-number-id}/messages, `Authorization: Bearer <token>`, JSON with
 *   `messaging_product: "whatsapp"`; success → `{ messages: [{ id: "wamid…" }] }`.
 * - Errors → `{ error: { message, type, code, error_data: { details }, fbtrace_id } }`. Meta
 *   says to branch on `code`, not on the HTTP status or the title.
 * - A number that is not on WhatsApp is usually accepted here and fails later in a status
 *   webhook (131026), so "invalid number" reaches us by both paths.
 * Doubtful: which HTTP status accompanies 130429 (we branch on the code), and whether Meta ever
 * sends Retry-After (we honour it if present).
 */

const authCodes = new Set([0, 3, 10, 190]);
const rateLimitCodes = new Set([4, 80007, 130429, 131048, 131056]);
const transientCodes = new Set([1, 2, 131000, 131016, 131057, 133004]);
/** 131026 undeliverable, 131030 not in the test allow-list, 131021 recipient is the sender, 131050 user opted out of marketing. */
const recipientCodes = new Set([131021, 131026, 131030, 131050]);
/** 131047: more than 24 h since the customer last wrote; only a template may be sent. */
const windowClosedCode = 131047;
const isTemplateCode = (code: number) => code >= 132000 && code < 133000;
const isPermissionCode = (code: number) => code >= 200 && code <= 299;
/** 100 / 131009 are generic "invalid parameter": a recipient problem only when the details say so. */
const invalidParameterCodes = new Set([100, 131008, 131009]);

const cloudErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});

export class WhatsAppCloudGateway implements WaGateway {
  readonly provider = 'whatsapp_cloud' as const;
  private readonly config: WhatsappCloudConfig;
  private readonly deps: GatewayDeps;

  constructor(config: WhatsappCloudConfig, deps: GatewayDeps) {
    this.config = config;
    this.deps = deps;
  }

  async send(request: WaSendRequest): Promise<WaSendResult> {
    const to = recipientDigits(request, this.provider);
    const response = await postToProvider({
      provider: this.provider,
      url: `${this.deps.baseUrl ?? 'https://graph.facebook.com'}/${this.config.apiVersion}/${this.config.phoneNumberId}/messages`,
      headers: { authorization: `Bearer ${this.config.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(this.payload(to, request)),
      timeoutMs: this.config.timeoutMs,
      fetch: this.deps.fetch,
    });
    if (response.status >= 200 && response.status < 300) {
      const id = (response.json as { messages?: Array<{ id?: unknown }> } | undefined)?.messages?.[0]?.id;
      if (typeof id === 'string' && id !== '') return { externalId: id };
      throw new WaSendError({
        code: notificationsErrors.WA_PROVIDER_UNAVAILABLE,
        provider: this.provider,
        message: `WhatsApp Cloud API answered ${response.status} without a message id.`,
        outcomeUnknown: true,
      });
    }
    throw this.classify(response, request.to);
  }

  private payload(to: string, request: WaSendRequest) {
    // Meta echoes biz_opaque_callback_data in status webhooks: lets a timed-out send be matched later.
    const common = { messaging_product: 'whatsapp', recipient_type: 'individual', to, biz_opaque_callback_data: request.idempotencyKey };
    if (request.template) {
      const named = this.config.templateParameterFormat === 'named';
      const parameters = Object.entries(request.template.variables).map(([name, value]) =>
        named ? { type: 'text', parameter_name: name, text: value } : { type: 'text', text: value },
      );
      return {
        ...common,
        type: 'template',
        template: {
          name: request.template.name,
          language: { code: request.template.language },
          ...(parameters.length > 0 ? { components: [{ type: 'body', parameters }] } : {}),
        },
      };
    }
    return { ...common, type: 'text', text: { preview_url: false, body: request.text } };
  }

  private classify(response: ProviderResponse, to: string): WaSendError {
    const parsed = cloudErrorSchema.safeParse(response.json);
    const fail = (code: WaSendErrorCode, message: string, extra: { retryAfterMs?: number } = {}) =>
      new WaSendError({ code, provider: this.provider, message, providerCode: parsed.data?.error.code.toString(), ...extra });
    if (!parsed.success) {
      return response.status >= 500 || response.status === 429
        ? fail(response.status === 429 ? notificationsErrors.WA_PROVIDER_RATE_LIMITED : notificationsErrors.WA_PROVIDER_UNAVAILABLE, `WhatsApp Cloud API answered HTTP ${response.status}.`)
        : fail(notificationsErrors.WA_MESSAGE_REJECTED, `WhatsApp Cloud API answered HTTP ${response.status} without an error object.`);
    }
    const { code, message, error_data } = parsed.data.error;
    const reason = `(#${code}) ${providerText(error_data?.details) ?? providerText(message) ?? 'no details'}`;
    if (authCodes.has(code) || isPermissionCode(code) || response.status === 401) {
      return fail(notificationsErrors.WA_PROVIDER_AUTH_FAILED, `WhatsApp Cloud API refused the access token or its permissions ${reason}.`);
    }
    if (rateLimitCodes.has(code) || response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.deps.clock.now().getTime());
      return fail(notificationsErrors.WA_PROVIDER_RATE_LIMITED, `WhatsApp Cloud API is throttling this sender ${reason}.`, { retryAfterMs });
    }
    if (transientCodes.has(code) || response.status >= 500) {
      return fail(notificationsErrors.WA_PROVIDER_UNAVAILABLE, `WhatsApp Cloud API had a temporary failure ${reason}.`);
    }
    if (recipientCodes.has(code)) return fail(notificationsErrors.WA_INVALID_RECIPIENT, `WhatsApp cannot deliver to ${to} ${reason}.`);
    if (isTemplateCode(code)) return fail(notificationsErrors.WA_TEMPLATE_REJECTED, `WhatsApp rejected the template ${reason}.`);
    if (code === windowClosedCode) {
      return fail(notificationsErrors.WA_MESSAGE_REJECTED, `Free text is only allowed within 24 h of the customer's last message; send an approved template ${reason}.`);
    }
    if (invalidParameterCodes.has(code) && /phone|recipient|wa_?id|\bto\b\s*(?:["':]|$)/i.test(reason)) {
      return fail(notificationsErrors.WA_INVALID_RECIPIENT, `WhatsApp rejected the recipient ${to} ${reason}.`);
    }
    return fail(notificationsErrors.WA_MESSAGE_REJECTED, `WhatsApp Cloud API rejected the message ${reason}.`);
  }

  parseStatusWebhook(request: WaWebhookRequest): WaStatusUpdate[] {
    verifyMetaSignature(request, this.config.appSecret);
    const payload = statusWebhookSchema.safeParse(parseJsonBody(request));
    if (!payload.success) throw new AppError('VALIDATION_FAILED', 'WhatsApp Cloud API webhook body is not a webhook notification.');
    const updates: WaStatusUpdate[] = [];
    for (const entry of payload.data.entry) {
      for (const change of entry.changes) {
        for (const status of change.value.statuses ?? []) {
          if (!isDeliveryStatus(status.status)) continue; // e.g. "deleted", "warning": nothing to record
          const reason = status.errors
            ?.map((e) => `(#${e.code}) ${e.title ?? e.message ?? ''}${e.error_data?.details ? `: ${e.error_data.details}` : ''}`.trim())
            .join('; ');
          updates.push({
            externalId: status.id,
            status: status.status,
            at: new Date(Number(status.timestamp) * 1000),
            ...(reason ? { reason } : {}),
            ...(status.biz_opaque_callback_data ? { idempotencyKey: status.biz_opaque_callback_data } : {}),
          });
        }
      }
    }
    return updates;
  }
}

const statusWebhookSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({
            statuses: z
              .array(
                z.object({
                  id: z.string(),
                  status: z.string(),
                  timestamp: z.string().regex(/^\d+$/),
                  biz_opaque_callback_data: z.string().optional(),
                  errors: z
                    .array(
                      z.object({
                        code: z.number(),
                        title: z.string().optional(),
                        message: z.string().optional(),
                        error_data: z.object({ details: z.string().optional() }).optional(),
                      }),
                    )
                    .optional(),
                }),
              )
              .optional(),
          }),
        }),
      ),
    }),
  ),
});

const deliveryStatuses: readonly string[] = ['sent', 'delivered', 'read', 'failed'] satisfies WaDeliveryStatus[];
const isDeliveryStatus = (status: string): status is WaDeliveryStatus => deliveryStatuses.includes(status);

const parseJsonBody = (request: WaWebhookRequest): unknown => {
  try {
    return JSON.parse(rawBodyText(request.rawBody));
  } catch {
    throw new AppError('MALFORMED_JSON', 'WhatsApp Cloud API webhook body is not JSON.');
  }
};

const constantTimeEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256(app secret, raw body bytes). */
export const metaSignature = (rawBody: string | Buffer, appSecret: string): string =>
  `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;

const verifyMetaSignature = (request: WaWebhookRequest, appSecret: string): void => {
  const received = headerValue(request.headers, 'x-hub-signature-256') ?? '';
  const expected = metaSignature(request.rawBody, appSecret);
  if (!constantTimeEqual(received, expected)) {
    throw new AppError(notificationsErrors.WA_WEBHOOK_SIGNATURE_INVALID, 'WhatsApp Cloud API webhook signature (X-Hub-Signature-256) is missing or wrong.');
  }
};

/**
 * Meta's GET subscription check: answer `hub.challenge` when `hub.mode=subscribe` and
 * `hub.verify_token` matches the token configured in the Meta app dashboard.
 */
export const verifyCloudWebhookSubscription = (query: URLSearchParams, verifyToken: string | undefined): string => {
  const token = query.get('hub.verify_token') ?? '';
  const tokenMatches = verifyToken !== undefined && constantTimeEqual(token, verifyToken);
  if (query.get('hub.mode') !== 'subscribe' || !tokenMatches) {
    throw new AppError(notificationsErrors.WA_WEBHOOK_SIGNATURE_INVALID, 'WhatsApp webhook subscription: hub.verify_token does not match.');
  }
  return query.get('hub.challenge') ?? '';
};
