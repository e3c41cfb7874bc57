import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouterStandIn } from '../../src/simulators/routeros/router-stand-in.ts';
import { createTestApp, seedTenantWithOwner, type TestApp } from '../harness.ts';

/**
 * Walks /openapi.json and sends malformed variants of every operation, as the tenant's owner and
 * anonymously: wrong types, missing fields, 100 kB strings, NUL and escape characters, deep
 * nesting, arrays for objects, a wrong content type, an empty body, bad path parameters.
 * Every answer must be below 500 and in the one error shape, anonymous calls to protected
 * operations are 401 whatever their input, and a refused request changes nothing in the database.
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
};
type Variant = { label: string; path: string; query?: string; body?: { payload: string; contentType?: string } };

const LONG = 'x'.repeat(100_000);
const NUL = 'fuzz\u0000nul';
const ESCAPE = 'fuzz\u001b[2J';
const deep = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: deep(depth - 1) });

/** Operations whose success would end the fuzzing session itself; they are still fuzzed anonymously. */
const ownerSkips = new Set(['POST /api/auth/logout']);
/** A never-ending stream: answering it is tested in live-updates.e2e. */
const skips = new Set(['GET /api/live']);
/** Tables a refused request is meant to write: the audit log (a failed login) and the log of provider notifications as received. */
const logTables = new Set(['identity_audit_log', 'billing_gateway_notifications']);

/** A value the schema accepts, as far as a small generator can tell (good enough to mutate one field at a time). */
function sample(schema: JsonSchema | undefined, known: Record<string, string>, name = ''): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternative = schema.anyOf ?? schema.oneOf;
  if (alternative?.length) return sample(alternative.find((s) => s.type !== 'null') ?? alternative[0], known, name);
  if (schema.allOf?.length) return sample(schema.allOf[0], known, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(value, known, key)]));
    case 'array':
      return [sample(schema.items, known, name)];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      if (known[name]) return known[name];
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return 'fuzz@example.id';
      if (schema.format === 'date') return '2026-12-01';
      if (schema.format === 'date-time') return '2026-12-01T03:00:00.000Z';
      if (schema.format === 'ipv4') return '10.9.9.9';
      if (name === 'phone') return '081299990000';
      return 'fuzz'.padEnd(schema.minLength ?? 1, 'z').slice(0, schema.maxLength ?? 64);
  }
}

/** The one value a field must not take: the wrong JSON type for it. */
function wrongType(schema: JsonSchema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === 'string') return 12345;
  if (type === 'integer' || type === 'number') return 'not-a-number';
  if (type === 'boolean') return 'yes';
  if (type === 'array') return { not: 'an array' };
  if (type === 'object') return ['not', 'an', 'object'];
  return { unexpected: true };
}

