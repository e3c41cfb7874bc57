import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { createTestApp, drivers, seedTenantWithOwner, type TestApp } from '../harness.ts';
import { seedTenantRows } from '../tenant-rows.ts';

/**
 * Tables with tenant_id the platform role may touch, and how. Every other one (payment history,
 * payments, customers and their private data, WhatsApp messages …) it may not touch at all.
 */
const platformMay: Record<string, string[]> = {
  job_runs: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'], // the scheduler's operational rows, no tenant data
  event_outbox: ['INSERT'], // publishes events about a tenant (its plan changed), never reads them
  identity_audit_log: ['SELECT', 'INSERT'], // row-level security: only entries outside any tenant
  identity_impersonations: ['SELECT', 'INSERT', 'UPDATE'], // the super admin's own sessions in a tenant (who, why, until when)
  // The SaaS layer: the platform's own business with each tenant (what it sells and bills), no tenant data.
  saas_subscriptions: ['SELECT', 'INSERT', 'UPDATE'],
  saas_invoices: ['SELECT', 'INSERT', 'UPDATE'],
  saas_tenant_addons: ['SELECT', 'INSERT', 'UPDATE'],
  saas_overrides: ['SELECT', 'INSERT', 'UPDATE'],
  saas_adjustments: ['SELECT', 'INSERT', 'UPDATE'], // pro-rata lines of its SaaS invoices
  saas_domains: ['SELECT', 'UPDATE'],
  saas_tenant_usage: ['SELECT'], // counts only, like platform_tenant_summaries
};
const privileges = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];

// The design's promise: the super admin never reads payment history, payments, customers'
// private data or WhatsApp message bodies, by PostgreSQL's grants and not only the UI.
describe.each(drivers)('the super admin and tenant-internal data on %s', (driver) => {
  let app: TestApp;
  let tenant: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  let rows: Awaited<ReturnType<typeof seedTenantRows>>;
  let jobRunId: string;

  beforeAll(async () => {
    app = await createTestApp(driver);
    tenant = await seedTenantWithOwner(app, 'jaring-rahasia');
    rows = await seedTenantRows(app.db.owner, tenant.tenantId, 'jaring-rahasia', '10.9.0.1');
    // A tenant's own audit entry, which the platform's policy must hide.
    await sql`insert into identity_audit_log (id, tenant_id, action, subject, details, created_at)
      values (${newId()}, ${tenant.tenantId}, 'payment.recorded', ${rows.secret}, '{}', now())`.execute(app.db.owner);
    const runs = await app.http.inject({ method: 'POST', url: '/api/admin/jobs/auto_isolir_worker/runs', headers: { cookie: tenant.rootCookie }, payload: { tenantIds: [tenant.tenantId] } });
    jobRunId = runs.json()[0].id;
  });
  afterAll(() => app?.stop());

  it('should give the platform role no privilege on any tenant-internal table', async () => {
    const { rows: tables } = await sql<{ table_name: string }>`
      select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'
      order by table_name`.execute(app.db.owner);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['billing_payment_history', 'billing_payments', 'customers_private', 'notifications_messages', 'collectors_logs', 'collectors_collections', 'collectors_visits', 'collectors_handovers', 'collectors_deposits']));
    const held: Record<string, string[]> = {};
    for (const { table_name: table } of tables) {
      const granted: string[] = [];
      for (const privilege of privileges) {
        const { rows: r } = await sql<{ table: boolean; column: boolean }>`
          select has_table_privilege('simpul_platform', ${table}, ${privilege}) as table,
                 ${['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'].includes(privilege)}
                   and has_any_column_privilege('simpul_platform', ${table}, ${privilege}) as column`.execute(app.db.owner);
        if (r[0]!.table || r[0]!.column) granted.push(privilege);
      }
      if (granted.length) held[table] = granted;
    }
    expect(held).toEqual(platformMay);
  });

  it('should refuse the platform role the collector logs and the cash chain (cannot_view_collector_logs)', async () => {
    for (const table of ['collectors_logs', 'collectors_collections', 'collectors_visits', 'collectors_handovers', 'collectors_deposits']) {
      await expect(app.db.platform((trx) => sql`select * from ${sql.table(table)}`.execute(trx)), table).rejects.toThrow(/permission denied/);
    }
    // The rows are there (so the refusal is not about an empty table).
    const { rows: there } = await sql<{ n: number }>`select count(*)::int as n from collectors_logs where detail = ${rows.secret}`.execute(app.db.owner);
    expect(there[0].n).toBe(1);
  });

  it('should show the platform role no tenant’s audit entries although it may read the log', async () => {
    const visible = await app.db.platform((trx) => sql<{ n: number }>`select count(*)::int as n from identity_audit_log where tenant_id is not null`.execute(trx));
    expect(visible.rows[0]!.n).toBe(0);
    const there = await sql<{ n: number }>`select count(*)::int as n from identity_audit_log where tenant_id is not null`.execute(app.db.owner);
    expect(there.rows[0]!.n).toBeGreaterThan(0);
  });

  it('should answer no GET of the API with anything tenant-internal to the super admin', async () => {
    const paths = Object.entries((await app.http.inject({ method: 'GET', url: '/openapi.json' })).json().paths as Record<string, Record<string, unknown>>)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path)
      // The live feed is a stream that does not end; the super admin is refused it before it opens (below).
      .filter((path) => path !== '/api/live');
    const params: Record<string, string> = {
      tenantId: tenant.tenantId, customerId: rows.customer, invoiceId: rows.invoice, routerId: rows.router, planId: rows.plan,
      userId: rows.user, provider: 'dev_inbox', kind: 'invoice_issued', name: 'auto_isolir_worker', day: '2026-12-25',
      tenantSlug: 'jaring-rahasia', id: jobRunId,
    };
    const statuses: Record<string, number> = {};
    const leaks: string[] = [];
    for (const path of paths) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? newId());
      const res = await app.http.inject({ method: 'GET', url, headers: { cookie: tenant.rootCookie } });
      statuses[path] = res.statusCode;
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
      if (res.body.includes(rows.secret)) leaks.push(`${url}: ${res.body.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
    // Not vacuous: the platform's own endpoints answered, with the tenant in them.
    const platformPaths = paths.filter((p) => p.startsWith('/api/platform/') || p.startsWith('/api/admin/'));
    expect(platformPaths.length).toBeGreaterThan(5);
    expect(platformPaths.filter((p) => statuses[p] !== 200)).toEqual([]);
    const tenants = await app.http.inject({ method: 'GET', url: '/api/platform/tenants', headers: { cookie: tenant.rootCookie } });
    expect(tenants.body).toContain(tenant.tenantId);
    // Tenant routes are refused outright (the super admin works in no tenant).
    for (const path of ['/api/customers', '/api/invoices', '/api/payment-history', '/api/notifications/messages', '/api/live']) {
      const res = await app.http.inject({ method: 'GET', url: path, headers: { cookie: tenant.rootCookie } });
      expect([400, 403], `${path}: ${res.body}`).toContain(res.statusCode);
    }
  });
});
