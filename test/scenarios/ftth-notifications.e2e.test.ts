import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenantId } from '../../src/platform/db/database.ts';
import { apiCaller, buildTopology, type Topology } from '../ftth-topology.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

const poll = { timeout: 15_000, interval: 100 };
type Message = { kind: string; status: string; recipientName: string; recipientType: string; body: string };

/**
 * Outages → WhatsApp and technician work, with the bus running: admin and owner hear of every
 * set and clear once; customers only where the tenant switched it on, once each, then the
 * "restored" message; 20 affected customers ask for a technician task, 19 do not. RADIUS
 * accounting stops of one ODP's customers suggest an outage there, never set one.
 */
describe.each(drivers)('FTTH outage notifications on %s', (driver) => {
  let app: TestApp;
  const tenants = {} as Record<'on' | 'off', { id: string; call: ReturnType<typeof apiCaller>; topo: Topology }>;
  const messages = async (which: 'on' | 'off', query = ''): Promise<Message[]> => (await tenants[which].call('GET', `/api/notifications/messages?limit=500${query}`)).body;
  const count = (list: Message[]) => {
    const out: Record<string, number> = {};
    for (const m of list) out[`${m.kind}/${m.recipientType === 'staff' ? m.recipientName : 'customer'}`] = (out[`${m.kind}/${m.recipientType === 'staff' ? m.recipientName : 'customer'}`] ?? 0) + 1;
    return out;
  };
  const outbox = async (which: 'on' | 'off', type: string) =>
    (await sql<{ data: any }>`select data from event_outbox where type = ${type} and tenant_id = ${tenants[which].id} order by seq`.execute(app.db.owner)).rows.map((r) => r.data);
  /** Every event of `type` went through the WhatsApp handler. */
  const handled = (which: 'on' | 'off', type: string) =>
    expect
      .poll(async () => {
        const { rows } = await sql<{ total: number; done: number }>`
          select count(*)::int as total, count(i.event_id)::int as done from event_outbox o
          left join event_inbox i on i.event_id = o.id and i.handler_id = 'notifications.queue-messages'
          where o.type = ${type} and o.tenant_id = ${tenants[which].id}`.execute(app.db.owner);
        return rows[0]!.total > 0 && rows[0]!.total === rows[0]!.done;
      }, poll)
      .toBe(true);

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-10T03:00:00Z', events: true });
    for (const [which, slug] of [['on', 'kaliurang'], ['off', 'pakem']] as const) {
      const { tenantId, ownerCookie } = await seedTenantWithOwner(app, slug);
      const call = apiCaller(app, ownerCookie);
      await addStaff(app, ownerCookie, { email: `dewi@${slug}.test`, name: 'Dewi', phone: '0812-5555-0001', roles: ['admin'], password: 'rahasia-staf-1' });
      await addStaff(app, ownerCookie, { email: `wati@${slug}.test`, name: 'Wati', phone: '0812-5555-0002', roles: ['owner'], password: 'rahasia-staf-1' });
      await addStaff(app, ownerCookie, { email: `fitri@${slug}.test`, name: 'Fitri', phone: '0812-5555-0003', roles: ['finance'], password: 'rahasia-staf-1' });
      expect((await call('PATCH', '/api/notifications/settings', { notifyOutageCustomers: which === 'on' })).status).toBe(200);
      const topo = await buildTopology(app, ownerCookie, slug, { odcs: 1, odpsPerOdc: 4, customersPerOdp: 5 });
      tenants[which] = { id: tenantId, call, topo };
    }
  });
  afterAll(() => app?.stop());

  it('should tell admin and owner once of the set, and the customers only where the switch is on, once each', async () => {
    for (const which of ['on', 'off'] as const) {
      const res = await tenants[which].call('POST', '/api/maps/outages', { element: { kind: 'odc', id: tenants[which].topo.odcs[0]!.id }, cause: 'Listrik kabinet padam' });
      expect(res.body).toMatchObject({ affectedCustomers: 20, technicianRequested: true });
      await handled(which, 'maps.outage.set');
    }
    expect(count(await messages('on'))).toEqual({ 'outage_staff/Dewi': 1, 'outage_staff/Wati': 1, 'outage_staff/Owner kaliurang': 1, 'outage_customer/customer': 20 });
    expect(count(await messages('off'))).toEqual({ 'outage_staff/Dewi': 1, 'outage_staff/Wati': 1, 'outage_staff/Owner pakem': 1 });
    const dewi = (await messages('on', '&kind=outage_staff')).find((m) => m.recipientName === 'Dewi')!;
    expect(dewi.body).toContain('Gangguan ODC di *ODC-1 Kabinet 1*');
    expect(dewi.body).toContain('20 pelanggan terdampak');
    const customer = (await messages('on', '&kind=outage_customer'))[0]!;
    expect(customer.body).toContain('gangguan jaringan di area ODC-1 Kabinet 1');
  });

  it('should ask for one technician task at 20 affected customers and none at 19', async () => {
    expect(await outbox('on', 'maps.outage.technician_requested')).toEqual([
      expect.objectContaining({ level: 'ODC', elementId: tenants.on.topo.odcs[0]!.id, affectedCustomers: 20, threshold: 20 }),
    ]);
  });

  it('should send the restored message to each customer after the clear, and the clear once to admin and owner', async () => {
    app.clock.set('2026-12-10T05:30:00Z');
    for (const which of ['on', 'off'] as const) {
      const open = (await tenants[which].call('GET', '/api/maps/outages?status=open')).body;
      expect((await tenants[which].call('POST', `/api/maps/outages/${open[0].id}/clear`, { note: 'PLN menyala' })).status).toBe(200);
      await handled(which, 'maps.outage.cleared');
    }
    expect(count(await messages('on'))).toEqual({
      'outage_staff/Dewi': 1,
      'outage_staff/Wati': 1,
      'outage_staff/Owner kaliurang': 1,
      'outage_customer/customer': 20,
      'outage_cleared_staff/Dewi': 1,
      'outage_cleared_staff/Wati': 1,
      'outage_cleared_staff/Owner kaliurang': 1,
      'outage_cleared_customer/customer': 20,
    });
    expect(count(await messages('off', '&kind=outage_cleared_staff'))).toEqual({ 'outage_cleared_staff/Dewi': 1, 'outage_cleared_staff/Wati': 1, 'outage_cleared_staff/Owner pakem': 1 });
    expect(await messages('off', '&kind=outage_cleared_customer')).toEqual([]);
    const restored = (await messages('on', '&kind=outage_cleared_customer'))[0]!;
    expect(restored.body).toContain('sudah pulih');
    // Each customer: the set message first, then the restored one.
    const sent = await sql<{ recipient_id: string; kinds: string[] }>`
      select recipient_id, array_agg(kind order by created_at, idempotency_key) as kinds from notifications_messages
      where tenant_id = ${tenants.on.id} and recipient_type = 'customer' group by recipient_id`.execute(app.db.owner);
    expect(sent.rows).toHaveLength(20);
    for (const r of sent.rows) expect(r.kinds).toEqual(['outage_customer', 'outage_cleared_customer']);
  });

  it('should not ask for a technician for 19 affected customers', async () => {
    const { call, topo } = tenants.on;
    const odc = topo.odcs[0]!;
    expect((await call('DELETE', `/api/maps/customers/${odc.odps[3]!.customers[4]}/port`)).status).toBe(200);
    const res = await call('POST', '/api/maps/outages', { element: { kind: 'odc', id: odc.id }, cause: 'Kabel feeder putus' });
    expect(res.body).toMatchObject({ affectedCustomers: 19, technicianRequested: false });
    expect(await outbox('on', 'maps.outage.technician_requested')).toHaveLength(1);
    await call('POST', `/api/maps/outages/${res.body.id}/clear`, {});
  });

  it('should suggest an outage on an ODP when 5 of its customers go offline within 10 minutes, once, and set one only when staff accept', async () => {
    const { call, topo, id } = tenants.on;
    const odp = topo.odcs[0]!.odps[1]!;
    const offline = (customerId: string, at: string) =>
      app.db.tenant(asTenantId(id), (trx) =>
        app.bus.publish(trx, 'network.customer.offline', { customerId, username: 'x', occurredAt: at, uploadBytes: 0, downloadBytes: 0, terminateCause: 'Lost-Carrier' }, { key: customerId }),
      );
    // Another ODP: 3 at 06:00 and 2 at 06:15 are never 5 within 10 minutes.
    const other = topo.odcs[0]!.odps[2]!;
    for (const c of other.customers.slice(0, 3)) await offline(c, '2026-12-10T06:00:00.000Z');
    for (const c of other.customers.slice(3, 5)) await offline(c, '2026-12-10T06:15:00.000Z');
    for (const [i, c] of odp.customers.slice(0, 4).entries()) await offline(c, `2026-12-10T06:0${i}:00.000Z`);
    const signalsDone = (n: number) =>
      expect
        .poll(async () => (await sql<{ n: number }>`select count(*)::int as n from event_inbox where handler_id = 'maps.line-signals' and tenant_id = ${id}`.execute(app.db.owner)).rows[0]!.n, poll)
        .toBe(n);
    await signalsDone(9);
    expect((await call('GET', '/api/maps/suggestions')).body).toEqual([]);
    await offline(odp.customers[4]!, '2026-12-10T06:08:00.000Z');
    await signalsDone(10);
    const suggestions = (await call('GET', '/api/maps/suggestions')).body;
    expect(suggestions).toEqual([expect.objectContaining({ odpId: odp.id, offlineCustomers: 5, windowMinutes: 10, status: 'open', outageId: null })]);
    expect(await outbox('on', 'maps.outage.suggested')).toEqual([expect.objectContaining({ odpId: odp.id, offlineCustomers: 5 })]);
    expect((await call('GET', '/api/maps/outages?status=open')).body).toEqual([]);
    const map = (await call('GET', '/api/maps/data')).body;
    expect(map.counts.offline).toBe(10);

    const accepted = await call('POST', `/api/maps/suggestions/${suggestions[0].id}/accept`, {});
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    const open = (await call('GET', '/api/maps/outages?status=open')).body;
    expect(open).toEqual([expect.objectContaining({ id: accepted.body.outageId, elementKind: 'odp', elementId: odp.id, affectedCustomers: 5 })]);
    expect((await call('POST', `/api/maps/suggestions/${suggestions[0].id}/dismiss`)).body.error.code).toBe('SUGGESTION_CLOSED');
  });
});
