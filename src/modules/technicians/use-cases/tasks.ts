import { sql } from 'kysely';
import type { Page } from '../../../platform/http/pagination.ts';
import { reserveCounter } from '../../../platform/db/counters.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import {
  mayManage,
  transactionTenantId,
  type ChecklistItem,
  type FieldActor,
  type Task,
  type TaskHistoryEntry,
  type TaskKind,
  type TaskPriority,
  type TaskSource,
  type TaskStatus,
  type TaskTarget,
  type TechniciansContext,
} from '../technicians.model.ts';
import { techniciansErrors } from '../technicians.errors.ts';

export type CreateTaskOptions = {
  actorUserId: string | null;
  kind: TaskKind;
  title: string;
  description?: string | null;
  target: TaskTarget;
  priority?: TaskPriority;
  dueAt?: Date | null;
  source?: TaskSource;
  assigneeIds?: string[];
  checklist?: string[];
};

/** What a technician ticks before closing, by kind, when staff give none. */
export const defaultChecklists: Record<TaskKind, string[]> = {
  installation: ['ONT terpasang dan online', 'Redaman diukur', 'Foto pemasangan diunggah', 'Pelanggan sudah dijelaskan'],
  repair: ['Penyebab ditemukan', 'Redaman diukur', 'Pelanggan online kembali', 'Foto sesudah diunggah'],
  outage_fix: ['Penyebab diperbaiki', 'Pelanggan terdampak online kembali', 'Foto sesudah diunggah'],
  relocation: ['Kabel lama dilepas', 'ONT online di lokasi baru', 'Foto diunggah'],
  dismantle: ['Perangkat diambil', 'Port ODP dilepas', 'Foto diunggah'],
  survey: ['Lokasi dicatat', 'Foto diunggah'],
};

/**
 * The status flow: forward one or more steps (a technician may go straight from assigned to
 * working), done only after someone is assigned, cancelled from any open state; done and
 * cancelled are final.
 */
const order: TaskStatus[] = ['open', 'assigned', 'on_the_way', 'working', 'done'];
export function statusChangeAllowed(from: TaskStatus, to: TaskStatus): boolean {
  if (from === 'done' || from === 'cancelled') return false;
  if (to === 'cancelled') return true;
  if (to === 'open') return false;
  if (to === 'done') return from !== 'open';
  return order.indexOf(to) > order.indexOf(from);
}

type TaskRow = {
  id: string;
  number: number;
  kind: TaskKind;
  title: string;
  description: string | null;
  target_kind: Task['target']['kind'];
  target_id: string;
  target_name: string;
  latitude: number | null;
  longitude: number | null;
  priority: TaskPriority;
  due_at: Date | null;
  status: TaskStatus;
  source: TaskSource;
  created_by: string | null;
  checklist: ChecklistItem[] | null;
  fix_requested_at: Date | null;
  fix_applied_at: Date | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  assignees: { userId: string; name: string }[] | null;
  rechecked: number | null;
  back_online: number | null;
};
const date = (d: Date | string | null) => (d === null ? null : new Date(d));
const toTask = (r: TaskRow): Task => ({
  id: r.id,
  number: r.number,
  kind: r.kind,
  title: r.title,
  description: r.description,
  target: { kind: r.target_kind, id: r.target_id, name: r.target_name, latitude: r.latitude, longitude: r.longitude },
  priority: r.priority,
  dueAt: date(r.due_at),
  status: r.status,
  source: r.source,
  createdBy: r.created_by,
  assignees: r.assignees ?? [],
  checklist: r.checklist,
  fixRequestedAt: date(r.fix_requested_at),
  fixAppliedAt: date(r.fix_applied_at),
  lines: r.kind === 'outage_fix' && r.rechecked !== null && r.rechecked > 0 ? { rechecked: r.rechecked, backOnline: r.back_online ?? 0 } : null,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  closedAt: date(r.closed_at),
});

/** Names come from identity (staff contacts), joined here in memory: never its tables. */
const taskSelect = sql`
  select t.id, t.number, t.kind, t.title, t.description, t.target_kind, coalesce(t.customer_id, t.odp_id, t.odc_id, t.outage_id) as target_id,
    t.target_name, t.latitude, t.longitude, t.priority, t.due_at, t.status, t.source, t.created_by, t.checklist,
    t.fix_requested_at, t.fix_applied_at, t.created_at, t.updated_at, t.closed_at,
    (select json_agg(json_build_object('userId', a.user_id, 'name', '') order by a.assigned_at, a.user_id) from technicians_task_assignees a where a.task_id = t.id) as assignees,
    (select count(*)::int from technicians_task_lines l where l.task_id = t.id) as rechecked,
    (select count(*)::int from technicians_task_lines l where l.task_id = t.id and l.back_online_at is not null) as back_online
  from technicians_tasks t`;

