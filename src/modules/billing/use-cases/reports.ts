import { sql } from 'kysely';
import { localDate, type IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { Page } from '../../../platform/http/pagination.ts';
import type { BillingContext } from '../billing.model.ts';

/**
 * Money desk reports from billing's own tables, in the tenant's calendar (days and months are
 * local: a payment at 23:30 WIB counts on that WIB day).
 */
export type IncomeReportOptions = { from: IsoDate; to: IsoDate; groupBy: 'day' | 'month'; /** A page of the lines; none: every line (the export). */ page?: Page };
export type IncomeRow = { period: string; method: string; staffUserId: string | null; staffName: string | null; payments: number; amount: number };

/**
 * Income of a period: its lines (period × method × staff) a page at a time, in that order, with
 * `lines` counting all of them; the totals (per period, method and staff, and overall) are summed
 * by the database over the whole period, whatever the page.
 */
const largestFirst = (totals: { key: string; payments: number; amount: number }[]) => totals.sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));

export async function incomeReport(ctx: Pick<BillingContext, 'tenants' | 'staffNames'>, trx: Tx, { from, to, groupBy, page }: IncomeReportOptions) {
  const timeZone = await ctx.tenants.timeZoneInTransaction(trx);
  const format = groupBy === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM';
  // The period's payments, each with its local period: the lines and the totals group these.
  const paid = sql`(select to_char(received_at at time zone ${timeZone}, ${format}) as period, method, recorded_by as staff, amount
    from billing_payments
    where received_at >= (${from}::date)::timestamp at time zone ${timeZone}
      and received_at < ((${to}::date + 1)::timestamp at time zone ${timeZone})) p`;
  const { rows } = await sql<{ period: string; method: string; staff: string | null; payments: number; amount: string }>`
    select period, method, staff, count(*)::int as payments, sum(amount)::text as amount
    from ${paid}
    group by period, method, staff order by period, method, staff nulls first
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`.execute(trx);
  // One pass for every total: grouping sets, told apart by grouping() (1 = that column summed over);
  // the grand-total row also counts the lines.
  const { rows: sums } = await sql<{ period: string | null; method: string | null; staff: string | null; g_period: number; g_method: number; g_staff: number; payments: number; amount: string; lines: number }>`
    select period, method, staff, grouping(period)::int as g_period, grouping(method)::int as g_method, grouping(staff)::int as g_staff,
      count(*)::int as payments, coalesce(sum(amount), 0)::text as amount, count(distinct (period, method, staff))::int as lines
    from ${paid}
    group by grouping sets ((period), (method), (staff), ())
    order by period, method, staff nulls first`.execute(trx);
  const staffIds = new Set([...rows, ...sums].flatMap((r) => (r.staff ? [r.staff] : [])));
  const names = await ctx.staffNames(trx, [...staffIds]);
  const staffName = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const items: IncomeRow[] = rows.map((r) => ({ period: r.period, method: r.method, staffUserId: r.staff, staffName: staffName(r.staff), payments: r.payments, amount: Number(r.amount) }));
  const totalsOf = (pick: (r: (typeof sums)[number]) => boolean, key: (r: (typeof sums)[number]) => string) => {
    // Two staff without a name (or the system) share the 'Sistem' key, as the console shows them.
    const m = new Map<string, { payments: number; amount: number }>();
    for (const r of sums.filter(pick)) {
      const t = m.get(key(r)) ?? { payments: 0, amount: 0 };
      t.payments += r.payments;
      t.amount += Number(r.amount);
      m.set(key(r), t);
    }
    return [...m].map(([k, v]) => ({ key: k, ...v }));
  };
  const all = sums.find((r) => r.g_period === 1 && r.g_method === 1 && r.g_staff === 1);
  return {
    from,
    to,
    groupBy,
    lines: all?.lines ?? 0,
    items,
    byPeriod: totalsOf((r) => r.g_period === 0, (r) => r.period!),
    // Methods and staff: the largest amount first (then by name), so the order means something.
    byMethod: largestFirst(totalsOf((r) => r.g_method === 0, (r) => r.method!)),
    byStaff: largestFirst(totalsOf((r) => r.g_staff === 0, (r) => staffName(r.staff) ?? 'Sistem')),
    total: Number(all?.amount ?? 0),
  };
}

export const agingBuckets = ['0-30', '31-60', '61-90', '>90'] as const;
export type AgingBucket = (typeof agingBuckets)[number];
const bucketOf = (days: number): AgingBucket => (days <= 30 ? '0-30' : days <= 60 ? '31-60' : days <= 90 ? '61-90' : '>90');

