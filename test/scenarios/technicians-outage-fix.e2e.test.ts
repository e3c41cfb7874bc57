import exifr from 'exifr';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, buildTopology, type Topology } from '../ftth-topology.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { phonePhoto, uploadPhoto } from '../technicians.ts';

const poll = { timeout: 20_000, interval: 100 };

/**
 * The issue's first "must show": an outage with 20 affected customers creates one outage-fix
 * task; the technician logs two activities with photos (one with EXIF GPS) and fixes it: the
 * outage is cleared and the map turns back, the lines are re-checked, the admin hears of each
 * activity on WhatsApp; the stored image has no EXIF left, its GPS is on the record; the task
 * counts who came back online within 10 minutes.
 */
describe.each(drivers)('technician outage fix on %s', (driver) => {
  let app: TestApp;
  let owner: ReturnType<typeof apiCaller>;
  let budi: ReturnType<typeof apiCaller>;
  let budiCookie: string;
  let budiId: string;
  let tenantId: string;
  let topo: Topology;
  let customers: string[];
  let taskId: string;
  const activityIds: string[] = [];
  const photoIds: string[] = [];

  const lineVersions = async () =>
    Object.fromEntries(
      (await sql<{ customer_id: string; desired_version: number }>`select customer_id, desired_version::int from network_line_sync where tenant_id = ${tenantId}`.execute(app.db.owner)).rows.map((r) => [
        r.customer_id,
        r.desired_version,
      ]),
    );

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-10T03:00:00Z', events: true });
    const seeded = await seedTenantWithOwner(app, 'sleman');
    tenantId = seeded.tenantId;
    owner = apiCaller(app, seeded.ownerCookie);
    await addStaff(app, seeded.ownerCookie, { email: 'dewi@sleman.test', name: 'Dewi', phone: '0812-5555-0001', roles: ['admin'], password: 'rahasia-staf-1' });
    const tech = await addStaff(app, seeded.ownerCookie, { email: 'budi@sleman.test', name: 'Budi', phone: '0812-5555-0002', roles: ['technician'], password: 'rahasia-staf-1' });
    budiCookie = tech.cookie;
    budiId = tech.userId;
    budi = apiCaller(app, budiCookie);
    const router = await owner('POST', '/api/routers', { name: 'BRAS Sleman', host: '127.0.0.1', apiKind: 'rest', username: 'simpul', password: 'unused-for-radius', pppoeViaRadius: true, radiusSecret: 'nas-rahasia', radiusCoaPort: 39_799 });
    expect(router.status).toBe(201);
    topo = await buildTopology(app, seeded.ownerCookie, 'sleman', { odcs: 1, odpsPerOdc: 4, customersPerOdp: 5 });
    customers = topo.odcs[0]!.odps.flatMap((p) => p.customers);
    for (const id of customers) expect((await owner('PATCH', `/api/customers/${id}`, { routerId: router.body.id, private: { pppoePassword: 'rahasia-ppp' } })).status).toBe(200);
  }, 120_000);
  afterAll(() => app?.stop());

  it('should create one outage-fix task for an outage with 20 affected customers, and answer the same task when asked again', async () => {
    await expect.poll(async () => Object.keys(await lineVersions()).length, poll).toBe(20); // every line known to the network
    const outage = await owner('POST', '/api/maps/outages', { element: { kind: 'odc', id: topo.odcs[0]!.id }, cause: 'Kabel feeder putus' });
    expect(outage.body).toMatchObject({ affectedCustomers: 20, technicianRequested: true });
    await expect.poll(async () => (await owner('GET', '/api/tasks?kind=outage_fix')).body.length, poll).toBe(1);
    const [task] = (await owner('GET', '/api/tasks?kind=outage_fix')).body;
    expect(task).toMatchObject({ kind: 'outage_fix', source: 'outage', status: 'open', priority: 'urgent', target: { kind: 'outage', id: outage.body.id, name: 'ODC-1 Kabinet 1' } });
    taskId = task.id;
    const again = await owner('POST', '/api/tasks', { kind: 'outage_fix', title: 'Lagi', target: { kind: 'outage', id: outage.body.id } });
    expect(again).toMatchObject({ status: 200, body: { id: taskId } });
    expect((await owner('GET', '/api/tasks?status=all')).body).toHaveLength(1);
  });

  it('should let the assigned technician see it in their tasks and move it, with who and when in its history', async () => {
    expect((await budi('GET', '/api/tasks?assignee=me')).body).toEqual([]);
    expect((await budi('GET', `/api/tasks/${taskId}`)).status).toBe(404); // not theirs: not visible
    expect((await budi('POST', `/api/tasks/${taskId}/status`, { status: 'on_the_way' })).body.error.code).toBe('TASK_NOT_ASSIGNED');
    const assigned = await owner('PUT', `/api/tasks/${taskId}/assignees`, { assigneeIds: [budiId] });
    expect(assigned.body).toMatchObject({ status: 'assigned', assignees: [{ userId: budiId, name: 'Budi' }] });
    expect((await budi('GET', '/api/tasks?assignee=me')).body.map((t: { id: string }) => t.id)).toEqual([taskId]);
    app.clock.advance(5 * 60_000);
    expect((await budi('POST', `/api/tasks/${taskId}/status`, { status: 'on_the_way' })).body.status).toBe('on_the_way');
    expect((await budi('POST', `/api/tasks/${taskId}/status`, { status: 'assigned' })).body.error.code).toBe('TASK_STATUS_INVALID');
    const history = (await owner('GET', `/api/tasks/${taskId}/history`)).body;
    expect(history.map((h: { from: string | null; to: string; actorName: string | null }) => [h.from, h.to, h.actorName])).toEqual([
      [null, 'open', null],
      ['open', 'assigned', 'Owner sleman'],
      ['assigned', 'on_the_way', 'Budi'],
    ]);
    expect(history[2].at).toBe('2026-12-10T03:05:00.000Z');
  });

  it('should log two activities with photos: GPS read from EXIF onto the record, no EXIF left in the stored image', async () => {
    app.clock.advance(20 * 60_000);
    const first = await budi('POST', `/api/tasks/${taskId}/activities`, { note: 'Kabel feeder putus di tiang 14, sambung ulang (splicing).', status: 'working' });
    expect(first.status).toBe(201);
    activityIds.push(first.body.id);
    const withGps = await phonePhoto({ gps: { lat: -7.786761, lng: 110.375 }, takenAt: '2026:12:10 10:24:30' });
    expect((await exifr.parse(withGps)).latitude).toBeCloseTo(-7.786761, 5);
    const photo1 = await uploadPhoto(app, budiCookie, `/api/tasks/${taskId}/photos?activityId=${first.body.id}`, withGps);
    expect(photo1.status).toBe(201);
    expect(photo1.body).toMatchObject({ activityId: first.body.id, contentType: 'image/jpeg', takenAt: '2026-12-10T03:24:30.000Z' });
    expect(photo1.body.latitude).toBeCloseTo(-7.786761, 5);
    expect(photo1.body.longitude).toBeCloseTo(110.375, 5);
    photoIds.push(photo1.body.id);

    const second = await budi('POST', `/api/tasks/${taskId}/activities`, { note: 'Redaman ODP-1-1 −19 dBm, normal.' });
    activityIds.push(second.body.id);
    const photo2 = await uploadPhoto(app, budiCookie, `/api/tasks/${taskId}/photos?activityId=${second.body.id}`, await phonePhoto({ format: 'png', width: 800, height: 600 }), { filename: 'redaman.png', contentType: 'image/png' });
    expect(photo2.body).toMatchObject({ latitude: null, longitude: null, takenAt: null, contentType: 'image/jpeg', width: 800, height: 600 });
    photoIds.push(photo2.body.id);

    const log = (await owner('GET', `/api/tasks/${taskId}/activities`)).body;
    expect(log.map((a: { technicianName: string; photos: unknown[] }) => [a.technicianName, a.photos.length])).toEqual([['Budi', 1], ['Budi', 1]]);
    expect((await owner('GET', `/api/tasks/${taskId}`)).body.status).toBe('working');

    // The stored bytes, fetched as staff through the short-lived link: upright JPEG, no metadata.
    const links = (await owner('GET', `/api/photos/${photo1.body.id}/links`)).body;
    const file = await app.http.inject({ method: 'GET', url: links.url, headers: { cookie: (await ownerCookieOf()) } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const stored = file.rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 });
    expect(meta.exif).toBeUndefined();
    expect(await exifr.parse(stored)).toBeUndefined();
    expect(stored.includes(Buffer.from('Galaxy A15'))).toBe(false);
    const thumb = await app.http.inject({ method: 'GET', url: links.thumbnailUrl, headers: { cookie: await ownerCookieOf() } });
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ width: 320, height: 240 });
  });

  let ownerCookie = '';
  const ownerCookieOf = async () => ownerCookie || (ownerCookie = (await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'owner@sleman.test', password: 'pemilik-123456' } })).cookies.map((c) => `${c.name}=${c.value}`).join('; '));

  it('should tell the admin on WhatsApp once per activity ("Technician reported update")', async () => {
    await expect
      .poll(async () => (await owner('GET', '/api/notifications/messages?kind=technician_update&limit=50')).body.map((m: { recipientName: string }) => m.recipientName), poll)
      .toEqual(['Dewi', 'Dewi']);
    const bodies = (await owner('GET', '/api/notifications/messages?kind=technician_update&limit=50')).body.map((m: { body: string }) => m.body).join('\n');
    expect(bodies).toContain('Budi');
    expect(bodies).toContain('Kabel feeder putus di tiang 14');
  });

  it('should clear the outage on the fix: the map turns back and the 20 lines are re-checked', async () => {
    expect((await owner('GET', '/api/maps/data')).body.counts).toMatchObject({ under_outage: 0, affected: 20 });
    const before = await lineVersions();
    app.clock.advance(10 * 60_000);
    const fixed = await budi('POST', `/api/tasks/${taskId}/outage-fix`, { note: 'Sambungan selesai' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.fixAppliedAt).toBe('2026-12-10T03:35:00.000Z');
    expect((await owner('GET', '/api/maps/outages?status=open')).body).toEqual([]);
    expect((await owner('GET', '/api/maps/data')).body.counts).toMatchObject({ affected: 0, normal: 20 });
    expect((await budi('POST', `/api/tasks/${taskId}/outage-fix`, {})).body.error.code).toBe('OUTAGE_FIX_INVALID');
    await expect.poll(async () => (await owner('GET', `/api/tasks/${taskId}`)).body.lines, poll).toEqual({ rechecked: 20, backOnline: 0 });
    const after = await lineVersions();
    for (const id of customers) expect(after[id]).toBeGreaterThan(before[id]!);
  });

  it('should count the customers whose RADIUS session started within 10 minutes of the fix', async () => {
    const start = async (customerId: string, minutesAfter: number, n: number) => {
      const username = (await sql<{ username: string }>`select username from radius_users where customer_id = ${customerId}`.execute(app.db.owner)).rows[0]!.username;
      const at = new Date(Date.parse('2026-12-10T03:35:00Z') + minutesAfter * 60_000);
      await sql`insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime) values (${`s${n}`}, ${`u-s${n}`}, ${username}, '10.9.0.1', ${at})`.execute(app.db.owner);
    };
    for (const [i, id] of customers.slice(0, 15).entries()) await start(id, 2 + (i % 7), i);
    for (const [i, id] of customers.slice(15, 17).entries()) await start(id, 12, 100 + i); // too late to count
    while ((await app.network.publishRadiusActivity()) > 0);
    await expect.poll(async () => (await owner('GET', `/api/tasks/${taskId}`)).body.lines, poll).toEqual({ rechecked: 20, backOnline: 15 });
  });

  it('should close only with every checklist item ticked', async () => {
    const task = (await budi('GET', `/api/tasks/${taskId}`)).body;
    const refused = await budi('POST', `/api/tasks/${taskId}/status`, { status: 'done', checklist: task.checklist.map((i: { label: string }, n: number) => ({ label: i.label, done: n > 0 })) });
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'TASK_CHECKLIST_INCOMPLETE', details: { fields: [{ field: 'checklist.0' }] } } } });
    expect((await budi('GET', `/api/tasks/${taskId}`)).body.status).toBe('working');
    const done = await budi('POST', `/api/tasks/${taskId}/status`, { status: 'done', checklist: task.checklist.map((i: { label: string }) => ({ label: i.label, done: true })) });
    expect(done.body).toMatchObject({ status: 'done', closedAt: '2026-12-10T03:35:00.000Z' });
    expect((await budi('POST', `/api/tasks/${taskId}/activities`, { note: 'lagi' })).body.error.code).toBe('TASK_CLOSED');
  });
});
