/*
 * STAND-IN, NOT FONNTE. A local imitation of https://api.fonnte.com/send as docs.fonnte.com
 * describes it: `Authorization: <device token>` (no "Bearer"), form fields `target`, `message`,
 * optional `countryCode` (replaces a leading 0, default 62); success
 * `{ status: true, detail, id: [..], process: "pending", requestid, target: [..] }`, failure
 * `{ status: false, reason }` with HTTP 200. Reason wording and the 429/500 answers are the
 * stand-in's guesses: Fonnte does not document them.
 * Built on the shared WhatsApp stand-in base (../whatsapp-stand-in.ts): faults, rate limit, unregistered numbers.
 */
import { randomInt } from 'node:crypto';
import type { WaDeliveryStatus } from '../../modules/notifications/index.ts';
import { parseFormOrJson, type RecordedRequest, type StandInReply } from '../http-stand-in.ts';
import { WhatsAppStandIn, type StandInOptions, type WebhookToSend } from '../whatsapp-stand-in.ts';

export type FonnteStandInOptions = StandInOptions & { token: string };
export type FonnteAcceptedMessage = { externalId: string; target: string; message: string };

export class FonnteStandIn extends WhatsAppStandIn {
  readonly accepted: FonnteAcceptedMessage[] = [];
  private readonly token: string;
  private nextId = 80_000_000;

  private constructor(options: FonnteStandInOptions) {
    super(options);
    this.token = options.token;
  }

  static async start(options: FonnteStandInOptions): Promise<FonnteStandIn> {
    return new FonnteStandIn(options).listen(options);
  }

  /** Fonnte's "update message status" webhook: one POST per message. */
  statusWebhook(externalId: string, update: { status: string; state?: string }): WebhookToSend {
    const rawBody = JSON.stringify({ device: '6280000000000', id: externalId, stateid: `state-${externalId}`, ...update });
    return { headers: { 'content-type': 'application/json' }, rawBody };
  }

  /** What Fonnte reports next per accepted message: delivered, or "invalid" for numbers not on WhatsApp. */
  deliveryReports(): Array<{ externalId: string; webhook: WebhookToSend; expected: WaDeliveryStatus }> {
    return this.accepted.map((m) =>
      this.isRegistered(m.target)
        ? { externalId: m.externalId, webhook: this.statusWebhook(m.externalId, { status: 'sent', state: 'delivered' }), expected: 'delivered' }
        : { externalId: m.externalId, webhook: this.statusWebhook(m.externalId, { status: 'invalid' }), expected: 'failed' },
    );
  }

  protected handle(request: RecordedRequest): StandInReply {
    if (request.method !== 'POST' || request.path !== '/send') return { status: 404, text: 'Not Found' };
    const requestid = randomInt(1_000_000, 9_999_999);
    const refuse = (reason: string): StandInReply => ({ status: 200, json: { reason, requestid, status: false } });
    if (request.headers.authorization !== this.token) return refuse('token invalid');
    const obstacle = this.nextObstacle();
    if (obstacle?.kind === 'timeout') return 'hold';
    if (obstacle?.kind === 'server_error') return { status: obstacle.status ?? 500, text: '<html><body>500 Internal Server Error</body></html>' };
    if (obstacle?.kind === 'rate_limited') {
      return { status: 429, json: { reason: 'rate limit exceeded, slow down', status: false }, headers: { 'retry-after': String(obstacle.retryAfterSeconds ?? 1) } };
    }
    const form = parseFormOrJson(request);
    if (!form) return refuse('request body must be form data or JSON');
    const message = typeof form.message === 'string' ? form.message : '';
    const countryCode = typeof form.countryCode === 'string' ? form.countryCode : '62';
    const rawTarget = typeof form.target === 'string' ? form.target.trim() : '';
    const target = countryCode !== '0' && rawTarget.startsWith('0') ? countryCode + rawTarget.slice(1) : rawTarget;
    if (rawTarget === '') return refuse('target required');
    if (!/^[1-9]\d{7,14}$/.test(target)) return refuse('target invalid');
    if (message === '') return refuse('message or attachment must be filled');
    const externalId = String(this.nextId++);
    this.accepted.push({ externalId, target, message });
    return { status: 200, json: { detail: 'success! message in queue', id: [externalId], process: 'pending', requestid, status: true, target: [target] } };
  }
}
