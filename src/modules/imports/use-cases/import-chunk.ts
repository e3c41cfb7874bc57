import { sql } from 'kysely';
import { asTenantId, type Database, type TenantId, type Tx } from '../../../platform/db/database.ts';
import { fromDatabaseError } from '../../../platform/db/database-errors.ts';
import { isConnectionError } from '../../../platform/db/connection-errors.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { ImportMode, PaketDraft, PlannedCustomer, RowProblem } from '../imports.model.ts';
import type { ImportContext } from './plan-import.ts';

/** Rows per transaction: small enough that a chunk commits in well under a second, large enough to amortise its reads. */
export const IMPORT_CHUNK_ROWS = 250;
/** A chunk not committed by then lost its worker (a crash): another worker takes the job over. */
export const IMPORT_LEASE_MS = 60_000;

type PaketPayload = Pick<PaketDraft, 'key' | 'name' | 'downloadKbps' | 'uploadKbps' | 'monthlyPrice'>;
type CustomerPayload = Pick<PlannedCustomer, 'name' | 'phone' | 'address' | 'paketKey' | 'pppoeUsername' | 'pppoePassword' | 'ipAddress' | 'activatedOn' | 'latitude' | 'longitude' | 'routerId'>;
type PendingRow = { seq: number; line: number; kind: 'paket' | 'customer'; payload: PaketPayload | CustomerPayload };
type Outcome = 'created' | 'existing' | 'updated' | 'skipped' | 'failed';

/** A refused row as the operator reads it: the field the refusal names, its code, its sentence. */
function problemOf(line: number, error: unknown): RowProblem {
  const refusal = error instanceof AppError ? error : fromDatabaseError(error);
  if (!refusal) throw error; // a bug, not the row's fault: the job fails with it
  const field = (refusal.details as { fields?: { field: string }[] } | undefined)?.fields?.[0]?.field ?? 'row';
  return { line, field, problem: refusal.code, message: refusal.message };
}

/**
 * Imports the next chunk of the oldest job that no worker holds (any tenant). The lease is taken
 * on the owner connection (like the converge worker's router lease), the chunk runs as the
 * tenant: its rows, their outcomes and the job's counts commit together and the lease is released
 * in the same transaction, so a crash loses at most the chunk in hand, which the next worker
 * redoes once the lease runs out. Returns false when no job has work.
 */
export async function importNextChunk(ctx: ImportContext, db: Database): Promise<boolean> {
  const now = ctx.clock.now();
  const { rows: claimed } = await sql<{ id: string; tenant_id: string; mode: ImportMode }>`
    update imports_jobs j set lease_until = ${new Date(now.getTime() + IMPORT_LEASE_MS)}, status = 'running', started_at = coalesce(j.started_at, ${now})
    where j.id = (
      select id from imports_jobs
      where status in ('queued', 'running') and (lease_until is null or lease_until < ${now})
      order by created_at, id limit 1 for update skip locked)
    returning j.id, j.tenant_id, j.mode`.execute(db.owner);
  const job = claimed[0];
  if (!job) return false;
  const tenantId = asTenantId(job.tenant_id);
  try {
    await db.tenant(tenantId, (trx) => importChunk(ctx, trx, tenantId, job.id, job.mode));
  } catch (error) {
    if (isConnectionError(error)) throw error; // the lease runs out and the chunk is redone
    const message = error instanceof Error ? error.message : String(error);
    await db.tenant(tenantId, (trx) => trx.updateTable('imports_jobs').set({ status: 'failed', error: message, lease_until: null, finished_at: ctx.clock.now() }).where('id', '=', job.id).execute());
  }
  return true;
}

