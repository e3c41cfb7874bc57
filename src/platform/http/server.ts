import { randomUUID } from 'node:crypto';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { logContext, type Logger } from '../logging/logger.ts';
import { installErrorHandling } from './errors.ts';

export type HttpServer = FastifyInstance<any, any, any, Logger, ZodTypeProvider>;

export type HttpServerOptions = {
  logger: Logger;
  metrics: Registry;
  bodyLimitBytes: number;
  /** Resolves who is calling (cookie or bearer token); runs before every route. */
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Throws when a dependency (database, transport) is unreachable. */
  checkReady: () => Promise<Record<string, 'ok'>>;
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
    // One 'request done' line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // A caller's x-request-id is kept only when short and plain (it lands in logs and headers).
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    // Every log line of this request carries its id (and later its tenant and user).
    logContext.enterWith({ requestId: request.id });
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

  app.addHook('preValidation', async (request) => {
    await options.authenticate(request);
  });

  app.get('/health', { schema: { tags: ['ops'], summary: 'Process is alive' } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { tags: ['ops'], summary: 'Database and event transport are reachable' } }, async () => ({
    status: 'ready',
    checks: await options.checkReady(),
  }));
  app.get('/metrics', { schema: { tags: ['ops'], summary: 'Prometheus metrics (text format)' } }, async (_request, reply) => {
    reply.type(options.metrics.contentType);
    return options.metrics.metrics();
  });

  return app;
}
