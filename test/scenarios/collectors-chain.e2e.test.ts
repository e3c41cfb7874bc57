import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenantId } from '../../src/platform/db/database.ts';
import { logContext } from '../../src/platform/logging/logger.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
/** The smallest proof a bank slip photo can be: a PNG signature and a few bytes. */
const pngProof = { contentType: 'image/png', dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64') };

type Message = { eventId: string | null; kind: string; rule: string; recipientName: string; status: string; body: string };
type History = { type: string; amount: number; actorUserId: string | null; reference: string | null };

describe.each(drivers)('the collector cash chain on %s', (driver) => {
  let app: TestApp;
  let tenantId: string;
  let owner: string;
  const staff: Record<string, { userId: string; cookie: string }> = {};
  const customers: Record<string, string> = {};
  /** Invoices by customer and period, e.g. invoices['Ani 2026-11']. */
  const invoices: Record<string, string> = {};

  const call = async (as: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.http.inject({ method, url, headers: { cookie: as, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
  };
  const invoice = async (key: string) => (await call(owner, 'GET', `/api/invoices/${invoices[key]}`)).body as { id: string; status: string; remaining: number; history: History[]; customerLine: { desiredState: string } };
  const messages = async () => (await call(owner, 'GET', '/api/notifications/messages?limit=500')).body as Message[];
  const messagesOfKind = async (kind: string) => (await messages()).filter((m) => m.kind === kind);
  const lineOf = async (name: string) => (await call(owner, 'GET', `/api/customers/${customers[name]}/line`)).body as { desiredState: string } | null;
  const held = async (collector: string) => (await call(staff.Dewi.cookie, 'GET', `/api/collectors/${staff[collector].userId}/balance`)).body;
  const collect = (collector: string, customer: string, items: [string, number][], key?: string, collectedOn = '2026-12-05') =>
    call(
      staff[collector].cookie,
      'POST',
      '/api/collector/collections',
      { customerId: customers[customer], collectedOn, items: items.map(([k, amount]) => ({ invoiceId: invoices[k], amount })) },
      key ? { 'idempotency-key': key } : {},
    );
  const handover = async (collector: string, countedAmount: number, extra: { note?: string; settlementAmount?: number } = {}, as = 'Dewi') => {
    const balance = await held(collector);
    return call(staff[as].cookie, 'POST', '/api/collectors/handovers', {
      collectorUserId: staff[collector].userId,
      collectionIds: balance.held.map((c: { id: string }) => c.id),
      countedAmount,
      ...extra,
    });
  };

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-12-01T10:00:00'), events: true });
    const tenant = await seedTenantWithOwner(app, 'kulonprogo', 'WIB');
    owner = tenant.ownerCookie;
    tenantId = tenant.tenantId;
    for (const [name, phone, roles] of [
      ['Dewi', '0812-5555-0001', ['admin']],
      ['Fitri', '0813-5555-0002', ['finance']],
      ['Gita', '0814-5555-0003', ['owner']],
      ['Agus', '0815-5555-0004', ['collector']],
      ['Eko', '0816-5555-0005', ['admin', 'collector']],
    ] as const) {
      staff[name] = await addStaff(app, owner, { email: `${name.toLowerCase()}@kulonprogo.test`, name, phone, roles: [...roles], password: 'rahasia-staf-1' });
    }
    expect((await call(owner, 'PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3, isolationTrigger: 'overdue_after_grace_period' })).status).toBe(200);
    const plan = (await call(owner, 'POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' })).body;
    for (const [name, phone, activatedOn, address] of [
      ['Ani', '0812-1111-0001', '2026-10-01', 'Dusun Wates RT 01'],
      ['Budi', '0812-1111-0002', '2026-12-01', 'Dusun Wates RT 02'],
      ['Citra', '0812-1111-0003', '2026-12-01', 'Dusun Sentolo RT 05'],
    ]) {
      const res = await call(owner, 'POST', '/api/customers', { name, phone, address, planId: plan.id, connectionType: 'pppoe', pppoeUsername: `${name.toLowerCase()}@kp`, activatedOn });
      expect(res.status).toBe(201);
      customers[name] = res.body.id;
    }
    // November (Ani only: the others joined in December) and December.
    expect((await call(owner, 'POST', '/api/billing/invoices/generate', { period: '2026-11-01' })).body.issued).toBe(1);
    expect((await call(owner, 'POST', '/api/billing/invoices/generate', { period: '2026-12-01' })).body.issued).toBe(3);
    for (const i of (await call(owner, 'GET', '/api/invoices?limit=500')).body.items) {
      const name = Object.keys(customers).find((n) => customers[n] === i.customerId)!;
      invoices[`${name} ${i.period.slice(0, 7)}`] = i.id;
    }
    // Ani's November invoice is past its grace: she is isolated.
    expect((await call(owner, 'POST', '/api/billing/daily-scan')).body).toMatchObject({ isolated: 1 });
    expect(await lineOf('Ani')).toMatchObject({ desiredState: 'isolated' });
  });
  afterAll(() => app?.stop());

  it('should let an admin assign customers by area and one by one, and show a collector only their worklist', async () => {
    const byArea = await call(staff.Dewi.cookie, 'POST', '/api/collectors/assignments', { collectorUserId: staff.Agus.userId, area: 'Wates' });
    expect(byArea.body).toEqual({ assigned: 2, moved: 0 });
    expect((await call(staff.Dewi.cookie, 'POST', '/api/collectors/assignments', { collectorUserId: staff.Agus.userId, customerIds: [customers.Citra] })).body).toEqual({ assigned: 1, moved: 0 });
    // Moving Citra to Eko.
    expect((await call(staff.Dewi.cookie, 'POST', '/api/collectors/assignments', { collectorUserId: staff.Eko.userId, customerIds: [customers.Citra] })).body).toEqual({ assigned: 1, moved: 1 });
    // Only a collector can be assigned; a collector cannot assign.
    const notCollector = await call(staff.Dewi.cookie, 'POST', '/api/collectors/assignments', { collectorUserId: staff.Fitri.userId, customerIds: [customers.Ani] });
    expect(notCollector.body.error.code).toBe('NOT_A_COLLECTOR');
    expect((await call(staff.Agus.cookie, 'POST', '/api/collectors/assignments', { collectorUserId: staff.Agus.userId, customerIds: [customers.Citra] })).status).toBe(403);

    app.clock.set(wib('2026-12-05T08:00:00'));
    const list = (await call(staff.Agus.cookie, 'GET', '/api/collector/worklist')).body;
    // Budi's December invoice is due on the 10th: within the 7-day window of the 5th. Ani's arrears are both her invoices.
    expect(list.customers.map((c: { name: string; arrears: number; invoices: unknown[] }) => [c.name, c.arrears, c.invoices.length])).toEqual([
      ['Ani', 300_000, 2],
      ['Budi', 150_000, 1],
    ]);
    expect(list.cashInHand).toEqual({ amount: 0, collections: 0, openShortfall: 0 });
    expect(list.total).toBe(2);
    // A page at a time, in route order: the second page goes on where the first stopped; past the maximum is refused, never clamped.
    const first = (await call(staff.Agus.cookie, 'GET', '/api/collector/worklist?limit=1')).body;
    const second = (await call(staff.Agus.cookie, 'GET', '/api/collector/worklist?limit=1&offset=1')).body;
    expect([first.total, first.customers.map((c: { name: string }) => c.name), second.customers.map((c: { name: string }) => c.name)]).toEqual([2, ['Ani'], ['Budi']]);
    const tooMany = await call(staff.Agus.cookie, 'GET', '/api/collector/worklist?limit=201');
    expect([tooMany.status, tooMany.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    // A collector-only person sees only their customers anywhere, enforced by the database.
    expect((await call(staff.Agus.cookie, 'GET', '/api/customers')).body.items.map((c: { name: string }) => c.name).sort()).toEqual(['Ani', 'Budi']);
    // A technician or admin who also collects keeps their own view; the worklist is still only theirs.
    expect((await call(staff.Eko.cookie, 'GET', '/api/customers')).body.total).toBe(3);
    expect((await call(staff.Eko.cookie, 'GET', '/api/collector/worklist')).body.customers.map((c: { name: string }) => c.name)).toEqual(['Citra']);
  });

  it('should refuse a collector a customer not assigned to them: 404 from the API, nothing from the database', async () => {
    expect((await call(staff.Agus.cookie, 'GET', `/api/collector/customers/${customers.Citra}`)).status).toBe(404);
    const other = await collect('Agus', 'Citra', [['Citra 2026-12', 150_000]], 'agus-citra');
    expect(other.status).toBe(404);
    const visit = await call(staff.Agus.cookie, 'POST', '/api/collector/visits', { customerId: customers.Citra, visitedOn: '2026-12-05', result: 'not_home' });
    expect(visit.status).toBe(404);
    expect((await call(owner, 'GET', `/api/invoices/${invoices['Citra 2026-12']}`)).body.status).toBe('unpaid');

    // The database itself, as the collector's requests run (row-scoped to Agus).
    const asAgus = <T>(fn: Parameters<typeof app.db.tenant<unknown, T>>[1]) => logContext.run({ scopeUserId: staff.Agus.userId }, () => app.db.tenant(asTenantId(tenantId), fn));
    const seen = await asAgus((trx) => sql<{ name: string }>`select name from customers order by name`.execute(trx));
    expect(seen.rows.map((r) => r.name)).toEqual(['Ani', 'Budi']);
    const citrasInvoices = await asAgus((trx) => sql<{ n: number }>`select count(*)::int as n from billing_invoices where customer_id = ${customers.Citra}`.execute(trx));
    expect(citrasInvoices.rows[0].n).toBe(0);
    await expect(
      asAgus((trx) =>
        sql`insert into collectors_visits (id, tenant_id, collector_user_id, customer_id, visited_on, result, created_at)
            values (gen_random_uuid(), app_tenant_id(), ${staff.Agus.userId}, ${customers.Citra}, '2026-12-05', 'not_home', now())`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    // Without the scope (the office), the same database shows everyone.
    const all = await app.db.tenant(asTenantId(tenantId), (trx) => sql<{ n: number }>`select count(*)::int as n from customers`.execute(trx));
    expect(all.rows[0].n).toBe(3);
  });

  it('should record visits: back-dated yes, future no, one per day, a promise with its date', async () => {
    const url = '/api/collector/visits';
    const future = await call(staff.Agus.cookie, 'POST', url, { customerId: customers.Budi, visitedOn: '2026-12-06', result: 'not_home' });
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('DATE_IN_FUTURE');
    expect((await call(staff.Agus.cookie, 'POST', url, { customerId: customers.Budi, visitedOn: '2026-12-03', result: 'promised' })).body.error.code).toBe('VALIDATION_FAILED');
    const promised = await call(staff.Agus.cookie, 'POST', url, { customerId: customers.Budi, visitedOn: '2026-12-03', result: 'promised', promisedOn: '2026-12-05' });
    expect(promised.status).toBe(201);
    expect((await call(staff.Agus.cookie, 'POST', url, { customerId: customers.Budi, visitedOn: '2026-12-03', result: 'refused' })).body.error.code).toBe('VISIT_ALREADY_RECORDED');
    expect((await call(staff.Agus.cookie, 'POST', url, { customerId: customers.Ani, visitedOn: '2026-12-04', result: 'not_home' })).status).toBe(201);
    // 'paid' is never typed by hand.
    expect((await call(staff.Agus.cookie, 'POST', url, { customerId: customers.Ani, visitedOn: '2026-12-05', result: 'paid' })).status).toBe(400);
  });

  it('phase 1: collected → awaiting_setoran, history collected_by_collector, WA to the admin and a receipt to the customer, once per key', async () => {
    const first = await collect('Agus', 'Ani', [['Ani 2026-11', 150_000], ['Ani 2026-12', 150_000]], 'phone-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 'KOL-2026-000001', amount: 300_000, collectorName: 'Agus', cashInHand: { amount: 300_000, collections: 1 } });
    // The phone did not get the answer (bad signal) and sends the same request again: one record.
    const again = await collect('Agus', 'Ani', [['Ani 2026-11', 150_000], ['Ani 2026-12', 150_000]], 'phone-1');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    // A second key for the same cash is refused by the invoice's state, not recorded twice.
    expect((await collect('Agus', 'Ani', [['Ani 2026-11', 150_000]], 'phone-2')).body.error.code).toBe('INVOICE_NOT_OPEN');
    // Partial collections are off by default: the open amount or nothing.
    const partial = await collect('Agus', 'Budi', [['Budi 2026-12', 100_000]], 'phone-3');
    expect(partial.status).toBe(422);
    expect(partial.body.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect((await collect('Agus', 'Budi', [['Budi 2026-12', 150_000]], 'phone-4')).status).toBe(201);

    for (const key of ['Ani 2026-11', 'Ani 2026-12', 'Budi 2026-12']) {
      const i = await invoice(key);
      expect(i.status).toBe('awaiting_setoran');
      expect(i.history.map((h) => [h.type, h.amount])).toEqual([['collected_by_collector', 150_000]]);
      expect(i.history[0].actorUserId).toBe(staff.Agus.userId);
    }
    expect((await call(staff.Agus.cookie, 'GET', '/api/collector/collections')).body).toHaveLength(2);
    expect((await call(staff.Agus.cookie, 'GET', '/api/collector/worklist')).body).toMatchObject({ customers: [], cashInHand: { amount: 450_000, collections: 2 } });
    // The day's visit is now 'paid' (the collection wrote it, over nothing typed).
    const visits = (await call(staff.Agus.cookie, 'GET', `/api/collector/customers/${customers.Ani}`)).body.visits;
    expect(visits.map((v: { visitedOn: string; result: string }) => [v.visitedOn, v.result])).toEqual([['2026-12-05', 'paid'], ['2026-12-04', 'not_home']]);

    // Two collections, each told to the tenant's admins (Dewi, and Eko, an admin who also collects).
    await expect.poll(async () => (await messagesOfKind('collector_cash_collected')).length, { timeout: 15_000, interval: 100 }).toBe(4);
    await expect.poll(async () => (await messagesOfKind('collector_receipt')).length, { timeout: 15_000, interval: 100 }).toBe(2);
    const toAdmin = await messagesOfKind('collector_cash_collected');
    expect(toAdmin.map((m) => m.recipientName).sort()).toEqual(['Dewi', 'Dewi', 'Eko', 'Eko']);
    const receipt = (await messagesOfKind('collector_receipt')).find((m) => m.recipientName === 'Ani')!;
    expect(receipt.body).toContain('KOL-2026-000001');
    expect(receipt.body).toContain('Rp 300.000');
    expect(receipt.body).toContain('Agus');
    // The isolated customer stays isolated until the deposit (restore at collection is off).
    expect(await lineOf('Ani')).toMatchObject({ desiredState: 'isolated' });
  });

  it('phase 2: the counted handover → setoran_confirmed, history setoran_confirmed, WA to finance; nobody confirms their own', async () => {
    expect((await call(staff.Agus.cookie, 'POST', '/api/collectors/handovers', { collectorUserId: staff.Agus.userId, collectionIds: [], countedAmount: 0 })).status).toBe(403);
    const confirmed = await handover('Agus', 450_000);
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ number: 'SETOR-2026-000001', expected: 450_000, counted: 450_000, difference: 0, kept: 450_000, status: 'confirmed', collections: 2 });
    for (const key of ['Ani 2026-11', 'Ani 2026-12', 'Budi 2026-12']) {
      const i = await invoice(key);
      expect(i.status).toBe('setoran_confirmed');
      expect(i.history.map((h) => h.type)).toEqual(['collected_by_collector', 'setoran_confirmed']);
    }
    expect((await held('Agus')).amount).toBe(0);
    await expect.poll(async () => (await messagesOfKind('setoran_ready')).length, { timeout: 15_000, interval: 100 }).toBe(1);
    const toFinance = (await messagesOfKind('setoran_ready'))[0];
    expect(toFinance.recipientName).toBe('Fitri');
    expect(toFinance.body).toContain('Rp 450.000');
    expect(toFinance.body).toContain('Dewi');
    // The invoice page's chain shows the first two steps, with who.
    const chain = (await call(owner, 'GET', `/api/invoices/${invoices['Ani 2026-11']}/collector-chain`)).body;
    expect(chain).toHaveLength(1);
    expect(chain[0]).toMatchObject({ status: 'handed_over', collected: { number: 'KOL-2026-000001', by: 'Agus' }, setoran: { number: 'SETOR-2026-000001', by: 'Dewi' }, deposited: null });
  });

  it('phase 3: the bank deposit → paid, history deposited, the isolated customer restored, WA to the owner', async () => {
    const ready = (await call(staff.Fitri.cookie, 'GET', '/api/collectors/handovers?undeposited=true')).body;
    expect(ready.map((h: { number: string }) => h.number)).toEqual(['SETOR-2026-000001']);
    const body = { handoverIds: [ready[0].id], bank: 'BRI Wates', reference: 'TRX-881', depositedOn: '2026-12-05', proof: pngProof };
    // The proof must be what it says.
    expect((await call(staff.Fitri.cookie, 'POST', '/api/collectors/deposits', { ...body, proof: { contentType: 'application/pdf', dataBase64: pngProof.dataBase64 } })).body.error.code).toBe('DEPOSIT_PROOF_INVALID');
    // Admins count handovers; banking is finance's (or the owner's).
    expect((await call(staff.Dewi.cookie, 'POST', '/api/collectors/deposits', body)).status).toBe(403);
    const deposit = await call(staff.Fitri.cookie, 'POST', '/api/collectors/deposits', body, { 'idempotency-key': 'deposit-1' });
    expect(deposit.status).toBe(201);
    expect(deposit.body).toMatchObject({ number: 'BANK-2026-000001', amount: 450_000, handovers: 1, invoices: 3, paidInvoices: 3 });
    expect((await call(staff.Fitri.cookie, 'POST', '/api/collectors/deposits', body)).body.error.code).toBe('HANDOVER_ALREADY_DEPOSITED');

    let total = 0;
    for (const key of ['Ani 2026-11', 'Ani 2026-12', 'Budi 2026-12']) {
      const i = await invoice(key);
      expect(i.status).toBe('paid');
      // Nothing remains, and the deposit's payment has its receipt like every payment.
      expect(i.remaining).toBe(0);
      const receipts = (await call(staff.Fitri.cookie, 'GET', `/api/invoices/${i.id}/receipts`)).body;
      expect(receipts).toEqual([expect.objectContaining({ amount: 150_000, method: 'collector' })]);
      // One row per movement, in order, each the invoice's amount.
      expect(i.history.map((h) => [h.type, h.amount])).toEqual([
        ['collected_by_collector', 150_000],
        ['setoran_confirmed', 150_000],
        ['deposited', 150_000],
      ]);
      expect(i.history.map((h) => h.actorUserId)).toEqual([staff.Agus.userId, staff.Dewi.userId, staff.Fitri.userId]);
      total += i.history.filter((h) => h.type === 'deposited').reduce((s, h) => s + h.amount, 0);
    }
    expect(total).toBe(deposit.body.amount);
    // Restored through the same path as every payment (billing.invoice.paid → restore).
    await expect.poll(async () => (await lineOf('Ani'))?.desiredState, { timeout: 15_000, interval: 100 }).toBe('active');
    await expect.poll(async () => (await messagesOfKind('deposit_confirmed')).length, { timeout: 15_000, interval: 100 }).toBe(2);
    const toOwner = await messagesOfKind('deposit_confirmed');
    expect(toOwner.map((m) => m.recipientName).sort()).toEqual(['Gita', 'Owner kulonprogo']);
    expect(toOwner.find((m) => m.recipientName === 'Gita')!.body).toContain('Rp 450.000');
    const chain = (await call(owner, 'GET', `/api/invoices/${invoices['Budi 2026-12']}/collector-chain`)).body;
    expect(chain[0]).toMatchObject({ status: 'deposited', deposited: { number: 'BANK-2026-000001', bank: 'BRI Wates', by: 'Fitri', on: '2026-12-05' } });
    const proof = await app.http.inject({ method: 'GET', url: `/api/collectors/deposits/${deposit.body.id}/proof`, headers: { cookie: owner } });
    expect(proof.headers['content-type']).toBe('image/png');
    expect(proof.rawPayload).toEqual(Buffer.from(pngProof.dataBase64, 'base64'));
  });

  it('should fire every collector WhatsApp rule exactly once for its event', async () => {
    const { rows } = await sql<{ id: string; type: string }>`
      select id, type from event_outbox where tenant_id = ${tenantId} and type like 'collectors.%' order by type`.execute(app.db.owner);
    expect(rows.map((r) => r.type)).toEqual(['collectors.deposit.confirmed', 'collectors.setoran.confirmed', 'collectors.visit.succeeded', 'collectors.visit.succeeded']);
    const all = await messages();
    const rulesOf: Record<string, string[]> = {
      'collectors.visit.succeeded': ['admin-cash-collected', 'customer-collection-receipt'],
      'collectors.setoran.confirmed': ['finance-setoran-ready'],
      'collectors.deposit.confirmed': ['owner-deposit-confirmed'],
    };
    for (const event of rows) {
      const fired = all.filter((m) => m.eventId === event.id);
      for (const rule of rulesOf[event.type]) {
        const perRecipient = fired.filter((m) => m.rule === rule).map((m) => m.recipientName);
        expect(perRecipient.length, `${rule} for ${event.type}`).toBeGreaterThan(0);
        expect(new Set(perRecipient).size, `${rule} once per recipient`).toBe(perRecipient.length);
      }
    }
  });

  it('should keep a short handover open without blocking anything, until settled later and written off by the owner', async () => {
    app.clock.set(wib('2027-01-03T08:00:00'));
    expect((await call(owner, 'POST', '/api/billing/invoices/generate', {})).body.issued).toBe(3);
    for (const i of (await call(owner, 'GET', '/api/invoices?limit=500')).body.items) {
      const name = Object.keys(customers).find((n) => customers[n] === i.customerId)!;
      invoices[`${name} ${i.period.slice(0, 7)}`] = i.id;
    }
    expect((await collect('Agus', 'Ani', [['Ani 2027-01', 150_000]], 'jan-ani', '2027-01-03')).status).toBe(201);
    expect((await collect('Agus', 'Budi', [['Budi 2027-01', 150_000]], 'jan-budi', '2027-01-03')).status).toBe(201);
    // Counted 250,000 of 300,000: a difference needs a note.
    const noNote = await handover('Agus', 250_000);
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.code).toBe('HANDOVER_NOTE_REQUIRED');
    expect((await held('Agus')).amount).toBe(300_000); // nothing changed
    const short = await handover('Agus', 250_000, { note: 'Kurang 50 ribu, katanya terselip' });
    expect(short.body).toMatchObject({ status: 'short', difference: -50_000, kept: 250_000, openShortfall: 50_000 });
    expect((await call(owner, 'GET', '/api/collectors/reports/differences')).body.map((h: { number: string }) => h.number)).toEqual([short.body.number]);

    // Blocks nothing: the invoices moved on, Agus keeps collecting, finance banks what was counted.
    expect((await invoice('Ani 2027-01')).status).toBe('setoran_confirmed');
    expect((await collect('Agus', 'Ani', [['Ani 2027-01', 150_000]], 'jan-ani-2', '2027-01-03')).body.error.code).toBe('INVOICE_NOT_OPEN');
    const banked = await call(staff.Fitri.cookie, 'POST', '/api/collectors/deposits', { handoverIds: [short.body.id], bank: 'BRI Wates', reference: 'TRX-990', depositedOn: '2027-01-03', proof: pngProof });
    expect(banked.body).toMatchObject({ amount: 250_000, paidInvoices: 2 });
    expect((await invoice('Budi 2027-01')).status).toBe('paid');
    expect((await call(staff.Agus.cookie, 'GET', '/api/collector/worklist')).body.cashInHand).toEqual({ amount: 0, collections: 0, openShortfall: 50_000 });

    // A later handover settles part of it (no collections needed); more than owed is refused.
    expect((await handover('Agus', 60_000, { settlementAmount: 60_000 })).body.error.code).toBe('SETTLEMENT_TOO_LARGE');
    const part = await handover('Agus', 30_000, { settlementAmount: 30_000 });
    expect(part.body).toMatchObject({ status: 'confirmed', settlement: 30_000, difference: 0, kept: 30_000 });
    const [open] = (await call(owner, 'GET', '/api/collectors/reports/differences')).body;
    expect(open).toMatchObject({ number: short.body.number, settled: 30_000, openShortfall: 20_000 });
    // The owner writes off the rest; an admin may not.
    expect((await call(staff.Dewi.cookie, 'POST', `/api/collectors/handovers/${short.body.id}/write-off`, { reason: 'Diikhlaskan' })).status).toBe(403);
    const off = await call(staff.Gita.cookie, 'POST', `/api/collectors/handovers/${short.body.id}/write-off`, { reason: 'Diikhlaskan, uang terselip tidak ketemu' });
    expect(off.body).toMatchObject({ status: 'written_off', openShortfall: 0, closedBy: staff.Gita.userId });
    expect((await call(owner, 'GET', '/api/collectors/reports/differences')).body).toEqual([]);
    expect((await call(staff.Gita.cookie, 'POST', `/api/collectors/handovers/${short.body.id}/write-off`, { reason: 'lagi' })).body.error.code).toBe('HANDOVER_NOT_SHORT');
  });

  it('should refuse an admin who collects the confirmation of their own handover', async () => {
    expect((await collect('Eko', 'Citra', [['Citra 2027-01', 150_000]], 'eko-1', '2027-01-03')).status).toBe(201);
    const own = await handover('Eko', 150_000, {}, 'Eko');
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('HANDOVER_OWN');
    expect((await handover('Eko', 150_000)).body).toMatchObject({ status: 'confirmed', confirmedBy: staff.Dewi.userId });
  });

  it('should return a rejected collection’s invoice to unpaid, and restore at collection when the tenant turned it on', async () => {
    expect((await call(staff.Dewi.cookie, 'PATCH', '/api/collectors/settings', { restoreOnCollection: true })).body.restoreOnCollection).toBe(true);
    // Citra's December invoice is past its grace by mid-January: the scan isolates her.
    app.clock.set(wib('2027-01-20T00:05:00'));
    await call(owner, 'POST', '/api/billing/daily-scan');
    expect(await lineOf('Citra')).toMatchObject({ desiredState: 'isolated' });
    const c = await collect('Eko', 'Citra', [['Citra 2026-12', 150_000]], 'eko-2', '2027-01-20');
    expect(c.status).toBe(201);
    await expect.poll(async () => (await lineOf('Citra'))?.desiredState, { timeout: 15_000, interval: 100 }).toBe('active');
    expect((await invoice('Citra 2026-12')).status).toBe('awaiting_setoran');

    // The office rejects it (counterfeit notes): back to unpaid, and the next scan isolates again.
    const rejected = await call(staff.Dewi.cookie, 'POST', `/api/collectors/collections/${c.body.id}/reject`, { reason: 'Uang palsu' });
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    const i = await invoice('Citra 2026-12');
    expect(i.status).toBe('unpaid');
    expect(i.history.map((h) => [h.type, h.amount])).toEqual([['collected_by_collector', 150_000], ['collection_rejected', -150_000]]);
    expect((await held('Eko')).amount).toBe(0);
    app.clock.set(wib('2027-01-21T00:05:00'));
    await call(owner, 'POST', '/api/billing/daily-scan');
    expect(await lineOf('Citra')).toMatchObject({ desiredState: 'isolated' });
    // A collection can no longer be rejected once it is handed over.
    const handed = (await call(owner, 'GET', `/api/collectors/collections?status=handed_over`)).body[0];
    expect((await call(staff.Dewi.cookie, 'POST', `/api/collectors/collections/${handed.id}/reject`, { reason: 'Terlambat' })).body.error.code).toBe('COLLECTION_NOT_HELD');
  });

  it('should take partial payments (cicilan) when the tenant allows them, and move the invoice on once it is all collected', async () => {
    const refused = await collect('Agus', 'Budi', [['Budi 2027-01', 50_000]], 'partial-0', '2027-01-21');
    expect(refused.body.error.code).toBe('INVOICE_NOT_OPEN'); // January is paid; partial is off anyway
    app.clock.set(wib('2027-02-02T08:00:00'));
    expect((await call(owner, 'POST', '/api/billing/invoices/generate', {})).body.issued).toBe(3);
    invoices['Budi 2027-02'] = (await call(owner, 'GET', `/api/invoices?customerId=${customers.Budi}`)).body.items.find((i: { period: string }) => i.period === '2027-02-01').id;
    expect((await collect('Agus', 'Budi', [['Budi 2027-02', 100_000]], 'partial-1', '2027-02-02')).body.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect((await call(staff.Dewi.cookie, 'PATCH', '/api/collectors/settings', { allowPartial: true })).body.allowPartial).toBe(true);
    expect((await collect('Agus', 'Budi', [['Budi 2027-02', 100_000]], 'partial-1b', '2027-02-02')).status).toBe(201);
    expect((await invoice('Budi 2027-02')).status).toBe('unpaid');
    // Due on the 10th: not on today's worklist yet (window 7 days), but the customer's arrears show it.
    expect((await call(staff.Agus.cookie, 'GET', '/api/collector/worklist')).body.customers.map((c: { name: string }) => c.name)).not.toContain('Budi');
    const budi = (await call(staff.Agus.cookie, 'GET', `/api/collector/customers/${customers.Budi}`)).body;
    expect(budi.invoices.find((i: { invoiceId: string }) => i.invoiceId === invoices['Budi 2027-02'])).toMatchObject({ amount: 150_000, open: 50_000 });
    // Never more than is open: an overpayment is handed back, not credited.
    expect((await collect('Agus', 'Budi', [['Budi 2027-02', 60_000]], 'partial-2', '2027-02-02')).body.error.details.fields).toEqual([{ field: 'amount', problem: 'more_than_open' }]);
    app.clock.set(wib('2027-02-03T08:00:00'));
    expect((await collect('Agus', 'Budi', [['Budi 2027-02', 50_000]], 'partial-3', '2027-02-03')).status).toBe(201);
    expect((await invoice('Budi 2027-02')).status).toBe('awaiting_setoran');
    expect((await handover('Agus', 150_000)).body.status).toBe('confirmed');
    const i = await invoice('Budi 2027-02');
    expect(i.status).toBe('setoran_confirmed');
    expect(i.history.map((h) => [h.type, h.amount])).toEqual([
      ['collected_by_collector', 100_000],
      ['collected_by_collector', 50_000],
      ['setoran_confirmed', 100_000],
      ['setoran_confirmed', 50_000],
    ]);
    await call(staff.Dewi.cookie, 'PATCH', '/api/collectors/settings', { allowPartial: false });
  });

  it('should report collections per collector per day and aging with failed visits (3+ flagged)', async () => {
    const daily = (await call(staff.Fitri.cookie, 'GET', '/api/collectors/reports/daily?from=2026-12-01&to=2027-01-31')).body;
    // (February's partial collections are outside the range.)
    expect(daily.map((d: { collectorName: string; day: string; collections: number; amount: number }) => [d.collectorName, d.day, d.collections, d.amount])).toEqual([
      ['Agus', '2027-01-03', 2, 300_000],
      ['Eko', '2027-01-03', 1, 150_000],
      ['Agus', '2026-12-05', 2, 450_000],
    ]);
    // The report is collector × day: a range longer than 92 days is refused, nothing else read.
    const tooLong = await call(staff.Fitri.cookie, 'GET', '/api/collectors/reports/daily?from=2026-01-01&to=2026-12-31');
    expect([tooLong.status, tooLong.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await call(staff.Fitri.cookie, 'GET', '/api/collectors/reports/daily?from=2026-10-01&to=2026-12-31')).status).toBe(200);
    for (const day of ['2027-01-18', '2027-01-19', '2027-01-21']) {
      expect((await call(staff.Eko.cookie, 'POST', '/api/collector/visits', { customerId: customers.Citra, visitedOn: day, result: day.endsWith('19') ? 'refused' : 'not_home' })).status).toBe(201);
    }
    const aging = (await call(owner, 'GET', '/api/collectors/reports/aging')).body;
    expect(aging[0]).toMatchObject({ name: 'Citra', collectorName: 'Eko', arrears: 150_000, failedVisits: 3, flagged: true, lastVisit: '2027-01-21', lastResult: 'not_home' });
    // Paged: the first of the list is the first page; the rest follow on the next.
    const page1 = (await call(owner, 'GET', '/api/collectors/reports/aging?limit=1')).body;
    const page2 = (await call(owner, 'GET', '/api/collectors/reports/aging?limit=1000&offset=1')).body;
    expect([...page1, ...page2]).toEqual(aging);
    expect((await call(owner, 'GET', '/api/collectors/reports/aging?limit=1001')).status).toBe(400);
  });
});
