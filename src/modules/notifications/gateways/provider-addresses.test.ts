import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { createWaGateway } from './create-wa-gateway.ts';

/** Where messages are sent, and what of a provider's refusal reaches the message log. */
const clock = new ManualClock('2026-12-10T03:00:00Z');
const send = { to: '+6281234567890', text: 'Tagihan Desember', idempotencyKey: 'k-1' };
const accounts = [
  { config: { provider: 'whatsapp_cloud', accessToken: 'a', phoneNumberId: '1098', appSecret: 's' }, url: 'https://graph.facebook.com/v21.0/1098/messages' },
  { config: { provider: 'fonnte', token: 't' }, url: 'https://api.fonnte.com/send' },
  { config: { provider: 'wablas', token: 't', server: 'JKT' }, url: 'https://jkt.wablas.com/api/send-message' },
] as const;

const answering = (response: () => Response) => {
  const urls: string[] = [];
  const fetch = (async (url: string | URL | Request) => {
    urls.push(String(url));
    return response();
  }) as typeof globalThis.fetch;
  return { fetch, urls };
};
const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('sent'), (error: Error) => error);

describe.each(accounts)('$config.provider', ({ config, url }) => {
  it('sends to the provider’s own host, and to a stand-in only when overridden', async () => {
    const real = answering(() => new Response('<html>x</html>', { status: 400 }));
    await failure(createWaGateway(config, { clock, fetch: real.fetch }).send(send));
    expect(real.urls).toEqual([url]);
    const standIn = answering(() => new Response('<html>x</html>', { status: 400 }));
    await failure(createWaGateway(config, { clock, fetch: standIn.fetch, providerUrls: { [config.provider]: 'http://127.0.0.1:4020' } }).send(send));
    expect(standIn.urls).toEqual([url.replace(/^https:\/\/[^/]+/, 'http://127.0.0.1:4020')]);
  });

  it('never puts the body of an answer it does not understand into the error', async () => {
    const { fetch } = answering(() => new Response('<html>capture: Budi Santoso 081234567890</html>', { status: 400 }));
    const error = await failure(createWaGateway(config, { clock, fetch }).send(send));
    expect(error.message).toMatch(/HTTP 400/);
    expect(error.message).not.toContain('Budi');
  });
});

it('keeps a provider’s reason, without control characters and bounded', async () => {
  const { fetch } = answering(() => Response.json({ status: false, reason: `token\u0000 invalid\u001b[2J\n${'y'.repeat(500)}` }));
  const error = await failure(createWaGateway({ provider: 'fonnte', token: 't' }, { clock, fetch }).send(send));
  expect(error).toMatchObject({ code: 'WA_PROVIDER_AUTH_FAILED' });
  expect(error.message).not.toMatch(/\p{Cc}/u);
  expect(error.message).toMatch(/token invalid \[2J y+…\)$/);
  expect(error.message.length).toBeLessThan(300);
});
