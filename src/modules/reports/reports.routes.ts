import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { paged, sendTable, tableFormats, type TableColumn } from '../../platform/http/tabular.ts';
import type { BillingService } from '../billing/index.ts';
import { customerStatuses, type CustomersService } from '../customers/index.ts';
import { requirePermission } from '../identity/index.ts';
import type { ReportsService } from './reports.service.ts';

const IsoDate = z.iso.date();
const Range = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
const RangeChecked = <T extends z.ZodType<{ from?: string; to?: string }>>(s: T) =>
  s.refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'from must not be after to', path: ['from'] });
const Format = z.object({ format: z.enum(tableFormats) });
const FileResponse = { 200: z.string().describe('the CSV or XLSX file') };
const Totals = z.array(z.object({ key: z.string(), payments: z.number().int(), amount: z.number().int() }));
const IncomeQuery = RangeChecked(Range.extend({ groupBy: z.enum(['day', 'month']).default('day'), ...pageQuery(500, 5000) }));
const IncomeSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['day', 'month']),
  lines: z.number().int().describe('How many lines the whole period has (items is a page of them)'),
  items: z.array(z.object({ period: z.string(), method: z.string(), staffUserId: z.string().nullable(), staffName: z.string().nullable(), payments: z.number().int(), amount: z.number().int() })),
  byPeriod: Totals,
  byMethod: Totals,
  byStaff: Totals,
  total: z.number().int(),
});
const AgingBucket = z.enum(['0-30', '31-60', '61-90', '>90']);
const AgingSchema = z.object({
  asOf: z.string(),
  buckets: z.array(z.object({ bucket: AgingBucket, invoices: z.number().int(), customers: z.number().int(), amount: z.number().int() })),
  customers: z.array(
    z.object({ customerId: z.string(), customerName: z.string().nullable(), customerCode: z.string().nullable(), invoices: z.number().int(), amount: z.number().int(), oldestDays: z.number().int(), bucket: AgingBucket }),
  ),
  total: z.number().int(),
});
const IsolationSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ day: z.string(), isolated: z.number().int(), restored: z.number().int() })),
  isolatedNow: z.number().int(),
  isolated: z.number().int(),
  restored: z.number().int(),
});
const CustomersReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.object({ month: z.string(), added: z.number().int() })),
  active: z.number().int(),
  suspended: z.number().int(),
  terminated: z.number().int(),
});
const WhatsappSchema = z.object({ from: z.string(), to: z.string(), months: z.array(z.object({ month: z.string(), sent: z.number().int() })), sent: z.number().int() });

type Income = z.infer<typeof IncomeSchema>['items'][number];
type Aging = z.infer<typeof AgingSchema>['customers'][number];
const incomeColumns: TableColumn<Income>[] = [
  { header: 'Periode', value: (r) => r.period },
  { header: 'Metode', value: (r) => r.method },
  { header: 'Petugas', value: (r) => r.staffName ?? 'Sistem', width: 20 },
  { header: 'Jumlah pembayaran', value: (r) => r.payments },
  { header: 'Nominal (Rp)', value: (r) => r.amount, width: 14 },
];
const agingColumns: TableColumn<Aging>[] = [
  { header: 'Kode', value: (r) => r.customerCode },
  { header: 'Pelanggan', value: (r) => r.customerName, width: 24 },
  { header: 'Umur (hari)', value: (r) => r.oldestDays },
  { header: 'Kelompok', value: (r) => r.bucket },
  { header: 'Tagihan', value: (r) => r.invoices },
  { header: 'Tunggakan (Rp)', value: (r) => r.amount, width: 14 },
];

