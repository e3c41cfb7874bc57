import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { sendTable } from '../../platform/http/tabular.ts';
import { requirePermission } from '../identity/index.ts';
import { importSources } from './imports.model.ts';
import type { ImportsService } from './imports.service.ts';
import { templateColumns } from './parsers/table.ts';

const IMPORT_BODY_LIMIT_BYTES = 25 * 1024 * 1024; // a 10,000-secret export is ~1.5 MB; XLSX arrives base64
const ImportBody = z
  .object({
    source: z.enum(importSources),
    content: z.string().min(1, 'the file is empty').describe('the file: text for routeros / phpnuxbill / csv, base64 for xlsx'),
    mode: z.enum(['skip', 'update']).default('skip').describe('customers that already exist (same PPPoE username): skip them or update them'),
    prices: z.record(z.string(), z.number().int('rupiah has no fractions').positive()).default({}).describe('monthly price per new paket (RouterOS profiles carry none)'),
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
  errors: z.array(Problem),
  warnings: z.array(Problem),
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
    '/api/imports/run',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        'x-permission': 'customers.manage',
        tags,
        summary: 'Import in one transaction; refused (IMPORT_HAS_ERRORS) while rows have problems, unless skipInvalid',
        body: ImportBody.extend({ skipInvalid: z.boolean().default(false) }).strict(),
        response: {
          200: z.object({ paketsCreated: z.number().int(), customersCreated: z.number().int(), customersUpdated: z.number().int(), customersSkipped: z.number().int(), invalidRowsSkipped: z.number().int() }),
        },
      },
    },
    async (request) => imports.run(requirePermission(request).tenantId, request.body),
  );
};
