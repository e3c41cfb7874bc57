import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url), 'utf8');

/** A RouterOS export of `count` PPPoE secrets on one profile, as `/ppp secret export show-sensitive` prints them. */
const routerOsExport = (count: number, prefix: string) =>
  [
    '/ppp profile',
    'add name=paket-10m rate-limit=5M/10M',
    '/ppp secret',
    ...Array.from({ length: count }, (_, i) => `add comment="Pelanggan ${i} | 0812${String(i).padStart(8, '0')}" name=${prefix}${i} password=pw${i} profile=paket-10m service=pppoe`),
  ].join('\n');

describe.each(drivers)('money desk: an import is one job with progress on %s', (driver) => {
  let app: TestApp;
  let cookie: string;

  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown, as = cookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie: as }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const customerCount = async () => (await call('GET', '/api/customers?limit=1')).body.total as number;
  const job = async (id: string) => (await call('GET', `/api/imports/jobs/${id}`)).body;

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-01T03:00:00Z' });
    cookie = (await seedTenantWithOwner(app, 'kulon', 'WIB')).ownerCookie;
  });
  afterAll(() => app?.stop());

  it('should queue a confirmed import, import it chunk by chunk with its counts, and resume after a worker died holding it', async () => {
    const request = { source: 'routeros', content: routerOsExport(300, 'kulon'), prices: { 'paket-10m': 150_000 } };
    const queued = await call('POST', '/api/imports/jobs', request);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', total: 301, done: 0, failed: 0 });
    expect(await customerCount()).toBe(0); // nothing until the worker runs
    expect((await call('GET', '/api/imports/jobs')).body.map((j: { id: string }) => j.id)).toEqual([queued.body.id]);

    expect(await app.imports.importNextChunk()).toBe(true);
    expect(await job(queued.body.id)).toMatchObject({ status: 'running', total: 301, done: 250, paketsCreated: 1, customersCreated: 249 });
    expect(await customerCount()).toBe(249);

    // A worker takes the lease for the next chunk and dies before committing it: the job waits for the lease to run out.
    await sql`update imports_jobs set lease_until = ${new Date(app.clock.now().getTime() + 60_000)} where id = ${queued.body.id}`.execute(app.db.owner);
    expect(await app.imports.importNextChunk()).toBe(false);
    expect((await job(queued.body.id)).done).toBe(250);
    app.clock.advance(61_000);
    expect(await app.imports.importPending()).toBe(1);
    expect(await job(queued.body.id)).toMatchObject({ status: 'done', total: 301, done: 301, failed: 0, paketsCreated: 1, customersCreated: 300, errors: [] });
    expect(await customerCount()).toBe(300);

    // The same file again: everything is there already.
    const again = await call('POST', '/api/imports/jobs', request);
    expect(again.body.total).toBe(300); // the paket exists: only the customers to look at
    await app.imports.importPending();
    expect(await job(again.body.id)).toMatchObject({ status: 'done', done: 300, customersCreated: 0, customersSkipped: 300, paketsCreated: 0 });
    expect(await customerCount()).toBe(300);
  }, 120_000);

  it('should fail only the row the database refuses while importing, and list it with the job', async () => {
    // A PPPoE username is unique across ISPs (RADIUS looks it up): another tenant has "shared-1".
    const other = await seedTenantWithOwner(app, 'wetan', 'WIB');
    const theirs = await call('POST', '/api/imports/jobs', { source: 'routeros', content: routerOsExport(2, 'shared-'), prices: { 'paket-10m': 100_000 } }, other.ownerCookie);
    await app.imports.importPending();
    expect((await call('GET', `/api/imports/jobs/${theirs.body.id}`, undefined, other.ownerCookie)).body).toMatchObject({ customersCreated: 2 });

    const before = await customerCount();
    const content = [routerOsExport(0, ''), 'add name=shared-1 password=x profile=paket-10m comment="Tetangga | 081299998888"', 'add name=kulon-new password=y profile=paket-10m comment="Baru | 081299998889"'].join('\n');
    const mine = await call('POST', '/api/imports/jobs', { source: 'routeros', content });
    await app.imports.importPending();
    const result = await job(mine.body.id);
    expect(result).toMatchObject({ status: 'done', total: 2, done: 1, failed: 1, customersCreated: 1 });
    expect(result.errors).toEqual([{ line: 4, field: 'pppoeUsername', problem: 'ALREADY_EXISTS', message: expect.any(String) }]);
    expect(await customerCount()).toBe(before + 1);
    // Another tenant's job is not found.
    expect((await call('GET', `/api/imports/jobs/${theirs.body.id}`)).status).toBe(404);
  });

  it('should keep on the job the problems of lines that are no customer (a secret without a name) when told to skip them', async () => {
    const content = ['/ppp profile', 'add name=paket-nama rate-limit=1M/2M', '/ppp secret', 'add password=tanpa-nama profile=paket-nama', 'add name=kulon-named password=n profile=paket-nama comment="Bernama | 081299997777"'].join('\n');
    const prices = { 'paket-nama': 90_000 };
    const refused = await call('POST', '/api/imports/jobs', { source: 'routeros', content, prices });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('IMPORT_HAS_ERRORS');
    const queued = await call('POST', '/api/imports/jobs', { source: 'routeros', content, prices, skipInvalid: true });
    expect(queued.body).toMatchObject({ status: 'queued', total: 3, failed: 1 }); // the paket, the named secret, the nameless line
    await app.imports.importPending();
    const result = await job(queued.body.id);
    expect(result).toMatchObject({ status: 'done', done: 2, failed: 1, paketsCreated: 1, customersCreated: 1 });
    expect(result.errors.map((e: { line: number; problem: string }) => [e.line, e.problem])).toEqual([[4, 'name_missing']]);
  });

  it('should import the PPP users of a Mikhmon router and report its hotspot vouchers', async () => {
    const request = { source: 'mikhmon', content: fixture('mikhmon-router-export.rsc'), prices: { 'PPP-5M': 120_000 } };
    const preview = (await call('POST', '/api/imports/preview', request)).body;
    expect(preview.customers.map((c: { pppoeUsername: string; name: string; phone: string }) => [c.pppoeUsername, c.name, c.phone])).toEqual([
      ['rina-ppp', 'Rina Wulandari', '+6281377770001'],
      ['joko-ppp', 'Joko', '+6281377770002'],
    ]);
    expect(preview.pakets.map((p: { key: string; downloadKbps: number; uploadKbps: number; monthlyPrice: number }) => [p.key, p.downloadKbps, p.uploadKbps, p.monthlyPrice])).toEqual([['PPP-5M', 5000, 2000, 120_000]]);
    expect(preview.warnings.map((w: { field: string; problem: string; message: string }) => [w.field, w.problem, w.message])).toEqual([
      ['hotspot_profile', 'hotspot_skipped', 'Hotspot profile 1Hari (Mikhmon: price 3000, selling price 5000, validity 1d) sells vouchers; not imported.'],
      ['hotspot_profile', 'hotspot_skipped', 'Hotspot profile 1Minggu (Mikhmon: price 15000, selling price 20000, validity 7d) sells vouchers; not imported.'],
      ['hotspot_user', 'hotspot_skipped', '3 hotspot users (2 Mikhmon vouchers) are not imported; PPP users are.'],
    ]);
    const queued = await call('POST', '/api/imports/jobs', request);
    await app.imports.importPending();
    expect(await job(queued.body.id)).toMatchObject({ status: 'done', paketsCreated: 1, customersCreated: 2 });
  });
});

describe.each(drivers)('money desk: the import worker on %s', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-01T03:00:00Z', events: true });
  });
  afterAll(() => app?.stop());

  it('should import a queued job without anyone asking (woken when it is queued)', async () => {
    const { ownerCookie } = await seedTenantWithOwner(app, 'merapi', 'WIB');
    const queued = await app.http.inject({ method: 'POST', url: '/api/imports/jobs', headers: { cookie: ownerCookie }, payload: { source: 'routeros', content: routerOsExport(40, 'merapi'), prices: { 'paket-10m': 150_000 } } });
    expect(queued.statusCode).toBe(202);
    await expect
      .poll(async () => (await app.http.inject({ method: 'GET', url: `/api/imports/jobs/${queued.json().id}`, headers: { cookie: ownerCookie } })).json().status, { timeout: 45_000 })
      .toBe('done');
    const done = (await app.http.inject({ method: 'GET', url: `/api/imports/jobs/${queued.json().id}`, headers: { cookie: ownerCookie } })).json();
    expect(done).toMatchObject({ total: 41, done: 41, customersCreated: 40 });
  }, 60_000);
});
