import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.ts';
import { classifyGatewayFailure } from './gateway-reason.ts';
import { postToProvider } from './http.ts';
import type { FonnteConfig } from './provider-config.ts';
import { recipientDigits, requireText, WaSendError } from './wa-errors.ts';
import {
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
 * Fonnte (unofficial gateway on a linked WhatsApp device), from docs.fonnte.com:
 * - POST https://api.fonnte.com/send, header `Authorization: <device token>` (no "Bearer"),
 *   form fields `target`, `message`, `countryCode` (replaces a leading 0; we send 62… already).
 * - Success → `{ status: true, detail, id: ["<id>"], process: "pending", target: [...], requestid }`;
 *   failure → `{ status: false, reason: "<text>" }`, typically with HTTP 200.
 * - Status webhook ("webhook update message status") POSTs JSON `{ device, id, stateid, status, state }`.
 * Doubtful: the exact failure reason strings (we match loosely), and the Feb 2025 "secret key
 * webhook" feature, whose field name the docs we found do not give. So the webhook carries no
 * checkable authentication: mount it on an unguessable per-tenant URL.
 * Fonnte has no idempotency key: a retry after a timeout may send twice.
 */
export class FonnteGateway implements WaGateway {
  readonly provider = 'fonnte' as const;
  private readonly config: FonnteConfig;
  private readonly deps: GatewayDeps;

  constructor(config: FonnteConfig, deps: GatewayDeps) {
    this.config = config;
    this.deps = deps;
  }

  async send(request: WaSendRequest): Promise<WaSendResult> {
    const target = recipientDigits(request, this.provider);
    const message = requireText(request, this.provider);
    const response = await postToProvider({
      provider: this.provider,
      url: `${this.deps.baseUrl ?? 'https://api.fonnte.com'}/send`,
      headers: { authorization: this.config.token },
      body: new URLSearchParams({ target, message, countryCode: '62' }),
      timeoutMs: this.config.timeoutMs,
      fetch: this.deps.fetch,
    });
    const answer = fonnteAnswerSchema.safeParse(response.json);
    if (response.status < 300 && answer.success && answer.data.status) {
      const id = answer.data.id?.[0];
      if (id !== undefined) return { externalId: String(id) };
      throw new WaSendError({
        code: notificationsErrors.WA_PROVIDER_UNAVAILABLE,
        provider: this.provider,
        message: 'Fonnte accepted the request but returned no message id.',
        outcomeUnknown: true,
      });
    }
    const reason = answer.success ? (answer.data.reason ?? answer.data.detail) : undefined;
    throw classifyGatewayFailure(this.provider, response, reason, this.deps.clock.now().getTime());
  }

  parseStatusWebhook(request: WaWebhookRequest): WaStatusUpdate[] {
    const body = fonnteStatusSchema.safeParse(parseBody(request));
    if (!body.success) throw new AppError('VALIDATION_FAILED', 'Fonnte webhook body is not a message status update.');
    const { id, state, status, timestamp } = body.data;
    const mapped = mapFonnteStatus(state, status);
    if (!mapped) return [];
    return [
      {
        externalId: String(id),
        status: mapped,
        at: timestamp ? new Date(Number(timestamp) * 1000) : this.deps.clock.now(),
        ...(mapped === 'failed' ? { reason: `Fonnte: ${status}` } : {}),
      },
    ];
  }
}

const fonnteAnswerSchema = z.object({
  status: z.boolean(),
  id: z.array(z.union([z.string(), z.number()])).optional(),
  reason: z.string().optional(),
  detail: z.string().optional(),
});

const fonnteStatusSchema = z.object({
  id: z.union([z.string(), z.number()]),
  status: z.string().optional(),
  state: z.string().optional(),
  timestamp: z.union([z.string().regex(/^\d+$/), z.number()]).optional(),
});

/** `state` tracks the receipt (delivered/read); `status` the send (sent/invalid/expired/…). */
const mapFonnteStatus = (state: string | undefined, status: string | undefined): WaDeliveryStatus | undefined => {
  const s = state?.toLowerCase();
  if (s === 'read' || s === 'played') return 'read';
  if (s === 'delivered' || s === 'received') return 'delivered';
  const t = status?.toLowerCase();
  if (t === 'sent' || s === 'sent' || s === 'server') return 'sent';
  if (t === 'invalid' || t === 'expired' || t === 'url unreachable' || t === 'failed') return 'failed';
  return undefined; // pending, waiting, processing: not a change we record
};

const parseBody = (request: WaWebhookRequest): unknown => {
  try {
    return JSON.parse(rawBodyText(request.rawBody));
  } catch {
    throw new AppError('MALFORMED_JSON', 'Fonnte webhook body is not JSON.');
  }
};
