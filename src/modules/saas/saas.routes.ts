import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission, requireSuperAdmin } from '../identity/index.ts';
import { featureNames, limitNames } from './saas.model.ts';
import type { SaasService } from './saas.service.ts';

const Rupiah = z.number().int('rupiah has no fractions').positive('must be more than zero');
const Code = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, 'lowercase letters, digits, _ and -, 2–40 characters');
const Limit = z.enum(limitNames);
const Feature = z.enum(featureNames);
const LimitsSchema = z.partialRecord(Limit, z.number().int().min(0).max(10_000_000));
const LimitValues = z.object(Object.fromEntries(limitNames.map((l) => [l, z.number().int().nullable()])) as Record<(typeof limitNames)[number], z.ZodNullable<z.ZodNumber>>);
const Usage = z.object({ customers: z.number().int(), routers: z.number().int(), staff: z.number().int() });
const Ok = z.object({ ok: z.literal(true) });

const PlanSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), monthlyPrice: z.number().int(), limits: LimitsSchema, features: z.array(Feature), isDefault: z.boolean(), active: z.boolean() });
const AddonSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), price: z.number().int(), recurring: z.boolean(), active: z.boolean(),
  limitName: Limit.nullable(), amount: z.number().int().nullable(), feature: Feature.nullable(),
});
const InvoiceSchema = z.object({
  id: z.string(), tenantId: z.string(), number: z.string(), kind: z.enum(['subscription', 'addon']), period: z.string().nullable(), description: z.string(),
  amount: z.number().int(), dueDate: z.string(), status: z.enum(['unpaid', 'paid', 'void']), orderId: z.string(),
  paidAt: z.coerce.date().nullable(), paidVia: z.enum(['gateway', 'super_admin']).nullable(), paymentUrl: z.string().nullable(), createdAt: z.coerce.date(),
});
const EntitlementsSchema = z.object({ plan: z.object({ id: z.string(), code: z.string(), name: z.string() }), limits: LimitValues, features: z.array(Feature), usage: Usage.extend({ whatsapp_messages: z.number().int().nullable().describe('this month, in the tenant calendar; null when this session may not see messages (support)') }), locked: z.boolean(), supportWrite: z.boolean(),
  /** Every tenant answers at `<slug>.<platformDomain>` (the host routing's rule), custom domains or not. */
  platformDomain: z.string() });
const DomainSchema = z.object({ id: z.string(), host: z.string(), verified: z.boolean(), verifiedAt: z.coerce.date().nullable(), txtRecord: z.object({ name: z.string(), value: z.string() }), createdAt: z.coerce.date() });
const OverrideSchema = z.object({
  id: z.string(), limitName: z.string().nullable(), amount: z.number().int().nullable(), feature: z.string().nullable(), enabled: z.boolean().nullable(),
  reason: z.string(), endsAt: z.coerce.date(), endedAt: z.coerce.date().nullable(), createdAt: z.coerce.date(),
});
const TenantParams = z.object({ tenantId: z.uuid() });

/**
 * An add-on or an override is about a limit (with its amount) or a feature, never both. One
 * object checked field by field rather than a union, so a refusal names the input that is wrong
 * (a union answers only "invalid input" for the whole body).
 */
const limitOrFeature = (second: 'amount' | 'enabled') => (body: { limitName?: unknown; amount?: unknown; feature?: unknown; enabled?: unknown }, ctx: z.RefinementCtx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (body.limitName === undefined && body.feature === undefined) issue('limitName', 'required');
  if (body.limitName !== undefined && body.feature !== undefined) issue('feature', 'either a limit or a feature, not both');
  if (body.limitName !== undefined && body.amount === undefined) issue('amount', 'required');
  if (body.feature !== undefined && second === 'enabled' && body.enabled === undefined) issue('enabled', 'required');
};
const AddonBody = z
  .object({ code: Code, name: z.string().trim().min(1).max(120), price: Rupiah, recurring: z.boolean().default(true), limitName: Limit.optional(), amount: z.number().int().min(1).max(1_000_000).optional(), feature: Feature.optional() })
  .strict()
  .superRefine(limitOrFeature('amount'))
  .transform(({ limitName, amount, feature, ...rest }) => (limitName !== undefined ? { ...rest, limitName, amount: amount! } : { ...rest, feature: feature! }));
