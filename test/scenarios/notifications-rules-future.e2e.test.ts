import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCatalog } from '../../src/composition-root.ts';
import { notificationRules, notificationsHandlers } from '../../src/modules/notifications/index.ts';
import { asTenantId } from '../../src/platform/db/database.ts';
import type { EventEnvelope } from '../../src/platform/events/event-envelope.ts';
import { PermanentError } from '../../src/platform/events/event-handler.ts';
import { Topic } from '../../src/platform/events/topics.ts';
import { newId } from '../../src/platform/ids.ts';
import { addStaff, createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';

/** The rules of modules not built yet: named by event type, waiting in the table (the collectors' are tested by collectors-chain.e2e). */
const futureRules = [
  ['maps.outage.set', 'outage_staff', ['admin', 'owner']],
  ['maps.outage.set', 'outage_customer', 'outage_area'],
  ['maps.outage.cleared', 'outage_cleared_staff', ['admin', 'owner']],
  ['maps.outage.cleared', 'outage_cleared_customer', 'outage_area'],
  ['field.activity.logged', 'technician_update', ['admin']],
  ['addons.invoice.created', 'addon_invoice_created', ['owner']],
  ['addons.addon.activated', 'addon_activated', ['owner']],
] as const;

describe('WhatsApp rules of modules to come', () => {
  let app: TestApp;
  let cookie: string;
  let tenantId: string;
  const customerIds: string[] = [];

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const envelope = (type: string, data: unknown): EventEnvelope => {
    const id = newId();
    return { id, topic: Topic.outage, type, version: 1, tenantId, key: null, occurredAt: '2026-12-10T03:00:00.000Z', correlationId: id, causationId: null, data };
  };
  /** What the handler would do with an event of `type`, once the catalog has it. */
  const handle = (event: EventEnvelope) => app.db.tenant(asTenantId(tenantId), (trx) => app.notifications.enqueueForEvent(trx, event));
  const messagesOf = async (eventId: string) =>
    ((await call('GET', '/api/notifications/messages?limit=500')).body as Array<{ eventId: string; kind: string; recipientName: string; status: string; reason: string | null; body: string }>)
      .filter((m) => m.eventId === eventId)
      .map((m) => ({ kind: m.kind, to: m.recipientName, status: m.status, reason: m.reason, body: m.body }));

  const outage = () => ({ outageId: newId(), level: 'ODP', areaName: 'ODP Melati-03', customerIds });

  beforeAll(async () => {
    app = await createTestApp('pglite', { start: '2026-12-10T03:00:00Z' });
    const seeded = await seedTenantWithOwner(app, 'godean');
    cookie = seeded.ownerCookie;
    tenantId = seeded.tenantId;
    for (const [name, phone, roles] of [['Dewi', '0812-5555-0001', ['admin']], ['Fitri', '0813-5555-0002', ['finance']], ['Gita', '0814-5555-0003', ['owner']]] as const) {
      await addStaff(app, cookie, { email: `${name.toLowerCase()}@godean.test`, name, phone, roles: [...roles], password: 'rahasia-staf-1' });
    }
    const plan = (await call('POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' })).body;
    for (const [name, phone] of [['Ani', '0812-1111-0001'], ['Budi', '0812-1111-0002'], ['Citra', '0812-1111-0003']]) {
      const res = await call('POST', '/api/customers', { name, phone, planId: plan.id, connectionType: 'pppoe', pppoeUsername: `${name}@godean`, activatedOn: '2026-10-01' });
      customerIds.push(res.body.id);
    }
  });
  afterAll(() => app?.stop());

  it('should keep a rule for every notification of the spec, future modules included', () => {
    for (const [on, kind, to] of futureRules) {
      const rule = notificationRules.find((r) => r.on === on && r.kind === kind);
      expect(rule, `${on} → ${kind}`).toBeDefined();
      expect('staff' in rule!.to ? rule!.to.staff : rule!.to.customer).toEqual(to);
    }
    expect(new Set(notificationRules.map((r) => r.id)).size).toBe(notificationRules.length);
  });

  it('should subscribe only to the rule events the catalog has: every module of the spec is merged now', () => {
    const [today] = notificationsHandlers(app.notifications, eventCatalog);
    const ruleEvents = [...new Set(notificationRules.map((r) => r.on))];
    expect(ruleEvents.filter((type) => !(type in eventCatalog))).toEqual([]);
    expect([...today.on].sort()).toEqual([...ruleEvents].sort());
    // A catalog without a module's events (a module not merged) leaves its rules waiting, unsubscribed.
    const { 'collectors.visit.succeeded': _merged, ...withoutCollections } = eventCatalog;
    expect(notificationsHandlers(app.notifications, withoutCollections as typeof eventCatalog)[0].on).not.toContain('collectors.visit.succeeded');
    expect(today.on).toEqual(expect.arrayContaining(['maps.outage.set', 'maps.outage.cleared', 'collectors.visit.succeeded', 'portal.complaint.submitted']));
  });

  it('should fire the technician and add-on rules for the right staff', async () => {
    const cases = [
      envelope('field.activity.logged', { technicianName: 'Rudi', summary: 'Kabel drop diganti', customerId: null, areaName: null }),
      envelope('addons.invoice.created', { addonName: '500 pelanggan', number: 'SAAS/2026/12/7', amount: 250_000, dueDate: '2026-12-17', paymentUrl: 'https://bayar.simpul.id/x' }),
      envelope('addons.addon.activated', { addonName: '500 pelanggan' }),
    ];
    for (const event of cases) await handle(event);
    const byEvent = await Promise.all(cases.map((e) => messagesOf(e.id)));
    expect(byEvent.map((ms) => ms.map((m) => `${m.kind} → ${m.to}`).sort())).toEqual([
      ['technician_update → Dewi'],
      ['addon_invoice_created → Gita', 'addon_invoice_created → Owner godean'],
      ['addon_activated → Gita', 'addon_activated → Owner godean'],
    ]);
    expect(byEvent[0][0].body).toContain('Kabel drop diganti');
    expect(byEvent[1].find((m) => m.to === 'Gita')!.body).toContain('Rp 250.000');
    // The seeded owner has no phone: recorded, not silently dropped.
    expect(byEvent[2].find((m) => m.to === 'Owner godean')).toMatchObject({ status: 'skipped' });
  });

  it('should tell the customers of an outage area only when the tenant enabled it, minus those who opted out', async () => {
    const quiet = envelope('maps.outage.set', outage());
    await handle(quiet);
    // Admin Dewi, owners Gita and the seeded owner (no phone: skipped); no customer.
    expect((await messagesOf(quiet.id)).map((m) => `${m.kind} → ${m.to}`).sort()).toEqual(['outage_staff → Dewi', 'outage_staff → Gita', 'outage_staff → Owner godean']);

    expect((await call('PATCH', '/api/notifications/settings', { notifyOutageCustomers: true })).body.notifyOutageCustomers).toBe(true);
    expect((await call('PUT', `/api/notifications/opt-outs/${customerIds[2]}`, { reason: 'Minta tidak dikirimi WA' })).status).toBe(204);
    const told = envelope('maps.outage.set', outage());
    await handle(told);
    const toCustomers = (await messagesOf(told.id)).filter((m) => m.kind === 'outage_customer');
    expect(toCustomers.map((m) => [m.to, m.status]).sort()).toEqual([['Ani', 'pending'], ['Budi', 'pending'], ['Citra', 'skipped']]);
    expect(toCustomers.find((m) => m.to === 'Citra')!.reason).toContain('opted out');
    expect(toCustomers.find((m) => m.to === 'Ani')!.body).toContain('ODP Melati-03');
  });

  it('should queue nothing twice when an event is handled again', async () => {
    const event = envelope('maps.outage.cleared', outage());
    await handle(event);
    const first = await messagesOf(event.id);
    await handle(event);
    expect(await messagesOf(event.id)).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
  });

  it('should refuse an event that lacks what its rule reads, naming the field', async () => {
    const error = await handle(envelope('maps.outage.set', { outageId: newId(), level: 'ODP', customerIds: [] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as Error).message).toContain('areaName');
  });

  it('should refuse a template with an unknown variable at save time, and use a saved one for the next message', async () => {
    const bad = await call('PUT', '/api/notifications/templates/addon_activated', { language: 'id', body: 'Add-on {{addon_name}} aktif, sisa {{saldo}}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'TEMPLATE_UNKNOWN_VARIABLE', details: { unknown: ['saldo'] } });
    expect(bad.body.error.message).toContain('{{saldo}}');
    expect((await call('GET', '/api/notifications/templates/addon_activated')).body.texts.id.isDefault).toBe(true);

    const saved = await call('PUT', '/api/notifications/templates/addon_activated', { language: 'id', body: 'Mantap! {{addon_name}} aktif per {{activation_date}}.' });
    expect(saved.status).toBe(200);
    const event = envelope('addons.addon.activated', { addonName: 'Fitur Peta' });
    await handle(event);
    expect((await messagesOf(event.id)).map((m) => m.body)).toContain('Mantap! Fitur Peta aktif per 10 Desember 2026.');
  });

  it('should preview a template with sample values or given ones, in either language', async () => {
    const sample = await call('POST', '/api/notifications/templates/customer_isolated/preview', { language: 'en' });
    expect(sample.body.text).toContain('Dear Budi Santoso');
    expect(sample.body.text).toContain('Rp 150.000');
    const given = await call('POST', '/api/notifications/templates/invoice_unpaid_reminder/preview', {
      body: '{{customer_name}}: {{amount}} jatuh tempo {{due_date}}',
      values: { customer_name: 'Ani', amount: 275_000, due_date: '2026-12-31' },
    });
    expect(given.body).toEqual({ kind: 'invoice_unpaid_reminder', language: 'id', text: 'Ani: Rp 275.000 jatuh tempo 31 Desember 2026' });
    const unknown = await call('POST', '/api/notifications/templates/invoice_unpaid_reminder/preview', { values: { saldo: 5 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('TEMPLATE_UNKNOWN_VARIABLE');
    expect((await call('POST', '/api/notifications/templates/no_such_kind/preview', {})).status).toBe(400);
  });
});
