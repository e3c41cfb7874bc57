import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';

const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

describe.each(drivers)('collector logs and their retention on %s', (driver) => {
  let app: TestApp;
  let tenantId: string;
  let owner: string;
  let root: string;
  let agus: { userId: string; cookie: string };
  let dewi: { userId: string; cookie: string };
  let customerId: string;

  const call = async (as: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.http.inject({ method, url, headers: { cookie: as, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const count = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(app.db.owner)).rows[0].n;

  beforeAll(async () => {
    app = await createTestApp(driver, { start: wib('2026-12-05T09:00:00'), events: true });
    const tenant = await seedTenantWithOwner(app, 'bantul', 'WIB');
    owner = tenant.ownerCookie;
    root = tenant.rootCookie;
    tenantId = tenant.tenantId;
    agus = await addStaff(app, owner, { email: 'agus@bantul.test', name: 'Agus', phone: '0815-5555-0004', roles: ['collector'], password: 'rahasia-staf-1' });
    dewi = await addStaff(app, owner, { email: 'dewi@bantul.test', name: 'Dewi', phone: '0812-5555-0001', roles: ['admin'], password: 'rahasia-staf-1' });
    const plan = (await call(owner, 'POST', '/api/plans', { name: 'Rumahan', downloadKbps: 20_000, uploadKbps: 10_000, monthlyPrice: 150_000, routerProfile: 'paket-20m' })).body;
    customerId = (await call(owner, 'POST', '/api/customers', { name: 'Ani', phone: '0812-1111-0001', planId: plan.id, connectionType: 'dhcp', ipAddress: '10.0.0.5', activatedOn: '2026-11-01' })).body.id;
    await call(owner, 'POST', '/api/billing/invoices/generate', { period: '2026-12-01' });
    const invoiceId = (await call(owner, 'GET', '/api/invoices')).body.items[0].id;
    await call(dewi.cookie, 'POST', '/api/collectors/assignments', { collectorUserId: agus.userId, customerIds: [customerId] });
    await call(agus.cookie, 'POST', '/api/collector/visits', { customerId, visitedOn: '2026-12-04', result: 'not_home' });
    const collected = await call(agus.cookie, 'POST', '/api/collector/collections', { customerId, collectedOn: '2026-12-05', items: [{ invoiceId, amount: 150_000 }] }, { 'idempotency-key': 'k1' });
    expect(collected.status).toBe(201);
    const held = (await call(dewi.cookie, 'GET', `/api/collectors/${agus.userId}/balance`)).body.held;
    expect((await call(dewi.cookie, 'POST', '/api/collectors/handovers', { collectorUserId: agus.userId, collectionIds: held.map((c: { id: string }) => c.id), countedAmount: 150_000 })).status).toBe(201);
  });
  afterAll(() => app?.stop());

  it('should log every assignment, visit, collection and handover', async () => {
    const logs = (await call(owner, 'GET', '/api/collectors/logs')).body as Array<{ action: string; collectorUserId: string }>;
    expect(logs.map((l) => l.action).sort()).toEqual(['assigned', 'collection', 'handover', 'visit']);
    expect(new Set(logs.map((l) => l.collectorUserId))).toEqual(new Set([agus.userId]));
    // A collector reads their worklist, not the office's log.
    expect((await call(agus.cookie, 'GET', '/api/collectors/logs')).status).toBe(403);
  });

  it('should purge logs past the tenant’s retention and keep the money records', async () => {
    expect((await call(owner, 'PATCH', '/api/collectors/settings', { logRetentionDays: 30 })).status).toBe(200);
    expect((await call(owner, 'PATCH', '/api/collectors/settings', { logRetentionDays: 5 })).status).toBe(400); // refused, not clamped
    const money = { collections: await count('collectors_collections'), handovers: await count('collectors_handovers'), visits: await count('collectors_visits'), history: await count('billing_payment_history') };
    expect(money).toEqual({ collections: 1, handovers: 1, visits: 2, history: 2 });

    const runJob = async () => {
      const runs = await call(root, 'POST', '/api/admin/jobs/purge_collector_logs_worker/runs', { tenantIds: [tenantId] });
      expect(runs.status).toBe(202);
      const id = runs.body[0].id;
      await expect.poll(async () => (await call(root, 'GET', `/api/admin/jobs/runs/${id}`)).body.status, { timeout: 15_000, interval: 100 }).toBe('succeeded');
      return (await call(root, 'GET', `/api/admin/jobs/runs/${id}`)).body;
    };
    // 29 days on, nothing is old enough.
    app.clock.set(wib('2027-01-03T09:00:00'));
    await runJob();
    expect(await count('collectors_logs')).toBe(4);
    // 31 days on, all four lines go; the money records stay.
    app.clock.set(wib('2027-01-05T09:00:00'));
    const run = await runJob();
    expect(run.progress?.message ?? JSON.stringify(run)).toContain('4 log lines');
    expect(await count('collectors_logs')).toBe(0);
    expect({ collections: await count('collectors_collections'), handovers: await count('collectors_handovers'), visits: await count('collectors_visits'), history: await count('billing_payment_history') }).toEqual(money);
    // Safe to run twice.
    await runJob();
    expect(await count('collectors_collections')).toBe(1);
  });

  it('should show the super admin none of it: no grant for the platform role, nothing in any answer', async () => {
    for (const table of ['collectors_logs', 'collectors_collections', 'collectors_handovers', 'collectors_visits', 'collectors_assignments']) {
      await expect(app.db.platform((trx) => sql`select count(*) from ${sql.table(table)}`.execute(trx)), table).rejects.toThrow(/permission denied/);
    }
    const tenants = await call(root, 'GET', '/api/platform/tenants');
    expect(tenants.status).toBe(200);
    expect(JSON.stringify(tenants.body)).not.toContain('KOL-2026');
    expect((await call(root, 'GET', '/api/collectors/logs')).status).toBeGreaterThanOrEqual(400);
  });
});