function variantsOf(path: string, operation: Operation, known: Record<string, string>): Variant[] {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const goodPath = (override: Record<string, string> = {}) =>
    path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (override[name] !== undefined) return override[name];
      const schema = pathParams.find((p) => p.name === name)?.schema;
      return encodeURIComponent(String(sample(schema, known, name)));
    });
  const goodQuery = () =>
    new URLSearchParams(
      queryParams.filter((p) => p.required).map((p): [string, string] => [p.name, String(sample(p.schema, known, p.name))]),
    ).toString();
  const variants: Variant[] = [];
  const add = (label: string, parts: Partial<Variant>) => variants.push({ label, path: goodPath(), query: goodQuery(), ...parts });

  for (const p of pathParams) {
    for (const [label, value] of [
      ['not a uuid', 'not-a-uuid'],
      ['NUL', '%00'],
      ['escape', '%1B%5B2J'],
      ['100 kB', LONG],
      ['bad percent-encoding', '%E0%A4%A'],
      ['negative number', '-1'],
    ] as const) {
      add(`path ${p.name}: ${label}`, { path: goodPath({ [p.name]: value }) });
    }
  }
  for (const p of queryParams) {
    const others = goodQuery();
    const withValue = (raw: string) => [others, `${encodeURIComponent(p.name)}=${raw}`].filter(Boolean).join('&');
    add(`query ${p.name}: wrong type`, { query: withValue(encodeURIComponent(String(wrongType(p.schema)))) });
    add(`query ${p.name}: NUL`, { query: withValue('%00') });
    add(`query ${p.name}: 100 kB`, { query: withValue(LONG) });
    add(`query ${p.name}: repeated`, { query: `${withValue('a')}&${encodeURIComponent(p.name)}=b` });
  }
  add('unknown query parameter with NUL', { query: [goodQuery(), 'fuzz=%00'].filter(Boolean).join('&') });

  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  const json = (value: unknown) => ({ payload: JSON.stringify(value), contentType: 'application/json' });
  add('empty JSON body', { body: { payload: '', contentType: 'application/json' } });
  add('malformed JSON', { body: { payload: '{"a":', contentType: 'application/json' } });
  add('wrong content type', { body: { payload: 'hello', contentType: 'text/plain' } });
  add('form body', { body: { payload: 'a=1&b=%00', contentType: 'application/x-www-form-urlencoded' } });
  add('deep nesting', { body: json(deep(2_000)) });
  add('array for the object', { body: json([sample(bodySchema, known)]) });
  add('null body', { body: json(null) });
  if (bodySchema) {
    const good = sample(bodySchema, known) as Record<string, unknown>;
    add('empty object', { body: json({}) });
    add('unknown field with NUL', { body: json({ ...good, ['fuzz\u0000field']: NUL }) });
    for (const [field, schema] of Object.entries(bodySchema.properties ?? {})) {
      const without = { ...good };
      delete without[field];
      add(`body ${field}: missing`, { body: json(without) });
      add(`body ${field}: wrong type`, { body: json({ ...good, [field]: wrongType(schema) }) });
      add(`body ${field}: null`, { body: json({ ...good, [field]: null }) });
      add(`body ${field}: 100 kB string`, { body: json({ ...good, [field]: LONG }) });
      add(`body ${field}: 30 kB string`, { body: json({ ...good, [field]: LONG.slice(0, 30_000) }) });
      add(`body ${field}: NUL`, { body: json({ ...good, [field]: NUL }) });
      add(`body ${field}: escape`, { body: json({ ...good, [field]: ESCAPE }) });
      add(`body ${field}: deep nesting`, { body: json({ ...good, [field]: deep(200) }) });
      add(`body ${field}: array`, { body: json({ ...good, [field]: [good[field], good[field]] }) });
    }
  }
  return variants;
}

function shapeProblem(status: number, contentType: string | undefined, body: string): string | undefined {
  if (status < 400) return undefined;
  if (!contentType?.includes('application/json')) return `not JSON (${contentType})`;
  let parsed: { error?: { code?: unknown; message?: unknown; details?: { fields?: unknown } } };
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'unparsable JSON';
  }
  const error = parsed.error;
  if (!error || typeof error.code !== 'string' || !/^[A-Z][A-Z_]+$/.test(error.code) || typeof error.message !== 'string' || !error.message) {
    return `not { error: { code, message } }: ${body.slice(0, 200)}`;
  }
  const fields = error.details?.fields;
  if (fields !== undefined && !(Array.isArray(fields) && fields.every((f) => typeof f?.field === 'string' && typeof f?.problem === 'string'))) {
    return `details.fields is not [{ field, problem }]: ${JSON.stringify(fields).slice(0, 200)}`;
  }
  return undefined;
}

