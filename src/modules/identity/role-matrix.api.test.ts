import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { staffRoles, type StaffRole } from './identity.tables.ts';
import { hasPermission, type Permission } from './permissions.ts';
import { addStaff, createTestApp, seedTenantWithOwner, type TestApp } from '../../../test/harness.ts';

type Operation = { method: string; path: string; permission: Permission; hasBody: boolean; params: { name: string; schema: { format?: string; enum?: string[] } }[] };

/**
 * Every operation of /openapi.json that declares a permission (`x-permission`), called by a
 * session of each role and by an API token of each role: exactly the table in permissions.ts
 * decides between 403 and getting past the guard (2xx, or a 4xx about the input). One database
 * shape suffices: the guard is the same code on both.
 */
describe('role matrix', () => {
  let app: TestApp;
  let operations: Operation[];
  const callers: { label: string; role: StaffRole; headers: Record<string, string> }[] = [];

  beforeAll(async () => {
    app = await createTestApp('pglite');
    const tenant = await seedTenantWithOwner(app, 'matrix');
    // One person holding every role makes the tokens: a token's roles must be its creator's.
    const everything = await addStaff(app, tenant.ownerCookie, { email: 'semua@matrix.test', name: 'Semua', roles: [...staffRoles], password: 'semua-peran-2026' });
    for (const role of staffRoles) {
      const cookie = role === 'owner' ? tenant.ownerCookie : (await addStaff(app, tenant.ownerCookie, { email: `${role}@matrix.test`, name: role, roles: [role], password: `${role}-rahasia-2026` })).cookie;
      callers.push({ label: `${role} session`, role, headers: { cookie } });
      const token = await app.http.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: everything.cookie }, payload: { name: role, roles: [role] } });
      callers.push({ label: `${role} token`, role, headers: { authorization: `Bearer ${token.json().token}` } });
    }
    const spec = (await app.http.inject({ method: 'GET', url: '/openapi.json' })).json();
    operations = Object.entries(spec.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op['x-permission'])
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          permission: op['x-permission'] as Permission,
          hasBody: Boolean(op.requestBody),
          params: ((op.parameters ?? []) as (Operation['params'][number] & { in: string })[]).filter((p) => p.in === 'path'),
        })),
    );
  });
  afterAll(() => app?.stop());

  /** A path with well-formed values, so an allowed caller reaches the handler (typically a 404 for an unknown id). */
  const urlOf = (op: Operation) =>
    op.params.reduce((url, p) => url.replace(`{${p.name}}`, p.schema.enum?.[0] ?? (p.schema.format === 'uuid' ? newId() : '2026-12-25')), op.path);

  it('should give every role, by session and by token, exactly what permissions.ts allows', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const mismatches: string[] = [];
    let allowed = 0;
    let refused = 0;
    for (const op of operations) {
      const url = urlOf(op);
      const anonymous = await app.http.inject({ method: op.method as 'GET', url, ...(op.hasBody ? { payload: {} } : {}) });
      if (anonymous.statusCode !== 401) mismatches.push(`anonymous ${op.method} ${op.path} → ${anonymous.statusCode}, expected 401`);
      for (const caller of callers) {
        const res = await app.http.inject({ method: op.method as 'GET', url, headers: caller.headers, ...(op.hasBody ? { payload: {} } : {}) });
        const may = hasPermission([caller.role], op.permission);
        if (may) allowed++;
        else refused++;
        const ok = may ? res.statusCode !== 403 && res.statusCode !== 401 : res.statusCode === 403 && res.json().error.code === 'FORBIDDEN';
        if (!ok) mismatches.push(`${caller.label} ${op.method} ${op.path} (${op.permission}) → ${res.statusCode}, expected ${may ? 'not 401/403' : '403'}`);
      }
    }
    // eslint-disable-next-line no-console -- the counts are part of the report this test gives
    console.log(
      `role matrix: ${operations.length} operations with a permission × ${callers.length} callers (${staffRoles.length} roles, session and token) = ${allowed + refused} requests: ${allowed} allowed, ${refused} refused with 403; ${operations.length} anonymous → 401`,
    );
    expect(mismatches).toEqual([]);
  });
});
