import type { PGlite } from '@electric-sql/pglite';
import { pgliteClient } from '../db/pglite-dialect.ts';
import { PgBoss, fromKysely, fromPglite, type ConstructorOptions, type Job } from 'pg-boss';
import { isConnectionError } from '../db/connection-errors.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventEnvelope } from './event-envelope.ts';
import { handlerPolicy, type EventHandler } from './event-handler.ts';
import type { EventTransport, HandlerQueueStats } from './event-transport.ts';
import type { RunDeliveries } from './handler-runner.ts';

/** pg-boss queue of a handler. NEVER change without a migration: queued jobs live under this name. */
export const handlerQueueName = (handlerId: string) => `events.${handlerId}`;

export type PostgresTransportOptions = {
  /** Where pg-boss keeps its schema: the PGlite instance, or a PostgreSQL URL (the owner's). */
  connection: { pglite: PGlite } | { connectionString: string; poolSize?: number };
  logger: Logger;
  /** A delivery whose worker has been silent this long (crashed, hung) is delivered again. */
  claimTimeoutSeconds?: number;
  /** Polling floor; LISTEN/NOTIFY wakes workers for new jobs, polling finds retries that come due. */
  pollingIntervalSeconds?: number;
  /** How often pg-boss looks for timed-out deliveries. */
  superviseIntervalSeconds?: number;
  batchSize?: number;
  /** Concurrent fetch loops per handler in this process (default 2; 1 on PGlite, whose one session runs one fetch at a time anyway). */
  concurrency?: number;
};

/**
 * The default transport: pg-boss queues in the same database, one queue per handler (fan-out is
 * one job per handler). The relay inserts the jobs with `db: fromKysely(trx)`, inside the
 * transaction that marks the outbox rows relayed, so an event is handed over exactly once.
 * pg-boss runs as the schema owner: the application roles never touch its tables, so they need
 * no grants on its schema.
 */
export function createPostgresTransport(options: PostgresTransportOptions): EventTransport {
  const claimTimeoutSeconds = options.claimTimeoutSeconds ?? 60;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const isEmbedded = 'pglite' in options.connection;
  const connection: ConstructorOptions =
    'pglite' in options.connection
      ? { db: fromPglite(pgliteClient(options.connection.pglite)), backend: 'pglite' }
      : { connectionString: options.connection.connectionString, max: options.connection.poolSize ?? 10 };
  const boss = new PgBoss({
    ...connection,
    schedule: false, // scheduled jobs follow each tenant's time zone: src/platform/jobs does them
    supervise: true,
    // Expiry of timed-out deliveries happens in the monitor step of a supervise pass.
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 30,
    monitorIntervalSeconds: options.superviseIntervalSeconds ?? 30,
    useListenNotify: true,
  });
  // pg-boss reports every failed poll; the database being unreachable is logged once by the database itself.
  boss.on('error', (error) => (isConnectionError(error) ? options.logger.debug({ err: error }, 'pg-boss: database unreachable') : options.logger.error({ err: error }, 'pg-boss error')));
  let handlers: EventHandler[] = [];
  let started: Promise<unknown> | null = null;
  const startBoss = () => (started ??= boss.start());

  return {
    kind: 'postgres',

    async prepare(list) {
      handlers = list;
      await startBoss();
      for (const handler of handlers) {
        const policy = handlerPolicy(handler);
        const name = handlerQueueName(handler.id);
        const settings = {
          // One retry beyond maxAttempts so a delivery lost on the last attempt still reaches the
          // runner, which files it as a dead letter instead of pg-boss failing it silently.
          retryLimit: policy.maxAttempts,
          retryDelay: policy.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: claimTimeoutSeconds,
          notify: true,
        };
        if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
        else {
          await boss.createQueue(name, {
            ...settings,
            retryDelayMax: policy.retryDelayMaxSeconds,
            policy: policy.ordered ? 'key_strict_fifo' : 'standard',
          });
        }
        // Warms pg-boss's queue cache now: a cache miss inside the relay's transaction would query
        // outside it, which on PGlite waits for that very transaction (deadlock).
        await boss.insert(name, []);
      }
    },

    async enqueue(trx, deliveries) {
      // Without the caller's transaction pg-boss would insert on a connection of its own: on PGlite
      // that waits for the open transaction (deadlock), on a server it is silently not atomic.
      if (!trx) throw new Error('enqueue needs the transaction that marks the events relayed');
      const jobsByQueue = new Map<string, { id: string; data: EventEnvelope; singletonKey: string }[]>();
      for (const { event, handlerIds } of deliveries) {
        for (const handlerId of handlerIds) {
          const name = handlerQueueName(handlerId);
          const jobs = jobsByQueue.get(name) ?? jobsByQueue.set(name, []).get(name)!;
          // key_strict_fifo runs a key's jobs by (created_on, id); jobs of one insert share created_on,
          // so the time-ordered id keeps them in publication order. A keyless event is its own key.
          jobs.push({ id: newId(), data: event, singletonKey: event.key ?? event.id });
        }
      }
      for (const [name, jobs] of jobsByQueue) await boss.insert(name, jobs, { db: fromKysely(trx) });
    },

    isIntact: async () => true, // jobs live in the same database as the outbox
    markIntact: async () => undefined,
    maintain: async () => undefined, // pg-boss's own supervisor expires and deletes jobs
    health: async () => undefined, // the database's own check covers it

    async consume(run: RunDeliveries) {
      await startBoss();
      for (const handler of handlers) {
        await boss.work(
          handlerQueueName(handler.id),
          {
            batchSize: options.batchSize ?? (isEmbedded ? 100 : 20),
            perJobResults: true,
            burstWhenBatchFull: true,
            pollingIntervalSeconds,
            notifyPollingIntervalSeconds: pollingIntervalSeconds,
            localConcurrency: options.concurrency ?? (isEmbedded ? 1 : 2),
          },
          async (jobs: Job<EventEnvelope>[]) => {
            const outcomes = await run(handler.id, jobs.map((job) => ({ message: job.data, attempt: job.retryCount + 1 })));
            // A failed job comes back after the queue's backoff (retryDelay, retryBackoff).
            return jobs.map((job, i) => ({ id: job.id, status: outcomes[i].kind === 'settled' ? ('completed' as const) : ('failed' as const) }));
          },
        );
      }
    },

    async stats(): Promise<HandlerQueueStats[]> {
      const names = handlers.map((h) => handlerQueueName(h.id));
      const queues = names.length ? await boss.getQueues(names) : [];
      return handlers.map((handler) => {
        const queue = queues.find((q) => q.name === handlerQueueName(handler.id));
        return { handlerId: handler.id, waiting: queue?.queuedCount ?? 0, inFlight: queue?.activeCount ?? 0 };
      });
    },

    async stop() {
      if (started) await boss.stop({ graceful: true, close: true });
      started = null;
    },
  };
}
