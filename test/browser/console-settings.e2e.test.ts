import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RouterStandIn } from '../../src/simulators/routeros/router-stand-in.ts';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

/** What the page functions read in the browser (the tests are typed without the DOM library). */
type BrowserWindow = {
  innerWidth: number;
  document: { documentElement: { scrollWidth: number }; elementFromPoint(x: number, y: number): { closest(selector: string): unknown } | null };
};

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
/** Made by seedTenantWithOwner (test/harness.ts). */
const operator = { email: 'root-merapi@platform.test', password: 'rahasia-super-123' };
const finance = { name: 'Dewi Lestari', email: 'dewi@merapi.test', password: 'keuangan-rahasia-77' };

/**
 * A new ISP's owner sets up the everyday settings in the console, in Indonesian, at desk and
 * phone size: a paket, a staff invitation (and its one-time link), a router moved to another
 * address, a holiday, quiet hours, an opt-out, the audit log. What the UI shows is checked
 * against the API; a refused form saves nothing.
 */
describe('console settings in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let owner: { email: string; password: string; name: string };
  let cookie: string;
  let browser: Browser;
  let router: RouterStandIn;
  let customerId: string;

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (res.statusCode >= 400) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : undefined;
  };

  beforeAll(async () => {
    router = await RouterStandIn.start({ username: 'simpul', password: 'router-pass', identity: 'Merapi-Core' });
    app = await createTestApp('pglite', { start: wib('2026-12-01T09:00:00'), events: true });
    const seeded = await seedTenantWithOwner(app, 'merapi', 'WIB');
    owner = seeded.owner;
    cookie = seeded.ownerCookie;
    await call('POST', '/api/routers', { name: 'Merapi Core', host: '127.0.0.1', port: router.apiPort, apiKind: 'routeros-api', username: 'simpul', password: 'router-pass' });
    const plan = await call('POST', '/api/plans', { name: 'Rumahan 20 Mbps', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'r20' });
    const customer = await call('POST', '/api/customers', {
      name: 'Sulastri Wibowo',
      phone: '081227002201',
      address: 'Jl. Kaliurang km 20, Pakem',
      latitude: -7.66,
      longitude: 110.42,
      planId: plan.id,
      connectionType: 'dhcp',
      ipAddress: '10.30.0.11',
      activatedOn: '2026-11-01',
    });
    customerId = customer.id;
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await router?.stop();
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

  it('should add a paket, change its price and retire it', async () => {
    await logIn(page(), owner.email, owner.password);
    await nav().getByRole('link', { name: 'Paket' }).click();
    await shown(page().getByRole('heading', { name: 'Paket layanan' }));
    await page().getByRole('button', { name: 'Tambah paket' }).click();
    const dialog = page().getByRole('dialog');
    await dialog.getByLabel('Nama paket').fill('Hemat 10 Mbps');
    await dialog.getByLabel('Unduh (Mbps)').fill('10');
    await dialog.getByLabel('Unggah (Mbps)').fill('5');
    await dialog.getByLabel('Harga per bulan').fill('100000');
    await dialog.getByLabel('Profil router').fill('hemat10');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByText('Paket Hemat 10 Mbps ditambahkan.'));
    const row = page().locator('tr[data-plan="Hemat 10 Mbps"]');
    await shown(row.getByText('10/5 Mbps'));
    const find = async () => (await call('GET', '/api/plans')).find((p: { name: string }) => p.name === 'Hemat 10 Mbps');
    expect(await find()).toMatchObject({ downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'hemat10', isActive: true });

    await dialog.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Ubah' }).click();
    const edit = page().getByRole('dialog', { name: 'Ubah · Hemat 10 Mbps' });
    await edit.getByLabel('Harga per bulan').fill('120000');
    await edit.getByRole('switch', { name: 'Ditawarkan ke pelanggan baru' }).uncheck({ force: true });
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await edit.waitFor({ state: 'detached' });
    await shown(row.locator('[data-plan-status="retired"]'));
    await shown(row.getByText('Dihentikan'));
    expect(await find()).toMatchObject({ monthlyPrice: 120_000, isActive: false });
    await screenshot(page(), 'plans-retired-desktop', { notifications: false });
  });

  it('should invite a staff member with a one-time link that makes their account, then disable them', async () => {
    await nav().getByRole('link', { name: 'Staf' }).click();
    await shown(page().getByRole('heading', { name: 'Staf', exact: true }));
    await page().getByRole('textbox', { name: 'Nama', exact: true }).fill(finance.name);
    await page().getByLabel('Email').fill(finance.email);
    await page().getByRole('combobox', { name: 'Peran', exact: true }).click();
    await page().getByRole('option', { name: 'Keuangan' }).click();
    await page().keyboard.press('Escape');
    await page().getByRole('button', { name: 'Buat undangan' }).click();

    const linkBox = page().getByTestId('invitation-link');
    await shown(linkBox.getByText('Tautan undangan untuk dewi@merapi.test'));
    const link = (await linkBox.getByTestId('invitation-url').innerText()).trim();
    expect(link).toMatch(new RegExp(`^${baseUrl}/invitation\\?token=.+`));
    await shown(page().locator('tr[data-invitation="dewi@merapi.test"]').getByText('Keuangan'));
    expect((await call('GET', '/api/staff/invitations')).map((i: { email: string }) => i.email)).toEqual([finance.email]);
    await screenshot(page(), 'staff-invited-desktop', { notifications: false });

    // The invited person opens the link in their own browser and chooses a password.
    const invited = await launchBrowser({ phone: true });
    try {
      const p = invited.page;
      await p.goto(`${baseUrl}/invitation?token=not-a-real-token`);
      await p.getByLabel('Kata sandi').fill(finance.password);
      await p.getByRole('button', { name: 'Terima undangan' }).click();
      // A server error in the person's language, from its code (NOT_FOUND, here an invitation).
      await shown(p.getByRole('alert').getByText('Tautan undangan ini tidak berlaku lagi', { exact: false }));
      expect(await p.getByText('This invitation link is not valid', { exact: false }).count()).toBe(0);
      await screenshot(p, 'invitation-error-phone');

      await p.goto(link);
      await p.getByLabel('Kata sandi').fill(finance.password);
      await p.getByRole('button', { name: 'Terima undangan' }).click();
      await shown(p.getByText('Anda sudah bergabung.'));
      await screenshot(p, 'invitation-phone');
    } finally {
      await invited.close();
    }

    await page().reload();
    const member = page().locator(`tr[data-staff="${finance.email}"]`);
    await shown(member.getByText(finance.name));
    expect(await page().locator('tr[data-invitation]').count()).toBe(0);
    await member.getByRole('switch').click({ force: true }); // saved at once; the row follows the answer
    await shown(page().locator(`tr[data-staff="${finance.email}"][data-staff-status="disabled"]`));
    const staff = await call('GET', '/api/staff');
    expect(staff.find((s: { email: string }) => s.email === finance.email)).toMatchObject({ roles: ['finance'], status: 'disabled' });

    // The same person again: refused at the email field, in Indonesian.
    await page().getByRole('textbox', { name: 'Nama', exact: true }).fill(finance.name);
    await page().getByLabel('Email').fill(finance.email);
    await page().getByRole('combobox', { name: 'Peran', exact: true }).click();
    await page().getByRole('option', { name: 'Penagih' }).click();
    await page().keyboard.press('Escape');
    await page().getByRole('button', { name: 'Buat undangan' }).click();
    await shown(page().getByText('Sudah dipakai.'));
    expect(await call('GET', '/api/staff/invitations')).toEqual([]);

    // Someone new, then the invitation taken back: the link stops working.
    await page().getByLabel('Email').fill('agus@merapi.test');
    await page().getByRole('textbox', { name: 'Nama', exact: true }).fill('Agus Penagih');
    await page().getByRole('button', { name: 'Buat undangan' }).click();
    const pending = page().locator('tr[data-invitation="agus@merapi.test"]');
    await shown(pending.getByText('Penagih'));
    await pending.getByRole('button', { name: 'Batalkan' }).click();
    await pending.waitFor({ state: 'detached' });
    expect(await call('GET', '/api/staff/invitations')).toEqual([]);
  });

  it('should move a router to another address only with its password typed again, then test it', async () => {
    await nav().getByRole('link', { name: 'Router' }).click();
    const row = page().locator('tr[data-router="Merapi Core"]');
    await row.getByRole('button', { name: 'Ubah' }).click();
    const dialog = page().getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Nama', exact: true }).fill('Merapi Inti');
    await dialog.getByRole('textbox', { name: 'Alamat', exact: true }).fill('localhost');
    await shown(dialog.getByText('Alamat berubah: ketik kata sandi router lagi.'));
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await shown(dialog.getByText('Wajib diisi.'));
    const [saved] = await call('GET', '/api/routers');
    expect(saved).toMatchObject({ name: 'Merapi Core', host: '127.0.0.1' });
    await screenshot(page(), 'router-edit-refused-desktop', { notifications: false });

    await dialog.getByLabel('Kata sandi').fill('router-pass');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByText('Router Merapi Inti disimpan.'));
    await dialog.waitFor({ state: 'detached' });
    expect((await call('GET', '/api/routers'))[0]).toMatchObject({ name: 'Merapi Inti', host: 'localhost', apiKind: 'routeros-api' });

    await page().locator('tr[data-router="Merapi Inti"]').getByRole('button', { name: 'Tes koneksi' }).click();
    await shown(page().getByText('Merapi-Core', { exact: false }));
    await screenshot(page(), 'routers-tested-desktop', { notifications: false });
  });

  it('should add and remove no-isolation days, and refuse bad billing settings at their fields, saving nothing', async () => {
    await nav().getByRole('link', { name: 'Pengaturan tagihan' }).click();
    const card = page().getByTestId('exclusions');
    await shown(card.getByText('Belum ada hari libur.'));
    for (const [day, reason] of [['2026-12-25', 'Natal'], ['2027-03-20', 'Idul Fitri']] as const) {
      await card.getByLabel('Tanggal').fill(day);
      await card.getByLabel('Alasan').fill(reason);
      await card.getByRole('button', { name: 'Tambah' }).click();
      await shown(card.locator(`tr[data-exclusion="${day}"]`));
    }
    await card.locator('tr[data-exclusion="2027-03-20"]').getByRole('button', { name: 'Hapus' }).click();
    await card.locator('tr[data-exclusion="2027-03-20"]').waitFor({ state: 'detached' });
    expect(await call('GET', '/api/billing/exclusions')).toEqual([{ day: '2026-12-25', reason: 'Natal' }]);

    const before = await call('GET', '/api/billing/policy');
    await page().getByLabel('Masa tenggang (hari)').fill('-3');
    await page().getByLabel('Tanggal tagihan').fill('40');
    await page().getByRole('button', { name: 'Simpan' }).first().click();
    await shown(page().getByText('Paling kecil 0.'));
    await shown(page().getByText('Paling besar 31.'));
    expect(await page().getByText('Aturan disimpan.').count()).toBe(0);
    expect(await call('GET', '/api/billing/policy')).toEqual(before);
    await screenshot(page(), 'billing-settings-refused-desktop', { notifications: false });
  });

  it('should change quiet hours and add an opt-out in the WhatsApp settings', async () => {
    await nav().getByRole('link', { name: 'WhatsApp' }).click();
    await page().getByRole('tab', { name: 'Pengaturan' }).click();
    await page().getByRole('switch', { name: 'Pakai jam tenang' }).check({ force: true });
    await page().getByLabel('Dari').fill('22:00');
    await page().getByLabel('Sampai').fill('06:00');
    await page().getByRole('button', { name: 'Simpan' }).click();
    await shown(page().getByText('Pengaturan WhatsApp disimpan.'));
    expect((await call('GET', '/api/notifications/settings')).quietHours).toEqual({ start: '22:00', end: '06:00' });

    const optOuts = page().getByTestId('opt-outs');
    await optOuts.getByRole('combobox', { name: 'Pelanggan' }).fill('Sulastri');
    await page().getByRole('option', { name: /Sulastri Wibowo/ }).click();
    await optOuts.getByLabel('Alasan').fill('Minta lewat telepon saja');
    await optOuts.getByRole('button', { name: 'Tambahkan' }).click();
    await shown(optOuts.locator(`tr[data-opt-out="${customerId}"]`).getByText('Sulastri Wibowo'));
    expect(await call('GET', '/api/notifications/opt-outs')).toMatchObject([{ customerId, reason: 'Minta lewat telepon saja' }]);
    await screenshot(page(), 'whatsapp-settings-desktop', { notifications: false });
  });

  it('should show the audit log with names and translated actions, filterable', async () => {
    await nav().getByRole('link', { name: 'Log audit' }).click();
    const invitedRow = page().locator('tr[data-audit="staff.invited"]');
    await shown(invitedRow.getByText('Staf diundang'));
    await shown(invitedRow.getByText(owner.name));
    await shown(page().locator('tr[data-audit="staff.joined"]').getByText(finance.name));
    await shown(page().locator('tr[data-audit="staff.invitation_revoked"]').getByText('Undangan dibatalkan'));
    await page().getByRole('combobox', { name: 'Kegiatan' }).click();
    await page().getByRole('option', { name: 'Staf diundang' }).click();
    await shown(invitedRow);
    const actions = await page().locator('tr[data-audit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-audit')));
    expect(new Set(actions)).toEqual(new Set(['staff.invited']));
    await screenshot(page(), 'audit-filtered-desktop', { notifications: false });
  });

  it('should offer "Buat tautan bayar" only once a payment gateway is set up, and only that one', async () => {
    await call('POST', '/api/billing/invoices/generate', {});
    const [invoice] = (await call('GET', `/api/invoices?customerId=${customerId}`)).items;
    await page().goto(`${baseUrl}/invoices/${invoice.id}`);
    await shown(page().getByRole('button', { name: 'Catat pembayaran' }));
    expect(await page().getByRole('button', { name: 'Buat tautan bayar' }).count()).toBe(0);

    await call('PUT', '/api/billing/gateways/xendit', { secretKey: 'xnd_development_merapi_1234', callbackToken: 'cb-token-merapi-5678' });
    await page().reload();
    await shown(page().getByRole('button', { name: 'Buat tautan bayar' }));
    await page().getByRole('combobox', { name: 'Penyedia' }).click();
    expect(await page().getByRole('option').allInnerTexts()).toEqual(['Xendit']);
    await page().keyboard.press('Escape');
    await screenshot(page(), 'invoice-payment-link-desktop', { notifications: false });
  });

  it('should show every page at desk size, and on a phone without sideways scrolling', async () => {
    const [invoice] = (await call('GET', `/api/invoices?customerId=${customerId}`)).items;
    type Shot = [string, string, (p: Page) => Promise<void>];
    const pages: Shot[] = [
      ['dashboard', '/', (p) => shown(p.getByTestId('stat-customers').getByText('1', { exact: true }))],
      ['customer-detail', `/customers/${customerId}`, (p) => shown(p.getByRole('heading', { name: 'Sulastri Wibowo' }))],
      ['invoice-detail', `/invoices/${invoice.id}`, (p) => shown(p.getByRole('heading', { name: invoice.number }))],
      ['customers', '/customers', (p) => shown(p.getByText('Sulastri Wibowo'))],
      ['invoices', '/invoices', (p) => shown(p.getByRole('heading', { name: 'Tagihan' }))],
      ['isolation', '/isolation', (p) => shown(p.getByRole('heading', { name: 'Isolir' }))],
      ['whatsapp', '/whatsapp', (p) => shown(p.getByRole('tab', { name: 'Pengaturan' }))],
      ['routers', '/routers', (p) => shown(p.getByText('Merapi Inti'))],
      ['billing-settings', '/billing', (p) => shown(p.getByText('Natal'))],
      ['plans', '/plans', (p) => shown(p.getByText('Hemat 10 Mbps'))],
      ['staff', '/staff', (p) => shown(p.getByText(finance.name))],
      ['audit', '/audit', (p) => shown(p.getByText('Staf diundang'))],
    ];
    // The platform operator's pages, as the platform operator.
    const operatorPages: Shot[] = [
      ['tenants', '/platform/tenants', (p) => shown(p.getByText('Net merapi'))],
      ['events', '/events', (p) => shown(p.getByRole('tab', { name: 'Handler' }))],
    ];
    const visit = async (p: Page, list: Shot[], size: 'desktop' | 'phone') => {
      for (const [name, path, ready] of list) {
        await p.goto(baseUrl + path);
        await ready(p);
        await screenshot(p, `${name}-${size}`, { notifications: false });
        if (size === 'phone') {
          const overflow = await p.evaluate(() => {
            const { document, innerWidth } = globalThis as unknown as BrowserWindow;
            return { width: document.documentElement.scrollWidth, viewport: innerWidth };
          });
          expect(overflow.width, `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(overflow.viewport);
        }
      }
    };
    const asOperator = async (p: Page, size: 'desktop' | 'phone') => {
      await p.context().clearCookies();
      await logIn(p, operator.email, operator.password);
      await visit(p, operatorPages, size);
    };
    await visit(page(), pages, 'desktop');
    const phone = await launchBrowser({ phone: true });
    try {
      const p = phone.page;
      await logIn(p, owner.email, owner.password);
      await visit(p, pages, 'phone');
      // The menu opens above the map: where the map's zoom buttons and the customer's dot are,
      // the open menu is what a tap reaches (Leaflet's own z-indexes must not win).
      await p.goto(baseUrl + '/');
      const zoom = p.locator('.leaflet-control-zoom');
      const dot = p.locator('path.leaflet-interactive');
      await shown(zoom);
      const points = [(await zoom.boundingBox())!, (await dot.boundingBox())!].map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 }));
      await p.getByRole('button', { name: 'menu' }).click();
      await shown(p.getByRole('navigation').getByRole('link', { name: 'Log audit' }));
      await expect
        .poll(() =>
          p.evaluate((at) => {
            const { document } = globalThis as unknown as BrowserWindow;
            return at.map(({ x, y }) => document.elementFromPoint(x, y)?.closest('nav') !== null);
          }, points),
        )
        .toEqual([true, true]);
      await screenshot(p, 'menu-phone');
      await asOperator(p, 'phone');
    } finally {
      await phone.close();
    }
    await asOperator(page(), 'desktop');
  }, 120_000); // twenty page loads in two browsers on a shared machine
});
