import type { TenantId, Tx } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { mayManage, type ChecklistItem, type ElementKind, type FieldActor, type Photo, type TaskStatus, type TechniciansDeps, type TechniciansSettings } from './technicians.model.ts';
import { elementActivities, logActivity, taskActivities, type LogActivityOptions } from './use-cases/activities.ts';
import { confirmOutageFix, recheckLinesAfterClear, recordBackOnline, reportOutageFixed } from './use-cases/outage-fix.ts';
import {
  checkPhotoLink,
  DEFAULT_MAX_PHOTO_BYTES,
  findPhotoByClientKey,
  getPhotoRow,
  assertPhotoStorage,
  insertPhoto,
  listPhotos,
  photoLink,
  photoOverlay,
  preparePhoto,
} from './use-cases/photos.ts';
import { purgeExpired } from './use-cases/retention.ts';
import { settingsInTransaction, updateSettings } from './use-cases/settings.ts';
import { assignTask, assertMayWork, changeStatus, createTask, getTask, listTasks, taskHistory, type CreateTaskOptions, type ListTasksOptions } from './use-cases/tasks.ts';
import { techniciansErrors } from './technicians.errors.ts';

export type TechniciansService = ReturnType<typeof createTechniciansService>;

export type UploadPhotoOptions = { actor: FieldActor; taskId?: string; activityId?: string; bytes: Buffer; clientKey?: string | null };

/**
 * Technicians: work orders with assignees and status history, activity logs, photos (pipeline
 * and storage), outage fixes that reach the map and the network. Each use case lives in
 * use-cases/<name>.ts and runs in the caller's transaction; this factory opens the transactions
 * and keeps slow work (the photo pipeline, the storage I/O) outside them.
 */
