import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import { paymentProviders } from './gateways/index.ts';
import type { PaymentGatewaysService } from './payment-gateways.service.ts';

const Provider = z.enum(paymentProviders);
const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

export const paymentGatewaysRoutes = (payments: PaymentGatewaysService) => async (app: HttpServer) => {
  app.get(
    '/api/billing/gateways',
    {
      schema: {
        tags: ['payments'],
        summary: 'Payment provider accounts (secrets masked)',
        response: { 200: z.array(z.object({ provider: Provider, isActive: z.boolean(), config: z.record(z.string(), z.unknown()) })) },
      },
    },
    async (request) => payments.listAccounts(requirePermission(request, 'billing.configure').tenantId),
  );
  app.put(
    '/api/billing/gateways/:provider',
    {
      schema: {
        tags: ['payments'],
        summary: 'Set up a payment provider account; credentials are encrypted at rest',
        params: z.object({ provider: Provider }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: z.object({ provider: Provider, config: z.record(z.string(), z.unknown()) }) },
      },
    },
    async (request) => payments.saveAccount(requirePermission(request, 'billing.configure').tenantId, request.params.provider, request.body),
  );
  app.post(
    '/api/invoices/:invoiceId/payment-link',
    {
      schema: {
        tags: ['payments'],
        summary: 'Create a payment link for an unpaid invoice through a provider',
        params: z.object({ invoiceId: z.uuid() }),
        body: z.object({ provider: Provider }).strict(),
        response: { 201: z.object({ orderId: z.string(), url: z.string(), expiresAt: z.coerce.date() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await payments.createPaymentLink(requirePermission(request, 'billing.read').tenantId, request.params.invoiceId, request.body.provider)),
  );
  app.get(
    '/api/billing/gateway-notifications',
    {
      schema: {
        tags: ['payments'],
        summary: 'Provider notifications as received, with what became of each',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.array(
            z.object({ id: z.string(), provider: z.string(), orderId: z.string().nullable(), outcome: z.string(), detail: z.string().nullable(), receivedAt: z.coerce.date() }),
          ),
        },
      },
    },
    async (request) => payments.listNotifications(requirePermission(request, 'billing.read').tenantId, request.query.limit),
  );

  // Provider webhooks: no session; authenticated by the provider's signature over the raw bytes,
  // so this scope keeps bodies as Buffers instead of parsing them.
  await app.register(async (scope) => {
    const webhooks = scope.withTypeProvider<ZodTypeProvider>();
    webhooks.removeContentTypeParser(['application/json']);
    webhooks.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    webhooks.post(
      '/api/webhooks/payments/:provider/:tenantSlug',
      {
        config: { public: true },
        schema: {
          tags: ['payments'],
          summary: 'Payment provider notification (Midtrans, Xendit, Tripay)',
          security: [],
          params: z.object({ provider: Provider, tenantSlug: z.string().max(40) }),
          response: { 200: z.object({ outcome: z.string(), message: z.string() }), '4xx': ErrorBody },
        },
      },
      async (request, reply) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const result = await payments.handleNotification({ ...request.params, headers: request.headers, rawBody });
        if (result.httpStatus >= 400) {
          return reply.status(result.httpStatus).send({ error: { code: result.code ?? 'VALIDATION_FAILED', message: result.message } });
        }
        return { outcome: result.outcome, message: result.message };
      },
    );
  });
};
