import { defineHandler } from '../../platform/events/event-handler.ts';
import { billingEvents } from './billing.events.ts';
import type { BillingService } from './billing.service.ts';

/** payment_to_unisolate_flow: a paid invoice may lift isolation, in realtime. */
export const billingHandlers = (billing: BillingService) => [
  defineHandler(billingEvents, {
    id: 'billing.restore-on-payment', // NEVER rename: names the queue, consumer group and inbox rows
    on: ['billing.invoice.paid', 'billing.invoice.partially_paid'],
    ordered: true, // one customer's payments in order
    async handle(event, ctx) {
      // Money desk: a partial payment restores only when the tenant's "partial restores" is on.
      const outcome = await billing.restoreAfterPayment(ctx.trx, { ...event.data, partial: event.type === 'billing.invoice.partially_paid' });
      ctx.logger.info({ customerId: event.data.customerId, outcome }, 'restore after payment');
    },
    async handleMany(events, ctx) {
      const outcomes = await billing.restoreAfterPayments(ctx.trx, events.map((event) => ({ ...event.data, partial: event.type === 'billing.invoice.partially_paid' })));
      ctx.logger.info({ events: events.length, restored: outcomes.filter((o) => o === 'restored').length }, 'restores after payments');
    },
  }),
];
