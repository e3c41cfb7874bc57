import multipart from '@fastify/multipart';
import { pageQuery } from '../../platform/http/pagination.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import { TaskKind, TaskStatus } from './technicians.events.ts';
import type { TechniciansService } from './technicians.service.ts';
import { tooLarge } from './use-cases/photos.ts';
import { techniciansErrors } from './technicians.errors.ts';

const tags = ['technicians'];
const IdParams = z.object({ id: z.uuid() });
const Priority = z.enum(['low', 'normal', 'high', 'urgent']);
const ElementKind = z.enum(['customer', 'odp', 'odc']);
const Target = z.object({ kind: z.enum(['customer', 'odp', 'odc', 'outage']), id: z.uuid() }).strict();
const ChecklistItem = z.object({ label: z.string().trim().min(1).max(200), done: z.boolean() }).strict();
/** A queued request sent again after reconnect carries the same key: it is stored once. */
const ClientKeyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,100}$/, 'an Idempotency-Key is 1 to 100 visible ASCII characters, e.g. a UUID')
    .optional()
    .describe('The same key on a retry (an offline queue sending again) stores the activity or photo once and answers the first one.'),
});

const PhotoSchema = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  activityId: z.string().nullable(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  takenAt: z.coerce.date().nullable(),
  uploadedBy: z.string(),
  createdAt: z.coerce.date(),
});
const TaskSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  kind: TaskKind,
  title: z.string(),
  description: z.string().nullable(),
  target: z.object({ kind: Target.shape.kind, id: z.string(), name: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable() }),
  priority: Priority,
  dueAt: z.coerce.date().nullable(),
  status: TaskStatus,
  source: z.enum(['staff', 'complaint', 'outage']),
  createdBy: z.string().nullable(),
  assignees: z.array(z.object({ userId: z.string(), name: z.string() })),
  checklist: z.array(z.object({ label: z.string(), done: z.boolean() })).nullable(),
  fixRequestedAt: z.coerce.date().nullable(),
  fixAppliedAt: z.coerce.date().nullable(),
  lines: z.object({ rechecked: z.number().int(), backOnline: z.number().int() }).nullable(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
  closedAt: z.coerce.date().nullable(),
});
const HistorySchema = z.object({ from: TaskStatus.nullable(), to: TaskStatus, actorUserId: z.string().nullable(), actorName: z.string().nullable(), note: z.string().nullable(), at: z.coerce.date() });
const ActivitySchema = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  element: z.object({ kind: ElementKind, id: z.string(), name: z.string() }).nullable(),
  technicianId: z.string(),
  technicianName: z.string(),
  note: z.string(),
  statusChange: TaskStatus.nullable(),
  createdAt: z.coerce.date(),
  photos: z.array(PhotoSchema.extend({ url: z.string().optional(), thumbnailUrl: z.string().optional() })),
});
const CreateTaskBody = z
  .object({
    kind: TaskKind,
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).nullable().optional(),
    target: Target,
    priority: Priority.optional(),
    dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
    source: z.enum(['staff', 'complaint']).optional(),
    assigneeIds: z.array(z.uuid()).max(20).optional(),
    checklist: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  })
  .strict();
const Note = z.string().trim().min(1).max(4000);
const ActivityBody = z.object({ note: Note, status: z.enum(['assigned', 'on_the_way', 'working']).optional() }).strict();
const ElementActivityBody = z.object({ element: z.object({ kind: ElementKind, id: z.uuid() }).strict(), note: Note }).strict();
const StatusBody = z.object({ status: TaskStatus.exclude(['open']), note: z.string().trim().max(1000).nullable().optional(), checklist: z.array(ChecklistItem).max(30).optional() }).strict();
const FixBody = z.object({ note: z.string().trim().max(1000).nullable().optional() }).strict();
const SettingsSchema = z.object({ outageFixMode: z.enum(['clear', 'propose']), retentionDays: z.number().int().min(30).max(3650) });
const PhotoLinksSchema = z.object({ url: z.string(), thumbnailUrl: z.string(), expiresAt: z.coerce.date() });
const OverlaySchema = z.object({
  photoId: z.string(),
  taskId: z.string().nullable(),
  taskNumber: z.number().int().nullable(),
  elementName: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  placedBy: z.enum(['gps', 'element']),
  takenAt: z.coerce.date().nullable(),
  createdAt: z.coerce.date(),
  url: z.string(),
  thumbnailUrl: z.string(),
});

