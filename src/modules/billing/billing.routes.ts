import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { IdempotencyKeyHeaders, type RespondOnce } from '../../platform/http/idempotency.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import { isolationTriggers, type BillingService } from './billing.service.ts';

const IsoDate = z.iso.date();
const Rupiah = z.number().int('rupiah has no fractions').positive('must be more than zero');
const PolicySchema = z.object({
  billingDay: z.number().int().min(1).max(31),
  dueDays: z.number().int().min(0).max(60),
  graceDays: z.number().int().min(0).max(60),
  isolationTrigger: z.enum(isolationTriggers),
  autoIsolate: z.boolean(),
  autoRestore: z.boolean(),
  notifyUnpaid: z.boolean(),
  notifyIsolated: z.boolean(),
  notifyReconnected: z.boolean(),
  partialPayments: z.boolean(),
  partialRestores: z.boolean(),
  receiptAddress: z.string().trim().max(300),
  receiptWhatsapp: z.boolean(),
});
const InvoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  period: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  amount: z.number().int(),
  paidAmount: z.number().int(),
  remaining: z.number().int(),
  description: z.string(),
  status: z.enum(['unpaid', 'awaiting_setoran', 'setoran_confirmed', 'paid', 'void']),
  stage: z.enum(['issued', 'due_unpaid', 'overdue', 'grace_expired']),
  paidAt: z.coerce.date().nullable(),
  voidReason: z.string().nullable(),
});
/** For lists: who the row is about, without a customers call per row (null once the customer has left). */
const CustomerLabel = { customerName: z.string().nullable(), customerCode: z.string().nullable() };
const HistorySchema = z.object({
  id: z.string(),
  type: z.enum(['gateway', 'manual', 'collected_by_collector', 'collection_rejected', 'setoran_confirmed', 'deposited', 'voided']),
  amount: z.number().int(),
  /** How it was paid: Tunai (cash), Transfer, a payment gateway, a collector. */
  method: z.enum(['cash', 'transfer', 'gateway', 'collector']).nullable(),
  actorUserId: z.string().nullable(),
  /** The staff member's name; null for the system (a gateway, the scan). */
  actorName: z.string().nullable(),
  reference: z.string().nullable(),
  createdAt: z.coerce.date(),
});
const InvoiceParams = z.object({ invoiceId: z.uuid() });

