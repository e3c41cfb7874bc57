import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { requirePermission } from '../identity/index.ts';
import type { NetworkService } from './network.service.ts';

const Kbps = z.number().int().min(8).max(10_000_000);
const RadiusIsolationSchema = z
  .object({
    addressList: z.boolean().describe('Mikrotik-Address-List = the isolation address list'),
    framedPool: z.string().regex(/^[\w.-]{1,63}$/).nullable().describe('Framed-Pool: an IP pool for isolated customers'),
    rateLimit: z.object({ downloadKbps: Kbps, uploadKbps: Kbps }).strict().nullable().describe('Mikrotik-Rate-Limit, e.g. 1M/1M'),
  })
  .strict()
  .describe('What RADIUS answers isolated PPPoE customers of this router (at least one)');
const RouterSchema = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int().nullable(),
  apiKind: z.enum(['routeros-api', 'rest']),
  useTls: z.boolean(),
  username: z.string(),
  isolationAddressList: z.string(),
  isolationProfile: z.string(),
  pppoeViaRadius: z.boolean(),
  radiusIsolation: RadiusIsolationSchema,
  health: z.enum(['unknown', 'ok', 'failing']),
  failingSince: z.coerce.date().nullable(),
  lastError: z.string().nullable(),
  lastCheckedAt: z.coerce.date().nullable(),
  lines: z.object({ pending: z.number().int(), inSync: z.number().int(), failed: z.number().int() }),
});
const RouterInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535).nullable().optional(),
    apiKind: z.enum(['routeros-api', 'rest']),
    useTls: z.boolean().optional(),
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(200),
    isolationAddressList: z.string().regex(/^[\w.-]{1,63}$/).optional(),
    isolationProfile: z.string().regex(/^[\w.-]{1,63}$/).optional(),
    pppoeViaRadius: z.boolean().optional(),
    radiusSecret: z.string().min(6).max(128).optional(),
    radiusCoaPort: z.number().int().min(1).max(65535).optional(),
    radiusIsolation: RadiusIsolationSchema.optional(),
  })
  .strict();
const Params = z.object({ routerId: z.uuid() });

export const networkRoutes = (network: NetworkService) => async (app: HttpServer) => {
  app.get('/api/routers', { schema: { 'x-permission': 'network.manage', tags: ['network'], summary: 'Routers with health and line sync counts, by name', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(RouterSchema) } } }, async (request) =>
    network.listRouters(requirePermission(request).tenantId, request.query),
  );
  app.post(
    '/api/routers',
    { schema: { 'x-permission': 'network.manage', tags: ['network'], summary: 'Add a router (the password is encrypted at rest)', body: RouterInputSchema, response: { 201: RouterSchema } } },
    async (request, reply) => reply.status(201).send(await network.addRouter(requirePermission(request).tenantId, request.body)),
  );
  app.get('/api/routers/:routerId', { schema: { 'x-permission': 'network.manage', tags: ['network'], summary: 'One router', params: Params, response: { 200: RouterSchema } } }, async (request) =>
    network.getRouter(requirePermission(request).tenantId, request.params.routerId),
  );
  app.patch(
    '/api/routers/:routerId',
    { schema: { 'x-permission': 'network.manage', tags: ['network'], summary: 'Change a router; its lines are checked again. Moving it (host, port, API kind, TLS) needs the password again', params: Params, body: RouterInputSchema.omit({ pppoeViaRadius: true, radiusSecret: true, radiusCoaPort: true }).partial(), response: { 200: RouterSchema } } },
    async (request) => network.updateRouter(requirePermission(request).tenantId, request.params.routerId, request.body),
  );
  app.post(
    '/api/routers/:routerId/test',
    {
      schema: {
        'x-permission': 'network.manage',
        tags: ['network'],
        summary: 'Test the connection and login (unreachable, refused, bad login and TLS are told apart)',
        params: Params,
        response: {
          200: z.union([
            z.object({ ok: z.literal(true), identity: z.string(), version: z.string() }),
            z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
          ]),
        },
      },
    },
    async (request) => network.testConnection(requirePermission(request).tenantId, request.params.routerId),
  );
  app.get(
    '/api/network/lines',
    {
      schema: {
        'x-permission': 'customers.read',
        tags: ['network'],
        summary: 'Customer lines: desired vs applied state, sync status, last error (failed first)',
        querystring: z.object({
          routerId: z.uuid().optional(),
          status: z.enum(['pending', 'in_sync', 'failed']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: {
          200: z.array(
            z.object({
              customerId: z.string(),
              code: z.string(),
              name: z.string(),
              routerId: z.string(),
              desiredState: z.enum(['active', 'isolated']),
              appliedState: z.enum(['active', 'isolated']).nullable(),
              status: z.enum(['pending', 'in_sync', 'failed']),
              attempts: z.number().int(),
              lastAttemptAt: z.coerce.date().nullable(),
              nextAttemptAt: z.coerce.date(),
              lastError: z.string().nullable(),
              inSyncAt: z.coerce.date().nullable(),
            }),
          ),
        },
      },
    },
    async (request) => network.listLines(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/customers/:customerId/sessions',
    {
      schema: {
        'x-permission': 'customers.read',
        'x-feature': 'radius',
        tags: ['network'],
        summary: 'RADIUS session log of a customer: logins, logouts with traffic, rejected logins',
        params: z.object({ customerId: z.uuid() }),
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: {
          200: z.array(
            z.object({
              kind: z.enum(['session_started', 'session_stopped', 'auth_rejected']),
              at: z.coerce.date(),
              endedAt: z.coerce.date().nullable(),
              nasIpAddress: z.string().nullable(),
              framedIpAddress: z.string().nullable(),
              uploadBytes: z.number().nullable(),
              downloadBytes: z.number().nullable(),
              terminateCause: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (request) => network.customerSessionLog(requirePermission(request).tenantId, request.params.customerId, request.query.limit),
  );
  app.get(
    '/api/network/online',
    {
      schema: {
        'x-permission': 'customers.read',
        'x-feature': 'radius',
        tags: ['network'],
        summary: 'Customers online now (open RADIUS sessions): how many, and a page of their ids (by id)',
        querystring: z.object(pageQuery(1000, 5000)),
        response: { 200: z.object({ count: z.number().int(), customerIds: z.array(z.string()) }) },
      },
    },
    async (request) => network.onlineNow(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/network/usage',
    {
      schema: {
        'x-permission': 'customers.read',
        'x-feature': 'radius',
        tags: ['network'],
        summary: 'Data used per customer in a period (RADIUS accounting), by username, a page at a time',
        querystring: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }), ...pageQuery(500, 5000) }),
        response: {
          200: z.array(z.object({ customerId: z.string(), username: z.string(), uploadBytes: z.number(), downloadBytes: z.number(), sessions: z.number() })),
        },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      const period = { from: new Date(request.query.from), to: new Date(request.query.to) };
      if (period.to <= period.from) throw new AppError('VALIDATION_FAILED', '`to` must be after `from`.', { fields: { to: 'before_from' } });
      return network.dataUsage(actor.tenantId, period, { limit: request.query.limit, offset: request.query.offset });
    },
  );
  app.post(
    '/api/network/reconcile',
    { schema: { 'x-permission': 'network.manage', tags: ['network'], summary: 'Check every line against its router now (repairs hand edits)', response: { 200: z.object({ lines: z.number().int() }) } } },
    async (request) => network.reconcileTenant(requirePermission(request).tenantId),
  );
};
