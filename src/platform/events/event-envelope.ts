import { z } from 'zod';
import { allTopics } from './topics.ts';
import type { EventDefinitions, EventType } from './event-catalog.ts';

/** The envelope every event travels in; validated when written and again when read back. */
export const EventEnvelopeSchema = z.object({
  id: z.uuid(),
  topic: z.enum(allTopics),
  type: z.string().min(1),
  version: z.number().int().positive(),
  tenantId: z.uuid(),
  /** Ordering key (a customer id, an ODP id): one key's events reach an ordered handler in order. */
  key: z.string().min(1).nullable(),
  occurredAt: z.iso.datetime(),
  correlationId: z.string().min(1),
  /** The event whose handler published this one, if any. */
  causationId: z.uuid().nullable(),
  data: z.unknown(),
});
export type EventEnvelope<Data = unknown, Type extends string = string> = Omit<z.infer<typeof EventEnvelopeSchema>, 'data' | 'type'> & {
  type: Type;
  data: Data;
};

/** An envelope whose `data` is typed by the catalog, for handlers of `T`. */
export type EventOf<C extends EventDefinitions, T extends EventType<C>> = {
  [K in T]: EventEnvelope<z.output<C[K]['data']>, K>;
}[T];

/** A row of `event_outbox` as the envelope it stores. */
export type OutboxRow = {
  id: string;
  tenant_id: string;
  topic: string;
  type: string;
  version: number;
  key: string | null;
  occurred_at: Date | string;
  correlation_id: string;
  causation_id: string | null;
  data: unknown;
};

export const envelopeFromRow = (row: OutboxRow): EventEnvelope => ({
  id: row.id,
  topic: row.topic as EventEnvelope['topic'],
  type: row.type,
  version: row.version,
  tenantId: row.tenant_id,
  key: row.key,
  occurredAt: new Date(row.occurred_at).toISOString(),
  correlationId: row.correlation_id,
  causationId: row.causation_id,
  data: row.data,
});
