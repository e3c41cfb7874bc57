/*
 * STAND-IN, NOT META. A local imitation of the WhatsApp Cloud API send endpoint and its status
 * webhooks, checking what Meta documents: the path with version and phone-number id, the
 * Bearer token, `messaging_product: "whatsapp"`, text and template payloads. It answers with
 * Meta's shapes (`messages[].id` = "wamid…", `{ error: { code, error_data.details } }`) and
 * signs webhooks with X-Hub-Signature-256 like Meta. Error codes used: 190 bad token,
 * 100 bad parameter, 131009 bad value, 132001 unknown template, 132000 parameter mismatch,
 * 130429 throughput, 1 unknown server error, 131026 undeliverable (in webhooks).
 * Built on the shared WhatsApp stand-in base (../whatsapp-stand-in.ts): faults, rate limit, unregistered numbers.
 */
import { randomBytes } from 'node:crypto';
import { metaSignature, type WaDeliveryStatus } from '../../modules/notifications/index.ts';
import type { RecordedRequest, StandInReply } from '../http-stand-in.ts';
import { WhatsAppStandIn, type StandInOptions, type WebhookToSend } from '../whatsapp-stand-in.ts';

export type CloudStandInOptions = StandInOptions & {
  accessToken: string;
  phoneNumberId: string;
  appSecret: string;
  apiVersion?: string;
  /** Approved templates; when given, anything else is rejected as Meta would. */
  templates?: Record<string, { languages: string[]; parameters: string[] }>;
};

export type CloudTemplateReceived = { name: string; language: string; parameters: Array<{ name?: string; text: string }> };

export type CloudAcceptedMessage = {
  externalId: string;
  to: string;
  type: 'text' | 'template';
  text?: string;
  template?: CloudTemplateReceived;
  bizOpaqueCallbackData?: string;
};

export type CloudStatusToReport = { externalId: string; status: WaDeliveryStatus; errorCode?: number; at?: Date };

const undeliverable = { code: 131026, title: 'Message undeliverable', details: 'Message Undeliverable.' };

export class WhatsAppCloudStandIn extends WhatsAppStandIn {
  readonly accepted: CloudAcceptedMessage[] = [];
  private readonly options: CloudStandInOptions;
  private readonly apiVersion: string;

  private constructor(options: CloudStandInOptions) {
    super(options);
    this.options = options;
    this.apiVersion = options.apiVersion ?? 'v21.0';
  }

  static async start(options: CloudStandInOptions): Promise<WhatsAppCloudStandIn> {
    return new WhatsAppCloudStandIn(options).listen(options);
  }

