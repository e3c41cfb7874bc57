import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

describe.each(drivers)('money desk: partial payments and receipts on %s', (driver) => {
  let app: TestApp;
  let cookie: string;
  let tenantId: string;
  const ids: Record<string, { customerId: string; invoiceId: string }> = {};

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, as = cookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie: as }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, headers: res.headers };
  };
  const lineOf = async (name: string) => (await call('GET', `/api/customers/${ids[name].customerId}/line`)).body;
  /** Waits until the restore handler has taken every billing event of the tenant (so "still isolated" is a result, not a race). */
  const restoreHandlerIdle = () =>
    expect
      .poll(
        async () =>
          (
            await sql<{ n: number }>`select count(*)::int as n from event_outbox o where o.tenant_id = ${tenantId}
              and o.type in ('billing.invoice.paid', 'billing.invoice.partially_paid')
              and not exists (select 1 from event_inbox i where i.handler_id = 'billing.restore-on-payment' and i.event_id = o.id)`.execute(app.db.owner)
          ).rows[0].n,
        { timeout: 15_000, interval: 100 },
      )
      .toBe(0);

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-12-01T08:00:00'), events: true });
    const tenant = await seedTenantWithOwner(app, 'kulonprogo', 'WIB');
    cookie = tenant.ownerCookie;
    tenantId = tenant.tenantId;
    expect((await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 0, isolationTrigger: 'invoice_overdue', partialPayments: true, receiptAddress: 'Jl. Wates km 10, Kulon Progo', receiptWhatsapp: true })).status).toBe(200);
    const plan = (await call('POST', '/api/plans', { name: 'Rumahan 15 Mbps', downloadKbps: 15_000, uploadKbps: 5_000, monthlyPrice: 166_500, routerProfile: 'paket-15m' })).body;
    for (const [name, user] of [['Sari', 'sari'], ['Tono', 'tono'], ['Umi', 'umi']]) {
      const c = await call('POST', '/api/customers', {
        name,
        phone: '0812-3456-7000',
        planId: plan.id,
        connectionType: 'pppoe',
        pppoeUsername: `${user}@kp`,
        activatedOn: '2026-10-01',
        private: { pppoePassword: 'rahasia' },
      });
      expect(c.status).toBe(201);
      ids[name] = { customerId: c.body.id, invoiceId: '' };
    }
    expect((await call('POST', '/api/billing/invoices/generate', {})).body.issued).toBe(3);
    for (const invoice of (await call('GET', '/api/invoices')).body.items) {
      const name = Object.keys(ids).find((n) => ids[n].customerId === invoice.customerId)!;
      ids[name].invoiceId = invoice.id;
    }
    app.clock.set(wib('2026-12-11T00:05:00'));
    expect((await call('POST', '/api/billing/daily-scan')).body).toMatchObject({ isolated: 3 });
  });
  afterAll(() => app?.stop());

  it('should refuse an overpayment with a field error, changing nothing', async () => {
    const res = await call('POST', `/api/invoices/${ids.Sari.invoiceId}/payments`, { amount: 166_501, method: 'cash' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'PAYMENT_OVERPAYMENT', details: { fields: [{ field: 'amount', problem: 'exceeds_remaining' }], remaining: 166_500 } });
    expect((await call('GET', `/api/invoices/${ids.Sari.invoiceId}`)).body).toMatchObject({ status: 'unpaid', paidAmount: 0, remaining: 166_500, history: [] });
    expect((await call('GET', `/api/invoices/${ids.Sari.invoiceId}/receipts`)).body).toEqual([]);
  });

  it('should take 100,000 of 166,500, show 66,500 remaining, and keep the line isolated by default', async () => {
    const first = await call('POST', `/api/invoices/${ids.Sari.invoiceId}/payments`, { amount: 100_000, method: 'cash' });
    expect(first.status).toBe(201);
    expect(first.body.invoice).toMatchObject({ status: 'unpaid', paidAmount: 100_000, remaining: 66_500 });
    expect(first.body.receiptNumber).toBe('KW-000001');
    await restoreHandlerIdle();
    expect(await lineOf('Sari')).toMatchObject({ desiredState: 'isolated', restoreEligible: false });
    // The next daily scan does not count a partly paid invoice as paid either.
    app.clock.set(wib('2026-12-12T00:05:00'));
    await call('POST', '/api/billing/daily-scan');
    expect((await lineOf('Sari')).desiredState).toBe('isolated');
    // More than what remains is refused now.
    const over = await call('POST', `/api/invoices/${ids.Sari.invoiceId}/payments`, { amount: 100_000, method: 'cash' });
    expect(over.body.error).toMatchObject({ code: 'PAYMENT_OVERPAYMENT', details: { remaining: 66_500 } });
  });

  it('should pay the invoice with the second payment and restore the line', async () => {
    const second = await call('POST', `/api/invoices/${ids.Sari.invoiceId}/payments`, { amount: 66_500, method: 'transfer' });
    expect(second.status).toBe(201);
    expect(second.body.invoice).toMatchObject({ status: 'paid', paidAmount: 166_500, remaining: 0 });
    await expect.poll(async () => (await lineOf('Sari')).desiredState, { timeout: 15_000, interval: 100 }).toBe('active');
    const invoice = (await call('GET', `/api/invoices/${ids.Sari.invoiceId}`)).body;
    expect(invoice.history.map((h: { amount: number }) => h.amount)).toEqual([100_000, 66_500]);
  });

  it('should restore on a partial payment when the tenant turns "partial restores" on, and keep it active in the scan', async () => {
    await call('PATCH', '/api/billing/policy', { partialRestores: true });
    expect((await call('POST', `/api/invoices/${ids.Tono.invoiceId}/payments`, { amount: 50_000, method: 'cash' })).status).toBe(201);
    await expect.poll(async () => (await lineOf('Tono')).desiredState, { timeout: 15_000, interval: 100 }).toBe('active');
    app.clock.set(wib('2026-12-13T00:05:00'));
    await call('POST', '/api/billing/daily-scan');
    expect((await lineOf('Tono')).desiredState).toBe('active');
    // Umi paid nothing: still isolated.
    expect((await lineOf('Umi')).desiredState).toBe('isolated');
    await call('PATCH', '/api/billing/policy', { partialRestores: false });
  });

  it('should refuse anything but the full remaining amount when partial payments are off', async () => {
    await call('PATCH', '/api/billing/policy', { partialPayments: false });
    const res = await call('POST', `/api/invoices/${ids.Umi.invoiceId}/payments`, { amount: 100_000, method: 'cash' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    // Tono's partly paid invoice takes exactly its remainder.
    expect((await call('POST', `/api/invoices/${ids.Tono.invoiceId}/payments`, { amount: 116_500, method: 'cash' })).body.invoice.status).toBe('paid');
    await call('PATCH', '/api/billing/policy', { partialPayments: true });
  });

  it('should number receipts per tenant with the ISP, customer, invoice, amount in words, method and staff', async () => {
    const finance = await addStaff(app, cookie, { email: 'kasir@kulonprogo.test', name: 'Kasir Wati', roles: ['finance'], password: 'kasir-rahasia-1' });
    const paid = await call('POST', `/api/invoices/${ids.Umi.invoiceId}/payments`, { amount: 166_500, method: 'cash' }, finance.cookie);
    expect(paid.body.receiptNumber).toBe('KW-000005');
    const receipt = (await call('GET', `/api/receipts/${paid.body.receiptNumber}`)).body;
    expect(receipt).toMatchObject({
      number: 'KW-000005',
      isp: { name: 'Net kulonprogo', address: 'Jl. Wates km 10, Kulon Progo', slug: 'kulonprogo' },
      customer: { name: 'Umi' },
      invoice: { id: ids.Umi.invoiceId, amount: 166_500, remaining: 0, status: 'paid' },
      amount: 166_500,
      amountInWords: 'seratus enam puluh enam ribu lima ratus rupiah',
      method: 'cash',
      staffName: 'Kasir Wati',
    });
    expect(receipt.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567000\?text=Kuitansi%20KW-000005/);
    const sari = (await call('GET', `/api/invoices/${ids.Sari.invoiceId}/receipts`)).body;
    expect(sari.map((r: { number: string; amount: number; method: string }) => [r.number, r.amount, r.method])).toEqual([
      ['KW-000001', 100_000, 'cash'],
      ['KW-000002', 66_500, 'transfer'],
    ]);
    // Another tenant starts at 1 and cannot read this tenant's receipts.
    const other = await seedTenantWithOwner(app, 'bantul', 'WIB');
    expect((await call('GET', '/api/receipts/KW-000005', undefined, other.ownerCookie)).status).toBe(404);
  });

  it('should print at 58 mm, 80 mm and A4 with a QR code whose link verifies, and a tampered number does not', async () => {
    for (const paper of ['58', '80', 'a4']) {
      const page = await call('GET', `/api/receipts/KW-000005/print?paper=${paper}`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain(`paper-${paper}`);
      expect(page.body).toContain('seratus enam puluh enam ribu lima ratus rupiah');
      expect(page.body).toContain('<svg');
    }
    expect((await call('GET', '/api/receipts/KW-000005/print?paper=57')).status).toBe(400);
    const { verifyPath } = (await call('GET', '/api/receipts/KW-000005')).body;
    expect(verifyPath).toMatch(/^\/p\/kulonprogo\/receipt\/KW-000005\?sig=[\w-]{22}$/);
    const anonymous = async (url: string) => app.http.inject({ method: 'GET', url });
    const ok = await anonymous(verifyPath);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('data-valid="true"');
    expect(ok.body).toContain('Rp 166.500');
    expect(ok.body).not.toContain('Umi'); // nothing beyond what the paper shows: no customer
    const tampered = await anonymous(verifyPath.replace('KW-000005', 'KW-000004'));
    expect(tampered.body).toContain('data-valid="false"');
    expect(tampered.body).not.toContain('Rp');
    const unsigned = await anonymous('/p/kulonprogo/receipt/KW-000005');
    expect(unsigned.body).toContain('data-valid="false"');
    const otherSlug = await anonymous(verifyPath.replace('/p/kulonprogo/', '/p/bantul/'));
    expect(otherSlug.body).toContain('data-valid="false"');
  });
});
