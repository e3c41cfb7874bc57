import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, buildTopology, type Topology } from '../ftth-topology.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

const poll = { timeout: 15_000, interval: 100 };

/**
 * A tenant that wants an admin to confirm: the technician's fix only proposes clearing the
 * outage (the map stays red), the admin's confirmation clears it and the lines are re-checked.
 * Staff may also create an outage-fix task for a small outage by hand.
 */
describe.each(drivers)('outage fix proposed, then confirmed, on %s', (driver) => {
  let app: TestApp;
  let owner: ReturnType<typeof apiCaller>;
  let tech: ReturnType<typeof apiCaller>;
  let topo: Topology;
  let taskId: string;
  let outageId: string;

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-10T03:00:00Z', events: true });
    const seeded = await seedTenantWithOwner(app, 'berbah');
    owner = apiCaller(app, seeded.ownerCookie);
    const t = await addStaff(app, seeded.ownerCookie, { email: 'tono@berbah.test', name: 'Tono', roles: ['technician'], password: 'rahasia-staf-1' });
    tech = apiCaller(app, t.cookie);
    topo = await buildTopology(app, seeded.ownerCookie, 'berbah', { odcs: 1, odpsPerOdc: 1, customersPerOdp: 3 });
    expect((await owner('PATCH', '/api/technicians/settings', { outageFixMode: 'propose' })).body.outageFixMode).toBe('propose');
    outageId = (await owner('POST', '/api/maps/outages', { element: { kind: 'odp', id: topo.odcs[0]!.odps[0]!.id }, cause: 'Splitter basah' })).body.id;
    const task = await owner('POST', '/api/tasks', { kind: 'outage_fix', title: 'Splitter ODP-1-1', target: { kind: 'outage', id: outageId }, assigneeIds: [t.userId] });
    expect(task.status).toBe(201);
    taskId = task.body.id;
  }, 60_000);
  afterAll(() => app?.stop());

  it('should refuse an outage-fix task for anything but an outage', async () => {
    const wrong = await owner('POST', '/api/tasks', { kind: 'outage_fix', title: 'x', target: { kind: 'odp', id: topo.odcs[0]!.odps[0]!.id } });
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'target.kind' }] } } } });
  });

  it('should only propose the clear on the technician’s fix: the outage stays open', async () => {
    const fixed = await tech('POST', `/api/tasks/${taskId}/outage-fix`, { note: 'Splitter diganti' });
    expect(fixed.body).toMatchObject({ fixAppliedAt: null, fixRequestedAt: '2026-12-10T03:00:00.000Z' });
    expect((await owner('GET', '/api/maps/outages?status=open')).body.map((o: { id: string }) => o.id)).toEqual([outageId]);
    expect((await tech('POST', `/api/tasks/${taskId}/outage-fix/confirm`, {})).status).toBe(403); // office staff confirm
  });

  it('should clear the outage on the admin’s confirmation and re-check its three lines', async () => {
    app.clock.advance(15 * 60_000);
    const confirmed = await owner('POST', `/api/tasks/${taskId}/outage-fix/confirm`, {});
    expect(confirmed.body.fixAppliedAt).toBe('2026-12-10T03:15:00.000Z');
    expect((await owner('GET', '/api/maps/outages?status=open')).body).toEqual([]);
    await expect.poll(async () => (await owner('GET', `/api/tasks/${taskId}`)).body.lines, poll).toEqual({ rechecked: 3, backOnline: 0 });
    expect((await owner('POST', `/api/tasks/${taskId}/outage-fix/confirm`, {})).body.error.code).toBe('OUTAGE_FIX_INVALID');
  });
});
