import { defineHandler } from '../../platform/events/event-handler.ts';
import type { customerEvents } from '../customers/index.ts';
import type { isolationEvents } from '../isolation/index.ts';
import type { planEvents } from '../plans/index.ts';
import type { NetworkService } from './network.service.ts';

/** The events network reacts to, typed by their publishers' schemas. */
export type NetworkConsumes = typeof isolationEvents & typeof customerEvents & typeof planEvents;

/**
 * Any change that may move a line's desired state marks the line pending; the converge worker
 * does the router I/O. Level-triggered: duplicates or out-of-order events only cause a re-check.
 */
export const networkHandlers = (network: NetworkService, catalog: NetworkConsumes) => [
  defineHandler(catalog, {
    id: 'network.mark-line-pending', // NEVER rename: names the queue, consumer group and inbox rows
    on: ['isolation.customer.isolated', 'isolation.customer.restored', 'customers.customer.created', 'customers.customer.changed'],
    async handle(event, ctx) {
      await network.markLinesPending(ctx.trx, [event.data.customerId]);
    },
    // Level-triggered, so a batch is one mark of every line it names (each once).
    async handleMany(events, ctx) {
      await network.markLinesPending(ctx.trx, [...new Set(events.map((event) => event.data.customerId))]);
    },
  }),
  defineHandler(catalog, {
    id: 'network.mark-plan-lines-pending', // NEVER rename
    on: ['plans.plan.changed'],
    async handle(event, ctx) {
      await network.markPlanLinesPending(ctx.trx, event.data.planId);
    },
  }),
];
