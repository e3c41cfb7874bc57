import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../scripts/gen-api-types.ts';
import { registeredErrorCodes } from '../src/platform/errors/app-error.ts';
import { en } from '../web/src/locales/en.ts';
import { id } from '../web/src/locales/id.ts';

/**
 * Every code the console shows a person has words in both languages. The API's enums are read
 * from its own OpenAPI document, so a new status, role or kind on the server fails here until
 * the dictionaries name it — and a new enum fails until it is listed below, shown (with the
 * prefix of its keys) or not shown (with the reason).
 */
type Enum = { property: string; values: string[]; where: string };

/** Enums a person sees: `property` where the API sends it, one of its values to tell it apart, the key prefix. */
const shown: { property: string; has: string; prefix: string }[] = [
  { property: 'bucket', has: '31-60', prefix: 'reports.bucket.' },
  { property: 'source', has: 'phpnuxbill', prefix: 'imports.source.' },
  { property: 'mode', has: 'update', prefix: 'imports.mode.' },
  { property: 'status', has: 'awaiting_setoran', prefix: 'status.' },
  { property: 'stage', has: 'grace_expired', prefix: 'stage.' },
  { property: 'status', has: 'sending', prefix: 'wa.status.' },
  { property: 'status', has: 'in_sync', prefix: 'sync.' },
  { property: 'status', has: 'queued', prefix: 'imports.job.status.' }, // before jobs.status: an import job is also 'running'
  { property: 'status', has: 'running', prefix: 'jobs.status.' },
  { property: 'status', has: 'dead', prefix: 'failureStatus.' },
  { property: 'status', has: 'terminated', prefix: 'customerStatus.' },
  { property: 'status', has: 'suspended', prefix: 'tenantStatus.' },
  { property: 'status', has: 'disabled', prefix: 'staffStatus.' },
  { property: 'roles', has: 'collector', prefix: 'role.' },
  { property: 'isolationTrigger', has: 'overdue_after_grace_period', prefix: 'billing.trigger.' },
  { property: 'connectionType', has: 'pppoe', prefix: 'connection.' },
  { property: 'desiredState', has: 'isolated', prefix: 'line.' },
  { property: 'appliedState', has: 'isolated', prefix: 'line.' },
  { property: 'action', has: 'restored', prefix: 'isolation.action.' },
  { property: 'actorType', has: 'system', prefix: 'actorType.' },
  { property: 'health', has: 'failing', prefix: 'routers.health.' },
  { property: 'apiKind', has: 'rest', prefix: 'routers.apiKind.' },
  { property: 'errorKind', has: 'permanent', prefix: 'events.errorKind.' },
  { property: 'trigger', has: 'schedule', prefix: 'jobs.trigger.' },
  { property: 'type', has: 'collected_by_collector', prefix: 'payment.' },
  { property: 'method', has: 'transfer', prefix: 'method.' },
  { property: 'kind', has: 'invoice_issued', prefix: 'waKind.' },
  { property: 'kind', has: 'session_started', prefix: 'session.kind.' },
  { property: 'provider', has: 'fonnte', prefix: 'wa.providerName.' },
  { property: 'offered', has: 'fonnte', prefix: 'wa.providerName.' },
  { property: 'provider', has: 'midtrans', prefix: 'gateway.provider.' },
  { property: 'providers', has: 'midtrans', prefix: 'gateway.provider.' },
  { property: 'recipientType', has: 'staff', prefix: 'recipientType.' },
  { property: 'language', has: 'en', prefix: 'language.' },
  { property: 'status', has: 'on_the_way', prefix: 'tasks.status.' },
  { property: 'to', has: 'on_the_way', prefix: 'tasks.status.' },
  { property: 'kind', has: 'outage_fix', prefix: 'tasks.kind.' },
  { property: 'priority', has: 'urgent', prefix: 'tasks.priority.' },
  { property: 'kind', has: 'outage', prefix: 'tasks.targetKind.' },
  { property: 'kind', has: 'distribution', prefix: 'maps.cable.' },
  { property: 'elementKind', has: 'client', prefix: 'maps.level.' },
  { property: 'kind', has: 'client', prefix: 'maps.level.' },
  { property: 'status', has: 'short_settled', prefix: 'handover.' },
  { property: 'result', has: 'not_home', prefix: 'visit.' },
  { property: 'feature', has: 'ftth_maps', prefix: 'feature.' },
  { property: 'features', has: 'ftth_maps', prefix: 'feature.' },
  { property: 'limitName', has: 'photo_storage_mb', prefix: 'limit.' },
  { property: 'status', has: 'void', prefix: 'subscription.status.' },
];

