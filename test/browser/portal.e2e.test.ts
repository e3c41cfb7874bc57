import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MidtransStandIn } from '../../src/simulators/midtrans/midtrans.stand-in.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { seedPortalTenant, wib, type PortalCustomer } from '../scenarios/portal-fixture.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

/**
 * The customer portal in a real browser on a phone: the isolir page knows the customer by the
 * browser's address (127.0.0.1 is Budi's static line here), Budi logs in with the code from the
 * dev inbox, pays through the Midtrans stand-in, and the open page shows the line restored when
 * the gateway's notification arrives, without a reload. Desktop screenshots of the same pages.
 */
describe('customer portal in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let midtrans: MidtransStandIn;
  let phone: Browser;
  let desk: Browser;
  let ownerCookie: string;
  let budi: PortalCustomer;
  const slug = 'kaliurang';

  beforeAll(async () => {
    midtrans = await MidtransStandIn.start({ serverKey: 'SB-Mid-server-portal' });
    app = await createTestApp('pglite', { start: wib('2026-12-01T09:00:00'), events: true, providerUrls: { midtrans: midtrans.baseUrl } });
    const seeded = await seedPortalTenant(app, slug, { midtrans: true, ips: ['127.0.0.1', '10.20.0.12'] });
    ownerCookie = seeded.ownerCookie;
    budi = seeded.customers[0];
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
    phone = await launchBrowser({ phone: true });
    desk = await launchBrowser();
  });
  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await app?.stop();
    await midtrans?.close();
  });

  const noHorizontalOverflow = async (page: Page) =>
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

  /** The newest portal code the dev inbox received for Budi (the delivery worker "sends" it there). */
  async function codeFromInbox(seen: Set<string>): Promise<string> {
    let code = '';
    await expect
      .poll(
        async () => {
          const res = await fetch(`${baseUrl}/api/notifications/inbox?limit=20`, { headers: { cookie: ownerCookie } });
          const messages = (await res.json()) as { kind: string; to: string; text: string }[];
          const fresh = messages.filter((m) => m.kind === 'portal_otp' && m.to === budi.phone).map((m) => /\b(\d{6})\b/.exec(m.text)![1]).find((c) => !seen.has(c));
          code = fresh ?? '';
          return code;
        },
        { timeout: 15_000, interval: 200 },
      )
      .toMatch(/^\d{6}$/);
    seen.add(code);
    return code;
  }
  const seenCodes = new Set<string>();

  async function logIn(page: Page) {
    await page.goto(`${baseUrl}/p/${slug}`);
    await page.getByLabel('Nomor WhatsApp atau kode pelanggan').fill('0812 2700 1101');
    await page.getByRole('button', { name: 'Kirim kode ke WhatsApp' }).click();
    await shown(page.getByTestId('code-sent'));
    return codeFromInbox(seenCodes);
  }

  it('should show the isolated customer their own bill on the isolir page, recognised by address', async () => {
    for (const [browser, size] of [[phone, 'phone'], [desk, 'desktop']] as const) {
      const page = browser.page;
      await page.goto(`${baseUrl}/p/${slug}/isolir`);
      await shown(page.getByTestId('isolir-reason').getByText(`Layanan Anda diisolir karena tagihan ${budi.invoiceNumber} belum dibayar.`));
      await shown(page.getByText('Rp 150.000'));
      await shown(page.getByText('B***i S***o'));
      await shown(page.getByRole('button', { name: 'Bayar sekarang' }));
      await noHorizontalOverflow(page);
      await screenshot(page, `portal-isolir-${size}`);
    }
  });

  it('should log in by WhatsApp number with the code from the dev inbox, pay, and show the line restored without reload', async () => {
    const page = phone.page;
    const code = await logIn(page);
    await screenshot(page, 'portal-code-phone');
    await page.getByLabel('Kode dari WhatsApp').fill(code);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await shown(page.getByRole('heading', { name: 'Halo, Budi Santoso' }));
    const invoice = page.locator(`[data-invoice="${budi.invoiceNumber}"]`);
    await shown(invoice.getByText('Rp 150.000'));
    await shown(page.locator('[data-testid="line-status"][data-line="isolated"]'));
    await noHorizontalOverflow(page);
    await screenshot(page, 'portal-invoices-phone');

    // "Bayar sekarang" opens the gateway's payment page in a new tab; this page stays and listens.
    await page.evaluate(() => Object.assign(globalThis, { loadedOnce: true }));
    const [gateway] = await Promise.all([page.context().waitForEvent('page'), invoice.getByRole('button', { name: 'Bayar sekarang' }).click()]);
    await gateway.waitForLoadState('domcontentloaded');
    expect(gateway.url()).toContain(`${midtrans.baseUrl}/snap/v4/redirection/`);
    await gateway.close();

    // The customer pays at the gateway; its notification reaches the webhook.
    const [transaction] = [...midtrans.transactions.values()];
    const notification = midtrans.signedNotification(transaction.orderId, { status: 'settlement' });
    const webhook = await fetch(`${baseUrl}/api/webhooks/payments/midtrans/${slug}`, { method: 'POST', headers: notification.headers, body: notification.rawBody });
    expect(webhook.status).toBe(200);

    await shown(page.locator('[data-testid="line-status"][data-line="active"]'), 20_000);
    await shown(page.getByText('Internet aktif kembali'));
    expect(await page.evaluate(() => (globalThis as { loadedOnce?: boolean }).loadedOnce)).toBe(true); // no reload
    expect(await invoice.count()).toBe(0);
    await shown(page.getByText('Tidak ada tagihan. Terima kasih!'));
    await noHorizontalOverflow(page);
    await screenshot(page, 'portal-restored-phone');
  });

  it('should show the paid invoice with a printable receipt on a desk', async () => {
    const page = desk.page;
    const code = await logIn(page);
    await page.getByLabel('Kode dari WhatsApp').fill(code);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await shown(page.getByRole('heading', { name: 'Halo, Budi Santoso' }));
    await shown(page.getByText('Tidak ada tagihan. Terima kasih!'));
    await screenshot(page, 'portal-invoices-desktop');
    await page.getByRole('link', { name: 'Kuitansi' }).click();
    await shown(page.getByRole('heading', { name: 'Kuitansi pembayaran' }));
    await shown(page.getByText(budi.invoiceNumber));
    await shown(page.getByText('LUNAS'));
    // The page's own script runs under its Content-Security-Policy (only the hashed inline script): Cetak prints.
    await page.evaluate('window.printed = false; window.print = function () { window.printed = true; }');
    await page.getByRole('button', { name: 'Cetak' }).click();
    expect(await page.evaluate('window.printed')).toBe(true);
    await screenshot(page, 'portal-receipt-desktop');
    // The isolir page from the same address now says the line is active.
    await page.goto(`${baseUrl}/p/${slug}/isolir`);
    await shown(page.getByRole('heading', { name: 'Layanan internet Anda aktif' }));
  });

  it('should give staff the router’s isolation script to copy, on a desk and on a phone', async () => {
    const res = await fetch(`${baseUrl}/api/routers`, {
      method: 'POST',
      headers: { cookie: ownerCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kaliurang Pusat', host: '10.0.0.1', apiKind: 'rest', username: 'admin', password: 'rahasia' }),
    });
    expect(res.status).toBe(201);
    for (const [browser, size] of [[desk, 'desktop'], [phone, 'phone']] as const) {
      const page = browser.page;
      await page.goto(`${baseUrl}/`);
      await page.getByLabel('Email').fill(`owner@${slug}.test`);
      await page.getByLabel('Kata sandi').fill('pemilik-123456');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
      await page.goto(`${baseUrl}/routers`);
      await page.getByRole('button', { name: 'Skrip isolir' }).click();
      const script = page.getByTestId('router-script');
      await shown(script.getByText('add list=simpul-isolir-allow address=app.sandbox.midtrans.com', { exact: false }));
      await shown(script.getByText(`redirect-to="127.0.0.1:${new URL(baseUrl).port}/p/${slug}/isolir"`, { exact: false }));
      await shown(page.getByRole('button', { name: 'Salin' }));
      await noHorizontalOverflow(page);
      await screenshot(page, `portal-router-script-${size}`, { notifications: false });
    }
  });
});
