import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MidtransStandIn } from '../../src/simulators/midtrans/midtrans.stand-in.ts';
import { addStaff, createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
const MM = 96 / 25.4; // CSS pixels per millimetre

/**
 * Receipts (kuitansi) as a cashier prints them: one from the office (cash, a finance person),
 * one from a payment gateway (Midtrans), each on 58 mm and 80 mm thermal paper and A4; the QR
 * code's link verifies the receipt, a tampered number does not.
 */
describe('receipts in a browser', () => {
  let app: TestApp;
  let midtrans: MidtransStandIn;
  let cookie: string;
  let baseUrl: string;
  const receipts: Record<'office' | 'gateway', string> = { office: '', gateway: '' };

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, as = cookie) =>
    (await app.http.inject({ method, url, headers: { cookie: as }, ...(payload !== undefined ? { payload: payload as object } : {}) })).json();

  beforeAll(async () => {
    midtrans = await MidtransStandIn.start({ serverKey: 'SB-Mid-server-nanggulan' });
    app = await createTestApp('pglite', { start: wib('2026-12-12T09:30:00'), providerUrls: { midtrans: midtrans.baseUrl } });
    cookie = (await seedTenantWithOwner(app, 'nanggulan', 'WIB')).ownerCookie;
    await call('PATCH', '/api/billing/policy', { receiptAddress: 'Jl. Raya Nanggulan No. 12, Kulon Progo, DIY · 0274-555-123', receiptWhatsapp: true, partialPayments: true });
    const finance = await addStaff(app, cookie, { email: 'kasir@nanggulan.test', name: 'Wulandari Kasir', roles: ['finance'], password: 'kasir-rahasia-1' });
    const plan = await call('POST', '/api/plans', { name: 'Keluarga 50 Mbps', downloadKbps: 50_000, uploadKbps: 20_000, monthlyPrice: 1_060_581, routerProfile: 'k50' });
    const ids = [];
    for (const [i, name] of ['Sekar Ayu Kusumawardhani', 'Bagus'].entries()) {
      ids.push((await call('POST', '/api/customers', { name, phone: `08122700220${i}`, address: 'Nanggulan', planId: plan.id, connectionType: 'dhcp', ipAddress: `10.30.0.${i + 2}`, activatedOn: '2026-11-01' })).id);
    }
    await call('POST', '/api/billing/invoices/generate', {});
    const invoiceOf = async (customerId: string) => (await call('GET', `/api/invoices?customerId=${customerId}`)).items[0];
    receipts.office = (await call('POST', `/api/invoices/${(await invoiceOf(ids[0])).id}/payments`, { amount: 1_060_581, method: 'cash' }, finance.cookie)).receiptNumber;
    await call('PUT', '/api/billing/gateways/midtrans', { mode: 'sandbox', serverKey: 'SB-Mid-server-nanggulan' });
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
    const gatewayInvoice = await invoiceOf(ids[1]);
    const link = await call('POST', `/api/invoices/${gatewayInvoice.id}/payment-link`, { provider: 'midtrans' });
    const notification = midtrans.signedNotification(link.orderId, { status: 'settlement', amount: gatewayInvoice.amount });
    const webhook = await fetch(`${baseUrl}/api/webhooks/payments/midtrans/nanggulan`, { method: 'POST', headers: { 'content-type': 'application/json', ...notification.headers }, body: notification.rawBody });
    expect(webhook.status).toBe(200);
    receipts.gateway = (await call('GET', `/api/invoices/${gatewayInvoice.id}/receipts`))[0].number;
  });
  afterAll(async () => {
    await app?.stop();
    await midtrans?.close();
  });

  for (const phone of [false, true]) {
    describe(phone ? 'on a phone' : 'on a desk', () => {
      let browser: Browser;
      beforeAll(async () => {
        browser = await launchBrowser({ phone });
        await browser.context.addCookies([{ name: 'simpul_session', value: cookie.split('=')[1], url: baseUrl }]);
      });
      afterAll(() => browser?.close());

      it('should print every source’s receipt at 58 mm, 80 mm and A4 with the amount in words', async () => {
        const { page } = browser;
        for (const [source, number] of Object.entries(receipts)) {
          for (const paper of ['58', '80', 'a4'] as const) {
            await page.emulateMedia({ media: 'screen' });
            await page.goto(`${baseUrl}/api/receipts/${number}/print?paper=${paper}`);
            await shown(page.getByText('KUITANSI'));
            await shown(page.getByText(number));
            if (source === 'office') {
              await shown(page.getByText('satu juta enam puluh ribu lima ratus delapan puluh satu rupiah'));
              await shown(page.getByText('Wulandari Kasir'));
              await shown(page.getByText('Tunai'));
            } else {
              await shown(page.getByText('Pembayaran online'));
            }
            await shown(page.locator('.qr svg'));
            expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
            // The printed width is the paper's: 48 mm of print on a 58 mm roll, 72 mm on 80 mm.
            await page.emulateMedia({ media: 'print' });
            const width = Number(await page.evaluate('document.body.getBoundingClientRect().width'));
            if (paper === '58') expect(width).toBeLessThanOrEqual(58 * MM);
            if (paper === '80') {
              expect(width).toBeGreaterThan(58 * MM);
              expect(width).toBeLessThanOrEqual(80 * MM);
            }
            if (paper !== 'a4') await screenshot(page, `receipt-${source}-${paper}mm-${phone ? 'phone' : 'desktop'}`);
            else await screenshot(page, `receipt-${source}-a4-${phone ? 'phone' : 'desktop'}`);
          }
        }
      });

      it('should verify the QR code’s link on the portal and refuse a tampered number', async () => {
        const { page } = browser;
        await page.emulateMedia({ media: 'screen' });
        const { verifyPath } = await call('GET', `/api/receipts/${receipts.office}`);
        // A customer scanning the QR code: no session.
        const anonymous = await browser.context.browser()?.newContext({ viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 860 } });
        const verifier = anonymous ? await anonymous.newPage() : page;
        await verifier.goto(`${baseUrl}${verifyPath}`);
        await shown(verifier.getByText('Kuitansi asli'));
        await shown(verifier.getByText('Rp 1.060.581'));
        expect(await verifier.getByText('Sekar').count()).toBe(0);
        await screenshot(verifier, `receipt-verify-${phone ? 'phone' : 'desktop'}`);
        await verifier.goto(`${baseUrl}${verifyPath.replace(receipts.office, receipts.gateway)}`);
        await shown(verifier.getByText('Kuitansi tidak dikenal'));
        await screenshot(verifier, `receipt-verify-tampered-${phone ? 'phone' : 'desktop'}`);
        await anonymous?.close();
      });
    });
  }
});
