import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url));

/** An operator moves from RouterOS: preview, prices for the new pakets, import; a second preview finds everything there. */
describe('imports page in a browser', () => {
  let app: TestApp;
  let owner: { email: string; password: string };
  let cookie: string;
  let baseUrl: string;

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: '2026-12-01T03:00:00Z' });
    ({ owner, ownerCookie: cookie } = await seedTenantWithOwner(app, 'godean', 'WIB'));
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app?.stop());

  for (const phone of [false, true]) {
    it(`should preview, ask for prices, import a RouterOS export, and find it all existing the second time ${phone ? 'on a phone' : 'on a desk'}`, async () => {
      const browser: Browser = await launchBrowser({ phone });
      try {
        const { page } = browser;
        await page.goto(baseUrl + '/');
        await page.getByLabel('Email').fill(owner.email);
        await page.getByLabel('Kata sandi').fill(owner.password);
        await page.getByRole('button', { name: 'Masuk' }).click();
        await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
        await page.goto(`${baseUrl}/imports`);
        await shown(page.getByRole('heading', { name: 'Impor pelanggan & paket' }));
        await page.locator('input[type=file]').setInputFiles(fixture('routeros-ppp-secret-export.rsc'));
        await page.getByRole('button', { name: 'Pratinjau' }).click();
        const preview = page.getByTestId('import-preview');
        if (!phone) {
          await shown(preview.getByText('3 baru'));
          await shown(preview.getByText('3 masalah di berkas'));
          expect(await page.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
          await screenshot(page, 'imports-preview-desktop', { notifications: false });
          await page.getByLabel('Harga bulanan Up To 10 Mbps').fill('125000');
          await page.getByLabel('Harga bulanan paket-20m').fill('175000');
          await page.getByLabel('Harga bulanan isolir').fill('1');
          await preview.getByRole('button', { name: 'Pratinjau' }).click();
          await shown(preview.getByText('Rp 175.000').or(preview.getByText('Rp\u00a0175.000')));
          await page.getByRole('button', { name: 'Impor', exact: true }).click();
          await shown(page.getByText('Impor selesai: 3 pelanggan, 3 paket baru.'));
          expect((await app.http.inject({ method: 'GET', url: '/api/customers', headers: { cookie } })).json().total).toBe(3);
        } else {
          // Imported on the desk: the same file now finds all three.
          await shown(preview.getByText('3 dilewati'));
          await shown(preview.getByText('0 baru'));
          expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
          await screenshot(page, 'imports-preview-phone', { notifications: false });
        }
      } finally {
        await browser.close();
      }
    });
  }
});
