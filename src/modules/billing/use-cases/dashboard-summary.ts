import { sql } from 'kysely';
import { localDate, type IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { BillingContext } from '../billing.model.ts';

/** Money received from customers (the collector chain's later steps move the same money on). */
const receivedTypes = ['gateway', 'manual', 'collected_by_collector'];

export type DashboardSummary = {
  /** The tenant's local day the figures are for. */
  today: IsoDate;
  paymentsToday: { count: number; amount: number };
  unpaid: { count: number; amount: number };
};

/**
 * The dashboard's money figures, counted by the database (a big tenant's day has thousands of
 * payments; the console never sums a page of them): today's payments in the tenant's calendar
 * and what is still unpaid.
 */
export async function dashboardSummary(ctx: Pick<BillingContext, 'tenants' | 'clock'>, trx: Tx): Promise<DashboardSummary> {
  const timeZone = await ctx.tenants.timeZoneInTransaction(trx);
  const today = localDate(ctx.clock.now(), timeZone);
  const { rows } = await sql<{ payments: number; received: string; unpaid: number; owed: string }>`
    with received as (
      select count(*)::int as payments, coalesce(sum(amount), 0)::text as received from billing_payment_history
      where type = any(${receivedTypes}::text[])
        and created_at >= (${today}::date)::timestamp at time zone ${timeZone}
        and created_at < ((${today}::date + 1)::timestamp at time zone ${timeZone})
    ), unpaid as (
      select count(*)::int as unpaid, coalesce(sum(amount - paid_amount), 0)::text as owed from billing_invoices where status = 'unpaid'
    )
    select * from received, unpaid`.execute(trx);
  const r = rows[0];
  return { today, paymentsToday: { count: r.payments, amount: Number(r.received) }, unpaid: { count: r.unpaid, amount: Number(r.owed) } };
}
