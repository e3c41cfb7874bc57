import { defineHandler } from '../../platform/events/event-handler.ts';
import { collectorsEvents } from './collectors.events.ts';
import type { CollectorsService } from './collectors.service.ts';

/** Service before settlement (a tenant option, off by default): the customer paid in person. */
export const collectorsHandlers = (collectors: CollectorsService) => [
  defineHandler(collectorsEvents, {
    id: 'collectors.restore-on-collection', // NEVER rename: names the queue, consumer group and inbox rows
    on: ['collectors.visit.succeeded'],
    ordered: true,
    async handle(event, ctx) {
      const outcome = await collectors.restoreOnCollectionInTransaction(ctx.trx, event.data);
      ctx.logger.info({ customerId: event.data.customerId, outcome }, 'restore on collection');
    },
  }),
];
