import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceCountLimit } from '../../src/modules/billing/use-cases/invoices.ts';
import { asTenantId } from '../../src/platform/db/database.ts';
import { logContext } from '../../src/platform/logging/logger.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/**
 * The customers and invoices lists of a big tenant: deep pages in order, the invoice search by
 * customer name, code or invoice number, the invoice total counted up to a limit ("10,000+"),
 * and a collector still seeing only their own customers' rows.
 */
describe.each(drivers)('big tenant pages and searches on %s', (driver) => {
  let app: TestApp;
  let cookie: string;
  let tenantId: string;
  const customers = 70;
  const months = Math.ceil((invoiceCountLimit + 30) / customers); // just over the counting limit

  const call = async (url: string, as = cookie) => {
    const res = await app.http.inject({ method: 'GET', url, headers: { cookie: as } });
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    app = await createTestApp(driver);
    ({ tenantId, ownerCookie: cookie } = await seedTenantWithOwner(app, 'halaman'));
    const plan = await app.http.inject({
      method: 'POST',
      url: '/api/plans',
      headers: { cookie },
      payload: { name: 'Rumahan', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'r10' },
    });
    const o = app.db.owner;
    // C001 … C070; names repeat every ten ("Sari Wulandari 3" is C003, C013, …).
    await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, pppoe_username, activated_on, created_at)
      select gen_random_uuid(), ${tenantId}, 'C' || lpad(g::text, 3, '0'), (array['Sari Wulandari', 'Bambang Irawan'])[1 + g % 2] || ' ' || (g % 10),
             '+6281300000' || lpad(g::text, 3, '0'), ${plan.json().id}, 'pppoe', 'halaman' || g, '2026-01-01', now()
      from generate_series(1, ${customers}) g`.execute(o);
    // One invoice a month per customer, the latest month first due; the latest month unpaid.
    await sql`insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, status, paid_amount, created_at)
      select gen_random_uuid(), c.tenant_id, 'INV-' || to_char(p, 'YYYYMM') || '-' || c.code, c.id, p, p, p + 9, 100000, 'Rumahan',
             case when k = 0 then 'unpaid' else 'paid' end, case when k = 0 then 0 else 100000 end, now()
      from customers c cross join lateral (select k, ('2026-11-01'::date - k * interval '1 month')::date as p from generate_series(0, ${months - 1}) k) m
      where c.tenant_id = ${tenantId}`.execute(o);
  }, 120_000);
  afterAll(() => app?.stop());

  it('should page through the customers in code order, however deep the page', async () => {
    const deep = await call('/api/customers?limit=25&offset=50');
    expect(deep.body.total).toBe(customers);
    expect(deep.body.items.map((c: { code: string }) => c.code)).toEqual(Array.from({ length: 20 }, (_, i) => `C${String(51 + i).padStart(3, '0')}`));
    expect((await call('/api/customers?limit=25&offset=70')).body).toEqual({ items: [], total: customers });
  });

  it('should count the invoices exactly up to the limit, then say "at least", exact again on the last page', async () => {
    const all = customers * months;
    const first = await call('/api/invoices?limit=50');
    expect({ total: first.body.total, totalIsAtLeast: first.body.totalIsAtLeast }).toEqual({ total: invoiceCountLimit, totalIsAtLeast: true });
    const unpaid = await call('/api/invoices?limit=50&status=unpaid');
    expect({ total: unpaid.body.total, totalIsAtLeast: unpaid.body.totalIsAtLeast }).toEqual({ total: customers, totalIsAtLeast: false });
    // A full page past the counted ones knows there are at least as many as its last row.
    const past = await call(`/api/invoices?limit=10&offset=${invoiceCountLimit}`);
    expect({ total: past.body.total, totalIsAtLeast: past.body.totalIsAtLeast }).toEqual({ total: invoiceCountLimit + 10, totalIsAtLeast: true });
    // The last page, shorter than asked, knows exactly; it holds the oldest month, latest number first.
    const last = await call(`/api/invoices?limit=50&offset=${all - 20}`);
    expect({ total: last.body.total, totalIsAtLeast: last.body.totalIsAtLeast }).toEqual({ total: all, totalIsAtLeast: false });
    expect(last.body.items.map((i: { customerCode: string }) => i.customerCode)).toEqual(Array.from({ length: 20 }, (_, i) => `C${String(20 - i).padStart(3, '0')}`));
  });

  it('should find invoices by customer name, customer code or invoice number, with the status filter', async () => {
    // "Bambang Irawan 7" is every customer whose code ends in 7.
    const byName = await call('/api/invoices?limit=50&status=unpaid&search=irawan%207');
    expect(byName.body.items.map((i: { customerCode: string }) => i.customerCode)).toEqual(['C067', 'C057', 'C047', 'C037', 'C027', 'C017', 'C007']);
    expect(byName.body).toMatchObject({ total: 7, totalIsAtLeast: false });
    const byCode = await call('/api/invoices?limit=3&search=C042');
    expect(byCode.body.total).toBe(months);
    expect(byCode.body.items.map((i: { number: string }) => i.number)).toEqual(['INV-202611-C042', 'INV-202610-C042', 'INV-202609-C042']);
    const byNumber = await call('/api/invoices?limit=50&search=inv-202610-c04');
    expect(byNumber.body.items.map((i: { number: string }) => i.number)).toEqual(Array.from({ length: 10 }, (_, i) => `INV-202610-C04${9 - i}`));
    expect((await call('/api/invoices?limit=50&search=tidak-ada')).body).toEqual({ items: [], total: 0, totalIsAtLeast: false });
  });

  it("should show a collector only their customers and those customers' invoices", async () => {
    const collector = await addStaff(app, cookie, { email: 'agus@halaman.test', name: 'Agus', phone: '0815-5555-0004', roles: ['collector'], password: 'penagih-123456' });
    const ids = (await sql<{ id: string }>`select id from customers where tenant_id = ${tenantId} and code in ('C003', 'C042') order by code`.execute(app.db.owner)).rows.map((r) => r.id);
    const assigned = await app.http.inject({ method: 'POST', url: '/api/collectors/assignments', headers: { cookie }, payload: { collectorUserId: collector.userId, customerIds: ids } });
    expect(assigned.json()).toEqual({ assigned: 2, moved: 0 });
    const theirs = await call('/api/customers?limit=25', collector.cookie);
    expect(theirs.body).toMatchObject({ total: 2, items: [{ code: 'C003' }, { code: 'C042' }] });
    // Collectors do not read the invoice list; the database scopes their invoice rows all the same.
    const asCollector = <T>(fn: Parameters<typeof app.db.tenant<unknown, T>>[1]) =>
      logContext.run({ scopeUserId: collector.userId }, () => app.db.tenant(asTenantId(tenantId), fn));
    const seen = await asCollector((trx) => sql<{ n: number; customers: number }>`
      select count(*)::int as n, count(distinct customer_id)::int as customers from billing_invoices`.execute(trx));
    expect(seen.rows[0]).toEqual({ n: 2 * months, customers: 2 });
  });
});
