import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url), 'utf8');

describe.each(drivers)('money desk: importers on %s', (driver) => {
  let app: TestApp;
  let cookie: string;

  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : undefined, raw: res.rawPayload };
  };
  /** What the tenant has: customers (name, username, plan) and plans (profile, price, speeds). */
  const snapshot = async () => {
    const plans = (await call('GET', '/api/plans')).body as { id: string; routerProfile: string; monthlyPrice: number; downloadKbps: number; uploadKbps: number }[];
    const customers = (await call('GET', '/api/customers?limit=200')).body.items as { id: string; name: string; pppoeUsername: string | null; planId: string; phone: string }[];
    const profileOf = new Map(plans.map((p) => [p.id, p.routerProfile]));
    return {
      plans: plans.map((p) => [p.routerProfile, p.monthlyPrice, p.downloadKbps, p.uploadKbps]).sort(),
      customers: customers.map((c) => [c.pppoeUsername, c.name, c.phone, profileOf.get(c.planId)]).sort(),
      ids: new Map(customers.map((c) => [c.pppoeUsername, c.id])),
    };
  };

  /** Confirms an import as the console does: a job, imported by the worker (run here by hand), then its result. */
  const runImport = async (payload: unknown) => {
    const queued = await call('POST', '/api/imports/jobs', payload);
    if (queued.status !== 202) return queued;
    await app.imports.importPending();
    const job = (await call('GET', `/api/imports/jobs/${queued.body.id}`)).body;
    const { status, paketsCreated, customersCreated, customersUpdated, customersSkipped, failed, errors } = job;
    return { status: 200, job, body: { status, paketsCreated, customersCreated, customersUpdated, customersSkipped, failed, errors } };
  };

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-01T03:00:00Z' });
    cookie = (await seedTenantWithOwner(app, 'sleman', 'WIB')).ownerCookie;
  });
  afterAll(() => app?.stop());

  it('should preview a RouterOS export without changing anything, and refuse to import new profiles without prices', async () => {
    const routeros = fixture('routeros-ppp-secret-export.rsc');
    const preview = await call('POST', '/api/imports/preview', { source: 'routeros', content: routeros });
    expect(preview.status).toBe(200);
    expect(preview.body.counts).toMatchObject({ paketsToCreate: 3, customersToCreate: 3, customersToSkip: 0, invalidRows: 0 });
    expect(preview.body.pakets.map((p: { key: string; downloadKbps: number; uploadKbps: number }) => [p.key, p.downloadKbps, p.uploadKbps])).toEqual([
      ['Up To 10 Mbps', 10_000, 5_000],
      ['paket-20m', 20_000, 10_000],
      ['isolir', 256, 256],
    ]);
    expect(preview.body.customers.map((c: { pppoeUsername: string; name: string; phone: string; ipAddress: string | null }) => [c.pppoeUsername, c.name, c.phone, c.ipAddress])).toEqual([
      ['budi@sleman', 'Budi Santoso', '+6281234567001', null],
      ['citra@sleman', 'Citra, Jl. Kaliurang 7', '+6281345677002', '10.10.0.50'],
      ['dedi@sleman', 'Dedi', '+6285745677003', null],
    ]);
    expect(preview.body.warnings.map((w: { line: number; problem: string }) => [w.line, w.problem])).toEqual([
      [15, 'password_hidden'],
      [16, 'disabled_skipped'],
    ]);
    expect(preview.body.errors.map((e: { problem: string }) => e.problem)).toEqual(['price_required', 'price_required', 'price_required']);
    const refused = await runImport({ source: 'routeros', content: routeros });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect((await snapshot()).customers).toEqual([]);
    expect((await snapshot()).plans).toEqual([]);
  });

  it('should import a RouterOS export with the prices given, and change nothing when run again', async () => {
    const request = { source: 'routeros', content: fixture('routeros-ppp-secret-export.rsc'), prices: { 'Up To 10 Mbps': 125_000, 'paket-20m': 175_000, isolir: 1 } };
    expect((await runImport(request)).body).toEqual({ status: 'done', paketsCreated: 3, customersCreated: 3, customersUpdated: 0, customersSkipped: 0, failed: 0, errors: [] });
    const after = await snapshot();
    expect(after.plans).toEqual([
      ['Up To 10 Mbps', 125_000, 10_000, 5_000],
      ['isolir', 1, 256, 256],
      ['paket-20m', 175_000, 20_000, 10_000],
    ]);
    expect(after.customers).toEqual([
      ['budi@sleman', 'Budi Santoso', '+6281234567001', 'Up To 10 Mbps'],
      ['citra@sleman', 'Citra, Jl. Kaliurang 7', '+6281345677002', 'paket-20m'],
      ['dedi@sleman', 'Dedi', '+6285745677003', 'paket-20m'],
    ]);
    const citra = (await call('GET', `/api/customers/${after.ids.get('citra@sleman')}`)).body;
    expect(citra.private.pppoePassword).toBe('pa ss"word');
    const again = await runImport(request);
    expect(again.body).toEqual({ status: 'done', paketsCreated: 0, customersCreated: 0, customersUpdated: 0, customersSkipped: 3, failed: 0, errors: [] });
    expect((await snapshot()).customers).toEqual(after.customers);
    const preview = await call('POST', '/api/imports/preview', request);
    expect(preview.body.counts).toMatchObject({ paketsToCreate: 0, customersToCreate: 0, customersToSkip: 3 });
  });

  it('should import a PHPNuxBill dump: PPPoE plans with varchar prices, plain-text passwords as PPPoE credentials, the active recharge as paket', async () => {
    const request = { source: 'phpnuxbill', content: fixture('phpnuxbill-dump.sql') };
    // Routers by name: PHPNuxBill's recharges name theirs; the tenant has "mikrotik-pusat" but no Bantul router.
    const pusat = await call('POST', '/api/routers', { name: 'mikrotik-pusat', host: '10.20.0.1', apiKind: 'rest', username: 'simpul', password: 'router-pass' });
    expect(pusat.status).toBe(201);
    const strict = (await call('POST', '/api/imports/preview', request)).body;
    expect(strict.routers).toEqual([
      { name: 'Mikrotik-Pusat', routerId: pusat.body.id, customers: 1 },
      { name: 'Mikrotik-Bantul', routerId: null, customers: 1 },
    ]);
    expect(strict.errors.map((e: { field: string; problem: string }) => [e.field, e.problem])).toEqual([['router', 'router_not_found']]);
    expect((await runImport(request)).body.error.code).toBe('IMPORT_HAS_ERRORS');
    const preview = (await call('POST', '/api/imports/preview', { ...request, unmatchedRouters: 'none' })).body;
    expect(preview.errors).toEqual([]);
    expect(preview.customers.map((c: { pppoeUsername: string; routerId: string | null }) => [c.pppoeUsername, c.routerId])).toEqual([
      ['eko', pusat.body.id],
      ['fitri@pusat', null],
    ]);
    expect(preview.warnings.map((w: { problem: string }) => w.problem)).toEqual(['not_pppoe_skipped']);
    expect(preview.pakets.map((p: { key: string; monthlyPrice: number }) => [p.key, p.monthlyPrice])).toEqual([
      ['PPPoE 10M', 175_000],
      ['PPPoE Hemat', 99_000],
    ]);
    expect((await runImport({ ...request, unmatchedRouters: 'none' })).body).toMatchObject({ paketsCreated: 2, customersCreated: 2 });
    const after = await snapshot();
    expect(after.customers).toEqual(
      expect.arrayContaining([
        ['eko', 'Eko Prasetyo', '+6281355550001', 'PPPoE 10M'],
        ['fitri@pusat', "Fitri O'Neil", '+6281355550002', 'PPPoE Hemat'],
      ]),
    );
    expect(after.plans).toEqual(expect.arrayContaining([['PPPoE 10M', 175_000, 10_000, 5_000], ['PPPoE Hemat', 99_000, 512, 512]]));
    const eko = (await call('GET', `/api/customers/${after.ids.get('eko')}`)).body;
    expect(eko).toMatchObject({ address: 'Jl. Magelang km 5, Sleman', latitude: -7.7472, longitude: 110.3861, activatedOn: '2025-03-04', connectionType: 'pppoe' });
    expect(eko).toMatchObject({ routerId: pusat.body.id });
    expect(eko.private.pppoePassword).toBe('eko12345');
    expect((await call('GET', `/api/customers/${after.ids.get('fitri@pusat')}`)).body).toMatchObject({ routerId: null, private: { pppoePassword: 'fitri-pppoe' } });
    expect((await runImport({ ...request, unmatchedRouters: 'none' })).body).toMatchObject({ paketsCreated: 0, customersCreated: 0, customersSkipped: 2 });
  });

  it('should list a CSV file’s bad rows and import nothing until told to skip them', async () => {
    const before = await snapshot();
    const request = { source: 'csv', content: fixture('customers-with-bad-rows.csv') };
    const preview = (await call('POST', '/api/imports/preview', request)).body;
    expect(preview.errors.map((e: { line: number; field: string; problem: string }) => [e.line, e.field, e.problem])).toEqual([
      [3, 'phone', 'invalid'],
      [4, 'paket', 'not_found'],
      [4, 'activated_on', 'invalid'],
      [5, 'name', 'required'],
    ]);
    expect(preview.counts).toMatchObject({ paketsToCreate: 1, customersToCreate: 1, invalidRows: 3 });
    const refused = await runImport(request);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.errors).toHaveLength(4);
    expect(await snapshot()).toEqual(before);
    const run = await runImport({ ...request, skipInvalid: true });
    expect(run.body).toMatchObject({ status: 'done', paketsCreated: 1, customersCreated: 1, customersUpdated: 0, customersSkipped: 0, failed: 3 });
    // The job keeps the rows it did not import, with the same problems the preview showed.
    expect(run.body.errors.map((e: { line: number; field: string; problem: string }) => [e.line, e.field, e.problem])).toEqual(preview.errors.map((e: { line: number; field: string; problem: string }) => [e.line, e.field, e.problem]));
    expect((await snapshot()).customers).toContainEqual(['gita@sleman', 'Gita', '+6281299990001', 'Rumahan 30 Mbps']);
  });

  it('should offer a template as CSV and XLSX, take a filled XLSX back, and update existing customers when asked', async () => {
    const csv = await call('GET', '/api/imports/template?format=csv');
    expect(csv.raw.toString('utf8').replace(/^\uFEFF/, '').split('\r\n')[0] ?? csv.raw.toString()).toContain('name,phone,address,paket');
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await call('GET', '/api/imports/template?format=xlsx')).raw as unknown as ArrayBuffer);
    const sheet = template.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('name');
    sheet.getRow(2).values = ['Budi Santoso Baru', '081234567001', 'Jl. Baru 1', 'paket-20m', '', '', '', 'budi@sleman', 'baru-rahasia', '', '2026-12-01'];
    sheet.getRow(2).commit();
    const content = Buffer.from(await template.xlsx.writeBuffer()).toString('base64');
    const skip = await runImport({ source: 'xlsx', content });
    expect(skip.body).toMatchObject({ customersCreated: 0, customersSkipped: 1 });
    const update = await runImport({ source: 'xlsx', content, mode: 'update' });
    expect(update.body).toMatchObject({ customersCreated: 0, customersUpdated: 1 });
    const after = await snapshot();
    expect(after.customers).toContainEqual(['budi@sleman', 'Budi Santoso Baru', '+6281234567001', 'paket-20m']);
    expect((await call('GET', `/api/customers/${after.ids.get('budi@sleman')}`)).body.private.pppoePassword).toBe('baru-rahasia');
    const unreadable = await call('POST', '/api/imports/preview', { source: 'xlsx', content: Buffer.from('not a workbook').toString('base64') });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.code).toBe('IMPORT_FILE_UNREADABLE');
  });
});