const OverrideBody = z
  .object({
    limitName: Limit.optional(), amount: z.number().int().min(-1_000_000).max(1_000_000).optional(), feature: Feature.optional(), enabled: z.boolean().optional(),
    reason: z.string().trim().min(3).max(500), endsAt: z.coerce.date(),
  })
  .strict()
  .superRefine(limitOrFeature('enabled'))
  .transform(({ limitName, amount, feature, enabled, ...rest }) => (limitName !== undefined ? { ...rest, limitName, amount: amount! } : { ...rest, feature: feature!, enabled: enabled! }));
const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

export const saasRoutes = (saas: SaasService) => async (app: HttpServer) => {
  // ---- the tenant owner's subscription ----
  app.get('/api/saas/subscription', { schema: { 'x-permission': 'subscription.read', tags: ['subscription'], summary: 'My plan, effective limits and features, usage, and whether the console is locked', response: { 200: EntitlementsSchema } } }, async (request) =>
    saas.entitlements(requirePermission(request).tenantId),
  );
  app.get('/api/saas/addons', { schema: { 'x-permission': 'subscription.read', tags: ['subscription'], summary: 'Add-ons on sale', response: { 200: z.array(AddonSchema) } } }, async (request) =>
    saas.addonsOnSale(requirePermission(request).tenantId),
  );
  app.post(
    '/api/saas/addons/purchase',
    {
      schema: {
        'x-permission': 'subscription.manage',
        tags: ['subscription'],
        summary: 'Buy an add-on: a SaaS invoice to pay; the add-on applies once it is paid',
        body: z.object({ addonId: z.uuid(), quantity: z.number().int().min(1).max(1000).default(1) }).strict(),
        response: { 201: z.object({ invoice: InvoiceSchema, tenantAddonId: z.string(), paymentUrl: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await saas.purchaseAddon(requirePermission(request).tenantId, request.body.addonId, request.body.quantity)),
  );
  app.get('/api/saas/invoices', { schema: { 'x-permission': 'subscription.read', tags: ['subscription'], summary: 'My SaaS invoices, newest first', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(InvoiceSchema) } } }, async (request) =>
    saas.invoices(requirePermission(request).tenantId, request.query),
  );
  app.post(
    '/api/saas/invoices/:invoiceId/pay',
    {
      schema: {
        'x-permission': 'subscription.manage',
        tags: ['subscription'],
        summary: 'Pay a SaaS invoice: its payment link at the platform’s gateway (created once; the same link again after)',
        params: z.object({ invoiceId: z.uuid() }),
        body: z.object({}).strict().optional(),
        response: { 200: InvoiceSchema.extend({ paymentUrl: z.string() }) },
      },
    },
    async (request) => saas.payInvoice(requirePermission(request).tenantId, request.params.invoiceId),
  );
  app.put(
    '/api/saas/support-access',
    { schema: { 'x-permission': 'subscription.manage', tags: ['subscription'], summary: 'Allow (or stop allowing) platform support to write while impersonating', body: z.object({ write: z.boolean() }).strict(), response: { 200: Ok } } },
    async (request) => {
      await saas.setSupportWrite(requirePermission(request).tenantId, request.body.write);
      return { ok: true as const };
    },
  );

  // ---- domains ----
  app.get('/api/saas/domains', { schema: { 'x-permission': 'subscription.read', tags: ['subscription'], summary: 'My custom domains, by host', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(DomainSchema) } } }, async (request) =>
    saas.listDomains(requirePermission(request).tenantId, request.query),
  );
  app.post(
    '/api/saas/domains',
    {
      schema: {
        'x-permission': 'subscription.manage',
        'x-feature': 'custom_domain',
        tags: ['subscription'],
        summary: 'Add a custom domain; prove it with the TXT record in the answer',
        body: z.object({ host: z.string().trim().toLowerCase().min(4).max(253) }).strict(),
        response: { 201: DomainSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await saas.addDomain(requirePermission(request).tenantId, request.body.host)),
  );
  app.post(
    '/api/saas/domains/:domainId/verify',
    { schema: { 'x-permission': 'subscription.manage', 'x-feature': 'custom_domain', tags: ['subscription'], summary: 'Check the TXT record and verify the domain', params: z.object({ domainId: z.uuid() }), response: { 200: DomainSchema } } },
    async (request) => saas.verifyDomain(requirePermission(request).tenantId, request.params.domainId),
  );
  app.delete(
    '/api/saas/domains/:domainId',
    { schema: { 'x-permission': 'subscription.manage', tags: ['subscription'], summary: 'Remove a custom domain', params: z.object({ domainId: z.uuid() }), response: { 200: Ok } } },
    async (request) => {
      await saas.removeDomain(requirePermission(request).tenantId, request.params.domainId);
      return { ok: true as const };
    },
  );
  // Caddy's on-demand TLS asks before issuing a certificate: 200 only for a host that reaches a tenant.
  app.get(
    '/api/domains/ask',
    {
      schema: {
        tags: ['domains'],
        summary: 'Caddy on-demand TLS `ask`: 200 for a tenant host (slug or verified custom domain), 404 otherwise',
        security: [],
        querystring: z.object({ domain: z.string().min(1).max(253) }),
        response: { 200: z.object({ ok: z.literal(true) }), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const tenantId = await saas.tenantOfHost(request.query.domain);
      if (!tenantId) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'No tenant at this host.' } });
      return { ok: true as const };
    },
  );

  // Host-based routing: which tenant the address in the browser belongs to (the portal and the
  // login page of `slug.<platform domain>` or a verified custom domain pick their tenant by it).
  app.get(
    '/api/host-tenant',
    {
      schema: {
        tags: ['domains'],
        summary: 'The tenant the request’s Host belongs to (slug under the platform domain, or a verified custom domain)',
        security: [],
        response: { 200: z.object({ tenantId: z.string() }), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const tenantId = await saas.tenantOfHost(request.hostname);
      if (!tenantId) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'This address belongs to no tenant.' } });
      return { tenantId };
    },
  );

  // ---- the platform (super admin) ----
  app.get('/api/platform/saas/tenants', { schema: { tags: ['platform'], summary: 'Super admin: tenants with plan, usage against limits (counts only), over-limit flags, unpaid SaaS invoices; by name', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(z.object({ tenantId: z.string(), slug: z.string(), name: z.string(), status: z.string(), plan: z.string(), usage: Usage, limits: z.record(z.string(), z.number()), unpaidInvoices: z.number().int(), overLimit: z.array(z.string()) })) } } }, async (request) => {
    requireSuperAdmin(request);
    return saas.overview(request.query);
  });
  app.get('/api/platform/saas/plans', { schema: { tags: ['platform'], summary: 'Super admin: SaaS plans', response: { 200: z.array(PlanSchema) } } }, async (request) => {
    requireSuperAdmin(request);
    return saas.plans();
  });
  app.post(
    '/api/platform/saas/plans',
    { schema: { tags: ['platform'], summary: 'Super admin: add a SaaS plan', body: z.object({ code: Code, name: z.string().trim().min(1).max(120), monthlyPrice: z.number().int().min(0), limits: LimitsSchema, features: z.array(Feature) }).strict(), response: { 201: PlanSchema } } },
    async (request, reply) => {
      requireSuperAdmin(request);
      return reply.status(201).send(await saas.createPlan(request.body));
    },
  );
  app.patch(
    '/api/platform/saas/plans/:planId',
    { schema: { tags: ['platform'], summary: 'Super admin: change a SaaS plan', params: z.object({ planId: z.uuid() }), body: z.object({ name: z.string().trim().min(1).max(120), monthlyPrice: z.number().int().min(0), limits: LimitsSchema, features: z.array(Feature), active: z.boolean() }).partial().strict(), response: { 200: PlanSchema } } },
    async (request) => {
      requireSuperAdmin(request);
      return saas.updatePlan(request.params.planId, request.body);
    },
  );
  app.get('/api/platform/saas/addons', { schema: { tags: ['platform'], summary: 'Super admin: the add-on catalog', response: { 200: z.array(AddonSchema) } } }, async (request) => {
    requireSuperAdmin(request);
    return saas.addons();
  });
  app.post(
    '/api/platform/saas/addons',
    {
      schema: {
        tags: ['platform'],
        summary: 'Super admin: add an add-on (raises a limit by `amount` per unit, or switches a feature on)',
        body: AddonBody,
        response: { 201: AddonSchema },
      },
    },
    async (request, reply) => {
      requireSuperAdmin(request);
      return reply.status(201).send(await saas.createAddon(request.body));
    },
  );
  app.patch(
    '/api/platform/saas/addons/:addonId',
    {
      schema: {
        tags: ['platform'],
        summary: 'Super admin: rename, reprice or take an add-on off sale (what it raises stays; bought units keep it)',
        params: z.object({ addonId: z.uuid() }),
        body: z.object({ name: z.string().trim().min(1).max(120), price: Rupiah, recurring: z.boolean(), active: z.boolean() }).partial().strict(),
        response: { 200: AddonSchema },
      },
    },
    async (request) => {
      requireSuperAdmin(request);
      return saas.updateAddon(request.params.addonId, request.body);
    },
  );
  app.get(
    '/api/platform/saas/domains',
    { schema: { tags: ['platform'], summary: 'Super admin: every tenant’s custom domains and whether each is verified, by host', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(DomainSchema.omit({ txtRecord: true }).extend({ tenantId: z.string() })) } } },
    async (request) => {
      requireSuperAdmin(request);
      return saas.allDomains(request.query);
    },
  );
  app.put(
    '/api/platform/tenants/:tenantId/plan',
    { schema: { tags: ['platform'], summary: 'Super admin: move a tenant to a plan (a downgrade keeps what it has; it cannot add past the limit)', params: TenantParams, body: z.object({ planId: z.uuid() }).strict(), response: { 200: Ok } } },
    async (request) => {
      requireSuperAdmin(request);
      await saas.setTenantPlan(request.params.tenantId, request.body.planId);
      return { ok: true as const };
    },
  );
  app.get('/api/platform/tenants/:tenantId/overrides', { schema: { tags: ['platform'], summary: 'Super admin: a tenant’s overrides, newest first', params: TenantParams, querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(OverrideSchema) } } }, async (request) => {
    requireSuperAdmin(request);
    return saas.overrides(request.params.tenantId, request.query);
  });
  app.post(
    '/api/platform/tenants/:tenantId/overrides',
    {
      schema: {
        tags: ['platform'],
        summary: 'Super admin: raise or lower a limit, or force a feature, for one tenant, with a reason and an end',
        params: TenantParams,
        body: OverrideBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireSuperAdmin(request);
      return reply.status(201).send(await saas.addOverride(request.params.tenantId, actor.userId, request.body));
    },
  );
  app.delete(
    '/api/platform/tenants/:tenantId/overrides/:overrideId',
    { schema: { tags: ['platform'], summary: 'Super admin: end an override now', params: TenantParams.extend({ overrideId: z.uuid() }), response: { 200: Ok } } },
    async (request) => {
      requireSuperAdmin(request);
      await saas.endOverride(request.params.tenantId, request.params.overrideId);
      return { ok: true as const };
    },
  );
  app.get('/api/platform/features', { schema: { tags: ['platform'], summary: 'Super admin: platform-wide feature switches (a feature without a row is on)', response: { 200: z.array(z.object({ feature: z.string(), enabled: z.boolean(), reason: z.string(), updatedAt: z.coerce.date() })) } } }, async (request) => {
    requireSuperAdmin(request);
    return saas.featureSwitches();
  });
  app.put(
    '/api/platform/features/:feature',
    { schema: { tags: ['platform'], summary: 'Super admin: switch a feature on or off for every tenant', params: z.object({ feature: Feature }), body: z.object({ enabled: z.boolean(), reason: z.string().trim().max(500).default('') }).strict(), response: { 200: Ok } } },
    async (request) => {
      requireSuperAdmin(request);
      await saas.setFeatureSwitch(request.params.feature, request.body.enabled, request.body.reason);
      return { ok: true as const };
    },
  );
  app.get('/api/platform/saas/invoices', { schema: { tags: ['platform'], summary: 'Super admin: SaaS invoices of every tenant, newest first', querystring: z.object(pageQuery(100, 500)), response: { 200: z.array(InvoiceSchema) } } }, async (request) => {
    requireSuperAdmin(request);
    return saas.allInvoices(request.query);
  });
  app.post(
    '/api/platform/saas/invoices/:invoiceId/mark-paid',
    { schema: { tags: ['platform'], summary: 'Super admin: mark a SaaS invoice paid (bank transfer received)', params: z.object({ invoiceId: z.uuid() }), body: z.object({}).strict().optional(), response: { 200: InvoiceSchema } } },
    async (request) => (await saas.markInvoicePaid(request.params.invoiceId, requireSuperAdmin(request).userId)).invoice,
  );

  // The platform's own gateway account notifies here (Midtrans HTTP notification, signature over the body).
  await app.register(async (scope) => {
    const webhooks = scope.withTypeProvider<ZodTypeProvider>();
    webhooks.removeContentTypeParser(['application/json']);
    webhooks.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    webhooks.post(
      '/api/webhooks/saas/midtrans',
      {
        bodyLimit: 32 * 1024,
        schema: { tags: ['subscription'], summary: 'The platform gateway’s notification for SaaS invoices', security: [], response: { 200: z.object({ settled: z.boolean(), status: z.string() }), '4xx': ErrorBody } },
      },
      async (request) => saas.handleGatewayNotification({ headers: request.headers, rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0) }),
    );
  });
};
