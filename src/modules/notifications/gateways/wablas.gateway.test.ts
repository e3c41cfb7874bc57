import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { createWaGateway } from './create-wa-gateway.ts';
import { sendRetryingTransientFailures } from './testing.ts';
import { WablasStandIn } from '../../../simulators/wablas/wablas.stand-in.ts';
import { WaSendError } from './wa-errors.ts';
import type { WaGateway } from './wa-gateway.ts';

const clock = new ManualClock('2026-12-10T03:00:00Z');
const notOnWhatsApp = '+6289999999999';
let standIn: WablasStandIn;
let gateway: WaGateway;

const rejection = async (promise: Promise<unknown>): Promise<WaSendError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WaSendError);
  return error as WaSendError;
};

beforeAll(async () => {
  standIn = await WablasStandIn.start({ token: 'wablas-token', secretKey: 'wablas-secret', unregisteredNumbers: [notOnWhatsApp] });
  gateway = createWaGateway({ provider: 'wablas', token: 'wablas-token', secretKey: 'wablas-secret', server: 'jkt' }, { clock, providerUrls: { wablas: standIn.baseUrl } });
});
afterAll(() => standIn.close());
beforeEach(() => {
  standIn.accepted.length = 0;
});

describe('Wablas adapter against its stand-in', () => {
  it('sends phone and message with "token.secret" authorization and our key as ref_id', async () => {
    const { externalId } = await gateway.send({ to: '+6281234567890', text: 'Halo Budi', idempotencyKey: 'inv-1:isolated:cust-9' });

    expect(standIn.accepted).toEqual([{ externalId, phone: '6281234567890', message: 'Halo Budi', refId: 'inv-1:isolated:cust-9' }]);
    expect(standIn.requests.at(-1)?.headers.authorization).toBe('wablas-token.wablas-secret');
  });

  it('turns a missing secret key into a permanent auth error', async () => {
    const withoutSecret = createWaGateway({ provider: 'wablas', token: 'wablas-token', server: 'jkt' }, { clock, providerUrls: { wablas: standIn.baseUrl } });

    const error = await rejection(withoutSecret.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: 'WA_PROVIDER_AUTH_FAILED', retryable: false });
    expect(standIn.accepted).toHaveLength(0);
  });

  it('lets the caller retry 500, 500 and then delivers exactly one message', async () => {
    standIn.failNext({ kind: 'server_error' }, { kind: 'server_error' });

    const { transientFailures } = await sendRetryingTransientFailures(gateway, { to: '+6281234567890', text: 'x', idempotencyKey: 'k' }, 5);

    expect(transientFailures.map((e) => e.code)).toEqual(['WA_PROVIDER_UNAVAILABLE', 'WA_PROVIDER_UNAVAILABLE']);
    expect(standIn.accepted).toHaveLength(1);
  });

  it('passes on the wait a 429 asks for', async () => {
    standIn.failNext({ kind: 'rate_limited', retryAfterSeconds: 3 });

    const error = await rejection(gateway.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: 'WA_PROVIDER_RATE_LIMITED', retryable: true, retryAfterMs: 3_000 });
  });

  it('reads received and rejected statuses from tracking webhooks', async () => {
    const delivered = await gateway.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'a' });
    const rejected = await gateway.send({ to: notOnWhatsApp, text: 'x', idempotencyKey: 'b' });

    const updates = standIn.deliveryReports().flatMap((report) => gateway.parseStatusWebhook(report.webhook));

    expect(updates).toEqual([
      { externalId: delivered.externalId, status: 'delivered', at: clock.now() },
      { externalId: rejected.externalId, status: 'failed', reason: 'Wablas: reject', at: clock.now() },
    ]);
  });
});

describe('Wablas failure answers', () => {
  it('classifies an invalid phone answer as a permanent recipient error with its reason', async () => {
    const answering = createWaGateway(
      { provider: 'wablas', token: 't', server: 'jkt' },
      { clock, fetch: async () => Response.json({ status: false, message: 'phone number invalid' }, { status: 400 }) },
    );

    const error = await rejection(answering.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: 'WA_INVALID_RECIPIENT', retryable: false });
    expect(error.message).toContain('phone number invalid');
  });
});
