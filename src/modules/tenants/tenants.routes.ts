import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { requireActor, requireSuperAdmin } from '../identity/index.ts';
import type { TenantsService } from './tenants.service.ts';
import { timeZones } from './tenants.tables.ts';
import { AppError } from '../../platform/errors/app-error.ts';

const zoneNames = Object.keys(timeZones) as (keyof typeof timeZones)[];
/** Accepts WIB/WITA/WIT or the IANA name; stores the IANA name. */
const TimeZoneSchema = z
  .enum([...zoneNames, ...Object.values(timeZones)] as [string, ...string[]])
  .transform((z) => (z in timeZones ? timeZones[z as keyof typeof timeZones] : z) as (typeof timeZones)[keyof typeof timeZones]);

const TenantSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  status: z.enum(['active', 'suspended']),
  staffCount: z.number().int(),
  createdAt: z.coerce.date(),
});

export const tenantsRoutes = (tenants: TenantsService) => async (app: HttpServer) => {
  app.post(
    '/api/platform/tenants',
    {
      schema: {
        tags: ['platform'],
        summary: 'Super admin: create a tenant (ISP) with its first owner',
        body: z
          .object({
            name: z.string().trim().min(1).max(120),
            slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, 'lowercase letters, digits and dashes, 3–40 characters'),
            timeZone: TimeZoneSchema,
            owner: z.object({ email: z.email(), name: z.string().trim().min(1).max(120), password: z.string().max(500).optional() }).strict(),
          })
          .strict(),
        response: { 201: z.object({ tenant: TenantSchema, ownerUserId: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await tenants.createTenant(requireSuperAdmin(request), request.body)),
  );

  app.get(
    '/api/platform/tenants',
    { schema: { tags: ['platform'], summary: 'Super admin: tenants with summary counts, oldest first', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(TenantSchema) } } },
    async (request) => {
      requireSuperAdmin(request);
      return tenants.listTenants(request.query);
    },
  );

  app.put(
    '/api/platform/tenants/:tenantId/status',
    {
      schema: {
        tags: ['platform'],
        summary: 'Super admin: suspend a tenant (its console closes; its customers are not touched) or resume it, with a reason',
        params: z.object({ tenantId: z.uuid() }),
        body: z.object({ status: z.enum(['active', 'suspended']), reason: z.string().trim().min(3).max(500) }).strict(),
        response: { 200: TenantSchema },
      },
    },
    async (request) => tenants.setTenantStatus(requireSuperAdmin(request), request.params.tenantId, request.body),
  );

  app.get(
    '/api/tenant',
    { schema: { tags: ['tenants'], summary: 'The tenant I am working in', response: { 200: TenantSchema.omit({ staffCount: true }) } } },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.tenantId) throw new AppError('TENANT_REQUIRED', 'Choose a tenant first (POST /api/me/tenant).');
      return tenants.getCurrentTenant(actor.tenantId);
    },
  );
};
