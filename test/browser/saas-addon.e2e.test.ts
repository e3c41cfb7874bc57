import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MidtransStandIn } from '../../src/simulators/midtrans/midtrans.stand-in.ts';
import { createTestApp, loginCookie, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
const serverKey = 'SB-Mid-server-platform-browser';

/**
 * addon_ui: update_limits_dynamically_after_purchase. The owner's subscription page is open; the
 * add-on invoice is paid through the platform gateway's webhook; the page shows the new customer
 * limit without a reload. The super admin's SaaS page highlights a tenant over its limit.
 */
describe('SaaS add-on purchase in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let midtrans: MidtransStandIn;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const browsers: Browser[] = [];

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, cookie = tenant.ownerCookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };

  beforeAll(async () => {
    midtrans = await MidtransStandIn.start({ serverKey });
    app = await createTestApp('pglite', { start: wib('2026-12-01T09:00:00'), events: true, saas: { gateway: { provider: 'midtrans', mode: 'sandbox', serverKey } } });
    tenant = await seedTenantWithOwner(app, 'merapi-net', 'WIB');
    const plan = await call('POST', '/api/plans', { name: 'Rumahan 10', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'p10' });
    const mini = await call('POST', '/api/platform/saas/plans', { code: 'mini', name: 'Mini', monthlyPrice: 150_000, limits: { customers: 2, routers: 1, staff: 3 }, features: ['radius'] }, tenant.rootCookie);
    await call('PUT', `/api/platform/tenants/${tenant.tenantId}/plan`, { planId: mini.body.id }, tenant.rootCookie);
    await call('POST', '/api/platform/saas/addons', { code: 'plus500', name: '+500 pelanggan', price: 200_000, limitName: 'customers', amount: 500 }, tenant.rootCookie);
    for (let i = 1; i <= 2; i++) {
      const res = await call('POST', '/api/customers', { name: `Warga ${i}`, phone: `08123400000${i}`, planId: plan.body.id, connectionType: 'dhcp', ipAddress: `10.30.0.${i}`, activatedOn: '2026-11-01' });
      expect(res.status).toBe(201);
    }
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await midtrans?.close();
    await app?.stop();
  });

  async function logIn(on: Page, email: string, password: string) {
    await on.goto(baseUrl + '/');
    await on.getByLabel('Email').fill(email);
    await on.getByLabel('Kata sandi').fill(password);
    await on.getByRole('button', { name: 'Masuk' }).click();
    await on.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
  }
  // Evaluated in the page (a string: the test's own types have no DOM).
  const noHorizontalOverflow = async (page: Page) => expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

  it('should show the new limit on the open subscription page once the add-on invoice is paid by webhook (desktop)', async () => {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = browser.page;
    await logIn(page, tenant.owner.email, tenant.owner.password);
    await page.goto(`${baseUrl}/subscription`);
    await shown(page.getByRole('heading', { name: 'Langganan' }));
    await shown(page.getByTestId('limit-customers').getByText('2 dari 2'));
    await shown(page.locator('[data-live="open"]'));

    await page.locator('[data-addon="plus500"]').getByRole('button', { name: 'Beli' }).click();
    await shown(page.locator('[data-invoice]').getByText('Belum dibayar'));
    await page.evaluate(() => Object.assign(globalThis, { loadedOnce: true }));
    const invoice = (await call('GET', '/api/saas/invoices')).body[0];
    expect(invoice).toMatchObject({ kind: 'addon', status: 'unpaid', amount: 200_000 });

    const notification = midtrans.signedNotification(invoice.orderId, { status: 'settlement', amount: 200_000 });
    const webhook = await fetch(`${baseUrl}/api/webhooks/saas/midtrans`, { method: 'POST', headers: notification.headers, body: notification.rawBody });
    expect(webhook.status).toBe(200);

    await shown(page.getByTestId('limit-customers').getByText('2 dari 502'));
    await shown(page.locator(`[data-invoice="${invoice.number}"]`).getByText('Lunas'));
    expect(await page.evaluate(() => (globalThis as { loadedOnce?: boolean }).loadedOnce)).toBe(true); // no reload
    await screenshot(page, 'saas-addon-desktop', { notifications: false });
  });

  it('should fit the subscription page on a phone', async () => {
    const browser = await launchBrowser({ phone: true });
    browsers.push(browser);
    const page = browser.page;
    await logIn(page, tenant.owner.email, tenant.owner.password);
    await page.goto(`${baseUrl}/subscription`);
    await shown(page.getByTestId('limit-customers').getByText('2 dari 502'));
    // No custom domain yet: the card names the address that already works, not a placeholder.
    await shown(page.getByTestId('own-address').getByText('Belum ada domain sendiri. Alamat Anda tetap merapi-net.simpul.id.'));
    await noHorizontalOverflow(page);
    await screenshot(page, 'saas-addon-phone', { notifications: false });
  });

  it('should highlight a tenant over its limit on the super admin SaaS page (desktop and phone)', async () => {
    // The add-on ends: 2 customers are fine, so lower the plan below usage.
    const tiny = await call('POST', '/api/platform/saas/plans', { code: 'tiny', name: 'Tiny', monthlyPrice: 50_000, limits: { customers: 1 }, features: [] }, tenant.rootCookie);
    await call('PUT', `/api/platform/tenants/${tenant.tenantId}/plan`, { planId: tiny.body.id }, tenant.rootCookie);
    await app.db.owner.updateTable('saas_tenant_addons').set({ status: 'ended' }).execute();
    for (const phone of [false, true]) {
      const browser = await launchBrowser({ phone });
      browsers.push(browser);
      const page = browser.page;
      await logIn(page, tenant.owner.email.replace(/^owner@merapi-net\.test$/, 'root-merapi-net@platform.test'), 'rahasia-super-123');
      await page.goto(`${baseUrl}/platform/saas`);
      await shown(page.locator('[data-tenant="merapi-net"][data-over-limit="true"]'));
      await shown(page.locator('[data-tenant="merapi-net"]').getByText('Melebihi batas').or(page.locator('[data-tenant="merapi-net"]').getByText('Pelanggan')));
      if (phone) await noHorizontalOverflow(page);
      await screenshot(page, `saas-platform-${phone ? 'phone' : 'desktop'}`, { notifications: false });
    }
    expect(await loginCookie(app, 'root-merapi-net@platform.test', 'rahasia-super-123')).toMatch(/^simpul_session=/);
  });
});
