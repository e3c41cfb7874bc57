import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** The collector's phone flow: worklist, a collection recorded without signal and sent once when it returns, then the office's handover and deposit. */
describe('collector on a phone, office on a desk', () => {
  let app: TestApp;
  let baseUrl: string;
  let owner: string;
  let tenantId: string;
  const customers: Record<string, string> = {};
  const people = {
    agus: { email: 'agus@godean.test', password: 'rahasia-staf-1' },
    dewi: { email: 'dewi@godean.test', password: 'rahasia-staf-1' },
    fitri: { email: 'fitri@godean.test', password: 'rahasia-staf-1' },
  };
  const browsers: Browser[] = [];

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, as = owner) => {
    const res = await app.http.inject({ method, url, headers: { cookie: as }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return res.json();
  };
  const collections = async () => (await sql<{ n: number }>`select count(*)::int as n from collectors_collections where tenant_id = ${tenantId}`.execute(app.db.owner)).rows[0].n;

  async function logIn(page: Page, who: { email: string; password: string }) {
    await page.goto(baseUrl + '/');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Kata sandi').fill(who.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
  }
  async function open(options: { phone: boolean }, who: { email: string; password: string }, path: string) {
    const browser = await launchBrowser(options);
    browsers.push(browser);
    await logIn(browser.page, who);
    await browser.page.goto(baseUrl + path);
    return browser;
  }
  const noSideways = async (page: Page) => expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: wib('2026-12-05T08:00:00'), events: true });
    const tenant = await seedTenantWithOwner(app, 'godean', 'WIB');
    owner = tenant.ownerCookie;
    tenantId = tenant.tenantId;
    const agus = await addStaff(app, owner, { ...people.agus, name: 'Agus', phone: '0815-5555-0004', roles: ['collector'] });
    await addStaff(app, owner, { ...people.dewi, name: 'Dewi', phone: '0812-5555-0001', roles: ['admin'] });
    await addStaff(app, owner, { ...people.fitri, name: 'Fitri', phone: '0813-5555-0002', roles: ['finance'] });
    const plan = await call('POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' });
    for (const [name, address] of [
      ['Ani Suryani', 'Jl. Godean km 5, RT 03/RW 12, Sidoarum'],
      ['Budi Santoso', 'Dusun Krapyak RT 01'],
    ]) {
      const c = await call('POST', '/api/customers', { name, phone: `0812-7777-00${Object.keys(customers).length + 1}0`, address, planId: plan.id, connectionType: 'dhcp', ipAddress: `10.7.0.${Object.keys(customers).length + 5}`, activatedOn: '2026-10-01' });
      customers[name] = c.id;
    }
    await call('POST', '/api/billing/invoices/generate', { period: '2026-11-01' });
    await call('POST', '/api/billing/invoices/generate', { period: '2026-12-01' });
    await call('POST', '/api/collectors/assignments', { collectorUserId: agus.userId, customerIds: Object.values(customers) });
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await app?.stop();
  });

  it('should show the collector their worklist with arrears and cash in hand, on a phone', async () => {
    const { page } = await open({ phone: true }, people.agus, '/collector');
    await shown(page.getByText('Ani Suryani'));
    const ani = page.locator('[data-customer="Ani Suryani"]');
    await shown(ani.getByTestId('arrears').getByText('Rp 300.000'));
    await shown(page.getByTestId('cash-amount').getByText('Rp 0'));
    await noSideways(page);
    await screenshot(page, 'collector-worklist-phone');
  });

  it('should keep a collection recorded without signal and send it once when the signal returns', async () => {
    const { page, context } = browsers[0];
    await context.setOffline(true);
    await shown(page.getByTestId('connection').getByText('Tanpa sinyal'));
    const ani = page.locator('[data-customer="Ani Suryani"]');
    await ani.getByRole('button', { name: 'Terima tunai' }).click();
    await shown(ani.getByText('Total diterima: Rp 300.000'));
    await ani.getByRole('button', { name: 'Uang sudah diterima' }).click();
    await shown(page.getByTestId('queue').getByText('1 catatan menunggu sinyal'));
    await shown(ani.getByText('Menunggu sinyal'));
    expect(await collections()).toBe(0);
    const [queued] = await page.evaluate(() => JSON.parse(localStorage.getItem('simpul.collector.queue') ?? '[]'));
    expect(queued.key).toMatch(/^[0-9a-f-]{36}$/);
    await noSideways(page);
    await screenshot(page, 'collector-offline-queue-phone', { notifications: false });

    // The signal returns: the queue goes out by itself, once.
    await context.setOffline(false);
    await shown(page.getByTestId('cash-amount').getByText('Rp 300.000'));
    await expect.poll(() => page.getByTestId('queue').count()).toBe(0);
    expect(await collections()).toBe(1);
    // The same queued request sent again (its answer lost on the way): the server answers it with the first answer.
    const replay = await page.evaluate(
      async (q) => {
        const res = await fetch(q.path, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': q.key }, body: JSON.stringify(q.body) });
        return { status: res.status, replayed: res.headers.get('idempotent-replayed') };
      },
      queued,
    );
    expect(replay).toEqual({ status: 201, replayed: 'true' });
    expect(await collections()).toBe(1);
    await shown(page.getByText('Tidak ada pelanggan yang perlu dikunjungi hari ini.').or(page.locator('[data-customer="Budi Santoso"]')));
    expect(await page.locator('[data-customer="Ani Suryani"]').count()).toBe(0);
  });

  it('should record a failed visit with a promise date', async () => {
    const { page } = browsers[0];
    const budi = page.locator('[data-customer="Budi Santoso"]');
    await budi.getByRole('button', { name: 'Catat kunjungan' }).click();
    await budi.getByText('Janji bayar', { exact: true }).click();
    await budi.getByLabel('Janji bayar tanggal').fill('2026-12-08');
    await screenshot(page, 'collector-visit-phone', { notifications: false });
    await budi.getByRole('button', { name: 'Simpan kunjungan' }).click();
    await shown(budi.getByText('Janji bayar', { exact: true }));
    const visits = await sql<{ result: string; promised_on: string }>`select result, to_char(promised_on, 'YYYY-MM-DD') as promised_on from collectors_visits where customer_id = ${customers['Budi Santoso']}`.execute(app.db.owner);
    expect(visits.rows).toEqual([{ result: 'promised', promised_on: '2026-12-08' }]);
  });

  it('should let the admin count the handover at a desk, and finance bank it with the slip', async () => {
    const desk = await open({ phone: false }, people.dewi, '/collectors/handover');
    const p = desk.page;
    await p.getByPlaceholder('Pilih penagih').click();
    await p.getByRole('option', { name: 'Agus' }).click();
    await shown(p.getByTestId('expected').getByText('Rp 300.000'));
    await p.getByLabel('Uang dihitung di meja').fill('280000');
    await shown(p.getByTestId('difference').getByText(/Selisih kurang Rp\s20\.000/));
    await p.getByLabel('Catatan').fill('Kurang 20 ribu');
    await screenshot(p, 'collector-handover-desktop', { notifications: false });
    await p.getByRole('button', { name: 'Konfirmasi setoran' }).click();
    await shown(p.getByText('Setoran dikonfirmasi.'));
    await shown(p.getByText(/-Rp\s?20\.000|Rp\s?-20\.000/));

    const finance = await open({ phone: false }, people.fitri, '/collectors/deposits');
    const f = finance.page;
    await f.getByRole('checkbox', { name: 'SETOR-2026-000001' }).check();
    await shown(f.getByTestId('deposit-total').getByText('Rp 280.000'));
    await f.getByLabel('Bank').fill('BRI Godean');
    await f.getByLabel('No. referensi').fill('TRX-55');
    await f.locator('input[type="file"]').setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: png });
    await screenshot(f, 'collector-deposit-desktop', { notifications: false });
    await f.getByRole('button', { name: 'Konfirmasi setor bank' }).click();
    await shown(f.getByText('Setoran bank dicatat; tagihan terkait lunas.'));
    const invoices = (await call('GET', '/api/invoices?limit=10')).items.filter((i: { customerId: string }) => i.customerId === customers['Ani Suryani']);
    expect(invoices.map((i: { status: string }) => i.status)).toEqual(['paid', 'paid']);

    // The invoice page shows the chain with who and when.
    await f.goto(`${baseUrl}/invoices/${invoices[0].id}`);
    await shown(f.getByTestId('collector-chain').getByText('Disetor ke bank'));
    await shown(f.getByTestId('collector-chain').getByText(/BRI Godean · Fitri/));
    await screenshot(f, 'collector-invoice-chain-desktop', { notifications: false });
    await f.goto(`${baseUrl}/collectors/reports`);
    await shown(f.getByText('Penerimaan per penagih per hari'));
    await screenshot(f, 'collector-reports-desktop', { notifications: false });
  });

  it('should fit the office screens on a phone too', async () => {
    const phone = await open({ phone: true }, people.fitri, '/collectors/reports');
    await shown(phone.page.getByText('Selisih terbuka'));
    await noSideways(phone.page);
    await screenshot(phone.page, 'collector-reports-phone', { notifications: false });
    await phone.page.goto(`${baseUrl}/collectors/deposits`);
    await shown(phone.page.getByText('Riwayat setor bank'));
    await noSideways(phone.page);
    await screenshot(phone.page, 'collector-deposit-phone', { notifications: false });
    const admin = await open({ phone: true }, people.dewi, '/collectors/assignments');
    await shown(admin.page.getByText('Aturan penagihan'));
    await shown(admin.page.getByText('Budi Santoso (C00002)'));
    await noSideways(admin.page);
    await screenshot(admin.page, 'collector-assignments-phone', { notifications: false });
    await admin.page.setViewportSize({ width: 1280, height: 860 });
    await screenshot(admin.page, 'collector-assignments-desktop', { notifications: false });
    const desk = await open({ phone: false }, people.agus, '/collector');
    await shown(desk.page.getByTestId('cash-in-hand'));
    await screenshot(desk.page, 'collector-worklist-desktop', { notifications: false });
  });

  it('should show a long route a page at a time, in route order, with "Muat lagi" until the last customer', async () => {
    const plan = (await call('GET', '/api/plans'))[0];
    const more: string[] = [];
    for (let i = 1; i <= 55; i++) {
      const name = `Pelanggan ${String(i).padStart(2, '0')}`;
      const c = await call('POST', '/api/customers', { name, phone: `0813-8888-${String(i).padStart(4, '0')}`, address: `Dusun Godean RT ${i}`, planId: plan.id, connectionType: 'dhcp', ipAddress: `10.7.1.${i + 10}`, activatedOn: '2026-10-01' });
      more.push(c.id);
    }
    await call('POST', '/api/billing/invoices/generate', { period: '2026-12-01' });
    const agus = (await call('GET', '/api/collectors/assignments?limit=1')).collectors[0].userId;
    await call('POST', '/api/collectors/assignments', { collectorUserId: agus, customerIds: more });
    const { page } = await open({ phone: true }, people.agus, '/collector');
    await shown(page.getByText('Pelanggan 01', { exact: true }));
    const button = page.getByTestId('worklist-more');
    await shown(button);
    expect(await page.getByText('Pelanggan 55', { exact: true }).count()).toBe(0);
    await button.scrollIntoViewIfNeeded();
    await noSideways(page);
    await screenshot(page, 'collector-worklist-load-more-phone', { notifications: false });
    await button.click();
    await shown(page.getByText('Pelanggan 55', { exact: true }));
    await button.waitFor({ state: 'detached' });
    // The whole route, in its order: the new customers follow the first ones, 01 to 55.
    const names = await page.locator('[data-customer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-customer')));
    const added = names.filter((n) => n?.startsWith('Pelanggan '));
    expect(added).toEqual(more.map((_, i) => `Pelanggan ${String(i + 1).padStart(2, '0')}`));
    expect(new Set(names).size).toBe(names.length);
  });
});
