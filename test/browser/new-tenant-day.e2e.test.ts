import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { Menu } from '../../src/simulators/routeros/router-model.ts';
import { RouterStandIn } from '../../src/simulators/routeros/router-stand-in.ts';
import { addStaff, createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

/**
 * A new ISP's first day in the console, in Chromium against the whole application (event bus
 * and converge worker running) and a RouterOS stand-in: the owner starts from an empty console,
 * adds a router and a PPPoE customer through the UI — the PPP secret appears on the router with
 * the paket's profile —, issues the invoice after its preview, records the payment, previews the
 * daily scan (nothing isolated until confirmed), and terminates the customer: the secret is gone.
 *
 * Not through the UI yet (the screens come with the settings work on another branch): the paket
 * and the staff invitation are made through the API, as the owner.
 */
describe('a new tenant’s first day in the console', () => {
  let app: TestApp;
  let router: RouterStandIn;
  let baseUrl: string;
  let cookie: string;
  let owner: { email: string; password: string };
  let browser: Browser;
  const customerName = 'Sari Wulandari';

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (res.statusCode >= 400) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : undefined;
  };
  const secret = (name: string) => router.model.print(Menu.pppSecret, { query: [`name=${name}`] })[0];
  const noHorizontalOverflow = async (p: Page) =>
    expect(await p.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), `no sideways scroll on ${p.url()}`).toBe(true);

  beforeAll(async () => {
    router = await RouterStandIn.start({ username: 'simpul', password: 'router-rahasia' });
    for (const name of ['paket-20m', 'isolir']) router.model.add(Menu.pppProfile, { name });
    app = await createTestApp('pglite', { start: wib('2026-12-01T09:00:00'), events: true });
    const seeded = await seedTenantWithOwner(app, 'hari-pertama', 'WIB');
    owner = seeded.owner;
    cookie = seeded.ownerCookie;
    await call('POST', '/api/plans', { name: 'Rumahan 20 Mbps', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' });
    await addStaff(app, cookie, { email: 'admin@hari-pertama.test', name: 'Rina Admin', roles: ['admin'], password: 'admin-rahasia-1' });
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await router?.stop();
  });

  const page = () => browser.page;
  /** An input by its label, with or without the required asterisk ("Nama *"). */
  const field = (within: Locator, label: string) => within.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`));

  async function logIn(on: Page) {
    await on.goto(baseUrl + '/');
    await on.getByLabel('Email').fill(owner.email);
    await on.getByLabel('Kata sandi').fill(owner.password);
    await on.getByRole('button', { name: 'Masuk' }).click();
    await on.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
  }

  /** A Mantine select: open it, pick the option. */
  async function choose(on: Page, label: string, option: string | RegExp) {
    await field(on.getByRole('dialog'), label).click();
    await on.getByRole('option', { name: option }).click();
  }

  it('should add a router pointing at the stand-in through the UI', async () => {
    await logIn(page());
    await page().goto(`${baseUrl}/routers`);
    await page().getByRole('button', { name: 'Tambah router' }).click();
    const dialog = page().getByRole('dialog');
    await field(dialog, 'Nama').fill('Core Kaliurang');
    await field(dialog, 'Alamat').fill(router.host);
    await field(dialog, 'Port').fill(String(router.apiPort));
    await field(dialog, 'Pengguna').fill('simpul');
    await field(dialog, 'Kata sandi').fill('router-rahasia');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByText('Router Core Kaliurang ditambahkan.'));
    expect((await call('GET', '/api/routers')).map((r: { name: string }) => r.name)).toEqual(['Core Kaliurang']);
  });

  it('should start with an empty customer list and add a PPPoE customer whose secret appears on the router with the paket profile', async () => {
    await page().goto(`${baseUrl}/customers`);
    await shown(page().getByText('Belum ada pelanggan. Tambahkan pelanggan pertama Anda.'));
    await page().getByRole('button', { name: 'Tambah pelanggan' }).click();
    const dialog = page().getByRole('dialog');
    // Saving an empty form shows what is missing, in Indonesian, and adds nobody.
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await shown(dialog.getByText('Wajib diisi.'));
    expect((await call('GET', '/api/customers')).total).toBe(0);

    await field(dialog, 'Nama').fill(customerName);
    await field(dialog, 'WhatsApp').fill('+6281234567890');
    await field(dialog, 'Aktif sejak').fill('2026-11-01');
    await field(dialog, 'Alamat').fill('Jl. Kaliurang km 9, Sleman');
    await dialog.getByTestId('location-picker').click({ position: { x: 200, y: 100 } });
    await choose(page(), 'Paket', /Rumahan 20 Mbps/);
    await field(dialog, 'Username PPPoE').fill('sari@kaliurang');
    await field(dialog, 'Password PPPoE').fill('rahasia-sari');
    await choose(page(), 'Router', 'Core Kaliurang');
    await screenshot(page(), 'new-tenant-customer-form-desktop', { notifications: false });
    await dialog.getByRole('button', { name: 'Simpan' }).click();

    await shown(page().getByRole('heading', { name: customerName }));
    const [customer] = (await call('GET', '/api/customers')).items;
    expect(customer).toMatchObject({ phone: '+6281234567890', connectionType: 'pppoe', pppoeUsername: 'sari@kaliurang' });
    expect(customer.latitude).not.toBeNull();
    await expect.poll(() => secret('sari@kaliurang') && `${secret('sari@kaliurang').profile}/${secret('sari@kaliurang').comment}`, { timeout: 15_000 }).toBe(
      `paket-20m/simpul:${customer.code}`,
    );
    await shown(page().getByTestId('line-sync'));
  });

  it('should find the customer stored as +6281234567890 when 0812-3456-7890 is typed', async () => {
    await page().goto(`${baseUrl}/customers`);
    await page().getByRole('textbox', { name: 'Cari' }).fill('0812-3456-7890');
    await shown(page().getByRole('link', { name: customerName }));
    await page().getByRole('textbox', { name: 'Cari' }).fill('0899-1111-2222');
    await shown(page().getByText('Tidak ada pelanggan yang cocok dengan "0899-1111-2222".'));
  });

  it('should show the invoices it will issue, issue them when confirmed, and record the payment', async () => {
    // A second customer, added behind the scenes, will not pay.
    await call('POST', '/api/customers', {
      name: 'Tri Handayani',
      phone: '081227001102',
      planId: (await call('GET', '/api/plans'))[0].id,
      connectionType: 'static',
      ipAddress: '10.20.0.12',
      activatedOn: '2026-11-01',
    });
    await page().goto(`${baseUrl}/invoices`);
    await page().getByRole('button', { name: 'Terbitkan tagihan bulan ini' }).click();
    const preview = page().getByTestId('generate-preview');
    await shown(preview.getByText('2 tagihan akan terbit', { exact: false }));
    expect((await call('GET', '/api/invoices')).total).toBe(0);
    await screenshot(page(), 'new-tenant-generate-preview-desktop');
    await preview.getByRole('button', { name: 'Terbitkan 2 tagihan' }).click();
    await shown(page().getByText('2 tagihan terbit untuk periode', { exact: false }));

    await page().getByRole('textbox', { name: 'Cari' }).fill('wulandari');
    await page().getByRole('link', { name: 'Tri Handayani' }).waitFor({ state: 'detached' });
    await page().getByRole('link', { name: /^INV\// }).click();
    await page().getByRole('button', { name: 'Catat pembayaran' }).click();
    await shown(page().locator('h2 [data-status="paid"]'));
    expect((await call('GET', '/api/invoices?status=paid')).items.map((i: { customerName: string }) => i.customerName)).toEqual([customerName]);
  });

  it('should show the payment on the customer page with its method and the staff member, and the arrears', async () => {
    const [customer] = (await call('GET', `/api/customers?search=${encodeURIComponent('wulandari')}`)).items;
    await page().goto(`${baseUrl}/customers/${customer.id}`);
    const payment = page().locator('[data-payment="manual"]');
    await shown(payment.getByText('Tunai'));
    await shown(payment.getByText(`Owner hari-pertama`));
    await shown(page().getByTestId('arrears').getByText('Rp 0', { exact: false }));
    await screenshot(page(), 'new-tenant-customer-desktop', { notifications: false });
  });

  it('should preview the daily scan with the customer it would isolate, and isolate nobody until confirmed', async () => {
    app.clock.set(wib('2026-12-15T08:00:00'));
    await page().goto(`${baseUrl}/invoices`);
    await page().getByRole('button', { name: 'Jalankan pemindaian harian' }).click();
    const preview = page().getByTestId('scan-preview');
    await shown(preview.getByTestId('scan-count').getByText('1 pelanggan akan diisolir'));
    await shown(preview.getByRole('link', { name: 'Tri Handayani' }));
    expect(await call('GET', '/api/isolation/isolated')).toEqual([]);
    await screenshot(page(), 'new-tenant-scan-preview-desktop');
    await page().getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
    expect(await call('GET', '/api/isolation/isolated')).toEqual([]);

    await page().getByRole('button', { name: 'Jalankan pemindaian harian' }).click();
    await page().getByTestId('scan-preview').getByRole('button', { name: 'Jalankan dan isolir 1 pelanggan' }).click();
    await shown(page().getByText('1 diisolir', { exact: false }));
    expect((await call('GET', '/api/isolation/isolated')).map((l: { customerName: string }) => l.customerName)).toEqual(['Tri Handayani']);
  });

  it('should terminate the customer after confirmation, and the PPP secret is gone from the router', async () => {
    const [customer] = (await call('GET', `/api/customers?search=${encodeURIComponent('wulandari')}`)).items;
    await page().goto(`${baseUrl}/customers/${customer.id}`);
    await page().getByRole('button', { name: 'Berhenti' }).click();
    await shown(page().getByRole('dialog').getByText('Tidak bisa dibatalkan', { exact: false }));
    expect(secret('sari@kaliurang')).toBeDefined();
    await page().getByRole('dialog').getByRole('button', { name: 'Ya, berhentikan' }).click();
    await shown(page().getByTestId('customer-status').getByText('Berhenti'));
    await expect.poll(() => secret('sari@kaliurang'), { timeout: 15_000 }).toBeUndefined();
    await screenshot(page(), 'new-tenant-terminated-desktop', { notifications: false });
  });

  it('should preview a bulk restore from the list (refused while unpaid), then restore with force once confirmed', async () => {
    await page().goto(`${baseUrl}/customers`);
    await page().getByRole('checkbox', { name: 'Pilih Tri Handayani' }).check();
    await page().getByTestId('bulk-bar').getByRole('button', { name: 'Buka isolir yang dipilih' }).click();
    const dialog = page().getByRole('dialog');
    await field(dialog, 'Alasan').fill('Janji bayar hari Jumat');
    await dialog.getByRole('button', { name: 'Lihat dulu hasilnya' }).click();
    await shown(dialog.getByText('0 pelanggan akan dibuka isolirnya.'));
    await shown(dialog.getByText('Dilewati', { exact: false }));
    await dialog.getByLabel('Paksa, walau masih ada tagihan belum lunas').check();
    await dialog.getByRole('button', { name: 'Lihat dulu hasilnya' }).click();
    await shown(dialog.getByText('1 pelanggan akan dibuka isolirnya.'));
    expect((await call('GET', '/api/isolation/isolated')).length).toBe(1);
    await screenshot(page(), 'new-tenant-bulk-preview-desktop');
    await dialog.getByRole('button', { name: 'Konfirmasi (1)' }).click();
    await shown(page().getByText('1 pelanggan dibuka isolirnya.'));
    expect(await call('GET', '/api/isolation/isolated')).toEqual([]);
  });

  it('should show how many customers a WhatsApp broadcast reaches before sending it', async () => {
    await page().goto(`${baseUrl}/customers`);
    await page().getByRole('button', { name: 'Kirim WA massal' }).click();
    const dialog = page().getByRole('dialog');
    // Sari has left: only Tri is an active customer.
    await shown(dialog.getByTestId('broadcast-count').getByText('1 pelanggan akan menerima pesan (1 cocok, 0 menolak WA).'));
    await field(dialog, 'Isi pesan').fill('Pemeliharaan jaringan Minggu pukul 01.00–03.00.');
    await screenshot(page(), 'new-tenant-broadcast-desktop');
    await dialog.getByRole('button', { name: 'Periksa sebelum kirim' }).click();
    await dialog.getByRole('button', { name: 'Kirim ke 1 pelanggan' }).click();
    await shown(page().getByText('1 pesan diantrekan, 0 dilewati.'));
    const messages = await call('GET', '/api/notifications/messages?kind=broadcast');
    expect(messages.map((m: { recipientName: string }) => m.recipientName)).toEqual(['Tri Handayani']);

    // The message log finds it by the number typed the way people write it.
    await page().goto(`${baseUrl}/whatsapp`);
    await page().getByRole('textbox', { name: 'Cari' }).fill('0812-2700-1102');
    await shown(page().locator('[data-message="broadcast"]'));
    await page().getByRole('textbox', { name: 'Cari' }).fill('0899-0000-0000');
    await page().locator('[data-message="broadcast"]').waitFor({ state: 'detached' });
  });

  it('should refuse a grace period of −3 with a field error and save nothing', async () => {
    await page().goto(`${baseUrl}/billing`);
    const grace = page().getByLabel('Masa tenggang (hari)', { exact: false });
    await grace.fill('-3');
    await page().locator('form').filter({ has: grace }).getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByText('Paling kecil 0.'));
    expect(await grace.inputValue()).toBe('-3');
    expect((await call('GET', '/api/billing/policy')).graceDays).toBe(3);
  });

  it('should fit the customer screens on a phone without sideways scrolling', async () => {
    const phone = await launchBrowser({ phone: true });
    try {
      const p = phone.page;
      await logIn(p);
      const [tri] = (await call('GET', `/api/customers?search=${encodeURIComponent('Tri')}`)).items;
      await p.goto(`${baseUrl}/customers`);
      await shown(p.getByRole('link', { name: 'Tri Handayani' }));
      await noHorizontalOverflow(p);
      await screenshot(p, 'new-tenant-customers-phone');
      await p.goto(`${baseUrl}/customers/${tri.id}`);
      await shown(p.getByRole('heading', { name: 'Tri Handayani' }));
      await shown(p.getByTestId('arrears').getByText('Rp 150.000', { exact: false }));
      await noHorizontalOverflow(p);
      await screenshot(p, 'new-tenant-customer-phone');
      await p.goto(`${baseUrl}/invoices`);
      await shown(p.getByRole('link', { name: /^INV\// }));
      await noHorizontalOverflow(p);
      await screenshot(p, 'new-tenant-invoices-phone');
      await p.getByRole('button', { name: 'Jalankan pemindaian harian' }).click();
      await shown(p.getByTestId('scan-preview'));
      await noHorizontalOverflow(p);
      await screenshot(p, 'new-tenant-scan-preview-phone');
      await p.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
      await p.goto(`${baseUrl}/customers`);
      await p.getByRole('button', { name: 'Tambah pelanggan' }).click();
      await shown(p.getByTestId('location-picker'));
      await noHorizontalOverflow(p);
      await screenshot(p, 'new-tenant-customer-form-phone');
    } finally {
      await phone.close();
    }
  });
});
