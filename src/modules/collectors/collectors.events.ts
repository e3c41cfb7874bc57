import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

/** The spec's collector_integration, one event per phase (collector_events). */
export const collectorsEvents = defineEvents({
  /** collector_visit_success: a collector received cash (one receipt, one or more invoices). */
  'collectors.visit.succeeded': {
    topic: Topic.collector,
    version: 1,
    data: z.object({
      collectionId: z.uuid(),
      receiptNumber: z.string(),
      collectorUserId: z.uuid(),
      collectorName: z.string(),
      customerId: z.uuid(),
      invoiceIds: z.array(z.uuid()).min(1),
      /** The invoice numbers, comma separated (what the messages show). */
      invoiceNumber: z.string(),
      amount: z.number().int().positive(),
      collectedOn: z.iso.date(),
    }),
  },
  /** collector_setoran_confirmed_by_admin: the office counted a collector's handover. */
  'collectors.setoran.confirmed': {
    topic: Topic.collector,
    version: 1,
    data: z.object({
      handoverId: z.uuid(),
      number: z.string(),
      collectorUserId: z.uuid(),
      collectorName: z.string(),
      /** The cash the office keeps (counted, less an excess handed back). */
      amount: z.number().int().nonnegative(),
      difference: z.number().int(),
      status: z.enum(['confirmed', 'short', 'over']),
      invoiceCount: z.number().int().nonnegative(),
      confirmedByName: z.string(),
    }),
  },
  /** finance_deposit_confirmed: finance banked confirmed handovers; their invoices are paid. */
  'collectors.deposit.confirmed': {
    topic: Topic.collector,
    version: 1,
    data: z.object({
      depositId: z.uuid(),
      number: z.string(),
      /** The collectors whose handovers it covers, comma separated. */
      collectorName: z.string(),
      amount: z.number().int().nonnegative(),
      invoiceCount: z.number().int().nonnegative(),
      confirmedByName: z.string(),
    }),
  },
});
