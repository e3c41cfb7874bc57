import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

const ruleEvents = ['billing.invoice.issued', 'billing.invoice.due_unpaid', 'billing.invoice.overdue', 'isolation.customer.isolated'];
type Message = { id: string; kind: string; recipientName: string; body: string };

/**
 * Catch-up scans: after downtime (or for a back-dated invoice) one daily scan moves an invoice
 * through several stages at once. Every transition is still published, but a customer hears
 * only the latest stage, and never a date that has already passed.
 */
describe.each(drivers)('catch-up messages on %s', (driver) => {
  let app: TestApp;
  const tenants: Record<'catchUp' | 'noIsolation', { id: string; cookie: string; planId: string }> = {} as never;

  const call = async (which: keyof typeof tenants, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await app.http.inject({ method, url, headers: { cookie: tenants[which].cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const addCustomer = async (which: keyof typeof tenants, name: string, phone: string, activatedOn: string) => {
    const res = await call(which, 'POST', '/api/customers', { name, phone, planId: tenants[which].planId, connectionType: 'pppoe', pppoeUsername: `${name.toLowerCase()}@net`, activatedOn });
    expect(res.status).toBe(201);
  };
  /** Every event the notification rules read has been handled (messages queued or skipped). */
  const handled = () =>
    expect
      .poll(
        async () =>
          (
            await sql<{ n: number }>`select count(*)::int as n from event_outbox o
              where o.type = any(${ruleEvents})
                and not exists (select 1 from event_inbox i where i.handler_id = 'notifications.queue-messages' and i.event_id = o.id)`.execute(app.db.owner)
          ).rows[0].n,
        { timeout: 15_000, interval: 100 },
      )
      .toBe(0);
  const seen = new Set<string>();
  /** Messages queued since the last look, once every rule event so far has been handled. */
  const newMessages = async (which: keyof typeof tenants) => {
    await handled();
    const fresh = ((await call(which, 'GET', '/api/notifications/messages?limit=500')).body as Message[]).filter((m) => !seen.has(m.id));
    for (const m of fresh) seen.add(m.id);
    return fresh;
  };
  const summary = (messages: Message[]) => messages.map((m) => `${m.recipientName}: ${m.kind}`).sort();
  const supersededFlags = async (tenantId: string, type: string) =>
    (
      await sql<{ superseded: boolean }>`select (data->>'superseded')::boolean as superseded from event_outbox
        where tenant_id = ${tenantId} and type = ${type} order by seq`.execute(app.db.owner)
    ).rows.map((r) => r.superseded);

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-11-01T10:00:00'), events: true });
    for (const [which, slug, policy] of [
      ['catchUp', 'sleman', { isolationTrigger: 'overdue_after_grace_period' }],
      ['noIsolation', 'bantul', { isolationTrigger: 'invoice_due_unpaid', autoIsolate: false }],
    ] as const) {
      const { tenantId: id, ownerCookie: cookie } = await seedTenantWithOwner(app, slug, 'WIB');
      tenants[which] = { id, cookie, planId: '' };
      expect((await call(which, 'PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3, ...policy })).status).toBe(200);
      tenants[which].planId = (await call(which, 'POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'rumahan' })).body.id;
    }
    await addCustomer('catchUp', 'Ani', '0812-1111-2222', '2026-10-01');
    await addCustomer('catchUp', 'Budi', '0813-3333-4444', '2026-10-01');
    await addCustomer('noIsolation', 'Eko', '0815-5555-6666', '2026-10-01');
  });
  afterAll(() => app?.stop());

  it('should announce invoices issued on time', async () => {
    for (const which of ['catchUp', 'noIsolation'] as const) expect((await call(which, 'POST', '/api/billing/invoices/generate', {})).body.issued).toBeGreaterThan(0);
    expect(summary(await newMessages('catchUp'))).toEqual(['Ani: invoice_issued', 'Budi: invoice_issued']);
    expect(summary(await newMessages('noIsolation'))).toEqual(['Eko: invoice_issued']);
  });

  it('should not send a reminder whose isolation day has passed', async () => {
    // Isolation on the due day (10 November) under this tenant's trigger, but auto-isolation is off.
    app.clock.set(wib('2026-11-10T00:05:00'));
    expect((await call('noIsolation', 'POST', '/api/billing/daily-scan')).body).toMatchObject({ dueUnpaid: 1, isolated: 0 });
    const due = await newMessages('noIsolation');
    expect(summary(due)).toEqual(['Eko: invoice_unpaid_reminder']);
    expect(due[0].body).toContain('diisolir pada 10 November 2026');
    app.clock.set(wib('2026-11-11T00:05:00'));
    expect((await call('noIsolation', 'POST', '/api/billing/daily-scan')).body).toMatchObject({ overdue: 1 });
    expect(await newMessages('noIsolation')).toEqual([]);
    expect(await supersededFlags(tenants.noIsolation.id, 'billing.invoice.overdue')).toEqual([false]);
  });

  it('should send one reminder, the latest stage with a date still ahead, when a late scan passes two stages', async () => {
    // No scan since the invoices were issued (due 10 November): the first one runs on the 12th.
    app.clock.set(wib('2026-11-12T00:05:00'));
    expect((await call('catchUp', 'POST', '/api/billing/daily-scan')).body).toMatchObject({ dueUnpaid: 2, overdue: 2, graceExpired: 0, isolated: 0 });
    const fresh = await newMessages('catchUp');
    expect(summary(fresh)).toEqual(['Ani: invoice_unpaid_reminder', 'Budi: invoice_unpaid_reminder']);
    for (const m of fresh) expect(m.body).toContain('diisolir pada 14 November 2026');
    // Both transitions are published for other handlers; the earlier one says it was overtaken.
    expect(await supersededFlags(tenants.catchUp.id, 'billing.invoice.due_unpaid')).toEqual([true, true]);
    expect(await supersededFlags(tenants.catchUp.id, 'billing.invoice.overdue')).toEqual([false, false]);
  });

  it('should send only the isolation notice when a scan after downtime reaches isolation, also for a back-dated invoice', async () => {
    app.clock.set(wib('2026-12-01T00:05:00'));
    // Citra's line ran since 15 November; her invoice for November, due on the 10th, is issued only now.
    await addCustomer('catchUp', 'Citra', '0857-7777-8888', '2026-11-15');
    expect((await call('catchUp', 'POST', '/api/billing/invoices/generate', { period: '2026-11-01' })).body.issued).toBe(1);
    expect(await newMessages('catchUp')).toEqual([]); // its due day is past: the scan speaks for it

    expect((await call('catchUp', 'POST', '/api/billing/daily-scan')).body).toMatchObject({ dueUnpaid: 1, overdue: 1, graceExpired: 3, isolated: 3 });
    const fresh = await newMessages('catchUp');
    expect(summary(fresh)).toEqual(['Ani: customer_isolated', 'Budi: customer_isolated', 'Citra: customer_isolated']);
    for (const m of fresh) expect(m.body).toContain('1 Desember 2026');
    expect(await supersededFlags(tenants.catchUp.id, 'billing.invoice.grace_expired')).toEqual([true, true, true]);
    expect(await supersededFlags(tenants.catchUp.id, 'billing.invoice.overdue')).toEqual([false, false, true]);
  });
});
