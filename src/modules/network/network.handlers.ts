import { defineHandler } from '../../platform/events/event-handler.ts';
import type { EventDefinitions } from '../../platform/events/event-catalog.ts';
import type { NetworkService } from './network.service.ts';

/**
 * Any change that may move a line's desired state marks the line pending; the converge worker
 * does the router I/O. Level-triggered: duplicates or out-of-order events only cause a re-check.
 */
export const networkHandlers = (network: NetworkService, catalog: EventDefinitions) => [
  defineHandler(catalog, {
    id: 'network.mark-line-pending', // NEVER rename: names the queue, consumer group and inbox rows
    on: ['isolation.customer.isolated', 'isolation.customer.restored', 'customers.customer.created', 'customers.customer.changed'],
    async handle(event, ctx) {
      await network.markLinesPending(ctx.trx, [(event.data as { customerId: string }).customerId]);
    },
  }),
  defineHandler(catalog, {
    id: 'network.mark-plan-lines-pending', // NEVER rename
    on: ['plans.plan.changed'],
    async handle(event, ctx) {
      await network.markPlanLinesPending(ctx.trx, (event.data as { planId: string }).planId);
    },
  }),
];
