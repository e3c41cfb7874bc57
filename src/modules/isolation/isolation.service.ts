import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { PublishMany } from '../../platform/events/outbox.ts';
import type { isolationEvents } from './isolation.events.ts';

export type LineState = 'active' | 'isolated';
export type IsolationActor = { type: 'system' | 'staff'; userId: string | null };
export type LineChange = { customerId: string; reason: string; trigger: string | null; invoiceId: string | null };

export type IsolationLine = {
  customerId: string;
  desiredState: LineState;
  changedAt: Date;
  reason: string;
  trigger: string | null;
  invoiceId: string | null;
  restoreEligible: boolean;
};
export type IsolationHistoryEntry = {
  id: string;
  customerId: string;
  action: 'isolated' | 'restored';
  actorType: 'system' | 'staff';
  actorUserId: string | null;
  /** The staff member's name (identity's read model); null for the system. */
  actorName: string | null;
  reason: string;
  trigger: string | null;
  invoiceId: string | null;
  createdAt: Date;
};

/**
 * Who a list row is about, from the customers module's read model (`customers_billable`, left
 * joined: it lists active customers only, so a customer who left keeps the row, without a name).
 */
type CustomerLabel = { customerName: string | null; customerCode: string | null };
const customerLabel = (r: Record<string, any>): CustomerLabel => ({ customerName: r.customer_name, customerCode: r.customer_code });

export type IsolationService = ReturnType<typeof createIsolationService>;

/**
 * The records of isolation: each line's desired state (what routers and RADIUS must converge
 * to), its history, and the events announcing each change. Deciding *when* to isolate is
 * billing's; this module makes the change idempotent and set-based.
 */
