import type { Clock } from './platform/clock.ts';
import type { SecretBox } from './platform/crypto/secret-box.ts';
import type { AppConfig } from './platform/config/env.ts';
import type { Database } from './platform/db/database.ts';
import { listenTo } from './platform/db/listen.ts';
import { mergeEvents } from './platform/events/event-catalog.ts';
import { createEventBus } from './platform/events/event-bus.ts';
import type { EventTransport } from './platform/events/event-transport.ts';
import { createBatchPublisher, createPublisher } from './platform/events/outbox.ts';
import { createLiveFeed } from './platform/events/live-feed.ts';
import { liveRoutes } from './platform/events/live.routes.ts';
import { liveViewer } from './live-audience.ts';
import { createPostgresTransport } from './platform/events/postgres.transport.ts';
import { createRedisStreamsTransport } from './platform/events/redis-streams.transport.ts';
import { eventsRoutes } from './platform/events/events.routes.ts';
import { jobsRoutes } from './platform/jobs/jobs.routes.ts';
import { createScheduler } from './platform/jobs/scheduler.ts';
import { withSpecWorkers } from './platform/jobs/spec-workers.ts';
import { createIdempotency } from './platform/http/idempotency.ts';
import { createHttpServer, type HttpServer } from './platform/http/server.ts';
import { registerWebApp, webDistDir } from './platform/http/web-app.ts';
import type { Logger } from './platform/logging/logger.ts';
import { createMetricsRegistry } from './platform/metrics.ts';
import {
  billingEvents,
  billingHandlers,
  billingJobs,
  billingRoutes,
  createBillingService,
  createPaymentGatewaysService,
  paymentGatewaysRoutes,
  receiptsRoutes,
} from './modules/billing/index.ts';
import { createCustomersService, customerEvents, customersRoutes } from './modules/customers/index.ts';
import { createAuthenticate, createIdentityService, identityRoutes, requirePermission, requireSuperAdmin } from './modules/identity/index.ts';
import { createIsolationService, isolationEvents, isolationRoutes } from './modules/isolation/index.ts';
import {
  createConvergeWorker,
  createNetworkService,
  networkEvents,
  networkHandlers,
  networkJobs,
  networkRoutes,
  type GatewayFactory,
} from './modules/network/index.ts';
import {
  createDeliveryWorker,
  createNotificationsService,
  notificationEvents,
  notificationsHandlers,
  notificationsRoutes,
  waProvidersRoutes,
} from './modules/notifications/index.ts';
import { createPlansService, planEvents, plansRoutes } from './modules/plans/index.ts';
import { createReportsService, reportsRoutes } from './modules/reports/index.ts';
import { createImportsService, importsRoutes } from './modules/imports/index.ts';
import { createTenantDirectory, createTenantsService, tenantsRoutes } from './modules/tenants/index.ts';

export const APP_VERSION = '0.1.0';

export type AppOptions = {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Seals credentials at rest (payment providers, routers, WhatsApp). */
  secrets: SecretBox;
  config: Pick<AppConfig, 'http' | 'identity' | 'events'> & Partial<Pick<AppConfig, 'providerUrls'>>;
  /** Outgoing HTTP to providers; tests may observe it. */
  fetch?: typeof fetch;
  /** Router connections (tests point them at stand-ins). */
  routerGateways?: GatewayFactory;
};

/** Every module's events, one map: the bus validates and routes by it. */
export const eventCatalog = mergeEvents(planEvents, customerEvents, isolationEvents, billingEvents, networkEvents, notificationEvents);

