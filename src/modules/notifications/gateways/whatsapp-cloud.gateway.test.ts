import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { createWaGateway } from './create-wa-gateway.ts';
import { sendRetryingTransientFailures } from './testing.ts';
import { WhatsAppCloudStandIn } from '../../../simulators/whatsapp-cloud/whatsapp-cloud.stand-in.ts';
import { WaSendError } from './wa-errors.ts';
import type { WaGateway } from './wa-gateway.ts';
import { verifyCloudWebhookSubscription } from './whatsapp-cloud.gateway.ts';

const credentials = { accessToken: 'EAAG-test-token', phoneNumberId: '1098765432', appSecret: 'app-secret-1' };
const notOnWhatsApp = '+6281111111111';
const clock = new ManualClock('2026-12-10T03:00:00Z');

let standIn: WhatsAppCloudStandIn;
let gateway: WaGateway;

const cloudGateway = (overrides: Record<string, unknown> = {}, baseUrl = standIn.baseUrl) =>
  createWaGateway({ provider: 'whatsapp_cloud', ...credentials, timeoutMs: 2_000, ...overrides }, { clock, providerUrls: { whatsapp_cloud: baseUrl } });

const rejection = async (promise: Promise<unknown>): Promise<WaSendError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WaSendError);
  return error as WaSendError;
};

beforeAll(async () => {
  standIn = await WhatsAppCloudStandIn.start({
    ...credentials,
    templates: { tagihan_belum_dibayar: { languages: ['id'], parameters: ['customer_name', 'amount'] } },
    unregisteredNumbers: [notOnWhatsApp],
  });
  gateway = cloudGateway();
});
afterAll(() => standIn.close());
beforeEach(() => {
  standIn.accepted.length = 0;
});

