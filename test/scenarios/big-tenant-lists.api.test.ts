import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/**
 * Lists stay bounded on a big tenant: the isolated list comes a page at a time (or only for the
 * customers a page shows), its size and the dashboard's money are counted by the server.
 */
describe.each(drivers)('bounded lists and server counts on %s', (driver) => {
  let app: TestApp;
  let cookie: string;
  let tenantId: string;
  let customerIds: string[];

  const call = async (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    app = await createTestApp(driver);
    ({ tenantId, ownerCookie: cookie } = await seedTenantWithOwner(app, 'besar'));
    const plan = await call('/api/plans', 'POST', { name: 'Rumahan', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'r10' });
    const o = app.db.owner;
    // 60 customers; the first 40 isolated, one minute apart (C001 first).
    await sql`insert into customers (id, tenant_id, code, name, phone, plan_id, connection_type, pppoe_username, activated_on, created_at)
      select gen_random_uuid(), ${tenantId}, 'C' || lpad(g::text, 3, '0'), 'Pelanggan ' || g, '+6281300000' || lpad(g::text, 3, '0'), ${plan.body.id},
             'pppoe', 'besar' || g, '2026-01-01', now()
      from generate_series(1, 60) g`.execute(o);
    customerIds = (await sql<{ id: string }>`select id from customers where tenant_id = ${tenantId} order by code`.execute(o)).rows.map((r) => r.id);
    await sql`insert into isolation_lines (customer_id, tenant_id, desired_state, changed_at, reason, trigger)
      select id, tenant_id, 'isolated', '2026-11-20T00:00:00Z'::timestamptz + (substr(code, 2)::int * interval '1 minute'), 'menunggak', 'overdue_after_grace_period'
      from customers where tenant_id = ${tenantId} and code <= 'C040'`.execute(o);
    await sql`insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, created_at)
      select gen_random_uuid(), tenant_id, 'INV-' || code, id, '2026-11-01', '2026-11-01', '2026-11-10', 100000, 'Rumahan', now()
      from customers where tenant_id = ${tenantId}`.execute(o);
  }, 60_000);
  afterAll(() => app?.stop());

  it('should page through the isolated lines, newest first, and count them without loading them', async () => {
    const first = await call('/api/isolation/isolated?limit=15');
    const second = await call('/api/isolation/isolated?limit=15&offset=15');
    const last = await call('/api/isolation/isolated?limit=15&offset=30');
    expect([first.body.length, second.body.length, last.body.length]).toEqual([15, 15, 10]);
    const codes = [...first.body, ...second.body, ...last.body].map((l: { customerCode: string }) => l.customerCode);
    expect(codes).toEqual(Array.from({ length: 40 }, (_, i) => `C${String(40 - i).padStart(3, '0')}`));
    expect((await call('/api/isolation/isolated/count')).body).toEqual({ count: 40 });
  });

  it("should answer only the asked customers' lines (a page's badges)", async () => {
    const [isolated, active] = [customerIds[4], customerIds[50]];
    const res = await call(`/api/isolation/isolated?limit=25&customerId=${isolated}&customerId=${active}`);
    expect(res.body.map((l: { customerId: string }) => l.customerId)).toEqual([isolated]);
    const one = await call(`/api/isolation/isolated?limit=25&customerId=${active}`);
    expect(one.body).toEqual([]);
  });

  it('should refuse a limit over the maximum, or too many customers, with a clear error, not a shorter list', async () => {
    const tooMany = await call('/api/isolation/isolated?limit=501');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('VALIDATION_FAILED');
    expect(tooMany.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['querystring.limit']);
    const ids = customerIds.concat(customerIds).slice(0, 101).map((id) => `customerId=${id}`).join('&');
    const tooManyIds = await call(`/api/isolation/isolated?limit=25&${ids}`);
    expect(tooManyIds.status).toBe(400);
    expect(tooManyIds.body.error.code).toBe('VALIDATION_FAILED');
    for (const limit of [0, -1, 2.5]) expect((await call(`/api/invoices?limit=${limit}`)).status).toBe(400);
  });

  it("should count today's payments in the tenant's calendar and what stays unpaid", async () => {
    const invoices = (await call('/api/invoices?limit=3&status=unpaid')).body.items as { id: string }[];
    // 23:30 WIB on the 24th, then 00:30 WIB on the 25th (16:30 and 17:30 UTC on the 24th).
    app.clock.set('2026-11-24T16:30:00Z');
    expect((await call(`/api/invoices/${invoices[0].id}/payments`, 'POST', { amount: 100_000, method: 'cash' })).status).toBe(201);
    app.clock.set('2026-11-24T17:30:00Z');
    expect((await call(`/api/invoices/${invoices[1].id}/payments`, 'POST', { amount: 100_000, method: 'transfer' })).status).toBe(201);
    expect((await call(`/api/invoices/${invoices[2].id}/payments`, 'POST', { amount: 100_000, method: 'cash' })).status).toBe(201);
    expect((await call('/api/billing/summary')).body).toEqual({
      today: '2026-11-25',
      paymentsToday: { count: 2, amount: 200_000 },
      unpaid: { count: 57, amount: 5_700_000 },
    });
  });
});
