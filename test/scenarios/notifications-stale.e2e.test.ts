import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

type Message = { id: string; kind: string; recipientName: string; status: string; reason: string | null; body: string };

/**
 * A reminder that is still waiting when the day it announces is over (it waited out the quiet
 * hours, the provider was down, the workers were stopped) would tell the customer a past date:
 * it is skipped, never sent late. One still within its day goes out as usual.
 */
describe.each(drivers)('messages that outlive the day they announce on %s', (driver) => {
  let app: TestApp;
  const tenants: Record<'isolatesOnDueDay' | 'isolatesNextDay', { cookie: string; planId: string }> = {} as never;
  const call = async (which: keyof typeof tenants, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await app.http.inject({ method, url, headers: { cookie: tenants[which].cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const reminders = async (which: keyof typeof tenants) =>
    ((await call(which, 'GET', '/api/notifications/messages?limit=500')).body as Message[]).filter((m) => m.kind === 'invoice_unpaid_reminder');
  const allHandled = () =>
    expect
      .poll(
        async () =>
          (
            await sql<{ n: number }>`select count(*)::int as n from event_outbox o
              where o.type like 'billing.invoice.%'
                and not exists (select 1 from event_inbox i where i.handler_id = 'notifications.queue-messages' and i.event_id = o.id)`.execute(app.db.owner)
          ).rows[0].n,
        { timeout: 15_000, interval: 100 },
      )
      .toBe(0);

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-11-01T10:00:00'), events: true });
    for (const [which, slug, policy] of [
      ['isolatesOnDueDay', 'godean', { dueDays: 9, isolationTrigger: 'invoice_due_unpaid' }], // due and isolation day 10 Nov
      ['isolatesNextDay', 'moyudan', { dueDays: 10, isolationTrigger: 'invoice_overdue' }], // due 11 Nov, isolation day 12 Nov
    ] as const) {
      tenants[which] = { cookie: (await seedTenantWithOwner(app, slug, 'WIB')).ownerCookie, planId: '' };
      expect((await call(which, 'PATCH', '/api/billing/policy', { billingDay: 1, autoIsolate: false, ...policy })).status).toBe(200);
      tenants[which].planId = (await call(which, 'POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'rumahan' })).body.id;
      const customer = await call(which, 'POST', '/api/customers', { name: `Pelanggan ${slug}`, phone: '0812-1111-2222', planId: tenants[which].planId, connectionType: 'pppoe', pppoeUsername: `${slug}@net`, activatedOn: '2026-10-01' });
      expect(customer.status).toBe(201);
      expect((await call(which, 'POST', '/api/billing/invoices/generate', {})).body.issued).toBe(1);
    }
  });
  afterAll(() => app?.stop());

  it('should skip a reminder whose day passed while it waited, and send one still within its day', async () => {
    // 00:05 on the 10th: "will be isolated on 10 November", held by the quiet hours until 07:00.
    app.clock.set(wib('2026-11-10T00:05:00'));
    expect((await call('isolatesOnDueDay', 'POST', '/api/billing/daily-scan')).body).toMatchObject({ dueUnpaid: 1 });
    await allHandled();
    const [held] = await reminders('isolatesOnDueDay');
    expect(held).toMatchObject({ status: 'pending', reason: 'Waiting for the end of quiet hours.' });
    expect(held.body).toContain('diisolir pada 10 November 2026');

    // Nothing ran on the 10th (the workers were stopped); the next morning it would be a lie.
    app.clock.set(wib('2026-11-11T00:05:00'));
    expect((await call('isolatesNextDay', 'POST', '/api/billing/daily-scan')).body).toMatchObject({ dueUnpaid: 1 });
    await allHandled();
    app.clock.set(wib('2026-11-11T08:00:00'));
    await app.notifications.deliverDue();

    const [skipped] = await reminders('isolatesOnDueDay');
    expect(skipped.status).toBe('skipped');
    expect(skipped.reason).toContain('the day it announces had passed');
    const [sent] = await reminders('isolatesNextDay');
    expect(sent.body).toContain('diisolir pada 12 November 2026');
    expect(sent.status).toBe('sent');
  });
});
