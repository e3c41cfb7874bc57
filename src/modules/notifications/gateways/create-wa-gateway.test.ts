import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { createWaGateway } from './create-wa-gateway.ts';
import { DevInbox } from './dev-inbox.gateway.ts';

const clock = new ManualClock('2026-12-10T03:00:00Z');
const noNetwork: typeof fetch = async () => {
  throw new Error('the dev inbox must not use the network');
};

const configError = (config: unknown): AppError => {
  try {
    createWaGateway(config);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected createWaGateway to throw');
};

describe('createWaGateway', () => {
  it('picks the adapter named by the config', () => {
    const providers = [
      createWaGateway({ provider: 'whatsapp_cloud', accessToken: 'a', phoneNumberId: '1', appSecret: 's' }),
      createWaGateway({ provider: 'fonnte', token: 't' }),
      createWaGateway({ provider: 'wablas', token: 't', server: 'jkt' }),
      createWaGateway({ provider: 'dev_inbox' }),
    ].map((g) => g.provider);

    expect(providers).toEqual(['whatsapp_cloud', 'fonnte', 'wablas', 'dev_inbox']);
  });

  it('names the missing token in a 400 error', () => {
    const error = configError({ provider: 'fonnte', token: '   ' });

    expect(error).toMatchObject({ code: 'WA_PROVIDER_CONFIG_INVALID', httpStatus: 400, details: { fields: [{ field: 'token', problem: 'is required' }] } });
    expect(error.message).toContain('token is required');
  });

  it('names every missing Cloud API field at once', () => {
    const error = configError({ provider: 'whatsapp_cloud', phoneNumberId: '1' });

    expect((error.details as { fields: Array<{ field: string }> }).fields.map((f) => f.field)).toEqual(['accessToken', 'appSecret']);
  });

  it('rejects an unknown provider by listing the known ones', () => {
    expect(configError({ provider: 'twilio' }).message).toContain('whatsapp_cloud, fonnte, wablas, dev_inbox');
  });
});

describe('dev inbox', () => {
  it('keeps messages for the API to show, without any network', async () => {
    const inbox = new DevInbox();
    const gateway = createWaGateway({ provider: 'dev_inbox' }, { clock, fetch: noNetwork, devInbox: inbox });

    const { externalId } = await gateway.send({ to: '+6281234567890', text: 'Tagihan Rp 150.000', idempotencyKey: 'k1' });

    expect(inbox.list()).toEqual([{ externalId, to: '+6281234567890', text: 'Tagihan Rp 150.000', idempotencyKey: 'k1', receivedAt: clock.now() }]);
  });

  it('stores a redelivered message once, under the same id', async () => {
    const inbox = new DevInbox();
    const gateway = createWaGateway({ provider: 'dev_inbox' }, { clock, devInbox: inbox });

    const first = await gateway.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'same' });
    const second = await gateway.send({ to: '+6281234567890', text: 'x', idempotencyKey: 'same' });

    expect(second.externalId).toBe(first.externalId);
    expect(inbox.list()).toHaveLength(1);
  });

  it('keeps only the newest messages up to its capacity', async () => {
    const inbox = new DevInbox({ capacity: 2 });
    const gateway = createWaGateway({ provider: 'dev_inbox' }, { clock, devInbox: inbox });

    for (const key of ['a', 'b', 'c']) await gateway.send({ to: '+6281234567890', text: key, idempotencyKey: key });

    expect(inbox.list().map((m) => m.text)).toEqual(['c', 'b']);
  });

  it('refuses a recipient that is not E.164, like the real providers', async () => {
    const gateway = createWaGateway({ provider: 'dev_inbox' });

    await expect(gateway.send({ to: '081234567890', text: 'x', idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'WA_INVALID_RECIPIENT' });
  });
});
