import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

/** The reports page as the owner sees it: income bars, aging buckets, customers in arrears, downloads. */
describe('reports page in a browser', () => {
  let app: TestApp;
  let cookie: string;
  let owner: { email: string; password: string };
  let baseUrl: string;
  let partlyPaidInvoiceId: string;

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    (await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) })).json();

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: wib('2026-12-01T08:00:00') });
    const seeded = await seedTenantWithOwner(app, 'sentolo', 'WIB');
    ({ ownerCookie: cookie, owner } = seeded);
    await call('PATCH', '/api/billing/policy', { partialPayments: true });
    const plan = await call('POST', '/api/plans', { name: 'Hemat 10', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'hemat' });
    const ids: string[] = [];
    for (const [i, name] of ['Ratna Sari Dewi', 'Slamet Riyadi', 'Tuti Handayani'].entries()) {
      ids.push((await call('POST', '/api/customers', { name, phone: `08123456710${i}`, planId: plan.id, connectionType: 'static', ipAddress: `10.6.0.${i + 2}`, activatedOn: '2026-07-01' })).id);
    }
    for (const month of ['08', '09', '10', '11', '12']) await call('POST', '/api/billing/invoices/generate', { period: `2026-${month}-01` });
    const invoices = (await call('GET', '/api/invoices?limit=500')).items as { id: string; customerId: string; period: string }[];
    const pay = (customer: number, month: string, amount: number, method: 'cash' | 'transfer') =>
      call('POST', `/api/invoices/${invoices.find((i) => i.customerId === ids[customer] && i.period === `2026-${month}-01`)!.id}/payments`, { amount, method });
    app.clock.set(wib('2026-12-14T09:00:00'));
    for (const month of ['08', '09', '10', '11']) await pay(0, month, 100_000, 'cash');
    app.clock.set(wib('2026-12-15T10:00:00'));
    await pay(2, '08', 40_000, 'transfer');
    partlyPaidInvoiceId = invoices.find((i) => i.customerId === ids[2] && i.period === '2026-08-01')!.id;
    app.clock.set(wib('2026-12-16T09:00:00'));
    for (const month of ['08', '09', '10']) await pay(1, month, 100_000, 'transfer');
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app?.stop());

  for (const phone of [false, true]) {
    it(`should show income and aging with bars and downloads ${phone ? 'on a phone' : 'on a desk'}`, async () => {
      const browser: Browser = await launchBrowser({ phone });
      try {
        const { page } = browser;
        await page.goto(baseUrl + '/');
        await page.getByLabel('Email').fill(owner.email);
        await page.getByLabel('Kata sandi').fill(owner.password);
        await page.getByRole('button', { name: 'Masuk' }).click();
        await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
        await page.goto(`${baseUrl}/reports`);
        await shown(page.getByRole('heading', { name: 'Laporan keuangan' }));
        await shown(page.getByTestId('aging-bars').getByText('> 90 hari'));
        await shown(page.getByTestId('aging-bars').getByText(/Rp\s?160\.000 · 1 pelanggan/));
        await shown(page.getByTestId('income-methods').getByText('Tunai'));
        await shown(page.getByText(/Tunggakan: Rp\s?760\.000/));
        await shown(page.getByText('Tuti Handayani'));
        expect(await page.getByRole('link', { name: 'XLSX' }).count()).toBeGreaterThanOrEqual(4);
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await screenshot(page, `reports-${phone ? 'phone' : 'desktop'}`, { notifications: false });

        // The partly paid invoice: paid so far, what remains, its receipt with print links; more than remains is refused in Indonesian.
        await page.goto(`${baseUrl}/invoices/${partlyPaidInvoiceId}`);
        await shown(page.getByTestId('invoice-remaining').getByText(/Rp\s?60\.000/));
        await shown(page.getByTestId('receipts').getByText('KW-000005'));
        await shown(page.getByTestId('receipts').getByRole('link', { name: '58 mm' }));
        const amount = page.getByLabel('Jumlah');
        await amount.fill('70000');
        await shown(page.getByText(/Melebihi sisa tagihan/));
        expect(await page.getByRole('button', { name: 'Catat pembayaran' }).isDisabled()).toBe(true);
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await screenshot(page, `invoice-partly-paid-${phone ? 'phone' : 'desktop'}`, { notifications: false });
      } finally {
        await browser.close();
      }
    });
  }
});
