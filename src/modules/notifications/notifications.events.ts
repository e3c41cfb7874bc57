import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

const MessageRef = z.object({
  messageId: z.uuid(),
  kind: z.string(),
  rule: z.string(),
  recipientType: z.enum(['customer', 'staff']),
  recipientId: z.uuid().nullable(),
});

/**
 * wa_events. Volume is chosen so an ODC outage does not double the outbox: `queued` is one event
 * per rule firing (with counts), not per message; `sent`, `delivered` and `failed` are per
 * message, but they arrive at the provider's pace (tens per second), never as one burst.
 * No phone numbers or texts travel in events: the message log holds those.
 */
export const notificationEvents = defineEvents({
  'notifications.message.queued': {
    topic: Topic.wa,
    version: 1,
    data: z.object({
      sourceEventId: z.uuid().nullable(),
      rule: z.string(),
      kind: z.string(),
      queued: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
    }),
  },
  'notifications.message.sent': { topic: Topic.wa, version: 1, data: MessageRef.extend({ provider: z.string() }) },
  'notifications.message.delivered': { topic: Topic.wa, version: 1, data: MessageRef.extend({ status: z.enum(['delivered', 'read']) }) },
  /** Given up (`failed`) or possibly sent without confirmation (`unknown`): both need a person. */
  'notifications.message.failed': {
    topic: Topic.wa,
    version: 1,
    data: MessageRef.extend({ outcome: z.enum(['failed', 'unknown']), reason: z.string() }),
  },
});
