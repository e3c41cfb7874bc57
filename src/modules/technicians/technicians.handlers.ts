import { defineHandler } from '../../platform/events/event-handler.ts';
import type { mapsEvents } from '../maps/index.ts';
import type { networkEvents } from '../network/index.ts';
import type { portalEvents } from '../portal/index.ts';
import type { TechniciansService } from './technicians.service.ts';

/** The events the technicians module reacts to, typed by their publishers' schemas. */
export type TechniciansConsumes = typeof mapsEvents & typeof networkEvents & typeof portalEvents;

/**
 * A large outage asks for a technician: one outage-fix task per outage (the handler's inbox and
 * the one-task-per-outage index make a redelivery answer the same task). An outage with a task
 * clears: its lines are re-checked. RADIUS accounting Start after a clear: came back online.
 * A customer's complaint from the portal becomes a repair task for that customer.
 */
export const techniciansHandlers = (technicians: TechniciansService, catalog: TechniciansConsumes) => [
  defineHandler(catalog, {
    id: 'technicians.outage-task', // NEVER rename: names the queue, consumer group and inbox rows
    on: ['maps.outage.technician_requested'],
    async handle(event, ctx) {
      const { task, created } = await technicians.createTaskInTransaction(ctx.trx, {
        actorUserId: null,
        kind: 'outage_fix',
        source: 'outage',
        title: `Perbaikan gangguan ${event.data.level} ${event.data.areaName}`,
        description: `${event.data.cause} — ${event.data.affectedCustomers} pelanggan terdampak.`,
        target: { kind: 'outage', id: event.data.outageId },
        priority: 'urgent',
      });
      ctx.logger.info({ taskId: task.id, created }, 'outage-fix task');
    },
  }),
  defineHandler(catalog, {
    id: 'technicians.recheck-lines', // NEVER rename
    on: ['maps.outage.cleared'],
    async handle(event, ctx) {
      await technicians.recheckLinesAfterClear(ctx.trx, event.data.outageId, event.data.customerIds, new Date(event.data.clearedAt));
    },
  }),
  defineHandler(catalog, {
    id: 'technicians.back-online', // NEVER rename
    on: ['network.customer.online'],
    async handle(event, ctx) {
      await technicians.recordBackOnline(ctx.trx, event.data.customerId, new Date(event.data.occurredAt));
    },
  }),
  defineHandler(catalog, {
    id: 'technicians.complaint-task', // NEVER rename
    on: ['portal.complaint.submitted'],
    async handle(event, ctx) {
      const { task } = await technicians.createTaskInTransaction(ctx.trx, {
        actorUserId: null,
        kind: 'repair',
        source: 'complaint',
        title: `Keluhan pelanggan ${event.data.customerCode}: ${event.data.kindLabel}`,
        description: event.data.message || event.data.kindLabel,
        target: { kind: 'customer', id: event.data.customerId },
        priority: event.data.kind === 'no_internet' ? 'high' : 'normal',
      });
      ctx.logger.info({ taskId: task.id, complaintId: event.data.complaintId }, 'complaint task');
    },
  }),
];
