import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

describe.each(drivers)('billing → isolir → payment → unisolir on %s', (driver) => {
  let app: TestApp;
  let cookie: string;
  let tenantId: string;
  const customers: Record<string, { id: string; invoiceId?: string }> = {};

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, as = cookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie: as }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const scan = async () => (await call('POST', '/api/billing/daily-scan')).body;
  const outboxCount = async (type: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from event_outbox where type = ${type} and tenant_id = ${tenantId}`.execute(app.db.owner)).rows[0].n;
  const lineOf = async (name: string) => (await call('GET', `/api/customers/${customers[name].id}/line`)).body;

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-12-01T10:00:00'), events: true });
    const tenant = await seedTenantWithOwner(app, 'sleman', 'WIB');
    cookie = tenant.ownerCookie;
    tenantId = tenant.tenantId;
    const policy = await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3, isolationTrigger: 'overdue_after_grace_period' });
    expect(policy.status).toBe(200);
    const plan = await call('POST', '/api/plans', { name: 'Rumahan 20 Mbps', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' });
    expect(plan.status).toBe(201);
    const people = [
      ['Ani', '0812-1111-2222', 'ani'],
      ['Budi', '+62 813 3333 4444', 'budi'],
      ['Citra', '6285755556666', 'citra'],
    ];
    for (const [name, phone, user] of people) {
      const res = await call('POST', '/api/customers', {
        name,
        phone,
        address: 'Jl. Kaliurang km 7, Sleman',
        latitude: -7.7472,
        longitude: 110.3861,
        planId: plan.body.id,
        connectionType: 'pppoe',
        pppoeUsername: `${user}@sleman`,
        activatedOn: '2026-10-01',
        private: { idCardNumber: '3404010101900001', pppoePassword: 'rahasia' },
      });
      expect(res.status).toBe(201);
      customers[name] = { id: res.body.id };
    }
  });
  afterAll(() => app?.stop());

  it('should issue one invoice per customer per period, however often generation runs', async () => {
    expect((await call('POST', '/api/billing/invoices/generate', {})).body).toEqual({ issued: 3, period: '2026-12-01' });
    expect((await call('POST', '/api/billing/invoices/generate', {})).body).toEqual({ issued: 0, period: '2026-12-01' });
    const list = await call('GET', '/api/invoices?status=unpaid');
    expect(list.body.total).toBe(3);
    for (const invoice of list.body.items) {
      expect(invoice).toMatchObject({ dueDate: '2026-12-10', amount: 150_000, stage: 'issued' });
      expect(invoice.number).toMatch(/^INV\/2026\/12\/\d{5}$/);
      const name = Object.keys(customers).find((n) => customers[n].id === invoice.customerId)!;
      customers[name].invoiceId = invoice.id;
    }
    expect(await outboxCount('billing.invoice.issued')).toBe(3);
  });

  it('should announce due-unpaid on the due day in WIB, not in UTC', async () => {
    app.clock.set(wib('2026-12-09T23:30:00')); // already the 10th in UTC+8/+9, still the 9th in WIB
    expect(await scan()).toMatchObject({ today: '2026-12-09', dueUnpaid: 0 });
    app.clock.set(wib('2026-12-10T00:05:00'));
    expect(await scan()).toMatchObject({ today: '2026-12-10', dueUnpaid: 3, overdue: 0, isolated: 0 });
    expect(await outboxCount('billing.invoice.due_unpaid')).toBe(3);
  });

  it('should record a finance payment once and refuse bad amounts, changing nothing', async () => {
    const url = `/api/invoices/${customers.Budi.invoiceId}/payments`;
    expect((await call('POST', url, { amount: 0, method: 'cash' })).status).toBe(400);
    expect((await call('POST', url, { amount: -5, method: 'cash' })).status).toBe(400);
    const wrong = await call('POST', url, { amount: 100_000, method: 'cash' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect((await call('GET', `/api/invoices/${customers.Budi.invoiceId}`)).body.status).toBe('unpaid');
    const paid = await call('POST', url, { amount: 150_000, method: 'transfer', note: 'BCA 10/12' });
    expect(paid.status).toBe(201);
    expect(paid.body.invoice.status).toBe('paid');
    const again = await call('POST', url, { amount: 150_000, method: 'transfer' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVOICE_ALREADY_PAID');
    const invoice = (await call('GET', `/api/invoices/${customers.Budi.invoiceId}`)).body;
    expect(invoice.history.map((h: { type: string; amount: number }) => [h.type, h.amount])).toEqual([['manual', 150_000]]);
  });

  it('should announce overdue the next day and isolate only after the grace period, with history and events', async () => {
    app.clock.set(wib('2026-12-11T00:05:00'));
    expect(await scan()).toMatchObject({ overdue: 2, graceExpired: 0, isolated: 0 });
    app.clock.set(wib('2026-12-13T00:05:00'));
    expect(await scan()).toMatchObject({ overdue: 0, graceExpired: 0, isolated: 0 });
    app.clock.set(wib('2026-12-14T00:05:00'));
    expect(await scan()).toMatchObject({ graceExpired: 2, isolated: 2 });
    // The same day again changes nothing.
    expect(await scan()).toMatchObject({ dueUnpaid: 0, overdue: 0, graceExpired: 0, isolated: 0 });

    expect(await lineOf('Ani')).toMatchObject({ desiredState: 'isolated', trigger: 'overdue_after_grace_period', invoiceId: customers.Ani.invoiceId });
    expect(await lineOf('Budi')).toBeNull();
    const history = (await call('GET', `/api/isolation/history?customerId=${customers.Ani.id}`)).body;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'isolated', actorType: 'system', trigger: 'overdue_after_grace_period', invoiceId: customers.Ani.invoiceId });
    expect(history[0].reason).toContain('belum dibayar');
    expect(await outboxCount('billing.invoice.overdue')).toBe(2);
    expect(await outboxCount('billing.invoice.grace_expired')).toBe(2);
    expect(await outboxCount('isolation.customer.isolated')).toBe(2);
  });

  it('should restore an isolated customer in realtime after payment, once', async () => {
    const paid = await call('POST', `/api/invoices/${customers.Ani.invoiceId}/payments`, { amount: 150_000, method: 'cash' });
    expect(paid.status).toBe(201);
    await expect.poll(async () => (await lineOf('Ani')).desiredState, { timeout: 15_000, interval: 100 }).toBe('active');
    const history = (await call('GET', `/api/isolation/history?customerId=${customers.Ani.id}`)).body;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['restored', 'isolated']);
    expect(history[0]).toMatchObject({ actorType: 'system', trigger: 'payment_confirmed', invoiceId: customers.Ani.invoiceId });
    expect(await outboxCount('isolation.customer.restored')).toBe(1);
  });

  it('should leave the restore to staff when auto-restore is off, and show it as eligible', async () => {
    await call('PATCH', '/api/billing/policy', { autoRestore: false });
    const paid = await call('POST', `/api/invoices/${customers.Citra.invoiceId}/payments`, { amount: 150_000, method: 'cash' });
    expect(paid.status).toBe(201);
    await expect.poll(async () => (await lineOf('Citra')).restoreEligible, { timeout: 15_000, interval: 100 }).toBe(true);
    const invoice = (await call('GET', `/api/invoices/${customers.Citra.invoiceId}`)).body;
    expect(invoice.customerLine).toEqual({ desiredState: 'isolated', restoreEligible: true });
    const restore = await call('POST', `/api/customers/${customers.Citra.id}/restore`, { reason: 'Sudah bayar tunai' });
    expect(restore.status).toBe(200);
    expect(await lineOf('Citra')).toMatchObject({ desiredState: 'active', trigger: 'manual' });
    await call('PATCH', '/api/billing/policy', { autoRestore: true });
  });

  it('should not isolate on an exclusion date, and isolate the day after', async () => {
    const other = await seedTenantWithOwner(app, 'bantul', 'WIB');
    const as = other.ownerCookie;
    await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3 }, as);
    const plan = (await call('POST', '/api/plans', { name: 'Hemat', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'hemat' }, as)).body;
    const dedi = (await call('POST', '/api/customers', { name: 'Dedi', phone: '081299990000', planId: plan.id, connectionType: 'static', ipAddress: '10.20.0.15', activatedOn: '2026-10-01' }, as)).body;
    app.clock.set(wib('2026-12-01T08:00:00'));
    await call('POST', '/api/billing/invoices/generate', {}, as);
    expect((await call('PUT', '/api/billing/exclusions/2026-12-14', { reason: 'Libur daerah' }, as)).body).toEqual({ day: '2026-12-14', reason: 'Libur daerah' });
    for (const day of ['10', '11', '12', '13']) {
      app.clock.set(wib(`2026-12-${day}T00:05:00`));
      await call('POST', '/api/billing/daily-scan', undefined, as);
    }
    app.clock.set(wib('2026-12-14T00:05:00'));
    const onHoliday = (await call('POST', '/api/billing/daily-scan', undefined, as)).body;
    expect(onHoliday).toMatchObject({ graceExpired: 1, isolated: 0, skippedIsolation: 'exclusion date: Libur daerah' });
    app.clock.set(wib('2026-12-15T00:05:00'));
    expect((await call('POST', '/api/billing/daily-scan', undefined, as)).body).toMatchObject({ isolated: 1 });
    expect((await call('GET', `/api/customers/${dedi.id}/line`, undefined, as)).body.desiredState).toBe('isolated');
  });

  it('should bill a customer who joined mid-month pro rata, and void with a reason', async () => {
    const plans = (await call('GET', '/api/plans')).body;
    app.clock.set(wib('2026-12-16T09:00:00'));
    const late = (await call('POST', '/api/customers', { name: 'Eka', phone: '081277778888', planId: plans[0].id, connectionType: 'dhcp', ipAddress: '10.9.9.9', activatedOn: '2026-12-16' })).body;
    expect((await call('POST', '/api/billing/invoices/generate', {})).body).toEqual({ issued: 1, period: '2026-12-01' });
    const invoice = (await call('GET', `/api/invoices?customerId=${late.id}`)).body.items[0];
    expect(invoice.amount).toBe(Math.round((150_000 * 16) / 31)); // 16 of December's 31 days
    expect(invoice.description).toContain('prorata');
    const voided = await call('POST', `/api/invoices/${invoice.id}/void`, { reason: 'Salah paket, diterbitkan ulang' });
    expect(voided.body).toMatchObject({ status: 'void', voidReason: 'Salah paket, diterbitkan ulang' });
    expect((await call('POST', `/api/invoices/${invoice.id}/payments`, { amount: invoice.amount, method: 'cash' })).status).toBe(409);
  });

  it('should give month-end and leap-day billing days a real date', async () => {
    await call('PATCH', '/api/billing/policy', { billingDay: 31, dueDays: 0 });
    app.clock.set(wib('2028-02-29T09:00:00'));
    const generated = await call('POST', '/api/billing/invoices/generate', {});
    expect(generated.body).toEqual({ issued: 4, period: '2028-02-01' });
    const invoices = (await call('GET', '/api/invoices?limit=500')).body.items.filter((i: { period: string }) => i.period === '2028-02-01');
    expect(new Set(invoices.map((i: { issueDate: string; dueDate: string }) => `${i.issueDate} ${i.dueDate}`))).toEqual(new Set(['2028-02-29 2028-02-29']));
    expect((await call('POST', '/api/billing/invoices/generate', { period: '2027-02-01' })).body.issued).toBe(4);
    const feb2027 = (await call('GET', '/api/invoices?limit=500')).body.items.filter((i: { period: string }) => i.period === '2027-02-01');
    expect(feb2027[0].issueDate).toBe('2027-02-28');
  });

  it('should answer bad input with clear errors and change nothing', async () => {
    const other = await seedTenantWithOwner(app, 'gunungkidul', 'WITA');
    expect((await call('GET', `/api/customers/${customers.Ani.id}`, undefined, other.ownerCookie)).status).toBe(404);
    expect((await call('GET', `/api/invoices/${customers.Ani.invoiceId}`, undefined, other.ownerCookie)).status).toBe(404);
    const pay = await call('POST', `/api/invoices/${customers.Ani.invoiceId}/payments`, { amount: 150_000, method: 'cash' }, other.ownerCookie);
    expect(pay.status).toBe(404);
    const plans = (await call('GET', '/api/plans')).body;
    const badPhone = await call('POST', '/api/customers', { name: 'Eko', phone: '12345', planId: plans[0].id, connectionType: 'dhcp', ipAddress: '10.0.0.9', activatedOn: '2026-12-01' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error).toMatchObject({ code: 'PHONE_INVALID', details: { fields: [{ field: 'phone', problem: 'invalid' }] } });
    const total = (await call('GET', '/api/customers')).body.total;
    expect(total).toBe(4);
  });

  it('should keep payment history and customers’ private data away from the platform role (RLS and grants)', async () => {
    await expect(app.db.platform((trx) => sql`select * from billing_payment_history`.execute(trx))).rejects.toThrow(/permission denied/);
    await expect(app.db.platform((trx) => sql`select * from customers_private`.execute(trx))).rejects.toThrow(/permission denied/);
    await expect(app.db.platform((trx) => sql`select * from billing_payments`.execute(trx))).rejects.toThrow(/permission denied/);
    const detail = (await call('GET', `/api/customers/${customers.Ani.id}`)).body;
    expect(detail.private.idCardNumber).toBe('3404010101900001');
  });
});