async function withNames(ctx: TechniciansContext, trx: Tx, tasks: Task[]): Promise<Task[]> {
  if (!tasks.some((t) => t.assignees.length)) return tasks;
  const staff = await ctx.staff.staffContactsInTransaction(trx, ['owner', 'admin', 'finance', 'collector', 'technician']);
  const names = new Map(staff.map((s) => [s.userId, s.name]));
  for (const t of tasks) for (const a of t.assignees) a.name = names.get(a.userId) ?? '';
  return tasks;
}

/** A task the actor may see: staff who manage see every task, a technician only those assigned to them (else 404). */
export async function getTask(ctx: TechniciansContext, trx: Tx, id: string, actor?: FieldActor): Promise<Task> {
  const { rows } = await sql<TaskRow>`${taskSelect} where t.id = ${id}`.execute(trx);
  const task = rows[0] ? toTask(rows[0]) : null;
  if (!task || (actor && !mayManage(actor) && !task.assignees.some((a) => a.userId === actor.userId))) throw new AppError('NOT_FOUND', 'No such task.');
  return (await withNames(ctx, trx, [task]))[0]!;
}

export type ListTasksOptions = { actor: FieldActor; status?: TaskStatus | 'active' | 'all'; assignee?: string | 'me'; kind?: TaskKind; limit?: number; offset?: number };

/**
 * Tasks, most urgent first: by status (`active` = not done or cancelled), by technician
 * (`assignee`, or `me`). A technician without office roles sees only their own.
 */
export async function listTasks(ctx: TechniciansContext, trx: Tx, options: ListTasksOptions): Promise<Task[]> {
  const assignee = options.assignee === 'me' || !mayManage(options.actor) ? options.actor.userId : (options.assignee ?? null);
  const status = options.status ?? 'all';
  const { rows } = await sql<TaskRow>`${taskSelect}
    where (${status}::text = 'all' or (${status}::text = 'active' and t.closed_at is null) or t.status = ${status}::text)
      and (${assignee}::uuid is null or exists (select 1 from technicians_task_assignees a where a.task_id = t.id and a.user_id = ${assignee}::uuid))
      and (${options.kind ?? null}::text is null or t.kind = ${options.kind ?? null}::text)
    order by t.closed_at is not null, case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end,
      t.due_at nulls last, t.number desc, t.id
    limit ${options.limit ?? 200} offset ${options.offset ?? 0}`.execute(trx);
  return withNames(ctx, trx, rows.map(toTask));
}

async function recordStatus(trx: Tx, taskId: string, from: TaskStatus | null, to: TaskStatus, actorUserId: string | null, note: string | null, at: Date) {
  await trx
    .insertInto('technicians_task_history')
    .values({ id: newId(), tenant_id: transactionTenantId, task_id: taskId, from_status: from, to_status: to, actor_user_id: actorUserId, note, created_at: at })
    .execute();
}

async function checkAssignees(ctx: TechniciansContext, trx: Tx, userIds: string[]) {
  const technicians = new Set((await ctx.staff.staffContactsInTransaction(trx, ['technician'])).map((s) => s.userId));
  const wrong = userIds.filter((id) => !technicians.has(id));
  if (wrong.length) {
    throw new AppError(techniciansErrors.ASSIGNEE_INVALID, 'Tasks are assigned to active technicians of this ISP.', { fields: Object.fromEntries(wrong.map((id) => [`assigneeIds.${userIds.indexOf(id)}`, 'not an active technician'])) });
  }
}

/**
 * Creates a task on a customer, an ODP/ODC or an outage (its name and location copied from the
 * maps module), optionally assigned at once (status `assigned`). An outage has at most one
 * outage-fix task: asking again answers the existing one (`created: false`).
 */
