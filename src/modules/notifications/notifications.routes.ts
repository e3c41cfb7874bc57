import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { z } from 'zod';
import { IdempotencyKeyHeaders, type RespondOnce } from '../../platform/http/idempotency.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import { waProviders } from './gateways/index.ts';
import { messageStatuses, type NotificationsService } from './notifications.service.ts';
import { notificationKindNames } from './templates/index.ts';

const Provider = z.enum(waProviders);
const Kind = z.enum(notificationKindNames as [string, ...string[]]).transform((k) => k as (typeof notificationKindNames)[number]);
const Language = z.enum(['id', 'en']);
const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, e.g. 21:00');
const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

const SettingsSchema = z.object({
  language: Language,
  quietHours: z.object({ start: HourMinute, end: HourMinute }).nullable(),
  notifyOutageCustomers: z.boolean(),
  notifyRouterErrors: z.boolean(),
  paymentLink: z.string().trim().min(1).max(300).nullable(),
});
const TemplateSchema = z.object({
  kind: z.string(),
  audiences: z.array(z.string()),
  urgent: z.boolean(),
  variables: z.array(z.string()),
  texts: z.object({ id: z.object({ body: z.string(), isDefault: z.boolean() }), en: z.object({ body: z.string(), isDefault: z.boolean() }) }),
});
const ProviderSchema = z.object({
  provider: Provider.nullable(),
  config: z.record(z.string(), z.unknown()).nullable(),
  sender: z.string().nullable(),
  effective: z.object({ provider: Provider, source: z.enum(['tenant', 'platform']) }),
  offered: z.array(Provider),
  webhookPath: z.string(),
});
const MessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  rule: z.string(),
  eventId: z.string().nullable(),
  recipientType: z.enum(['customer', 'staff']),
  recipientId: z.string().nullable(),
  recipientName: z.string(),
  to: z.string().nullable(),
  body: z.string(),
  status: z.enum(messageStatuses),
  reason: z.string().nullable(),
  attempts: z.number().int(),
  provider: z.string().nullable(),
  externalId: z.string().nullable(),
  nextAttemptAt: z.coerce.date(),
  createdAt: z.coerce.date(),
  sentAt: z.coerce.date().nullable(),
  deliveredAt: z.coerce.date().nullable(),
  readAt: z.coerce.date().nullable(),
  failedAt: z.coerce.date().nullable(),
});