/** The only place that constructs things: read top to bottom, it is the dependency graph. */
export async function createApp(options: AppOptions) {
  const { db, clock, logger, config, secrets } = options;
  const metrics = createMetricsRegistry();
  // Each module gets a publisher of its own events only.
  const publisherOf = <C extends Parameters<typeof createPublisher>[0]>(events: C) => ({
    publish: createPublisher(events, clock),
    publishMany: createBatchPublisher(events, clock),
  });

  // Identity and the scheduler read tenants through the directory; the tenants service uses identity for a first owner.
  const tenantDirectory = createTenantDirectory({ db });
  const identity = createIdentityService({ db, clock, config: config.identity, tenants: tenantDirectory });
  const tenants = createTenantsService({ db, clock, identity, directory: tenantDirectory });
  const plans = createPlansService({ db, clock, ...publisherOf(planEvents) });
  const customers = createCustomersService({ db, clock, plans, ...publisherOf(customerEvents) });
  const isolation = createIsolationService({ db, clock, ...publisherOf(isolationEvents) });
  const billing = createBillingService({
    db,
    clock,
    tenants,
    isolation,
    staffNames: identity.staffNamesInTransaction,
    sign: secrets.sign,
    ...publisherOf(billingEvents),
  });
  const payments = createPaymentGatewaysService({ db, clock, secrets, tenants, billing, fetch: options.fetch, providerUrls: config.providerUrls, ...publisherOf(billingEvents) });

  const network = createNetworkService({ db, clock, secrets, logger, gatewayFactory: options.routerGateways, ...publisherOf(networkEvents) });

  const notifications = createNotificationsService({
    db,
    clock,
    logger,
    secrets,
    identity,
    tenants,
    billing,
    fetch: options.fetch,
    providerUrls: config.providerUrls,
    ...publisherOf(notificationEvents),
  });
  const reports = createReportsService({ db, clock, tenants, billing, isolation, customers, notifications });
  const imports = createImportsService({ db, clock, tenants, plans, customers });

  const transport = createTransport(db, config.events, logger);
  const bus = createEventBus({
    db,
    catalog: eventCatalog,
    handlers: [...billingHandlers(billing), ...networkHandlers(network, eventCatalog), ...notificationsHandlers(notifications, eventCatalog)],
    transport,
    clock,
    logger,
    metrics,
    listenUrl: config.events.databaseUrl,
  });

  const scheduler = createScheduler({ db, tenants: tenantDirectory, clock, logger, metrics, jobs: withSpecWorkers([...billingJobs(billing), ...networkJobs(network)]) });
  const liveFeed = createLiveFeed({ db, logger });
  const convergeWorker = createConvergeWorker({ network, logger, listen: listenTo(db, 'network_converge', config.events.databaseUrl) });
  const deliveryWorker = createDeliveryWorker({ delivery: notifications, logger });

  const http: HttpServer = await createHttpServer({
    logger,
    metrics,
    bodyLimitBytes: config.http.bodyLimitBytes,
    publicRateLimitPerMinute: config.http.publicRateLimitPerMinute,
    trustProxy: config.http.trustProxy,
    clock,
    version: APP_VERSION,
    authenticate: createAuthenticate(identity),
    readiness: {
      database: () => db.ping(),
      events: () => transport.health(), // Redis with the redis-streams transport, bounded to 1 s
    },
  });
  await http.register(identityRoutes(identity, config.identity));
  await http.register(tenantsRoutes(tenants));
  await http.register(plansRoutes(plans));
  await http.register(customersRoutes(customers));
  await http.register(isolationRoutes(isolation));
  await http.register(billingRoutes(billing, createIdempotency({ db, clock })));
  await http.register(paymentGatewaysRoutes(payments));
  await http.register(receiptsRoutes(billing));
  await http.register(reportsRoutes(reports, billing, customers));
  await http.register(importsRoutes(imports));
  await http.register(networkRoutes(network));
  await http.register(notificationsRoutes(notifications));
  await http.register(waProvidersRoutes(notifications));
  await http.register(eventsRoutes(bus.operations, requireSuperAdmin));
  await http.register(jobsRoutes(scheduler, requireSuperAdmin));
  await http.register(liveRoutes(liveFeed, (request) => liveViewer(requirePermission(request, 'customers.read'))));
  await registerWebApp(http, { distDir: webDistDir });
  await http.ready();

  return {
    db,
    clock,
    http,
    metrics,
    bus,
    identity,
    tenants,
    /** Reads of tenants for code outside the modules (the demo); modules get it wired above. */
    tenantDirectory,
    plans,
    customers,
    isolation,
    billing,
    payments,
    network,
    notifications,
    scheduler,
    /**
     * Background roles. `workers`: relay events, run handlers and job runs, drive routers.
     * `scheduler`: create each tenant's job runs as their slots come. Every process starts the
     * bus (even api-only, with nothing to run) so the operator views can read queue stats.
     */
    async start(roles: { workers: boolean; scheduler: boolean }) {
      await bus.start({ consume: roles.workers, relay: roles.workers });
      scheduler.start({ schedule: roles.scheduler, consume: roles.workers });
      if (roles.workers) await convergeWorker.start();
      if (roles.workers) await deliveryWorker.start();
    },
    async close() {
      await http.close();
      await liveFeed.stop();
      await convergeWorker.stop();
      await deliveryWorker.stop();
      await scheduler.stop();
      await bus.stop();
    },
  };
}

function createTransport(db: Database, events: AppConfig['events'], logger: Logger): EventTransport {
  if (events.transport === 'redis-streams') {
    return createRedisStreamsTransport({ url: events.redisUrl!, keyPrefix: events.redisKeyPrefix, catalog: eventCatalog, logger });
  }
  return createPostgresTransport({
    connection: db.pglite ? { pglite: db.pglite } : { connectionString: events.databaseUrl! },
    logger,
  });
}

export type App = Awaited<ReturnType<typeof createApp>>;
