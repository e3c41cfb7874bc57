import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { sendTable } from '../../platform/http/tabular.ts';
import { requirePermission } from '../identity/index.ts';
import { importJobStatuses, importSources } from './imports.model.ts';
import type { ImportsService } from './imports.service.ts';
import { templateColumns } from './parsers/table.ts';

const IMPORT_BODY_LIMIT_BYTES = 25 * 1024 * 1024; // a 10,000-secret export is ~1.5 MB; XLSX arrives base64
const ImportBody = z
  .object({
    source: z.enum(importSources),
    content: z.string().min(1, 'the file is empty').describe('the file: text for routeros / phpnuxbill / csv, base64 for xlsx'),
    mode: z.enum(['skip', 'update']).default('skip').describe('customers that already exist (same PPPoE username): skip them or update them'),
    prices: z.record(z.string(), z.number().int('rupiah has no fractions').positive()).default({}).describe('monthly price per new paket (RouterOS profiles carry none)'),
    unmatchedRouters: z.enum(['error', 'none']).default('error').describe('a customer whose router (by name, PHPNuxBill) is not one of the tenant’s: a row error, or imported without a router'),
  })
  .strict();
const Problem = z.object({ line: z.number().int(), field: z.string(), problem: z.string(), message: z.string() });
const Paket = z.object({
  line: z.number().int(),
  key: z.string(),
  name: z.string(),
  downloadKbps: z.number().int().nullable(),
  uploadKbps: z.number().int().nullable(),
  monthlyPrice: z.number().int().nullable(),
  action: z.enum(['create', 'existing', 'update']),
  planId: z.string().nullable(),
});
const Customer = z.object({
  line: z.number().int(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  paketKey: z.string().nullable(),
  pppoeUsername: z.string().nullable(),
  ipAddress: z.string().nullable(),
  routerName: z.string().nullable(),
  routerId: z.string().nullable(),
  action: z.enum(['create', 'skip', 'update', 'invalid']),
});
const PREVIEW_ROWS = 500;
const PlanSchema = z.object({
  source: z.enum(importSources),
  mode: z.enum(['skip', 'update']),
  counts: z.object({
    paketsToCreate: z.number().int(),
    paketsToUpdate: z.number().int(),
    customersToCreate: z.number().int(),
    customersToUpdate: z.number().int(),
    customersToSkip: z.number().int(),
    invalidRows: z.number().int(),
  }),
  pakets: z.array(Paket),
  customers: z.array(Customer).describe(`the first ${PREVIEW_ROWS} rows`),
  routers: z.array(z.object({ name: z.string(), routerId: z.string().nullable(), customers: z.number().int() })).describe('the routers the file names, matched by name (routerId null: no such router)'),
  errors: z.array(Problem),
  warnings: z.array(Problem),
});

const Job = z.object({
  id: z.string(),
  source: z.enum(importSources),
  mode: z.enum(['skip', 'update']),
  status: z.enum(importJobStatuses),
  total: z.number().int().describe('rows to handle: pakets to create and customers'),
  done: z.number().int().describe('rows handled: created, updated, skipped or already there'),
  failed: z.number().int().describe('rows with problems (the file’s, or refused while importing)'),
  paketsCreated: z.number().int(),
  customersCreated: z.number().int(),
  customersUpdated: z.number().int(),
  customersSkipped: z.number().int(),
  error: z.string().nullable().describe('why the whole job stopped (status failed)'),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const importsRoutes = (imports: ImportsService) => async (app: HttpServer) => {
  const tags = ['imports'];
  app.get(
    '/api/imports/template',
    { schema: { 'x-permission': 'customers.manage', tags, summary: 'The customers + pakets import template (CSV or XLSX)', querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }), response: { 200: z.string() } } },
    async (request, reply) => {
      requirePermission(request);
      const example = ['Budi Santoso', '081234567890', 'Jl. Kaliurang km 7, Sleman', 'Rumahan 20 Mbps', '150000', '20', '10', 'budi@sleman', 'rahasia123', '', '2026-12-01'];
      return sendTable(reply, request.query.format, 'template-pelanggan', templateColumns.map((header, i) => ({ header, value: (row: string[]) => row[i] })), [example]);
    },
  );
  app.post(
    '/api/imports/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: { 'x-permission': 'customers.manage', tags, summary: 'What an import would do, row by row, with each row’s problems (changes nothing)', body: ImportBody, response: { 200: PlanSchema } },
    },
    async (request) => {
      const plan = await imports.preview(requirePermission(request).tenantId, request.body);
      return { ...plan, customers: plan.customers.slice(0, PREVIEW_ROWS) };
    },
  );
  app.post(
    '/api/imports/jobs',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        'x-permission': 'customers.manage',
        tags,
        summary: 'Confirm an import: queues one job that a worker imports in chunks; refused (IMPORT_HAS_ERRORS, nothing queued) while rows have problems, unless skipInvalid',
        body: ImportBody.extend({ skipInvalid: z.boolean().default(false) }).strict(),
        response: { 202: Job },
      },
    },
    async (request, reply) => reply.status(202).send(await imports.queue(requirePermission(request).tenantId, request.body)),
  );
  app.get(
    '/api/imports/jobs',
    { schema: { 'x-permission': 'customers.manage', tags, summary: 'The latest imports, newest first', querystring: z.object(pageQuery(20, 100)), response: { 200: z.array(Job) } } },
    async (request) => imports.jobs(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/imports/jobs/:jobId',
    {
      schema: {
        'x-permission': 'customers.manage',
        tags,
        summary: 'One import: its progress and counts, and the problems of its failed rows',
        params: z.object({ jobId: z.uuid() }),
        response: { 200: Job.extend({ errors: z.array(Problem).describe('the first 500, by line') }) },
      },
    },
    async (request) => {
      const { job, errors } = await imports.job(requirePermission(request).tenantId, request.params.jobId);
      return { ...job, errors };
    },
  );
};
