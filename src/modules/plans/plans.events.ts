import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-catalog.ts';
import { Topic } from '../../platform/events/topics.ts';

export const planEvents = defineEvents({
  /** Speeds or router profile of a service plan changed: every line on it is re-checked. */
  'plans.plan.changed': { topic: Topic.customer, version: 1, data: z.object({ planId: z.uuid(), fields: z.array(z.string()) }) },
});
