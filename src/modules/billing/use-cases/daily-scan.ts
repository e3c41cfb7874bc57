import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { localDate, type IsoDate } from '../../../platform/dates.ts';
import { eventRef, stagesIsolatingUnder, toInvoice, type BillingContext, type Invoice, type InvoiceRow, type InvoiceStage } from '../billing.model.ts';
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

/** A past-due unpaid invoice after the scan's move (all null but `excluded` when there is none). */
type ScanRow = { [K in keyof InvoiceRow]: InvoiceRow[K] | null } & {
  from_stage: InvoiceStage;
  moved: boolean;
  eligible: boolean;
  /** Today's exclusion reason, if today is an exclusion date. */
  excluded: string | null;
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
  // One statement does the scan's reading and its invoice writes (a round trip and a plan each
  // fewer than a statement per step, which a thousand tenants a night pay a thousand times):
  // - `reached`: one read of the tenant's past-due unpaid invoices (the open-invoice index) with
  //   the furthest stage each due date has reached today;
  // - `moved`: takes each further, never back: after days of downtime an invoice goes issued →
  //   grace expired in one scan, and still announces each stage it passed (`from_stage`);
  // - `eligible`: the customer's earliest invoice whose stage after the move isolates under the
  //   tenant's trigger, read from `reached`, not from the table again;
  // - the exclusion date, if today is one (a row even when no invoice is past due).
  const isolating = stagesIsolatingUnder[policy.isolationTrigger];
  const stageAfter = sql`case when m.id is not null then r.reached_stage else r.from_stage end`;
  const { rows } = await sql<ScanRow>`
    with reached as (
      select id, number, customer_id, period, issue_date, due_date, amount, paid_amount, description, status,
             paid_at, void_reason, stage as from_stage,
             case when due_date <= ${today}::date - (1 + ${Number(policy.graceDays)}) then 'grace_expired'
                  when due_date <= ${today}::date - 1 then 'overdue'
                  else 'due_unpaid' end as reached_stage
      from billing_invoices
      where status = 'unpaid' and due_date <= ${today}::date
    ), moved as (
      update billing_invoices i set stage = r.reached_stage
      from reached r
      where i.id = r.id and ${stageRank(sql`r.reached_stage`)} > ${stageRank(sql`r.from_stage`)}
      returning i.id
    ), eligible as (
      select distinct on (r.customer_id) r.id
      from reached r left join moved m on m.id = r.id
      where ${policy.autoIsolate} and ${stageAfter} = any(${sql.val(isolating)}::text[])
        -- Outage-aware dunning: nobody is isolated while under an open outage (the maps module's
        -- read model). After the clear they are eligible again from the next scan.
        and r.customer_id not in (select customer_id from maps_customers_under_outage)
        -- Only billable (active) customers: a suspended (cuti) or terminated customer is not isolated.
        and r.customer_id in (select customer_id from customers_billable)
        -- Money desk: the same rule as the restore decision (partly paid holds the line unless the tenant says otherwise).
        and ${policy.partialRestores ? sql`r.paid_amount = 0` : sql`true`}
      order by r.customer_id, r.due_date
    )
    select r.id, r.number, r.customer_id, to_char(r.period, 'YYYY-MM-DD') as period,
           to_char(r.issue_date, 'YYYY-MM-DD') as issue_date, to_char(r.due_date, 'YYYY-MM-DD') as due_date,
           r.amount, r.paid_amount, r.description, r.status, ${stageAfter} as stage, r.paid_at, r.void_reason,
           r.from_stage, m.id is not null as moved, e.id is not null as eligible, x.reason as excluded
    from (select (select reason from billing_isolation_exclusions where day = ${today}::date limit 1) as reason) x
    left join reached r on true
    left join moved m on m.id = r.id
    left join eligible e on e.id = r.id`.execute(trx);
  const invoices = rows.filter((r): r is ScanRow & InvoiceRow => r.id !== null);
  const moved = invoices.filter((r) => r.moved);
  const passed = (stage: InvoiceStage) =>
    moved.filter((r) => rank(r.from_stage) < rank(stage) && rank(r.stage) >= rank(stage)).map(toInvoice);
  const dueUnpaid = passed('due_unpaid');
  const overdue = passed('overdue');
  const graceExpired = passed('grace_expired');

  const exclusion = rows[0].excluded;
  let isolatedNow: { customerId: string; invoiceId: string | null; reason: string }[] = [];
  if (policy.autoIsolate && exclusion === null) {
    isolatedNow = await ctx.isolation.isolateInTransaction(
      trx,
      invoices
        .filter((r) => r.eligible)
        .map((e) => ({
          customerId: e.customer_id,
          invoiceId: e.id,
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
  // All stages in one outbox INSERT, in stage order (an invoice's due_unpaid before its overdue).
  await ctx.publishMany(trx, [
    ...announce(dueUnpaid, overdue).map((e) => ({ type: 'billing.invoice.due_unpaid' as const, ...e })),
    ...announce(overdue, graceExpired).map((e) => ({ type: 'billing.invoice.overdue' as const, ...e })),
    ...announce(graceExpired, []).map((e) => ({ type: 'billing.invoice.grace_expired' as const, ...e, data: { ...e.data, graceDays: policy.graceDays } })),
  ]);
  return {
    today,
    dueUnpaid: dueUnpaid.length,
    overdue: overdue.length,
    graceExpired: graceExpired.length,
    isolated: isolatedNow.length,
    isolatedLines: isolatedNow.map(({ customerId, invoiceId, reason }) => ({ customerId, invoiceId, reason })),
    skippedIsolation: exclusion !== null ? `exclusion date: ${exclusion}` : policy.autoIsolate ? null : 'auto-isolate is off',
  };
}
