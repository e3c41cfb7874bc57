import { sql } from 'kysely';
import type { Page } from '../../../platform/http/pagination.ts';
import type { TenantId, Tx } from '../../../platform/db/database.ts';
import { AppError, AppErrorCode } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { importsErrors } from '../imports.errors.ts';
import type { ImportJob, ImportJobStatus, ImportMode, ImportSource, RowProblem } from '../imports.model.ts';
import { planImport, type ImportContext, type PlanImportOptions } from './plan-import.ts';

/** The channel a queued job wakes the import worker on. */
export const IMPORT_JOBS_CHANNEL = 'imports_jobs';
/** How many failed rows' problems a job's answer lists (the counts say how many there are). */
const LISTED_PROBLEMS = 500;

export type QueueImportOptions = PlanImportOptions & { skipInvalid: boolean };
type JobRowInsert = { seq: number; line: number; kind: 'paket' | 'customer'; label: string; payload: unknown; status: 'pending' | 'failed'; problems: RowProblem[] };

/**
 * "Confirm": the plan again (the tenant's data may have moved since the preview), refused while
 * rows have problems unless the operator chose to skip them; otherwise one job with a row per
 * paket to create and per customer, in import order. Nothing else changes until the worker runs.
 */
export async function queueImport(ctx: ImportContext, trx: Tx, tenantId: TenantId, options: QueueImportOptions): Promise<ImportJob> {
  const plan = await planImport(ctx, trx, options);
  if (plan.errors.length > 0 && !options.skipInvalid) {
    throw new AppError(importsErrors.IMPORT_HAS_ERRORS, `${plan.errors.length} problem(s) in the file; nothing was imported.`, { errors: plan.errors.slice(0, 200) });
  }
  const problemsAt = Map.groupBy(plan.errors, (e) => e.line);
  const rows: JobRowInsert[] = [];
  for (const p of plan.pakets) {
    if (p.action !== 'create') continue;
    const problems = problemsAt.get(p.line)?.filter((e) => e.field === 'price' || e.field === 'speed') ?? [];
    const { line, key, name, downloadKbps, uploadKbps, monthlyPrice } = p;
    rows.push({ seq: rows.length, line, kind: 'paket', label: name, payload: { key, name, downloadKbps, uploadKbps, monthlyPrice }, status: problems.length ? 'failed' : 'pending', problems });
  }
  for (const c of plan.customers) {
    const label = c.pppoeUsername ?? c.ipAddress ?? c.name ?? `#${c.line}`;
    if (c.action === 'invalid') {
      rows.push({ seq: rows.length, line: c.line, kind: 'customer', label, payload: null, status: 'failed', problems: (problemsAt.get(c.line) ?? []).filter((e) => e.field !== 'price' && e.field !== 'speed') });
      continue;
    }
    const { line, name, phone, address, paketKey, pppoeUsername, pppoePassword, ipAddress, activatedOn, latitude, longitude, routerId } = c;
    rows.push({ seq: rows.length, line, kind: 'customer', label, payload: { name, phone, address, paketKey, pppoeUsername, pppoePassword, ipAddress, activatedOn, latitude, longitude, routerId }, status: 'pending', problems: [] });
  }
  // Problems of lines that became no row (a secret without a name) stay on the job as failed rows too.
  const covered = new Set(rows.map((r) => r.line));
  for (const [line, problems] of problemsAt) {
    if (!covered.has(line)) rows.push({ seq: rows.length, line, kind: 'customer', label: `#${line}`, payload: null, status: 'failed', problems });
  }
  const id = newId();
  await trx
    .insertInto('imports_jobs')
    .values({ id, tenant_id: tenantId, source: options.source, mode: options.mode, rows_total: rows.length, rows_failed: rows.filter((r) => r.status === 'failed').length, created_at: ctx.clock.now() })
    .execute();
  // One parameter per statement (a JSON array), so 10,000 rows stay far below PostgreSQL's 65,535 parameters.
  for (let from = 0; from < rows.length; from += 5000) {
    await sql`insert into imports_job_rows (tenant_id, job_id, seq, line, kind, label, payload, status, problems)
      select ${tenantId}, ${id}, r.seq, r.line, r.kind, r.label, r.payload, r.status, r.problems
      from jsonb_to_recordset(${JSON.stringify(rows.slice(from, from + 5000))}::jsonb)
        as r(seq int, line int, kind text, label text, payload jsonb, status text, problems jsonb)`.execute(trx);
  }
  await sql`select pg_notify(${IMPORT_JOBS_CHANNEL}, '')`.execute(trx);
  return (await getImportJob(trx, id)).job;
}

type JobRow = {
  id: string;
  source: string;
  mode: string;
  status: string;
  rows_total: number;
  rows_done: number;
  rows_failed: number;
  pakets_created: number;
  customers_created: number;
  customers_updated: number;
  customers_skipped: number;
  error: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
};
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const toJob = (r: JobRow): ImportJob => ({
  id: r.id,
  source: r.source as ImportSource,
  mode: r.mode as ImportMode,
  status: r.status as ImportJobStatus,
  total: r.rows_total,
  done: r.rows_done,
  failed: r.rows_failed,
  paketsCreated: r.pakets_created,
  customersCreated: r.customers_created,
  customersUpdated: r.customers_updated,
  customersSkipped: r.customers_skipped,
  error: r.error,
  createdAt: iso(r.created_at)!,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
});

/** One job with its counts and the problems of its failed rows (by line). */
export async function getImportJob(trx: Tx, jobId: string): Promise<{ job: ImportJob; errors: RowProblem[] }> {
  const row = await trx.selectFrom('imports_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (!row) throw new AppError(AppErrorCode.NOT_FOUND, 'No such import.');
  const failed = await trx
    .selectFrom('imports_job_rows')
    .select(['line', 'problems'])
    .where('job_id', '=', jobId)
    .where('status', '=', 'failed')
    .orderBy('line')
    .limit(LISTED_PROBLEMS)
    .execute();
  return { job: toJob(row as JobRow), errors: failed.flatMap((f) => f.problems as RowProblem[]).slice(0, LISTED_PROBLEMS) };
}

/** The tenant's latest imports, newest first. */
export async function listImportJobs(trx: Tx, page: Page): Promise<ImportJob[]> {
  // Ids are time-ordered (UUIDv7): they order jobs queued within the same clock instant too.
  const rows = await trx.selectFrom('imports_jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
  return rows.map((r) => toJob(r as JobRow));
}
