import { randomUUID } from 'node:crypto';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from '../db/database-errors.ts';
import { tenantRoleScope } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { logContext, type Logger } from '../logging/logger.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './errors.ts';
import { validatorCompiler } from './input-validation.ts';
import { createAddressRateLimiter } from './rate-limit.ts';

/** How long /ready waits for each dependency before calling it unreachable. */
const READY_TIMEOUT_MS = 1000;

export type HttpServer = FastifyInstance<any, any, any, Logger, ZodTypeProvider>;

export type HttpServerOptions = {
  logger: Logger;
  metrics: Registry;
  bodyLimitBytes: number;
  /** Requests a minute one address may make to the public (unauthenticated) routes. */
  publicRateLimitPerMinute: number;
  /** Proxies whose X-Forwarded-For gives the caller's address (TRUST_PROXY); none by default. */
  trustProxy?: boolean | number | string[];
  clock: Clock;
  /** Resolves who is calling (cookie or bearer token) and returns them, or null for nobody. */
  authenticate: (request: FastifyRequest) => Promise<unknown>;
  /** One probe per dependency (database, event transport), each throwing when it is unreachable. */
  readiness: Record<string, () => Promise<unknown>>;
  version: string;
};

/**
 * The HTTP shell: zod-validated routes, OpenAPI at /openapi.json with docs at /docs, one
 * error shape for every failure, request ids, health, readiness and Prometheus metrics.
 * Modules add their routes with `app.register(...)` in the composition root.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? false),
    // One 'request done' line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // A caller's x-request-id is kept only when short and plain (it lands in logs and headers).
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    // Every log line of this request carries its id (and later its tenant and user).
    logContext.enterWith({ requestId: request.id });
    // Tenant transactions of this request run as staff unless authentication says otherwise (impersonation).
    tenantRoleScope.enterWith({});
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request done',
    );
    done();
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Simpul API',
        version: options.version,
        description: 'Billing, isolation, network and notifications for small ISPs. Errors are always `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'simpul_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  // Authentication comes before validation: an anonymous caller learns nothing about a protected
  // route's input. A route is public when its OpenAPI schema says so (`security: []`: login,
  // provider webhooks, invitation acceptance); those are limited per address instead, and still
  // learn who is calling when a session comes along (accepting an invitation while logged in).
  const publicLimiter = createAddressRateLimiter({ clock: options.clock, perMinute: options.publicRateLimitPerMinute });
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions;
    // The web app, docs, health, unknown routes; `/p/` are public portal pages (receipt checks), limited like public API routes.
    if (!route.url?.startsWith('/api/') && !route.url?.startsWith('/p/')) return;
    const security = (route.schema as { security?: unknown[] } | undefined)?.security;
    if (Array.isArray(security) && security.length === 0) {
      const taken = publicLimiter.take(request.ip);
      if (!taken.allowed) {
        throw new AppError('RATE_LIMITED', 'Too many requests from your address. Wait before trying again.', { retryAfterSeconds: taken.retryAfterSeconds });
      }
      await options.authenticate(request);
      return;
    }
    if (!(await options.authenticate(request))) throw new AppError('UNAUTHENTICATED', 'Log in first, or send an API token.');
  });

  app.get('/health', { schema: { tags: ['ops'], summary: 'Process is alive', security: [] } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { tags: ['ops'], summary: 'Database and event transport are reachable (503 when not)', security: [] } }, async () => {
    const names = Object.keys(options.readiness);
    const results = await Promise.all(names.map((name) => probe(options.readiness[name])));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    if (results.every((r) => r === 'ok')) return { status: 'ready', checks };
    const databaseDown = checks.database !== undefined && checks.database !== 'ok';
    throw new AppError(databaseDown ? 'DATABASE_UNAVAILABLE' : 'NOT_READY', `Not ready: ${names.filter((_, i) => results[i] !== 'ok').join(', ')} unreachable.`, {
      checks,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
  });
  app.get('/metrics', { schema: { tags: ['ops'], summary: 'Prometheus metrics (text format)', security: [] } }, async (_request, reply) => {
    reply.type(options.metrics.contentType);
    return options.metrics.metrics();
  });

  return app;
}

/** 'ok', or why not, within READY_TIMEOUT_MS (a client that queues commands while offline would wait forever). */
async function probe(check: () => Promise<unknown>): Promise<'ok' | 'unreachable' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS);
  });
  const answer = check().then(
    () => 'ok' as const,
    () => 'unreachable' as const,
  );
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Believe the nearest `hops` proxies (Fastify's types lack its numeric form). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;
