import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.ts';
import { classifyGatewayFailure } from './gateway-reason.ts';
import { postToProvider } from './http.ts';
import type { WablasConfig } from './provider-config.ts';
import { recipientDigits, requireText, WaSendError } from './wa-errors.ts';
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
 * Wablas (unofficial gateway on a linked WhatsApp device), from wablas.com/documentation/api:
 * - POST https://{your server}.wablas.com/api/send-message, header `Authorization: <token>`; accounts with a secret
 *   key send `Authorization: <token>.<secret key>`. Form (or JSON) fields `phone`, `message`.
 * - Success → `{ status: true, message: "Message is pending…", data: { device_id, quota,
 *   messages: [{ id, phone, message, status: "pending", ref_id }] } }`; failure → `{ status: false, message }`.
 * - "Webhook tracking" POSTs `{ id, phone, status, device_id }`, status one of
 *   sent / received / read / cancel / reject / pending.
 * Doubtful: whether `ref_id` is accepted on this endpoint (responses show it; we send our
 * idempotency key there, harmless if ignored), the HTTP status of auth failures, and the
 * webhook's encoding (we accept JSON and form). The webhook has no documented
 * authentication: mount it on an unguessable per-tenant URL.
 */
export class WablasGateway implements WaGateway {
  readonly provider = 'wablas' as const;
  private readonly config: WablasConfig;
  private readonly deps: GatewayDeps;

  constructor(config: WablasConfig, deps: GatewayDeps) {
    this.config = config;
    this.deps = deps;
  }

  async send(request: WaSendRequest): Promise<WaSendResult> {
    const phone = recipientDigits(request, this.provider);
    const message = requireText(request, this.provider);
    const authorization = this.config.secretKey ? `${this.config.token}.${this.config.secretKey}` : this.config.token;
    const response = await postToProvider({
      provider: this.provider,
      url: `${this.deps.baseUrl ?? `https://${this.config.server}.wablas.com`}/api/send-message`,
      headers: { authorization },
      body: new URLSearchParams({ phone, message, ref_id: request.idempotencyKey }),
      timeoutMs: this.config.timeoutMs,
      fetch: this.deps.fetch,
    });
    const answer = wablasAnswerSchema.safeParse(response.json);
    if (response.status < 300 && answer.success && answer.data.status) {
      const id = answer.data.data?.messages?.[0]?.id;
      if (id !== undefined) return { externalId: String(id) };
      throw new WaSendError({
        code: notificationsErrors.WA_PROVIDER_UNAVAILABLE,
        provider: this.provider,
        message: 'Wablas accepted the request but returned no message id.',
        outcomeUnknown: true,
      });
    }
    const reason = answer.success ? answer.data.message : undefined;
    throw classifyGatewayFailure(this.provider, response, reason, this.deps.clock.now().getTime());
  }

  parseStatusWebhook(request: WaWebhookRequest): WaStatusUpdate[] {
    const body = wablasStatusSchema.safeParse(parseBody(request));
    if (!body.success) throw new AppError('VALIDATION_FAILED', 'Wablas webhook body is not a message tracking update.');
    const mapped = wablasStatuses[body.data.status.toLowerCase()];
    if (!mapped) return [];
    return [
      {
        externalId: body.data.id,
        status: mapped,
        at: this.deps.clock.now(),
        ...(mapped === 'failed' ? { reason: `Wablas: ${body.data.status}` } : {}),
      },
    ];
  }
}

const wablasAnswerSchema = z.object({
  status: z.boolean(),
  message: z.string().optional(),
  data: z
    .object({ messages: z.array(z.object({ id: z.union([z.string(), z.number()]) })).optional() })
    .nullish(),
});

const wablasStatusSchema = z.object({ id: z.string().min(1), status: z.string() });

const wablasStatuses: Record<string, WaDeliveryStatus | undefined> = {
  sent: 'sent',
  received: 'delivered',
  delivered: 'delivered',
  read: 'read',
  cancel: 'failed',
  reject: 'failed',
  failed: 'failed',
};

const parseBody = (request: WaWebhookRequest): unknown => {
  const text = rawBodyText(request.rawBody);
  const isForm = /application\/x-www-form-urlencoded/i.test(headerValue(request.headers, 'content-type') ?? '');
  if (isForm) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('MALFORMED_JSON', 'Wablas webhook body is neither JSON nor a form.');
  }
};