/** Money-moving POSTs answer through `respondOnce`: an Idempotency-Key retry gets the first answer. */
export const billingRoutes = (billing: BillingService, respondOnce: RespondOnce) => async (app: HttpServer) => {
  app.get('/api/billing/policy', { schema: { 'x-permission': 'billing.read', tags: ['billing'], summary: 'Billing and isolation rules of the tenant', response: { 200: PolicySchema } } }, async (request) =>
    billing.getPolicy(requirePermission(request).tenantId),
  );
  app.patch(
    '/api/billing/policy',
    { schema: { 'x-permission': 'billing.configure', tags: ['billing'], summary: 'Change billing and isolation rules', body: PolicySchema.partial().strict(), response: { 200: PolicySchema } } },
    async (request) => billing.updatePolicy(requirePermission(request).tenantId, request.body),
  );

  const RetentionSchema = z.object({ legalMinimumYears: z.number().int().min(1).max(30), paymentHistoryRetentionYears: z.number().int().min(1).max(30) });
  app.get('/api/billing/retention', { schema: { 'x-permission': 'billing.read', tags: ['billing'], summary: 'How long payment history is kept', response: { 200: RetentionSchema } } }, async (request) =>
    billing.getRetention(requirePermission(request).tenantId),
  );
  app.patch(
    '/api/billing/retention',
    { schema: { 'x-permission': 'billing.configure', tags: ['billing'], summary: 'Set the legal minimum and how long payment history is kept (never below the minimum)', body: RetentionSchema.partial().strict(), response: { 200: RetentionSchema } } },
    async (request) => billing.updateRetention(requirePermission(request).tenantId, request.body),
  );

  const Exclusion = z.object({ day: IsoDate, reason: z.string().trim().min(1).max(120) });
  app.get(
    '/api/billing/exclusions',
    { schema: { 'x-permission': 'billing.read', tags: ['billing'], summary: 'Days on which nothing is isolated, by day', querystring: z.object(pageQuery(400, 2000)), response: { 200: z.array(Exclusion) } } },
    async (request) => billing.listExclusions(requirePermission(request).tenantId, request.query),
  );
  app.put(
    '/api/billing/exclusions/:day',
    {
      schema: {
        'x-permission': 'billing.configure',
        tags: ['billing'],
        summary: 'Add a no-isolation day (e.g. Lebaran)',
        params: z.object({ day: IsoDate }),
        body: z.object({ reason: z.string().trim().min(1).max(120) }).strict(),
        response: { 200: Exclusion },
      },
    },
    async (request) => {
      await billing.addExclusion(requirePermission(request).tenantId, request.params.day, request.body.reason);
      return { day: request.params.day, reason: request.body.reason };
    },
  );
  app.delete(
    '/api/billing/exclusions/:day',
    { schema: { 'x-permission': 'billing.configure', tags: ['billing'], summary: 'Remove a no-isolation day', params: z.object({ day: IsoDate }), response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await billing.removeExclusion(requirePermission(request).tenantId, request.params.day);
      return { ok: true as const };
    },
  );

  const PeriodBody = z.object({ period: IsoDate.refine((d) => d.endsWith('-01'), 'a period is the first day of a month').optional() }).strict();
  app.post(
    '/api/billing/invoices/generate/preview',
    {
      schema: {
        'x-permission': 'billing.configure',
        tags: ['billing'],
        summary: 'What issuing invoices now would do (who, how much): changes nothing',
        body: PeriodBody,
        response: {
          200: z.object({
            period: z.string(),
            issued: z.number().int(),
            total: z.number().int(),
            invoices: z.array(z.object({ customerId: z.string(), ...CustomerLabel, amount: z.number().int(), description: z.string(), dueDate: z.string() })),
          }),
        },
      },
    },
    async (request) => billing.previewInvoices(requirePermission(request).tenantId, request.body),
  );
  app.post(
    '/api/billing/invoices/generate',
    {
      schema: {
        'x-permission': 'billing.configure',
        tags: ['billing'],
        summary: 'Issue invoices for a period now (idempotent: customers already invoiced are skipped)',
        headers: IdempotencyKeyHeaders,
        body: PeriodBody,
        response: { 200: z.object({ issued: z.number().int(), period: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 200, async (trx) => {
        const { issued, period } = await billing.generateInvoicesInTransaction(trx, request.body);
        return { issued, period };
      });
    },
  );
  const ScanCounts = {
    today: z.string(),
    dueUnpaid: z.number(),
    overdue: z.number(),
    graceExpired: z.number(),
    isolated: z.number(),
    skippedIsolation: z.string().nullable(),
  };
  app.post(
    '/api/billing/daily-scan/preview',
    {
      schema: {
        'x-permission': 'billing.configure',
        tags: ['billing'],
        summary: 'What the daily scan would do now ("14 pelanggan akan diisolir" and who): changes nothing',
        response: {
          200: z.object({
            ...ScanCounts,
            toIsolate: z.array(z.object({ customerId: z.string(), ...CustomerLabel, invoiceId: z.string().nullable(), reason: z.string() })),
          }),
        },
      },
    },
    async (request) => billing.previewDailyScan(requirePermission(request).tenantId),
  );
  app.post(
    '/api/billing/daily-scan',
    {
      schema: {
        'x-permission': 'billing.configure',
        tags: ['billing'],
        summary: 'Run the daily scan now for this tenant (due, overdue, grace expired, auto-isolation)',
        headers: IdempotencyKeyHeaders,
        response: { 200: z.object(ScanCounts) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 200, async (trx) => {
        const { isolatedLines: _isolated, ...counts } = await billing.runDailyScanInTransaction(trx);
        return counts;
      });
    },
  );

  const BulkBody = z
    .object({
      action: z.enum(['isolate', 'restore']),
      customerIds: z.array(z.uuid()).min(1).max(1000),
      reason: z.string().trim().min(3).max(300),
      force: z.boolean().default(false),
    })
    .strict();
  const BulkAnswer = z.object({
    action: z.enum(['isolate', 'restore']),
    changed: z.number().int(),
    outcomes: z.array(
      z.object({ customerId: z.string(), ...CustomerLabel, result: z.enum(['changed', 'skipped']), code: z.string().nullable(), message: z.string().nullable() }),
    ),
  });
  app.post(
    '/api/isolation/bulk/preview',
    {
      schema: {
        'x-permission': 'isolation.manage',
        tags: ['isolation'],
        summary: 'What isolating or restoring these customers would do, one by one: changes nothing',
        body: BulkBody,
        response: { 200: BulkAnswer },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      return billing.previewBulkIsolation(actor.tenantId, { ...request.body, actorUserId: actor.userId });
    },
  );
  app.post(
    '/api/isolation/bulk',
    {
      schema: {
        'x-permission': 'isolation.manage',
        tags: ['isolation'],
        summary: 'Isolate or restore a list of customers by hand, each through the normal path (history, events, router)',
        headers: IdempotencyKeyHeaders,
        body: BulkBody,
        response: { 200: BulkAnswer },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 200, (trx) => billing.bulkIsolationInTransaction(trx, { ...request.body, actorUserId: actor.userId }));
    },
  );

  app.get(
    '/api/billing/summary',
    {
      schema: {
        'x-permission': 'billing.read',
        tags: ['billing'],
        summary: "The dashboard's money: today's payments (in the tenant's calendar) and what is still unpaid, counted and summed",
        response: {
          200: z.object({
            today: z.string(),
            paymentsToday: z.object({ count: z.number().int(), amount: z.number().int() }),
            unpaid: z.object({ count: z.number().int(), amount: z.number().int() }),
          }),
        },
      },
    },
    async (request) => billing.dashboardSummary(requirePermission(request).tenantId),
  );
  app.get(
    '/api/invoices',
    {
      schema: {
        'x-permission': 'billing.read',
        tags: ['billing'],
        summary: 'Invoices, filtered by status or customer, searchable by number or customer name / code',
        querystring: z.object({
          status: InvoiceSchema.shape.status.optional(),
          search: z.string().trim().max(100).optional(),
          customerId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(InvoiceSchema.extend(CustomerLabel)),
            total: z.number().int(),
            /** More than `total` match: counting stops at 10,000 (a page further on counts up to its own last invoice). */
            totalIsAtLeast: z.boolean(),
          }),
        },
      },
    },
    async (request) => billing.listInvoices(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/invoices/:invoiceId',
    {
      schema: {
        'x-permission': 'billing.read',
        tags: ['billing'],
        summary: 'One invoice with a page of its payment history (oldest first; historyTotal: all the lines) and the customer line (for the unisolate button)',
        params: InvoiceParams,
        querystring: z.object(pageQuery(100, 500)),
        response: {
          200: InvoiceSchema.extend({
            history: z.array(HistorySchema),
            historyTotal: z.number().int(),
            customerLine: z.object({ desiredState: z.enum(['active', 'isolated']), restoreEligible: z.boolean() }),
          }),
        },
      },
    },
    async (request) => billing.getInvoice(requirePermission(request).tenantId, request.params.invoiceId, request.query),
  );
  app.post(
    '/api/invoices/:invoiceId/payments',
    {
      schema: {
        'x-permission': 'payments.record',
        tags: ['billing'],
        summary: 'Record a cash or transfer payment (what remains, or less when the tenant allows partial payments); answers with its receipt number',
        params: InvoiceParams,
        headers: IdempotencyKeyHeaders,
        body: z.object({ amount: Rupiah, method: z.enum(['cash', 'transfer']), note: z.string().max(300).optional() }).strict(),
        response: { 201: z.object({ paymentId: z.string(), receiptNumber: z.string().nullable(), invoice: InvoiceSchema }) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 201, (trx) => billing.recordPaymentInTransaction(trx, actor.userId, request.params.invoiceId, request.body));
    },
  );
  app.post(
    '/api/invoices/:invoiceId/void',
    {
      schema: {
        'x-permission': 'billing.configure',
        tags: ['billing'],
        summary: 'Void an unpaid invoice with a reason',
        params: InvoiceParams,
        headers: IdempotencyKeyHeaders,
        body: z.object({ reason: z.string().trim().min(3).max(300) }).strict(),
        response: { 200: InvoiceSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 200, (trx) => billing.voidInvoiceInTransaction(trx, actor.userId, request.params.invoiceId, request.body.reason));
    },
  );
  app.get(
    '/api/payment-history',
    {
      schema: {
        'x-permission': 'billing.read',
        tags: ['billing'],
        summary: 'Every money movement, newest first',
        querystring: z.object({ customerId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.array(HistorySchema.extend({ invoiceId: z.string(), invoiceNumber: z.string(), customerId: z.string(), ...CustomerLabel })) },
      },
    },
    async (request) => billing.paymentHistory(requirePermission(request).tenantId, request.query),
  );

  app.post(
    '/api/customers/:customerId/restore',
    {
      schema: {
        'x-permission': 'isolation.manage',
        tags: ['isolation'],
        summary: 'Unisolate a customer by hand (refused while an unpaid invoice holds the line, unless force)',
        params: z.object({ customerId: z.uuid() }),
        body: z.object({ reason: z.string().trim().min(3).max(300), force: z.boolean().default(false) }).strict(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      await billing.restoreByStaff(actor.tenantId, actor.userId, request.params.customerId, request.body.reason, { force: request.body.force });
      return { ok: true as const };
    },
  );
};
