import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

/**
 * A hand-computed fixture: three customers, five monthly invoices of Rp 100,000 each (Aug–Dec 2026,
 * due on the 10th). Ani pays Aug–Nov on 14 Dec (cash, owner); Citra pays 40,000 of August on 15 Dec
 * (cash, owner); Budi pays Aug–Oct at 00:30 WIB on 16 Dec (transfer, finance) — still the 15th in UTC.
 */
describe.each(drivers)('money desk: reports and exports on %s', (driver) => {
  let app: TestApp;
  let cookie: string;
  let financeCookie: string;
  const invoices: Record<string, Record<string, string>> = { Ani: {}, Budi: {}, Citra: {} };

  const call = async (url: string, method: 'GET' | 'POST' | 'PATCH' = 'GET', payload?: unknown, as = cookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie: as }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : undefined, raw: res.rawPayload, headers: res.headers };
  };
  const pay = async (name: string, month: string, amount: number, method: 'cash' | 'transfer', as = cookie) => {
    const res = await call(`/api/invoices/${invoices[name][month]}/payments`, 'POST', { amount, method }, as);
    expect(res.status).toBe(201);
  };
  const csvRows = (raw: Buffer) => parse(raw.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
  const xlsxRows = async (raw: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw as unknown as ArrayBuffer);
    const rows: string[][] = [];
    const sheet = workbook.worksheets[0];
    const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));
    sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => text(row.getCell(i + 1).value))));
    return rows;
  };

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-12-01T08:00:00') });
    const tenant = await seedTenantWithOwner(app, 'wates', 'WIB');
    cookie = tenant.ownerCookie;
    financeCookie = (await addStaff(app, cookie, { email: 'kasir@wates.test', name: 'Kasir Rina', roles: ['finance'], password: 'kasir-rahasia-1' })).cookie;
    await call('/api/billing/policy', 'PATCH', { billingDay: 1, dueDays: 9, graceDays: 3, partialPayments: true });
    const plan = (await call('/api/plans', 'POST', { name: 'Hemat 10', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'hemat' })).body;
    const ids: Record<string, string> = {};
    for (const [i, name] of ['Ani', 'Budi', 'Citra'].entries()) {
      ids[name] = (await call('/api/customers', 'POST', { name, phone: `08123456700${i}`, planId: plan.id, connectionType: 'static', ipAddress: `10.5.0.${i + 2}`, activatedOn: '2026-07-01' })).body.id;
    }
    for (const month of ['08', '09', '10', '11', '12']) {
      expect((await call('/api/billing/invoices/generate', 'POST', { period: `2026-${month}-01` })).body.issued).toBe(3);
    }
    for (const invoice of (await call('/api/invoices?limit=500')).body.items) {
      const name = Object.keys(ids).find((n) => ids[n] === invoice.customerId)!;
      invoices[name][invoice.period.slice(5, 7)] = invoice.id;
    }
    app.clock.set(wib('2026-12-14T00:05:00'));
    expect((await call('/api/billing/daily-scan', 'POST')).body.isolated).toBe(3);
    app.clock.set(wib('2026-12-14T09:00:00'));
    for (const month of ['08', '09', '10', '11']) await pay('Ani', month, 100_000, 'cash');
    app.clock.set(wib('2026-12-15T10:00:00'));
    await pay('Citra', '08', 40_000, 'cash');
    app.clock.set(wib('2026-12-16T00:30:00'));
    for (const month of ['08', '09', '10']) await pay('Budi', month, 100_000, 'transfer', financeCookie);
  });
  afterAll(() => app?.stop());

  it('should sum income per local day by method and staff, as computed by hand', async () => {
    const r = (await call('/api/reports/income?from=2026-12-14&to=2026-12-16')).body;
    expect(r.byPeriod).toEqual([
      { key: '2026-12-14', payments: 4, amount: 400_000 },
      { key: '2026-12-15', payments: 1, amount: 40_000 },
      { key: '2026-12-16', payments: 3, amount: 300_000 },
    ]);
    expect(r.byMethod).toEqual([
      { key: 'cash', payments: 5, amount: 440_000 },
      { key: 'transfer', payments: 3, amount: 300_000 },
    ]);
    expect(r.byStaff).toEqual([
      { key: 'Owner wates', payments: 5, amount: 440_000 },
      { key: 'Kasir Rina', payments: 3, amount: 300_000 },
    ]);
    expect(r.total).toBe(740_000);
    // The lines (day × method × staff) come a page at a time; the totals stay those of the whole period.
    expect(r.lines).toBe(r.items.length);
    const paged = (await call('/api/reports/income?from=2026-12-14&to=2026-12-16&limit=1&offset=1')).body;
    expect([paged.items, paged.lines, paged.byPeriod, paged.total]).toEqual([[r.items[1]], r.lines, r.byPeriod, 740_000]);
    expect((await call('/api/reports/income?from=2026-12-14&to=2026-12-16&limit=5001')).status).toBe(400);
    const monthly = (await call('/api/reports/income?from=2026-12-01&to=2026-12-31&groupBy=month')).body;
    expect(monthly.byPeriod).toEqual([{ key: '2026-12', payments: 8, amount: 740_000 }]);
    expect((await call('/api/reports/income?from=2026-12-16&to=2026-12-14')).status).toBe(400);
  });

  it('should age arrears into 0–30 / 31–60 / 61–90 / >90 with amounts and customers, as computed by hand', async () => {
    const r = (await call('/api/reports/aging')).body;
    expect(r.asOf).toBe('2026-12-16');
    // The customers come a page at a time; the buckets and the total stay those of everyone.
    const second = (await call('/api/reports/aging?limit=1&offset=1')).body;
    expect([second.customers, second.customersTotal, second.buckets, second.total]).toEqual([[r.customers[1]], r.customers.length, r.buckets, r.total]);
    expect((await call('/api/reports/aging?limit=1001')).status).toBe(400);
    expect(r.buckets).toEqual([
      { bucket: '0-30', invoices: 3, customers: 1, amount: 300_000 },
      { bucket: '31-60', invoices: 2, customers: 1, amount: 200_000 },
      { bucket: '61-90', invoices: 1, customers: 0, amount: 100_000 },
      { bucket: '>90', invoices: 2, customers: 1, amount: 160_000 },
    ]);
    expect(r.total).toBe(760_000);
    expect(r.customers.map((c: { customerName: string; bucket: string; amount: number; oldestDays: number; invoices: number }) => [c.customerName, c.bucket, c.invoices, c.amount, c.oldestDays])).toEqual([
      ['Citra', '>90', 5, 460_000, 128],
      ['Budi', '31-60', 2, 200_000, 36],
      ['Ani', '0-30', 1, 100_000, 6],
    ]);
  });

  it('should count isolations, customers and WhatsApp usage', async () => {
    const iso = (await call('/api/reports/isolation?from=2026-12-01&to=2026-12-16')).body;
    expect(iso).toMatchObject({ days: [{ day: '2026-12-14', isolated: 3, restored: 0 }], isolated: 3, restored: 0, isolatedNow: 3 });
    const customers = (await call('/api/reports/customers?from=2026-07-01&to=2026-12-16')).body;
    expect(customers).toMatchObject({ months: [{ month: '2026-07', added: 3 }], active: 3, suspended: 3, terminated: 0 });
    const wa = (await call('/api/reports/whatsapp?from=2026-11-01&to=2026-12-16')).body;
    expect(wa).toEqual({ from: '2026-11-01', to: '2026-12-16', months: [{ month: '2026-11', sent: 0 }, { month: '2026-12', sent: 0 }], sent: 0 });
  });

  it('should export each report to CSV and XLSX with the same rows', async () => {
    for (const url of ['/api/reports/income/export?from=2026-12-14&to=2026-12-16', '/api/reports/aging/export?', '/api/reports/isolation/export?from=2026-12-01&to=2026-12-16', '/api/reports/customers/export?from=2026-07-01', '/api/reports/whatsapp/export?from=2026-12-01']) {
      const csv = await call(`${url}&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const xlsx = await call(`${url}&format=xlsx`);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(await xlsxRows(xlsx.raw)).toEqual(csvRows(csv.raw));
    }
    const aging = csvRows((await call('/api/reports/aging/export?format=csv')).raw);
    expect(aging).toEqual([
      ['Kode', 'Pelanggan', 'Umur (hari)', 'Kelompok', 'Tagihan', 'Tunggakan (Rp)'],
      [expect.any(String), 'Citra', '128', '>90', '5', '460000'],
      [expect.any(String), 'Budi', '36', '31-60', '2', '200000'],
      [expect.any(String), 'Ani', '6', '0-30', '1', '100000'],
    ]);
    expect((await call('/api/reports/aging/export?format=pdf')).status).toBe(400);
  });

  it('should export customers, invoices and payments with their filters, CSV and XLSX alike', async () => {
    const unpaid = csvRows((await call('/api/exports/invoices?status=unpaid&format=csv')).raw);
    expect(unpaid).toHaveLength(1 + 8);
    expect(unpaid[0]).toEqual(['Nomor', 'Kode pelanggan', 'Pelanggan', 'Periode', 'Jatuh tempo', 'Nominal (Rp)', 'Dibayar (Rp)', 'Sisa (Rp)', 'Status']);
    const citraAugust = unpaid.find((r) => r[2] === 'Citra' && r[3] === '2026-08-01')!;
    expect(citraAugust.slice(5)).toEqual(['100000', '40000', '60000', 'unpaid']);
    expect(await xlsxRows((await call('/api/exports/invoices?status=unpaid&format=xlsx')).raw)).toEqual(unpaid);
    // The invoices page's search too: the file holds what the list shows.
    const citra = csvRows((await call('/api/exports/invoices?status=unpaid&search=Citra&format=csv')).raw);
    expect(citra.slice(1).map((r) => r[2])).toEqual(unpaid.slice(1).filter((r) => r[2] === 'Citra').map((r) => r[2]));
    expect(citra.length).toBeGreaterThan(1);

    const payments = csvRows((await call('/api/exports/payments?from=2026-12-16&to=2026-12-16&format=csv')).raw);
    expect(payments.slice(1).map((p) => [p[0], p[4], p[5], p[6], p[8]])).toEqual([
      ['KW-000006', 'Budi', '100000', 'transfer', 'Kasir Rina'],
      ['KW-000007', 'Budi', '100000', 'transfer', 'Kasir Rina'],
      ['KW-000008', 'Budi', '100000', 'transfer', 'Kasir Rina'],
    ]);
    expect(await xlsxRows((await call('/api/exports/payments?from=2026-12-16&to=2026-12-16&format=xlsx')).raw)).toEqual(payments);

    const customers = csvRows((await call('/api/exports/customers?search=Budi&format=csv')).raw);
    expect(customers.slice(1).map((c) => c[1])).toEqual(['Budi']);
    // "Paket" names the plan as the office calls it, not its id.
    expect(customers[0][4]).toBe('Paket');
    expect(customers.slice(1).map((c) => c[4])).toEqual(['Hemat 10']);
    expect(csvRows((await call('/api/exports/customers?format=csv')).raw)).toHaveLength(4);
    // The customers page's status filter: all three are active, none terminated.
    expect(csvRows((await call('/api/exports/customers?status=active&format=csv')).raw)).toHaveLength(4);
    expect(csvRows((await call('/api/exports/customers?status=terminated&format=csv')).raw)).toHaveLength(1);
    expect((await call('/api/exports/customers?format=csv', 'GET', undefined, '')).status).toBe(401);
  });
});
