import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenantId } from '../../src/platform/db/database.ts';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

// Issue 17, the parts wired into the other modules: staff-role and ODP limits in the creating
// transaction, features refusing their endpoints (and the portal), the WhatsApp quota, pro rata,
// reminders, and the Host picking the tenant.
describe.each(drivers)('SaaS limits and features across modules on %s', (driver) => {
  let app: TestApp;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  let other: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const txt: Record<string, string[][]> = {};

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, cookie = tenant.ownerCookie) => {
    const res = await app.http.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const root = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => call(method, url, payload, tenant.rootCookie);
  const movePlan = async (code: string, limits: Record<string, number>, features: string[], monthlyPrice = 100_000) => {
    const plan = await root('POST', '/api/platform/saas/plans', { code, name: code, monthlyPrice, limits, features });
    expect(plan.status).toBe(201);
    expect((await root('PUT', `/api/platform/tenants/${tenant.tenantId}/plan`, { planId: plan.body.id })).status).toBe(200);
    return plan.body.id as string;
  };
  const ownerMessages = async (kind: string) =>
    (await sql<{ body: string; status: string; reason: string | null }>`select body, status, reason from notifications_messages where kind = ${kind} and tenant_id = ${tenant.tenantId} order by created_at`.execute(app.db.owner)).rows;

  beforeAll(async () => {
    app = await createTestApp(driver, {
      start: wib('2026-12-01T09:00:00'),
      events: true,
      saas: { platformDomain: 'simpul.test', graceDays: 5, dueDays: 10, reminderDaysBefore: 3 },
      resolveTxt: async (host) => txt[host] ?? [],
    });
    tenant = await seedTenantWithOwner(app, 'kabel-net');
    other = await seedTenantWithOwner(app, 'lain-net');
    await sql`update identity_users set phone = '+6281311113333' where email = ${tenant.owner.email}`.execute(app.db.owner);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('should count collectors and technicians by role, on invitation, role change and re-activation, race-free', async () => {
    await movePlan('peran', { staff: 20, collectors: 1, technicians: 2 }, ['collectors', 'technicians']);
    const invite = (email: string, roles: string[]) => call('POST', '/api/staff', { email, name: 'Staf', roles });
    expect((await invite('kolektor1@kabel.test', ['collector'])).status).toBe(201);
    const refused = await invite('kolektor2@kabel.test', ['collector']);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 'collectors', used: 1, max: 1 } });
    // A finance member given the collector role takes a collector's place too.
    const finance = await addStaff(app, tenant.ownerCookie, { email: 'keuangan@kabel.test', name: 'Keuangan', roles: ['finance'], password: 'keuangan-rahasia-1' });
    expect((await call('PATCH', `/api/staff/${finance.userId}`, { roles: ['finance', 'collector'] })).body.error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 'collectors' } });
    expect((await call('GET', '/api/staff')).body.find((s: { userId: string }) => s.userId === finance.userId).roles).toEqual(['finance']);

    // Technicians at limit − 1: of two invitations at once exactly one gets the place.
    expect((await invite('teknisi1@kabel.test', ['technician'])).status).toBe(201);
    const [a, b] = await Promise.all([invite('teknisi2@kabel.test', ['technician']), invite('teknisi3@kabel.test', ['technician'])]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);

    // A disabled technician coming back needs a free place.
    const tech = await addStaff(app, tenant.ownerCookie, { email: 'teknisi-lama@kabel.test', name: 'Lama', roles: ['finance'], password: 'teknisi-rahasia-1' });
    expect((await call('PATCH', `/api/staff/${tech.userId}`, { status: 'disabled' })).status).toBe(200);
    expect((await call('PATCH', `/api/staff/${tech.userId}`, { status: 'active', roles: ['technician'] })).body.error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 'technicians' } });
    expect((await call('PATCH', `/api/staff/${tech.userId}`, { status: 'active' })).status).toBe(200);
  });

  it('should count ODPs on create and on CSV import, and let one of two concurrent creates at limit − 1 through', async () => {
    await movePlan('odp-3', { odps: 3 }, ['ftth_maps']);
    const odc = await call('POST', '/api/maps/odcs', { code: 'ODC-1', name: 'Kabinet', latitude: -7.7, longitude: 110.4, capacity: 16 });
    expect(odc.status).toBe(201);
    const odp = (code: string) => call('POST', '/api/maps/odps', { odcId: odc.body.id, code, name: code, latitude: -7.71, longitude: 110.41, portCount: 8 });
    expect((await odp('ODP-1')).status).toBe(201);
    const csv = 'code,name,lat,lng,parent,ports\nODP-2,Dua,-7.72,110.42,ODC-1,8\nODP-3,Tiga,-7.73,110.43,ODC-1,8\nODP-4,Empat,-7.74,110.44,ODC-1,8\n';
    const tooMany = await call('POST', '/api/maps/import', { kind: 'odp', csv });
    expect(tooMany.body.error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 'odps', used: 1, max: 3 } });
    expect((await call('GET', '/api/maps/odps')).body).toHaveLength(1); // nothing imported
    expect((await odp('ODP-2')).status).toBe(201);
    const [a, b] = await Promise.all([odp('ODP-3'), odp('ODP-4')]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await call('GET', '/api/maps/odps')).body).toHaveLength(3);
  });

  it('should refuse the endpoints of features the subscription lacks, hide them from /api/me, and keep the isolir page', async () => {
    await movePlan('polos', { customers: 100 }, []);
    const me = (await call('GET', '/api/me')).body;
    expect(me.features).toEqual([]);
    for (const [url, feature] of [
      ['/api/collectors/settings', 'collectors'],
      ['/api/maps/odcs', 'ftth_maps'],
      ['/api/network/online', 'radius'],
      ['/api/billing/gateways', 'payment_gateways'],
      ['/api/tokens', 'api_tokens'],
    ] as const) {
      const res = await call('GET', url);
      expect(res.status, url).toBe(403);
      expect(res.body.error, url).toMatchObject({ code: 'FEATURE_DISABLED', details: { feature } });
    }
    const portal = await app.http.inject({ method: 'GET', url: '/p/kabel-net' });
    expect(portal.statusCode).toBe(404);
    expect(portal.body).toContain('Portal tidak tersedia');
    expect((await app.http.inject({ method: 'POST', url: '/p/kabel-net/code', payload: { identifier: '0812' } })).statusCode).toBe(404);
    // Isolation is not the portal: the isolir page still explains and offers to identify.
    expect((await app.http.inject({ method: 'GET', url: '/p/kabel-net/isolir' })).statusCode).toBe(200);

    // Switched on by an override, the same endpoints answer.
    const on = await root('POST', `/api/platform/tenants/${tenant.tenantId}/overrides`, { feature: 'ftth_maps', enabled: true, reason: 'uji coba', endsAt: wib('2026-12-31T00:00:00') });
    expect(on.status).toBe(201);
    expect((await call('GET', '/api/maps/odcs')).status).toBe(200);
    expect((await call('GET', '/api/me')).body.features).toEqual(['ftth_maps']);
  });

  it('should queue only urgent kinds over the monthly WhatsApp quota and say why', async () => {
    // Room for exactly one more message this month (the earlier tests' owner messages count, once
    // their limit warnings have become messages: the bus delivers them in the background).
    await expect
      .poll(async () => (await sql<{ n: number }>`select count(*)::int as n from event_outbox o where o.tenant_id = ${tenant.tenantId} and o.type = 'saas.limit.warning'
          and not exists (select 1 from event_inbox i where i.event_id = o.id and i.handler_id = 'notifications.queue-messages')`.execute(app.db.owner)).rows[0]!.n)
      .toBe(0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notifications_messages where tenant_id = ${tenant.tenantId} and status not in ('skipped', 'failed')`.execute(app.db.owner);
    await movePlan('wa-1', { customers: 100, whatsapp_messages: rows[0]!.n + 1 }, ['customer_portal']);
    const planId = (await call('POST', '/api/plans', { name: 'Rumahan', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'p10' })).body.id;
    for (let i = 1; i <= 3; i++) {
      const c = await call('POST', '/api/customers', { name: `Warga ${i}`, phone: `+6281399900${i}00`, planId, connectionType: 'pppoe', pppoeUsername: `warga${i}@kabel`, activatedOn: '2026-11-01' });
      expect(c.status).toBe(201);
    }
    const sent = await call('POST', '/api/notifications/broadcasts', { message: 'Perawatan jaringan Sabtu malam.' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ matched: 3, queued: 1, skipped: 2 });
    const skipped = (await ownerMessages('broadcast')).filter((m) => m.status === 'skipped');
    expect(skipped).toHaveLength(2);
    expect(skipped[0]!.reason).toMatch(/monthly WhatsApp quota/);
    // Urgent kinds still go: a customer's portal login code, although the quota is used up.
    const code = await app.http.inject({ method: 'POST', url: '/p/kabel-net/code', payload: { identifier: '+6281399900100' } });
    expect(code.statusCode).toBe(200);
    expect((await ownerMessages('portal_otp')).map((m) => m.status)).toEqual(['pending']);
  });

  it('should bill a recurring add-on bought mid-month for the days left, and a plan change after the month was invoiced on the next invoice', async () => {
    const tenantId = asTenantId(tenant.tenantId);
    await movePlan('seratus', { customers: 100 }, [], 100_000);
    app.clock.set(wib('2026-12-02T09:00:00'));
    expect((await app.saas.issueMonthlyInvoice(tenantId))!.amount).toBe(100_000); // December, in advance
    // 21 December: 11 of 31 days left.
    app.clock.set(wib('2026-12-21T09:00:00'));
    const addon = await root('POST', '/api/platform/saas/addons', { code: 'plus-310', name: '+10 pelanggan', price: 31_000, limitName: 'customers', amount: 10 });
    const bought = await call('POST', '/api/saas/addons/purchase', { addonId: addon.body.id, quantity: 10 });
    expect(bought.body.invoice).toMatchObject({ amount: 110_000, description: '+10 pelanggan × 10 (11/31 days)' });
    expect((await root('POST', `/api/platform/saas/invoices/${bought.body.invoice.id}/mark-paid`, {})).status).toBe(200);
    await movePlan('duaratus', { customers: 100 }, [], 200_000); // +100 000 a month, 11/31 of it: 35 484

    app.clock.set(wib('2027-01-01T09:00:00'));
    const january = await app.saas.issueMonthlyInvoice(tenantId);
    expect(january).toMatchObject({ period: '2027-01-01', amount: 200_000 + 310_000 + 35_484 });
    expect(january!.description).toContain('pro-rata +Rp 35.484');
    expect(await app.saas.issueMonthlyInvoice(tenantId)).toBeNull();
    app.clock.set(wib('2027-02-01T09:00:00'));
    expect((await app.saas.issueMonthlyInvoice(tenantId))!.amount).toBe(200_000 + 310_000); // the adjustment was billed once
  });

  it('should remind the owner of an unpaid SaaS invoice days before its due date and on the day, once each, on the platform’s calendar', async () => {
    const tenantId = asTenantId(tenant.tenantId);
    const february = (await call('GET', '/api/saas/invoices')).body.find((i: { period: string | null }) => i.period === '2027-02-01');
    expect(february.dueDate).toBe('2027-02-11');
    const remindOn = async (day: string) => {
      app.clock.set(wib(`${day}T01:00:00`));
      return app.saas.remindUnpaidInvoices(tenantId);
    };
    await sql`update saas_invoices set status = 'paid' where tenant_id = ${tenant.tenantId} and id <> ${february.id}`.execute(app.db.owner);
    expect(await remindOn('2027-02-07')).toBe(0);
    expect(await remindOn('2027-02-08')).toBe(1);
    expect(await remindOn('2027-02-08')).toBe(0);
    expect(await remindOn('2027-02-10')).toBe(0);
    // 00:30 WIB on the 11th is still the 10th in UTC: the platform's day counts.
    app.clock.set(wib('2027-02-11T00:30:00'));
    expect(await app.saas.remindUnpaidInvoices(tenantId)).toBe(1);
    expect(await remindOn('2027-02-12')).toBe(0);
    await expect.poll(async () => (await ownerMessages('saas_invoice_reminder')).length).toBe(2);
    expect((await ownerMessages('saas_invoice_reminder'))[0]!.body).toContain(february.number);
  });

  it('should let the Host pick the tenant: its portal at /portal, its isolir page, and no other tenant’s portal on its domain', async () => {
    await movePlan('portal', { customers: 100 }, ['customer_portal', 'custom_domain']);
    const get = (url: string, host: string) => app.http.inject({ method: 'GET', url, headers: { host } });
    const toPortal = await get('/portal', 'kabel-net.simpul.test');
    expect(toPortal.statusCode).toBe(303);
    expect(toPortal.headers.location).toBe('/p/kabel-net');
    expect((await get('/portal', 'tidak-ada.simpul.test')).statusCode).toBe(404);

    const added = await call('POST', '/api/saas/domains', { host: 'wifi.kabelnet.id' });
    expect((await get('/portal', 'wifi.kabelnet.id')).statusCode).toBe(404); // not verified yet
    txt[added.body.txtRecord.name] = [[added.body.txtRecord.value]];
    expect((await call('POST', `/api/saas/domains/${added.body.id}/verify`)).body.verified).toBe(true);
    expect((await get('/portal', 'wifi.kabelnet.id')).headers.location).toBe('/p/kabel-net');
    expect((await get('/p/kabel-net', 'wifi.kabelnet.id')).statusCode).toBe(200);
    expect((await get('/isolir', 'wifi.kabelnet.id')).statusCode).toBe(200);
    // Another tenant's portal is not served on this tenant's addresses (nor theirs on ours).
    expect((await get('/p/lain-net', 'wifi.kabelnet.id')).statusCode).toBe(404);
    expect((await get('/p/kabel-net', 'lain-net.simpul.test')).statusCode).toBe(404);
    expect((await get('/p/lain-net', 'simpul.test')).statusCode).toBe(200);
  });

  it('should open the Host’s tenant at login on its address, and refuse a person who is not its staff there', async () => {
    const login = (email: string, password: string, host: string) => app.http.inject({ method: 'POST', url: '/api/auth/login', headers: { host }, payload: { email, password } });
    // The other tenant's owner becomes staff here too: which tenant opens follows the address.
    await addStaff(app, tenant.ownerCookie, { email: other.owner.email, name: 'Dua tempat', roles: ['admin'], password: '', cookie: other.ownerCookie });
    expect((await login(other.owner.email, other.owner.password, 'wifi.kabelnet.id')).json().activeTenantId).toBe(tenant.tenantId);
    expect((await login(other.owner.email, other.owner.password, 'lain-net.simpul.test')).json().activeTenantId).toBe(other.tenantId);
    const stranger = await login(tenant.owner.email, tenant.owner.password, 'lain-net.simpul.test');
    expect(stranger.statusCode).toBe(403);
    expect((await login(tenant.owner.email, tenant.owner.password, 'simpul.test')).json().activeTenantId).toBe(tenant.tenantId);
  });
});
