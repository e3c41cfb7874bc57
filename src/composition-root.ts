import type { Clock } from './platform/clock.ts';
import type { SecretBox } from './platform/crypto/secret-box.ts';
import type { AppConfig } from './platform/config/env.ts';
import { asTenantId, type Database } from './platform/db/database.ts';
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
import { collectorsEvents, collectorsHandlers, collectorsJobs, collectorsRoutes, createCollectorsService } from './modules/collectors/index.ts';
import { createCustomersService, customerEvents, customersRoutes } from './modules/customers/index.ts';
import { createAuthenticate, createIdentityService, identityRoutes, installImpersonationGuards, requirePermission, requireSuperAdmin } from './modules/identity/index.ts';
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
import { createMapsService, mapsEvents, mapsHandlers, mapsRoutes } from './modules/maps/index.ts';
import { createPlansService, planEvents, plansRoutes } from './modules/plans/index.ts';
import { createPortalService, portalEvents, portalRoutes } from './modules/portal/index.ts';
import {
  createTechniciansService,
  diskPhotoStorage,
  s3PhotoStorage,
  technicianEvents,
  techniciansHandlers,
  techniciansJobs,
  techniciansRoutes,
  type PhotoStorage,
} from './modules/technicians/index.ts';
import { createRequestEntitlements, createSaasService, installSaasHooks, saasEvents, saasJobs, saasRoutes, type SaasConfig } from './modules/saas/index.ts';
import { promises as dns } from 'node:dns';
import { createReportsService, reportsRoutes } from './modules/reports/index.ts';
import { createImportsService, createImportWorker, IMPORT_JOBS_CHANNEL, importsRoutes } from './modules/imports/index.ts';
import { createTenantDirectory, createTenantsService, tenantsRoutes } from './modules/tenants/index.ts';

export const APP_VERSION = '0.1.0';

export type AppOptions = {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Seals credentials at rest (payment providers, routers, WhatsApp). */
  secrets: SecretBox;
  config: Pick<AppConfig, 'http' | 'identity' | 'events'> & Partial<Pick<AppConfig, 'providerUrls' | 'maps' | 'photos'>>;
  /** Where technicians' photos go; default from `config.photos` (a folder in DATA_DIR, or S3), else a temporary folder. */
  photoStorage?: PhotoStorage;
  /** Outgoing HTTP to providers; tests may observe it. */
  fetch?: typeof fetch;
  /** Router connections (tests point them at stand-ins). */
  routerGateways?: GatewayFactory;
  /** The SaaS layer: platform domain, grace, the platform's own gateway account. */
  saas?: Partial<SaasConfig>;
  /** DNS TXT lookups for custom domain proofs (tests inject one). */
  resolveTxt?: (host: string) => Promise<string[][]>;
};

const defaultSaasConfig: SaasConfig = { platformDomain: 'simpul.id', graceDays: 7, dueDays: 10, reminderDaysBefore: 3, timeZone: 'Asia/Jakarta' };

