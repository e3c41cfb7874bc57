import { sql } from 'kysely';
import type { Page } from '../../../platform/http/pagination.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { transactionTenantId, type Activity, type ElementKind, type FieldActor, type Photo, type TaskStatus, type TechniciansContext } from '../technicians.model.ts';
import { assertMayWork, changeStatus, getTask } from './tasks.ts';
import { listPhotos } from './photos.ts';
import { techniciansErrors } from '../technicians.errors.ts';

export type LogActivityOptions = {
  actor: FieldActor;
  /** On a task, or free-standing on an element ("cleaned ODP-12"). */
  taskId?: string;
  element?: { kind: ElementKind; id: string };
  note: string;
  /** Moves the task too (not to done: closing needs the checklist). */
  status?: Exclude<TaskStatus, 'done' | 'open'>;
  /** The client's Idempotency-Key: the same activity sent again (a queued one after reconnect) is stored once. */
  clientKey?: string | null;
};

const summaryOf = (note: string) => (note.length > 160 ? `${note.slice(0, 157)}…` : note);

/**
 * technician_activity_logged: a technician's note (and optionally a status move) on a task or an
 * element. Stored once per client key; `field.activity.logged` is published once per activity
 * (the admins' WhatsApp "Technician reported update").
 */
export async function logActivity(ctx: TechniciansContext, trx: Tx, options: LogActivityOptions): Promise<{ activity: Activity; replayed: boolean }> {
  const { actor } = options;
  if (!!options.taskId === !!options.element) throw new AppError('VALIDATION_FAILED', 'An activity is on a task or on an element.', { fields: { taskId: 'give a task or an element' } });
  if (options.clientKey) {
    const existing = await trx
      .selectFrom('technicians_activities')
      .select('id')
      .where('technician_id', '=', actor.userId)
      .where('client_key', '=', options.clientKey)
      .executeTakeFirst();
    if (existing) return { activity: await getActivity(ctx, trx, existing.id), replayed: true };
  }
  const now = ctx.clock.now();
  let taskNumber: number | null = null;
  let customerId: string | null = null;
  let areaName: string | null = null;
  let elementName: string | null = null;
  if (options.taskId) {
    await assertMayWork(trx, options.taskId, actor);
    const task = await getTask(ctx, trx, options.taskId);
    if (task.status === 'done' || task.status === 'cancelled') throw new AppError(techniciansErrors.TASK_CLOSED, 'This task is closed: nothing more is logged on it.');
    taskNumber = task.number;
    if (task.target.kind === 'customer') customerId = task.target.id;
    else areaName = task.target.name;
    if (options.status && options.status !== task.status) await changeStatus(ctx, trx, { actor, taskId: task.id, status: options.status, note: summaryOf(options.note) });
  } else {
    const element = options.element!;
    try {
      elementName = (await ctx.maps.locateInTransaction(trx, element)).name;
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('VALIDATION_FAILED', `No such ${element.kind}.`, { fields: { 'element.id': `unknown ${element.kind}` } });
      throw error;
    }
    if (element.kind === 'customer') customerId = element.id;
    else areaName = elementName;
  }
  const id = newId();
  const element = options.element;
  const inserted = await trx
    .insertInto('technicians_activities')
    .values({
      id,
      tenant_id: transactionTenantId,
      task_id: options.taskId ?? null,
      element_kind: element?.kind ?? null,
      customer_id: element?.kind === 'customer' ? element.id : null,
      odp_id: element?.kind === 'odp' ? element.id : null,
      odc_id: element?.kind === 'odc' ? element.id : null,
      element_name: elementName,
      technician_id: actor.userId,
      note: options.note,
      status_change: options.status ?? null,
      client_key: options.clientKey ?? null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'technician_id', 'client_key']).where('client_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    // The same key committed by a concurrent request meanwhile: answer that one.
    const existing = await trx.selectFrom('technicians_activities').select('id').where('technician_id', '=', actor.userId).where('client_key', '=', options.clientKey!).executeTakeFirstOrThrow();
    return { activity: await getActivity(ctx, trx, existing.id), replayed: true };
  }
  const technicianName = (await ctx.staff.staffContactsInTransaction(trx, ['technician', 'owner', 'admin'])).find((s) => s.userId === actor.userId)?.name ?? '';
  await ctx.publish(
    trx,
    'field.activity.logged',
    { activityId: id, taskId: options.taskId ?? null, taskNumber, technicianId: actor.userId, technicianName, summary: summaryOf(options.note), customerId, areaName },
    { key: options.taskId ?? element!.id },
  );
  return { activity: await getActivity(ctx, trx, id), replayed: false };
}

type ActivityRow = {
  id: string;
  task_id: string | null;
  element_kind: ElementKind | null;
  element_id: string | null;
  element_name: string | null;
  technician_id: string;
  note: string;
  status_change: TaskStatus | null;
  created_at: Date;
};

async function toActivities(ctx: TechniciansContext, trx: Tx, rows: ActivityRow[]): Promise<Activity[]> {
  if (!rows.length) return [];
  const names = new Map((await ctx.staff.staffContactsInTransaction(trx, ['owner', 'admin', 'finance', 'collector', 'technician'])).map((s) => [s.userId, s.name]));
  const photos = await listPhotos(trx, { activityIds: rows.map((r) => r.id) });
  const byActivity = new Map<string, Photo[]>();
  for (const p of photos) byActivity.set(p.activityId!, [...(byActivity.get(p.activityId!) ?? []), p]);
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    element: r.element_kind ? { kind: r.element_kind, id: r.element_id!, name: r.element_name ?? '' } : null,
    technicianId: r.technician_id,
    technicianName: names.get(r.technician_id) ?? '',
    note: r.note,
    statusChange: r.status_change,
    createdAt: new Date(r.created_at),
    photos: byActivity.get(r.id) ?? [],
  }));
}

const activitySelect = sql`select a.id, a.task_id, a.element_kind, coalesce(a.customer_id, a.odp_id, a.odc_id) as element_id, a.element_name,
  a.technician_id, a.note, a.status_change, a.created_at from technicians_activities a`;

export async function getActivity(ctx: TechniciansContext, trx: Tx, id: string): Promise<Activity> {
  const { rows } = await sql<ActivityRow>`${activitySelect} where a.id = ${id}`.execute(trx);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'No such activity.');
  return (await toActivities(ctx, trx, rows))[0]!;
}

/** A task's activities, oldest first (the technician's log). */
export async function taskActivities(ctx: TechniciansContext, trx: Tx, taskId: string, actor: FieldActor, page: Page): Promise<Activity[]> {
  await getTask(ctx, trx, taskId, actor);
  const { rows } = await sql<ActivityRow>`${activitySelect} where a.task_id = ${taskId} order by a.created_at, a.id limit ${page.limit} offset ${page.offset}`.execute(trx);
  return toActivities(ctx, trx, rows);
}

/** Free-standing activities of an element (or all), newest first. */
export async function elementActivities(ctx: TechniciansContext, trx: Tx, elementId: string | null, limit: number): Promise<Activity[]> {
  const { rows } = await sql<ActivityRow>`${activitySelect}
    where a.task_id is null and (${elementId}::uuid is null or coalesce(a.customer_id, a.odp_id, a.odc_id) = ${elementId}::uuid)
    order by a.created_at desc, a.id desc limit ${limit}`.execute(trx);
  return toActivities(ctx, trx, rows);
}
