import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

/**
 * Issue 17 point 8, the super admin's SaaS desk: an add-on added to the catalog, an override with
 * its reason on one tenant, a platform-wide kill switch flipped (refused without a reason); and
 * the owner's subscription page warning at 80% with the TXT record of a custom domain to publish.
 */
describe.sequential('the super admin SaaS desk and the owner subscription page in Chromium', { timeout: 60_000 }, () => {
  let app: TestApp;
  let baseUrl: string;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const browsers: Browser[] = [];
  const superAdmin = { email: 'root-bromo-net@platform.test', password: 'rahasia-super-123' };

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, cookie = tenant.ownerCookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: wib('2026-12-01T09:00:00'), events: true, resolveTxt: async () => [] });
    tenant = await seedTenantWithOwner(app, 'bromo-net', 'WIB');
    const plan = await call('POST', '/api/plans', { name: 'Rumahan 10', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'p10' });
    const kecil = await call('POST', '/api/platform/saas/plans', { code: 'kecil', name: 'Kecil', monthlyPrice: 100_000, limits: { customers: 5, routers: 2, staff: 5 }, features: ['custom_domain'] }, tenant.rootCookie);
    expect((await call('PUT', `/api/platform/tenants/${tenant.tenantId}/plan`, { planId: kecil.body.id }, tenant.rootCookie)).status).toBe(200);
    for (let i = 1; i <= 4; i++) {
      const res = await call('POST', '/api/customers', { name: `Warga ${i}`, phone: `08123400001${i}`, planId: plan.body.id, connectionType: 'dhcp', ipAddress: `10.31.0.${i}`, activatedOn: '2026-11-01' });
      expect(res.status).toBe(201);
    }
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await app?.stop();
  });

  async function open(phone: boolean, who: { email: string; password: string }) {
    const browser = await launchBrowser({ phone });
    browsers.push(browser);
    const page = browser.page;
    await page.goto(baseUrl + '/');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Kata sandi').fill(who.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
    return page;
  }
  // Evaluated in the page (a string: the test's own types have no DOM).
  const noHorizontalOverflow = async (page: Page) => expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

  it('should add an add-on to the catalog, naming the missing amount first (desktop)', async () => {
    const page = await open(false, superAdmin);
    await page.goto(`${baseUrl}/platform/saas/catalog`);
    await page.getByRole('button', { name: 'Tambah add-on' }).click();
    const form = page.getByTestId('addon-form');
    await form.getByLabel('Kode').fill('router5');
    await form.getByLabel('Nama').fill('+5 router');
    await form.getByLabel('Harga').fill('75000');
    await form.getByLabel('Batas', { exact: true }).click();
    await page.getByRole('option', { name: 'Router' }).click();
    await form.getByRole('button', { name: 'Simpan' }).click();
    await shown(form.getByText('Wajib diisi'));
    expect((await call('GET', '/api/platform/saas/addons', undefined, tenant.rootCookie)).body).toEqual([]);

    await form.getByLabel('Tambahan per unit').fill('5');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await shown(page.locator('[data-catalog-addon="router5"]').getByText('Router +5'));
    expect((await call('GET', '/api/saas/addons')).body).toEqual([expect.objectContaining({ code: 'router5', limitName: 'routers', amount: 5, price: 75_000 })]);
    await screenshot(page, 'platform-catalog-desktop', { notifications: false });
  });

  it('should set an override with its reason on the tenant page and show the raised limit (desktop)', async () => {
    const page = await open(false, superAdmin);
    await page.goto(`${baseUrl}/platform/saas`);
    await page.locator('[data-tenant="bromo-net"]').getByRole('link', { name: 'Net bromo-net' }).click();
    await shown(page.locator('[data-limit="customers"]').getByText('4 / 5'));
    const form = page.getByTestId('override-form');
    await form.getByLabel('Tambah / kurangi').fill('100');
    await form.getByLabel('Berlaku sampai tanggal (WIB)').fill('2026-12-31');
    await form.getByRole('button', { name: 'Simpan pengecualian' }).click();
    await shown(form.getByText('Paling sedikit 3 karakter.'));
    expect((await call('GET', `/api/platform/tenants/${tenant.tenantId}/overrides`, undefined, tenant.rootCookie)).body).toEqual([]);

    await form.getByLabel('Alasan').fill('Migrasi dari sistem lama');
    await form.getByRole('button', { name: 'Simpan pengecualian' }).click();
    await shown(page.locator('[data-override="customers"]').getByText('Migrasi dari sistem lama'));
    await shown(page.locator('[data-limit="customers"]').getByText('4 / 105'));
    expect((await call('GET', '/api/saas/subscription')).body.limits.customers).toBe(105);
    await screenshot(page, 'platform-tenant-desktop', { notifications: false });

    await page.locator('[data-override="customers"]').getByRole('button', { name: 'Akhiri sekarang' }).click();
    await shown(page.locator('[data-limit="customers"]').getByText('4 / 5'));
  });

  it('should refuse a kill switch without a reason, switch custom domains off for every tenant, and back on (desktop)', async () => {
    const page = await open(false, superAdmin);
    await page.goto(`${baseUrl}/platform/saas/features`);
    const row = page.locator('[data-feature="custom_domain"]');
    await row.getByRole('button', { name: 'Matikan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Matikan' }).click();
    await shown(dialog.getByText('Wajib diisi'));
    expect((await call('GET', '/api/platform/features', undefined, tenant.rootCookie)).body).toEqual([]);

    await dialog.getByLabel('Alasan').fill('Penerbit sertifikat sedang gangguan');
    await dialog.getByRole('button', { name: 'Matikan' }).click();
    await shown(page.locator('[data-feature="custom_domain"][data-enabled="false"]').getByText('Penerbit sertifikat sedang gangguan'));
    const refused = await call('POST', '/api/saas/domains', { host: 'net.bromo.id' });
    expect(refused.body.error.code).toBe('FEATURE_DISABLED');
    await screenshot(page, 'platform-features-desktop', { notifications: false });

    await row.getByRole('button', { name: 'Nyalakan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nyalakan' }).click();
    await shown(page.locator('[data-feature="custom_domain"][data-enabled="true"]'));
    expect((await call('GET', '/api/saas/subscription')).body.features).toContain('custom_domain');
  });

  it('should fit the super admin tabs and the tenant page on a phone', async () => {
    const page = await open(true, superAdmin);
    for (const path of ['/platform/saas', `/platform/saas/tenants/${tenant.tenantId}`, '/platform/saas/catalog', '/platform/saas/features']) {
      await page.goto(baseUrl + path);
      await shown(page.getByRole('tab', { name: 'Sakelar fitur' }));
      await shown(page.locator('[data-tenant], [data-saas-plan], [data-feature]'));
      await noHorizontalOverflow(page);
    }
    await page.goto(`${baseUrl}/platform/saas/tenants/${tenant.tenantId}`);
    await shown(page.locator('[data-limit="customers"]').getByText('4 / 5'));
    await screenshot(page, 'platform-tenant-phone', { notifications: false });
  });

  it('should warn the owner at 80% and show the TXT record of a new custom domain (desktop and phone)', async () => {
    for (const phone of [false, true]) {
      const page = await open(phone, tenant.owner);
      await page.goto(`${baseUrl}/subscription`);
      await shown(page.locator('[data-near-limit="customers"]').getByText('Pelanggan: 4 dari 5 (80%).'));
      if (!phone) {
        await page.getByLabel('Tambah domain').fill('portal.bromo.id');
        await page.getByRole('button', { name: 'Tambah', exact: true }).click();
        await shown(page.locator('[data-domain="portal.bromo.id"]').getByText('_simpul-challenge.portal.bromo.id'));
        await page.locator('[data-domain="portal.bromo.id"]').getByRole('button', { name: 'Periksa' }).click();
        await shown(page.getByText('Domain belum terverifikasi. Periksa catatan DNS-nya lalu coba lagi.'));
      }
      await shown(page.locator('[data-domain="portal.bromo.id"]').getByText('Belum terverifikasi'));
      if (phone) await noHorizontalOverflow(page);
      await screenshot(page, `subscription-owner-${phone ? 'phone' : 'desktop'}`, { notifications: false });
    }
  });
});
