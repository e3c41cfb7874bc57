import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { IdempotencyKeyHeaders, type RespondOnce } from '../../platform/http/idempotency.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import type { CollectorsService } from './collectors.service.ts';
import { decodeProof, PROOF_MAX_BYTES } from './use-cases/deposits.ts';
import { DAILY_REPORT_MAX_DAYS } from './use-cases/reports.ts';

const IsoDate = z.iso.date();
const Rupiah = z.number().int('rupiah has no fractions').positive('must be more than zero');
const Rupiah0 = z.number().int('rupiah has no fractions').min(0, 'cannot be negative');
const Note = z.string().trim().min(1).max(300);
const Ids = z.array(z.uuid()).min(1).max(5000);

const SettingsSchema = z.object({
  dueWindowDays: z.number().int().min(0).max(60),
  allowPartial: z.boolean(),
  restoreOnCollection: z.boolean(),
  logRetentionDays: z.number().int().min(30).max(3650),
});
const CashInHand = z.object({ amount: z.number().int(), collections: z.number().int(), openShortfall: z.number().int() });
const WorklistCustomer = z.object({
  customerId: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  routeOrder: z.number().int(),
  arrears: z.number().int(),
  visitedToday: z.string().nullable(),
  invoices: z.array(
    z.object({ invoiceId: z.string(), number: z.string(), period: z.string(), dueDate: z.string(), amount: z.number().int(), open: z.number().int(), overdue: z.boolean() }),
  ),
});
const VisitResult = z.enum(['paid', 'not_home', 'refused', 'promised']);
const Visit = z.object({
  id: z.string(),
  collectorUserId: z.string(),
  customerId: z.string(),
  visitedOn: z.string(),
  result: VisitResult,
  promisedOn: z.string().nullable(),
  note: z.string().nullable(),
  collectionId: z.string().nullable(),
});
const CollectionStatus = z.enum(['held', 'handed_over', 'deposited', 'rejected']);
const Collection = z.object({
  id: z.string(),
  number: z.string(),
  collectorUserId: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  collectedOn: z.string(),
  collectedAt: z.coerce.date(),
  amount: z.number().int(),
  status: CollectionStatus,
  handoverId: z.string().nullable(),
});
const HandoverStatus = z.enum(['confirmed', 'short', 'short_settled', 'written_off', 'over']);
const Handover = z.object({
  id: z.string(),
  number: z.string(),
  collectorUserId: z.string(),
  expected: z.number().int(),
  settlement: z.number().int(),
  counted: z.number().int(),
  difference: z.number().int(),
  kept: z.number().int(),
  status: HandoverStatus,
  settled: z.number().int(),
  openShortfall: z.number().int(),
  note: z.string().nullable(),
  confirmedBy: z.string(),
  confirmedAt: z.coerce.date(),
  closedBy: z.string().nullable(),
  closedAt: z.coerce.date().nullable(),
  closeReason: z.string().nullable(),
  depositId: z.string().nullable(),
  collections: z.number().int(),
});
const Deposit = z.object({
  id: z.string(),
  number: z.string(),
  bank: z.string(),
  reference: z.string(),
  depositedOn: z.string(),
  amount: z.number().int(),
  proofContentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
  recordedBy: z.string(),
  createdAt: z.coerce.date(),
});
const Step = z.object({ number: z.string(), by: z.string().nullable(), at: z.coerce.date() });

/**
 * The collector's own routes (`/api/collector/…`: their worklist, visits, collections) take no
 * collector id — the logged-in person is the collector, so A cannot record for B. The office's
 * routes (`/api/collectors/…`) assign, count handovers, bank deposits and report. Money-moving
 * POSTs answer through `respondOnce` (Idempotency-Key).
 */
