import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { createPaymentGateway } from './create-payment-gateway.ts';
import type { CreatePaymentLinkRequest } from './payment-gateway.ts';
import { rejectedAppError } from './testing.ts';

/** Where payment links are asked for, and what of a provider's refusal reaches people and logs. */
const clock = new ManualClock('2026-12-10T03:00:00Z');
const link: CreatePaymentLinkRequest = {
  orderId: 'INV-2026-12-0001',
  amount: 150_000,
  customer: { name: 'Budi Santoso', phone: '+6281234567890', email: 'budi@example.id' },
  description: 'Internet 20 Mbps, Desember 2026',
  expiresAt: new Date('2026-12-13T03:00:00Z'),
};
const tripay = { apiKey: 'DEV-k', privateKey: 'p', merchantCode: 'T0001', paymentMethod: 'BRIVA', defaultCustomerEmail: 'tagihan@isp.example' };
const accounts = [
  { config: { provider: 'midtrans', mode: 'sandbox', serverKey: 'SB-Mid-server-k' }, url: 'https://app.sandbox.midtrans.com/snap/v1/transactions' },
  { config: { provider: 'midtrans', mode: 'production', serverKey: 'Mid-server-k' }, url: 'https://app.midtrans.com/snap/v1/transactions' },
  { config: { provider: 'xendit', secretKey: 'xnd_development_k', callbackToken: 't' }, url: 'https://api.xendit.co/v2/invoices' },
  { config: { provider: 'tripay', mode: 'sandbox', ...tripay }, url: 'https://tripay.co.id/api-sandbox/transaction/create' },
  { config: { provider: 'tripay', mode: 'production', ...tripay }, url: 'https://tripay.co.id/api/transaction/create' },
] as const;

/** A fetch that answers `response` and remembers where it was sent. */
const answering = (response: () => Response) => {
  const urls: string[] = [];
  const fetch = (async (url: string | URL | Request) => {
    urls.push(String(url));
    return response();
  }) as typeof globalThis.fetch;
  return { fetch, urls };
};

describe.each(accounts)('$config.provider ($config.mode)', ({ config, url }) => {
  it('asks the provider’s own host, and the stand-in only when overridden', async () => {
    const real = answering(() => new Response('<html>gateway</html>', { status: 502 }));
    await rejectedAppError(createPaymentGateway(config, { clock, fetch: real.fetch }).createPaymentLink(link));
    expect(real.urls).toEqual([url]);

    const standIn = answering(() => new Response('<html>gateway</html>', { status: 502 }));
    await rejectedAppError(createPaymentGateway(config, { clock, fetch: standIn.fetch, providerUrls: { [config.provider]: 'http://127.0.0.1:4010' } }).createPaymentLink(link));
    expect(standIn.urls).toEqual([url.replace(/^https:\/\/[^/]+(\/api(-sandbox)?)?/, 'http://127.0.0.1:4010')]);
  });

  it('never shows the body of an answer it does not understand', async () => {
    const { fetch } = answering(() => new Response('<html>nginx internal: db01.lan 10.0.0.7 password=hunter2</html>', { status: 500 }));
    const error = await rejectedAppError(createPaymentGateway(config, { clock, fetch }).createPaymentLink(link));
    expect(error).toMatchObject({ code: 'PAYMENT_GATEWAY_ERROR', httpStatus: 502, details: { providerMessage: null, httpStatus: 500 } });
    expect(error.message).toBe(`${config.provider} refused the payment link (HTTP 500)`);
  });

  it('shows the provider’s documented error field, without control characters and bounded', async () => {
    const said = `Bad\u0000 request\u001b[31m\r\n${'x'.repeat(1000)}`;
    const body = { midtrans: { error_messages: [said] }, xendit: { error_code: 'API_VALIDATION_ERROR', message: said }, tripay: { success: false, message: said } };
    const { fetch } = answering(() => Response.json({ ...body[config.provider], internal: 'not for people' }, { status: 400 }));
    const error = await rejectedAppError(createPaymentGateway(config, { clock, fetch }).createPaymentLink(link));
    const shown = (error.details as { providerMessage: string }).providerMessage;
    expect(shown).toMatch(/Bad request \[31m x+…$/);
    expect(shown.length).toBeLessThanOrEqual(200);
    expect(error.message).not.toMatch(/[\p{Cc}]/u);
    expect(error.message).not.toContain('not for people');
  });
});
