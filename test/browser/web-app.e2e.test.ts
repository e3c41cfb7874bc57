import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MidtransStandIn } from '../../src/simulators/midtrans/midtrans.stand-in.ts';
import { addStaff, createTestApp, loginCookie, seedTenantWithOwner, type TestApp } from '../harness.ts';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
const collector = { email: 'penagih@kaliurang.test', name: 'Agus Penagih', password: 'penagih-rahasia-1' };
/** Made by seedTenantWithOwner (test/harness.ts). */
const superAdmin = { email: 'root-kaliurang@platform.test', password: 'rahasia-super-123' };

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
    midtrans = await MidtransStandIn.start({ serverKey: 'SB-Mid-server-kaliurang' });
    app = await createTestApp('pglite', { start: wib('2026-12-01T09:00:00'), events: true, providerUrls: { midtrans: midtrans.baseUrl } });
    const seeded = await seedTenantWithOwner(app, 'kaliurang', 'WIB');
    ({ email: ownerEmail, password: ownerPassword } = seeded.owner);
    cookie = seeded.ownerCookie;
    await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3, autoRestore: false });
    await addStaff(app, cookie, { ...collector, roles: ['collector'] });
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

    await call('PUT', '/api/billing/gateways/midtrans', { mode: 'sandbox', serverKey: 'SB-Mid-server-kaliurang' });

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
    // Invited by the other ISP, the owner accepts the link logged in as themselves.
    await addStaff(app, other.ownerCookie, { email: ownerEmail, name: 'Owner kaliurang', roles: ['admin'], password: ownerPassword, cookie });
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

  it('should show a payment gateway account masked, with its webhook URL, and save another one', async () => {
    await page().goto(`${baseUrl}/billing`);
    const gateways = page().getByTestId('payment-gateways');
    await shown(gateways.getByText('Gerbang pembayaran'));
    // Midtrans was set up through the API: its key is shown masked, never in full.
    await shown(page().getByText('Tersimpan: ••••rang. Isi lagi setiap kali menyimpan.'));
    await shown(page().getByTestId('webhook-url').getByText(`${baseUrl}/api/webhooks/payments/midtrans/kaliurang`));

    await gateways.getByText('Xendit', { exact: true }).click();
    await shown(page().getByTestId('webhook-url').getByText(`${baseUrl}/api/webhooks/payments/xendit/kaliurang`));
    await page().getByLabel('Secret key').fill('xnd_development_kaliurang_1234');
    await page().getByLabel('Token verifikasi callback').fill('cb-token-kaliurang-5678');
    await gateways.getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByText('Akun Xendit disimpan.'));
    await shown(page().getByText('Tersimpan: ••••5678. Isi lagi setiap kali menyimpan.'));
    const saved = await call('GET', '/api/billing/gateways');
    expect(saved.find((a: { provider: string }) => a.provider === 'xendit')).toMatchObject({ isActive: true, config: { secretKey: '••••1234', callbackToken: '••••5678' } });

    // The API's reason for a refused field is shown under that field.
    await gateways.getByText('Tripay', { exact: true }).click();
    await page().getByLabel('API key').fill('DEV-kaliurang');
    await page().getByLabel('Private key').fill('private-kaliurang');
    await page().getByLabel('Kode merchant').fill('T1234');
    await page().getByLabel('Kanal pembayaran (mis. BRIVA, QRIS2)').fill('briva');
    await page().getByLabel('Email bawaan pelanggan tanpa email').fill('tagihan@kaliurang.test');
    await gateways.getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByText('must be a Tripay channel code such as BRIVA or QRIS2'));
    await screenshot(page(), 'billing-settings-gateway-error', { notifications: false });
  });

  it('should edit a WhatsApp template with a live preview, refuse an unknown variable with the API reason, and log a test message', async () => {
    await nav().getByRole('link', { name: 'WhatsApp' }).click();
    await shown(page().getByRole('heading', { name: 'WhatsApp' }));
    await page().getByRole('tab', { name: 'Template' }).click();
    await page().getByRole('combobox', { name: 'Jenis pemberitahuan' }).click();
    // invoice_issued, listed by its Indonesian name
    await page().getByRole('option', { name: 'Tagihan terbit' }).click();

    const text = page().getByRole('textbox', { name: 'Teks', exact: true });
    await text.fill('Halo {{customer_name}}, saldo Anda {{saldo}}.');
    const preview = page().getByTestId('template-preview');
    await shown(preview.getByText('Unknown variable {{saldo}} in the invoice_issued template', { exact: false }));
    await page().getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByRole('alert').filter({ hasText: 'Gagal' }).getByText('Unknown variable {{saldo}}', { exact: false }));

    await text.fill('Halo {{customer_name}}, tagihan {{invoice_number}} dari {{tenant_name}} sudah terbit.');
    await shown(preview.getByText('Halo Budi Santoso, tagihan INV-2026-12-0042 dari Net kaliurang sudah terbit.'));
    await page().getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByText('Template disimpan.'));
    await shown(page().getByText('Teks sendiri'));
    const saved = (await call('GET', '/api/notifications/templates/invoice_issued')).texts.id;
    expect(saved).toEqual({ body: 'Halo {{customer_name}}, tagihan {{invoice_number}} dari {{tenant_name}} sudah terbit.', isDefault: false });
    await screenshot(page(), 'whatsapp-templates', { notifications: false });

    await page().getByRole('tab', { name: 'Penyedia' }).click();
    await shown(page().getByText('akun bawaan platform'));
    // The ISP's own account; the dev inbox needs no credentials, so no message leaves the test.
    await page().getByRole('combobox', { name: 'Penyedia' }).click();
    await page().getByRole('option', { name: 'Kotak masuk uji' }).click();
    await page().getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByText('Penyedia WhatsApp disimpan.'));
    await shown(page().getByText('akun ISP ini'));
    await page().getByLabel('Ke nomor').fill('0812-2700-1109');
    await page().getByRole('button', { name: 'Kirim', exact: true }).click();
    await shown(page().getByText('Pesan uji diantrekan; lihat statusnya di log pesan.'));
    // Each provider asks for its own credentials.
    await page().getByRole('combobox', { name: 'Penyedia' }).click();
    await page().getByRole('option', { name: 'Wablas' }).click();
    await shown(page().getByLabel('Server Wablas (mis. jkt untuk jkt.wablas.com)'));
    await shown(page().getByLabel('Token perangkat'));
    await screenshot(page(), 'whatsapp-provider', { notifications: false });

    await page().getByRole('tab', { name: 'Log pesan' }).click();
    await shown(page().locator('[data-message="provider_test"]'));
    await screenshot(page(), 'whatsapp-messages', { notifications: false });
  });

  it('should show a dead letter with its reason to the platform operator, replay it, and the payment then takes effect', { timeout: 120_000 }, async () => {
    const { id: customerId, invoiceId, invoiceNumber } = customers.staysUnpaid;
    // A fault the handler cannot get past: the database refuses to mark this line restorable.
    // Retries don't help, so after its last attempt the delivery becomes a dead letter.
    await sql`create function refuse_restore_mark() returns trigger language plpgsql as $$
      begin raise exception 'isolation_lines is locked for maintenance'; end $$`.execute(app.db.owner);
    await sql`create trigger refuse_restore_mark before update of restore_eligible on isolation_lines
      for each row when (new.customer_id = ${sql.lit(customerId)}::uuid and new.restore_eligible) execute function refuse_restore_mark()`.execute(app.db.owner);
    await call('POST', `/api/invoices/${invoiceId}/payments`, { amount: 150_000, method: 'cash' });

    await page().getByRole('button', { name: 'Keluar' }).click();
    await logIn(page(), superAdmin.email, superAdmin.password);
    await nav().getByRole('link', { name: 'Event bus' }).click();
    const deadLetter = page().locator('tr[data-failure]').filter({ hasText: 'billing.restore-on-payment' });
    await shown(deadLetter, 90_000);
    await shown(deadLetter.getByText('billing.invoice.paid'));
    await shown(deadLetter.getByText('isolation_lines is locked for maintenance', { exact: false }));
    await screenshot(page(), 'event-bus-dead-letter');

    await sql`drop trigger refuse_restore_mark on isolation_lines`.execute(app.db.owner);
    await deadLetter.getByRole('button', { name: 'Jalankan ulang', exact: true }).click();
    await shown(page().getByText('1 event dijalankan ulang.'));
    await shown(page().getByText('Tidak ada dead letter.'));
    // The replayed delivery did what the payment should have: staff may now unisolate.
    await shown(page().getByRole('tab', { name: 'Handler' }));
    const owner = await launchBrowser();
    try {
      await logIn(owner.page, ownerEmail, ownerPassword);
      await owner.page.goto(`${baseUrl}/invoices/${invoiceId}`);
      await shown(owner.page.getByRole('heading', { name: invoiceNumber }));
      await shown(owner.page.getByTestId('customer-line').getByRole('button', { name: 'Buka isolir' }));
    } finally {
      await owner.close();
    }
    expect((await call('GET', `/api/customers/${customerId}/line`)).restoreEligible).toBe(true);
  });

  it('should run a scheduled job now and follow its run to the end', async () => {
    await page().getByRole('tab', { name: 'Handler' }).click();
    await shown(page().getByText('billing.restore-on-payment'));
    await screenshot(page(), 'event-bus-handlers', { notifications: false });

    await page().getByRole('tab', { name: 'Job terjadwal' }).click();
    const job = page().locator('tr[data-job="network.reconcile-tick"]');
    await shown(job.getByText('*/10 * * * *'));
    await job.getByRole('button', { name: 'Jalankan sekarang' }).click();
    await shown(page().locator('tr[data-run="network.reconcile-tick"][data-run-status="succeeded"]'));
    await screenshot(page(), 'event-bus-jobs', { notifications: false });
  });

  it('should fit the new pages on a phone', async () => {
    const phone = await launchBrowser({ phone: true });
    try {
      const p = phone.page;
      await logIn(p, ownerEmail, ownerPassword);
      await p.goto(`${baseUrl}/whatsapp`);
      await shown(p.locator('[data-message="provider_test"]'));
      await screenshot(p, 'phone-whatsapp-messages');
      await p.getByRole('tab', { name: 'Template' }).click();
      await shown(p.getByTestId('template-preview').getByText('Budi Santoso', { exact: false }));
      await screenshot(p, 'phone-whatsapp-templates');
      await p.goto(`${baseUrl}/billing`);
      await shown(p.getByTestId('webhook-url'));
      await screenshot(p, 'phone-billing-settings');
      await p.goto(`${baseUrl}/isolation`);
      await shown(p.getByRole('link', { name: 'Bambang Suryadi' }));
      await screenshot(p, 'phone-isolation');
      await p.getByRole('button', { name: 'menu' }).click();
      await p.getByRole('button', { name: 'Keluar' }).click();
      await logIn(p, superAdmin.email, superAdmin.password);
      await p.goto(`${baseUrl}/events`);
      await shown(p.getByText('Tidak ada dead letter.'));
      await screenshot(p, 'phone-event-bus');
    } finally {
      await phone.close();
    }
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
      expect(await p.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual(['Ringkasan', 'Pelanggan', 'Penagihan saya', 'Isolir']);
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
