import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

/** The element an outage is on, as the notification rules name it (ODC, ODP or a single client). */
export const OutageLevel = z.enum(['ODC', 'ODP', 'client']);

const OutageRef = z.object({
  outageId: z.uuid(),
  level: OutageLevel,
  elementId: z.uuid(),
  /** What a person reads: the ODC/ODP's code and name, or the customer's name. */
  areaName: z.string(),
  cause: z.string(),
});

export const mapsEvents = defineEvents({
  /**
   * An outage was set; propagation done: `affectedOdps` ODPs and every customer on them
   * (`customerIds`, the notification rules' outage area).
   */
  'maps.outage.set': {
    topic: Topic.outage,
    version: 1,
    data: OutageRef.extend({
      startedAt: z.iso.datetime(),
      expectedEndAt: z.iso.datetime().nullable(),
      affectedOdps: z.number().int().nonnegative(),
      affectedCustomers: z.number().int().nonnegative(),
      customerIds: z.array(z.uuid()),
    }),
  },
  /**
   * An outage was cleared. `customerIds`: the customers restored by it (no other open outage
   * still affects them), who get the "restored" message; `stillAffected` stay under another outage.
   */
  'maps.outage.cleared': {
    topic: Topic.outage,
    version: 1,
    data: OutageRef.extend({
      clearedAt: z.iso.datetime(),
      affectedCustomers: z.number().int().nonnegative(),
      restoredCustomers: z.number().int().nonnegative(),
      stillAffected: z.number().int().nonnegative(),
      customerIds: z.array(z.uuid()),
    }),
  },
  /** An outage affects at least the tenant's threshold of customers: a technician task is wanted (the technicians module consumes it). */
  'maps.outage.technician_requested': {
    topic: Topic.outage,
    version: 1,
    data: OutageRef.extend({ affectedCustomers: z.number().int().positive(), threshold: z.number().int().positive() }),
  },
  /** K customers of one ODP went offline within M minutes: staff may set an outage there (never set automatically). */
  'maps.outage.suggested': {
    topic: Topic.outage,
    version: 1,
    data: z.object({ suggestionId: z.uuid(), odpId: z.uuid(), areaName: z.string(), offlineCustomers: z.number().int().positive(), windowMinutes: z.number().int().positive() }),
  },
});
