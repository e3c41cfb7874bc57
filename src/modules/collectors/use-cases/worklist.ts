import { sql } from 'kysely';
import { addDays, type IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { Page } from '../../../platform/http/pagination.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { CollectorsContext } from '../collectors.model.ts';
import { settingsInTransaction } from './settings.ts';
import { todayOf } from './shared.ts';

export type WorklistInvoice = { invoiceId: string; number: string; period: IsoDate; dueDate: IsoDate; amount: number; open: number; overdue: boolean };
export type WorklistCustomer = {
  customerId: string;
  code: string;
  name: string;
  phone: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  routeOrder: number;
  arrears: number;
  invoices: WorklistInvoice[];
  /** Today's visit result, if any. */
  visitedToday: string | null;
};

type Row = {
  customer_id: string;
  code: string;
  name: string;
  phone: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  route_order: number;
  invoice_id: string;
  number: string;
  period: IsoDate;
  due_date: IsoDate;
  amount: string;
  collected: string;
  visited_today: string | null;
  total: string;
};

/**
 * The collector's worklist for today: their assigned customers with an open invoice due within
 * the tenant's window (or overdue) — and then all of that customer's open invoices (arrears), so
 * old debt and this month's bill are one visit — in the collector's route order (then name, id),
 * a page of customers at a time (`total`: all of them).
 */
export async function worklist(ctx: Pick<CollectorsContext, 'clock' | 'tenants'>, trx: Tx, collectorUserId: string, options: { customerId?: string; page?: Page } = {}) {
  const page = options.page ?? { limit: 1, offset: 0 };
  const today = await todayOf(ctx, trx);
  const settings = await settingsInTransaction(trx);
  const horizon = addDays(today, settings.dueWindowDays);
  const { rows } = await sql<Row>`
    with mine as (
      select a.customer_id, a.route_order from collectors_assignments a
      where a.collector_user_id = ${collectorUserId} ${options.customerId ? sql`and a.customer_id = ${options.customerId}` : sql``}
    ), open as (
      select i.id, i.customer_id, i.number, i.period, i.due_date, i.amount,
        coalesce((select sum(h.amount) from billing_payment_history h
                  where h.invoice_id = i.id and h.type in ('collected_by_collector', 'collection_rejected')), 0) as collected
      from billing_invoices i join mine m on m.customer_id = i.customer_id
      where i.status = 'unpaid'
    ), due as (
      -- one customer's arrears: every open invoice, whatever its due date; a customer with nothing
      -- left to collect is not on the list (decided here, so a page holds whole customers)
      select customer_id from open group by customer_id
      having bool_or(amount - collected > 0) ${options.customerId ? sql`` : sql`and bool_or(due_date <= ${horizon}::date)`}
    ), paged as (
      select d.customer_id, m.route_order, c.name, count(*) over () as total
      from due d join mine m on m.customer_id = d.customer_id join customers_field c on c.customer_id = d.customer_id
      order by m.route_order, c.name, d.customer_id limit ${page.limit} offset ${page.offset}
    )
    select c.customer_id, c.code, c.name, c.phone, c.address, c.latitude, c.longitude, m.route_order, p.total,
      o.id as invoice_id, o.number, to_char(o.period, 'YYYY-MM-DD') as period, to_char(o.due_date, 'YYYY-MM-DD') as due_date,
      o.amount, o.collected,
      (select v.result from collectors_visits v where v.collector_user_id = ${collectorUserId} and v.customer_id = c.customer_id and v.visited_on = ${today}::date) as visited_today
    from paged p
    join mine m on m.customer_id = p.customer_id
    join customers_field c on c.customer_id = p.customer_id
    join open o on o.customer_id = p.customer_id
    order by m.route_order, c.name, c.customer_id, o.due_date, o.id`.execute(trx);
  const customers: WorklistCustomer[] = [];
  for (const r of rows) {
    let customer = customers.at(-1);
    if (!customer || customer.customerId !== r.customer_id) {
      customer = {
        customerId: r.customer_id,
        code: r.code,
        name: r.name,
        phone: r.phone,
        address: r.address,
        latitude: r.latitude,
        longitude: r.longitude,
        routeOrder: r.route_order,
        arrears: 0,
        invoices: [],
        visitedToday: r.visited_today,
      };
      customers.push(customer);
    }
    const open = Number(r.amount) - Number(r.collected);
    if (open <= 0) continue;
    customer.invoices.push({ invoiceId: r.invoice_id, number: r.number, period: r.period, dueDate: r.due_date, amount: Number(r.amount), open, overdue: r.due_date < today });
    customer.arrears += open;
  }
  // total: every due customer on the route (count(*) over the due set, before the page is cut);
  // a page past the end has no rows, so it reads 0 there.
  return { today, dueWindowDays: settings.dueWindowDays, allowPartial: settings.allowPartial, total: Number(rows[0]?.total ?? 0), customers };
}

/** The collector's cash in hand: the sum of their held collections (derived, never a stored counter). */
export async function cashInHand(trx: Tx, collectorUserId: string) {
  const { rows } = await sql<{ amount: string; collections: number }>`
    select coalesce(sum(amount), 0) as amount, count(*)::int as collections
    from collectors_collections where collector_user_id = ${collectorUserId} and status = 'held'`.execute(trx);
  const { rows: short } = await sql<{ open: string }>`
    select coalesce(sum(-difference - settled), 0) as open from collectors_handovers where collector_user_id = ${collectorUserId} and status = 'short'`.execute(trx);
  return { amount: Number(rows[0].amount), collections: rows[0].collections, openShortfall: Number(short[0].open) };
}

/** One of the collector's customers with all their open invoices (NOT_FOUND unless assigned to them). */
export async function customerArrears(ctx: Pick<CollectorsContext, 'clock' | 'tenants'>, trx: Tx, collectorUserId: string, customerId: string): Promise<WorklistCustomer> {
  const assigned = await trx
    .selectFrom('collectors_assignments as a')
    .innerJoin('customers_field as c', 'c.customer_id', 'a.customer_id')
    .select(['c.customer_id', 'c.code', 'c.name', 'c.phone', 'c.address', 'c.latitude', 'c.longitude', 'a.route_order'])
    .where('a.customer_id', '=', customerId)
    .where('a.collector_user_id', '=', collectorUserId)
    .executeTakeFirst();
  if (!assigned) throw new AppError('NOT_FOUND', 'No such customer in your worklist.');
  const list = await worklist(ctx, trx, collectorUserId, { customerId });
  return (
    list.customers[0] ?? {
      customerId,
      code: assigned.code,
      name: assigned.name,
      phone: assigned.phone,
      address: assigned.address,
      latitude: assigned.latitude,
      longitude: assigned.longitude,
      routeOrder: assigned.route_order,
      arrears: 0,
      invoices: [],
      visitedToday: null,
    }
  );
}
