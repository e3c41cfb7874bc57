import type { Tx } from '../db/database.ts';
import type { EventEnvelope } from './event-envelope.ts';
import type { EventHandler } from './event-handler.ts';
import type { RunDeliveries } from './handler-runner.ts';

/** One committed event for the handlers that should receive it. */
export type Delivery = { event: EventEnvelope; handlerIds: string[] };

export type HandlerQueueStats = {
  handlerId: string;
  /** Deliveries waiting to be handled (including those waiting out a retry delay). */
  waiting: number;
  /** Deliveries a worker holds right now. */
  inFlight: number;
};

/**
 * Moves committed events from the outbox to handlers. The outbox stays the source of truth:
 * a transport only has to deliver at least once; the inbox makes a repeat harmless.
 */
export interface EventTransport {
  readonly kind: 'postgres' | 'redis-streams';
  /** Creates queues / streams and consumer groups for every handler. */
  prepare(handlers: EventHandler[]): Promise<void>;
  /** Called by the relay inside its transaction, which then marks the events relayed. */
  enqueue(trx: Tx, deliveries: Delivery[]): Promise<void>;
  /**
   * False when events handed over earlier may be gone (Redis was flushed or restarted empty);
   * the relay then hands over again every event some handler has not finished.
   */
  isIntact(): Promise<boolean>;
  markIntact(): Promise<void>;
  /** Starts delivering to this process's handlers; `run` decides what happens to each delivery. */
  consume(run: RunDeliveries): Promise<void>;
  /** Periodic upkeep that needs no consumer (e.g. trimming streams); the relay role calls it. */
  maintain(): Promise<void>;
  stats(): Promise<HandlerQueueStats[]>;
  /** Rejects within `timeoutMs` (default 1 s) when the transport can't be reached (for /ready). */
  health(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}