export function createTechniciansService(deps: TechniciansDeps) {
  const { db, ...ctx } = deps;
  const maxBytes = deps.maxPhotoBytes ?? DEFAULT_MAX_PHOTO_BYTES;
  const inTenant = <T>(tenantId: TenantId, fn: (trx: Tx) => Promise<T>) => db.tenant(tenantId, fn);

  /** Where a photo goes, after checking the actor may add it there (and the task is open). */
  async function photoPlace(trx: Tx, actor: FieldActor, taskId?: string, activityId?: string) {
    if (!taskId && !activityId) throw new AppError('VALIDATION_FAILED', 'A photo belongs to a task or an activity.', { fields: { taskId: 'give a task or an activity' } });
    let task = taskId ?? null;
    if (activityId) {
      const activity = await trx.selectFrom('technicians_activities').select(['id', 'task_id', 'technician_id']).where('id', '=', activityId).executeTakeFirst();
      if (!activity) throw new AppError('VALIDATION_FAILED', 'No such activity.', { fields: { activityId: 'unknown activity' } });
      if (taskId && activity.task_id !== taskId) throw new AppError('VALIDATION_FAILED', 'The activity is not on this task.', { fields: { activityId: 'on another task' } });
      if (!activity.task_id && activity.technician_id !== actor.userId && !mayManage(actor)) throw new AppError(techniciansErrors.TASK_NOT_ASSIGNED, 'This activity is not yours.');
      task = activity.task_id;
    }
    if (task) {
      await assertMayWork(trx, task, actor);
      const current = await getTask(ctx, trx, task);
      if (current.status === 'done' || current.status === 'cancelled') throw new AppError(techniciansErrors.TASK_CLOSED, 'This task is closed: no more photos.');
    }
    return { taskId: task, activityId: activityId ?? null, folder: task ? `tasks/${task}` : `activities/${activityId}` };
  }

  async function uploadPhoto(tenantId: TenantId, options: UploadPhotoOptions): Promise<{ photo: Photo; replayed: boolean }> {
    const { actor } = options;
    const checked = await inTenant(tenantId, async (trx) => {
      const replay = options.clientKey ? await findPhotoByClientKey(trx, actor.userId, options.clientKey) : null;
      if (replay) return { replay };
      return { place: await photoPlace(trx, actor, options.taskId, options.activityId), timeZone: await ctx.timeZoneInTransaction(trx) };
    });
    if ('replay' in checked && checked.replay) return { photo: checked.replay, replayed: true };
    const { place, timeZone } = checked as { place: Awaited<ReturnType<typeof photoPlace>>; timeZone: string };
    const prepared = await preparePhoto(options.bytes, { maxBytes, timeZone });
    const id = newId();
    const storageKey = `${tenantId}/${place.folder}/${id}.jpg`;
    const thumbnailKey = `${tenantId}/${place.folder}/${id}.thumb.jpg`;
    // Bytes first, the record second: an orphan object is harmless, a record without bytes is not.
    await ctx.storage.put(storageKey, prepared.image, 'image/jpeg');
    await ctx.storage.put(thumbnailKey, prepared.thumbnail, 'image/jpeg');
    try {
      const stored = await inTenant(tenantId, async (trx) => {
        await photoPlace(trx, actor, options.taskId, options.activityId); // still open, still theirs
        await assertPhotoStorage(ctx, trx, prepared);
        const photo = await insertPhoto(ctx, trx, { id, ...place, uploadedBy: actor.userId, clientKey: options.clientKey ?? null, storageKey, thumbnailKey, prepared });
        return photo ?? { replay: (await findPhotoByClientKey(trx, actor.userId, options.clientKey!))! };
      });
      if ('replay' in stored) {
        await Promise.all([ctx.storage.delete(storageKey), ctx.storage.delete(thumbnailKey)]);
        return { photo: stored.replay, replayed: true };
      }
      return { photo: stored, replayed: false };
    } catch (error) {
      await Promise.allSettled([ctx.storage.delete(storageKey), ctx.storage.delete(thumbnailKey)]);
      throw error;
    }
  }

  /** Short-lived links to a photo and its thumbnail, for staff who may see its task. */
  const photoLinks = (tenantId: TenantId, actor: FieldActor, photoId: string) =>
    inTenant(tenantId, async (trx) => {
      const row = await getPhotoRow(trx, photoId);
      const taskId = row.task_id ?? (row.activity_id ? (await trx.selectFrom('technicians_activities').select('task_id').where('id', '=', row.activity_id).executeTakeFirst())?.task_id : null);
      if (taskId) await getTask(ctx, trx, taskId, actor);
      const full = photoLink(ctx, tenantId, photoId, 'full');
      return { url: full.url, thumbnailUrl: photoLink(ctx, tenantId, photoId, 'thumb').url, expiresAt: full.expiresAt };
    });

  async function photoFile(tenantId: TenantId, photoId: string, variant: 'full' | 'thumb', token: string) {
    checkPhotoLink(ctx, tenantId, photoId, variant, token);
    const row = await inTenant(tenantId, (trx) => getPhotoRow(trx, photoId));
    const bytes = await ctx.storage.get(variant === 'full' ? row.storage_key : row.thumbnail_key);
    if (!bytes) throw new AppError('NOT_FOUND', 'The photo file is missing.');
    return { bytes, contentType: row.content_type };
  }

  async function purge(tenantId: TenantId) {
    const result = await inTenant(tenantId, (trx) => purgeExpired(ctx, trx));
    for (const key of result.keys) await ctx.storage.delete(key);
    return { tasks: result.tasks, activities: result.activities, files: result.keys.length };
  }

  return {
    // tasks
    createTask: (tenantId: TenantId, options: CreateTaskOptions) => inTenant(tenantId, (trx) => createTask(ctx, trx, options)),
    createTaskInTransaction: (trx: Tx, options: CreateTaskOptions) => createTask(ctx, trx, options),
    getTask: (tenantId: TenantId, id: string, actor: FieldActor) => inTenant(tenantId, (trx) => getTask(ctx, trx, id, actor)),
    listTasks: (tenantId: TenantId, options: ListTasksOptions) => inTenant(tenantId, (trx) => listTasks(ctx, trx, options)),
    assignTask: (tenantId: TenantId, options: { actorUserId: string; taskId: string; assigneeIds: string[] }) => inTenant(tenantId, (trx) => assignTask(ctx, trx, options)),
    changeStatus: (tenantId: TenantId, options: { actor: FieldActor; taskId: string; status: TaskStatus; note?: string | null; checklist?: ChecklistItem[] }) =>
      inTenant(tenantId, (trx) => changeStatus(ctx, trx, options)),
    taskHistory: (tenantId: TenantId, taskId: string, actor: FieldActor, page: Page) => inTenant(tenantId, (trx) => taskHistory(ctx, trx, taskId, actor, page)),
    // activities
    logActivity: (tenantId: TenantId, options: LogActivityOptions) => inTenant(tenantId, (trx) => logActivity(ctx, trx, options)),
    /** The log, each photo with its short-lived links (the console shows thumbnails at once). */
    taskActivities: async (tenantId: TenantId, taskId: string, actor: FieldActor, page: Page) =>
      (await inTenant(tenantId, (trx) => taskActivities(ctx, trx, taskId, actor, page))).map((a) => ({
        ...a,
        photos: a.photos.map((p) => ({ ...p, url: photoLink(ctx, tenantId, p.id, 'full').url, thumbnailUrl: photoLink(ctx, tenantId, p.id, 'thumb').url })),
      })),
    elementActivities: (tenantId: TenantId, elementId: string | null, limit: number) => inTenant(tenantId, (trx) => elementActivities(ctx, trx, elementId, limit)),
    // photos
    uploadPhoto,
    maxPhotoBytes: maxBytes,
    taskPhotos: async (tenantId: TenantId, taskId: string, actor: FieldActor, page: Page) =>
      (await inTenant(tenantId, async (trx) => (await getTask(ctx, trx, taskId, actor), listPhotos(trx, { taskId, ...page })))).map((p) => ({
        ...p,
        url: photoLink(ctx, tenantId, p.id, 'full').url,
        thumbnailUrl: photoLink(ctx, tenantId, p.id, 'thumb').url,
      })),
    photoLinks,
    photoFile,
    photoOverlay: async (tenantId: TenantId, page: Page) =>
      (await inTenant(tenantId, (trx) => photoOverlay(trx, page))).map((p) => ({ ...p, url: photoLink(ctx, tenantId, p.photoId, 'full').url, thumbnailUrl: photoLink(ctx, tenantId, p.photoId, 'thumb').url })),
    purgeExpired: purge,
    // outage fixes
    reportOutageFixed: (tenantId: TenantId, options: { actor: FieldActor; taskId: string; note?: string | null }) => inTenant(tenantId, (trx) => reportOutageFixed(ctx, trx, options)),
    confirmOutageFix: (tenantId: TenantId, options: { actor: FieldActor; taskId: string; note?: string | null }) => inTenant(tenantId, (trx) => confirmOutageFix(ctx, trx, options)),
    recheckLinesAfterClear: (trx: Tx, outageId: string, customerIds: string[], clearedAt: Date) => recheckLinesAfterClear(ctx, trx, outageId, customerIds, clearedAt),
    recordBackOnline: (trx: Tx, customerId: string, at: Date) => recordBackOnline(trx, customerId, at),
    // settings
    getSettings: (tenantId: TenantId) => inTenant(tenantId, settingsInTransaction),
    updateSettings: (tenantId: TenantId, change: Partial<TechniciansSettings>) => inTenant(tenantId, (trx) => updateSettings(ctx, trx, change)),
  };
}

export type { ElementKind };
