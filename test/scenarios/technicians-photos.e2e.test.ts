import exifr from 'exifr';
import { sql } from 'kysely';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3PhotoStorage } from '../../src/modules/technicians/index.ts';
import { S3StandIn } from '../../src/simulators/s3/s3.stand-in.ts';
import { apiCaller } from '../ftth-topology.ts';
import { addStaff, createTestApp, drivers, loginCookie, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { phonePhoto, uploadPhoto } from '../technicians.ts';

/**
 * Photos through the S3 driver (against the S3 stand-in): a 30 MB upload and a non-image get a
 * clear 4xx and store nothing; links are short-lived and for the tenant's staff only (never the
 * super admin, never another tenant); the photo overlay pins photos where taken; retention
 * deletes a closed task's photos with it, bytes included.
 */
describe.each(drivers)('technician photos on %s', (driver) => {
  let app: TestApp;
  let s3: S3StandIn;
  let owner: ReturnType<typeof apiCaller>;
  let ownerCookie: string;
  let rootCookie: string;
  let budiCookie: string;
  let budiId: string;
  let otherCookie: string;
  let tenantId: string;
  let taskId: string;
  let customerId: string;
  let photoId: string;
  const rows = async () => Number((await sql<{ n: number }>`select count(*)::int as n from technicians_photos`.execute(app.db.owner)).rows[0]!.n);

  beforeAll(async () => {
    s3 = await S3StandIn.start({ bucket: 'simpul-photos', accessKeyId: 'AKIASIMPUL' });
    const photoStorage = s3PhotoStorage({ endpoint: s3.endpoint, region: 'ap-southeast-3', bucket: 'simpul-photos', accessKeyId: 'AKIASIMPUL', secretAccessKey: 'rahasia' });
    app = await createTestApp(driver, { start: '2026-12-10T03:00:00Z', photoStorage });
    const seeded = await seedTenantWithOwner(app, 'kalasan');
    ({ tenantId, ownerCookie, rootCookie } = seeded);
    owner = apiCaller(app, ownerCookie);
    const budi = await addStaff(app, ownerCookie, { email: 'budi@kalasan.test', name: 'Budi', roles: ['technician'], password: 'rahasia-staf-1' });
    budiCookie = budi.cookie;
    budiId = budi.userId;
    const other = await seedTenantWithOwner(app, 'prambanan');
    otherCookie = other.ownerCookie;
    const plan = await owner('POST', '/api/plans', { name: 'Hemat', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 120_000, routerProfile: 'hemat' });
    const customer = await owner('POST', '/api/customers', { name: 'Sari', phone: '081211112222', planId: plan.body.id, connectionType: 'dhcp', ipAddress: '10.1.1.2', activatedOn: '2026-11-01', latitude: -7.75, longitude: 110.48 });
    customerId = customer.body.id;
    const task = await owner('POST', '/api/tasks', { kind: 'installation', title: 'Pasang baru Sari', target: { kind: 'customer', id: customerId }, assigneeIds: [budi.userId], dueAt: '2026-12-10T16:00:00+07:00' });
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({ status: 'assigned', target: { name: 'Sari', latitude: -7.75, longitude: 110.48 } });
    taskId = task.body.id;
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await s3?.close();
  });

  it('should refuse a 30 MB upload with 413 PHOTO_TOO_LARGE and store nothing', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 0xff);
    const res = await uploadPhoto(app, budiCookie, `/api/tasks/${taskId}/photos`, big);
    expect(res).toMatchObject({ status: 413, body: { error: { code: 'PHOTO_TOO_LARGE', details: { maxBytes: 15 * 1024 * 1024 } } } });
    expect(await rows()).toBe(0);
    expect(s3.objects.size).toBe(0);
  });

  it('should refuse a file that is not a picture (415 PHOTO_FORMAT_UNSUPPORTED), a GIF too, and store nothing', async () => {
    const text = await uploadPhoto(app, budiCookie, `/api/tasks/${taskId}/photos`, Buffer.from('%PDF-1.7 not a photo at all'), { filename: 'nota.pdf', contentType: 'image/jpeg' });
    expect(text).toMatchObject({ status: 415, body: { error: { code: 'PHOTO_FORMAT_UNSUPPORTED', details: { fields: [{ field: 'file', problem: 'not an image' }] } } } });
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    expect((await uploadPhoto(app, budiCookie, `/api/tasks/${taskId}/photos`, gif, { filename: 'a.gif', contentType: 'image/gif' })).body.error.code).toBe('PHOTO_FORMAT_UNSUPPORTED');
    const missing = await app.http.inject({ method: 'POST', url: `/api/tasks/${taskId}/photos`, headers: { cookie: budiCookie }, payload: { note: 'json, no file' } });
    expect(missing.json().error.code).toBe('PHOTO_MISSING');
    expect(await rows()).toBe(0);
    expect(s3.objects.size).toBe(0);
  });

  it('should store a WebP photo in the bucket as JPEG with its thumbnail', async () => {
    const res = await uploadPhoto(app, budiCookie, `/api/tasks/${taskId}/photos`, await phonePhoto({ format: 'webp', width: 3000, height: 2000 }), { filename: 'a.webp', contentType: 'image/webp' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/jpeg', width: 2560, height: 1707 });
    photoId = res.body.id;
    expect([...s3.objects.keys()].sort()).toEqual([`${tenantId}/tasks/${taskId}/${photoId}.jpg`, `${tenantId}/tasks/${taskId}/${photoId}.thumb.jpg`]);
  });

  it('should serve the photo through a link that works 5 minutes, for this tenant’s staff only', async () => {
    const links = await owner('GET', `/api/photos/${photoId}/links`);
    expect(links.body.expiresAt).toBe('2026-12-10T03:05:00.000Z');
    const get = (cookie: string, url = links.body.url) => app.http.inject({ method: 'GET', url, headers: { cookie } });
    expect((await get(budiCookie)).statusCode).toBe(200);
    expect((await app.http.inject({ method: 'GET', url: links.body.url })).statusCode).toBe(401); // the link alone is not enough
    expect((await get(otherCookie)).json().error.code).toBe('PHOTO_LINK_INVALID'); // another tenant's owner
    // The super admin is no tenant's staff: refused before anything is read.
    for (const url of [links.body.url, `/api/photos/${photoId}/links`, '/api/photos/overlay']) expect((await get(rootCookie, url)).json().error.code).toBe('TENANT_REQUIRED');
    expect((await get(budiCookie, links.body.url.replace('variant=full', 'variant=thumb'))).json().error.code).toBe('PHOTO_LINK_INVALID');
    app.clock.advance(5 * 60_000 + 1000);
    expect((await get(budiCookie)).json().error).toMatchObject({ code: 'PHOTO_LINK_INVALID', message: expect.stringContaining('expired') });
  });

  it('should pin a photo without GPS on the element it belongs to', async () => {
    const overlay = (await owner('GET', '/api/photos/overlay')).body;
    expect(overlay).toEqual([expect.objectContaining({ photoId, taskId, elementName: 'Sari', placedBy: 'element', latitude: -7.75, longitude: 110.48 })]);
    expect((await apiCaller(app, otherCookie)('GET', '/api/photos/overlay')).body).toEqual([]);
  });

  it('should delete a closed task with its photos, bytes included, once the retention days passed', async () => {
    const task = (await owner('GET', `/api/tasks/${taskId}`)).body;
    expect((await owner('POST', `/api/tasks/${taskId}/status`, { status: 'done', checklist: task.checklist.map((i: { label: string }) => ({ label: i.label, done: true })) })).body.status).toBe('done');
    expect((await owner('PATCH', '/api/technicians/settings', { retentionDays: 10 })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await owner('PATCH', '/api/technicians/settings', { retentionDays: 90 })).body).toMatchObject({ retentionDays: 90, outageFixMode: 'clear' });
    app.clock.advance(89 * 86_400_000);
    expect(await app.technicians.purgeExpired(tenantId as never)).toEqual({ tasks: 0, activities: 0, files: 0 });
    expect(s3.objects.size).toBe(2);
    app.clock.advance(2 * 86_400_000);
    expect(await app.technicians.purgeExpired(tenantId as never)).toEqual({ tasks: 1, activities: 0, files: 2 });
    expect(s3.objects.size).toBe(0);
    expect(await rows()).toBe(0);
    expect((await owner('GET', `/api/tasks/${taskId}`)).status).toBe(404);
  });

  it('should read a phone’s HEIC: stored as JPEG with no EXIF left, its GPS and time on the record', async () => {
    const heic = await readFile(new URL('../fixtures/photos/heic-gps.heic', import.meta.url));
    const task = await owner('POST', '/api/tasks', { kind: 'survey', title: 'Survei tiang', target: { kind: 'customer', id: customerId }, assigneeIds: [budiId] });
    const res = await uploadPhoto(app, budiCookie, `/api/tasks/${task.body.id}/photos`, heic, { filename: 'IMG_0042.HEIC', contentType: 'image/heic' });
    // Taken 09:15 WIB (the camera writes local time) = 02:15 UTC.
    expect(res).toMatchObject({ status: 201, body: { contentType: 'image/jpeg', width: 320, height: 240, latitude: -7.7712, longitude: 110.3775, takenAt: '2026-12-01T02:15:00.000Z' } });
    const stored = s3.objects.get(`${tenantId}/tasks/${task.body.id}/${res.body.id}.jpg`)!.bytes;
    expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8])); // JPEG
    expect(await exifr.parse(stored, { gps: true })).toBeUndefined();
  });

  it('should refuse a photo beyond the plan’s photo storage (nothing stored), and every task route once technicians is off', async () => {
    const root = apiCaller(app, rootCookie);
    const plan = async (code: string, features: string[]) => {
      const created = await root('POST', '/api/platform/saas/plans', { code, name: code, monthlyPrice: 150_000, limits: { photo_storage_mb: 1 }, features });
      expect((await root('PUT', `/api/platform/tenants/${tenantId}/plan`, { planId: created.body.id })).status).toBe(200);
    };
    await plan('foto1mb', ['technicians']);
    const task = await owner('POST', '/api/tasks', { kind: 'repair', title: 'Kabel putus', target: { kind: 'customer', id: customerId }, assigneeIds: [budiId] });
    const [rowsBefore, objectsBefore] = [await rows(), s3.objects.size];
    const big = await uploadPhoto(app, budiCookie, `/api/tasks/${task.body.id}/photos`, await phonePhoto({ width: 2560, height: 1920 }));
    expect(big).toMatchObject({ status: 409, body: { error: { code: 'LIMIT_REACHED', details: { limit: 'photo_storage_mb', max: 1 } } } });
    expect([await rows(), s3.objects.size]).toEqual([rowsBefore, objectsBefore]);
    expect((await uploadPhoto(app, budiCookie, `/api/tasks/${task.body.id}/photos`, await phonePhoto({ width: 400, height: 300 }))).status).toBe(201);
    await plan('tanpateknisi', []);
    for (const path of ['/api/tasks', `/api/tasks/${task.body.id}/photos`, '/api/photos/overlay', '/api/technicians/settings']) {
      expect((await apiCaller(app, budiCookie)('GET', path)).body.error).toMatchObject({ code: 'FEATURE_DISABLED', details: { feature: 'technicians' } });
    }
  });

  it('should never grant the super admin role a read of technician tables', async () => {
    const { rows: grants } = await sql<{ table_name: string }>`
      select table_name from information_schema.role_table_grants where grantee = 'simpul_platform' and table_name like 'technicians_%'`.execute(app.db.owner);
    expect(grants).toEqual([]);
    void loginCookie;
  });
});
