import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { localDate, type IsoDate } from '../../../platform/dates.ts';
import { eventRef, sqlDate, stagesIsolatingUnder, toInvoice, type BillingContext, type Invoice, type InvoiceRow, type InvoiceStage } from '../billing.model.ts';
import { invoiceColumns } from './invoices.ts';
import { policyInTransaction } from './policy.ts';

export type DailyScanResult = {
  today: IsoDate;
  dueUnpaid: number;
  overdue: number;
  graceExpired: number;
  isolated: number;
  /** Who this scan isolated, and why (the preview shows them before anything happens). */
  isolatedLines: { customerId: string; invoiceId: string | null; reason: string }[];
  skippedIsolation: string | null;
};

const stages: InvoiceStage[] = ['issued', 'due_unpaid', 'overdue', 'grace_expired'];
const rank = (stage: InvoiceStage) => stages.indexOf(stage);
const stageRank = (stage: RawBuilder<unknown>) => sql`array_position(${sql.val(stages)}::text[], ${stage})`;

/**
 * One tenant's daily scan (auto_isolir_worker), in its local day: moves unpaid invoices through
 * due → overdue → grace expired (each step announced once, even after days of downtime), and
 * isolates the customers the tenant's trigger makes eligible, unless today is an exclusion date.
 * Set-based: a handful of statements whatever the number of customers.
 */
export async function runDailyScan(ctx: BillingContext, trx: Tx): Promise<DailyScanResult> {
  const policy = await policyInTransaction(ctx, trx);
  const today = localDate(ctx.clock.now(), await ctx.tenants.timeZoneInTransaction(trx));
  // One pass over the tenant's past-due unpaid invoices takes each to the furthest stage its due
  // date has reached today, never back: after days of downtime an invoice goes issued → grace
  // expired in one scan, and still announces each stage it passed.
  const { rows } = await sql<InvoiceRow & { from_stage: InvoiceStage }>`
    with reached as (
      select id as invoice_id, stage as from_stage,
             case when due_date <= ${today}::date - (1 + ${Number(policy.graceDays)}) then 'grace_expired'
                  when due_date <= ${today}::date - 1 then 'overdue'
                  else 'due_unpaid' end as to_stage
      from billing_invoices
      where status = 'unpaid' and stage <> 'grace_expired' and due_date <= ${today}::date
    )
    update billing_invoices set stage = r.to_stage
    from reached r
    where id = r.invoice_id and ${stageRank(sql`r.to_stage`)} > ${stageRank(sql`r.from_stage`)}
    returning ${invoiceColumns}, r.from_stage`.execute(trx);
  const passed = (stage: InvoiceStage) =>
    rows.filter((r) => rank(r.from_stage) < rank(stage) && rank(r.stage) >= rank(stage)).map(toInvoice);
  const dueUnpaid = passed('due_unpaid');
  const overdue = passed('overdue');
  const graceExpired = passed('grace_expired');

  const excluded = await trx.selectFrom('billing_isolation_exclusions').select('reason').where('day', '=', sqlDate(today)).execute();
  let isolatedNow: { customerId: string; invoiceId: string | null; reason: string }[] = [];
  if (policy.autoIsolate && excluded.length === 0) {
    const eligible = await trx
      .selectFrom('billing_invoices')
      .distinctOn('customer_id')
      .select(['customer_id', 'id as invoice_id', 'number'])
      .where('status', '=', 'unpaid')
      .where('stage', 'in', stagesIsolatingUnder[policy.isolationTrigger])
      // Implied by every isolating stage; it narrows the read to past-due invoices (the open-invoice index).
      .where('due_date', '<=', sqlDate(today))
      // Outage-aware dunning: nobody is isolated while under an open outage (the maps module's
      // read model). After the clear they are eligible again from the next scan.
      .where('customer_id', 'not in', (eb) => eb.selectFrom('maps_customers_under_outage').select('customer_id'))
      // Only billable (active) customers: a suspended (cuti) or terminated customer is not isolated.
      .where('customer_id', 'in', (eb) => eb.selectFrom('customers_billable').select('customer_id'))
      // Money desk: the same rule as the restore decision (partly paid holds the line unless the tenant says otherwise).
      .$if(policy.partialRestores, (q) => q.where('paid_amount', '=', '0'))
      .orderBy('customer_id')
      .orderBy('due_date')
      .execute();
    isolatedNow = await ctx.isolation.isolateInTransaction(
      trx,
      eligible.map((e) => ({
        customerId: e.customer_id,
        invoiceId: e.invoice_id,
        trigger: policy.isolationTrigger,
        reason: `Tagihan ${e.number} belum dibayar`,
      })),
      { type: 'system', userId: null },
    );
  }

  // Every transition is published (handlers may need each one), but when this scan takes an
  // invoice through several stages (after downtime, or back-dated), or isolates its customer,
  // only the latest is news to a person: the earlier ones are marked superseded.
  const isolatedCustomers = new Set(isolatedNow.map((c) => c.customerId));
  const announce = (invoices: Invoice[], movedFurther: Invoice[]) => {
    const further = new Set(movedFurther.map((i) => i.id));
    return invoices.map((i) => ({ data: { ...eventRef(i), superseded: further.has(i.id) || isolatedCustomers.has(i.customerId) }, key: i.customerId }));
  };
  await ctx.publishMany(trx, 'billing.invoice.due_unpaid', announce(dueUnpaid, overdue));
  await ctx.publishMany(trx, 'billing.invoice.overdue', announce(overdue, graceExpired));
  await ctx.publishMany(
    trx,
    'billing.invoice.grace_expired',
    announce(graceExpired, []).map((e) => ({ ...e, data: { ...e.data, graceDays: policy.graceDays } })),
  );
  return {
    today,
    dueUnpaid: dueUnpaid.length,
    overdue: overdue.length,
    graceExpired: graceExpired.length,
    isolated: isolatedNow.length,
    isolatedLines: isolatedNow.map(({ customerId, invoiceId, reason }) => ({ customerId, invoiceId, reason })),
    skippedIsolation: excluded[0] ? `exclusion date: ${excluded[0].reason}` : policy.autoIsolate ? null : 'auto-isolate is off',
  };
}