/** Reports (JSON for the console's charts, each also as CSV/XLSX) and the list exports, streamed. */
export const reportsRoutes = (reports: ReportsService, billing: BillingService, customers: CustomersService) => async (app: HttpServer) => {
  const tags = ['reports'];
  app.get('/api/reports/income', { schema: { 'x-permission': 'billing.read', tags, summary: 'Income per day or month, by method and by staff: a page of the lines (period, method, staff), the totals over the whole period', querystring: IncomeQuery, response: { 200: IncomeSchema } } }, async (request) =>
    reports.income(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/reports/income/export',
    { schema: { 'x-permission': 'billing.read', tags, summary: 'The income report as CSV or XLSX', querystring: RangeChecked(Range.extend({ groupBy: z.enum(['day', 'month']).default('day'), ...Format.shape })), response: FileResponse } },
    async (request, reply) => {
      const r = await reports.income(requirePermission(request).tenantId, request.query);
      return sendTable(reply, request.query.format, `pendapatan-${r.from}-${r.to}`, incomeColumns, r.items);
    },
  );
  const AsOf = z.object({ asOf: IsoDate.optional() });
  app.get(
    '/api/reports/aging',
    {
      schema: {
        'x-permission': 'billing.read',
        tags,
        summary: 'Arrears aging: 0–30, 31–60, 61–90, over 90 days past due; buckets and total over every customer, a page of the customers (oldest debt first; customersTotal: all of them)',
        querystring: AsOf.extend(pageQuery(200, 1000)),
        response: { 200: AgingSchema.extend({ customersTotal: z.number().int() }) },
      },
    },
    async (request) => {
      // The buckets need every open invoice anyway; only the per-customer lines are paged.
      const r = await reports.aging(requirePermission(request).tenantId, request.query.asOf);
      return { ...r, customers: r.customers.slice(request.query.offset, request.query.offset + request.query.limit), customersTotal: r.customers.length };
    },
  );
  app.get(
    '/api/reports/aging/export',
    { schema: { 'x-permission': 'billing.read', tags, summary: 'The aging report (one row per customer) as CSV or XLSX', querystring: AsOf.extend(Format.shape), response: FileResponse } },
    async (request, reply) => {
      const r = await reports.aging(requirePermission(request).tenantId, request.query.asOf);
      return sendTable(reply, request.query.format, `tunggakan-${r.asOf}`, agingColumns, r.customers);
    },
  );
  app.get('/api/reports/isolation', { schema: { 'x-permission': 'billing.read', tags, summary: 'Isolations and restorations per day', querystring: RangeChecked(Range), response: { 200: IsolationSchema } } }, async (request) =>
    reports.isolation(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/reports/isolation/export',
    { schema: { 'x-permission': 'billing.read', tags, summary: 'Isolation counts as CSV or XLSX', querystring: RangeChecked(Range.extend(Format.shape)), response: FileResponse } },
    async (request, reply) => {
      const r = await reports.isolation(requirePermission(request).tenantId, request.query);
      return sendTable(reply, request.query.format, `isolir-${r.from}-${r.to}`, [
        { header: 'Tanggal', value: (d: (typeof r.days)[number]) => d.day },
        { header: 'Diisolir', value: (d) => d.isolated },
        { header: 'Dipulihkan', value: (d) => d.restored },
      ], r.days);
    },
  );
  app.get('/api/reports/customers', { schema: { 'x-permission': 'customers.read', tags, summary: 'New customers per month; active, suspended (isolated) and terminated now', querystring: RangeChecked(Range), response: { 200: CustomersReportSchema } } }, async (request) =>
    reports.customers(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/reports/customers/export',
    { schema: { 'x-permission': 'customers.read', tags, summary: 'New customers per month as CSV or XLSX', querystring: RangeChecked(Range.extend(Format.shape)), response: FileResponse } },
    async (request, reply) => {
      const r = await reports.customers(requirePermission(request).tenantId, request.query);
      return sendTable(reply, request.query.format, `pelanggan-${r.from}-${r.to}`, [
        { header: 'Bulan', value: (m: (typeof r.months)[number]) => m.month },
        { header: 'Pelanggan baru', value: (m) => m.added },
      ], r.months);
    },
  );
  app.get('/api/reports/whatsapp', { schema: { 'x-permission': 'notifications.read', tags, summary: 'WhatsApp messages sent per month', querystring: RangeChecked(Range), response: { 200: WhatsappSchema } } }, async (request) =>
    reports.whatsapp(requirePermission(request).tenantId, request.query),
  );
  app.get(
    '/api/reports/whatsapp/export',
    { schema: { 'x-permission': 'notifications.read', tags, summary: 'WhatsApp usage as CSV or XLSX', querystring: RangeChecked(Range.extend(Format.shape)), response: FileResponse } },
    async (request, reply) => {
      const r = await reports.whatsapp(requirePermission(request).tenantId, request.query);
      return sendTable(reply, request.query.format, `whatsapp-${r.from}-${r.to}`, [
        { header: 'Bulan', value: (m: (typeof r.months)[number]) => m.month },
        { header: 'Pesan terkirim', value: (m) => m.sent },
      ], r.months);
    },
  );

  // List exports with the lists' own filters, streamed page by page (50,000 rows stay small in memory).
  app.get(
    '/api/exports/customers',
    {
      schema: {
        'x-permission': 'customers.read',
        tags,
        summary: 'Customers (the list with its filters) as CSV or XLSX',
        querystring: Format.extend({ search: z.string().trim().max(100).optional(), planId: z.uuid().optional(), status: z.enum(customerStatuses).optional() }),
        response: FileResponse,
      },
    },
    async (request, reply) => {
      const { tenantId } = requirePermission(request);
      const { format, ...filter } = request.query;
      const rows = paged(async (offset, limit) => (await customers.list(tenantId, { ...filter, offset, limit })).items);
      // A tenant has a handful of plans: read their names once, before the pages stream.
      const planNames = await reports.planNames(tenantId);
      type C = Awaited<ReturnType<CustomersService['list']>>['items'][number];
      const columns: TableColumn<C>[] = [
        { header: 'Kode', value: (c) => c.code },
        { header: 'Nama', value: (c) => c.name, width: 24 },
        { header: 'Telepon', value: (c) => c.phone, width: 16 },
        { header: 'Alamat', value: (c) => c.address ?? null, width: 30 },
        { header: 'Paket', value: (c) => planNames.get(c.planId) ?? c.planId },
        { header: 'Koneksi', value: (c) => c.connectionType },
        { header: 'PPPoE', value: (c) => c.pppoeUsername ?? null, width: 18 },
        { header: 'IP', value: (c) => c.ipAddress ?? null },
        { header: 'Aktif sejak', value: (c) => c.activatedOn },
        { header: 'Status', value: (c) => c.status },
      ];
      return sendTable(reply, format, 'pelanggan', columns, rows);
    },
  );
  app.get(
    '/api/exports/invoices',
    {
      schema: {
        'x-permission': 'billing.read',
        tags,
        summary: 'Invoices (the list with its filters) as CSV or XLSX',
        querystring: Format.extend({ status: z.enum(['unpaid', 'awaiting_setoran', 'setoran_confirmed', 'paid', 'void']).optional(), customerId: z.uuid().optional(), search: z.string().trim().max(100).optional() }),
        response: FileResponse,
      },
    },
    async (request, reply) => {
      const { tenantId } = requirePermission(request);
      const { format, ...filter } = request.query;
      const rows = paged(async (offset, limit) => (await billing.listInvoices(tenantId, { ...filter, offset, limit })).items);
      type I = Awaited<ReturnType<BillingService['listInvoices']>>['items'][number];
      const columns: TableColumn<I>[] = [
        { header: 'Nomor', value: (i) => i.number, width: 18 },
        { header: 'Kode pelanggan', value: (i) => i.customerCode },
        { header: 'Pelanggan', value: (i) => i.customerName, width: 24 },
        { header: 'Periode', value: (i) => i.period },
        { header: 'Jatuh tempo', value: (i) => i.dueDate },
        { header: 'Nominal (Rp)', value: (i) => i.amount },
        { header: 'Dibayar (Rp)', value: (i) => i.paidAmount },
        { header: 'Sisa (Rp)', value: (i) => i.remaining },
        { header: 'Status', value: (i) => i.status },
      ];
      return sendTable(reply, format, 'tagihan', columns, rows);
    },
  );
  app.get(
    '/api/exports/payments',
    {
      schema: {
        'x-permission': 'billing.read',
        tags,
        summary: 'Payments with their receipt numbers, in a date range, as CSV or XLSX',
        querystring: RangeChecked(Range.extend({ method: z.enum(['cash', 'transfer', 'gateway', 'collector']).optional(), ...Format.shape })),
        response: FileResponse,
      },
    },
    async (request, reply) => {
      const { tenantId } = requirePermission(request);
      const { format, ...filter } = request.query;
      const rows = paged((offset, limit) => billing.paymentsPage(tenantId, { ...filter, offset, limit }));
      type P = Awaited<ReturnType<BillingService['paymentsPage']>>[number];
      const columns: TableColumn<P>[] = [
        { header: 'Kuitansi', value: (p) => p.receiptNumber },
        { header: 'Diterima', value: (p) => p.receivedAt, width: 22 },
        { header: 'Tagihan', value: (p) => p.invoiceNumber, width: 18 },
        { header: 'Kode pelanggan', value: (p) => p.customerCode },
        { header: 'Pelanggan', value: (p) => p.customerName, width: 24 },
        { header: 'Nominal (Rp)', value: (p) => p.amount },
        { header: 'Metode', value: (p) => p.method },
        { header: 'Penyedia', value: (p) => p.provider },
        { header: 'Petugas', value: (p) => p.staffName, width: 20 },
      ];
      return sendTable(reply, format, 'pembayaran', columns, rows);
    },
  );
};
