import type { EventDefinitions } from '../../platform/events/event-catalog.ts';
import { defineHandler } from '../../platform/events/event-handler.ts';
import { ruleEventTypesIn } from './notification-rules.ts';
import type { NotificationsService } from './notifications.service.ts';

/**
 * One handler for every rule event the catalog has today (see `notification-rules.ts`): a new
 * module's events join its subscription as soon as they are merged into the catalog. It only
 * inserts message rows, in the handler's transaction, so they commit exactly once with the
 * inbox mark; the delivery worker does the network I/O.
 */
export const notificationsHandlers = (notifications: NotificationsService, catalog: EventDefinitions) => {
  const on = ruleEventTypesIn(catalog);
  if (on.length === 0) return [];
  return [
    defineHandler(catalog, {
      id: 'notifications.queue-messages', // NEVER rename: names the queue, consumer group and inbox rows
      on,
      async handle(event, ctx) {
        await notifications.enqueueForEvent(ctx.trx, event);
      },
      // A batch of one tenant's first deliveries (a payment rush): the tenant's facts read once.
      async handleMany(events, ctx) {
        await notifications.enqueueForEvents(ctx.trx, events);
      },
    }),
  ];
};