export const collectorsRoutes = (collectors: CollectorsService, respondOnce: RespondOnce) => async (app: HttpServer) => {
  // ---- settings ----
  app.get('/api/collectors/settings', { schema: { 'x-permission': 'collections.read', 'x-feature': 'collectors', tags: ['collectors'], summary: 'Collector settings of the tenant', response: { 200: SettingsSchema } } }, async (request) =>
    collectors.getSettings(requirePermission(request).tenantId),
  );
  app.patch(
    '/api/collectors/settings',
    { schema: { 'x-permission': 'collections.manage', 'x-feature': 'collectors', tags: ['collectors'], summary: 'Change the due window, partial collections, restore at collection, log retention', body: SettingsSchema.partial().strict(), response: { 200: SettingsSchema } } },
    async (request) => collectors.updateSettings(requirePermission(request).tenantId, request.body),
  );

  // ---- assignment ----
  app.get(
    '/api/collectors/assignments',
    {
      schema: {
        'x-permission': 'collections.manage',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Collectors with their customer counts, and a page of the active customers with the collector assigned (null: nobody), unassigned first; total: all of them',
        querystring: z.object(pageQuery(200, 1000)),
        response: {
          200: z.object({
            total: z.number().int(),
            collectors: z.array(z.object({ userId: z.string(), name: z.string(), customers: z.number().int() })),
            customers: z.array(
              z.object({ customerId: z.string(), code: z.string(), name: z.string(), address: z.string(), collectorUserId: z.string().nullable(), collectorName: z.string().nullable(), routeOrder: z.number().int().nullable() }),
            ),
          }),
        },
      },
    },
    async (request) => collectors.listAssignments(requirePermission(request).tenantId, request.query),
  );
  app.post(
    '/api/collectors/assignments',
    {
      schema: {
        'x-permission': 'collections.manage',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Assign customers (one by one, or every customer whose address contains an area) to a collector; assigned elsewhere, they move',
        body: z.object({ collectorUserId: z.uuid(), customerIds: Ids.optional(), area: z.string().trim().min(2).max(120).optional() }).strict(),
        response: { 200: z.object({ assigned: z.number().int(), moved: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      return collectors.assign(actor.tenantId, { actor, ...request.body });
    },
  );
  app.post(
    '/api/collectors/assignments/release',
    {
      schema: { 'x-permission': 'collections.manage', 'x-feature': 'collectors', tags: ['collectors'], summary: 'Release customers from their collector', body: z.object({ customerIds: Ids }).strict(), response: { 200: z.object({ released: z.number().int() }) } },
    },
    async (request) => {
      const actor = requirePermission(request);
      return collectors.release(actor.tenantId, actor, request.body.customerIds);
    },
  );
  app.put(
    '/api/collectors/:collectorUserId/route',
    {
      schema: {
        'x-permission': 'collections.manage',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Set a collector’s route: their customers in visiting order',
        params: z.object({ collectorUserId: z.uuid() }),
        body: z.object({ customerIds: Ids }).strict(),
        response: { 200: z.object({ ordered: z.number().int() }) },
      },
    },
    async (request) => collectors.setRoute(requirePermission(request).tenantId, request.params.collectorUserId, request.body.customerIds),
  );

  // ---- the collector's day ----
  app.get(
    '/api/collector/worklist',
    {
      schema: {
        'x-permission': 'collections.collect',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'My worklist today: my customers with an invoice due within the window or overdue, all their arrears, in route order (then name), a page at a time (total: all of them); and my cash in hand',
        querystring: z.object(pageQuery(50, 200)),
        response: {
          200: z.object({ today: z.string(), dueWindowDays: z.number().int(), allowPartial: z.boolean(), total: z.number().int(), customers: z.array(WorklistCustomer), cashInHand: CashInHand }),
        },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      const [list, cash] = await Promise.all([collectors.worklist(actor.tenantId, actor.userId, { page: request.query }), collectors.cashInHand(actor.tenantId, actor.userId)]);
      return { ...list, cashInHand: cash };
    },
  );
  app.get(
    '/api/collector/customers/:customerId',
    {
      schema: {
        'x-permission': 'collections.collect',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'One of my customers: all open invoices (arrears) and my visits',
        params: z.object({ customerId: z.uuid() }),
        response: { 200: WorklistCustomer.extend({ visits: z.array(Visit) }) },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      const [customer, visits] = await Promise.all([
        collectors.customerArrears(actor.tenantId, actor.userId, request.params.customerId),
        collectors.listVisits(actor.tenantId, { customerId: request.params.customerId, collectorUserId: actor.userId, limit: 20 }),
      ]);
      return { ...customer, visits };
    },
  );
  app.post(
    '/api/collector/visits',
    {
      schema: {
        'x-permission': 'collections.collect',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Record a visit without payment: not at home, refused, or promised to pay (with the date); back-dating allowed, never the future. An Idempotency-Key makes a queued retry safe',
        headers: IdempotencyKeyHeaders,
        body: z.object({ customerId: z.uuid(), visitedOn: IsoDate, result: z.enum(['not_home', 'refused', 'promised']), promisedOn: IsoDate.optional(), note: Note.optional() }).strict(),
        response: { 201: z.object({ id: z.string(), visitedOn: z.string(), result: VisitResult, promisedOn: z.string().nullable() }) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 201, (trx) => collectors.recordVisitInTransaction(trx, { collectorUserId: actor.userId, ...request.body }));
    },
  );
  app.post(
    '/api/collector/collections',
    {
      schema: {
        'x-permission': 'collections.collect',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Record cash received from one of my customers for one or more invoices (phase 1); send an Idempotency-Key so a retry never records twice',
        headers: IdempotencyKeyHeaders,
        body: z
          .object({ customerId: z.uuid(), collectedOn: IsoDate, items: z.array(z.object({ invoiceId: z.uuid(), amount: Rupiah }).strict()).min(1).max(24) })
          .strict(),
        response: {
          201: z.object({
            id: z.string(),
            number: z.string(),
            customerId: z.string(),
            collectorName: z.string(),
            collectedOn: z.string(),
            collectedAt: z.coerce.date(),
            amount: z.number().int(),
            items: z.array(z.object({ invoiceId: z.string(), number: z.string(), amount: z.number().int(), status: z.string() })),
            cashInHand: CashInHand,
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 201, (trx) => collectors.collectInTransaction(trx, { collectorUserId: actor.userId, ...request.body }));
    },
  );
  app.get(
    '/api/collector/collections',
    {
      schema: {
        'x-permission': 'collections.collect',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'My collections, newest first',
        querystring: z.object({ status: CollectionStatus.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.array(Collection) },
      },
    },
    async (request) => {
      const actor = requirePermission(request);
      return collectors.listCollections(actor.tenantId, { collectorUserId: actor.userId, ...request.query });
    },
  );

  // ---- the office: collections, handovers (phase 2) ----
  app.get(
    '/api/collectors/collections',
    {
      schema: {
        'x-permission': 'collections.read',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Collections of every collector, newest first',
        querystring: z.object({ collectorUserId: z.uuid().optional(), status: CollectionStatus.optional(), limit: z.coerce.number().int().min(1).max(5000).default(100) }),
        response: { 200: z.array(Collection) },
      },
    },
    async (request) => collectors.listCollections(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/collectors/:collectorUserId/balance',
    {
      schema: {
        'x-permission': 'collections.read',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'A collector’s cash in hand: the held collections a handover must cover, and the open shortfall',
        params: z.object({ collectorUserId: z.uuid() }),
        response: { 200: CashInHand.extend({ held: z.array(Collection) }) },
      },
    },
    async (request) => {
      const { tenantId } = requirePermission(request);
      const [cash, held] = await Promise.all([
        collectors.cashInHand(tenantId, request.params.collectorUserId),
        collectors.listCollections(tenantId, { collectorUserId: request.params.collectorUserId, status: 'held', limit: 5000 }),
      ]);
      return { ...cash, held };
    },
  );
  app.post(
    '/api/collectors/collections/:collectionId/reject',
    {
      schema: {
        'x-permission': 'setoran.confirm',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Reject a held collection: its invoices return to unpaid',
        params: z.object({ collectionId: z.uuid() }),
        headers: IdempotencyKeyHeaders,
        body: z.object({ reason: z.string().trim().min(3).max(300) }).strict(),
        response: { 200: z.object({ id: z.string(), number: z.string(), status: z.literal('rejected') }) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 200, (trx) => collectors.rejectCollectionInTransaction(trx, actor, request.params.collectionId, request.body.reason));
    },
  );
  app.post(
    '/api/collectors/handovers',
    {
      schema: {
        'x-permission': 'setoran.confirm',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Confirm a collector’s handover (setoran, phase 2): the whole balance, counted at the desk; a difference needs a note',
        headers: IdempotencyKeyHeaders,
        body: z
          .object({
            collectorUserId: z.uuid(),
            collectionIds: z.array(z.uuid()).max(5000),
            countedAmount: Rupiah0,
            settlementAmount: Rupiah0.default(0),
            note: Note.optional(),
          })
          .strict(),
        response: { 201: Handover },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 201, (trx) => collectors.confirmHandoverInTransaction(trx, { actor, ...request.body }));
    },
  );
  app.get(
    '/api/collectors/handovers',
    {
      schema: {
        'x-permission': 'collections.read',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Handovers, newest first; `undeposited` lists those finance can bank',
        querystring: z.object({
          collectorUserId: z.uuid().optional(),
          status: HandoverStatus.optional(),
          undeposited: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(Handover) },
      },
    },
    async (request) => collectors.listHandovers(requirePermission(request).tenantId, request.query),
  );
  app.post(
    '/api/collectors/handovers/:handoverId/write-off',
    {
      schema: {
        'x-permission': 'collections.write_off',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Write off what is left of a short handover (owner), with a reason',
        params: z.object({ handoverId: z.uuid() }),
        headers: IdempotencyKeyHeaders,
        body: z.object({ reason: z.string().trim().min(3).max(300) }).strict(),
        response: { 200: Handover },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      return respondOnce(request, reply, actor, 200, (trx) => collectors.writeOffInTransaction(trx, actor, request.params.handoverId, request.body.reason));
    },
  );

  // ---- deposits (phase 3) ----
  app.post(
    '/api/collectors/deposits',
    {
      bodyLimit: Math.ceil((PROOF_MAX_BYTES * 4) / 3) + 16 * 1024,
      schema: {
        'x-permission': 'deposits.confirm',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Record the bank deposit of confirmed handovers (phase 3), with the proof (JPEG, PNG or PDF, ≤ 1 MiB, base64): their invoices become paid',
        headers: IdempotencyKeyHeaders,
        body: z
          .object({
            handoverIds: Ids,
            bank: z.string().trim().min(1).max(80),
            reference: z.string().trim().min(1).max(120),
            depositedOn: IsoDate,
            proof: z.object({ contentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']), dataBase64: z.string().min(4) }).strict(),
          })
          .strict(),
        response: {
          201: z.object({
            id: z.string(),
            number: z.string(),
            bank: z.string(),
            reference: z.string(),
            depositedOn: z.string(),
            amount: z.number().int(),
            handovers: z.number().int(),
            invoices: z.number().int(),
            paidInvoices: z.number().int(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request);
      const { proof, ...rest } = request.body;
      const bytes = decodeProof(proof);
      return respondOnce(request, reply, actor, 201, (trx) => collectors.confirmDepositInTransaction(trx, { actor, ...rest, proof: bytes, proofContentType: proof.contentType }));
    },
  );
  app.get(
    '/api/collectors/deposits',
    {
      schema: {
        'x-permission': 'collections.read',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Bank deposits, newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.array(Deposit) },
      },
    },
    async (request) => collectors.listDeposits(requirePermission(request).tenantId, request.query.limit),
  );
  app.get(
    '/api/collectors/deposits/:depositId/proof',
    { schema: { 'x-permission': 'collections.read', 'x-feature': 'collectors', tags: ['collectors'], summary: 'The deposit’s proof file', params: z.object({ depositId: z.uuid() }) } },
    async (request, reply) => {
      const proof = await collectors.depositProof(requirePermission(request).tenantId, request.params.depositId);
      return reply.type(proof.contentType).header('content-disposition', 'inline').send(proof.bytes);
    },
  );

  // ---- reports, chain progress, logs ----
  app.get(
    '/api/collectors/reports/daily',
    {
      schema: {
        'x-permission': 'collections.read',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: `Collections per collector per field day, newest first; a range of at most ${DAILY_REPORT_MAX_DAYS} days`,
        querystring: z
          .object({ from: IsoDate, to: IsoDate })
          .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['from'] })
          .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < DAILY_REPORT_MAX_DAYS, { message: `at most ${DAILY_REPORT_MAX_DAYS} days`, path: ['to'] }),
        response: { 200: z.array(z.object({ collectorUserId: z.string(), collectorName: z.string().nullable(), day: z.string(), collections: z.number().int(), amount: z.number().int() })) },
      },
    },
    async (request) => collectors.collectionsPerDay(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/collectors/reports/differences',
    {
      schema: {
        'x-permission': 'collections.read',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Open differences: short handovers not yet settled or written off, newest first',
        querystring: z.object(pageQuery(100, 500)),
        response: { 200: z.array(Handover) },
      },
    },
    async (request) => collectors.openDifferences(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/collectors/reports/aging',
    {
      schema: {
        'x-permission': 'collections.read',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'Overdue customers with their visits; 3 or more failed visits are flagged; most failures first, a page at a time',
        querystring: z.object(pageQuery(200, 1000)),
        response: {
          200: z.array(
            z.object({
              customerId: z.string(),
              code: z.string(),
              name: z.string(),
              collectorUserId: z.string().nullable(),
              collectorName: z.string().nullable(),
              arrears: z.number().int(),
              oldestDue: z.string(),
              daysOverdue: z.number().int(),
              visits: z.number().int(),
              failedVisits: z.number().int(),
              flagged: z.boolean(),
              lastVisit: z.string().nullable(),
              lastResult: z.string().nullable(),
              promisedOn: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (request) => collectors.aging(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/invoices/:invoiceId/collector-chain',
    {
      schema: {
        'x-permission': 'billing.read',
        tags: ['collectors'],
        summary: 'The invoice’s collector chain: collected → setoran → deposited, with who and when; one row per collection of it, oldest first',
        params: z.object({ invoiceId: z.uuid() }),
        querystring: z.object(pageQuery(100, 500)),
        response: {
          200: z.array(
            z.object({
              collectionId: z.string(),
              status: CollectionStatus,
              amount: z.number().int(),
              collected: Step.extend({ on: z.string() }),
              setoran: Step.extend({ status: z.string() }).nullable(),
              deposited: Step.extend({ bank: z.string(), on: z.string() }).nullable(),
            }),
          ),
        },
      },
    },
    async (request) => collectors.chainProgress(requirePermission(request).tenantId, request.params.invoiceId, request.query),
  );
  app.get(
    '/api/collectors/logs',
    {
      schema: {
        'x-permission': 'collections.manage',
        'x-feature': 'collectors',
        tags: ['collectors'],
        summary: 'The collectors’ log, newest first (kept for the tenant’s retention)',
        querystring: z.object({ collectorUserId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              collectorUserId: z.string().nullable(),
              actorUserId: z.string().nullable(),
              action: z.string(),
              subject: z.string().nullable(),
              amount: z.number().int().nullable(),
              detail: z.string().nullable(),
              createdAt: z.coerce.date(),
            }),
          ),
        },
      },
    },
    async (request) => collectors.listLogs(requirePermission(request).tenantId, request.query),
  );
};
