import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { BACK_ONLINE_WINDOW_MS, mayManage, transactionTenantId, type FieldActor, type Task, type TechniciansContext } from '../technicians.model.ts';
import { settingsInTransaction } from './settings.ts';
import { assertMayWork, getTask, lockOpenTask } from './tasks.ts';
import { techniciansErrors } from '../technicians.errors.ts';
import { mapsErrors } from '../../maps/index.ts';

export type ReportFixOptions = { actor: FieldActor; taskId: string; note?: string | null };

/**
 * technician_outage_fix: the technician reports the outage fixed. Per tenant setting the outage
 * is cleared at once through the maps module (the map turns back, customers get "restored"), or
 * clearing is proposed and an admin confirms. Once per task.
 */
export async function reportOutageFixed(ctx: TechniciansContext, trx: Tx, options: ReportFixOptions): Promise<Task> {
  await assertMayWork(trx, options.taskId, options.actor);
  const task = await lockOpenTask(trx, options.taskId);
  if (task.kind !== 'outage_fix' || !task.outage_id) throw new AppError(techniciansErrors.OUTAGE_FIX_INVALID, 'Only an outage-fix task reports an outage fixed.');
  if (task.status === 'done' || task.status === 'cancelled') throw new AppError(techniciansErrors.TASK_CLOSED, 'This task is closed.');
  if (task.fix_requested_at) throw new AppError(techniciansErrors.OUTAGE_FIX_INVALID, 'The fix was already reported.');
  const now = ctx.clock.now();
  const { outageFixMode } = await settingsInTransaction(trx);
  const clear = outageFixMode === 'clear';
  if (clear) await clearOutage(ctx, trx, task.outage_id, options.actor.userId, options.note ?? null);
  await trx
    .updateTable('technicians_tasks')
    .set({ fix_requested_at: now, fix_applied_at: clear ? now : null, updated_at: now })
    .where('id', '=', task.id)
    .execute();
  await ctx.publish(trx, 'field.outage.fixed', { taskId: task.id, outageId: task.outage_id, technicianId: options.actor.userId, cleared: clear }, { key: task.outage_id });
  return getTask(ctx, trx, task.id);
}

/** An admin confirms a proposed clear (tenant setting `propose`). */
export async function confirmOutageFix(ctx: TechniciansContext, trx: Tx, options: ReportFixOptions): Promise<Task> {
  if (!mayManage(options.actor)) throw new AppError('FORBIDDEN', 'Only office staff confirm an outage fix.');
  const task = await lockOpenTask(trx, options.taskId);
  if (task.kind !== 'outage_fix' || !task.outage_id || !task.fix_requested_at || task.fix_applied_at) {
    throw new AppError(techniciansErrors.OUTAGE_FIX_INVALID, 'There is no proposed outage fix to confirm on this task.');
  }
  const now = ctx.clock.now();
  await clearOutage(ctx, trx, task.outage_id, options.actor.userId, options.note ?? null);
  await trx.updateTable('technicians_tasks').set({ fix_applied_at: now, updated_at: now }).where('id', '=', task.id).execute();
  return getTask(ctx, trx, task.id);
}

async function clearOutage(ctx: TechniciansContext, trx: Tx, outageId: string, actorUserId: string, note: string | null) {
  try {
    await ctx.maps.clearOutageInTransaction(trx, { actorUserId, outageId, note: note ?? 'Diperbaiki teknisi' });
  } catch (error) {
    // Someone cleared it from the map meanwhile: the fix stands, the outage is already back.
    if (!(error instanceof AppError && error.code === mapsErrors.OUTAGE_ALREADY_CLEARED)) throw error;
  }
}

/**
 * update_radius_or_router_status_if_relevant: when an outage with a fix task clears, its
 * restored customers' lines are re-checked against routers and RADIUS (marked pending for the
 * converge worker: the reconciler, not a blind command) and remembered on the task, to count who
 * comes back online. No task for the outage: nothing to do.
 */
export async function recheckLinesAfterClear(ctx: TechniciansContext, trx: Tx, outageId: string, customerIds: string[], clearedAt: Date): Promise<number> {
  const task = await trx.selectFrom('technicians_tasks').select('id').where('outage_id', '=', outageId).where('kind', '=', 'outage_fix').executeTakeFirst();
  if (!task || !customerIds.length) return 0;
  await sql`
    insert into technicians_task_lines (task_id, tenant_id, customer_id, rechecked_at)
    select ${task.id}::uuid, ${transactionTenantId}, c, ${clearedAt}::timestamptz from unnest(${customerIds}::uuid[]) as c
    on conflict (task_id, customer_id) do nothing`.execute(trx);
  if (!(await trx.selectFrom('technicians_tasks').select('fix_applied_at').where('id', '=', task.id).executeTakeFirst())?.fix_applied_at) {
    // Cleared from the map before the technician reported: the clear is when the fix applied.
    await trx.updateTable('technicians_tasks').set({ fix_applied_at: clearedAt }).where('id', '=', task.id).where('fix_applied_at', 'is', null).execute();
  }
  await ctx.network.markLinesPending(trx, customerIds);
  return customerIds.length;
}

/** RADIUS accounting Start of a re-checked line within 10 minutes of the clear: it came back online. */
export async function recordBackOnline(trx: Tx, customerId: string, at: Date): Promise<number> {
  const { numUpdatedRows } = await trx
    .updateTable('technicians_task_lines')
    .set({ back_online_at: at })
    .where('customer_id', '=', customerId)
    .where('back_online_at', 'is', null)
    .where('rechecked_at', '<=', at)
    .where('rechecked_at', '>', new Date(at.getTime() - BACK_ONLINE_WINDOW_MS))
    .executeTakeFirst();
  return Number(numUpdatedRows);
}
