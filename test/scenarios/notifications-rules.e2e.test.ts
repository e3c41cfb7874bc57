import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenantId } from '../../src/platform/db/database.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** WIB instant for a local wall-clock time: WIB is UTC+7. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
const poll = { timeout: 15_000, interval: 100 };

type Message = { kind: string; status: string; recipientName: string; to: string | null; body: string; reason: string | null; nextAttemptAt: string };

/**
 * WhatsApp rules driven by real events: invoices issued, due and overdue (billing API and the
 * daily scan), isolation and restore after payment, a router failure. Two tenants run the same
 * month; one turned notify_isolated off, which must silence that notification and nothing else.
 * Messages go to the built-in dev inbox (the platform default).
 */
describe.each(drivers)('WhatsApp rules on %s', (driver) => {
  let app: TestApp;
  const tenants: Record<'on' | 'off', { id: string; cookie: string; customers: Record<string, { id: string; invoiceId?: string }> }> = {} as never;

  const call = async (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const messages = async (which: 'on' | 'off', query = ''): Promise<Message[]> => (await call(tenants[which].cookie, 'GET', `/api/notifications/messages?limit=500${query}`)).body;
  const kinds = async (which: 'on' | 'off') => {
    const counts: Record<string, number> = {};
    for (const m of await messages(which)) counts[`${m.kind}/${m.status}`] = (counts[`${m.kind}/${m.status}`] ?? 0) + 1;
    return counts;
  };
  /** Nothing waiting or in flight. */
  const settled = (which: 'on' | 'off') =>
    expect.poll(async () => (await messages(which)).filter((m) => m.status === 'pending' || m.status === 'sending').length, poll).toBe(0);
  const both = async (fn: (which: 'on' | 'off') => Promise<void>) => {
    await fn('on');
    await fn('off');
  };

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-12-01T10:00:00'), events: true });
    for (const [which, slug] of [['on', 'bantul'], ['off', 'sleman']] as const) {
      const { tenantId, ownerCookie: cookie } = await seedTenantWithOwner(app, slug, 'WIB');
      tenants[which] = { id: tenantId, cookie, customers: {} };
      expect((await call(cookie, 'PATCH', '/api/billing/policy', { billingDay: 1, dueDays: 9, graceDays: 3, isolationTrigger: 'overdue_after_grace_period', notifyIsolated: which === 'on' })).status).toBe(200);
      for (const [name, phone, roles] of [['Dewi', '0812-5555-0001', ['admin']], ['Eko', undefined, ['admin']], ['Fitri', '0813 5555 0002', ['finance']]] as const) {
        await addStaff(app, cookie, { email: `${name.toLowerCase()}@${slug}.test`, name, phone, roles: [...roles], password: 'rahasia-staf-1' });
      }
      const plan = (await call(cookie, 'POST', '/api/plans', { name: 'Rumahan 20 Mbps', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' })).body;
      for (const [name, phone] of [['Ani', '0812-1111-2222'], ['Budi', '+62 813 3333 4444']]) {
        const res = await call(cookie, 'POST', '/api/customers', {
          name,
          phone,
          planId: plan.id,
          connectionType: 'pppoe',
          pppoeUsername: `${name.toLowerCase()}@${slug}`,
          activatedOn: '2026-10-01',
        });
        expect(res.status).toBe(201);
        tenants[which].customers[name] = { id: res.body.id };
      }
    }
  });
  afterAll(() => app?.stop());

  it('should tell each customer about a new invoice, in Indonesian, through the dev inbox', async () => {
    await both(async (which) => {
      expect((await call(tenants[which].cookie, 'POST', '/api/billing/invoices/generate', {})).body.issued).toBe(2);
      const invoices = (await call(tenants[which].cookie, 'GET', '/api/invoices?status=unpaid')).body.items;
      for (const invoice of invoices) {
        const name = Object.keys(tenants[which].customers).find((n) => tenants[which].customers[n].id === invoice.customerId)!;
        tenants[which].customers[name].invoiceId = invoice.id;
      }
    });
    await expect.poll(async () => (await call(tenants.on.cookie, 'GET', '/api/notifications/inbox')).body.length, poll).toBe(2);
    const inbox = (await call(tenants.on.cookie, 'GET', '/api/notifications/inbox')).body;
    const ani = inbox.find((m: { to: string }) => m.to === '+6281211112222');
    expect(ani.kind).toBe('invoice_issued');
    expect(ani.text).toContain('Yth. Ani');
    expect(ani.text).toContain('Rp 150.000');
    expect(ani.text).toContain('10 Desember 2026');
    expect(ani.text).toContain('Net bantul');
    await settled('off');
  });

  it('should hold due-day reminders found at 00:05 until quiet hours end at 07:00 WIB', async () => {
    app.clock.set(wib('2026-12-10T00:05:00'));
    await both(async (which) => {
      expect((await call(tenants[which].cookie, 'POST', '/api/billing/daily-scan')).body).toMatchObject({ dueUnpaid: 2 });
    });
    await expect.poll(async () => (await messages('on', '&kind=invoice_unpaid_reminder')).length, poll).toBe(2);
    for (const m of await messages('on', '&kind=invoice_unpaid_reminder')) {
      expect(m).toMatchObject({ status: 'pending', reason: 'Waiting for the end of quiet hours.' });
      expect(new Date(m.nextAttemptAt).toISOString()).toBe(wib('2026-12-10T07:00:00'));
      expect(m.body).toContain('diisolir pada 14 Desember 2026'); // due 10th + 1 + 3 grace days
    }
    app.clock.set(wib('2026-12-10T07:00:00'));
    await settled('on');
    await settled('off');
    expect((await messages('on', '&kind=invoice_unpaid_reminder&status=sent')).length).toBe(2);
  });

  it('should send the isolation notice at once (urgent, even at night) only where notify_isolated is on, and the rest everywhere', async () => {
    app.clock.set(wib('2026-12-10T09:00:00'));
    await both(async (which) => {
      const budi = tenants[which].customers.Budi.invoiceId;
      expect((await call(tenants[which].cookie, 'POST', `/api/invoices/${budi}/payments`, { amount: 150_000, method: 'cash' })).status).toBe(201);
    });
    app.clock.set(wib('2026-12-11T00:05:00'));
    await both(async (which) => {
      expect((await call(tenants[which].cookie, 'POST', '/api/billing/daily-scan')).body).toMatchObject({ overdue: 1 });
    });
    app.clock.set(wib('2026-12-14T00:05:00'));
    await both(async (which) => {
      expect((await call(tenants[which].cookie, 'POST', '/api/billing/daily-scan')).body).toMatchObject({ isolated: 1 });
    });
    await expect.poll(async () => (await messages('on', '&kind=customer_isolated&status=sent')).length, poll).toBe(1);
    const notice = (await messages('on', '&kind=customer_isolated'))[0];
    expect(notice.recipientName).toBe('Ani');
    expect(notice.body).toContain('diisolir sejak 14 Desember 2026');

    app.clock.set(wib('2026-12-14T08:00:00'));
    await both(async (which) => {
      const ani = tenants[which].customers.Ani.invoiceId;
      expect((await call(tenants[which].cookie, 'POST', `/api/invoices/${ani}/payments`, { amount: 150_000, method: 'transfer' })).status).toBe(201);
    });
    await expect.poll(async () => (await messages('off', '&kind=customer_reconnected&status=sent')).length, poll).toBe(1);
    await expect.poll(async () => (await messages('on', '&kind=customer_reconnected&status=sent')).length, poll).toBe(1);
    await settled('on');
    await settled('off');

    const expected = { 'invoice_issued/sent': 2, 'invoice_unpaid_reminder/sent': 3, 'customer_reconnected/sent': 1 };
    expect(await kinds('on')).toEqual({ ...expected, 'customer_isolated/sent': 1 });
    expect(await kinds('off')).toEqual(expected);
  });

  it('should alert admins of a router failure, recording why an admin without a phone was skipped', async () => {
    const tenantId = asTenantId(tenants.on.id);
    const routerId = '0193a000-0000-7000-8000-000000000001';
    await app.db.tenant(tenantId, (trx) => app.bus.publish(trx, 'network.router.failed', { routerId, name: 'MikroTik Pusat', code: 'ROUTER_TIMEOUT', message: 'no answer in 10 s' }));
    await expect.poll(async () => (await messages('on', '&kind=router_error&status=sent')).length, poll).toBe(1);
    const alerts = await messages('on', '&kind=router_error');
    expect(alerts.map((m) => [m.recipientName, m.status, m.to])).toEqual(expect.arrayContaining([['Dewi', 'sent', '+6281255550001'], ['Eko', 'skipped', null]]));
    expect(alerts.find((m) => m.recipientName === 'Eko')!.reason).toContain('no phone number');
    expect(alerts.find((m) => m.recipientName === 'Dewi')!.body).toContain('MikroTik Pusat');
    // Finance is not an admin: not told.
    expect(alerts.some((m) => m.recipientName === 'Fitri')).toBe(false);
  });

  it('should count the month’s messages handed to the provider', async () => {
    const usage = (await call(tenants.on.cookie, 'GET', '/api/notifications/usage?month=2026-12')).body;
    expect(usage).toEqual({ month: '2026-12', sent: 8 }); // 2 issued + 3 reminders + isolated + reconnected + router alert
    expect((await call(tenants.on.cookie, 'GET', '/api/notifications/usage?month=2027-01')).body.sent).toBe(0);
  });
});