export const notificationsRoutes = (notifications: NotificationsService, respondOnce: RespondOnce) => async (app: HttpServer) => {
  const tags = ['notifications'];

  // ---- provider account ----
  app.get('/api/notifications/provider', { schema: { 'x-permission': 'notifications.manage', tags, summary: 'WhatsApp provider of the tenant (secrets masked)', response: { 200: ProviderSchema } } }, async (request) =>
    notifications.getProvider(requirePermission(request).tenantId),
  );
  app.put(
    '/api/notifications/provider',
    {
      schema: {
        'x-permission': 'notifications.manage',
        tags,
        summary: 'Choose the WhatsApp provider, its credentials (encrypted at rest) and sender; provider null = the platform default',
        body: z.object({ provider: Provider.nullable(), config: z.record(z.string(), z.unknown()).optional(), sender: z.string().max(40).nullable().optional() }).strict(),
        response: { 200: ProviderSchema },
      },
    },
    async (request) => notifications.setProvider(requirePermission(request).tenantId, request.body),
  );

  // ---- settings ----
  app.get('/api/notifications/settings', { schema: { 'x-permission': 'notifications.read', tags, summary: 'Language, quiet hours and switches', response: { 200: SettingsSchema } } }, async (request) =>
    notifications.getSettings(requirePermission(request).tenantId),
  );
  app.patch(
    '/api/notifications/settings',
    { schema: { 'x-permission': 'notifications.manage', tags, summary: 'Change language, quiet hours and switches', body: SettingsSchema.partial().strict(), response: { 200: SettingsSchema } } },
    async (request) => notifications.updateSettings(requirePermission(request).tenantId, request.body),
  );

  // ---- templates ----
  app.get('/api/notifications/templates', { schema: { 'x-permission': 'notifications.read', tags, summary: 'Every notification kind with its texts', response: { 200: z.array(TemplateSchema) } } }, async (request) =>
    notifications.listTemplates(requirePermission(request).tenantId),
  );
  app.get(
    '/api/notifications/templates/:kind',
    { schema: { 'x-permission': 'notifications.read', tags, summary: 'One notification kind: variables and texts', params: z.object({ kind: Kind }), response: { 200: TemplateSchema } } },
    async (request) => notifications.getTemplate(requirePermission(request).tenantId, request.params.kind),
  );
  app.put(
    '/api/notifications/templates/:kind',
    {
      schema: {
        'x-permission': 'notifications.manage',
        tags,
        summary: 'Save the tenant’s text for a kind; an unknown {{variable}} is refused',
        params: z.object({ kind: Kind }),
        body: z.object({ language: Language, body: z.string() }).strict(),
        response: { 200: TemplateSchema },
      },
    },
    async (request) =>
      notifications.saveTemplate(requirePermission(request).tenantId, request.params.kind, request.body.language, request.body.body),
  );
  app.delete(
    '/api/notifications/templates/:kind',
    {
      schema: { 'x-permission': 'notifications.manage', tags, summary: 'Go back to the built-in text', params: z.object({ kind: Kind }), querystring: z.object({ language: Language }), response: { 200: TemplateSchema } },
    },
    async (request) => notifications.resetTemplate(requirePermission(request).tenantId, request.params.kind, request.query.language),
  );
  app.post(
    '/api/notifications/templates/:kind/preview',
    {
      schema: {
        'x-permission': 'notifications.read',
        tags,
        summary: 'Render a text with sample values, or with the values given',
        params: z.object({ kind: Kind }),
        body: z.object({ language: Language.optional(), body: z.string().optional(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).strict(),
        response: { 200: z.object({ kind: z.string(), language: Language, text: z.string() }) },
      },
    },
    async (request) => notifications.previewTemplate(requirePermission(request).tenantId, request.params.kind, request.body),
  );

  // ---- opt-outs ----
  app.get(
    '/api/notifications/opt-outs',
    { schema: { 'x-permission': 'notifications.read', tags, summary: 'Customers who receive no WhatsApp messages, newest first', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(z.object({ customerId: z.string(), reason: z.string().nullable(), createdAt: z.coerce.date() })) } } },
    async (request) => notifications.listOptOuts(requirePermission(request).tenantId, request.query),
  );
  app.put(
    '/api/notifications/opt-outs/:customerId',
    {
      schema: {
        'x-permission': 'customers.manage',
        tags,
        summary: 'The customer asked to receive no WhatsApp messages',
        params: z.object({ customerId: z.uuid() }),
        body: z.object({ reason: z.string().trim().max(200).optional() }).strict(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await notifications.optOut(requirePermission(request).tenantId, request.params.customerId, request.body.reason ?? null);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/notifications/opt-outs/:customerId',
    { schema: { 'x-permission': 'customers.manage', tags, summary: 'The customer wants WhatsApp messages again', params: z.object({ customerId: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await notifications.optIn(requirePermission(request).tenantId, request.params.customerId);
      return reply.status(204).send(null);
    },
  );

  // ---- messages ----
  app.get(
    '/api/notifications/messages',
    {
      schema: {
        'x-permission': 'notifications.read',
        tags,
        summary: 'Message log, newest first; searchable by customer name or number (typed any way)',
        querystring: z.object({
          status: z.enum(messageStatuses).optional(),
          search: z.string().trim().max(100).optional(),
          kind: z.string().max(60).optional(),
          before: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(MessageSchema) },
      },
    },
    async (request) => notifications.listMessages(requirePermission(request).tenantId, request.query),
  );
  const BroadcastFilter = z
    .object({
      planId: z.uuid().optional(),
      withArrears: z.boolean().optional(),
      customerIds: z.array(z.uuid()).min(1).max(20_000).optional(),
    })
    .strict();
  app.post(
    '/api/notifications/broadcasts/preview',
    {
      schema: {
        'x-permission': 'notifications.manage',
        tags,
        summary: 'How many customers a broadcast would reach (after opt-outs), with the first of them: sends nothing',
        body: z.object({ filter: BroadcastFilter.default({}) }).strict(),
        response: {
          200: z.object({
            matched: z.number().int(),
            optedOut: z.number().int(),
            willSend: z.number().int(),
            sample: z.array(z.object({ customerId: z.string(), code: z.string(), name: z.string(), phone: z.string(), optedOut: z.boolean() })),
          }),
        },
      },
    },
    async (request) => notifications.previewBroadcast(requirePermission(request).tenantId, request.body.filter),
  );
  app.post(
    '/api/notifications/broadcasts',
    {
      schema: {
        'x-permission': 'notifications.manage',
        tags,
        summary: 'Send a WhatsApp broadcast to a filtered set of customers (opt-outs skipped, quiet hours and rate limits kept)',
        headers: IdempotencyKeyHeaders,
        body: z.object({ filter: BroadcastFilter.default({}), message: z.string().trim().min(1).max(1000) }).strict(),
        response: { 201: z.object({ broadcastId: z.string(), matched: z.number().int(), queued: z.number().int(), skipped: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 201, (trx) => notifications.sendBroadcastInTransaction(trx, request.body));
    },
  );
  app.post(
    '/api/notifications/messages/:messageId/resend',
    {
      schema: { 'x-permission': 'notifications.manage', tags, summary: 'Send a failed or unknown-outcome message again (a person’s decision)', params: z.object({ messageId: z.uuid() }), response: { 200: MessageSchema } },
    },
    async (request) => notifications.resendMessage(requirePermission(request).tenantId, request.params.messageId),
  );
  app.post(
    '/api/notifications/test-message',
    {
      schema: {
        'x-permission': 'notifications.manage',
        tags,
        summary: 'Queue a test message to a phone number through the tenant’s provider',
        body: z.object({ to: z.string().max(40) }).strict(),
        response: { 201: MessageSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return reply.status(201).send(await notifications.sendTestMessage(actor.tenantId, actor, request.body.to));
    },
  );
  app.get(
    '/api/notifications/inbox',
    {
      schema: {
        'x-permission': 'notifications.read',
        tags,
        summary: 'Messages the built-in dev inbox received instead of sending',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.array(z.object({ messageId: z.string(), kind: z.string(), to: z.string(), text: z.string(), receivedAt: z.coerce.date() })) },
      },
    },
    async (request) => notifications.devInboxMessages(requirePermission(request).tenantId, request.query.limit),
  );
  app.get(
    '/api/notifications/usage',
    {
      schema: {
        'x-permission': 'notifications.read',
        tags,
        summary: 'Messages handed to the provider in a month of the tenant’s calendar',
        querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM') }),
        response: { 200: z.object({ month: z.string(), sent: z.number().int() }) },
      },
    },
    async (request) => notifications.monthlyUsage(requirePermission(request).tenantId, request.query.month),
  );

  // ---- provider status webhooks: no session; Cloud API signs the raw bytes, the others quote the tenant's key ----
  await app.register(async (scope) => {
    const webhooks = scope.withTypeProvider<ZodTypeProvider>();
    webhooks.removeContentTypeParser(['application/json', 'application/x-www-form-urlencoded']);
    webhooks.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    const Params = z.object({ provider: Provider, tenantSlug: z.string().max(40) });
    webhooks.post(
      '/api/webhooks/wa/:provider/:tenantSlug',
      {
        schema: {
          tags,
          summary: 'WhatsApp provider status webhook (sent, delivered, read, failed)',
          security: [],
          params: Params,
          querystring: z.object({ key: z.string().max(100).optional() }),
          response: { 200: z.object({ received: z.number().int(), applied: z.number().int() }), '4xx': ErrorBody },
        },
      },
      async (request) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return notifications.handleStatusWebhook({ ...request.params, key: request.query.key, headers: request.headers, rawBody });
      },
    );
    webhooks.get(
      '/api/webhooks/wa/whatsapp_cloud/:tenantSlug',
      {
        schema: {
          tags,
          summary: 'WhatsApp Cloud API subscription check (hub.challenge)',
          security: [],
          params: z.object({ tenantSlug: z.string().max(40) }),
          // Named keys, not a record: a record querystring makes an invalid OpenAPI parameter list.
          querystring: z.object({ 'hub.mode': z.string().optional(), 'hub.verify_token': z.string().optional(), 'hub.challenge': z.string().optional() }),
        },
      },
      async (request, reply) => {
        const query = new URLSearchParams(Object.entries(request.query).filter((entry): entry is [string, string] => entry[1] !== undefined));
        return reply.type('text/plain').send(await notifications.verifyCloudSubscription(request.params.tenantSlug, query));
      },
    );
  });
};
