import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

const LineChange = z.object({
  customerId: z.uuid(),
  reason: z.string(),
  trigger: z.string().nullable(),
  invoiceId: z.uuid().nullable(),
  actor: z.object({ type: z.enum(['system', 'staff']), userId: z.uuid().nullable() }),
});

/** The spec puts "customer isolated, restored" on billing_events; network and WhatsApp react. */
export const isolationEvents = defineEvents({
  'isolation.customer.isolated': { topic: Topic.billing, version: 1, data: LineChange },
  'isolation.customer.restored': { topic: Topic.billing, version: 1, data: LineChange },
});
