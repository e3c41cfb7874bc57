import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import { paymentProviders, type PaymentProvider } from './gateways/index.ts';
import type { PaymentGatewaysService } from './payment-gateways.service.ts';

const Provider = z.enum(paymentProviders);
const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

export const WEBHOOK_BODY_LIMIT_BYTES = 32 * 1024;

const TripayAcknowledgement = z.object({ success: z.literal(true) });
const Acknowledgement = z.object({ outcome: z.string(), code: z.string().optional(), message: z.string() });

/**
 * The answer that tells each provider a notification was taken, as each documents it. Tripay
 * marks a callback failed and retries it unless it gets HTTP 200 with exactly `{"success": true}`;
 * Midtrans and Xendit take any 2xx and retry anything else, so they also get our outcome to read.
 */
const acknowledgement: Record<PaymentProvider, (result: z.infer<typeof Acknowledgement>) => z.infer<typeof TripayAcknowledgement> | z.infer<typeof Acknowledgement>> = {
  tripay: () => ({ success: true }),
  midtrans: ({ outcome, code, message }) => ({ outcome, code, message }),
  xendit: ({ outcome, code, message }) => ({ outcome, code, message }),
};

export const paymentGatewaysRoutes = (payments: PaymentGatewaysService) => async (app: HttpServer) => {
  app.get(
    '/api/billing/gateways',
    {
      schema: {
        'x-permission': 'billing.configure',
        'x-feature': 'payment_gateways',
        tags: ['payments'],
        summary: 'Payment provider accounts (secrets masked)',
        response: { 200: z.array(z.object({ provider: Provider, isActive: z.boolean(), config: z.record(z.string(), z.unknown()) })) },
      },
    },
    async (request) => payments.listAccounts(requirePermission(request).tenantId),
  );
  app.get(
    '/api/billing/gateways/active',
    {
      schema: {
        'x-permission': 'billing.read',
        tags: ['payments'],
        summary: 'Which payment providers are set up (no settings): whoever may create a payment link may know which',
        response: { 200: z.object({ providers: z.array(Provider) }) },
      },
    },
    async (request) => ({
      providers: (await payments.listAccounts(requirePermission(request).tenantId)).filter((account) => account.isActive).map((account) => account.provider),
    }),
  );
  app.put(
    '/api/billing/gateways/:provider',
    {
      schema: {
        'x-permission': 'billing.configure',
        'x-feature': 'payment_gateways',
        tags: ['payments'],
        summary: 'Set up a payment provider account; credentials are encrypted at rest',
        params: z.object({ provider: Provider }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: z.object({ provider: Provider, config: z.record(z.string(), z.unknown()) }) },
      },
    },
    async (request) => payments.saveAccount(requirePermission(request).tenantId, request.params.provider, request.body),
  );
  app.post(
    '/api/invoices/:invoiceId/payment-link',
    {
      schema: {
        'x-permission': 'billing.read',
        'x-feature': 'payment_gateways',
        tags: ['payments'],
        summary: 'Create a payment link for an unpaid invoice through a provider',
        params: z.object({ invoiceId: z.uuid() }),
        body: z.object({ provider: Provider }).strict(),
        response: { 201: z.object({ orderId: z.string(), url: z.string(), expiresAt: z.coerce.date() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await payments.createPaymentLink(requirePermission(request).tenantId, request.params.invoiceId, request.body.provider)),
  );
  app.get(
    '/api/billing/gateway-notifications',
    {
      schema: {
        'x-permission': 'billing.read',
        'x-feature': 'payment_gateways',
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
    async (request) => payments.listNotifications(requirePermission(request).tenantId, request.query.limit),
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
        // A provider notification is a few kB; anyone can post here, so a large body is refused unread.
        bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
        schema: {
          tags: ['payments'],
          summary: 'Payment provider notification (Midtrans, Xendit, Tripay)',
          description: `Answers 200 when the notification was taken (Tripay: \`{"success": true}\`), whatever became of it; 4xx when it was refused and the provider may retry. Bodies over ${WEBHOOK_BODY_LIMIT_BYTES / 1024} kB get 413.`,
          security: [],
          params: z.object({ provider: Provider, tenantSlug: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a tenant slug') }),
          response: { 200: z.union([TripayAcknowledgement, Acknowledgement]), '4xx': ErrorBody },
        },
      },
      async (request, reply) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const result = await payments.handleNotification({ ...request.params, headers: request.headers, rawBody });
        if (!result.acknowledged) {
          return reply.status(result.httpStatus).send({ error: { code: result.code, message: result.message } });
        }
        return acknowledgement[request.params.provider](result);
      },
    );
  });
};
