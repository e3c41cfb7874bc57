import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenantId } from '../../src/platform/db/database.ts';
import { apiCaller, buildTopology, type Topology } from '../ftth-topology.ts';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

/**
 * FTTH topology and outages through the API: 2 ODCs × 4 ODPs × 8 customers. An ODC outage
 * reaches its ODPs and their customers and nothing of the other ODC; clearing it leaves what an
 * ODP's own outage covers affected; a client outage is one customer; every step leaves history.
 */
describe.each(drivers)('FTTH outages on %s', (driver) => {
  let app: TestApp;
  let tenantId: string;
  let call: ReturnType<typeof apiCaller>;
  let topo: Topology;
  const underOutage = async () =>
    new Set((await app.db.tenant(asTenantId(tenantId), (trx) => sql<{ customer_id: string }>`select customer_id from maps_customers_under_outage`.execute(trx))).rows.map((r) => r.customer_id));
  const outbox = async (type: string) =>
    (await sql<{ data: any }>`select data from event_outbox where type = ${type} and tenant_id = ${tenantId} order by seq`.execute(app.db.owner)).rows.map((r) => r.data);

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-10T03:00:00Z' });
    const seeded = await seedTenantWithOwner(app, 'merapi');
    tenantId = seeded.tenantId;
    call = apiCaller(app, seeded.ownerCookie);
    topo = await buildTopology(app, seeded.ownerCookie, 'merapi', { odcs: 2, odpsPerOdc: 4, customersPerOdp: 8 });
  });
  afterAll(() => app?.stop());

  it('should list the topology with used ports', async () => {
    const odcs = (await call('GET', '/api/maps/odcs')).body;
    expect(odcs.map((o: { code: string; odpCount: number }) => [o.code, o.odpCount])).toEqual([['ODC-1', 4], ['ODC-2', 4]]);
    const odps = (await call('GET', `/api/maps/odps?odcId=${topo.odcs[0]!.id}`)).body;
    expect(odps).toHaveLength(4);
    expect(odps.every((o: { usedPorts: number; portCount: number }) => o.usedPorts === 8 && o.portCount === 8)).toBe(true);
  });

  it('should answer the map of a view (bbox): its customers, all ODCs and ODPs, and "zoom in" with a count above the limit', async () => {
    const odc1 = '110.365,-7.797,110.375,-7.785'; // around ODC-1 and its ODPs, not ODC-2's
    const view = (await call('GET', `/api/maps/data?bbox=${odc1}`)).body;
    const odc1Customers = topo.odcs[0]!.odps.flatMap((o) => o.customers);
    expect(new Set(view.customers.ids)).toEqual(new Set(odc1Customers));
    expect(view).toMatchObject({ truncated: false, customersInView: 32 });
    expect(view.odps).toHaveLength(8); // the whole tenant's topology: the legend filters and each customer's ODP index need it
    expect(view.counts.normal).toBe(64); // the legend counts the tenant, not the view

    const capped = (await call('GET', `/api/maps/data?bbox=${odc1}&limit=10`)).body;
    expect(capped).toMatchObject({ truncated: true, customersInView: 32 });
    expect(capped.customers.ids).toEqual([]);

    const tooMany = await call('GET', '/api/maps/data?limit=50001');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(tooMany.body.error.details.fields[0].field).toMatch(/limit$/);
    for (const bad of ['110.3,-7.8,110.4', '110.4,-7.8,110.3,-7.7', 'abc']) {
      const refused = await call('GET', `/api/maps/data?bbox=${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error.details.fields[0].field).toMatch(/bbox$/);
    }
    const page = (await call('GET', '/api/maps/odps?limit=3&offset=3')).body;
    expect(page.map((o: { code: string }) => o.code)).toEqual(['ODP-1-4', 'ODP-2-1', 'ODP-2-2']);
    expect((await call('GET', '/api/maps/odps?limit=5001')).status).toBe(400);
  });

  it('should refuse an unknown parent, a taken port, a port out of range and coordinates outside the world, with the field named and nothing changed', async () => {
    const unknownParent = await call('POST', '/api/maps/odps', { odcId: '0193a000-0000-7000-8000-0000000000ff', code: 'ODP-X', name: 'X', latitude: -7.8, longitude: 110.4, portCount: 8 });
    expect(unknownParent.status).toBe(422);
    expect(unknownParent.body.error).toMatchObject({ code: 'TOPOLOGY_INVALID', details: { fields: [{ field: 'odcId', problem: 'unknown ODC' }] } });

    const extra = await call('POST', '/api/customers', { name: 'Tambahan', phone: '081299990000', planId: topo.planId, connectionType: 'pppoe', pppoeUsername: 'extra@merapi', activatedOn: '2026-10-01' });
    const odp = topo.odcs[0]!.odps[0]!;
    const taken = await call('PUT', `/api/maps/customers/${extra.body.id}/port`, { odpId: odp.id, port: 3 });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'PORT_TAKEN', details: { fields: [{ field: 'port', problem: 'taken' }] } });
    const outOfRange = await call('PUT', `/api/maps/customers/${extra.body.id}/port`, { odpId: odp.id, port: 9 });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.error).toMatchObject({ code: 'TOPOLOGY_INVALID', details: { fields: [{ field: 'port', problem: 'out of range 1–8' }] } });
    expect((await call('GET', `/api/maps/customers/${extra.body.id}/port`)).body).toBeNull();

    const world = await call('POST', '/api/maps/odcs', { code: 'ODC-X', name: 'Luar', latitude: 91, longitude: 200, capacity: 8 });
    expect(world.status).toBe(400);
    expect(world.body.error.details.fields.map((f: { field: string; problem: string }) => [f.field, f.problem]).sort()).toEqual([
      ['body.latitude', 'outside the world (−90…90)'],
      ['body.longitude', 'outside the world (−180…180)'],
    ]);
    const drag = await call('PATCH', `/api/maps/odps/${odp.id}`, { latitude: -95 });
    expect(drag.status).toBe(400);
    expect((await call('GET', '/api/maps/odcs')).body).toHaveLength(2);
  });

  it('should move an ODP when it is dragged on the map', async () => {
    const odp = topo.odcs[1]!.odps[3]!;
    const moved = await call('PATCH', `/api/maps/odps/${odp.id}`, { latitude: -7.801234, longitude: 110.412345 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ latitude: -7.801234, longitude: 110.412345, usedPorts: 8 });
  });

  it('should propagate an ODC outage to its 4 ODPs and 32 customers and leave the other ODC untouched', async () => {
    const [odc1, odc2] = topo.odcs;
    const res = await call('POST', '/api/maps/outages', { element: { kind: 'odc', id: odc1!.id }, cause: 'Kabel feeder putus tertabrak truk' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ elementKind: 'odc', elementName: 'ODC-1 Kabinet 1', affectedOdps: 4, affectedCustomers: 32, clearedAt: null });
    const affected = await underOutage();
    expect(affected.size).toBe(32);
    for (const odp of odc1!.odps) for (const c of odp.customers) expect(affected.has(c)).toBe(true);
    for (const odp of odc2!.odps) for (const c of odp.customers) expect(affected.has(c)).toBe(false);
    const [event] = await outbox('maps.outage.set');
    expect(event).toMatchObject({ level: 'ODC', elementId: odc1!.id, affectedOdps: 4, affectedCustomers: 32 });
    expect(event.customerIds).toHaveLength(32);
    // The same element again: refused while the first is open.
    const again = await call('POST', '/api/maps/outages', { element: { kind: 'odc', id: odc1!.id }, cause: 'lagi' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('OUTAGE_ALREADY_OPEN');

    const radius = (await call('GET', `/api/maps/blast-radius?kind=odc&id=${odc1!.id}`)).body;
    expect(radius).toMatchObject({ odps: 4, customers: 32, underOutage: 32 });
    const map = (await call('GET', '/api/maps/data')).body;
    expect(map.counts).toMatchObject({ under_outage: 0, affected: 32, normal: 32 });
    expect(map.odcs.map((o: { state: string }) => o.state)).toEqual(['u', 'n']);
  });

  it('should keep an ODP with its own outage affected when its ODC clears', async () => {
    const odc1 = topo.odcs[0]!;
    const odp = odc1.odps[1]!;
    const own = await call('POST', '/api/maps/outages', { element: { kind: 'odp', id: odp.id }, cause: 'Splitter basah' });
    expect(own.body).toMatchObject({ affectedOdps: 1, affectedCustomers: 8 });
    const odcOutage = (await call('GET', `/api/maps/outages?status=open&elementId=${odc1.id}`)).body[0];
    const cleared = await call('POST', `/api/maps/outages/${odcOutage.id}/clear`, { note: 'Kabel disambung' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ restoredCustomers: 24, affectedCustomers: 32 });
    expect(cleared.body.clearedAt).not.toBeNull();
    const affected = await underOutage();
    expect([...affected].sort()).toEqual([...odp.customers].sort());
    const event = (await outbox('maps.outage.cleared'))[0];
    expect(event).toMatchObject({ restoredCustomers: 24, stillAffected: 8 });
    expect(event.customerIds.some((c: string) => odp.customers.includes(c))).toBe(false);
    expect((await call('POST', `/api/maps/outages/${odcOutage.id}/clear`, {})).body.error.code).toBe('OUTAGE_ALREADY_CLEARED');
  });

  it('should affect only the customer of a client outage', async () => {
    const customer = topo.odcs[1]!.odps[0]!.customers[5]!;
    const res = await call('POST', '/api/maps/outages', { element: { kind: 'client', id: customer }, cause: 'Kabel drop digigit tikus', expectedEndAt: '2026-12-10T09:00:00Z' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ elementKind: 'client', affectedOdps: 0, affectedCustomers: 1, elementName: 'Pelanggan 2.1.6' });
    const affected = await underOutage();
    expect(affected.has(customer)).toBe(true);
    expect(affected.size).toBe(9);
    const map = (await call('GET', '/api/maps/data')).body;
    expect(map.counts).toMatchObject({ under_outage: 1, affected: 8 });
    const badEnd = await call('POST', '/api/maps/outages', { element: { kind: 'client', id: topo.odcs[1]!.odps[0]!.customers[0] }, cause: 'x', expectedEndAt: '2026-12-09T09:00:00Z' });
    expect(badEnd.status).toBe(422);
    expect(badEnd.body.error.details.fields[0].field).toBe('expectedEndAt');
  });

  it('should count a customer put on an ODP under an open outage as affected', async () => {
    const odp = topo.odcs[0]!.odps[1]!; // its own outage is still open
    const late = await call('POST', '/api/customers', { name: 'Baru Pasang', phone: '081299990001', planId: topo.planId, connectionType: 'pppoe', pppoeUsername: 'late@merapi', activatedOn: '2026-12-01' });
    // Its 8 ports are full: one more port first.
    expect((await call('PATCH', `/api/maps/odps/${odp.id}`, { portCount: 16 })).status).toBe(200);
    expect((await call('PUT', `/api/maps/customers/${late.body.id}/port`, { odpId: odp.id, port: 9 })).status).toBe(200);
    expect((await underOutage()).has(late.body.id)).toBe(true);
    expect((await call('PATCH', `/api/maps/odps/${odp.id}`, { portCount: 8 })).body.error).toMatchObject({ code: 'TOPOLOGY_INVALID', details: { fields: [{ field: 'portCount', problem: 'at least 9' }] } });
  });

  it('should keep history per element and per customer', async () => {
    const odc1 = topo.odcs[0]!;
    const odcHistory = (await call('GET', `/api/maps/outages?elementId=${odc1.id}`)).body;
    expect(odcHistory).toHaveLength(1);
    const detail = (await call('GET', `/api/maps/outages/${odcHistory[0].id}`)).body;
    expect(detail.history.map((h: { action: string; affectedCustomers: number; restoredCustomers: number | null }) => [h.action, h.affectedCustomers, h.restoredCustomers])).toEqual([
      ['set', 32, null],
      ['cleared', 32, 24],
    ]);
    // A customer of the ODP with its own outage: both outages are in their history.
    const customer = odc1.odps[1]!.customers[0]!;
    const theirs = (await call('GET', `/api/maps/outages?customerId=${customer}`)).body;
    expect(theirs.map((o: { elementKind: string; clearedAt: string | null }) => [o.elementKind, o.clearedAt === null])).toEqual([
      ['odp', true],
      ['odc', false],
    ]);
    const unaffected = topo.odcs[1]!.odps[2]!.customers[0]!;
    expect((await call('GET', `/api/maps/outages?customerId=${unaffected}`)).body).toEqual([]);
  });

  it('should import ODPs from a CSV: a preview with row errors, a refused commit, then a clean commit', async () => {
    const bad = ['code,name,lat,lng,parent,ports', 'ODP-9-1,Tiang Baru,-7.81,110.40,ODC-1,8', 'ODP-9-2,Tiang Dua,-97,110.40,ODC-1,8', 'ODP-9-3,Tiang Tiga,-7.82,110.41,ODC-404,8', 'ODP-1-1,Kembar,-7.82,110.41,ODC-2,300'].join('\n');
    const preview = await call('POST', '/api/maps/import/preview', { kind: 'odp', csv: bad });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ total: 4, valid: 1, invalid: 3 });
    const errors = Object.fromEntries(preview.body.rows.map((r: { line: number; errors: { field: string; problem: string }[] }) => [r.line, r.errors]));
    expect(errors[2]).toEqual([]);
    expect(errors[3]).toEqual([{ field: 'lat', problem: 'outside the world (−90…90)' }]);
    expect(errors[4]).toEqual([{ field: 'parent', problem: 'unknown ODC "ODC-404"' }]);
    expect(errors[5]).toEqual([
      { field: 'code', problem: 'already exists' },
      { field: 'ports', problem: 'a whole number 1–256' },
    ]);
    const refused = await call('POST', '/api/maps/import', { kind: 'odp', csv: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('IMPORT_INVALID');
    expect(refused.body.error.details.rows).toHaveLength(3);
    expect((await call('GET', '/api/maps/odps')).body).toHaveLength(8);

    const good = ['code;name;lat;lng;parent;ports', 'ODP-9-1;"Tiang Baru; ujung";-7.81;110.40;ODC-1;16', 'ODP-9-2;Tiang Dua;-7.815;110.405;ODC-2;8'].join('\r\n');
    const done = await call('POST', '/api/maps/import', { kind: 'odp', csv: good });
    expect(done.status).toBe(201);
    expect(done.body).toEqual({ kind: 'odp', imported: 2 });
    const odps = (await call('GET', '/api/maps/odps')).body;
    expect(odps.find((o: { code: string }) => o.code === 'ODP-9-1')).toMatchObject({ name: 'Tiang Baru; ujung', portCount: 16, splitterRatio: '1:16', odcId: topo.odcs[0]!.id });
  });
  it('should draw cable routes with their length, in the colour of the ODP they serve, and refuse bad routes', async () => {
    const odc1 = topo.odcs[0]!;
    const feeder = await call('POST', '/api/maps/cables', { name: 'Distribusi 1-2', kind: 'distribution', points: [[-7.79, 110.37], [-7.791, 110.371], [-7.792, 110.371]], odcId: odc1.id, odpId: odc1.odps[1]!.id });
    expect(feeder.status).toBe(201);
    expect(feeder.body.lengthM).toBeGreaterThan(200);
    expect(feeder.body.lengthM).toBeLessThan(300);
    const other = await call('POST', '/api/maps/cables', { name: 'Distribusi 2-3', kind: 'distribution', points: [[-7.8, 110.38], [-7.801, 110.381]], odpId: topo.odcs[1]!.odps[2]!.id });
    expect(other.status).toBe(201);
    const map = (await call('GET', '/api/maps/data')).body;
    expect(Object.fromEntries(map.cables.map((c: { name: string; state: string }) => [c.name, c.state]))).toEqual({ 'Distribusi 1-2': 'u', 'Distribusi 2-3': 'n' });
    const one = await call('POST', '/api/maps/cables', { name: 'Pendek', kind: 'drop', points: [[-7.8, 110.38]] });
    expect(one.status).toBe(400);
    expect(one.body.error.details.fields[0]).toMatchObject({ field: 'body.points', problem: 'at least two points' });
    const away = await call('POST', '/api/maps/cables', { name: 'Jauh', kind: 'drop', points: [[-7.8, 110.38], [-97, 110.38]] });
    expect(away.status).toBe(400);
    const unknown = await call('POST', '/api/maps/cables', { name: 'Hilang', kind: 'drop', points: [[-7.8, 110.38], [-7.81, 110.38]], odpId: '0193a000-0000-7000-8000-0000000000ff' });
    expect(unknown.body.error).toMatchObject({ code: 'TOPOLOGY_INVALID', details: { fields: [{ field: 'odpId', problem: 'unknown ODP' }] } });
    expect((await call('GET', '/api/maps/cables')).body).toHaveLength(2);
    expect((await call('DELETE', `/api/maps/cables/${other.body.id}`)).status).toBe(200);
    expect((await call('GET', '/api/maps/cables')).body).toHaveLength(1);
  });
});
