import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, buildTopology, type Topology } from '../ftth-topology.ts';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
const poll = { timeout: 15_000, interval: 100 };

/**
 * Outage-aware dunning: 10 customers on ODC-1 under an outage and one customer elsewhere, all
 * unpaid. While the outage is open the daily scan isolates only the unaffected customer and no
 * payment reminder reaches the affected ones; after the clear the next scan treats them
 * normally, without a back-dated burst of the reminders they missed.
 */
describe.each(drivers)('Outage-aware dunning on %s', (driver) => {
  let app: TestApp;
  let tenantId: string;
  let call: ReturnType<typeof apiCaller>;
  let topo: Topology;
  let affected: string[];
  let outsider: string;
  const reminders = async () =>
    (await sql<{ recipient_id: string }>`select recipient_id from notifications_messages where tenant_id = ${tenantId} and kind = 'invoice_unpaid_reminder'`.execute(app.db.owner)).rows.map(
      (r) => r.recipient_id,
    );
  const handled = (type: string) =>
    expect
      .poll(async () => {
        const { rows } = await sql<{ total: number; done: number }>`
          select count(*)::int as total, count(i.event_id)::int as done from event_outbox o
          left join event_inbox i on i.event_id = o.id and i.handler_id = 'notifications.queue-messages'
          where o.type = ${type} and o.tenant_id = ${tenantId}`.execute(app.db.owner);
        return rows[0]!.total > 0 && rows[0]!.total === rows[0]!.done;
      }, poll)
      .toBe(true);
  const isolatedNow = async () =>
    new Set((await sql<{ customer_id: string }>`select customer_id from isolation_lines where tenant_id = ${tenantId} and desired_state = 'isolated'`.execute(app.db.owner)).rows.map((r) => r.customer_id));

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-12-01T10:00:00'), events: true });
    const seeded = await seedTenantWithOwner(app, 'sleman');
    tenantId = seeded.tenantId;
    call = apiCaller(app, seeded.ownerCookie);
    topo = await buildTopology(app, seeded.ownerCookie, 'sleman', { odcs: 2, odpsPerOdc: 2, customersPerOdp: 5 });
    affected = topo.odcs[0]!.odps.flatMap((o) => o.customers);
    outsider = topo.odcs[1]!.odps[0]!.customers[0]!;
    // Everyone else on ODC-2 has paid (below): the outsider is the unaffected overdue one.
    expect((await call('PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 0, isolationTrigger: 'invoice_overdue' })).status).toBe(200);
    expect((await call('POST', '/api/billing/invoices/generate', {})).body.issued).toBe(20);
    const invoices = (await call('GET', '/api/invoices?status=unpaid&limit=100')).body.items as { id: string; customerId: string }[];
    const paying = new Set(topo.odcs[1]!.odps.flatMap((o) => o.customers).filter((c) => c !== outsider));
    for (const invoice of invoices.filter((i) => paying.has(i.customerId))) {
      expect((await call('POST', `/api/invoices/${invoice.id}/payments`, { amount: 150_000, method: 'cash' })).status).toBe(201);
    }
  });
  afterAll(() => app?.stop());

  it('should isolate none of the affected customers while the outage is open, only the unaffected overdue one, and remind none of them', async () => {
    await handled('billing.invoice.issued');
    app.clock.set(wib('2026-12-09T20:00:00'));
    expect((await call('POST', '/api/maps/outages', { element: { kind: 'odc', id: topo.odcs[0]!.id }, cause: 'Kabel feeder putus' })).body.affectedCustomers).toBe(10);

    app.clock.set(wib('2026-12-10T00:05:00'));
    expect((await call('POST', '/api/billing/daily-scan')).body).toMatchObject({ dueUnpaid: 11, isolated: 0 });
    await handled('billing.invoice.due_unpaid');
    expect(await reminders()).toEqual([outsider]);

    app.clock.set(wib('2026-12-11T00:05:00'));
    expect((await call('POST', '/api/billing/daily-scan')).body).toMatchObject({ overdue: 11, isolated: 1 });
    await handled('billing.invoice.overdue');
    expect([...(await isolatedNow())]).toEqual([outsider]);
    expect(await reminders()).toEqual([outsider]);
    // The map shows the affected ones as affected, the isolated outsider as isolated.
    expect((await call('GET', '/api/maps/data')).body.counts).toMatchObject({ affected: 10, isolated: 1, normal: 9 });
  });

  it('should treat them normally from the first scan after the clear, without sending the reminders they missed', async () => {
    app.clock.set(wib('2026-12-11T10:00:00'));
    const open = (await call('GET', '/api/maps/outages?status=open')).body;
    expect((await call('POST', `/api/maps/outages/${open[0].id}/clear`, {})).body.restoredCustomers).toBe(10);
    app.clock.set(wib('2026-12-12T00:05:00'));
    expect((await call('POST', '/api/billing/daily-scan')).body).toMatchObject({ isolated: 10 });
    const now = await isolatedNow();
    expect(now.size).toBe(11);
    for (const c of affected) expect(now.has(c)).toBe(true);
    await expect.poll(async () => (await sql<{ n: number }>`select count(*)::int as n from notifications_messages where tenant_id = ${tenantId} and kind = 'customer_isolated'`.execute(app.db.owner)).rows[0]!.n, poll).toBe(11);
    expect(await reminders()).toEqual([outsider]);
  });
});
