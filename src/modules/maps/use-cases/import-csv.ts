import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { mapsErrors } from '../maps.errors.ts';
import { AppError, type FieldProblem } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { MapsContext } from '../maps.model.ts';
import { assertOdpsWithinLimit } from './topology.ts';

/**
 * Topology from a spreadsheet: `code,name,lat,lng,parent,ports` (a header row first). For ODCs
 * `parent` is the optional feeder (POP/OLT port) and `ports` the capacity in ODPs; for ODPs
 * `parent` is the ODC's code and `ports` the number of ports. Preview first (every row with its
 * field errors), then commit: all rows or none.
 */
export type ImportKind = 'odc' | 'odp';
export type ImportRow = {
  line: number;
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  parent: string;
  ports: number | null;
  errors: FieldProblem[];
};
export type ImportPreview = { kind: ImportKind; total: number; valid: number; invalid: number; rows: ImportRow[] };
export type ImportOptions = { kind: ImportKind; csv: string };

export const MAX_IMPORT_ROWS = 10_000;
const columns = ['code', 'name', 'lat', 'lng', 'parent', 'ports'] as const;

/** RFC 4180 fields: commas or semicolons (Indonesian Excel exports use `;`), quotes doubled inside quotes. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const numberOrNull = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s.trim())) ? null : Number(s.trim()));

export async function previewImport(trx: Tx, options: ImportOptions): Promise<ImportPreview> {
  const parsed = parseCsv(options.csv);
  const header = (parsed[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new AppError(mapsErrors.IMPORT_INVALID, `The first row must name the columns ${columns.join(', ')}; missing: ${missing.join(', ')}.`, {
      fields: { csv: `missing columns: ${missing.join(', ')}` },
      rows: [],
    });
  }
  const body = parsed.slice(1);
  if (body.length === 0) throw new AppError(mapsErrors.IMPORT_INVALID, 'The file has no rows under its header.', { fields: { csv: 'no rows' }, rows: [] });
  if (body.length > MAX_IMPORT_ROWS) throw new AppError(mapsErrors.IMPORT_INVALID, `At most ${MAX_IMPORT_ROWS} rows per import.`, { fields: { csv: 'too many rows' }, rows: [] });
  const at = (r: string[], c: (typeof columns)[number]) => (r[header.indexOf(c)] ?? '').trim();

  const existing = new Set(
    (options.kind === 'odc' ? await trx.selectFrom('maps_odcs').select('code').execute() : await trx.selectFrom('maps_odps').select('code').execute()).map((r) => r.code),
  );
  const odcs = options.kind === 'odp' ? new Map((await trx.selectFrom('maps_odcs').select(['id', 'code', 'capacity']).execute()).map((r) => [r.code, r])) : new Map();
  const seen = new Map<string, number>();
  const maxPorts = options.kind === 'odc' ? 1024 : 256;

  const rows = body.map((r, i): ImportRow => {
    const line = i + 2;
    const errors: FieldProblem[] = [];
    const problem = (field: string, text: string) => errors.push({ field, problem: text });
    const code = at(r, 'code');
    const name = at(r, 'name');
    const latitude = numberOrNull(at(r, 'lat'));
    const longitude = numberOrNull(at(r, 'lng'));
    const parent = at(r, 'parent');
    const portsText = at(r, 'ports');
    const ports = /^\d+$/.test(portsText) ? Number(portsText) : null;
    if (!code) problem('code', 'required');
    else if (code.length > 40) problem('code', 'at most 40 characters');
    else if (existing.has(code)) problem('code', 'already exists');
    else if (seen.has(code)) problem('code', `repeats line ${seen.get(code)}`);
    if (code) seen.set(code, seen.get(code) ?? line);
    if (!name) problem('name', 'required');
    else if (name.length > 120) problem('name', 'at most 120 characters');
    if (latitude === null) problem('lat', 'not a number');
    else if (latitude < -90 || latitude > 90) problem('lat', 'outside the world (−90…90)');
    if (longitude === null) problem('lng', 'not a number');
    else if (longitude < -180 || longitude > 180) problem('lng', 'outside the world (−180…180)');
    if (latitude === 0 && longitude === 0) problem('lat', '0,0 is not a place in Indonesia (empty coordinates?)');
    if (ports === null || ports < 1 || ports > maxPorts) problem('ports', `a whole number 1–${maxPorts}`);
    if (options.kind === 'odp') {
      if (!parent) problem('parent', 'the ODC code is required');
      else if (!odcs.has(parent)) problem('parent', `unknown ODC "${parent}"`);
    } else if (parent.length > 120) problem('parent', 'at most 120 characters');
    return { line, code, name, latitude, longitude, parent, ports, errors };
  });

  if (options.kind === 'odp') {
    // The ODCs' capacity, with what is there and what this file adds.
    const { rows: used } = await sql<{ odc_id: string; n: string }>`select odc_id, count(*) as n from maps_odps group by odc_id`.execute(trx);
    const count = new Map(used.map((u) => [u.odc_id, Number(u.n)]));
    for (const row of rows) {
      const odc = odcs.get(row.parent);
      if (!odc || row.errors.length) continue;
      const n = (count.get(odc.id) ?? 0) + 1;
      count.set(odc.id, n);
      if (n > odc.capacity) row.errors.push({ field: 'parent', problem: `ODC ${odc.code} is full (${odc.capacity} ODPs)` });
    }
  }
  const invalid = rows.filter((r) => r.errors.length).length;
  return { kind: options.kind, total: rows.length, valid: rows.length - invalid, invalid, rows };
}

/** Validates again (the data may have moved since the preview) and inserts every row in one statement, or none. */
export async function commitImport(ctx: MapsContext, trx: Tx, options: ImportOptions): Promise<{ kind: ImportKind; imported: number }> {
  const preview = await previewImport(trx, options);
  if (preview.invalid > 0) {
    throw new AppError(mapsErrors.IMPORT_INVALID, `${preview.invalid} of ${preview.total} rows have errors: nothing was imported.`, {
      rows: preview.rows.filter((r) => r.errors.length).map((r) => ({ line: r.line, code: r.code, errors: r.errors })),
    });
  }
  const now = ctx.clock.now();
  const data = JSON.stringify(preview.rows.map((r) => ({ id: newId(), code: r.code, name: r.name, lat: r.latitude, lng: r.longitude, parent: r.parent || null, ports: r.ports })));
  if (options.kind === 'odc') {
    await sql`
      insert into maps_odcs (id, tenant_id, code, name, latitude, longitude, capacity, feeder, created_at)
      select r.id, app_tenant_id(), r.code, r.name, r.lat, r.lng, r.ports, r.parent, ${now}
      from jsonb_to_recordset(${data}::jsonb) as r(id uuid, code text, name text, lat float8, lng float8, parent text, ports int)`.execute(trx);
  } else {
    await assertOdpsWithinLimit(ctx, trx, preview.rows.length);
    await sql`
      insert into maps_odps (id, tenant_id, odc_id, code, name, latitude, longitude, port_count, splitter_ratio, created_at)
      select r.id, app_tenant_id(), d.id, r.code, r.name, r.lat, r.lng, r.ports,
        case when r.ports in (2, 4, 8, 16, 32, 64) then '1:' || r.ports else '1:8' end, ${now}
      from jsonb_to_recordset(${data}::jsonb) as r(id uuid, code text, name text, lat float8, lng float8, parent text, ports int)
      join maps_odcs d on d.code = r.parent`.execute(trx);
  }
  return { kind: options.kind, imported: preview.rows.length };
}
