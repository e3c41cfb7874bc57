import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { createWaGateway } from './create-wa-gateway.ts';
import { FonnteStandIn } from '../../../simulators/fonnte/fonnte.stand-in.ts';
import { sendRetryingTransientFailures } from './testing.ts';
import { WaSendError } from './wa-errors.ts';
import type { WaGateway } from './wa-gateway.ts';

const clock = new ManualClock('2026-12-10T03:00:00Z');
const notOnWhatsApp = '+6289999999999';
let standIn: FonnteStandIn;
let gateway: WaGateway;

const rejection = async (promise: Promise<unknown>): Promise<WaSendError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WaSendError);
  return error as WaSendError;
};

beforeAll(async () => {
  standIn = await FonnteStandIn.start({ token: 'fonnte-device-token', unregisteredNumbers: [notOnWhatsApp] });
  gateway = createWaGateway({ provider: 'fonnte', token: 'fonnte-device-token' }, { clock, providerUrls: { fonnte: standIn.baseUrl } });
});
afterAll(() => standIn.close());
beforeEach(() => {
  standIn.accepted.length = 0;
});

describe('Fonnte adapter against its stand-in', () => {
  it('sends target and message as a form with the bare token as Authorization', async () => {
    const { externalId } = await gateway.send({ to: '+6281234567890', text: 'Halo Budi', idempotencyKey: 'k' });

    expect(standIn.accepted).toEqual([{ externalId, target: '6281234567890', message: 'Halo Budi' }]);
    const request = standIn.requests.at(-1)!;
    expect(request.headers.authorization).toBe('fonnte-device-token');
    expect(request.headers['content-type']).toContain('application/x-www-form-urlencoded');
  });

  it('turns a wrong token into a permanent auth error carrying Fonnte\'s reason', async () => {
    const wrong = createWaGateway({ provider: 'fonnte', token: 'wrong' }, { clock, providerUrls: { fonnte: standIn.baseUrl } });

    const error = await rejection(wrong.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code: 'WA_PROVIDER_AUTH_FAILED', retryable: false, providerCode: 'token invalid' });
    expect(standIn.accepted).toHaveLength(0);
  });

  it('lets the caller retry 500, 500 and then delivers exactly one message', async () => {
    standIn.failNext({ kind: 'server_error' }, { kind: 'server_error' });

    const { transientFailures } = await sendRetryingTransientFailures(gateway, { to: '+6281234567890', text: 'x', idempotencyKey: 'k' }, 5);

    expect(transientFailures).toHaveLength(2);
    expect(standIn.accepted).toHaveLength(1);
  });

  it('refuses a template-only message: Fonnte sends plain text', async () => {
    const error = await rejection(
      gateway.send({ to: '+6281234567890', template: { name: 't', language: 'id', variables: {} }, idempotencyKey: 'k' }),
    );

    expect(error).toMatchObject({ code: 'WA_MESSAGE_REJECTED', retryable: false });
  });

  it('reads delivery and "invalid" statuses from the status webhook', async () => {
    const delivered = await gateway.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'a' });
    const invalid = await gateway.send({ to: notOnWhatsApp, text: 'x', idempotencyKey: 'b' });

    const updates = standIn.deliveryReports().flatMap((report) => gateway.parseStatusWebhook(report.webhook));

    expect(updates).toEqual([
      { externalId: delivered.externalId, status: 'delivered', at: clock.now() },
      { externalId: invalid.externalId, status: 'failed', reason: 'Fonnte: invalid', at: clock.now() },
    ]);
  });

  it('ignores statuses that are not a change we record (pending, processing)', () => {
    expect(gateway.parseStatusWebhook(standIn.statusWebhook('1', { status: 'pending' }))).toEqual([]);
  });
});

describe('Fonnte failure reasons', () => {
  const answering = (reason: string, status = 200) =>
    createWaGateway({ provider: 'fonnte', token: 't' }, { clock, fetch: async () => Response.json({ reason, status: false }, { status }) });

  it.each([
    ['target invalid', 'WA_INVALID_RECIPIENT', false],
    ['device disconnected', 'WA_PROVIDER_UNAVAILABLE', true],
    ['insufficient quota', 'WA_MESSAGE_REJECTED', false],
    ['unknown user', 'WA_PROVIDER_AUTH_FAILED', false],
  ] as const)('"%s" is %s (retryable: %s)', async (reason, code, retryable) => {
    const error = await rejection(answering(reason).send({ to: '+6281234567890', text: 'x', idempotencyKey: 'k' }));

    expect(error).toMatchObject({ code, retryable });
    expect(error.message).toContain(reason);
  });
});
