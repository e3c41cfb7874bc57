import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, drivers, loginCookie, openTestDatabase, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';

/** Identity learns which tenants are active from the tenants module (issue 12 item 5): what a person sees. */
describe.each(drivers)('a suspended tenant, as its staff see it, on %s', (driver) => {
  let app: TestApp;
  let home: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  let other: Awaited<ReturnType<typeof seedTenantWithOwner>>;
  const setStatus = (tenantId: string, status: 'active' | 'suspended') =>
    sql`update tenants set status = ${status} where id = ${tenantId}`.execute(app.db.owner);
  const get = (url: string, cookie: string) => app.http.inject({ method: 'GET', url, headers: { cookie } });

  beforeAll(async () => {
    app = await createTestApp(driver);
    home = await seedTenantWithOwner(app, 'rumah');
    other = await seedTenantWithOwner(app, 'tetangga');
    // The home owner also works as a technician for the other ISP.
    await addStaff(app, other.ownerCookie, { email: home.owner.email, name: home.owner.name, roles: ['technician'], password: '', cookie: home.ownerCookie });
  });
  afterAll(() => app?.stop());

  it('should list both tenants while both are active', async () => {
    const me = (await get('/api/me', home.ownerCookie)).json();
    expect(me.tenants.map((t: { id: string }) => t.id)).toEqual([home.tenantId, other.tenantId]);
    expect(me.tenants[1]).toMatchObject({ slug: 'tetangga', name: 'Net tetangga', timeZone: 'Asia/Jakarta', roles: ['technician'] });
  });

  it('should drop a suspended tenant from the list, the open session and the switch, and bring it back once active', async () => {
    const switched = await app.http.inject({ method: 'POST', url: '/api/me/tenant', headers: { cookie: home.ownerCookie }, payload: { tenantId: other.tenantId } });
    expect(switched.json()).toMatchObject({ activeTenantId: other.tenantId, roles: ['technician'] });

    await setStatus(other.tenantId, 'suspended');
    const me = (await get('/api/me', home.ownerCookie)).json();
    expect(me.tenants.map((t: { id: string }) => t.id)).toEqual([home.tenantId]);
    expect(me).toMatchObject({ activeTenantId: null, roles: [] }); // the session working there falls back to no tenant
    const again = await app.http.inject({ method: 'POST', url: '/api/me/tenant', headers: { cookie: home.ownerCookie }, payload: { tenantId: other.tenantId } });
    expect(again.statusCode).toBe(404);
    const login = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: home.owner.email, password: home.owner.password, tenantId: other.tenantId } });
    expect(login.statusCode).toBe(403);
    // The suspended tenant's only owner logs in to no tenant at all.
    const stranded = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: other.owner.email, password: other.owner.password } });
    expect(stranded.json()).toMatchObject({ tenants: [], activeTenantId: null });

    await setStatus(other.tenantId, 'active');
    const back = (await get('/api/me', await loginCookie(app, other.owner.email, other.owner.password))).json();
    expect(back).toMatchObject({ activeTenantId: other.tenantId, roles: ['owner'] });
  });

  it('should refuse an API token and an invitation link of a suspended tenant, and honour both again once active', async () => {
    const ownerCookie = await loginCookie(app, other.owner.email, other.owner.password);
    const created = await app.http.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: ownerCookie }, payload: { name: 'skrip mikrotik', roles: ['owner'] } });
    expect(created.statusCode, created.body).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    const invited = await app.http.inject({ method: 'POST', url: '/api/staff', headers: { cookie: ownerCookie }, payload: { email: 'baru@tetangga.test', name: 'Baru', roles: ['technician'] } });
    expect(invited.statusCode).toBe(201);
    const accept = () => app.http.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: invited.json().token, password: 'kata-sandi-baru-2026' } });
    expect((await app.http.inject({ method: 'GET', url: '/api/staff', headers: bearer })).statusCode).toBe(200);

    await setStatus(other.tenantId, 'suspended');
    const refused = await app.http.inject({ method: 'GET', url: '/api/staff', headers: bearer });
    expect(refused.statusCode).toBe(401);
    const notAccepted = await accept();
    expect(notAccepted.statusCode).toBe(404);
    expect(notAccepted.json().error.code).toBe('NOT_FOUND');

    await setStatus(other.tenantId, 'active');
    expect((await app.http.inject({ method: 'GET', url: '/api/staff', headers: bearer })).statusCode).toBe(200);
    const accepted = await accept();
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ tenantId: other.tenantId, roles: ['technician'] });
  });
});

describe('reads of the tenants table', () => {
  it('should happen only in the tenants module: identity and the platform go through its directory', async () => {
    const root = path.resolve('src');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith(`modules${path.sep}tenants${path.sep}`));
    const readers: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(root, file), 'utf8');
      if (/(selectFrom|innerJoin|leftJoin)\(\s*'tenants[ ']|\b(from|join)\s+tenants\b/.test(text)) readers.push(file);
    }
    expect(readers.filter((f) => f.startsWith('modules/identity/') || f.startsWith('platform/'))).toEqual([]);
  });

  it.each(drivers)('should happen in SQL only through what the tenants module publishes, on %s', async (driver) => {
    const db = await openTestDatabase(driver);
    try {
      // Functions of other modules call tenants_status(); only the tenants module's own SQL names the table.
      const functions = await sql<{ proname: string }>`
        select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prosrc ~* '(from|join)\\s+tenants\\M' order by p.proname`.execute(db.owner);
      expect(functions.rows.map((r) => r.proname)).toEqual(['tenants_status']);
      const views = await sql<{ view_name: string }>`
        select distinct view_name from information_schema.view_table_usage where table_name = 'tenants' order by view_name`.execute(db.owner);
      expect(views.rows.map((r) => r.view_name)).toEqual(['platform_tenant_summaries']);
      // and the tenants table's own policies read identity only through what identity publishes
      const policies = await sql<{ policyname: string; qual: string }>`select policyname, qual from pg_policies where tablename = 'tenants' order by policyname`.execute(db.owner);
      expect(policies.rows.map((r) => r.policyname)).toEqual(['member_of', 'platform_all', 'support_tenant', 'tenant_self']);
      expect(policies.rows.filter((r) => /identity_(memberships|users)/.test(r.qual ?? '')).map((r) => r.policyname)).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