/** Enums never shown as a code, each with why. */
const notShown: { property: string; has: string; why: string }[] = [
  { property: 'paper', has: 'a4', why: 'receipt print width in a link (58 mm / 80 mm / A4 labels are their own keys)' },
  { property: 'groupBy', has: 'month', why: 'report grouping chosen by buttons with their own labels' },
  { property: 'format', has: 'xlsx', why: 'export file format in download links (CSV / XLSX)' },
  { property: 'action', has: 'invalid', why: 'import plan row action: the page counts rows and shows problems, not the code' },
  { property: 'unmatchedRouters', has: 'none', why: 'import choice offered as the sentences imports.unmatchedRouters.error / .none' },
  { property: 'action', has: 'existing', why: 'import plan paket action: only used to pick new pakets for pricing' },
  { property: 'timeZone', has: 'WITA', why: 'proper names (WIB, Asia/Jakarta) shown as they are' },
  { property: 'source', has: 'platform', why: 'shown as the sentences wa.ownAccount / wa.platformAccount' },
  { property: 'mode', has: 'sandbox', why: 'gateway mode, shown through gateway.mode.* by AccountFields' },
  { property: 'action', has: 'isolate', why: 'bulk isolation choice: the modal words it as the sentences bulk.isolate / bulk.restore' },
  { property: 'result', has: 'skipped', why: 'bulk preview outcome: picks between bulk.changes and bulk.skipped with the refusal’s errors.<CODE>' },
  { property: 'action', has: 'cleared', why: 'outage history entry: the map shows its start and cleared times, not the action' },
  { property: 'assignee', has: 'me', why: 'query filter for the technician’s own tasks' },
  { property: 'contentType', has: 'application/pdf', why: 'MIME type of the uploaded deposit proof' },
  { property: 'proofContentType', has: 'application/pdf', why: 'MIME type, used only to open the proof file' },
  { property: 'kind', has: 'customer', why: 'kind of the element a field activity was logged at: the log shows technician, time and note' },
  { property: 'kind', has: 'odc', why: 'CSV import choice, offered as ODC / ODP (the element types’ names, the same in both languages)' },
  { property: 'kind', has: 'addon', why: 'SaaS invoice kind: the invoice lists show its description instead' },
  { property: 'paidVia', has: 'super_admin', why: 'who marked a SaaS invoice paid: not shown in the invoice lists' },
  { property: 'outageFixMode', has: 'propose', why: 'technicians setting read by the server; no console page shows it yet' },
  { property: 'placedBy', has: 'gps', why: 'picks the border colour of a photo pin (explained by tasks.overlayHelp)' },
  { property: 'source', has: 'complaint', why: 'where a task came from: the task board does not show it' },
  { property: 'source', has: 'deployment', why: 'base map source, shown as the sentences maps.tileSourceTenant / maps.tileSourceDeployment' },
  { property: 'splitterRatio', has: '1:8', why: 'a splitter ratio (1:8), written the same in every language' },
  { property: 'state', has: 'u', why: 'one-letter map state, drawn as a colour and named by the legend (maps.state.*)' },
  { property: 'status', has: 'all', why: 'list filter of a query (open / cleared / active / all): the filter controls have their own labels' },
  { property: 'status', has: 'handed_over', why: 'collection state: the collector chain draws it as steps (chain.*), a rejection as chain.rejected' },
  { property: 'status', has: 'rejected', why: 'answer of rejecting a collection: the page shows the done notification' },
  { property: 'status', has: 'dismissed', why: 'outage suggestion state: the list shows open ones only, with accept / dismiss buttons' },
  { property: 'statusChange', has: 'on_the_way', why: 'status a field activity moved its task to: the log shows the note, the timeline the status (to)' },
  { property: 'from', has: 'on_the_way', why: 'previous status in a task’s history: the timeline names only the new one (to)' },
  { property: 'undeposited', has: 'true', why: 'boolean-like query filter' },
  { property: 'variant', has: 'thumb', why: 'photo size asked for in the file URL' },
];