async function importChunk(ctx: ImportContext, trx: Tx, tenantId: TenantId, jobId: string, mode: ImportMode) {
  const pending = (await trx
    .selectFrom('imports_job_rows')
    .select(['seq', 'line', 'kind', 'payload'])
    .where('job_id', '=', jobId)
    .where('status', '=', 'pending')
    .orderBy('seq')
    .limit(IMPORT_CHUNK_ROWS)
    .execute()) as PendingRow[];
  // Existing pakets and customers are read again: another import may have created them meanwhile.
  const plans = await ctx.plans.listInTransaction(trx);
  const planIds = new Map([...plans.map((p) => [p.name, p.id] as const), ...plans.map((p) => [p.routerProfile, p.id] as const)]);
  const usernames = pending.flatMap((r) => (r.kind === 'customer' && (r.payload as CustomerPayload).pppoeUsername ? [(r.payload as CustomerPayload).pppoeUsername!] : []));
  const existing = await ctx.customers.idsByPppoeUsernameInTransaction(trx, usernames);

  const importRow = async (row: PendingRow): Promise<Outcome | RowProblem> => {
    if (row.kind === 'paket') {
      const p = row.payload as PaketPayload;
      if (planIds.has(p.key)) return 'existing';
      const created = await ctx.plans.createInTransaction(trx, tenantId, { name: p.name, downloadKbps: p.downloadKbps!, uploadKbps: p.uploadKbps!, monthlyPrice: p.monthlyPrice!, routerProfile: p.key });
      planIds.set(p.key, created.id);
      return 'created';
    }
    const c = row.payload as CustomerPayload;
    const planId = c.paketKey ? planIds.get(c.paketKey) : undefined;
    if (!planId) return { line: row.line, field: 'paket', problem: 'not_found', message: `Paket "${c.paketKey}" was not imported.` };
    const customerId = c.pppoeUsername ? existing.get(c.pppoeUsername) : undefined;
    if (customerId && mode === 'skip') return 'skipped';
    const input = {
      name: c.name!,
      phone: c.phone!,
      address: c.address,
      planId,
      connectionType: c.pppoeUsername ? ('pppoe' as const) : ('static' as const),
      pppoeUsername: c.pppoeUsername,
      ipAddress: c.pppoeUsername ? null : c.ipAddress,
      latitude: c.latitude,
      longitude: c.longitude,
      private: c.pppoePassword ? { pppoePassword: c.pppoePassword } : undefined,
    };
    if (customerId) {
      await ctx.customers.updateInTransaction(trx, customerId, { ...input, ...(c.routerId ? { routerId: c.routerId } : {}) });
      return 'updated';
    }
    const created = await ctx.customers.createInTransaction(trx, tenantId, { ...input, routerId: c.routerId, activatedOn: c.activatedOn! });
    if (c.pppoeUsername) existing.set(c.pppoeUsername, created.id);
    return 'created';
  };

  const outcomes: { seq: number; status: Outcome; problems: RowProblem[] }[] = [];
  const tally = { done: 0, failed: 0, paketsCreated: 0, created: 0, updated: 0, skipped: 0 };
  for (const row of pending) {
    // A savepoint per row: a refused row (a taken address, a limit) fails alone, not its chunk.
    await sql`savepoint import_row`.execute(trx);
    let status: Outcome;
    let problems: RowProblem[] = [];
    try {
      const result = await importRow(row);
      await sql`release savepoint import_row`.execute(trx);
      if (typeof result === 'object') problems = [result];
      status = typeof result === 'object' ? 'failed' : result;
    } catch (error) {
      await sql`rollback to savepoint import_row`.execute(trx);
      problems = [problemOf(row.line, error)];
      status = 'failed';
    }
    outcomes.push({ seq: row.seq, status, problems });
    if (status === 'failed') tally.failed++;
    else tally.done++;
    if (status === 'created' && row.kind === 'paket') tally.paketsCreated++;
    if (status === 'created' && row.kind === 'customer') tally.created++;
    if (status === 'updated') tally.updated++;
    if (status === 'skipped') tally.skipped++;
  }
  if (outcomes.length > 0) {
    await sql`update imports_job_rows r set status = o.status, problems = o.problems, payload = null
      from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as o(seq int, status text, problems jsonb)
      where r.job_id = ${jobId} and r.seq = o.seq`.execute(trx);
  }
  const finished = pending.length < IMPORT_CHUNK_ROWS;
  await sql`update imports_jobs set
      rows_done = rows_done + ${tally.done}, rows_failed = rows_failed + ${tally.failed},
      pakets_created = pakets_created + ${tally.paketsCreated}, customers_created = customers_created + ${tally.created},
      customers_updated = customers_updated + ${tally.updated}, customers_skipped = customers_skipped + ${tally.skipped},
      lease_until = null,
      status = case when ${finished} then 'done' else 'running' end,
      finished_at = case when ${finished} then ${ctx.clock.now()}::timestamptz end
    where id = ${jobId}`.execute(trx);
}
