import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

export const complaintKinds = ['no_internet', 'slow', 'other'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];

/** What the customer portal announces. Technicians will turn complaints into tasks (field work issue). */
export const portalEvents = defineEvents({
  'portal.complaint.submitted': {
    topic: Topic.customer,
    version: 1,
    data: z.object({
      complaintId: z.uuid(),
      customerId: z.uuid(),
      customerCode: z.string(),
      kind: z.enum(complaintKinds),
      /** The kind in Indonesian, for the admin's WhatsApp ("Internet mati"). */
      kindLabel: z.string(),
      message: z.string(),
    }),
  },
});
