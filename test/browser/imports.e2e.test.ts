import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url));
/** A RouterOS export of `count` secrets on one profile (the job's progress needs more than one chunk). */
const routerOsExport = (count: number) =>
  ['/ppp profile', 'add name=paket-30m rate-limit=15M/30M', '/ppp secret', ...Array.from({ length: count }, (_, i) => `add comment="Warga ${i} | 0813${String(i).padStart(8, '0')}" name=warga${i} password=w${i} profile=paket-30m`)].join('\n');

/**
 * An operator moves from RouterOS: preview, prices for the new pakets, confirm; the job's progress
 * follows the worker (its chunks run here by hand, so each state can be seen); a second preview
 * finds everything there. Then the list pages' export buttons download what their filters show.
 */
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
          const job = page.getByTestId('import-job');
          await shown(job.getByText('Menunggu'));
          await shown(job.getByText('0 dari 6 baris (0%)'));
          expect((await app.http.inject({ method: 'GET', url: '/api/customers', headers: { cookie } })).json().total).toBe(0);
          await app.imports.importPending(); // the worker's loop
          await shown(job.getByText('Selesai'));
          await shown(job.getByText('6 dari 6 baris (100%)'));
          await shown(job.getByText('3 pelanggan baru'));
          await screenshot(page, 'imports-job-done-desktop', { notifications: false });
          expect((await app.http.inject({ method: 'GET', url: '/api/customers', headers: { cookie } })).json().total).toBe(3);

          // Export buttons take the list's filters: the customers found by "budi", as CSV.
          await page.goto(`${baseUrl}/customers?q=budi`);
          await shown(page.getByText('Budi Santoso'));
          expect(await page.getByTestId('export-xlsx').getAttribute('href')).toBe('/api/exports/customers?format=xlsx&search=budi');
          const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
          const csv = readFileSync((await download.path())!, 'utf8');
          expect(csv).toContain('Budi Santoso');
          expect(csv).not.toContain('Dedi');
          await screenshot(page, 'customers-export-desktop', { notifications: false });
          await page.goto(`${baseUrl}/invoices?status=unpaid`);
          await shown(page.getByRole('heading', { name: 'Tagihan' }));
          expect(await page.getByTestId('export-csv').getAttribute('href')).toBe('/api/exports/invoices?format=csv&status=unpaid');
        } else {
          // Imported on the desk: the same file now finds all three.
          await shown(preview.getByText('3 dilewati'));
          await shown(preview.getByText('0 baru'));
          expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
          await screenshot(page, 'imports-preview-phone', { notifications: false });
          // Cancelled: nothing changes; the page shows the latest import instead.
          await page.getByRole('button', { name: 'Batal' }).click();
          await shown(page.getByTestId('import-job').getByText('Selesai'));
          expect((await app.http.inject({ method: 'GET', url: '/api/customers', headers: { cookie } })).json().total).toBe(3);

          // A bigger file, confirmed elsewhere: its progress moves chunk by chunk on the open page.
          const queued = await app.http.inject({ method: 'POST', url: '/api/imports/jobs', headers: { cookie }, payload: { source: 'routeros', content: routerOsExport(300), prices: { 'paket-30m': 200_000 } } });
          expect(queued.statusCode).toBe(202);
          await page.reload();
          const job = page.getByTestId('import-job');
          await shown(job.getByText('0 dari 301 baris (0%)'));
          await app.imports.importNextChunk();
          await shown(job.getByText('250 dari 301 baris (83%)'));
          await shown(job.getByText('Berjalan'));
          expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
          await screenshot(page, 'imports-job-running-phone', { notifications: false });
          await app.imports.importPending();
          await shown(job.getByText('301 dari 301 baris (100%)'));
          await shown(job.getByText('300 pelanggan baru'));

          await page.goto(`${baseUrl}/customers`);
          await shown(page.getByTestId('export-csv'));
          expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
          await screenshot(page, 'customers-export-phone', { notifications: false });
        }
      } finally {
        await browser.close();
      }
    }, 180_000);
  }
});