describe('WhatsApp Cloud API adapter against its stand-in', () => {
  it('sends a text message that the stand-in accepts with Bearer auth and returns the wamid', async () => {
    const { externalId } = await gateway.send({ to: '+6281234567890', text: 'Halo Budi', idempotencyKey: 'k-text' });

    expect(externalId).toMatch(/^wamid\./);
    expect(standIn.accepted).toEqual([
      expect.objectContaining({ externalId, to: '6281234567890', type: 'text', text: 'Halo Budi', bizOpaqueCallbackData: 'k-text' }),
    ]);
    expect(standIn.requests.at(-1)?.path).toBe(`/v21.0/${credentials.phoneNumberId}/messages`);
  });

  it('sends an approved template with named parameters in preference to the text', async () => {
    await gateway.send({
      to: '+6281234567890',
      text: 'fallback text',
      template: { name: 'tagihan_belum_dibayar', language: 'id', variables: { customer_name: 'Budi', amount: 'Rp 150.000' } },
      idempotencyKey: 'k-template',
    });

    expect(standIn.accepted[0]).toMatchObject({
      type: 'template',
      template: { name: 'tagihan_belum_dibayar', language: 'id', parameters: [{ name: 'customer_name', text: 'Budi' }, { name: 'amount', text: 'Rp 150.000' }] },
    });
  });

  it('reports a template Meta does not know as a permanent template rejection', async () => {
    const error = await rejection(
      gateway.send({ to: '+6281234567890', template: { name: 'no_such_template', language: 'id', variables: {} }, idempotencyKey: 'k' }),
    );

    expect(error).toMatchObject({ code: 'WA_TEMPLATE_REJECTED', retryable: false, providerCode: '132001' });
    expect(standIn.accepted).toHaveLength(0);
  });

  it('turns a wrong access token into a permanent auth error', async () => {
    const error = await rejection(cloudGateway({ accessToken: 'wrong' }).send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: 'WA_PROVIDER_AUTH_FAILED', retryable: false, providerCode: '190' });
    expect(standIn.accepted).toHaveLength(0);
  });

  it('lets the caller retry 500, 500 and then delivers exactly one message', async () => {
    standIn.failNext({ kind: 'server_error' }, { kind: 'server_error' });

    const { result, transientFailures } = await sendRetryingTransientFailures(
      gateway,
      { to: '+6281234567890', text: 'Tagihan Anda', idempotencyKey: 'k-retry' },
      5,
    );

    expect(transientFailures.map((e) => e.code)).toEqual(['WA_PROVIDER_UNAVAILABLE', 'WA_PROVIDER_UNAVAILABLE']);
    expect(standIn.accepted).toHaveLength(1);
    expect(standIn.accepted[0].externalId).toBe(result.externalId);
  });

  it('passes on the wait a rate-limited answer asks for', async () => {
    standIn.failNext({ kind: 'rate_limited', retryAfterSeconds: 7 });

    const error = await rejection(gateway.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: 'WA_PROVIDER_RATE_LIMITED', retryable: true, retryAfterMs: 7_000, providerCode: '130429' });
  });

  it('reports a provider that never answers as a retryable timeout whose outcome is unknown', async () => {
    standIn.failNext({ kind: 'timeout' });

    const error = await rejection(cloudGateway({ timeoutMs: 150 }).send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: 'WA_PROVIDER_TIMEOUT', retryable: true, outcomeUnknown: true });
  });

  it('refuses a recipient that is not E.164 before anything is sent', async () => {
    const before = standIn.requests.length;

    const error = await rejection(gateway.send({ to: '0812-3456-7890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: 'WA_INVALID_RECIPIENT', retryable: false });
    expect(error.message).toContain('0812-3456-7890');
    expect(standIn.requests.length).toBe(before);
  });

  it('learns from the status webhook that a number is not on WhatsApp, with the reason', async () => {
    const { externalId } = await gateway.send({ to: notOnWhatsApp, text: 'Tagihan', idempotencyKey: 'k-unregistered' });

    const updates = gateway.parseStatusWebhook(standIn.deliveryReport());

    expect(updates).toEqual([
      { externalId, status: 'failed', reason: expect.stringContaining('131026'), at: expect.any(Date), idempotencyKey: 'k-unregistered' },
    ]);
  });

  it('parses delivered and read statuses with their time', async () => {
    const { externalId } = await gateway.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k-read' });
    const at = new Date('2026-12-10T03:05:00Z');

    const updates = gateway.parseStatusWebhook(
      standIn.statusWebhook([
        { externalId, status: 'delivered', at },
        { externalId, status: 'read', at },
      ]),
    );

    expect(updates.map((u) => [u.externalId, u.status, u.at.toISOString()])).toEqual([
      [externalId, 'delivered', at.toISOString()],
      [externalId, 'read', at.toISOString()],
    ]);
  });

  it('rejects webhooks that are unsigned, signed with another secret or altered after signing', () => {
    const genuine = standIn.statusWebhook([{ externalId: 'wamid.x', status: 'delivered' }]);
    const forged = standIn.statusWebhook([{ externalId: 'wamid.x', status: 'delivered' }], { signWith: 'attacker' });
    const altered = { ...genuine, rawBody: genuine.rawBody.replace('delivered', 'read') };
    const unsigned = { headers: { 'content-type': 'application/json' }, rawBody: genuine.rawBody };

    for (const request of [forged, altered, unsigned]) {
      expect(() => gateway.parseStatusWebhook(request)).toThrow(expect.objectContaining({ code: 'WA_WEBHOOK_SIGNATURE_INVALID' }));
    }
    expect(gateway.parseStatusWebhook(genuine)).toHaveLength(1);
  });

  it('enforces the stand-in rate limit like the provider would', async () => {
    const limited = await WhatsAppCloudStandIn.start({ ...credentials, rateLimit: { perSecond: 0.001, burst: 1 } });
    try {
      const limitedGateway = cloudGateway({}, limited.baseUrl);
      await limitedGateway.send({ to: '+6281234567890', text: 'first', idempotencyKey: 'a' });
      const error = await rejection(limitedGateway.send({ to: '+6281234567890', text: 'second', idempotencyKey: 'b' }));

      expect(error.code).toBe('WA_PROVIDER_RATE_LIMITED');
      expect(limited.accepted.map((m) => m.text)).toEqual(['first']);
    } finally {
      await limited.close();
    }
  });

  it('answers Meta subscription checks only with the right verify token', () => {
    const query = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' });

    expect(verifyCloudWebhookSubscription(query, 'verify-me')).toBe('1158201444');
    expect(() => verifyCloudWebhookSubscription(query, 'other')).toThrow(AppError);
    expect(() => verifyCloudWebhookSubscription(query, undefined)).toThrow(AppError);
  });
});

describe('WhatsApp Cloud API error classification', () => {
  const answering = (status: number, code: number, details = 'details') =>
    createWaGateway(
      { provider: 'whatsapp_cloud', ...credentials },
      { clock, fetch: async () => Response.json({ error: { message: 'x', type: 'OAuthException', code, error_data: { details } } }, { status }) },
    );

  it.each([
    [400, 131047, 'WA_MESSAGE_REJECTED', false],
    [400, 131026, 'WA_INVALID_RECIPIENT', false],
    [400, 131009, 'WA_INVALID_RECIPIENT', false, 'Parameter value is not valid: to'],
    [400, 131009, 'WA_MESSAGE_REJECTED', false, 'text.body is too long'],
    [400, 132000, 'WA_TEMPLATE_REJECTED', false],
    [401, 190, 'WA_PROVIDER_AUTH_FAILED', false],
    [400, 131056, 'WA_PROVIDER_RATE_LIMITED', true],
    [500, 131000, 'WA_PROVIDER_UNAVAILABLE', true],
    [503, 133004, 'WA_PROVIDER_UNAVAILABLE', true],
  ] as const)('HTTP %i with code %i is %s (retryable: %s)', async (status, code, expected, retryable, details?: string) => {
    const error = await rejection(answering(status, code, details).send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: expected, retryable, providerCode: String(code) });
  });

  it('treats an HTML 502 from a proxy as a temporary failure', async () => {
    const html = createWaGateway({ provider: 'whatsapp_cloud', ...credentials }, { clock, fetch: async () => new Response('<html>Bad Gateway</html>', { status: 502 }) });

    const error = await rejection(html.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: 'WA_PROVIDER_UNAVAILABLE', retryable: true });
  });
});
