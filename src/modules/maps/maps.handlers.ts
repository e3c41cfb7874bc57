import { defineHandler } from '../../platform/events/event-handler.ts';
import type { networkEvents } from '../network/index.ts';
import type { MapsService } from './maps.service.ts';

/** The events maps reacts to, typed by their publisher's schemas. */
export type MapsConsumes = typeof networkEvents;

/**
 * RADIUS accounting → the line's state on the map, and the outage suggestion when many lines of
 * one ODP drop together. Ordered per customer so a stop and the next start keep their order.
 */
export const mapsHandlers = (maps: MapsService, catalog: MapsConsumes) => [
  defineHandler(catalog, {
    id: 'maps.line-signals', // NEVER rename: names the queue, consumer group and inbox rows
    on: ['network.customer.online', 'network.customer.offline'],
    ordered: true,
    async handle(event, ctx) {
      const result = await maps.recordLineSignal(ctx.trx, { customerId: event.data.customerId, online: event.type === 'network.customer.online', at: new Date(event.data.occurredAt) });
      if (result.suggestionId) ctx.logger.info({ suggestionId: result.suggestionId }, 'outage suggested');
    },
  }),
];
