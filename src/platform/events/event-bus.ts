import type { Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { listenTo } from '../db/listen.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventDefinitions } from './event-catalog.ts';
import type { EventHandler } from './event-handler.ts';
import { createEventMetrics } from './event-metrics.ts';
import { createEventOperations } from './event-operations.ts';
import type { EventTransport } from './event-transport.ts';
import { createHandlerRunner } from './handler-runner.ts';
import { createOutboxRelay, type OutboxRelayOptions } from './outbox-relay.ts';
import { createPublisher } from './outbox.ts';

export type EventBusOptions<C extends EventDefinitions> = {
  db: Database;
  /** Every module's events, merged with `mergeEvents`. */
  catalog: C;
  handlers: EventHandler[];
  transport: EventTransport;
  clock: Clock;
  logger: Logger;
  metrics: Registry;
  /** On PostgreSQL: a URL the relay LISTENs on for outbox commits (else it only polls). */
  listenUrl?: string;
  relay?: Pick<OutboxRelayOptions, 'batchSize' | 'pollIntervalMs' | 'maintainIntervalMs'>;
};

export type EventBusRoles = {
  /** Run this process's handlers. */
  consume: boolean;
  /** Move committed outbox rows to the transport (safe on several processes: one relays at a time). */
  relay: boolean;
};

export function createEventBus<C extends EventDefinitions>(options: EventBusOptions<C>) {
  const { db, catalog, handlers, transport, clock, logger } = options;
  const seen = new Set<string>();
  for (const handler of handlers) {
    if (seen.has(handler.id)) throw new Error(`handler id ${handler.id} is registered twice`);
    seen.add(handler.id);
    const unknown = handler.on.filter((type) => !catalog[type]);
    if (unknown.length) throw new Error(`handler ${handler.id} listens to unknown event types: ${unknown.join(', ')}`);
  }
  const metrics = createEventMetrics(options.metrics);
  const publish = createPublisher(catalog, clock);
  const runDeliveries = createHandlerRunner({
    db,
    catalog,
    handlers: new Map(handlers.map((h) => [h.id, h])),
    publish: publish as never,
    clock,
    logger: logger.child({ module: 'events' }),
    metrics,
  });
  const relay = createOutboxRelay({ db, transport, handlers, logger, metrics, ...options.relay, listen: listenTo(db, 'event_outbox', options.listenUrl) });
  let prepared: Promise<void> | null = null;
  const prepare = () => (prepared ??= transport.prepare(handlers));
  let relaying = false;

  return {
    /** `publish(trx, type, data, { key })`: the event exists if and only if `trx` commits. */
    publish,
    operations: createEventOperations({ db, catalog, handlers, transport, prepare }),

    async start(roles: EventBusRoles) {
      await prepare();
      if (roles.relay) {
        relaying = true;
        await relay.start();
      }
      if (roles.consume) await transport.consume(runDeliveries);
    },

    async stop() {
      if (relaying) await relay.stop();
      relaying = false;
      await transport.stop();
    },
  };
}

export type EventBus<C extends EventDefinitions = EventDefinitions> = ReturnType<typeof createEventBus<C>>;