export async function createTask(ctx: TechniciansContext, trx: Tx, options: CreateTaskOptions): Promise<{ task: Task; created: boolean }> {
  const now = ctx.clock.now();
  if (options.kind === 'outage_fix' && options.target.kind !== 'outage') {
    throw new AppError('VALIDATION_FAILED', 'An outage-fix task is for an outage.', { fields: { 'target.kind': 'must be outage for an outage fix' } });
  }
  if (options.dueAt && options.dueAt.getTime() < now.getTime() - 60_000 && options.source !== 'outage') {
    throw new AppError('VALIDATION_FAILED', 'The due time is in the past.', { fields: { dueAt: 'in the past' } });
  }
  if (options.kind === 'outage_fix') {
    const existing = await trx.selectFrom('technicians_tasks').select('id').where('outage_id', '=', options.target.id).where('kind', '=', 'outage_fix').executeTakeFirst();
    if (existing) return { task: await getTask(ctx, trx, existing.id), created: false };
  }
  let place;
  try {
    place = await ctx.maps.locateInTransaction(trx, options.target);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('VALIDATION_FAILED', `No such ${options.target.kind}.`, { fields: { 'target.id': `unknown ${options.target.kind}` } });
    throw error;
  }
  const assigneeIds = [...new Set(options.assigneeIds ?? [])];
  if (assigneeIds.length) await checkAssignees(ctx, trx, assigneeIds);

  const id = newId();
  const number = await reserveCounter(trx, 'technicians.task');
  const status: TaskStatus = assigneeIds.length ? 'assigned' : 'open';
  const checklist = (options.checklist ?? defaultChecklists[options.kind]).map((label) => ({ label, done: false }));
  const { target } = options;
  const inserted = await trx
    .insertInto('technicians_tasks')
    .values({
      id,
      tenant_id: transactionTenantId,
      number,
      kind: options.kind,
      title: options.title,
      description: options.description ?? null,
      target_kind: target.kind,
      customer_id: target.kind === 'customer' ? target.id : null,
      odp_id: target.kind === 'odp' ? target.id : null,
      odc_id: target.kind === 'odc' ? target.id : null,
      outage_id: target.kind === 'outage' ? target.id : null,
      target_name: place.name,
      latitude: place.latitude,
      longitude: place.longitude,
      priority: options.priority ?? (options.kind === 'outage_fix' ? 'urgent' : 'normal'),
      due_at: options.dueAt ?? null,
      status,
      source: options.source ?? 'staff',
      created_by: options.actorUserId,
      checklist: JSON.stringify(checklist),
      created_at: now,
      updated_at: now,
    })
    // The outage's request event and a person may race for the one outage-fix task.
    .onConflict((oc) => oc.columns(['tenant_id', 'outage_id']).where('kind', '=', 'outage_fix').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx.selectFrom('technicians_tasks').select('id').where('outage_id', '=', target.id).where('kind', '=', 'outage_fix').executeTakeFirstOrThrow();
    return { task: await getTask(ctx, trx, existing.id), created: false };
  }
  await recordStatus(trx, id, null, 'open', options.actorUserId, null, now);
  if (assigneeIds.length) {
    await trx.insertInto('technicians_task_assignees').values(assigneeIds.map((userId) => ({ task_id: id, tenant_id: transactionTenantId, user_id: userId, assigned_at: now }))).execute();
    await recordStatus(trx, id, 'open', 'assigned', options.actorUserId, null, now);
  }
  await ctx.publish(trx, 'field.task.created', { taskId: id, number, kind: options.kind, title: options.title, source: options.source ?? 'staff', outageId: target.kind === 'outage' ? target.id : null }, { key: id });
  return { task: await getTask(ctx, trx, id), created: true };
}

/** Lock the task row for a change; closed tasks refuse every change. */
async function lockOpenTask(trx: Tx, id: string) {
  const row = await trx.selectFrom('technicians_tasks').select(['id', 'number', 'status', 'kind', 'outage_id', 'checklist', 'fix_requested_at', 'fix_applied_at']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such task.');
  return { ...row, status: row.status as TaskStatus };
}

/** A technician acts only on tasks assigned to them; office staff on any. */
export async function assertMayWork(trx: Tx, taskId: string, actor: FieldActor) {
  if (mayManage(actor)) return;
  const assigned = await trx.selectFrom('technicians_task_assignees').select('user_id').where('task_id', '=', taskId).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!assigned) {
    const exists = await trx.selectFrom('technicians_tasks').select('id').where('id', '=', taskId).executeTakeFirst();
    if (!exists) throw new AppError('NOT_FOUND', 'No such task.');
    throw new AppError(techniciansErrors.TASK_NOT_ASSIGNED, 'This task is not assigned to you.');
  }
}

/** Replaces the task's technicians; an open task with someone assigned moves to `assigned`. */
export async function assignTask(ctx: TechniciansContext, trx: Tx, options: { actorUserId: string; taskId: string; assigneeIds: string[] }): Promise<Task> {
  const now = ctx.clock.now();
  const task = await lockOpenTask(trx, options.taskId);
  if (task.status === 'done' || task.status === 'cancelled') throw new AppError(techniciansErrors.TASK_CLOSED, 'This task is closed.');
  const ids = [...new Set(options.assigneeIds)];
  await checkAssignees(ctx, trx, ids);
  await trx.deleteFrom('technicians_task_assignees').where('task_id', '=', task.id).where('user_id', 'not in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']).execute();
  if (ids.length) {
    await trx
      .insertInto('technicians_task_assignees')
      .values(ids.map((userId) => ({ task_id: task.id, tenant_id: transactionTenantId, user_id: userId, assigned_at: now })))
      .onConflict((oc) => oc.columns(['task_id', 'user_id']).doNothing())
      .execute();
  }
  if (ids.length && task.status === 'open') await moveStatus(ctx, trx, task, 'assigned', options.actorUserId, null);
  await trx.updateTable('technicians_tasks').set({ updated_at: now }).where('id', '=', task.id).execute();
  return getTask(ctx, trx, task.id);
}

