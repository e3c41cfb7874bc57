import { sql } from 'kysely';
import type { IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { Page } from '../../../platform/http/pagination.ts';
import type { CollectorsContext } from '../collectors.model.ts';
import { todayOf } from './shared.ts';

/** The longest range of the daily report: a quarter (the answer is collector × day, so days are capped). */
export const DAILY_REPORT_MAX_DAYS = 92;

/** Collections per collector per field day (rejected ones left out), newest day first. */
export async function collectionsPerDay(ctx: Pick<CollectorsContext, 'identity'>, trx: Tx, range: { from: IsoDate; to: IsoDate }) {
  const { rows } = await sql<{ collector_user_id: string; day: IsoDate; collections: number; amount: string }>`
    select collector_user_id, to_char(collected_on, 'YYYY-MM-DD') as day, count(*)::int as collections, sum(amount) as amount
    from collectors_collections
    where status <> 'rejected' and collected_on between ${range.from}::date and ${range.to}::date
    group by collector_user_id, collected_on order by collected_on desc, collector_user_id`.execute(trx);
  const names = await ctx.identity.staffContactsInTransaction(trx, ['collector', 'owner', 'admin', 'finance', 'technician']);
  return rows.map((r) => ({
    collectorUserId: r.collector_user_id,
    collectorName: names.find((n) => n.userId === r.collector_user_id)?.name ?? null,
    day: r.day,
    collections: r.collections,
    amount: Number(r.amount),
  }));
}

/**
 * Aging with failed visits: every assigned customer with an overdue open invoice, their
 * arrears, visits, failed visits (not at home, refused, promised) and the last one; 3 or more
 * failed visits are flagged. Most failures first (then oldest due, name, id), a page at a time.
 */
export async function agingReport(ctx: Pick<CollectorsContext, 'clock' | 'tenants' | 'identity'>, trx: Tx, page: Page) {
  const today = await todayOf(ctx, trx);
  const { rows } = await sql<{
    customer_id: string;
    code: string;
    name: string;
    collector_user_id: string | null;
    arrears: string;
    oldest_due: IsoDate;
    visits: number;
    failed: number;
    last_visit: IsoDate | null;
    last_result: string | null;
    promised_on: IsoDate | null;
  }>`
    with overdue as (
      select i.customer_id, sum(i.amount - coalesce((select sum(h.amount) from billing_payment_history h
               where h.invoice_id = i.id and h.type in ('collected_by_collector', 'collection_rejected')), 0)) as arrears,
             min(i.due_date) as oldest_due
      from billing_invoices i where i.status = 'unpaid' and i.due_date < ${today}::date group by i.customer_id
    )
    select c.customer_id, c.code, c.name, a.collector_user_id, o.arrears, to_char(o.oldest_due, 'YYYY-MM-DD') as oldest_due,
      (select count(*)::int from collectors_visits v where v.customer_id = c.customer_id) as visits,
      (select count(*)::int from collectors_visits v where v.customer_id = c.customer_id and v.result <> 'paid') as failed,
      (select to_char(max(v.visited_on), 'YYYY-MM-DD') from collectors_visits v where v.customer_id = c.customer_id) as last_visit,
      (select v.result from collectors_visits v where v.customer_id = c.customer_id order by v.visited_on desc, v.created_at desc limit 1) as last_result,
      (select to_char(v.promised_on, 'YYYY-MM-DD') from collectors_visits v where v.customer_id = c.customer_id and v.result = 'promised' order by v.visited_on desc limit 1) as promised_on
    from overdue o
    join customers_field c on c.customer_id = o.customer_id
    left join collectors_assignments a on a.customer_id = o.customer_id
    where o.arrears > 0
    order by failed desc, o.oldest_due, c.name, c.customer_id
    limit ${page.limit} offset ${page.offset}`.execute(trx);
  const names = await ctx.identity.staffContactsInTransaction(trx, ['collector']);
  return rows.map((r) => ({
    customerId: r.customer_id,
    code: r.code,
    name: r.name,
    collectorUserId: r.collector_user_id,
    collectorName: names.find((n) => n.userId === r.collector_user_id)?.name ?? null,
    arrears: Number(r.arrears),
    oldestDue: r.oldest_due,
    daysOverdue: Math.round((Date.parse(today) - Date.parse(r.oldest_due)) / 86_400_000),
    visits: r.visits,
    failedVisits: r.failed,
    flagged: r.failed >= 3,
    lastVisit: r.last_visit,
    lastResult: r.last_result,
    promisedOn: r.promised_on,
  }));
}

/**
 * An invoice's collector chain (show_collector_chain_progress): each phase with who, when and the
 * receipt / handover / deposit number, or null while it has not happened.
 */
export async function chainProgress(ctx: Pick<CollectorsContext, 'identity'>, trx: Tx, invoiceId: string, page: Page) {
  const { rows } = await sql<{
    collection_id: string;
    number: string;
    status: string;
    amount: string;
    collector_user_id: string;
    collected_at: Date;
    collected_on: IsoDate;
    handover_number: string | null;
    handover_status: string | null;
    confirmed_by: string | null;
    confirmed_at: Date | null;
    deposit_number: string | null;
    bank: string | null;
    recorded_by: string | null;
    deposited_at: Date | null;
    deposited_on: IsoDate | null;
  }>`
    select c.id as collection_id, c.number, c.status, it.amount, c.collector_user_id, c.collected_at, to_char(c.collected_on, 'YYYY-MM-DD') as collected_on,
      h.number as handover_number, h.status as handover_status, h.confirmed_by, h.confirmed_at,
      d.number as deposit_number, d.bank, d.recorded_by, d.created_at as deposited_at, to_char(d.deposited_on, 'YYYY-MM-DD') as deposited_on
    from collectors_collection_items it
    join collectors_collections c on c.id = it.collection_id
    left join collectors_handovers h on h.id = c.handover_id
    left join collectors_deposits d on d.id = h.deposit_id
    where it.invoice_id = ${invoiceId}
    order by c.collected_at, c.id
    limit ${page.limit} offset ${page.offset}`.execute(trx);
  const staff = await ctx.identity.staffContactsInTransaction(trx, ['owner', 'admin', 'finance', 'collector', 'technician']);
  const nameOf = (id: string | null) => (id ? (staff.find((s) => s.userId === id)?.name ?? null) : null);
  return rows.map((r) => ({
    collectionId: r.collection_id,
    status: r.status as 'held' | 'handed_over' | 'deposited' | 'rejected',
    amount: Number(r.amount),
    collected: { number: r.number, by: nameOf(r.collector_user_id), at: r.collected_at, on: r.collected_on },
    setoran: r.handover_number ? { number: r.handover_number, status: r.handover_status!, by: nameOf(r.confirmed_by), at: r.confirmed_at! } : null,
    deposited: r.deposit_number ? { number: r.deposit_number, bank: r.bank!, by: nameOf(r.recorded_by), at: r.deposited_at!, on: r.deposited_on! } : null,
  }));
}

/** The collectors' log, newest first (owner and admin). */
export async function listLogs(trx: Tx, filter: { collectorUserId?: string; limit: number }) {
  let q = trx
    .selectFrom('collectors_logs')
    .select(['id', 'collector_user_id', 'actor_user_id', 'action', 'subject', 'amount', 'detail', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.collectorUserId) q = q.where('collector_user_id', '=', filter.collectorUserId);
  return (await q.execute()).map((r) => ({
    id: r.id,
    collectorUserId: r.collector_user_id,
    actorUserId: r.actor_user_id,
    action: r.action,
    subject: r.subject,
    amount: r.amount === null ? null : Number(r.amount),
    detail: r.detail,
    createdAt: r.created_at,
  }));
}

/** purge_collector_logs_worker: log lines older than the tenant's retention go; money records stay. */
export async function purgeLogs(ctx: Pick<CollectorsContext, 'clock'>, trx: Tx, retentionDays: number) {
  const cutoff = new Date(ctx.clock.now().getTime() - retentionDays * 86_400_000);
  const deleted = await trx.deleteFrom('collectors_logs').where('created_at', '<', cutoff).executeTakeFirst();
  return { deleted: Number(deleted.numDeletedRows), cutoff };
}