describe('fuzzing every operation of /openapi.json', () => {
  let app: TestApp;
  let router: RouterStandIn;
  let cookie: string;
  let tables: string[];
  const known: Record<string, string> = {};

  /** Row count and an order-free hash of every row of every application table: any write shows. */
  const fingerprint = async () => {
    const parts = tables.map((t) => sql`select ${t}::text as t, count(*)::text as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from ${sql.table(t)} x`);
    const { rows } = await sql<{ t: string; n: string; h: string }>`${sql.join(parts, sql` union all `)}`.execute(app.db.owner);
    return new Map(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
  };
  const changedTables = (before: Map<string, string>, after: Map<string, string>) => [...after].filter(([t, v]) => before.get(t) !== v).map(([t]) => t);
  /**
   * The first transaction id not yet handed out: a transaction that writes anything takes one, so
   * while it stays the same nothing was written and the last fingerprint still holds (most refused
   * requests only read). Hashing every table after each of thousands of requests took minutes.
   */
  const nextTxid = async () => (await sql<{ x: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as x`.execute(app.db.owner)).rows[0]!.x;

  beforeAll(async () => {
    app = await createTestApp('postgres'); // faster than PGlite for thousands of requests; the HTTP shell is the same
    const seeded = await seedTenantWithOwner(app, 'fuzz');
    cookie = seeded.ownerCookie;
    // Real ids for path parameters, so malformed bodies reach the services behind them.
    const call = async (url: string, payload: object) => (await app.http.inject({ method: 'POST', url, headers: { cookie }, payload })).json();
    router = await RouterStandIn.start({ username: 'simpul', password: 'router-pass' });
    const routerRow = await call('/api/routers', { name: 'Fuzz core', host: router.host, port: router.apiPort, apiKind: 'routeros-api', username: 'simpul', password: 'router-pass' });
    const plan = await call('/api/plans', { name: 'Fuzz 10', downloadKbps: 10_000, uploadKbps: 5_000, monthlyPrice: 100_000, routerProfile: 'fuzz' });
    const customer = await call('/api/customers', {
      name: 'Fuzz',
      phone: '081200001111',
      planId: plan.id,
      connectionType: 'static',
      ipAddress: '10.1.1.1',
      routerId: routerRow.id,
      activatedOn: '2026-01-01',
    });
    expect((await call('/api/billing/invoices/generate', { period: '2026-11-01' })).issued).toBe(1);
    const invoice = (await app.http.inject({ method: 'GET', url: '/api/invoices', headers: { cookie } })).json();
    const invoiceId = (Array.isArray(invoice) ? invoice : invoice.items)[0].id;
    Object.assign(known, { planId: plan.id, customerId: customer.id, routerId: routerRow.id, invoiceId, tenantSlug: 'fuzz' });
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations' order by table_name`.execute(app.db.owner);
    tables = rows.map((r) => r.table_name).filter((t) => !logTables.has(t));
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await router?.stop();
  });

  it('should answer every malformed request below 500, in the one error shape, changing nothing when refused', async () => {
    const spec = (await app.http.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const counts = { operations: 0, requests: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const failures: string[] = [];
    let before = await fingerprint();
    let txid = await nextTxid();

    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`;
        if (skips.has(name)) continue;
        counts.operations++;
        const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
        for (const variant of variantsOf(path, operation, known)) {
          for (const as of ownerSkips.has(name) ? ['anonymous'] : ['owner', 'anonymous']) {
            const res = await app.http.inject({
              method: method.toUpperCase() as 'GET',
              url: variant.path + (variant.query ? `?${variant.query}` : ''),
              headers: { ...(as === 'owner' ? { cookie } : {}), ...(variant.body?.contentType ? { 'content-type': variant.body.contentType } : {}) },
              ...(variant.body && method !== 'get' ? { payload: variant.body.payload } : {}),
            });
            counts.requests++;
            counts[`${Math.floor(res.statusCode / 100)}xx` as '2xx']++;
            const where = `${name} [${variant.label}] as ${as} → ${res.statusCode}`;
            if (res.statusCode >= 500) failures.push(`${where}: ${res.body.slice(0, 300)}`);
            const problem = shapeProblem(res.statusCode, res.headers['content-type'] as string | undefined, res.body);
            if (problem) failures.push(`${where}: ${problem}`);
            // An address that cannot be routed (bad encoding, a segment over the limit) is refused before any route is known.
            const unroutable = /path .*: (bad percent-encoding|100 kB)$/.test(variant.label);
            if (as === 'anonymous' && !isPublic && !unroutable && res.statusCode !== 401) failures.push(`${where}: anonymous, expected 401`);
            const txidAfter = await nextTxid();
            if (txidAfter === txid) continue; // nothing was written
            const after = await fingerprint();
            const changed = changedTables(before, after);
            if (res.statusCode >= 400 && changed.length) failures.push(`${where}: refused, yet changed ${changed.join(', ')}`);
            before = after;
            txid = await nextTxid(); // the fingerprint's own read takes none
          }
        }
      }
    }
    console.log(`fuzz: ${JSON.stringify(counts)}`);
    expect(failures).toEqual([]);
    expect(counts.operations).toBeGreaterThan(80);
  }, 300_000);
});
