import type { Tx } from '../db/database.ts';
import { isAppError } from '../errors/app-error.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventData, EventDefinitions, EventType } from './event-catalog.ts';
import type { EventEnvelope, EventOf } from './event-envelope.ts';
import type { PublishOptions } from './outbox.ts';

/** `C`: the catalog the handler was declared with; `publish` takes its event types and their data. */
export type HandlerContext<C extends EventDefinitions = EventDefinitions> = {
  /** The handler's transaction, scoped to the event's tenant; it commits with the inbox mark. */
  trx: Tx;
  logger: Logger;
  /** 1 on first delivery. */
  attempt: number;
  /** Publishes a follow-up event in `trx`, caused by (and correlated with) the one being handled. */
  publish<P extends EventType<C>>(type: P, data: EventData<C, P>, options?: Omit<PublishOptions, 'causationId' | 'correlationId'>): Promise<EventEnvelope>;
};

export type EventHandler<C extends EventDefinitions = EventDefinitions, T extends EventType<C> = EventType<C>> = {
  /** Stable id `<module>.<what-it-does>`: it names the consumer group, queue and inbox rows. NEVER rename. */
  id: string;
  on: readonly T[];
  handle(event: EventOf<C, T>, ctx: HandlerContext<C>): Promise<void>;
  /**
   * Optional: first deliveries of one tenant handled together, in a few statements for the lot
   * (a payment rush, a deposit of thousands of invoices). Must have the effect of `handle` on each,
   * in order. When it throws, the runner handles the events one by one with `handle`, so retries
   * and dead letters stay per delivery.
   */
  handleMany?(events: EventOf<C, T>[], ctx: Omit<HandlerContext<C>, 'attempt' | 'publish'>): Promise<void>;
  /** Deliveries before the event becomes a dead letter (default 5). */
  maxAttempts?: number;
  /** First retry delay in whole seconds (pg-boss's unit); doubles each attempt, with jitter (default 1). */
  retryDelaySeconds?: number;
  retryDelayMaxSeconds?: number;
  /** One key's events are handled one at a time, in publication order. */
  ordered?: boolean;
};

/**
 * Declares a handler for events of a catalog: the publishing modules' `defineEvents`, imported
 * from their index.ts (e.g. `typeof isolationEvents & typeof customerEvents`), so `event.data` is
 * typed by the publisher's schema. The bus holds handlers untyped (`EventHandler`): `handle` is a
 * method, so a handler of some types is one of any type, and the bus routes by `on`.
 */
export const defineHandler = <C extends EventDefinitions, const T extends EventType<C>>(_catalog: C, handler: EventHandler<C, T>): EventHandler =>
  handler;

export type HandlerPolicy = { maxAttempts: number; retryDelaySeconds: number; retryDelayMaxSeconds: number; ordered: boolean };
export const handlerPolicy = (handler: EventHandler): HandlerPolicy => ({
  maxAttempts: handler.maxAttempts ?? 5,
  retryDelaySeconds: handler.retryDelaySeconds ?? 1,
  retryDelayMaxSeconds: handler.retryDelayMaxSeconds ?? 300,
  ordered: handler.ordered ?? false,
});

/** Exponential backoff with "equal jitter": half the delay is fixed, half random. */
export function retryDelayMs(attempt: number, policy: HandlerPolicy): number {
  const exponential = Math.min(policy.retryDelayMaxSeconds, policy.retryDelaySeconds * 2 ** (attempt - 1)) * 1000;
  return Math.round(exponential / 2 + (Math.random() * exponential) / 2);
}

/** Thrown by a handler when retrying cannot help (the event refers to something that will never exist). */
export class PermanentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

/** A caller-side AppError (4xx) will fail the same way on every retry. */
export const isPermanentError = (error: unknown): boolean =>
  error instanceof PermanentError || (isAppError(error) && error.httpStatus < 500);
