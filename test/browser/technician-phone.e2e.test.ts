import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../ftth-topology.ts';
import { addStaff, createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { phonePhoto } from '../technicians.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

type Window = { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
const noHorizontalOverflow = (page: Page) => page.evaluate(() => ((w: Window) => w.document.documentElement.scrollWidth <= w.innerWidth)(globalThis as unknown as Window));

/**
 * The technician's phone (390×844): today's tasks with a navigate link, the task page — status
 * moves, a note written without signal waits in the queue and is stored once when the signal
 * returns, a photo from the camera input, closing with the checklist. The office's board and the
 * photo overlay at desktop and phone size.
 */
describe('technician screens in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let tenantOwner: { email: string; password: string };
  const budi = { email: 'budi@ngaglik.test', password: 'rahasia-staf-1' };
  const cici = { email: 'cici@ngaglik.test', password: 'rahasia-staf-1' };
  const eko = { email: 'eko@ngaglik.test', password: 'rahasia-staf-1' };
  const activities = async () => Number((await sql<{ n: number }>`select count(*)::int as n from technicians_activities`.execute(app.db.owner)).rows[0]!.n);

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: '2026-12-10T01:00:00Z' });
    const seeded = await seedTenantWithOwner(app, 'ngaglik');
    tenantOwner = seeded.owner;
    const owner = apiCaller(app, seeded.ownerCookie);
    const tech = await addStaff(app, seeded.ownerCookie, { email: budi.email, name: 'Budi Santoso', roles: ['technician'], password: budi.password });
    await addStaff(app, seeded.ownerCookie, { ...cici, name: 'Cici', roles: ['collector'] });
    await addStaff(app, seeded.ownerCookie, { ...eko, name: 'Eko', roles: ['technician', 'collector'] });
    const plan = await owner('POST', '/api/plans', { name: 'Hemat', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 120_000, routerProfile: 'hemat' });
    const customer = await owner('POST', '/api/customers', { name: 'Sari Wulandari', phone: '081211112222', planId: plan.body.id, connectionType: 'dhcp', ipAddress: '10.1.1.2', activatedOn: '2026-11-01', latitude: -7.7123, longitude: 110.4011 });
    const task = await owner('POST', '/api/tasks', { kind: 'repair', title: 'Internet mati sejak pagi', target: { kind: 'customer', id: customer.body.id }, assigneeIds: [tech.userId], priority: 'high', dueAt: '2026-12-10T15:00:00+07:00' });
    expect(task.status).toBe(201);
    await owner('POST', '/api/tasks', { kind: 'installation', title: 'Pasang baru Pak Joko', target: { kind: 'customer', id: customer.body.id }, assigneeIds: [tech.userId] });
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(() => app?.stop());

  async function logIn(page: Page, who: { email: string; password: string }) {
    await page.goto(baseUrl + '/');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Kata sandi').fill(who.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
  }

  it('should show the technician today’s tasks with a navigate link, and work a task through a lost signal (phone)', { timeout: 90_000 }, async () => {
    const browser: Browser = await launchBrowser({ phone: true });
    try {
      const { page, context } = browser;
      await logIn(page, budi);
      await page.goto(`${baseUrl}/my-tasks`);
      await shown(page.getByRole('heading', { name: 'Tugas saya hari ini' }));
      await shown(page.locator('[data-task-card]'));
      expect(await page.locator('[data-task-card]').count()).toBe(2);
      expect(await page.locator('[data-task-card]').first().textContent()).toContain('Internet mati sejak pagi'); // high priority first
      expect(await page.getByTestId('navigate-geo').first().getAttribute('href')).toMatch(/^geo:-7\.7123,110\.4011\?q=/);
      expect(await noHorizontalOverflow(page)).toBe(true);
      await screenshot(page, 'technician-my-tasks-phone', { notifications: false });

      await page.getByRole('link', { name: /Internet mati sejak pagi/ }).click();
      await shown(page.getByTestId('next-status'));
      await page.getByTestId('next-status').click(); // Berangkat
      await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('Dalam perjalanan');
      await page.getByTestId('next-status').click(); // Mulai kerjakan
      await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('Dikerjakan');

      // No signal: the note waits in the queue.
      await context.setOffline(true);
      await page.getByLabel('Catatan').fill('ONT mati karena adaptor rusak, diganti.');
      await page.getByTestId('send-note').click();
      await shown(page.getByTestId('queue-count'));
      expect(await page.getByTestId('queue-count').first().textContent()).toBe('1 menunggu sinyal');
      expect(await activities()).toBe(0);
      await screenshot(page, 'technician-queued-phone', { notifications: false });
      // Signal back: sent once.
      await context.setOffline(false);
      await page.getByTestId('queue-count').first().waitFor({ state: 'detached' });
      await expect.poll(activities).toBe(1);
      await shown(page.getByText('ONT mati karena adaptor rusak, diganti.'));

      // A photo from the camera input.
      const photo = await phonePhoto({ width: 1200, height: 900, gps: { lat: -7.7124, lng: 110.4012 } });
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('add-photo').click();
      await (await chooser).setFiles({ name: 'IMG_20261210.jpg', mimeType: 'image/jpeg', buffer: photo });
      await shown(page.getByTestId('task-photos').locator('img'));
      await expect.poll(async () => page.getByTestId('task-photos').locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(320);

      // Close with the checklist: the button waits for every item.
      const close = page.getByTestId('close-task');
      expect(await close.isDisabled()).toBe(true);
      for (const box of await page.getByTestId('checklist').getByRole('checkbox').all()) await box.check();
      expect(await noHorizontalOverflow(page)).toBe(true);
      await screenshot(page, 'technician-task-phone', { notifications: false });
      await close.click();
      await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('Selesai');
      expect(await activities()).toBe(1);
    } finally {
      await browser.close();
    }
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`should show the office the board by status and the photo on the map overlay (${viewport})`, { timeout: 90_000 }, async () => {
      const browser: Browser = await launchBrowser({ phone: viewport === 'phone' });
      try {
        const { page } = browser;
        await logIn(page, tenantOwner);
        await page.goto(`${baseUrl}/tasks`);
        await shown(page.getByRole('heading', { name: 'Papan tugas teknisi' }));
        await expect.poll(() => page.getByTestId('board-count-done').textContent()).toBe('1');
        expect(await page.getByTestId('board-count-assigned').textContent()).toBe('1');
        expect(await noHorizontalOverflow(page)).toBe(true);
        await screenshot(page, `technician-board-${viewport}`, { notifications: false });
        await page.goto(`${baseUrl}/maps`);
        await shown(page.getByTestId('photo-overlay'));
        await shown(page.locator('img[data-photo-pin="gps"]'));
        expect(await noHorizontalOverflow(page)).toBe(true);
        await page.getByTestId('photo-overlay').scrollIntoViewIfNeeded();
        await screenshot(page, `technician-photo-overlay-${viewport}`, { notifications: false });
      } finally {
        await browser.close();
      }
    });
  }

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`should create a task from the board, refusing a missing title and target at their fields (${viewport})`, { timeout: 90_000 }, async () => {
      const browser: Browser = await launchBrowser({ phone: viewport === 'phone' });
      const title = `Tiang miring (${viewport})`;
      try {
        const { page } = browser;
        await logIn(page, tenantOwner);
        await page.goto(`${baseUrl}/tasks`);
        await page.getByRole('button', { name: 'Tugas baru' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: 'Tugas baru' }).click();
        await shown(dialog.getByText('Wajib diisi.').nth(1)); // the title and the target
        expect(await dialog.getByText('Wajib diisi.').count()).toBe(2);
        expect(await noHorizontalOverflow(page)).toBe(true);
        await screenshot(page, `technician-create-task-errors-${viewport}`, { notifications: false });

        await dialog.getByLabel('Judul').fill(title);
        await dialog.getByRole('combobox', { name: 'Lokasi' }).fill('Sari');
        await page.getByRole('option', { name: /Sari Wulandari/ }).click();
        await dialog.getByRole('combobox', { name: 'Teknisi' }).click();
        await page.getByRole('option', { name: 'Budi Santoso' }).click();
        await dialog.getByLabel('Judul').click(); // a multi-select stays open for more: step out of it, as a person does
        await dialog.getByRole('combobox', { name: 'Prioritas' }).click();
        await page.getByRole('option', { name: 'Mendesak' }).click();
        await dialog.getByLabel('Tenggat').fill('2026-12-11T09:30');
        await dialog.getByLabel('Catatan untuk teknisi').fill('Tiang di depan rumah, bawa tangga.');
        await screenshot(page, `technician-create-task-${viewport}`, { notifications: false });
        await dialog.getByRole('button', { name: 'Tugas baru' }).click();
        await shown(page.getByRole('heading', { name: new RegExp(title.replace(/[()]/g, '\\$&')) }));
        const { rows } = await sql<{ status: string; priority: string; due_at: Date; description: string }>`select status, priority, due_at, description from technicians_tasks where title = ${title}`.execute(app.db.owner);
        // 09:30 in the tenant's zone (WIB) = 02:30 UTC; assigned to Budi.
        expect(rows).toEqual([{ status: 'assigned', priority: 'urgent', due_at: new Date('2026-12-11T02:30:00Z'), description: 'Tiang di depan rumah, bawa tangga.' }]);
      } finally {
        await browser.close();
      }
    });
  }

  it('should give a technician and a collector each their own menu, and one person with both roles exactly both', async () => {
    const menuOf = async (who: { email: string; password: string }) => {
      const browser: Browser = await launchBrowser();
      try {
        await logIn(browser.page, who);
        await shown(browser.page.getByRole('navigation').getByRole('link').first());
        return new Set((await browser.page.getByRole('navigation').getByRole('link').allTextContents()).map((s) => s.trim()));
      } finally {
        await browser.close();
      }
    };
    const [technician, collector, both] = [await menuOf(budi), await menuOf(cici), await menuOf(eko)];
    expect([...technician]).toEqual(expect.arrayContaining(['Tugas saya', 'Tugas teknisi', 'Peta FTTH']));
    expect([...collector]).toContain('Penagihan saya');
    for (const money of ['Tagihan', 'Penagih & setoran', 'Laporan']) expect([...technician, ...collector, ...both]).not.toContain(money);
    for (const tasks of ['Tugas saya', 'Tugas teknisi', 'Peta FTTH']) expect(collector.has(tasks)).toBe(false);
    expect([...both].sort()).toEqual([...new Set([...technician, ...collector])].sort());
  }, 90_000);
});
