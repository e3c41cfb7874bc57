import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import type { IsolationService } from './isolation.service.ts';

const LineSchema = z.object({
  customerId: z.string(),
  desiredState: z.enum(['active', 'isolated']),
  changedAt: z.coerce.date(),
  reason: z.string(),
  trigger: z.string().nullable(),
  invoiceId: z.string().nullable(),
  restoreEligible: z.boolean(),
});

/** For lists: who the row is about (null once the customer has left). */
const CustomerLabel = { customerName: z.string().nullable(), customerCode: z.string().nullable() };

export const isolationRoutes = (isolation: IsolationService) => async (app: HttpServer) => {
  app.get(
    '/api/isolation/isolated',
    {
      schema: {
        'x-permission': 'customers.read',
        tags: ['isolation'],
        summary: 'Customers isolated now, most recent first, a page at a time (customerId, repeated: only those customers)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
          customerId: z.union([z.uuid(), z.array(z.uuid()).max(100)]).optional(),
        }),
        response: { 200: z.array(LineSchema.extend(CustomerLabel)) },
      },
    },
    async (request) => {
      const { customerId, ...page } = request.query;
      const customerIds = customerId === undefined ? undefined : [customerId].flat();
      return isolation.listIsolated(requirePermission(request).tenantId, { ...page, customerIds });
    },
  );
  app.get(
    '/api/isolation/isolated/count',
    { schema: { 'x-permission': 'customers.read', tags: ['isolation'], summary: 'How many customers are isolated now', response: { 200: z.object({ count: z.number().int() }) } } },
    async (request) => isolation.countIsolated(requirePermission(request).tenantId),
  );
  app.get(
    '/api/isolation/history',
    {
      schema: {
        'x-permission': 'customers.read',
        tags: ['isolation'],
        summary: 'Isolation history: who or what, why, which invoice and trigger',
        querystring: z.object({ customerId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              customerId: z.string(),
              action: z.enum(['isolated', 'restored']),
              actorType: z.enum(['system', 'staff']),
              actorUserId: z.string().nullable(),
              actorName: z.string().nullable(),
              reason: z.string(),
              trigger: z.string().nullable(),
              invoiceId: z.string().nullable(),
              createdAt: z.coerce.date(),
              ...CustomerLabel,
            }),
          ),
        },
      },
    },
    async (request) => isolation.history(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/customers/:customerId/line',
    {
      schema: {
        'x-permission': 'customers.read',
        tags: ['isolation'],
        summary: 'The desired network state of a customer line',
        params: z.object({ customerId: z.uuid() }),
        response: { 200: LineSchema.nullable() },
      },
    },
    async (request) => isolation.getLine(requirePermission(request).tenantId, request.params.customerId),
  );
  app.post(
    '/api/customers/:customerId/isolate',
    {
      schema: {
        'x-permission': 'isolation.manage',
        tags: ['isolation'],
        summary: 'Isolate a customer by hand, with a reason',
        params: z.object({ customerId: z.uuid() }),
        body: z.object({ reason: z.string().trim().min(3).max(300) }).strict(),
        response: { 200: LineSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      return isolation.setByStaff(actor.tenantId, actor.userId, request.params.customerId, 'isolated', request.body.reason);
    },
  );
};
