/*
 * STAND-IN, NOT WABLAS. A local imitation of {server}/api/send-message as Wablas documents it:
 * `Authorization: <token>` or, when the account has a secret key, `<token>.<secret key>`;
 * form or JSON fields `phone`, `message`; success `{ status: true, message: "Message is pending
 * and waiting to be processed", data: { device_id, quota, messages: [{ id, phone, message,
 * status: "pending", ref_id }] } }`, failure `{ status: false, message }`. The HTTP statuses of
 * failures (401, 429, 500) are the stand-in's guesses.
 * Built on the shared WhatsApp stand-in base (../whatsapp-stand-in.ts): faults, rate limit, unregistered numbers.
 */
import { randomUUID } from 'node:crypto';
import type { WaDeliveryStatus } from '../../modules/notifications/index.ts';
import { parseFormOrJson, type RecordedRequest, type StandInReply } from '../http-stand-in.ts';
import { WhatsAppStandIn, type StandInOptions, type WebhookToSend } from '../whatsapp-stand-in.ts';

export type WablasStandInOptions = StandInOptions & { token: string; secretKey?: string };
export type WablasAcceptedMessage = { externalId: string; phone: string; message: string; refId?: string };

export class WablasStandIn extends WhatsAppStandIn {
  readonly accepted: WablasAcceptedMessage[] = [];
  private readonly expectedAuthorization: string;
  private quota = 10_000;

  private constructor(options: WablasStandInOptions) {
    super(options);
    this.expectedAuthorization = options.secretKey ? `${options.token}.${options.secretKey}` : options.token;
  }

  static async start(options: WablasStandInOptions): Promise<WablasStandIn> {
    return new WablasStandIn(options).listen(options);
  }

  /** Wablas "webhook tracking": a form POST per status change. */
  statusWebhook(externalId: string, status: string): WebhookToSend {
    const message = this.accepted.find((m) => m.externalId === externalId);
    const rawBody = new URLSearchParams({ id: externalId, phone: message?.phone ?? '', status, device_id: 'STANDIN' }).toString();
    return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, rawBody };
  }

  /** What Wablas reports next per accepted message: received, or "reject" for numbers not on WhatsApp. */
  deliveryReports(): Array<{ externalId: string; webhook: WebhookToSend; expected: WaDeliveryStatus }> {
    return this.accepted.map((m) =>
      this.isRegistered(m.phone)
        ? { externalId: m.externalId, webhook: this.statusWebhook(m.externalId, 'received'), expected: 'delivered' }
        : { externalId: m.externalId, webhook: this.statusWebhook(m.externalId, 'reject'), expected: 'failed' },
    );
  }

  protected handle(request: RecordedRequest): StandInReply {
    if (request.method !== 'POST' || request.path !== '/api/send-message') return { status: 404, json: { status: false, message: 'not found' } };
    if (request.headers.authorization !== this.expectedAuthorization) return { status: 401, json: { status: false, message: 'token invalid' } };
    const obstacle = this.nextObstacle();
    if (obstacle?.kind === 'timeout') return 'hold';
    if (obstacle?.kind === 'server_error') return { status: obstacle.status ?? 500, json: { status: false, message: 'internal server error' } };
    if (obstacle?.kind === 'rate_limited') {
      return { status: 429, json: { status: false, message: 'too many requests' }, headers: { 'retry-after': String(obstacle.retryAfterSeconds ?? 1) } };
    }
    const form = parseFormOrJson(request);
    const refuse = (message: string): StandInReply => ({ status: 400, json: { status: false, message } });
    if (!form) return refuse('request body must be form data or JSON');
    const phone = typeof form.phone === 'string' ? form.phone.trim() : '';
    const message = typeof form.message === 'string' ? form.message : '';
    if (!/^[1-9]\d{7,14}$/.test(phone)) return refuse('phone number invalid');
    if (message === '') return refuse('message is required');
    const refId = typeof form.ref_id === 'string' && form.ref_id !== '' ? form.ref_id : undefined;
    const externalId = randomUUID();
    this.accepted.push({ externalId, phone, message, ...(refId ? { refId } : {}) });
    this.quota -= 1;
    return {
      status: 200,
      json: {
        status: true,
        message: 'Message is pending and waiting to be processed',
        data: { device_id: 'STANDIN', quota: this.quota, messages: [{ id: externalId, phone, message, status: 'pending', ref_id: refId ?? '' }] },
      },
    };
  }
}
