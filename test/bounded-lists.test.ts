import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../scripts/gen-api-types.ts';

/**
 * Issue 20: no endpoint returns an unbounded list. Every GET whose 200 answer is an array, or an
 * object holding an array, takes a `limit` query parameter with a `maximum` (larger is refused),
 * unless its size is fixed by the product rather than by the tenant's data (the allow-list, each
 * with why). A new list route fails here until it is paged (`src/platform/http/pagination.ts`).
 */
const fixedSize: Record<string, string> = {
  'GET /api/admin/events/handlers': 'the handler registry of the code',
  'GET /api/admin/events/topics': 'the event catalogue of the code',
  'GET /api/admin/events/backlog': 'one row per handler of the code',
  'GET /api/admin/jobs': 'the job definitions of the code',
  'GET /api/billing/gateways': 'one row per supported payment provider',
  'GET /api/billing/gateways/active': 'the supported payment providers',
  'GET /api/me': 'one person: their memberships (a handful of tenants)',
  'GET /api/notifications/templates': 'one template per message kind of the code',
  'GET /api/notifications/templates/{kind}': 'one kind: its audiences of the code',
  'GET /api/notifications/provider': 'the WhatsApp providers on offer',
  'GET /api/platform/features': 'the feature switches of the code',
  'GET /api/platform/saas/addons': 'the add-on catalogue',
  'GET /api/platform/saas/plans': 'the SaaS plan catalogue',
  'GET /api/platform/wa-providers': 'the WhatsApp providers of the code',
  'GET /api/saas/addons': 'the add-on catalogue',
  'GET /api/saas/subscription': 'the plan catalogue features of one subscription',
  'GET /api/maps/odps/{id}/ports': 'one ODP: at most its port count (≤ 256)',
  'GET /api/maps/blast-radius': "one element's subtree: an ODC's ODPs and their ports (capacity ≤ 1024)",
  'GET /api/maps/outages/{id}': 'one outage: its set and clear',
  'GET /api/tasks/{id}': 'one task: its assignees (a crew)',
  'GET /api/reports/customers': 'one row per month of the asked range',
  'GET /api/reports/isolation': 'one row per day of the asked range',
  'GET /api/reports/whatsapp': 'one row per month of the asked range',
  'GET /api/collectors/{collectorUserId}/balance': "one collector's cash in hand, by phase",
  'GET /api/collectors/reports/daily': 'collector × day of a range refused past 92 days (DAILY_REPORT_MAX_DAYS); collectors are staff',
  'GET /api/collector/customers/{customerId}': "one customer's open invoices (months of arrears) and the last 20 visits",
  'GET /api/imports/jobs/{jobId}': "one import: the first 500 row problems, by line (the server's fixed cap)",
};

type Op = { parameters?: { name: string; in: string; schema?: { maximum?: number } }[]; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Schema = { type?: string; $ref?: string; properties?: Record<string, Schema>; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; items?: Schema };

describe('bounded lists', () => {
  it('every GET answering a list takes a limit with a maximum (or is a fixed-size catalogue)', async () => {
    const doc = (await buildOpenApiDocument()) as { paths: Record<string, Record<string, Op>>; components?: { schemas?: Record<string, Schema> } };
    const resolve = (s: Schema | undefined): Schema => (s?.$ref ? resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!]) : (s ?? {}));
    const isList = (raw: Schema | undefined): boolean => {
      const s = resolve(raw);
      if (s.type === 'array') return true;
      if ([...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].some(isList)) return true;
      return Object.values(s.properties ?? {}).some((p) => {
        const r = resolve(p);
        return r.type === 'array' || [...(r.anyOf ?? []), ...(r.oneOf ?? [])].some((x) => resolve(x).type === 'array');
      });
    };
    const unbounded: string[] = [];
    const lists = new Set<string>();
    const paged = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (!op) continue;
      const key = `GET ${path}`;
      if (!isList(op.responses?.['200']?.content?.['application/json']?.schema)) continue;
      lists.add(key);
      const limit = op.parameters?.find((p) => p.in === 'query' && p.name === 'limit');
      const bounded = typeof limit?.schema?.maximum === 'number';
      if (bounded) paged.add(key);
      else if (!(key in fixedSize)) unbounded.push(key);
    }
    expect(unbounded, 'lists without a bounded `limit` (pageQuery in src/platform/http/pagination.ts), or add a fixed-size reason').toEqual([]);
    // The lists stay true: an entry for a route that is no longer a list, or is paged now, goes.
    const stale = Object.keys(fixedSize).filter((k) => !lists.has(k) || paged.has(k));
    expect(stale, 'allow-list entries that are not unpaged lists any more').toEqual([]);
  }, 120_000);
});
