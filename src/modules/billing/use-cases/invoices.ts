import { sql } from 'kysely';
import type { Page } from '../../../platform/http/pagination.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { customerLabel, eventRef, toInvoice, type BillingContext, type CustomerLabelRow, type Invoice, type InvoiceRow, type InvoiceStatus } from '../billing.model.ts';
import { addHistory, invoiceHistory } from './payment-history.ts';

/** The columns of an `InvoiceRow`, dates as ISO text: for raw statements that return invoices. */
export const invoiceColumns = sql`id, number, customer_id, to_char(period, 'YYYY-MM-DD') as period,
  to_char(issue_date, 'YYYY-MM-DD') as issue_date, to_char(due_date, 'YYYY-MM-DD') as due_date,
  amount, paid_amount, description, status, stage, paid_at, void_reason`;

export type ListInvoicesOptions = { status?: InvoiceStatus; customerId?: string; search?: string; limit: number; offset: number };

/**
 * Counting stops here: a big tenant's 200,000 invoices are not counted for every page. Up to this
 * many matching invoices the list's total is exact; beyond, it answers `totalIsAtLeast`.
 */
export const invoiceCountLimit = 10_000;

/** A page of invoices, latest due first, each with its customer's name and code. */
export async function listInvoices(trx: Tx, filter: ListInvoicesOptions) {
  const search = filter.search?.trim();
  const like = search ? `%${search.replace(/[%_\\]/g, '\\$&')}%` : null;
  // Search: the invoice number, or the customer's name or code (the customers module's published
  // search); both through security-definer functions whose trigram indexes row-level security
  // would keep from a plain `ilike` (migrations …T0300, 20261210T0101 and …T0102). Arrays, so
  // both sides are index scans of billing_invoices joined in one bitmap.
  const where = sql`${filter.status ? sql`status = ${filter.status}` : sql`true`}
    and ${filter.customerId ? sql`customer_id = ${filter.customerId}` : sql`true`}
    and ${
      like
        ? sql`(customer_id = any(array(select customers_labels_search_ids(${like}))) or id = any(array(select billing_invoices_number_search_ids(${like}))))`
        : sql`true`
    }`;
  // Under row-level security the planner misjudges this list: it expects the policies to keep a
  // quarter of the rows and counts each row's `app_tenant_id()` as free, so for a deep page it reads
  // and sorts every invoice of the tenant (~1.4 s at 200,000) where the list's index answers in
  // order (~90 ms). So the page's ids (the whole list, or one status) come from walking an index in
  // order; a search or one customer's invoices (a few rows to sort) is left to the planner, and so
  // is reading the page's rows (undone before).
  const walkIndex = !like && !filter.customerId;
  const planner = (on: boolean) => sql`select set_config('enable_seqscan', ${on ? 'on' : 'off'}, true), set_config('enable_sort', ${on ? 'on' : 'off'}, true)`.execute(trx);
  if (walkIndex) await planner(false);
  const [{ rows: page }, { rows: [{ n: counted }] }] = await Promise.all([
    sql<{ id: string }>`select id from billing_invoices where ${where} order by due_date desc, number desc limit ${filter.limit} offset ${filter.offset}`.execute(trx),
    sql<{ n: number }>`select count(*)::int as n from (select from billing_invoices where ${where} limit ${invoiceCountLimit + 1}) s`.execute(trx),
  ]);
  if (walkIndex) await planner(true);
  // Then only the page's rows, names from the customers module's read model (every customer, whatever their status).
  const { rows } = await sql<InvoiceRow & CustomerLabelRow>`select i.*, c.name as customer_name, c.code as customer_code
    from (select ${invoiceColumns} from billing_invoices where id = any(${page.map((r) => r.id)}::uuid[])) i
    left join customers_labels c on c.customer_id = i.customer_id
    order by i.due_date desc, i.number desc`.execute(trx);
  // Past the counted ones, a page still tells how many there are at least (up to its own last
  // invoice), and exactly when it is the last page (shorter than asked).
  const lastPage = rows.length > 0 && rows.length < filter.limit;
  const total = counted <= invoiceCountLimit ? counted : Math.max(invoiceCountLimit, filter.offset + rows.length);
  return { items: rows.map((r) => ({ ...toInvoice(r), ...customerLabel(r) })), total, totalIsAtLeast: counted > invoiceCountLimit && !lastPage };
}

/** One invoice, or NOT_FOUND; `lock` holds its row until the transaction ends. */
export async function getInvoiceInTransaction(trx: Tx, invoiceId: string, options: { lock?: boolean } = {}): Promise<Invoice> {
  const { rows } = await sql<InvoiceRow>`
    select ${invoiceColumns} from billing_invoices where id = ${invoiceId} ${options.lock ? sql`for update` : sql``}`.execute(trx);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'No such invoice.');
  return toInvoice(rows[0]);
}

/** An invoice with its money history and what the billing screen needs to offer "unisolate". */
export async function getInvoice(ctx: Pick<BillingContext, 'isolation'>, trx: Tx, invoiceId: string, page: Page) {
  const invoice = await getInvoiceInTransaction(trx, invoiceId);
  // Partial collections (cicilan) and rejections add lines without end: the history is paged, oldest first.
  const history = await invoiceHistory(trx, invoiceId, page);
  const { n: historyTotal } = await trx.selectFrom('billing_payment_history').select((eb) => eb.fn.countAll<number>().as('n')).where('invoice_id', '=', invoiceId).executeTakeFirstOrThrow();
  const line = (await ctx.isolation.linesInTransaction(trx, [invoice.customerId])).get(invoice.customerId) ?? null;
  return {
    ...invoice,
    history,
    historyTotal: Number(historyTotal),
    customerLine: line ? { desiredState: line.desiredState, restoreEligible: line.restoreEligible } : { desiredState: 'active' as const, restoreEligible: false },
  };
}

export type VoidInvoiceOptions = { actorUserId: string; invoiceId: string; reason: string };

/** Voids an unpaid invoice (anything else is a CONFLICT), with a history line and an event. */
export async function voidInvoice(ctx: Pick<BillingContext, 'clock' | 'publish'>, trx: Tx, { actorUserId, invoiceId, reason }: VoidInvoiceOptions) {
  const invoice = await getInvoiceInTransaction(trx, invoiceId, { lock: true });
  if (invoice.status !== 'unpaid') {
    throw new AppError('CONFLICT', `Only an unpaid invoice can be voided; this one is ${invoice.status}.`);
  }
  await trx.updateTable('billing_invoices').set({ status: 'void', void_reason: reason }).where('id', '=', invoiceId).execute();
  await addHistory(ctx, trx, invoice, { type: 'voided', amount: 0, actorUserId, reference: reason });
  await ctx.publish(trx, 'billing.invoice.voided', { ...eventRef(invoice), reason }, { key: invoice.customerId });
  return getInvoiceInTransaction(trx, invoiceId);
}