  /** A status webhook as Meta sends it, signed with the app secret. */
  statusWebhook(statuses: CloudStatusToReport[], options: { signWith?: string } = {}): WebhookToSend {
    const byId = new Map(this.accepted.map((m) => [m.externalId, m]));
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA-STAND-IN',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550000000', phone_number_id: this.options.phoneNumberId },
                statuses: statuses.map((s) => {
                  const message = byId.get(s.externalId);
                  const error = s.errorCode === undefined ? undefined : s.errorCode === undeliverable.code ? undeliverable : { code: s.errorCode, title: 'Error', details: 'Stand-in error.' };
                  return {
                    id: s.externalId,
                    status: s.status,
                    timestamp: String(Math.floor((s.at ?? new Date()).getTime() / 1000)),
                    recipient_id: message?.to ?? '0',
                    ...(message?.bizOpaqueCallbackData ? { biz_opaque_callback_data: message.bizOpaqueCallbackData } : {}),
                    ...(error ? { errors: [{ code: error.code, title: error.title, message: error.title, error_data: { details: error.details } }] } : {}),
                  };
                }),
              },
            },
          ],
        },
      ],
    };
    const rawBody = JSON.stringify(body);
    return {
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(rawBody, options.signWith ?? this.options.appSecret) },
      rawBody,
    };
  }

  /** What Meta reports next for every accepted message: delivered, or failed 131026 when the number is not on WhatsApp. */
  deliveryReport(): WebhookToSend {
    return this.statusWebhook(
      this.accepted.map((m) =>
        this.isRegistered(m.to)
          ? { externalId: m.externalId, status: 'delivered' }
          : { externalId: m.externalId, status: 'failed', errorCode: undeliverable.code },
      ),
    );
  }

  protected handle(request: RecordedRequest): StandInReply {
    const path = `/${this.apiVersion}/${this.options.phoneNumberId}/messages`;
    if (request.method !== 'POST' || !request.path.endsWith('/messages')) return { status: 404, text: 'Not Found' };
    if (request.headers.authorization !== `Bearer ${this.options.accessToken}`) {
      return metaError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    if (request.path !== path) {
      return metaError(400, 100, `Unsupported post request. Object with ID '${request.path.split('/')[2]}' does not exist`);
    }
    const obstacle = this.nextObstacle();
    if (obstacle?.kind === 'timeout') return 'hold';
    if (obstacle?.kind === 'server_error') return metaError(obstacle.status ?? 500, 1, 'An unknown error has occurred.');
    if (obstacle?.kind === 'rate_limited') {
      const reply = metaError(429, 130429, 'Cloud API message throughput has been reached.');
      return obstacle.retryAfterSeconds === undefined ? reply : { ...reply, headers: { 'retry-after': String(obstacle.retryAfterSeconds) } };
    }
    return this.accept(request);
  }

  private accept(request: RecordedRequest): StandInReply {
    if (!(request.headers['content-type'] ?? '').includes('application/json')) return metaError(400, 100, 'Request body must be JSON.');
    let body: Record<string, any>;
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return metaError(400, 100, 'Request body is not valid JSON.');
    }
    if (body.messaging_product !== 'whatsapp') return metaError(400, 100, 'The parameter messaging_product is required.');
    const to = typeof body.to === 'string' ? body.to.replace(/^\+/, '') : '';
    if (!/^[1-9]\d{7,14}$/.test(to)) return metaError(400, 131009, `Parameter value is not valid: to "${String(body.to)}" is not a valid phone number.`);
    const externalId = `wamid.${randomBytes(18).toString('base64url')}`;
    const common = { externalId, to, ...(typeof body.biz_opaque_callback_data === 'string' ? { bizOpaqueCallbackData: body.biz_opaque_callback_data } : {}) };

    if (body.type === 'text') {
      const text = body.text?.body;
      if (typeof text !== 'string' || text.length === 0 || text.length > 4096) return metaError(400, 131009, 'text.body must be 1 to 4096 characters.');
      this.accepted.push({ ...common, type: 'text', text });
      return acceptedReply(to, externalId);
    }
    if (body.type === 'template') {
      const template = this.checkTemplate(body.template);
      if ('error' in template) return template.error;
      this.accepted.push({ ...common, type: 'template', template });
      return acceptedReply(to, externalId, 'accepted');
    }
    return metaError(400, 100, `Unsupported message type "${String(body.type)}".`);
  }

  private checkTemplate(template: any): CloudTemplateReceived | { error: StandInReply } {
    const name = template?.name;
    const language = template?.language?.code;
    if (typeof name !== 'string' || typeof language !== 'string') {
      return { error: metaError(400, 100, 'template.name and template.language.code are required.') };
    }
    const body = (template.components ?? []).find((c: any) => c?.type === 'body');
    const parameters: Array<{ name?: string; text: string }> = (body?.parameters ?? []).map((p: any) => ({
      ...(typeof p.parameter_name === 'string' ? { name: p.parameter_name } : {}),
      text: String(p.text),
    }));
    const approved = this.options.templates?.[name];
    if (this.options.templates && (!approved || !approved.languages.includes(language))) {
      return { error: metaError(404, 132001, `Template name (${name}) does not exist in ${language}.`) };
    }
    if (approved) {
      const names = parameters.map((p) => p.name);
      const namesMatch = names.every((n) => n === undefined) || names.slice().sort().join() === approved.parameters.slice().sort().join();
      if (parameters.length !== approved.parameters.length || !namesMatch) {
        return { error: metaError(400, 132000, `Number of parameters does not match the expected number of params (${approved.parameters.length}).`) };
      }
    }
    return { name, language, parameters };
  }
}

const acceptedReply = (to: string, externalId: string, messageStatus?: string): StandInReply => ({
  status: 200,
  json: {
    messaging_product: 'whatsapp',
    contacts: [{ input: to, wa_id: to }],
    messages: [{ id: externalId, ...(messageStatus ? { message_status: messageStatus } : {}) }],
  },
});

const metaError = (status: number, code: number, details: string): { status: number; json: unknown } => ({
  status,
  json: {
    error: {
      message: `(#${code}) ${details}`,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: randomBytes(9).toString('base64url'),
    },
  },
});
