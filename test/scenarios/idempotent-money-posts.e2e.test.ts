import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenantId } from '../../src/platform/db/database.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type DriverName } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

/** A tenant with finance staff and `count` unpaid invoices of Rp 150.000. */
async function setUp(driver: DriverName, count: number) {
  const app = await createTestApp(driver, { start: wib('2026-12-01T10:00:00') });
  const tenant = await seedTenantWithOwner(app, 'kulonprogo', 'WIB');
  const call = async (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}, cookie = tenant.ownerCookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, headers: res.headers, raw: res.body, body: res.body ? res.json() : undefined };
  };
  const { cookie: financeCookie } = await addStaff(app, tenant.ownerCookie, { email: 'sari@kulonprogo.test', name: 'Sari', roles: ['finance'], password: 'rahasia-staf-1' });
  const plan = (await call('POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'rumahan' })).body;
  for (let i = 0; i < count; i++) {
    const res = await call('POST', '/api/customers', { name: `Pelanggan ${i}`, phone: `0812555500${i}0`, planId: plan.id, connectionType: 'dhcp', ipAddress: `10.1.0.${i + 10}`, activatedOn: '2026-10-01' });
    expect(res.status).toBe(201);
  }
  expect((await call('POST', '/api/billing/invoices/generate', {})).body.issued).toBe(count);
  const invoices: string[] = (await call('GET', '/api/invoices?status=unpaid')).body.items.map((i: { id: string }) => i.id);
  const historyOf = async (invoiceId: string) => (await call('GET', `/api/invoices/${invoiceId}`)).body.history.map((h: { type: string }) => h.type);
  const paymentsOf = async (invoiceId: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from billing_payments where invoice_id = ${invoiceId}`.execute(app.db.owner)).rows[0].n;
  return { app, call, invoices, financeCookie, historyOf, paymentsOf };
}

describe.each(drivers)('Idempotency-Key on money-moving POSTs on %s', (driver) => {
  let t: Awaited<ReturnType<typeof setUp>>;
  const cash = { amount: 150_000, method: 'cash', note: 'Tunai di kantor' };
  const pay = (invoiceId: string, body: object, key?: string, cookie?: string) =>
    t.call('POST', `/api/invoices/${invoiceId}/payments`, body, key ? { 'idempotency-key': key } : {}, cookie);

  beforeAll(async () => {
    t = await setUp(driver, 6);
  });
  afterAll(() => t?.app.stop());

  it('should answer a retry with the first answer, byte for byte, and pay once', async () => {
    const [invoice] = t.invoices;
    const first = await pay(invoice, cash, 'kasir-1/0001');
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The answer was lost; the client sends the same request again (its JSON keys in another order).
    const retry = await pay(invoice, { note: 'Tunai di kantor', method: 'cash', amount: 150_000 }, 'kasir-1/0001');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.raw).toBe(first.raw);
    expect(retry.body.invoice.status).toBe('paid');
    expect(await t.paymentsOf(invoice)).toBe(1);
    expect(await t.historyOf(invoice)).toEqual(['manual']);
  });

  it('should answer another key for a paid invoice with 409 INVOICE_ALREADY_PAID, as without a key', async () => {
    const [invoice] = t.invoices;
    const other = await pay(invoice, cash, 'kasir-1/0002');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('INVOICE_ALREADY_PAID');
    expect((await pay(invoice, cash)).body.error.code).toBe('INVOICE_ALREADY_PAID');
    expect(await t.paymentsOf(invoice)).toBe(1);
  });

  it('should refuse the same key for a different request with 422 IDEMPOTENCY_KEY_REUSED and change nothing', async () => {
    const [paid, unpaid] = t.invoices;
    const otherInvoice = await pay(unpaid, cash, 'kasir-1/0001');
    expect(otherInvoice.status).toBe(422);
    expect(otherInvoice.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('different request') });
    const otherBody = await pay(paid, { ...cash, method: 'transfer' }, 'kasir-1/0001');
    expect(otherBody.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await t.paymentsOf(unpaid)).toBe(0);
    expect((await t.call('GET', `/api/invoices/${unpaid}`)).body.status).toBe('unpaid');
  });

  it('should keep the key free after a refused request, so the corrected retry pays', async () => {
    const invoice = t.invoices[1];
    const wrong = await pay(invoice, { ...cash, amount: 100_000 }, 'kasir-1/0003');
    expect(wrong.body.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    const corrected = await pay(invoice, cash, 'kasir-1/0003');
    expect(corrected.status).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(await t.paymentsOf(invoice)).toBe(1);
  });

  it('should scope a key to its user: another cashier reusing it is told the invoice is paid', async () => {
    const invoice = t.invoices[1];
    const byFinance = await pay(invoice, cash, 'kasir-1/0003', t.financeCookie);
    expect(byFinance.status).toBe(409);
    expect(byFinance.body.error.code).toBe('INVOICE_ALREADY_PAID');
  });

  it('should refuse a malformed key with 400 naming the header', async () => {
    for (const key of ['x'.repeat(256), 'kunci dengan spasi', 'kunci-é']) {
      const res = await pay(t.invoices[2], cash, key);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toContain('idempotency-key');
    }
    expect(await t.paymentsOf(t.invoices[2])).toBe(0);
  });

  it('should document the header on both routes in /openapi.json', async () => {
    const spec = (await t.app.http.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of ['/api/invoices/{invoiceId}/payments', '/api/invoices/{invoiceId}/void']) {
      expect(spec.paths[path].post.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'idempotency-key', required: false }));
    }
  });

  it('should replay a void too', async () => {
    const invoice = t.invoices[2];
    const url = `/api/invoices/${invoice}/void`;
    const first = await t.call('POST', url, { reason: 'Salah paket' }, { 'idempotency-key': 'void-1' });
    expect(first.status).toBe(200);
    const retry = await t.call('POST', url, { reason: 'Salah paket' }, { 'idempotency-key': 'void-1' });
    expect(retry).toMatchObject({ status: 200, raw: first.raw });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await t.call('POST', url, { reason: 'Salah paket' })).body.error.code).toBe('CONFLICT');
    expect(await t.historyOf(invoice)).toEqual(['voided']);
  });

  it('should pay once when two identical requests race, each answer being the payment or "in flight"', async () => {
    const invoice = t.invoices[3];
    const answers = await Promise.all([pay(invoice, cash, 'race-1'), pay(invoice, cash, 'race-1')]);
    const paid = answers.filter((a) => a.status === 201);
    expect(paid.length).toBeGreaterThanOrEqual(1);
    expect(new Set(paid.map((a) => a.body.paymentId)).size).toBe(1);
    for (const a of answers.filter((a) => a.status !== 201)) expect(a.body.error.code).toBe('IDEMPOTENCY_REQUEST_IN_FLIGHT');
    // One session (PGlite) runs them one after the other: the second is a replay.
    if (driver === 'pglite') expect(answers.map((a) => a.headers['idempotent-replayed'] ?? 'first').sort()).toEqual(['first', 'true']);
    expect(await t.paymentsOf(invoice)).toBe(1);
  });

  it('should keep stored answers inside their tenant (row-level security)', async () => {
    const other = await seedTenantWithOwner(t.app, 'gunungkidul', 'WIB');
    const count = (db: Kysely<any>) => sql<{ n: number }>`select count(*)::int as n from http_idempotency_keys`.execute(db).then((r) => r.rows[0].n);
    expect(await count(t.app.db.owner)).toBeGreaterThan(0);
    expect(await t.app.db.tenant(asTenantId(other.tenantId), count)).toBe(0);
  });

  it('should forget a key after 24 hours and prune it', async () => {
    const keys = async () => (await sql<{ key: string }>`select key from http_idempotency_keys order by key`.execute(t.app.db.owner)).rows.map((r) => r.key);
    expect(await keys()).toEqual(['kasir-1/0001', 'kasir-1/0003', 'race-1', 'void-1']);
    t.app.clock.advance(24 * 3_600_000 - 1_000);
    expect((await pay(t.invoices[0], cash, 'kasir-1/0001')).headers['idempotent-replayed']).toBe('true');
    t.app.clock.advance(1_000);
    // Expired: the request runs again and meets today's state.
    expect((await pay(t.invoices[0], cash, 'kasir-1/0001')).body.error.code).toBe('INVOICE_ALREADY_PAID');
    expect((await pay(t.invoices[4], cash, 'kasir-1/0004')).status).toBe(201);
    expect(await keys()).toEqual(['kasir-1/0004']);
  });
});

// A request in flight can be held only where sessions are concurrent (PGlite runs one at a time).
describe('Idempotency-Key while the first request is in flight on postgres', () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    t = await setUp('postgres', 1);
  });
  afterAll(() => t?.app.stop());

  it('should answer a duplicate 409 IDEMPOTENCY_REQUEST_IN_FLIGHT with Retry-After, then replay the finished answer', async () => {
    const [invoice] = t.invoices;
    const cash = { amount: 150_000, method: 'cash' };
    const headers = { 'idempotency-key': 'slow-1' };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Someone else holds the invoice row: the first request waits on it, holding its key.
    let holding!: () => void;
    const rowLocked = new Promise<void>((resolve) => (holding = resolve));
    const blocker = t.app.db.owner.transaction().execute(async (trx) => {
      await sql`select id from billing_invoices where id = ${invoice} for update`.execute(trx);
      holding();
      await held;
    });
    await rowLocked;
    const first = t.call('POST', `/api/invoices/${invoice}/payments`, cash, headers);
    const keyHeld = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from pg_locks
        where locktype = 'advisory' and objsubid = 2 and granted and database = (select oid from pg_database where datname = current_database())`.execute(t.app.db.owner)).rows[0].n;
    await expect.poll(keyHeld, { timeout: 10_000, interval: 20 }).toBe(1);

    const duplicate = await t.call('POST', `/api/invoices/${invoice}/payments`, cash, headers);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('IDEMPOTENCY_REQUEST_IN_FLIGHT');
    expect(duplicate.headers['retry-after']).toBe('1');

    release();
    await blocker;
    const answer = await first;
    expect(answer.status).toBe(201);
    const retry = await t.call('POST', `/api/invoices/${invoice}/payments`, cash, headers);
    expect(retry).toMatchObject({ status: 201, raw: answer.raw });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await t.paymentsOf(invoice)).toBe(1);
  });
});