async function moveStatus(ctx: TechniciansContext, trx: Tx, task: { id: string; number: number; status: TaskStatus }, to: TaskStatus, actorUserId: string | null, note: string | null) {
  const now = ctx.clock.now();
  await trx
    .updateTable('technicians_tasks')
    .set({ status: to, updated_at: now, closed_at: to === 'done' || to === 'cancelled' ? now : null })
    .where('id', '=', task.id)
    .execute();
  await recordStatus(trx, task.id, task.status, to, actorUserId, note, now);
  await ctx.publish(trx, 'field.task.status_changed', { taskId: task.id, number: task.number, from: task.status, to, actorUserId }, { key: task.id });
}

export type ChangeStatusOptions = { actor: FieldActor; taskId: string; status: TaskStatus; note?: string | null; checklist?: ChecklistItem[] };

/**
 * Moves a task along its flow, with who and when in its history. Done needs the checklist, every
 * item ticked; cancelling is for office staff. Technicians move only their own tasks.
 */
export async function changeStatus(ctx: TechniciansContext, trx: Tx, options: ChangeStatusOptions): Promise<Task> {
  const { actor } = options;
  await assertMayWork(trx, options.taskId, actor);
  const task = await lockOpenTask(trx, options.taskId);
  if (task.status === 'done' || task.status === 'cancelled') throw new AppError(techniciansErrors.TASK_CLOSED, 'This task is closed.');
  if (options.status === 'cancelled' && !mayManage(actor)) throw new AppError('FORBIDDEN', 'Only office staff cancel a task.');
  if (!statusChangeAllowed(task.status, options.status)) {
    throw new AppError(techniciansErrors.TASK_STATUS_INVALID, `A task cannot go from ${task.status} to ${options.status}.`, { fields: { status: `not allowed after ${task.status}` }, from: task.status });
  }
  if (options.status === 'done') {
    const expected = (task.checklist as ChecklistItem[] | null) ?? [];
    const given = new Map((options.checklist ?? []).map((i) => [i.label, i.done]));
    const missing = expected.filter((i) => given.get(i.label) !== true);
    if (missing.length) {
      throw new AppError(techniciansErrors.TASK_CHECKLIST_INCOMPLETE, `Tick every checklist item before closing (${missing.length} open).`, {
        fields: Object.fromEntries(missing.map((i) => [`checklist.${expected.indexOf(i)}`, `not done: ${i.label}`])),
      });
    }
    if (task.kind === 'outage_fix' && !task.fix_requested_at) {
      throw new AppError(techniciansErrors.OUTAGE_FIX_INVALID, 'Report the outage fixed before closing its task.', { fields: { status: 'report the fix first' } });
    }
    await trx.updateTable('technicians_tasks').set({ checklist: JSON.stringify(expected.map((i) => ({ ...i, done: true }))) }).where('id', '=', task.id).execute();
  }
  await moveStatus(ctx, trx, task, options.status, actor.userId, options.note ?? null);
  return getTask(ctx, trx, task.id);
}

/** Every status change of a task, oldest first, with who made it. */
export async function taskHistory(ctx: TechniciansContext, trx: Tx, taskId: string, actor: FieldActor, page: Page): Promise<TaskHistoryEntry[]> {
  await getTask(ctx, trx, taskId, actor);
  const rows = await trx.selectFrom('technicians_task_history').selectAll().where('task_id', '=', taskId).orderBy('seq').limit(page.limit).offset(page.offset).execute();
  const staff = await ctx.staff.staffContactsInTransaction(trx, ['owner', 'admin', 'finance', 'collector', 'technician']);
  const names = new Map(staff.map((s) => [s.userId, s.name]));
  return rows.map((r) => ({
    from: r.from_status as TaskStatus | null,
    to: r.to_status as TaskStatus,
    actorUserId: r.actor_user_id,
    actorName: r.actor_user_id ? (names.get(r.actor_user_id) ?? null) : null,
    note: r.note,
    at: new Date(r.created_at),
  }));
}

export { lockOpenTask, moveStatus };
