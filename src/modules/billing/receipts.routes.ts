import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { requirePermission } from '../identity/index.ts';
import type { BillingService } from './billing.service.ts';
import { receiptPapers, renderReceiptHtml, renderVerifyHtml } from './receipt-html.ts';

const ReceiptNumber = z.string().regex(/^KW-\d{6,}$/, 'a receipt number (KW-000001)');
const ReceiptSchema = z.object({
  number: z.string(),
  issuedAt: z.coerce.date(),
  isp: z.object({ name: z.string(), address: z.string(), slug: z.string() }),
  customer: z.object({ id: z.string(), name: z.string().nullable(), code: z.string().nullable(), phone: z.string().nullable() }),
  invoice: z.object({
    id: z.string(),
    number: z.string(),
    period: z.string(),
    amount: z.number().int(),
    paidAmount: z.number().int(),
    remaining: z.number().int(),
    status: z.string(),
  }),
  amount: z.number().int(),
  amountInWords: z.string(),
  method: z.string(),
  staffName: z.string().nullable(),
  verifyPath: z.string(),
  whatsappUrl: z.string().nullable(),
});

/** Receipts (kuitansi): JSON for the console, printable pages (58 mm, 80 mm, A4), the public check behind the QR code. */
export const receiptsRoutes = (billing: BillingService) => async (app: HttpServer) => {
  app.get(
    '/api/invoices/:invoiceId/receipts',
    {
      schema: {
        'x-permission': 'billing.read',
        tags: ['billing'],
        summary: 'Receipts of an invoice, one per payment, oldest first',
        params: z.object({ invoiceId: z.uuid() }),
        querystring: z.object(pageQuery(100, 500)),
        response: { 200: z.array(ReceiptSchema) },
      },
    },
    async (request) => billing.receiptsOfInvoice(requirePermission(request).tenantId, request.params.invoiceId, request.query),
  );
  app.get(
    '/api/receipts/:number',
    { schema: { 'x-permission': 'billing.read', tags: ['billing'], summary: 'One receipt', params: z.object({ number: ReceiptNumber }), response: { 200: ReceiptSchema } } },
    async (request) => (await billing.getReceipt(requirePermission(request).tenantId, request.params.number)).receipt,
  );
  app.get(
    '/api/receipts/:number/print',
    {
      schema: {
        'x-permission': 'billing.read',
        tags: ['billing'],
        summary: 'A receipt as a printable HTML page: 58 mm or 80 mm thermal paper, or A4',
        params: z.object({ number: ReceiptNumber }),
        querystring: z.object({ paper: z.enum(receiptPapers).default('80') }),
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const { receipt, timeZone } = await billing.getReceipt(requirePermission(request).tenantId, request.params.number);
      const html = await renderReceiptHtml(receipt, request.query.paper, `${request.protocol}://${request.host}`, timeZone);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
  // The QR code's address: public, limited per address, and it answers "valid" with only what the paper shows.
  app.get(
    '/p/:slug/receipt/:number',
    {
      schema: {
        tags: ['billing'],
        summary: 'Public check of a receipt (the QR code on it)',
        security: [],
        params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,40}$/), number: z.string().max(40) }),
        querystring: z.object({ sig: z.string().max(100).default('') }),
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const result = await billing.verifyReceipt({ ...request.params, sig: request.query.sig });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderVerifyHtml(result));
    },
  );
};
