import type { Clock } from './platform/clock.ts';
import type { AppConfig } from './platform/config/env.ts';
import type { Database } from './platform/db/database.ts';
import { createHttpServer, type HttpServer } from './platform/http/server.ts';
import type { Logger } from './platform/logging/logger.ts';
import { createMetricsRegistry } from './platform/metrics.ts';
import { createAuthenticate, createIdentityService, identityRoutes } from './modules/identity/index.ts';
import { createTenantsService, tenantsRoutes } from './modules/tenants/index.ts';

export const APP_VERSION = '0.1.0';

export type AppOptions = {
  db: Database;
  clock: Clock;
  logger: Logger;
  config: Pick<AppConfig, 'http' | 'identity'>;
};

/** The only place that constructs things: read top to bottom, it is the dependency graph. */
export async function createApp(options: AppOptions) {
  const { db, clock, logger, config } = options;
  const metrics = createMetricsRegistry();

  const identity = createIdentityService({ db, clock, config: config.identity });
  const tenants = createTenantsService({ db, clock, identity });

  const http: HttpServer = await createHttpServer({
    logger,
    metrics,
    bodyLimitBytes: config.http.bodyLimitBytes,
    version: APP_VERSION,
    authenticate: createAuthenticate(identity),
    checkReady: async () => {
      await db.ping();
      return { database: 'ok' };
    },
  });
  await http.register(identityRoutes(identity, config.identity));
  await http.register(tenantsRoutes(tenants));
  await http.ready();

  return {
    db,
    http,
    metrics,
    identity,
    tenants,
    async close() {
      await http.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
