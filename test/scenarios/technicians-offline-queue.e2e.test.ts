import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../ftth-topology.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { phonePhoto, uploadPhoto } from '../technicians.ts';

const poll = { timeout: 15_000, interval: 100 };

/**
 * The phone queues an activity (and its photo) while the signal is gone and sends them when it
 * returns, each with the Idempotency-Key it was queued with: sent again (the first answer was
 * lost) or twice at once, it is stored once, and the admin hears of it once.
 */
describe.each(drivers)('the offline queue on %s', (driver) => {
  let app: TestApp;
  let tech: ReturnType<typeof apiCaller>;
  let techCookie: string;
  let ownerCall: ReturnType<typeof apiCaller>;
  let taskId: string;
  const count = async (table: 'technicians_activities' | 'technicians_photos') => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(app.db.owner)).rows[0]!.n);

  beforeAll(async () => {
    app = await createTestApp(driver, { start: '2026-12-10T03:00:00Z', events: true });
    const seeded = await seedTenantWithOwner(app, 'minggir');
    ownerCall = apiCaller(app, seeded.ownerCookie);
    await addStaff(app, seeded.ownerCookie, { email: 'dewi@minggir.test', name: 'Dewi', phone: '0812-5555-0101', roles: ['admin'], password: 'rahasia-staf-1' });
    const t = await addStaff(app, seeded.ownerCookie, { email: 'tono@minggir.test', name: 'Tono', roles: ['technician'], password: 'rahasia-staf-1' });
    techCookie = t.cookie;
    tech = apiCaller(app, techCookie);
    const plan = await ownerCall('POST', '/api/plans', { name: 'Hemat', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 120_000, routerProfile: 'hemat' });
    const customer = await ownerCall('POST', '/api/customers', { name: 'Sari', phone: '081211112222', planId: plan.body.id, connectionType: 'dhcp', ipAddress: '10.1.1.2', activatedOn: '2026-11-01' });
    taskId = (await ownerCall('POST', '/api/tasks', { kind: 'repair', title: 'Internet mati', target: { kind: 'customer', id: customer.body.id }, assigneeIds: [t.userId] })).body.id;
  }, 60_000);
  afterAll(() => app?.stop());

  const send = (key: string, note: string) =>
    app.http.inject({ method: 'POST', url: `/api/tasks/${taskId}/activities`, headers: { cookie: techCookie, 'idempotency-key': key }, payload: { note, status: 'working' } });

  it('should store a queued activity once when it is sent again after reconnect, answering the first one', async () => {
    const first = await send('queued-7f3a', 'ONT diganti, pelanggan online.');
    expect(first.statusCode).toBe(201);
    const again = await send('queued-7f3a', 'ONT diganti, pelanggan online.');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await count('technicians_activities')).toBe(1);
    expect((await tech('GET', `/api/tasks/${taskId}`)).body.status).toBe('working');
  });

  it('should store it once when the queue and a retry send it at the same time', async () => {
    const [a, b] = await Promise.all([send('queued-8b21', 'Kabel drop dirapikan.'), send('queued-8b21', 'Kabel drop dirapikan.')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await count('technicians_activities')).toBe(2);
  });

  it('should store a queued photo once', async () => {
    const bytes = await phonePhoto({ width: 640, height: 480 });
    const first = await uploadPhoto(app, techCookie, `/api/tasks/${taskId}/photos`, bytes, { idempotencyKey: 'photo-1c9e' });
    const again = await uploadPhoto(app, techCookie, `/api/tasks/${taskId}/photos`, bytes, { idempotencyKey: 'photo-1c9e' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(await count('technicians_photos')).toBe(1);
  });

  it('should tell the admin once per stored activity, not per send', async () => {
    await expect.poll(async () => (await ownerCall('GET', '/api/notifications/messages?kind=technician_update&limit=50')).body.length, poll).toBe(2);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from event_outbox where type = 'field.activity.logged'`.execute(app.db.owner);
    expect(rows[0]!.n).toBe(2);
  });

  it('should store a new key as a new activity', async () => {
    expect((await send('queued-new', 'Catatan lain')).statusCode).toBe(201);
    expect(await count('technicians_activities')).toBe(3);
  });
});
