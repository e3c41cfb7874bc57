import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

/** Features switched off hide their menus: a plan without FTTH maps and collectors shows neither; an override brings the map back. */
describe('SaaS feature menus in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const browsers: Browser[] = [];

  const root = async (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    (await app.http.inject({ method, url, headers: { cookie: tenant.rootCookie }, payload: payload as object })).json();

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: wib('2026-12-01T09:00:00') });
    tenant = await seedTenantWithOwner(app, 'menu-net', 'WIB');
    const plan = await root('POST', '/api/platform/saas/plans', { code: 'polos', name: 'Polos', monthlyPrice: 100_000, limits: { customers: 100 }, features: ['radius'] });
    await root('PUT', `/api/platform/tenants/${tenant.tenantId}/plan`, { planId: plan.id });
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await app?.stop();
  });

  async function logIn(on: Page) {
    await on.goto(baseUrl + '/');
    await on.getByLabel('Email').fill(tenant.owner.email);
    await on.getByLabel('Kata sandi').fill(tenant.owner.password);
    await on.getByRole('button', { name: 'Masuk' }).click();
    await on.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
  }
  const menu = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

  it('should hide the menus of features the plan lacks, on desktop and phone, and show one switched on by an override', async () => {
    for (const phone of [false, true]) {
      const browser = await launchBrowser({ phone });
      browsers.push(browser);
      const page = browser.page;
      await logIn(page);
      if (phone) await page.getByRole('button', { name: 'menu' }).click();
      await shown(menu(page, 'Pelanggan'));
      expect(await menu(page, 'Peta FTTH').count()).toBe(0);
      expect(await menu(page, 'Penagih & setoran').count()).toBe(0);
      await screenshot(page, `saas-feature-menus-${phone ? 'phone' : 'desktop'}`, { notifications: false });
    }
    await root('POST', `/api/platform/tenants/${tenant.tenantId}/overrides`, { feature: 'ftth_maps', enabled: true, reason: 'uji coba peta', endsAt: wib('2026-12-31T00:00:00') });
    const page = browsers[0]!.page;
    await page.reload();
    await shown(menu(page, 'Peta FTTH'));
    expect(await menu(page, 'Penagih & setoran').count()).toBe(0);
  });
});