export type AgingCustomer = { customerId: string; customerName: string | null; customerCode: string | null; invoices: number; amount: number; oldestDays: number; bucket: AgingBucket };

/**
 * Arrears aging on a day (today by default): every invoice due on or before it that still has
 * something remaining, by days past due; a customer sits in the bucket of their oldest invoice.
 */
export async function agingReport(ctx: Pick<BillingContext, 'clock' | 'tenants'>, trx: Tx, options: { asOf?: IsoDate }) {
  const asOf = options.asOf ?? localDate(ctx.clock.now(), await ctx.tenants.timeZoneInTransaction(trx));
  const { rows } = await sql<{ customer_id: string; name: string | null; code: string | null; days: number; remaining: string }>`
    select i.customer_id, c.name, c.code, (${asOf}::date - i.due_date)::int as days, (i.amount - i.paid_amount)::text as remaining
    from billing_invoices i
    left join customers_billable c on c.customer_id = i.customer_id
    where i.status in ('unpaid', 'awaiting_setoran') and i.due_date <= ${asOf}::date and i.amount > i.paid_amount
    order by i.customer_id`.execute(trx);
  const buckets = agingBuckets.map((bucket) => ({ bucket, invoices: 0, customers: 0, amount: 0 }));
  const customers = new Map<string, AgingCustomer>();
  for (const r of rows) {
    const b = buckets.find((x) => x.bucket === bucketOf(r.days))!;
    b.invoices += 1;
    b.amount += Number(r.remaining);
    const c = customers.get(r.customer_id) ?? { customerId: r.customer_id, customerName: r.name, customerCode: r.code, invoices: 0, amount: 0, oldestDays: 0, bucket: '0-30' };
    c.invoices += 1;
    c.amount += Number(r.remaining);
    c.oldestDays = Math.max(c.oldestDays, r.days);
    c.bucket = bucketOf(c.oldestDays);
    customers.set(r.customer_id, c);
  }
  for (const c of customers.values()) buckets.find((x) => x.bucket === c.bucket)!.customers += 1;
  const list = [...customers.values()].sort((a, b) => b.oldestDays - a.oldestDays || b.amount - a.amount || a.customerId.localeCompare(b.customerId));
  return { asOf, buckets, customers: list, total: buckets.reduce((s, b) => s + b.amount, 0) };
}

export type PaymentsPageOptions = { from?: IsoDate; to?: IsoDate; method?: string; offset: number; limit: number };
export type PaymentListRow = {
  receiptNumber: string | null;
  receivedAt: Date;
  invoiceNumber: string;
  customerCode: string | null;
  customerName: string | null;
  amount: number;
  method: string;
  provider: string | null;
  staffName: string | null;
};

/** Payments (with their receipt numbers) oldest first, one page: for the payments export. */
export async function paymentsPage(ctx: Pick<BillingContext, 'tenants' | 'staffNames'>, trx: Tx, o: PaymentsPageOptions): Promise<PaymentListRow[]> {
  const timeZone = await ctx.tenants.timeZoneInTransaction(trx);
  const { rows } = await sql<{ number: string | null; received_at: Date; invoice_number: string; code: string | null; name: string | null; amount: string; method: string; provider: string | null; recorded_by: string | null }>`
    select r.number, p.received_at, i.number as invoice_number, c.code, c.name, p.amount::text as amount, p.method, p.provider, p.recorded_by
    from billing_payments p
    join billing_invoices i on i.id = p.invoice_id
    left join billing_receipts r on r.payment_id = p.id
    left join customers_billable c on c.customer_id = i.customer_id
    where ${o.from ? sql`p.received_at >= (${o.from}::date)::timestamp at time zone ${timeZone}` : sql`true`}
      and ${o.to ? sql`p.received_at < ((${o.to}::date + 1)::timestamp at time zone ${timeZone})` : sql`true`}
      and ${o.method ? sql`p.method = ${o.method}` : sql`true`}
    order by p.received_at, p.id limit ${o.limit} offset ${o.offset}`.execute(trx);
  const names = await ctx.staffNames(trx, [...new Set(rows.flatMap((r) => (r.recorded_by ? [r.recorded_by] : [])))]);
  return rows.map((r) => ({
    receiptNumber: r.number,
    receivedAt: r.received_at,
    invoiceNumber: r.invoice_number,
    customerCode: r.code,
    customerName: r.name,
    amount: Number(r.amount),
    method: r.method,
    provider: r.provider,
    staffName: r.recorded_by ? (names.get(r.recorded_by) ?? null) : null,
  }));
}