/** Every enum of the document, with the property that carries it. */
function enumsOf(node: unknown, where: string, property: string, out: Enum[]) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => enumsOf(item, `${where}[${i}]`, property, out));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.enum) && record.enum.every((v) => typeof v === 'string' || v === null)) {
    const values = (record.enum as (string | null)[]).filter((v): v is string => v !== null);
    if (values.length > 0) out.push({ property, values, where });
  }
  for (const [key, value] of Object.entries(record)) {
    // A schema's properties are named by their keys; items and anyOf keep the name they belong to.
    const next = where.endsWith('.properties') ? key : key === 'properties' || key === 'items' || key === 'anyOf' || key === 'oneOf' || key === 'allOf' || /^\d+$/.test(key) ? property : key;
    enumsOf(value, `${where}.${key}`, next, out);
  }
}

describe('web translations', () => {
  let enums: Enum[];

  beforeAll(async () => {
    const document = await buildOpenApiDocument();
    const found: Enum[] = [];
    // Responses and request bodies only: path and query parameters are typed separately by name.
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const op = operation as { responses?: unknown; requestBody?: unknown; parameters?: { name: string; schema?: unknown }[] };
        enumsOf(op.responses, `${method} ${path} responses`, '', found);
        enumsOf(op.requestBody, `${method} ${path} body`, '', found);
        for (const parameter of op.parameters ?? []) enumsOf(parameter.schema, `${method} ${path} ${parameter.name}`, parameter.name, found);
      }
    }
    enums = found;
  }, 120_000);

  it('should have the same keys in Indonesian and English, none of them empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, text] of [...Object.entries(id), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('should know every enum the API sends: shown with a key prefix, or listed as not shown', () => {
    expect(enums.length).toBeGreaterThan(20);
    const unlisted = enums.filter(
      (e) => !shown.some((s) => s.property === e.property && e.values.includes(s.has)) && !notShown.some((s) => s.property === e.property && e.values.includes(s.has)),
    );
    expect(
      unlisted.map((e) => `${e.where}: ${e.property} = ${e.values.join(' | ')}`),
      'an enum of the API is neither listed as shown (with its translation prefix) nor as not shown',
    ).toEqual([]);
  });

  it('should translate every value of every shown enum into Indonesian and English', () => {
    const missing = new Set<string>();
    for (const e of enums) {
      const entry = shown.find((s) => s.property === e.property && e.values.includes(s.has));
      if (!entry) continue;
      for (const value of e.values) {
        const key = entry.prefix + value;
        if (!(key in id) || !(key in en)) missing.add(`${key} (${e.where})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('should say every error code the API can answer in both languages (errors.<CODE>)', async () => {
    await import('../src/composition-root.ts'); // every module's errors file registers its codes
    const codes = [...registeredErrorCodes().keys()];
    expect(codes).toContain('PAYMENT_AMOUNT_MISMATCH');
    const missing = codes.filter((code) => !(`errors.${code}` in id) || !(`errors.${code}` in en));
    expect(missing, 'add errors.<CODE> to web/src/locales/id.ts and en.ts').toEqual([]);
  });

  it('should have no translation for a code the API no longer answers', async () => {
    await import('../src/composition-root.ts');
    const codes = new Set(registeredErrorCodes().keys());
    const stale = Object.keys(id).filter((key) => key.startsWith('errors.') && !codes.has(key.slice('errors.'.length)));
    expect(stale).toEqual([]);
  });
});
