import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

const Session = z.object({ customerId: z.uuid(), username: z.string(), occurredAt: z.iso.datetime() });

export const networkEvents = defineEvents({
  /** A router can't be driven (unreachable, bad login …): once per incident, not per retry. */
  'network.router.failed': {
    topic: Topic.network,
    version: 1,
    data: z.object({ routerId: z.uuid(), name: z.string(), code: z.string(), message: z.string() }),
  },
  'network.router.recovered': { topic: Topic.network, version: 1, data: z.object({ routerId: z.uuid(), name: z.string() }) },
  /** From RADIUS accounting Start. */
  'network.customer.online': {
    topic: Topic.network,
    version: 1,
    data: Session.extend({ nasIpAddress: z.string(), framedIpAddress: z.string().nullable() }),
  },
  /** From RADIUS accounting Stop: the session's traffic feeds usage reports. */
  'network.customer.offline': {
    topic: Topic.network,
    version: 1,
    data: Session.extend({ uploadBytes: z.number().int(), downloadBytes: z.number().int(), terminateCause: z.string().nullable() }),
  },
  /** A rejected PPPoE login (wrong password, unknown user). */
  'network.radius.auth_failed': { topic: Topic.network, version: 1, data: Session.extend({ callingStationId: z.string().nullable() }) },
});
