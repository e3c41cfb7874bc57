import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { hasPermission, requirePermission } from '../identity/index.ts';
import type { CustomersService } from './customers.service.ts';

const DateSchema = z.iso.date();
const CustomerSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  planId: z.string(),
  connectionType: z.enum(['pppoe', 'static', 'dhcp']),
  pppoeUsername: z.string().nullable(),
  ipAddress: z.string().nullable(),
  routerId: z.string().nullable(),
  status: z.enum(['active', 'terminated']),
  activatedOn: z.string(),
});
const PrivateSchema = z.object({
  idCardNumber: z.string().regex(/^\d{16}$/, 'a NIK has 16 digits').nullable(),
  pppoePassword: z.string().min(4).max(64).nullable(),
  notes: z.string().max(2000).nullable(),
});
const CustomerInputSchema = z
  .object({
    code: z.string().trim().min(1).max(30).optional(),
    name: z.string().trim().min(1).max(120),
    phone: z.string().min(1).max(30),
    address: z.string().max(500).optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    planId: z.uuid(),
    connectionType: z.enum(['pppoe', 'static', 'dhcp']),
    pppoeUsername: z.string().trim().regex(/^[A-Za-z0-9._@-]{3,64}$/, '3–64 letters, digits, . _ @ -').nullable().optional(),
    ipAddress: z.union([z.ipv4(), z.ipv6()]).nullable().optional(),
    routerId: z.uuid().nullable().optional(),
    activatedOn: DateSchema,
    private: PrivateSchema.partial().optional(),
  })
  .strict();

export const customersRoutes = (customers: CustomersService) => async (app: HttpServer) => {
  app.get(
    '/api/customers',
    {
      schema: {
        'x-permission': 'customers.read',
        tags: ['customers'],
        summary: 'Customers, searchable by name, code, phone or address',
        querystring: z.object({
          search: z.string().max(100).optional(),
          planId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(CustomerSchema), total: z.number().int() }) },
      },
    },
    async (request) => customers.list(requirePermission(request).tenantId, request.query),
  );
  app.post(
    '/api/customers',
    { schema: { 'x-permission': 'customers.manage', tags: ['customers'], summary: 'Add a customer', body: CustomerInputSchema, response: { 201: CustomerSchema } } },
    async (request, reply) => reply.status(201).send(await customers.create(requirePermission(request).tenantId, request.body)),
  );
  app.get(
    '/api/customers/:customerId',
    {
      schema: {
        'x-permission': 'customers.read',
        tags: ['customers'],
        summary: 'One customer; private fields (NIK, PPPoE password) only for customers.manage',
        params: z.object({ customerId: z.uuid() }),
        response: { 200: CustomerSchema.extend({ private: PrivateSchema.optional() }) },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      return customers.get(actor.tenantId, request.params.customerId, { withPrivate: hasPermission(actor.roles, 'customers.manage') });
    },
  );
  app.patch(
    '/api/customers/:customerId',
    {
      schema: {
        'x-permission': 'customers.manage',
        tags: ['customers'],
        summary: 'Change a customer (plan, connection, contact)',
        params: z.object({ customerId: z.uuid() }),
        body: CustomerInputSchema.omit({ code: true }).partial(),
        response: { 200: CustomerSchema },
      },
    },
    async (request) => customers.update(requirePermission(request).tenantId, request.params.customerId, request.body),
  );
};
