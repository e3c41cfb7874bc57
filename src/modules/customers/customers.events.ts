import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

const CustomerRef = z.object({ customerId: z.uuid(), code: z.string() });

export const customerEvents = defineEvents({
  'customers.customer.created': { topic: Topic.customer, version: 1, data: CustomerRef.extend({ planId: z.uuid() }) },
  /** Plan, connection or router changed: the network side re-reads the line. */
  'customers.customer.changed': { topic: Topic.customer, version: 1, data: CustomerRef.extend({ fields: z.array(z.string()) }) },
});