/** Every module's events, one map: the bus validates and routes by it. */
export const eventCatalog = mergeEvents(planEvents, customerEvents, isolationEvents, billingEvents, collectorsEvents, networkEvents, notificationEvents, mapsEvents, portalEvents, technicianEvents, saasEvents);

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
  const tenantDirectory = createTenantDirectory({ db, clock });
  // The SaaS layer first: every create that counts against a limit asks it in its own transaction.
  const saas = createSaasService({
    db,
    clock,
    config: { ...defaultSaasConfig, ...options.saas },
    fetch: options.fetch,
    providerUrls: config.providerUrls,
    resolveTxt: options.resolveTxt ?? ((host) => dns.resolveTxt(host)),
    tenantIdBySlug: tenantDirectory.findIdBySlug,
    // Bound late: notifications is built further down (it needs the saas limits).
    whatsappQuotaUsed: (trx) => notifications.quotaUsedInTransaction(trx),
    // Who pays a SaaS invoice at the platform's gateway: the tenant, reached through its owner.
    billTo: (tenantId) =>
      db.tenant(asTenantId(tenantId), async (trx) => {
        const [owner] = await identity.staffContactsInTransaction(trx, ['owner']);
        return { name: (await tenantDirectory.profileInTransaction(trx)).name, phone: owner?.phone ?? '' };
      }),
    ...publisherOf(saasEvents),
  });
  // Feature switches and the subscription lock as requests ask them (cached until an access change).
  const entitlements = createRequestEntitlements(saas, { db, clock });
  const identity = createIdentityService({ db, clock, config: config.identity, tenants: tenantDirectory,
    limits: saas.limits,
    features: entitlements,
    impersonationPorts: { supportWriteAllowed: saas.supportWriteAllowed, isActiveTenant: async (id) => (await tenantDirectory.activeTenants([id])).length > 0 },
  });
  const tenants = createTenantsService({ db, clock, identity, directory: tenantDirectory });
  const plans = createPlansService({ db, clock, ...publisherOf(planEvents) });
  const customers = createCustomersService({ db, clock, plans, limits: saas.limits, ...publisherOf(customerEvents) });
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
  const collectors = createCollectorsService({ db, clock, billing, identity, tenants, ...publisherOf(collectorsEvents) });
  const payments = createPaymentGatewaysService({ db, clock, secrets, tenants, billing, fetch: options.fetch, providerUrls: config.providerUrls, ...publisherOf(billingEvents) });

  const maps = createMapsService({
    db,
    clock,
    defaultTiles: { url: config.maps?.tileUrl ?? null, attribution: config.maps?.tileAttribution ?? null },
    limits: saas.limits,
    ...publisherOf(mapsEvents),
  });
  const network = createNetworkService({ db, clock, secrets, logger, limits: saas.limits, gatewayFactory: options.routerGateways, ...publisherOf(networkEvents) });
  const imports = createImportsService({ db, clock, tenants, plans, customers, routers: network });
  const technicians = createTechniciansService({
    db,
    clock,
    secrets,
    storage: options.photoStorage ?? (await photoStorageOf(config.photos)),
    maxPhotoBytes: config.photos?.maxBytes,
    maps,
    network,
    staff: identity,
    timeZoneInTransaction: tenantDirectory.timeZoneInTransaction,
    limits: saas.limits,
    ...publisherOf(technicianEvents),
  });

  const notifications = createNotificationsService({
    db,
    clock,
    logger,
    secrets,
    identity,
    tenants,
    billing,
    limits: saas.limits,
    fetch: options.fetch,
    providerUrls: config.providerUrls,
    ...publisherOf(notificationEvents),
  });
  const reports = createReportsService({ db, clock, tenants, billing, isolation, customers, notifications });

  const portal = createPortalService({ db, clock, tenants, customers, billing, payments, isolation, network, notifications, outages: maps, saas, ...publisherOf(portalEvents) });

  const transport = createTransport(db, config.events, logger);
  const bus = createEventBus({
    db,
    catalog: eventCatalog,
    handlers: [...billingHandlers(billing), ...collectorsHandlers(collectors), ...networkHandlers(network, eventCatalog), ...notificationsHandlers(notifications, eventCatalog), ...mapsHandlers(maps, eventCatalog), ...techniciansHandlers(technicians, eventCatalog)],
    transport,
    clock,
    logger,
    metrics,
    listenUrl: config.events.databaseUrl,
  });

  const scheduler = createScheduler({ db, tenants: tenantDirectory, clock, logger, metrics, jobs: withSpecWorkers([...billingJobs(billing), ...collectorsJobs(collectors), ...networkJobs(network), ...techniciansJobs(technicians), ...saasJobs(saas)]) });
  const liveFeed = createLiveFeed({ db, logger });
  const convergeWorker = createConvergeWorker({ network, logger, listen: listenTo(db, 'network_converge', config.events.databaseUrl) });
  const deliveryWorker = createDeliveryWorker({ delivery: notifications, logger });
  const importWorker = createImportWorker({ imports, logger, listen: listenTo(db, IMPORT_JOBS_CHANNEL, config.events.databaseUrl) });

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
  installImpersonationGuards(http, identity);
  installSaasHooks(http, entitlements);
  await http.register(identityRoutes(identity, { ...config.identity, tenantOfHost: saas.tenantOfHost }));
  await http.register(tenantsRoutes(tenants));
  await http.register(plansRoutes(plans));
  await http.register(customersRoutes(customers));
  await http.register(isolationRoutes(isolation));
  const respondOnce = createIdempotency({ db, clock });
  await http.register(billingRoutes(billing, respondOnce));
  await http.register(collectorsRoutes(collectors, respondOnce));
  await http.register(paymentGatewaysRoutes(payments));
  await http.register(receiptsRoutes(billing));
  await http.register(reportsRoutes(reports, billing, customers));
  await http.register(importsRoutes(imports));
  await http.register(networkRoutes(network));
  await http.register(notificationsRoutes(notifications, respondOnce));
  await http.register(mapsRoutes(maps));
  await http.register(techniciansRoutes(technicians));
  await http.register(waProvidersRoutes(notifications));
  await http.register(saasRoutes(saas));
  await http.register(eventsRoutes(bus.operations, requireSuperAdmin));
  await http.register(jobsRoutes(scheduler, requireSuperAdmin));
  await http.register(liveRoutes(liveFeed, (request) => liveViewer(requirePermission(request, 'customers.read'))));
  await http.register(
    portalRoutes(portal, {
      liveFeed,
      clock,
      publicUrl: config.http.publicUrl,
      cookieSecure: config.identity.cookieSecure,
      perMinute: config.http.publicRateLimitPerMinute,
    }),
  );
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
    collectors,
    payments,
    network,
    notifications,
    maps,
    portal,
    technicians,
    saas,
    imports,
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
      if (roles.workers) await importWorker.start();
    },
    async close() {
      await http.close();
      await liveFeed.stop();
      await convergeWorker.stop();
      await deliveryWorker.stop();
      await importWorker.stop();
      await scheduler.stop();
      await bus.stop();
    },
  };
}

/** The configured photo storage; without configuration (tests) a fresh temporary folder. */
async function photoStorageOf(photos: AppConfig['photos'] | undefined): Promise<PhotoStorage> {
  if (photos?.driver === 's3' && photos.s3) {
    const missing = (['bucket', 'accessKeyId', 'secretAccessKey'] as const).filter((k) => !photos.s3![k]);
    if (missing.length) throw new Error(`PHOTO_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (missing: ${missing.join(', ')})`);
    return s3PhotoStorage(photos.s3);
  }
  if (photos) return diskPhotoStorage(photos.dir);
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  return diskPhotoStorage(await mkdtemp(join(tmpdir(), 'simpul-photos-')));
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
