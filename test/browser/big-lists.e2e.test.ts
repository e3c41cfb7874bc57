import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceCountLimit } from '../../src/modules/billing/use-cases/invoices.ts';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { launchBrowser, screenshot, shown, type Browser } from './browser.ts';

/**
 * The invoices page of a tenant with more invoices than the server counts: it says "10000+",
 * offers the next page past the counted ones, and the customers page still counts exactly.
 */
describe('big lists in a browser', () => {
  let app: TestApp;
  let owner: { email: string; password: string };
  let baseUrl: string;
  const customers = 70;
  const months = Math.ceil((invoiceCountLimit + 30) / customers);

  beforeAll(async () => {
    app = await createTestApp('pglite');
    const seeded = await seedTenantWithOwner(app, 'ramai', 'WIB');
    owner = seeded.owner;
    const plan = await app.http.inject({
      method: 'POST',
      url: '/api/plans',
      headers: { cookie: seeded.ownerCookie },
      payload: { name: 'Rumahan', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'r10' },
    });
    const o = app.db.owner;
    await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, pppoe_username, activated_on, created_at)
      select gen_random_uuid(), ${seeded.tenantId}, 'C' || lpad(g::text, 3, '0'), 'Pelanggan ' || g, '+6281300000' || lpad(g::text, 3, '0'), ${plan.json().id},
             'pppoe', 'ramai' || g, '2026-01-01', now()
      from generate_series(1, ${customers}) g`.execute(o);
    await sql`insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, status, paid_amount, created_at)
      select gen_random_uuid(), c.tenant_id, 'INV-' || to_char(p, 'YYYYMM') || '-' || c.code, c.id, p, p, p + 9, 100000, 'Rumahan', 'paid', 100000, now()
      from customers c cross join lateral (select ('2026-11-01'::date - k * interval '1 month')::date as p from generate_series(0, ${months - 1}) k) m
      where c.tenant_id = ${seeded.tenantId}`.execute(o);
    baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(() => app?.stop());

  for (const phone of [false, true]) {
    it(`should page past the counted invoices ${phone ? 'on a phone' : 'on a desk'}`, async () => {
      const browser: Browser = await launchBrowser({ phone });
      try {
        const { page } = browser;
        await page.goto(baseUrl + '/');
        await page.getByLabel('Email').fill(owner.email);
        await page.getByLabel('Kata sandi').fill(owner.password);
        await page.getByRole('button', { name: 'Masuk' }).click();
        await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'detached' });

        await page.goto(`${baseUrl}/customers`);
        await shown(page.getByText(`${customers} pelanggan`));

        const lastCounted = invoiceCountLimit / 50;
        await page.goto(`${baseUrl}/invoices?page=${lastCounted}`);
        await shown(page.getByText(`${invoiceCountLimit}+ tagihan`));
        // Page 200: invoices 9,951–10,000, in the 143rd month back (January 2015), C060 … C011.
        await shown(page.getByText('INV-201501-C060'));
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await screenshot(page, `invoices-over-count-${phone ? 'phone' : 'desktop'}`, { notifications: false });

        // One page more than counted is offered; on it the total grows to its last invoice.
        await page.getByRole('button', { name: String(lastCounted + 1) }).click();
        await shown(page.getByText('INV-201412-C070'));
        await shown(page.getByText(`${invoiceCountLimit + 50}+ tagihan`));
        expect(page.url()).toContain(`page=${lastCounted + 1}`);
      } finally {
        await browser.close();
      }
    });
  }
});
