import { z } from 'zod';
import type { Topic } from './topics.ts';

/** What a module declares for each event it publishes. */
export type EventDefinition<S extends z.ZodType = z.ZodType> = {
  topic: Topic;
  /** Bumped when `data` changes incompatibly; handlers see it on the envelope. */
  version: number;
  data: S;
};
export type EventDefinitions = Record<string, EventDefinition>;

/**
 * Declares a module's events, named `<module>.<entity>.<past_tense>`:
 * `defineEvents({ 'billing.invoice.overdue': { topic: Topic.billing, version: 1, data: z.object({…}) } })`.
 */
export const defineEvents = <const D extends EventDefinitions>(definitions: D): D => definitions;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every module's events in one map (the composition root merges them); a type declared twice is an error. */
export function mergeEvents<const L extends EventDefinitions[]>(...lists: L): UnionToIntersection<L[number]> & EventDefinitions {
  const merged: EventDefinitions = {};
  for (const list of lists) {
    for (const [type, definition] of Object.entries(list)) {
      if (merged[type]) throw new Error(`event type ${type} is declared twice`);
      merged[type] = definition;
    }
  }
  return merged as UnionToIntersection<L[number]> & EventDefinitions;
}

export type EventType<C extends EventDefinitions> = keyof C & string;
/** The `data` of an event type, as its publisher writes it. */
export type EventData<C extends EventDefinitions, T extends EventType<C>> = z.input<C[T]['data']>;
