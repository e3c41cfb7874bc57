import { sql } from 'kysely';
import { reserveCounter } from '../../../platform/db/counters.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { addDays, dayOfMonth, localDate, monthOf, type IsoDate } from '../../../platform/dates.ts';
import { eventRef, toInvoice, type BillingContext, type Invoice, type InvoiceRow } from '../billing.model.ts';
import { invoiceColumns } from './invoices.ts';
import { policyInTransaction } from './policy.ts';

export type GenerateInvoicesOptions = { period?: IsoDate };

/**
 * Issues this period's invoices to every active customer that has none yet (idempotent: one
 * invoice per customer per period, however often it runs). Customers activated during the
 * period pay pro rata for the days they have. Runs daily; issues from the billing day on.
 */
export async function generateInvoices(
  ctx: Pick<BillingContext, 'clock' | 'tenants' | 'publishMany'>,
  trx: Tx,
  options: GenerateInvoicesOptions = {},
): Promise<{ issued: number; period: IsoDate; invoices: Invoice[] }> {
  const { clock } = ctx;
  // One generator per tenant at a time, so numbering has no gaps and no race.
  await sql`select pg_advisory_xact_lock(hashtext('billing.generate:' || app_tenant_id()::text))`.execute(trx);
  const policy = await policyInTransaction(ctx, trx);
  const today = localDate(clock.now(), await ctx.tenants.timeZoneInTransaction(trx));
  const period = options.period ?? monthOf(today);
  const issueDate = dayOfMonth(period, policy.billingDay);
  if (!options.period && today < issueDate) return { issued: 0, period, invoices: [] };
  const dueDate = addDays(issueDate, policy.dueDays);
  const lastDay = addDays(monthOf(addDays(period, 32)), -1);

  const candidates = sql`
    select c.customer_id, c.plan_name, c.monthly_price, c.activated_on,
           row_number() over (order by c.code) as n
    from customers_billable c
    where c.activated_on <= ${lastDay}::date
      and not exists (select 1 from billing_invoices i where i.customer_id = c.customer_id and i.period = ${period}::date)`;
  const { rows: counted } = await sql<{ count: number }>`select count(*)::int as count from (${candidates}) x`.execute(trx);
  const count = counted[0].count;
  if (count === 0) return { issued: 0, period, invoices: [] };
  const yearMonth = period.slice(0, 7).replace('-', '/');
  const first = await reserveCounter(trx, `invoice:${period.slice(0, 4)}`, count);
  const { rows } = await sql<InvoiceRow>`
    insert into billing_invoices (id, tenant_id, number, customer_id, period, issue_date, due_date, amount, description, created_at)
    select gen_random_uuid(), app_tenant_id(),
           ${`INV/${yearMonth}/`} || lpad((${first} + n - 1)::text, 5, '0'),
           customer_id, ${period}::date, ${issueDate}::date, ${dueDate}::date,
           case when activated_on <= ${period}::date then monthly_price
                else round(monthly_price * (${lastDay}::date - activated_on + 1)::numeric
                           / extract(day from ${lastDay}::date))::bigint end,
           plan_name || ' ' || ${yearMonth} ||
             case when activated_on > ${period}::date then ' (prorata dari ' || to_char(activated_on, 'DD/MM') || ')' else '' end,
           ${clock.now()}
    from (${candidates}) c
    returning ${invoiceColumns}`.execute(trx);
  const issued = rows.map(toInvoice);
  await ctx.publishMany(
    trx,
    'billing.invoice.issued',
    issued.map((i) => ({ data: { ...eventRef(i), period: i.period }, key: i.customerId })),
  );
  return { issued: issued.length, period, invoices: issued };
}
