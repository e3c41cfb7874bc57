import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MidtransStandIn } from '../../src/modules/billing/gateways/stand-ins/midtrans.stand-in.ts';
import { createTestApp, loginCookie, seedTenantWithOwner, type TestApp } from '../harness.ts';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
const collector = { email: 'penagih@kaliurang.test', name: 'Agus Penagih', password: 'penagih-rahasia-1' };

/**
 * The operator's console in a real browser against the whole application (event bus
 * running, served exactly as `npm start` serves it). A tenant with auto-unisolate off, so a
 * paid invoice leaves its customer isolated until staff press the unisolate button.
 */
describe('web app in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let ownerEmail: string;
  let ownerPassword: string;
  let cookie: string;
  let browser: Browser;
  let midtrans: MidtransStandIn;
  const customers: Record<'paysAtDesk' | 'paysOnline' | 'staysUnpaid', { id: string; invoiceId: string; invoiceNumber: string }> = {} as never;

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (res.statusCode >= 400) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : undefined;
  };

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: wib('2026-12-01T09:00:00'), events: true });
    const seeded = await seedTenantWithOwner(app, 'kaliurang', 'WIB');
    ({ email: ownerEmail, password: ownerPassword } = seeded.owner);
    cookie = seeded.ownerCookie;
    await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3, autoRestore: false });
    await call('POST', '/api/staff', { ...collector, roles: ['collector'] });
    const plan = await call('POST', '/api/plans', { name: 'Rumahan 20 Mbps', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'r20' });
    const names = { paysAtDesk: 'Sri Wahyuni', paysOnline: 'Bambang Suryadi', staysUnpaid: 'Tri Handayani' } as const;
    let n = 0;
    for (const [key, name] of Object.entries(names) as [keyof typeof names, string][]) {
      n += 1;
      const customer = await call('POST', '/api/customers', {
        name,
        phone: `08122700110${n}`,
        address: `Jl. Kaliurang km ${8 + n}, Sleman`,
        latitude: -7.70 - n / 500,
        longitude: 110.39 + n / 500,
        planId: plan.id,
        connectionType: 'dhcp',
        ipAddress: `10.20.0.${n + 10}`,
        activatedOn: '2026-11-01',
      });
      customers[key] = { id: customer.id, invoiceId: '', invoiceNumber: '' };
    }
    // December's invoices, then the scans up to the 14th: past the grace period, all isolated.
    await call('POST', '/api/billing/invoices/generate', {});
    app.clock.set(wib('2026-12-14T08:00:00'));
    for (let i = 0; i < 3; i++) await call('POST', '/api/billing/daily-scan');
    for (const customer of Object.values(customers)) {
      const invoice = (await call('GET', `/api/invoices?customerId=${customer.id}`)).items[0];
      Object.assign(customer, { invoiceId: invoice.id, invoiceNumber: invoice.number });
      expect((await call('GET', `/api/customers/${customer.id}/line`)).desiredState).toBe('isolated');
    }

    midtrans = await MidtransStandIn.start({ serverKey: 'SB-Mid-server-kaliurang' });
    await call('PUT', '/api/billing/gateways/midtrans', { mode: 'sandbox', serverKey: 'SB-Mid-server-kaliurang', baseUrl: midtrans.baseUrl });

    const address = await app.http.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = address;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await midtrans?.close();
    await app?.stop();
  });

  const page = () => browser.page;
  const nav = () => page().getByRole('navigation');

  async function logIn(on: Page, email: string, password: string) {
    await on.goto(baseUrl + '/');
    await on.getByLabel('Email').fill(email);
    await on.getByLabel('Kata sandi').fill(password);
    await on.getByRole('button', { name: 'Masuk' }).click();
    await on.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
  }

  /** The page follows the tenant's events (GET /api/live) once the header says "Langsung". */
  const liveConnected = () => shown(page().locator('[data-live="open"]'));

  it('should log in with email and password and show the dashboard in Indonesian', async () => {
    await logIn(page(), ownerEmail, ownerPassword);
    await shown(page().getByRole('heading', { name: 'Ringkasan' }));
    await shown(page().getByTestId('stat-customers').getByText('3', { exact: true }));
    await shown(page().getByTestId('stat-isolated').getByText('3', { exact: true }));
    await liveConnected();
    await screenshot(page(), 'dashboard');
  });

  it('should record a payment for an isolated customer, offer the unisolate button, then show the line restored', async () => {
    const { invoiceId, invoiceNumber, id: customerId } = customers.paysAtDesk;
    await page().goto(`${baseUrl}/invoices/${invoiceId}`);
    await shown(page().getByRole('heading', { name: invoiceNumber }));
    await page().getByRole('button', { name: 'Catat pembayaran' }).click();

    await shown(page().locator('h2 [data-status="paid"]'));
    const line = page().getByTestId('customer-line');
    await shown(line.getByText('Layanan pelanggan masih diisolir.'));
    await screenshot(page(), 'invoice-paid-unisolate');
    await line.getByRole('button', { name: 'Buka isolir' }).click();

    await shown(line.getByText('Layanan pelanggan aktif kembali.'));
    expect(await line.getByRole('button', { name: 'Buka isolir' }).count()).toBe(0);
    expect((await call('GET', `/api/customers/${customerId}/line`)).desiredState).toBe('active');
    const history = (await call('GET', `/api/invoices/${invoiceId}`)).history;
    expect(history.map((h: { type: string }) => h.type)).toEqual(['manual']);
    await screenshot(page(), 'invoice-restored');
  });

  it('should flip an open invoice to paid when the payment gateway notifies, without a reload', async () => {
    const { invoiceId, invoiceNumber } = customers.paysOnline;
    await page().goto(`${baseUrl}/invoices/${invoiceId}`);
    await shown(page().locator('h2 [data-status="unpaid"]'));
    await liveConnected();
    await page().evaluate(() => Object.assign(globalThis, { loadedOnce: true }));

    const link = await call('POST', `/api/invoices/${invoiceId}/payment-link`, { provider: 'midtrans' });
    const notification = midtrans.signedNotification(link.orderId, { status: 'settlement', amount: 150_000 });
    const webhook = await fetch(`${baseUrl}/api/webhooks/payments/midtrans/kaliurang`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...notification.headers },
      body: notification.rawBody,
    });
    expect(webhook.status).toBe(200);

    await shown(page().locator('h2 [data-status="paid"]'));
    await shown(page().getByTestId('customer-line').getByRole('button', { name: 'Buka isolir' }));
    await shown(page().getByText(`Tagihan ${invoiceNumber} lunas`));
    expect(await page().evaluate(() => (globalThis as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await screenshot(page(), 'invoice-paid-live');
  });

  it('should show the other main pages', async () => {
    await page().goto(`${baseUrl}/customers`);
    await shown(page().getByRole('link', { name: 'Bambang Suryadi' }));
    await screenshot(page(), 'customers');

    await page().getByRole('link', { name: 'Sri Wahyuni' }).click();
    await shown(page().getByRole('heading', { name: 'Riwayat isolir' }));
    await shown(page().getByText('Dipulihkan'));
    await screenshot(page(), 'customer-detail');

    await page().goto(`${baseUrl}/invoices?status=paid`);
    await shown(page().getByRole('link', { name: customers.paysOnline.invoiceNumber }));
    await screenshot(page(), 'invoices');

    await nav().getByRole('link', { name: 'Isolir' }).click();
    await shown(page().getByRole('link', { name: 'Bambang Suryadi' }));
    await screenshot(page(), 'isolation');

    await nav().getByRole('link', { name: 'Pengaturan tagihan' }).click();
    await shown(page().getByText('Aturan tagihan & isolir'));
    await screenshot(page(), 'billing-settings');

    await nav().getByRole('link', { name: 'Router' }).click();
    await shown(page().getByRole('heading', { name: 'Router' }));
    await screenshot(page(), 'routers');
  });

  it('should let a person who works for two ISPs switch between them', async () => {
    const other = await seedTenantWithOwner(app, 'pakem', 'WIB');
    const linked = await app.http.inject({
      method: 'POST',
      url: '/api/staff',
      headers: { cookie: other.ownerCookie },
      payload: { email: ownerEmail, name: 'Owner kaliurang', roles: ['admin'] },
    });
    expect(linked.statusCode).toBe(201);
    await page().goto(`${baseUrl}/`);
    await page().getByRole('combobox', { name: 'ISP aktif' }).click();
    await page().getByRole('option', { name: 'Net pakem' }).click();
    await shown(page().getByTestId('stat-customers').getByText('0', { exact: true }));
    expect(await nav().getByRole('link', { name: 'Pengaturan tagihan' }).count()).toBe(1);

    await page().getByRole('combobox', { name: 'ISP aktif' }).click();
    await page().getByRole('option', { name: 'Net kaliurang' }).click();
    await shown(page().getByTestId('stat-customers').getByText('3', { exact: true }));
  });

  it('should switch the interface to English and remember it', async () => {
    await page().getByText('EN', { exact: true }).click();
    await shown(nav().getByRole('link', { name: 'Customers' }));
    await page().reload();
    await shown(nav().getByRole('link', { name: 'Invoices' }));
    await page().getByText('ID', { exact: true }).click();
    await shown(nav().getByRole('link', { name: 'Tagihan' }));
  });

  it("should show a refused action as a message with the API's reason, changing nothing", async () => {
    const { invoiceId, invoiceNumber } = customers.staysUnpaid;
    await page().goto(`${baseUrl}/invoices/${invoiceId}`);
    await shown(page().locator('h2 [data-status="unpaid"]'));
    await page().getByLabel('Jumlah').fill('100000');
    await page().getByRole('button', { name: 'Catat pembayaran' }).click();

    await shown(page().getByText(`Invoice ${invoiceNumber} is Rp 150000; the payment is Rp 100000.`));
    await screenshot(page(), 'invoice-error-message');
    expect(await page().locator('h2 [data-status="unpaid"]').count()).toBe(1);
    expect((await call('GET', `/api/invoices/${invoiceId}`)).history).toEqual([]);
  });

  it('should keep finance pages away from a collector, on a phone', async () => {
    await page().getByRole('button', { name: 'Keluar' }).click();
    await shown(page().getByRole('button', { name: 'Masuk' }));

    const phone = await launchBrowser({ phone: true });
    try {
      const p = phone.page;
      await logIn(p, collector.email, collector.password);
      await shown(p.getByTestId('stat-customers'));
      expect(await p.getByTestId('stat-unpaid').count()).toBe(0);
      expect(await p.getByTestId('stat-today').count()).toBe(0);
      await screenshot(p, 'collector-phone-dashboard');

      // On a phone the navigation sits behind the menu button.
      await p.getByRole('button', { name: 'menu' }).click();
      await shown(p.getByRole('navigation').getByRole('link', { name: 'Pelanggan' }));
      expect(await p.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual(['Ringkasan', 'Pelanggan', 'Isolir']);
      await screenshot(p, 'collector-phone-menu');

      await p.goto(`${baseUrl}/invoices/${customers.paysAtDesk.invoiceId}`);
      await shown(p.getByText('Anda tidak punya akses ke halaman ini.'));
      expect(await p.getByText(customers.paysAtDesk.invoiceNumber).count()).toBe(0);
    } finally {
      await phone.close();
    }
    // The API refuses as well: hiding a page is not the guard.
    const collectorCookie = await loginCookie(app, collector.email, collector.password);
    expect((await app.http.inject({ method: 'GET', url: '/api/invoices', headers: { cookie: collectorCookie } })).statusCode).toBe(403);
  });
});
