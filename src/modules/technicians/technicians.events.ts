import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

export const TaskKind = z.enum(['installation', 'repair', 'outage_fix', 'relocation', 'dismantle', 'survey']);
export const TaskStatus = z.enum(['open', 'assigned', 'on_the_way', 'working', 'done', 'cancelled']);

export const technicianEvents = defineEvents({
  /** A task was created (by staff, from a complaint, or from a large outage's request). */
  'field.task.created': {
    topic: Topic.technician,
    version: 1,
    data: z.object({ taskId: z.uuid(), number: z.number().int(), kind: TaskKind, title: z.string(), source: z.enum(['staff', 'complaint', 'outage']), outageId: z.uuid().nullable() }),
  },
  /** A task's status moved (who: `actorUserId`, null for the system). */
  'field.task.status_changed': {
    topic: Topic.technician,
    version: 1,
    data: z.object({ taskId: z.uuid(), number: z.number().int(), from: TaskStatus, to: TaskStatus, actorUserId: z.uuid().nullable() }),
  },
  /**
   * technician_activity_logged: a technician reported on a task or an element. The WhatsApp rule
   * `admin-technician-update` tells the admins ("Technician reported update"), once per activity.
   */
  'field.activity.logged': {
    topic: Topic.technician,
    version: 1,
    data: z.object({
      activityId: z.uuid(),
      taskId: z.uuid().nullable(),
      taskNumber: z.number().int().nullable(),
      technicianId: z.uuid(),
      technicianName: z.string(),
      summary: z.string(),
      customerId: z.uuid().nullable(),
      areaName: z.string().nullable(),
    }),
  },
  /**
   * technician_outage_fix: the technician reported the outage fixed. `cleared`: the outage was
   * cleared (tenant setting `clear`); otherwise clearing was proposed and waits for an admin.
   */
  'field.outage.fixed': {
    topic: Topic.technician,
    version: 1,
    data: z.object({ taskId: z.uuid(), outageId: z.uuid(), technicianId: z.uuid(), cleared: z.boolean() }),
  },
});
