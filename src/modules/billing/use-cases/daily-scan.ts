import { sql } from 'kysely';
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

/**
 * One tenant's daily scan (auto_isolir_worker), in its local day: moves unpaid invoices through
 * due → overdue → grace expired (each step announced once, even after days of downtime), and
 * isolates the customers the tenant's trigger makes eligible, unless today is an exclusion date.
 * Set-based: a handful of statements whatever the number of customers.
 */
export async function runDailyScan(ctx: BillingContext, trx: Tx): Promise<DailyScanResult> {
  const policy = await policyInTransaction(ctx, trx);
  const today = localDate(ctx.clock.now(), await ctx.tenants.timeZoneInTransaction(trx));
  const advance = async (from: InvoiceStage, to: InvoiceStage, reachedBy: string) => {
    const { rows } = await sql<InvoiceRow>`
      update billing_invoices set stage = ${to}
      where status = 'unpaid' and stage = ${from} and ${sql.raw(reachedBy)} <= ${today}::date
      returning ${invoiceColumns}`.execute(trx);
    return rows.map(toInvoice);
  };
  const dueUnpaid = await advance('issued', 'due_unpaid', 'due_date');
  const overdue = await advance('due_unpaid', 'overdue', 'due_date + 1');
  const graceExpired = await advance('overdue', 'grace_expired', `due_date + 1 + ${Number(policy.graceDays)}`);

  const excluded = await trx.selectFrom('billing_isolation_exclusions').select('reason').where('day', '=', sqlDate(today)).execute();
  let isolatedNow: { customerId: string; invoiceId: string | null; reason: string }[] = [];
  if (policy.autoIsolate && excluded.length === 0) {
    const eligible = await trx
      .selectFrom('billing_invoices')
      .distinctOn('customer_id')
      .select(['customer_id', 'id as invoice_id', 'number'])
      .where('status', '=', 'unpaid')
      .where('stage', 'in', stagesIsolatingUnder[policy.isolationTrigger])
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
