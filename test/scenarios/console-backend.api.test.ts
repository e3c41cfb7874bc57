import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/**
 * What the everyday console needs from the API: search the way operators type, mass actions that
 * show what they will do before doing it, refusals instead of clamps, and names instead of ids.
 */
describe.each(drivers)('the console backend on %s', (driver) => {
  let app: TestApp;
  let cookie: string;
  let ownerName: string;
  let planId: string;
  const ids: Record<string, string> = {};

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.http.inject({ method, url, headers: { cookie, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
  };
  const count = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(app.db.owner)).rows[0].n;
  const outboxOf = async (type: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from event_outbox where type = ${type}`.execute(app.db.owner)).rows[0].n;
  const invoiceOf = async (name: string) => (await call('GET', `/api/invoices?customerId=${ids[name]}`)).body.items[0];

  beforeAll(async () => {
    app = await createTestApp(driver);
    const seeded = await seedTenantWithOwner(app, 'konsol');
    cookie = seeded.ownerCookie;
    ownerName = seeded.owner.name;
    planId = (await call('POST', '/api/plans', { name: 'Rumahan 10', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 150_000, routerProfile: 'paket-10m' })).body.id;
    for (const [name, phone, address] of [
      ['Sari Wulandari', '+6281234567890', 'Jl. Melati 3, Ngaglik'],
      ['Budi Santoso', '0813-9999-0000', 'Jl. Kenanga 9'],
      ['Citra Lestari', '6285711112222', 'Perum Griya Asri B-2'],
    ]) {
      const res = await call('POST', '/api/customers', { name, phone, address, planId, connectionType: 'static', ipAddress: `10.9.0.${Object.keys(ids).length + 2}`, activatedOn: '2026-01-01' });
      expect(res.status).toBe(201);
      ids[name.split(' ')[0]] = res.body.id;
    }
    expect((await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 5, graceDays: 3 })).status).toBe(200);
  }, 60_000);
  afterAll(() => app?.stop());

  describe('search', () => {
    const found = async (search: string) =>
      (await call('GET', `/api/customers?search=${encodeURIComponent(search)}`)).body.items.map((c: { name: string }) => c.name);

    it('should find a customer stored as +6281234567890 however the number is typed', async () => {
      for (const typed of ['0812-3456-7890', '+62 812 3456 7890', '6281234567890', '081234567890', '3456-7890']) {
        expect(await found(typed), typed).toEqual(['Sari Wulandari']);
      }
      expect(await found('0899-0000-1111')).toEqual([]);
    });

    it('should find customers by name, code and address', async () => {
      expect(await found('wulan')).toEqual(['Sari Wulandari']);
      expect(await found('kenanga')).toEqual(['Budi Santoso']);
      const code = (await call('GET', `/api/customers/${ids.Citra}`)).body.code;
      expect(await found(code)).toEqual(['Citra Lestari']);
    });
  });

  describe('mass actions show what they will do', () => {
    it('should preview invoice generation without issuing anything or using a number', async () => {
      const preview = await call('POST', '/api/billing/invoices/generate/preview', { period: '2026-11-01' });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ period: '2026-11-01', issued: 3, total: 450_000 });
      expect(preview.body.invoices.map((i: { customerName: string }) => i.customerName).sort()).toEqual(['Budi Santoso', 'Citra Lestari', 'Sari Wulandari']);
      expect(await count('billing_invoices')).toBe(0);
      expect(await outboxOf('billing.invoice.issued')).toBe(0);

      const generated = await call('POST', '/api/billing/invoices/generate', { period: '2026-11-01' }, { 'idempotency-key': 'gen-2026-11' });
      expect(generated.body).toEqual({ issued: 3, period: '2026-11-01' });
      // numbering starts where it would have: the preview used no number
      expect((await call('GET', '/api/invoices?limit=10')).body.items.map((i: { number: string }) => i.number).sort()).toEqual([
        'INV/2026/11/00001',
        'INV/2026/11/00002',
        'INV/2026/11/00003',
      ]);
      // a retry with the same key replays the first answer instead of running again
      const retried = await call('POST', '/api/billing/invoices/generate', { period: '2026-11-01' }, { 'idempotency-key': 'gen-2026-11' });
      expect(retried.headers['idempotent-replayed']).toBe('true');
    });

    it('should preview the daily scan with the list of customers it would isolate, and isolate nothing until it runs', async () => {
      // Sari pays; Budi and Citra are past due + grace on 24 Nov (due 6 Nov, grace 3 days).
      const sariInvoice = await invoiceOf('Sari');
      expect((await call('POST', `/api/invoices/${sariInvoice.id}/payments`, { amount: 150_000, method: 'cash' })).status).toBe(201);
      const preview = await call('POST', '/api/billing/daily-scan/preview');
      expect(preview.status).toBe(200);
      expect(preview.body.isolated).toBe(2);
      expect(preview.body.toIsolate.map((c: { customerName: string }) => c.customerName)).toEqual(['Budi Santoso', 'Citra Lestari']);
      expect(preview.body.toIsolate[0].reason).toMatch(/^Tagihan INV\/2026\/11\/0000\d belum dibayar$/);
      // nothing happened: no isolation, no stage moved, no event
      expect((await call('GET', '/api/isolation/isolated')).body).toEqual([]);
      expect((await invoiceOf('Budi')).stage).toBe('issued');
      expect(await outboxOf('isolation.customer.isolated')).toBe(0);
      expect(await outboxOf('billing.invoice.overdue')).toBe(0);

      const ran = await call('POST', '/api/billing/daily-scan', undefined, { 'idempotency-key': 'scan-24-nov' });
      expect(ran.body).toMatchObject({ isolated: 2, graceExpired: 2 });
      expect((await call('GET', '/api/isolation/isolated')).body.map((l: { customerName: string }) => l.customerName).sort()).toEqual(['Budi Santoso', 'Citra Lestari']);
    });

    it('should preview a bulk restore one customer at a time (an unpaid invoice refuses it), then restore through the normal path', async () => {
      const body = { action: 'restore', customerIds: [ids.Budi, ids.Citra, ids.Sari], reason: 'Janji bayar minggu ini' };
      const preview = await call('POST', '/api/isolation/bulk/preview', body);
      expect(preview.status).toBe(200);
      expect(preview.body.changed).toBe(0);
      expect(preview.body.outcomes.map((o: { result: string; code: string | null }) => `${o.result}:${o.code}`)).toEqual(['skipped:CONFLICT', 'skipped:CONFLICT', 'skipped:CONFLICT']);
      const forced = await call('POST', '/api/isolation/bulk/preview', { ...body, force: true });
      expect(forced.body.outcomes.map((o: { result: string }) => o.result)).toEqual(['changed', 'changed', 'skipped']);
      expect((await call('GET', '/api/isolation/isolated')).body).toHaveLength(2);

      const done = await call('POST', '/api/isolation/bulk', { ...body, force: true }, { 'idempotency-key': 'bulk-restore-1' });
      expect(done.status).toBe(200);
      expect(done.body.changed).toBe(2);
      expect((await call('GET', '/api/isolation/isolated')).body).toEqual([]);
      const history = (await call('GET', `/api/isolation/history?customerId=${ids.Budi}`)).body;
      expect(history[0]).toMatchObject({ action: 'restored', actorType: 'staff', actorName: ownerName, reason: 'Janji bayar minggu ini' });
      // the scan's isolation is the system's: no person's name
      expect(history[1]).toMatchObject({ action: 'isolated', actorType: 'system', actorName: null });
    });

    it('should bulk isolate a selection, skipping who is already isolated', async () => {
      const body = { action: 'isolate', customerIds: [ids.Budi], reason: 'Tunggakan lama' };
      expect((await call('POST', '/api/isolation/bulk', body)).body.changed).toBe(1);
      const again = await call('POST', '/api/isolation/bulk/preview', { ...body, customerIds: [ids.Budi, ids.Citra] });
      expect(again.body.outcomes.map((o: { result: string }) => o.result)).toEqual(['skipped', 'changed']);
    });

    it('should preview a WhatsApp broadcast by its count after opt-outs, then queue it through the normal path with quiet hours kept', async () => {
      expect((await call('PUT', `/api/notifications/opt-outs/${ids.Citra}`, { reason: 'Tidak mau WA' })).status).toBe(204);
      const preview = await call('POST', '/api/notifications/broadcasts/preview', { filter: {} });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ matched: 3, optedOut: 1, willSend: 2 });
      const owing = await call('POST', '/api/notifications/broadcasts/preview', { filter: { withArrears: true } });
      expect(owing.body).toMatchObject({ matched: 2, optedOut: 1, willSend: 1 });
      expect(await count('notifications_messages')).toBe(0);

      // 10:00 WIB falls in quiet hours 09:00–12:00: the messages wait until 12:00 WIB (05:00 UTC).
      expect((await call('PATCH', '/api/notifications/settings', { quietHours: { start: '09:00', end: '12:00' } })).status).toBe(200);
      const sent = await call('POST', '/api/notifications/broadcasts', { filter: {}, message: 'Pemeliharaan jaringan Minggu pukul 01.00.' }, { 'idempotency-key': 'wa-1' });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ matched: 3, queued: 2, skipped: 1 });
      const messages = (await call('GET', '/api/notifications/messages?kind=broadcast')).body;
      expect(messages).toHaveLength(3);
      const skipped = messages.filter((m: { status: string }) => m.status === 'skipped');
      expect(skipped.map((m: { recipientName: string }) => m.recipientName)).toEqual(['Citra Lestari']);
      const { rows } = await sql<{ next_attempt_at: Date; body: string }>`
        select next_attempt_at, body from notifications_messages where kind = 'broadcast' and status = 'pending'`.execute(app.db.owner);
      expect(rows.map((r) => r.next_attempt_at.toISOString())).toEqual(['2026-11-24T05:00:00.000Z', '2026-11-24T05:00:00.000Z']);
      expect(rows[0].body).toContain('Pemeliharaan jaringan Minggu pukul 01.00.');
      // the same key again: the first answer, not a second broadcast
      const retried = await call('POST', '/api/notifications/broadcasts', { filter: {}, message: 'Pemeliharaan jaringan Minggu pukul 01.00.' }, { 'idempotency-key': 'wa-1' });
      expect(retried.body.broadcastId).toBe(sent.body.broadcastId);
      expect(await count('notifications_messages')).toBe(3);
    });

    it('should find WhatsApp messages by customer name or number typed any way', async () => {
      const search = async (q: string) =>
        (await call('GET', `/api/notifications/messages?search=${encodeURIComponent(q)}`)).body.map((m: { recipientName: string }) => m.recipientName);
      expect(await search('0812-3456-7890')).toEqual(['Sari Wulandari']);
      expect(await search('budi')).toEqual(['Budi Santoso']);
    });

    it('should search invoices by number, customer name and status', async () => {
      const numbers = async (query: string) => (await call('GET', `/api/invoices?${query}`)).body.items.map((i: { customerName: string }) => i.customerName).sort();
      const sari = await invoiceOf('Sari');
      expect(await numbers(`search=${encodeURIComponent(sari.number)}`)).toEqual(['Sari Wulandari']);
      expect(await numbers('search=lestari')).toEqual(['Citra Lestari']);
      expect(await numbers('status=unpaid')).toEqual(['Budi Santoso', 'Citra Lestari']);
      expect(await numbers('status=paid&search=budi')).toEqual([]);
    });
  });

  describe('refuse, never clamp', () => {
    it('should refuse grace −3 and billing day 40 with field errors and save nothing', async () => {
      const before = (await call('GET', '/api/billing/policy')).body;
      for (const [body, field] of [
        [{ graceDays: -3 }, 'graceDays'],
        [{ billingDay: 40 }, 'billingDay'],
        [{ dueDays: 2.5 }, 'dueDays'],
      ] as const) {
        const res = await call('PATCH', '/api/billing/policy', body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(`body.${field}`);
      }
      expect((await call('GET', '/api/billing/policy')).body).toEqual(before);
    });

    it('should refuse a payment of −5000 with a field error, the invoice staying unpaid', async () => {
      const budi = await invoiceOf('Budi');
      const res = await call('POST', `/api/invoices/${budi.id}/payments`, { amount: -5000, method: 'cash' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain('body.amount');
      expect((await invoiceOf('Budi')).status).toBe('unpaid');
    });

    it('should refuse an empty required field and a malformed MAC, adding nobody', async () => {
      const before = await count('customers');
      for (const [body, field] of [
        [{ name: '   ', phone: '081211112222' }, 'name'],
        [{ name: 'Dodi', phone: '' }, 'phone'],
        [{ name: 'Dodi', phone: '081211112222', macAddress: 'bukan-mac' }, 'macAddress'],
      ] as const) {
        const res = await call('POST', '/api/customers', { planId, connectionType: 'dhcp', ipAddress: '10.9.0.50', activatedOn: '2026-01-01', ...body });
        expect(res.status).toBe(400);
        expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(`body.${field}`);
      }
      expect(await count('customers')).toBe(before);
    });
  });

  describe('names, not "Petugas"', () => {
    it('should give the payment method and the staff member who recorded it', async () => {
      const history = (await call('GET', `/api/payment-history?customerId=${ids.Sari}`)).body;
      expect(history[0]).toMatchObject({ type: 'manual', method: 'cash', amount: 150_000, actorName: ownerName, customerName: 'Sari Wulandari' });
      const invoice = (await call('GET', `/api/invoices/${(await invoiceOf('Sari')).id}`)).body;
      expect(invoice.history[0]).toMatchObject({ method: 'cash', actorName: ownerName });
    });

    it('should give the customer their total arrears', async () => {
      expect((await call('GET', `/api/customers/${ids.Budi}`)).body).toMatchObject({ arrears: 150_000, unpaidInvoices: 1 });
      expect((await call('GET', `/api/customers/${ids.Sari}`)).body).toMatchObject({ arrears: 0, unpaidInvoices: 0 });
    });
  });
});
