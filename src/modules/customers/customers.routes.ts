import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { hasPermission, requirePermission } from '../identity/index.ts';
import { customerStatuses, type CustomersService } from './customers.service.ts';

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
  macAddress: z.string().nullable(),
  routerId: z.string().nullable(),
  status: z.enum(customerStatuses),
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
    /** The MAC address a DHCP customer's static lease is bound to. */
    macAddress: z.string().trim().regex(/^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/, 'a MAC address such as AA:BB:CC:DD:EE:FF').nullable().optional(),
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
        summary: 'Customers, searchable by name, code, address, PPPoE username or phone (typed any way: 0812…, +62 812…, 62812…)',
        querystring: z.object({
          search: z.string().max(100).optional(),
          planId: z.uuid().optional(),
          status: z.enum(customerStatuses).optional(),
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
        summary: 'One customer; what they owe only for billing.read, private fields (NIK, PPPoE password) only for customers.manage',
        params: z.object({ customerId: z.uuid() }),
        response: {
          200: CustomerSchema.extend({
            /** What the customer still owes: the sum of unpaid invoices. Left out without billing.read
             * (the database hides invoices from such a role, so it would read as a false 0). */
            arrears: z.number().int().optional(),
            unpaidInvoices: z.number().int().optional(),
            private: PrivateSchema.optional(),
          }),
        },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      return customers.get(actor.tenantId, request.params.customerId, {
        withArrears: hasPermission(actor.roles, 'billing.read'),
        withPrivate: hasPermission(actor.roles, 'customers.manage'),
      });
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
  const lifecycle = [
    { path: 'suspend', target: 'suspended', summary: 'Suspend a customer (cuti): no new invoices, not isolated by the scan, the line disabled on the router' },
    { path: 'resume', target: 'active', summary: 'End a suspension: billing and the line resume' },
    { path: 'terminate', target: 'terminated', summary: 'Terminate a customer (berhenti): billing stops, the PPP secret / binding is removed from the router' },
  ] as const;
  for (const { path, target, summary } of lifecycle) {
    app.post(
      `/api/customers/:customerId/${path}`,
      {
        schema: {
          'x-permission': 'customers.manage',
          tags: ['customers'],
          summary,
          params: z.object({ customerId: z.uuid() }),
          response: { 200: CustomerSchema },
        },
      },
      async (request) => customers.setStatus(requirePermission(request).tenantId, request.params.customerId, target),
    );
  }
};
