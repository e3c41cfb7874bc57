import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import type { PlansService } from './plans.service.ts';

const PlanSchema = z.object({
  id: z.string(),
  name: z.string(),
  downloadKbps: z.number().int(),
  uploadKbps: z.number().int(),
  monthlyPrice: z.number().int(),
  routerProfile: z.string(),
  isActive: z.boolean(),
});
const PlanInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    downloadKbps: z.number().int().positive().max(10_000_000),
    uploadKbps: z.number().int().positive().max(10_000_000),
    monthlyPrice: z.number().int('rupiah has no fractions').positive(),
    routerProfile: z.string().trim().min(1).max(64),
    isActive: z.boolean().optional(),
  })
  .strict();

export const plansRoutes = (plans: PlansService) => async (app: HttpServer) => {
  app.get(
    '/api/plans',
    { schema: { 'x-permission': 'customers.read', tags: ['plans'], summary: 'Service plans (paket), cheapest first', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(PlanSchema) } } },
    async (request) => plans.list(requirePermission(request).tenantId, request.query),
  );
  app.post(
    '/api/plans',
    { schema: { 'x-permission': 'customers.manage', tags: ['plans'], summary: 'Create a service plan', body: PlanInputSchema, response: { 201: PlanSchema } } },
    async (request, reply) => reply.status(201).send(await plans.create(requirePermission(request).tenantId, request.body)),
  );
  app.patch(
    '/api/plans/:planId',
    {
      schema: {
        'x-permission': 'customers.manage',
        tags: ['plans'],
        summary: 'Change a service plan',
        params: z.object({ planId: z.uuid() }),
        body: PlanInputSchema.partial(),
        response: { 200: PlanSchema },
      },
    },
    async (request) => plans.update(requirePermission(request).tenantId, request.params.planId, request.body),
  );
};