/** The actor as the use cases see them. */
const fieldActor = (request: FastifyRequest) => {
  const actor = requirePermission(request);
  return { tenantId: actor.tenantId, actor: { userId: actor.userId, roles: actor.roles } };
};

export const techniciansRoutes = (technicians: TechniciansService) => async (app: HttpServer) => {
  // Multipart for photo uploads, in this plugin only; the cap is checked while streaming.
  await app.register(multipart, { limits: { fileSize: technicians.maxPhotoBytes, files: 1, fields: 5, parts: 6 } });

  /** The one uploaded file as bytes, or a clear refusal (too big, missing, not multipart). */
  async function uploadedBytes(request: FastifyRequest): Promise<Buffer> {
    let file;
    try {
      file = await request.file();
    } catch {
      throw new AppError(techniciansErrors.PHOTO_MISSING, 'Send the photo as multipart/form-data (field "file").', { fields: { file: 'missing' } });
    }
    if (!file) throw new AppError(techniciansErrors.PHOTO_MISSING, 'No photo in the upload (field "file").', { fields: { file: 'missing' } });
    try {
      const bytes = await file.toBuffer();
      if (file.file.truncated) throw tooLarge(technicians.maxPhotoBytes);
      return bytes;
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(technicians.maxPhotoBytes);
      throw error;
    }
  }

  // ---- tasks ----
  app.get(
    '/api/tasks',
    {
      schema: {
        'x-permission': 'tasks.read', 'x-feature': 'technicians',
        tags,
        summary: 'Tasks (work orders), most urgent first; a technician sees their own',
        querystring: z.object({ status: z.union([TaskStatus, z.enum(['active', 'all'])]).optional(), assignee: z.union([z.uuid(), z.literal('me')]).optional(), kind: TaskKind.optional(), ...pageQuery(200, 500) }),
        response: { 200: z.array(TaskSchema) },
      },
    },
    async (request) => {
      const { tenantId, actor } = fieldActor(request);
      return technicians.listTasks(tenantId, { actor, ...request.query });
    },
  );
  app.post('/api/tasks', { schema: { 'x-permission': 'tasks.manage', 'x-feature': 'technicians', tags, summary: 'Create a task for a customer, an ODP/ODC or an outage', body: CreateTaskBody, response: { 201: TaskSchema, 200: TaskSchema } } }, async (request, reply) => {
    const { tenantId, actor } = fieldActor(request);
    const { dueAt, ...body } = request.body;
    const { task, created } = await technicians.createTask(tenantId, { ...body, actorUserId: actor.userId, dueAt: dueAt ? new Date(dueAt) : null });
    return reply.status(created ? 201 : 200).send(task);
  });
  app.get('/api/tasks/:id', { schema: { 'x-permission': 'tasks.read', 'x-feature': 'technicians', tags, summary: 'One task', params: IdParams, response: { 200: TaskSchema } } }, async (request) => {
    const { tenantId, actor } = fieldActor(request);
    return technicians.getTask(tenantId, request.params.id, actor);
  });
  app.put(
    '/api/tasks/:id/assignees',
    { schema: { 'x-permission': 'tasks.manage', 'x-feature': 'technicians', tags, summary: 'Assign the task to one or more technicians', params: IdParams, body: z.object({ assigneeIds: z.array(z.uuid()).max(20) }).strict(), response: { 200: TaskSchema } } },
    async (request) => {
      const { tenantId, actor } = fieldActor(request);
      return technicians.assignTask(tenantId, { actorUserId: actor.userId, taskId: request.params.id, assigneeIds: request.body.assigneeIds });
    },
  );
  app.post(
    '/api/tasks/:id/status',
    { schema: { 'x-permission': 'tasks.read', 'x-feature': 'technicians', tags, summary: 'Move the task (on the way, working, done with the checklist, cancelled)', params: IdParams, body: StatusBody, response: { 200: TaskSchema } } },
    async (request) => {
      const { tenantId, actor } = fieldActor(request);
      return technicians.changeStatus(tenantId, { actor, taskId: request.params.id, ...request.body });
    },
  );
  app.get('/api/tasks/:id/history', { schema: { 'x-permission': 'tasks.read', 'x-feature': 'technicians', tags, summary: "The task's status changes: who and when, oldest first", params: IdParams, querystring: z.object(pageQuery(200, 500)), response: { 200: z.array(HistorySchema) } } }, async (request) => {
    const { tenantId, actor } = fieldActor(request);
    return technicians.taskHistory(tenantId, request.params.id, actor, request.query);
  });
  app.post(
    '/api/tasks/:id/outage-fix',
    { schema: { 'x-permission': 'fieldwork.log', 'x-feature': 'technicians', tags, summary: 'Report the outage fixed: clears it (or proposes clearing, per setting)', params: IdParams, body: FixBody, response: { 200: TaskSchema } } },
    async (request) => {
      const { tenantId, actor } = fieldActor(request);
      return technicians.reportOutageFixed(tenantId, { actor, taskId: request.params.id, note: request.body.note });
    },
  );
  app.post(
    '/api/tasks/:id/outage-fix/confirm',
    { schema: { 'x-permission': 'tasks.manage', 'x-feature': 'technicians', tags, summary: 'Confirm a proposed outage fix: clears the outage', params: IdParams, body: FixBody, response: { 200: TaskSchema } } },
    async (request) => {
      const { tenantId, actor } = fieldActor(request);
      return technicians.confirmOutageFix(tenantId, { actor, taskId: request.params.id, note: request.body.note });
    },
  );

  // ---- activities ----
  app.get('/api/tasks/:id/activities', { schema: { 'x-permission': 'tasks.read', 'x-feature': 'technicians', tags, summary: "The task's activity log with photos, oldest first", params: IdParams, querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(ActivitySchema) } } }, async (request) => {
    const { tenantId, actor } = fieldActor(request);
    return technicians.taskActivities(tenantId, request.params.id, actor, request.query);
  });
  app.post(
    '/api/tasks/:id/activities',
    { schema: { 'x-permission': 'fieldwork.log', 'x-feature': 'technicians', tags, summary: 'Log an activity on the task (a note, optionally a status move)', params: IdParams, headers: ClientKeyHeaders, body: ActivityBody, response: { 201: ActivitySchema, 200: ActivitySchema } } },
    async (request, reply) => {
      const { tenantId, actor } = fieldActor(request);
      const { activity, replayed } = await technicians.logActivity(tenantId, { actor, taskId: request.params.id, ...request.body, clientKey: request.headers['idempotency-key'] ?? null });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(replayed ? 200 : 201).send(activity);
    },
  );
  app.get(
    '/api/field-activities',
    { schema: { 'x-permission': 'tasks.read', 'x-feature': 'technicians', tags, summary: 'Free-standing activities (of one element, or all)', querystring: z.object({ elementId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.array(ActivitySchema) } } },
    async (request) => technicians.elementActivities(requirePermission(request).tenantId, request.query.elementId ?? null, request.query.limit),
  );
  app.post(
    '/api/field-activities',
    { schema: { 'x-permission': 'fieldwork.log', 'x-feature': 'technicians', tags, summary: 'Log an activity on an element ("cleaned ODP-12")', headers: ClientKeyHeaders, body: ElementActivityBody, response: { 201: ActivitySchema, 200: ActivitySchema } } },
    async (request, reply) => {
      const { tenantId, actor } = fieldActor(request);
      const { activity, replayed } = await technicians.logActivity(tenantId, { actor, element: request.body.element, note: request.body.note, clientKey: request.headers['idempotency-key'] ?? null });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(replayed ? 200 : 201).send(activity);
    },
  );

  // ---- photos ----
  app.get('/api/tasks/:id/photos', { schema: { 'x-permission': 'tasks.read', 'x-feature': 'technicians', tags, summary: "The task's photos, with short-lived links, oldest first", params: IdParams, querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(PhotoSchema.extend({ url: z.string(), thumbnailUrl: z.string() })) } } }, async (request) => {
    const { tenantId, actor } = fieldActor(request);
    return technicians.taskPhotos(tenantId, request.params.id, actor, request.query);
  });
  app.post(
    '/api/tasks/:id/photos',
    {
      schema: {
        'x-permission': 'fieldwork.log', 'x-feature': 'technicians',
        tags,
        summary: 'Upload a photo (multipart, field "file": JPEG, PNG, WebP) to the task, optionally to one of its activities',
        consumes: ['multipart/form-data'],
        params: IdParams,
        headers: ClientKeyHeaders,
        querystring: z.object({ activityId: z.uuid().optional() }),
        response: { 201: PhotoSchema, 200: PhotoSchema },
      },
    },
    async (request, reply) => {
      const { tenantId, actor } = fieldActor(request);
      const bytes = await uploadedBytes(request);
      const { photo, replayed } = await technicians.uploadPhoto(tenantId, { actor, taskId: request.params.id, activityId: request.query.activityId, bytes, clientKey: request.headers['idempotency-key'] ?? null });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(replayed ? 200 : 201).send(photo);
    },
  );
  app.post(
    '/api/field-activities/:id/photos',
    {
      schema: { 'x-permission': 'fieldwork.log', 'x-feature': 'technicians', tags, summary: 'Upload a photo to a free-standing activity', consumes: ['multipart/form-data'], params: IdParams, headers: ClientKeyHeaders, response: { 201: PhotoSchema, 200: PhotoSchema } },
    },
    async (request, reply) => {
      const { tenantId, actor } = fieldActor(request);
      const bytes = await uploadedBytes(request);
      const { photo, replayed } = await technicians.uploadPhoto(tenantId, { actor, activityId: request.params.id, bytes, clientKey: request.headers['idempotency-key'] ?? null });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(replayed ? 200 : 201).send(photo);
    },
  );
  app.get('/api/photos/:id/links', { schema: { 'x-permission': 'tasks.read', 'x-feature': 'technicians', tags, summary: "Short-lived links (5 minutes) to a photo and its thumbnail", params: IdParams, response: { 200: PhotoLinksSchema } } }, async (request) => {
    const { tenantId, actor } = fieldActor(request);
    return technicians.photoLinks(tenantId, actor, request.params.id);
  });
  app.get(
    '/api/photos/:id/file',
    {
      schema: {
        'x-permission': 'tasks.read', 'x-feature': 'technicians',
        tags,
        summary: 'The photo (or thumbnail) bytes, through a short-lived link, for the signed-in staff of its tenant',
        params: IdParams,
        querystring: z.object({ variant: z.enum(['full', 'thumb']).default('full'), token: z.string().min(10).max(2000) }),
      },
    },
    async (request, reply) => {
      const { tenantId } = fieldActor(request);
      const file = await technicians.photoFile(tenantId, request.params.id, request.query.variant, request.query.token);
      return reply.type(file.contentType).header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff').send(file.bytes);
    },
  );
  app.get('/api/photos/overlay', { schema: { 'x-permission': 'tasks.read', 'x-feature': 'technicians', tags, summary: 'Photos pinned on the map: where taken (GPS), else on their element, newest first', querystring: z.object(pageQuery(2000, 5000)), response: { 200: z.array(OverlaySchema) } } }, async (request) =>
    technicians.photoOverlay(requirePermission(request).tenantId, request.query),
  );

  // ---- settings ----
  app.get('/api/technicians/settings', { schema: { 'x-permission': 'tasks.read', 'x-feature': 'technicians', tags, summary: 'Outage-fix mode and retention', response: { 200: SettingsSchema } } }, async (request) =>
    technicians.getSettings(requirePermission(request).tenantId),
  );
  app.patch(
    '/api/technicians/settings',
    { schema: { 'x-permission': 'tasks.configure', 'x-feature': 'technicians', tags, summary: 'Change the outage-fix mode (clear or propose) and retention days', body: SettingsSchema.partial().strict(), response: { 200: SettingsSchema } } },
    async (request) => {
      if (Object.keys(request.body).length === 0) throw new AppError('NOTHING_TO_UPDATE', 'Nothing to change.');
      return technicians.updateSettings(requirePermission(request).tenantId, request.body);
    },
  );
};