export function createIsolationService(deps: { db: Database; clock: Clock; publishMany: PublishMany<typeof isolationEvents> }) {
  const { db, clock, publishMany } = deps;

  /**
   * Moves lines to `target` inside the caller's transaction, skipping lines already there
   * (so a repeated scan or a redelivered event changes nothing). Returns the lines changed.
   */
  async function changeLines(trx: Tx, target: LineState, changes: LineChange[], actor: IsolationActor): Promise<LineChange[]> {
    if (changes.length === 0) return [];
    const now = clock.now();
    const input = sql`select * from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
      as x("customerId" uuid, reason text, trigger text, "invoiceId" uuid)`;
    // Isolating creates the line if needed; restoring only touches isolated lines (a line
    // with no row was never isolated and needs no event).
    const change =
      target === 'isolated'
        ? sql`insert into isolation_lines as l (customer_id, tenant_id, desired_state, changed_at, reason, trigger, invoice_id)
              select "customerId", app_tenant_id(), 'isolated', ${now}, reason, trigger, "invoiceId" from input
              on conflict (customer_id) do update
                set desired_state = 'isolated', changed_at = excluded.changed_at, reason = excluded.reason,
                    trigger = excluded.trigger, invoice_id = excluded.invoice_id, restore_eligible = false
                where l.desired_state <> 'isolated'
              returning l.customer_id`
        : sql`update isolation_lines l
              set desired_state = 'active', changed_at = ${now}, reason = i.reason, trigger = i.trigger,
                  invoice_id = i."invoiceId", restore_eligible = false
              from input i where l.customer_id = i."customerId" and l.desired_state = 'isolated'
              returning l.customer_id`;
    // The change, its history and its events in one statement; the events are built from the
    // changed lines only (a scan re-proposes every long-isolated customer: they cost nothing),
    // as `{ ...change, actor }`, and their data checked once the statement says which changed.
    const type = target === 'isolated' ? 'isolation.customer.isolated' : 'isolation.customer.restored';
    const events = publishMany.within(
      type,
      sql`select row_number() over () as n, i."customerId"::text as key,
                 jsonb_build_object('customerId', i."customerId", 'reason', i.reason, 'trigger', i.trigger,
                                    'invoiceId', i."invoiceId", 'actor', ${JSON.stringify(actor)}::jsonb) as data
          from input i join changed c on c.customer_id = i."customerId"`,
    );
    const { rows } = await sql<{ customer_id: string }>`
      with input as (${input}), changed as (${change}), history as (
        insert into isolation_history (id, tenant_id, customer_id, action, actor_type, actor_user_id, reason, trigger, invoice_id, created_at)
        select gen_random_uuid(), app_tenant_id(), i."customerId", ${target === 'isolated' ? 'isolated' : 'restored'},
               ${actor.type}, ${actor.userId}, i.reason, i.trigger, i."invoiceId", ${now}
        from input i join changed c on c.customer_id = i."customerId"
      ), events as (${events})
      select customer_id from changed`.execute(trx);
    const changedIds = new Set(rows.map((r) => r.customer_id));
    const changed = changes.filter((c) => changedIds.has(c.customerId));
    publishMany.validate(type, changed.map((c) => ({ ...c, actor })));
    return changed;
  }

  const isolateInTransaction = (trx: Tx, changes: LineChange[], actor: IsolationActor) => changeLines(trx, 'isolated', changes, actor);
  const restoreInTransaction = (trx: Tx, changes: LineChange[], actor: IsolationActor) => changeLines(trx, 'active', changes, actor);

  /** Paid, but not restored automatically: staff see a restore button. */
  async function markRestoreEligible(trx: Tx, customerId: string) {
    await sql`update isolation_lines set restore_eligible = true where customer_id = ${customerId} and desired_state = 'isolated'`.execute(trx);
  }

  async function linesInTransaction(trx: Tx, customerIds: string[]): Promise<Map<string, IsolationLine>> {
    if (customerIds.length === 0) return new Map();
    const { rows } = await sql<Record<string, any>>`
      select * from isolation_lines where customer_id = any(${customerIds}::uuid[])`.execute(trx);
    return new Map(rows.map((r) => [r.customer_id, toLine(r)]));
  }

  /** Staff: isolate or restore one customer by hand, with a reason. */
  const setByStaff = (tenantId: TenantId, userId: string, customerId: string, target: LineState, reason: string) =>
    db.tenant(tenantId, async (trx) => {
      // The customers module's read model: a terminated customer has no line to isolate.
      const exists = await sql`select 1 from customers_billable where customer_id = ${customerId}`.execute(trx);
      if (exists.rows.length === 0) throw new AppError('NOT_FOUND', 'No such customer.');
      const changed = await changeLines(trx, target, [{ customerId, reason, trigger: 'manual', invoiceId: null }], { type: 'staff', userId });
      if (changed.length === 0) {
        throw new AppError('CONFLICT', target === 'isolated' ? 'The customer is already isolated.' : 'The customer is not isolated.');
      }
      return (await linesInTransaction(trx, [customerId])).get(customerId)!;
    });

  /** Lines isolated now, most recent first, a page at a time; `customerIds` narrows it to those customers (a page's badges). */
  const listIsolated = (tenantId: TenantId, page: { limit: number; offset: number; customerIds?: string[] }) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<Record<string, any>>`
        select l.*, c.name as customer_name, c.code as customer_code from (
          select * from isolation_lines where desired_state = 'isolated'
            and ${page.customerIds ? sql`customer_id = any(${page.customerIds}::uuid[])` : sql`true`}
          order by changed_at desc, customer_id limit ${page.limit} offset ${page.offset}) l
        left join customers_billable c on c.customer_id = l.customer_id
        order by l.changed_at desc, l.customer_id`.execute(trx);
      return rows.map((r) => ({ ...toLine(r), ...customerLabel(r) }));
    });

  const isolatedCountInTransaction = async (trx: Tx) =>
    (await sql<{ n: number }>`select count(*)::int as n from isolation_lines where desired_state = 'isolated'`.execute(trx)).rows[0].n;

  /** How many lines are isolated now (the console's badges), without loading them. */
  const countIsolated = (tenantId: TenantId) => db.tenant(tenantId, async (trx) => ({ count: await isolatedCountInTransaction(trx) }));

  const history = (tenantId: TenantId, filter: { customerId?: string; limit: number }) =>
    db.tenant(tenantId, async (trx) => {
      const { rows } = await sql<Record<string, any>>`
        select h.*, c.name as customer_name, c.code as customer_code, n.name as actor_name from isolation_history h
        left join customers_labels c on c.customer_id = h.customer_id
        left join identity_staff_names n on n.user_id = h.actor_user_id
        where ${filter.customerId ? sql`h.customer_id = ${filter.customerId}` : sql`true`}
        order by h.seq desc limit ${filter.limit}`.execute(trx);
      return rows.map(
        (r): IsolationHistoryEntry & CustomerLabel => ({
          id: r.id,
          customerId: r.customer_id,
          ...customerLabel(r),
          action: r.action,
          actorType: r.actor_type,
          actorUserId: r.actor_user_id,
          actorName: r.actor_name,
          reason: r.reason,
          trigger: r.trigger,
          invoiceId: r.invoice_id,
          createdAt: r.created_at,
        }),
      );
    });

  const getLine = (tenantId: TenantId, customerId: string) =>
    db.tenant(tenantId, async (trx) => (await linesInTransaction(trx, [customerId])).get(customerId) ?? null);

  /** Money desk report: isolations and restorations per local day between `from` and `to` (inclusive), and lines isolated now. */
  const actionCountsInTransaction = async (trx: Tx, range: { from: string; to: string; timeZone: string }) => {
    const { rows } = await sql<{ day: string; isolated: number; restored: number }>`
      select to_char(created_at at time zone ${range.timeZone}, 'YYYY-MM-DD') as day,
             count(*) filter (where action = 'isolated')::int as isolated, count(*) filter (where action = 'restored')::int as restored
      from isolation_history
      where created_at >= (${range.from}::date)::timestamp at time zone ${range.timeZone}
        and created_at < ((${range.to}::date + 1)::timestamp at time zone ${range.timeZone})
      group by 1 order by 1`.execute(trx);
    return { days: rows, isolatedNow: await isolatedCountInTransaction(trx) };
  };

  return { isolateInTransaction, restoreInTransaction, markRestoreEligible, linesInTransaction, setByStaff, listIsolated, countIsolated, history, getLine, actionCountsInTransaction };
}

const toLine = (r: Record<string, any>): IsolationLine => ({
  customerId: r.customer_id,
  desiredState: r.desired_state,
  changedAt: r.changed_at,
  reason: r.reason,
  trigger: r.trigger,
  invoiceId: r.invoice_id,
  restoreEligible: r.restore_eligible,
});
