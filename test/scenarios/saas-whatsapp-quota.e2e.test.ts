import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

// The monthly WhatsApp quota warns like the counted limits: the owner's page at 80 % and 100 %,
// a message to the owner at 80 % (once per month and quota value).
describe.each(drivers)('the WhatsApp quota warning on %s', (driver) => {
  let app: TestApp;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, cookie = tenant.ownerCookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const warnings = async () =>
    (await sql<{ body: string; status: string }>`select body, status from notifications_messages where kind = 'limit_warning' and tenant_id = ${tenant.tenantId} order by created_at`.execute(app.db.owner)).rows;
  const broadcast = async () => {
    const sent = await call('POST', '/api/notifications/broadcasts', { message: 'Perawatan jaringan Sabtu malam.' });
    expect(sent.status).toBe(201);
    return sent.body;
  };

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-12-01T09:00:00'), events: true });
    tenant = await seedTenantWithOwner(app, 'kuota-net');
    await sql`update identity_users set phone = '+6281311114444' where email = ${tenant.owner.email}`.execute(app.db.owner);
    const plan = await call('POST', '/api/platform/saas/plans', { code: 'wa-5', name: 'WA 5', monthlyPrice: 100_000, limits: { customers: 100, whatsapp_messages: 5 }, features: [] }, tenant.rootCookie);
    expect((await call('PUT', `/api/platform/tenants/${tenant.tenantId}/plan`, { planId: plan.body.id }, tenant.rootCookie)).status).toBe(200);
    const planId = (await call('POST', '/api/plans', { name: 'Rumahan', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'p10' })).body.id;
    for (let i = 1; i <= 4; i++) {
      const c = await call('POST', '/api/customers', { name: `Warga ${i}`, phone: `+6281399911${i}00`, planId, connectionType: 'pppoe', pppoeUsername: `warga${i}@kuota`, activatedOn: '2026-11-01' });
      expect(c.status).toBe(201);
    }
  });
  afterAll(() => app?.stop());

  it("should show the month's messages against the quota and warn the owner once at 80 %, whose message goes out although the quota is full", async () => {
    expect(await broadcast()).toMatchObject({ queued: 4, skipped: 0 });
    const page = await call('GET', '/api/saas/subscription');
    expect(page.body.usage.whatsapp_messages).toBe(4);
    expect(page.body.limits.whatsapp_messages).toBe(5);
    expect(await warnings()).toEqual([]); // nothing had been used when the broadcast was counted

    // The next batch starts at 4 of 5 (80 %): the owner is told, and that message is not held back.
    expect(await broadcast()).toMatchObject({ queued: 1, skipped: 3 });
    await expect.poll(async () => (await warnings()).length, { timeout: 15_000, interval: 50 }).toBe(1);
    const [warning] = await warnings();
    expect(warning!.status).toBe('pending');
    expect(warning!.body).toContain('4');
    expect(warning!.body).toContain('5');

    // Once a month: a third batch says nothing new.
    expect(await broadcast()).toMatchObject({ queued: 0, skipped: 4 });
    expect((await call('GET', '/api/saas/subscription')).body.usage.whatsapp_messages).toBeGreaterThanOrEqual(5);
    const published = await sql<{ n: number }>`select count(*)::int as n from event_outbox where tenant_id = ${tenant.tenantId} and type = 'saas.limit.warning'`.execute(app.db.owner);
    expect(published.rows[0]!.n).toBe(1);
  });

  it('should start counting again next month, and warn again when it gets close', async () => {
    app.clock.set(wib('2027-01-02T09:00:00'));
    expect((await call('GET', '/api/saas/subscription')).body.usage.whatsapp_messages).toBe(0);
    expect(await broadcast()).toMatchObject({ queued: 4, skipped: 0 });
    expect(await broadcast()).toMatchObject({ queued: 1, skipped: 3 });
    await expect.poll(async () => (await warnings()).length, { timeout: 15_000, interval: 50 }).toBe(2);
  });
});
