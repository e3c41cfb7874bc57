import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { asTenantId } from '../../src/platform/db/database.ts';
import { apiCaller, buildTopology, type Topology } from '../ftth-topology.ts';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

/** The legend's colours (web/src/features/maps/legend.ts), as the browser reports them. */
const colours = { under_outage: 'rgb(224, 49, 49)', affected: 'rgb(240, 140, 0)', isolated: 'rgb(112, 72, 232)', offline: 'rgb(73, 80, 87)', normal: 'rgb(47, 158, 68)' };
const hex = { u: '#e03131', a: '#f08c00', i: '#7048e8', o: '#495057', n: '#2f9e44' };

/**
 * The FTTH map in Chromium at desktop and phone size: 2 ODCs × 2 ODPs × 4 customers with every
 * legend state present — an ODC outage (its ODPs and 8 customers affected), a client outage, an
 * isolated and an offline customer, the rest normal — drawn in the legend's colours on a plain
 * background (no tile source), then with a tile source that fails: the topology stays.
 */
describe('FTTH map in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let owner: { email: string; password: string };
  let topo: Topology;
  let call: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: '2026-12-10T03:00:00Z' });
    const seeded = await seedTenantWithOwner(app, 'gamping');
    owner = seeded.owner;
    call = apiCaller(app, seeded.ownerCookie);
    topo = await buildTopology(app, seeded.ownerCookie, 'gamping', { odcs: 2, odpsPerOdc: 2, customersPerOdp: 4 });
    const [odc1, odc2] = topo.odcs;
    expect((await call('POST', '/api/maps/outages', { element: { kind: 'odc', id: odc1!.id }, cause: 'Kabel feeder putus' })).status).toBe(201);
    expect((await call('POST', '/api/maps/outages', { element: { kind: 'client', id: odc2!.odps[0]!.customers[0] }, cause: 'Kabel drop putus' })).status).toBe(201);
    expect((await call('POST', `/api/customers/${odc2!.odps[0]!.customers[1]}/isolate`, { reason: 'Tunggakan dua bulan' })).status).toBe(200);
    await app.db.tenant(asTenantId(seeded.tenantId), (trx) => app.maps.recordLineSignal(trx, { customerId: odc2!.odps[0]!.customers[2]!, online: false, at: new Date('2026-12-10T02:55:00Z') }));
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app?.stop());

  async function logIn(page: Page) {
    await page.goto(baseUrl + '/');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Kata sandi').fill(owner.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
  }

  /** Customer dots drawn per state (SVG paths with the state's class and fill). */
  const dotsByState = async (page: Page) => {
    const out: Record<string, number> = {};
    for (const [letter, fill] of Object.entries(hex)) out[letter] = await page.locator(`path.ftth-state-${letter}[fill="${fill}"]`).count();
    return out;
  };
  type Styled = { getComputedStyle(e: unknown): { backgroundColor: string } };
  const background = (locator: Locator) => locator.evaluate((e) => (globalThis as unknown as Styled).getComputedStyle(e).backgroundColor);
  type Window = { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
  const noHorizontalOverflow = (page: Page) => page.evaluate(() => ((w: Window) => w.document.documentElement.scrollWidth <= w.innerWidth)(globalThis as unknown as Window));

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`should draw every legend state in its colour on a plain background (${viewport})`, async () => {
      const browser: Browser = await launchBrowser({ phone: viewport === 'phone' });
      try {
        const page = browser.page;
        await logIn(page);
        await page.goto(`${baseUrl}/maps`);
        await shown(page.getByRole('heading', { name: 'Peta FTTH & gangguan' }));
        await shown(page.getByTestId('tiles-none'));
        // The legend: five states, each swatch in its colour, with the counts of the tenant.
        for (const [state, colour] of Object.entries(colours)) {
          const row = page.locator(`[data-legend-state="${state}"]`);
          await shown(row);
          expect(await background(row.locator('.ftth-swatch'))).toBe(colour);
        }
        const counts = Object.fromEntries(await Promise.all(Object.keys(colours).map(async (s) => [s, await page.getByTestId(`count-${s}`).textContent()])));
        expect(counts).toEqual({ under_outage: '1', affected: '8', isolated: '1', offline: '1', normal: '5' });
        // The map: customers, ODPs and ODCs in those colours.
        await expect.poll(() => dotsByState(page)).toEqual({ u: 1, a: 8, i: 1, o: 1, n: 5 });
        expect(await page.locator('.ftth-odc[data-state="u"]').count()).toBe(1);
        expect(await page.locator('.ftth-odc[data-state="n"]').count()).toBe(1);
        expect(await page.locator('.ftth-odp[data-state="a"]').count()).toBe(2);
        expect(await page.locator('.ftth-odp[data-state="n"]').count()).toBe(2);
        expect(await background(page.locator('.ftth-odc[data-state="u"]'))).toBe(colours.under_outage);
        expect(await noHorizontalOverflow(page)).toBe(true);
        await screenshot(page, `maps-legend-${viewport}`, { notifications: false });

        // One click on the ODC under outage: its blast radius.
        await page.locator('.ftth-odc[data-state="u"]').click();
        const radius = page.getByTestId('blast-radius');
        await shown(radius);
        await shown(radius.getByText('ODP di bawahnya'));
        expect((await radius.innerText()).replace(/\s+/g, ' ')).toContain('ODP di bawahnya 2 Pelanggan 8 Terdampak 8');
        await shown(page.getByTestId('element-panel').getByText('Kabel feeder putus'));
        if (viewport === 'desktop') await screenshot(page, 'maps-blast-radius-desktop', { notifications: false });
      } finally {
        await browser.close();
      }
    });
  }

  it('should keep the topology when the tile source fails, and filter by status', async () => {
    expect((await call('PATCH', '/api/maps/settings', { tileUrl: 'https://127.0.0.1:9/{z}/{x}/{y}.png', tileAttribution: 'Tiles © test' })).status).toBe(200);
    const browser = await launchBrowser();
    try {
      const page = browser.page;
      await logIn(page);
      await page.goto(`${baseUrl}/maps`);
      await shown(page.getByTestId('tiles-failed'));
      await expect.poll(() => dotsByState(page)).toEqual({ u: 1, a: 8, i: 1, o: 1, n: 5 });
      expect(await page.locator('.ftth-odc').count()).toBe(2);
      // Only the affected: untick the other four states.
      for (const label of ['Gangguan', 'Diisolir', 'Offline', 'Normal']) await page.locator('label.mantine-Chip-label', { hasText: new RegExp(`^${label}$`) }).click();
      await expect.poll(() => dotsByState(page)).toEqual({ u: 0, a: 8, i: 0, o: 0, n: 0 });
      await screenshot(page, 'maps-tiles-failed-desktop', { notifications: false });
    } finally {
      await browser.close();
    }
  });

  it('should clear the ODC outage from the map and turn its customers normal', async () => {
    const browser = await launchBrowser();
    try {
      const page = browser.page;
      await logIn(page);
      await page.goto(`${baseUrl}/maps`);
      await page.locator('.ftth-odc[data-state="u"]').click();
      await page.getByTestId('element-panel').getByRole('button', { name: 'Gangguan selesai' }).click();
      await expect.poll(() => dotsByState(page)).toEqual({ u: 1, a: 0, i: 1, o: 1, n: 13 });
      expect(await page.locator('.ftth-odc[data-state="u"]').count()).toBe(0);
      expect((await call('GET', '/api/maps/outages?status=open')).body).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });
  it('should place a new ODC with a click on the map, move an ODP by dragging it and draw a cable', async () => {
    const browser = await launchBrowser();
    try {
      const page = browser.page;
      await logIn(page);
      await page.goto(`${baseUrl}/maps`);
      const map = page.getByTestId('ftth-map');
      await shown(map.locator('.ftth-odc').first());
      await page.getByRole('button', { name: 'Tambah ODC' }).click();
      const box = (await map.boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.2);
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Kode').fill('ODC-9');
      await dialog.getByLabel('Nama').fill('Kabinet Baru');
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await expect.poll(async () => (await call('GET', '/api/maps/odcs')).body.map((o: { code: string }) => o.code)).toContain('ODC-9');
      await expect.poll(() => map.locator('.ftth-odc').count()).toBe(3);

      await page.locator('.mantine-Switch-track').click();
      type Place = { id: string; latitude: number; longitude: number };
      const places = async () => new Map(((await call('GET', '/api/maps/odps')).body as Place[]).map((o) => [o.id, `${o.latitude},${o.longitude}`]));
      const before = await places();
      const marker = map.locator('.ftth-odp[data-state="n"]').last();
      const at = (await marker.boundingBox())!;
      await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
      await page.mouse.down();
      await page.mouse.move(at.x + 60, at.y + 40, { steps: 8 });
      await page.mouse.up();
      // Exactly the dragged ODP has new coordinates, saved through the API.
      await expect.poll(async () => [...(await places())].filter(([id, place]) => before.get(id) !== place).length).toBe(1);
      await shown(page.getByText('Posisi baru tersimpan.'));

      // A cable route: three clicks, done, a name.
      await page.getByRole('button', { name: 'Gambar kabel' }).click();
      for (const [fx, fy] of [[0.3, 0.7], [0.45, 0.75], [0.6, 0.72]]) await page.mouse.click(box.x + box.width * fx!, box.y + box.height * fy!);
      await shown(page.getByText('(3 titik)'));
      await page.getByRole('button', { name: 'Selesai', exact: true }).click();
      await page.getByRole('dialog').getByLabel('Nama').fill('Distribusi Gamping');
      await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
      await expect.poll(async () => (await call('GET', '/api/maps/cables')).body.map((c: { name: string; points: unknown[] }) => [c.name, c.points.length])).toEqual([['Distribusi Gamping', 3]]);
      await expect.poll(() => map.locator('path.ftth-cable').count()).toBe(1);
      await screenshot(page, 'maps-edit-desktop', { notifications: false });
    } finally {
      await browser.close();
    }
  });

  it('should cluster a tenant of 20,000 customers and zoom into a cluster on a click', async () => {
    const big = await seedTenantWithOwner(app, 'bantul');
    const o = app.db.owner;
    await sql`insert into service_plans (id, tenant_id, name, download_kbps, upload_kbps, monthly_price, router_profile, created_at)
      values (gen_random_uuid(), ${big.tenantId}, 'Rumahan', 20000, 10000, 150000, 'r20', now())`.execute(o);
    await sql`insert into maps_odcs (id, tenant_id, code, name, latitude, longitude, capacity, created_at)
      select gen_random_uuid(), ${big.tenantId}, 'ODC-' || lpad(g::text, 3, '0'), 'Kabinet ' || g, -7.95 + (g / 10) * 0.01, 110.30 + (g % 10) * 0.01, 16, now()
      from generate_series(0, 99) g`.execute(o);
    await sql`insert into maps_odps (id, tenant_id, odc_id, code, name, latitude, longitude, port_count, created_at)
      select gen_random_uuid(), d.tenant_id, d.id, d.code || '-' || g, 'Tiang ' || g, d.latitude + (g / 4) * 0.0015, d.longitude + (g % 4) * 0.0015, 32, now()
      from maps_odcs d cross join generate_series(0, 9) g where d.tenant_id = ${big.tenantId}`.execute(o);
    await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, ip_address, latitude, longitude, activated_on, created_at)
      select gen_random_uuid(), p.tenant_id, 'B' || lpad(g::text, 5, '0'), 'Pelanggan ' || g, '+6281200000000', p.id, 'dhcp', ('10.60.0.0'::inet + g),
        null, null, '2026-01-01', now()
      from service_plans p cross join generate_series(1, 20000) g where p.tenant_id = ${big.tenantId}`.execute(o);
    // After a bulk load a database has statistics again (autovacuum on a server). Without them,
    // PGlite (no autovacuum) keeps the port foreign key's check planned for the few customers of
    // earlier tests, and checks each of the 20,000 ports by walking the tenant's customers.
    await sql`analyze customers`.execute(o);
    await sql`with odps as (select id, row_number() over (order by code) - 1 as i from maps_odps where tenant_id = ${big.tenantId}),
           cs as (select id, row_number() over (order by code) - 1 as n from customers where tenant_id = ${big.tenantId})
      insert into maps_customer_ports (customer_id, tenant_id, odp_id, port, linked_at)
      select cs.id, ${big.tenantId}, odps.id, (cs.n / 1000)::int + 1, now() from cs join odps on odps.i = cs.n % 1000`.execute(o);
    const browser = await launchBrowser();
    try {
      const page = browser.page;
      await page.goto(baseUrl + '/');
      await page.getByLabel('Email').fill(big.owner.email);
      await page.getByLabel('Kata sandi').fill(big.owner.password);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });
      const started = performance.now();
      await page.goto(`${baseUrl}/maps`);
      await shown(page.locator('.ftth-cluster'));
      console.log(`20,000 customers: map drawn in ${Math.round(performance.now() - started)} ms (navigation, data, first draw)`);
      // Every customer is in some cluster, and far fewer elements are drawn than customers.
      const clusterCounts = async () => (await page.locator('.ftth-cluster').allInnerTexts()).map(Number);
      const counts = await clusterCounts();
      expect(counts.reduce((a, b) => a + b, 0)).toBe(20_000);
      expect(counts.length).toBeLessThan(400);
      expect(await page.getByTestId('count-normal').textContent()).toBe('20000');
      await screenshot(page, 'maps-clusters-desktop', { notifications: false });
      // A click on a cluster zooms in: fewer customers are in view.
      const first = await clusterCounts();
      await page.locator('.ftth-cluster').first().click();
      await expect.poll(async () => (await clusterCounts()).reduce((a, b) => a + b, 0) + (await page.locator('path.ftth-customer').count()), { timeout: 15_000 }).toBeLessThan(first.reduce((a, b) => a + b, 0));
    } finally {
      await browser.close();
    }
  });
});
