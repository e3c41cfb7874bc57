import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { collectorsErrors } from '../collectors.errors.ts';
import type { Actor, CollectorsContext, HandoverStatus } from '../collectors.model.ts';
import { addLog, nextNumber, requireCollector, staffName, todayOf } from './shared.ts';

export type ConfirmHandoverOptions = {
  actor: Actor;
  collectorUserId: string;
  /** The held collections the admin saw on screen: must be the collector's whole balance now. */
  collectionIds: string[];
  /** The cash counted at the desk (never the collector's own figure). */
  countedAmount: number;
  /** Part of the cash paid toward earlier shortfalls of this collector (oldest first). */
  settlementAmount: number;
  note?: string;
};

/**
 * Phase 2 (collector_setoran_confirmed_by_admin): someone other than the collector counts the
 * whole balance. difference = counted − (expected + settlement): 0 → confirmed; short → stays
 * open (settled by a later handover or written off by an owner); over → the excess is handed
 * back on the spot. A difference needs a note. The collections' invoices → setoran_confirmed
 * (billing), and finance is told the cash is ready to bank.
 */
export async function confirmHandover(ctx: CollectorsContext, trx: Tx, options: ConfirmHandoverOptions) {
  if (options.actor.userId === options.collectorUserId) {
    throw new AppError(collectorsErrors.HANDOVER_OWN, 'Someone else must count and confirm your handover.');
  }
  const collector = await requireCollector(ctx, trx, options.collectorUserId);
  // Lock the collector's held collections: a collection recorded meanwhile waits, then is not in this handover.
  const held = await trx
    .selectFrom('collectors_collections')
    .select(['id', 'amount'])
    .where('collector_user_id', '=', collector.userId)
    .where('status', '=', 'held')
    .orderBy('id')
    .forUpdate()
    .execute();
  const heldIds = new Set(held.map((h) => h.id));
  const asked = new Set(options.collectionIds);
  if (heldIds.size !== asked.size || [...asked].some((id) => !heldIds.has(id))) {
    throw new AppError(collectorsErrors.HANDOVER_BALANCE_CHANGED, 'The collector’s balance is not what was counted against: reload and count again.', {
      fields: { collectionIds: 'not_the_whole_balance' },
      heldCollections: held.length,
    });
  }
  const expected = held.reduce((s, h) => s + Number(h.amount), 0);
  const shorts = await trx
    .selectFrom('collectors_handovers')
    .select(['id', 'number', 'difference', 'settled'])
    .where('collector_user_id', '=', collector.userId)
    .where('status', '=', 'short')
    .orderBy('confirmed_at')
    .forUpdate()
    .execute();
  const openShort = shorts.reduce((s, h) => s + (-Number(h.difference) - Number(h.settled)), 0);
  if (options.settlementAmount > openShort) {
    throw new AppError(collectorsErrors.SETTLEMENT_TOO_LARGE, `The collector's open shortfall is Rp ${openShort}; the settlement is Rp ${options.settlementAmount}.`, {
      fields: { settlementAmount: 'more_than_open_shortfall' },
      openShortfall: openShort,
    });
  }
  if (expected === 0 && options.settlementAmount === 0) throw new AppError('CONFLICT', 'The collector holds no cash and owes no shortfall.');
  const difference = options.countedAmount - expected - options.settlementAmount;
  const note = options.note?.trim() || null;
  if (difference !== 0 && !note) {
    throw new AppError(collectorsErrors.HANDOVER_NOTE_REQUIRED, 'A difference between counted and expected cash needs a note.', { fields: { note: 'required' }, difference });
  }
  const status: HandoverStatus = difference < 0 ? 'short' : difference > 0 ? 'over' : 'confirmed';
  const kept = difference > 0 ? options.countedAmount - difference : options.countedAmount;
  const id = newId();
  const number = await nextNumber(trx, 'SETOR', Number((await todayOf(ctx, trx)).slice(0, 4)));
  const now = ctx.clock.now();
  await trx
    .insertInto('collectors_handovers')
    .values({
      id,
      tenant_id: sql<string>`app_tenant_id()`,
      number,
      collector_user_id: collector.userId,
      expected,
      settlement: options.settlementAmount,
      counted: options.countedAmount,
      difference,
      kept,
      status,
      note,
      confirmed_by: options.actor.userId,
      confirmed_at: now,
    })
    .execute();
  // The settlement pays the oldest shortfalls first.
  let left = options.settlementAmount;
  for (const s of shorts) {
    if (left === 0) break;
    const owed = -Number(s.difference) - Number(s.settled);
    const paid = Math.min(owed, left);
    left -= paid;
    await trx.insertInto('collectors_settlements').values({ tenant_id: sql<string>`app_tenant_id()`, handover_id: id, short_handover_id: s.id, amount: paid }).execute();
    await trx
      .updateTable('collectors_handovers')
      .set({ settled: sql<string>`settled + ${paid}`, ...(paid === owed ? { status: 'short_settled', closed_by: options.actor.userId, closed_at: now, close_reason: `settled by ${number}` } : {}) })
      .where('id', '=', s.id)
      .execute();
  }
  const items = held.length
    ? await trx
        .selectFrom('collectors_collection_items')
        .select(['invoice_id', 'amount'])
        .where('collection_id', 'in', [...heldIds])
        .execute()
    : [];
  if (held.length) {
    await trx.updateTable('collectors_collections').set({ status: 'handed_over', handover_id: id }).where('id', 'in', [...heldIds]).execute();
  }
  await ctx.billing.markSetoranConfirmedInTransaction(trx, {
    items: items.map((i) => ({ invoiceId: i.invoice_id, amount: Number(i.amount) })),
    actorUserId: options.actor.userId,
    reference: number,
  });
  await addLog(ctx, trx, [
    { collectorUserId: collector.userId, actorUserId: options.actor.userId, action: 'handover', subject: number, amount: options.countedAmount, detail: `${status}; expected ${expected}, settlement ${options.settlementAmount}, difference ${difference}${note ? `: ${note}` : ''}` },
  ]);
  const invoiceCount = new Set(items.map((i) => i.invoice_id)).size;
  await ctx.publish(
    trx,
    'collectors.setoran.confirmed',
    {
      handoverId: id,
      number,
      collectorUserId: collector.userId,
      collectorName: collector.name,
      amount: kept,
      difference,
      status: status as 'confirmed' | 'short' | 'over',
      invoiceCount,
      confirmedByName: await staffName(ctx, trx, options.actor.userId),
    },
    { key: collector.userId },
  );
  return getHandover(trx, id);
}

export type WriteOffOptions = { actor: Actor; handoverId: string; reason: string };

/** An owner writes off what is left of a short handover, with a reason. */
export async function writeOffShortfall(ctx: Pick<CollectorsContext, 'clock'>, trx: Tx, { actor, handoverId, reason }: WriteOffOptions) {
  const h = await trx.selectFrom('collectors_handovers').selectAll().where('id', '=', handoverId).forUpdate().executeTakeFirst();
  if (!h) throw new AppError('NOT_FOUND', 'No such handover.');
  if (h.status !== 'short') throw new AppError(collectorsErrors.HANDOVER_NOT_SHORT, `Handover ${h.number} is ${h.status}: only an open shortfall can be written off.`);
  await trx.updateTable('collectors_handovers').set({ status: 'written_off', closed_by: actor.userId, closed_at: ctx.clock.now(), close_reason: reason }).where('id', '=', handoverId).execute();
  await addLog(ctx, trx, [{ collectorUserId: h.collector_user_id, actorUserId: actor.userId, action: 'write_off', subject: h.number, amount: -Number(h.difference) - Number(h.settled), detail: reason }]);
  return getHandover(trx, handoverId);
}

type HandoverRow = {
  id: string;
  number: string;
  collector_user_id: string;
  expected: string;
  settlement: string;
  counted: string;
  difference: string;
  kept: string;
  status: HandoverStatus;
  settled: string;
  note: string | null;
  confirmed_by: string;
  confirmed_at: Date;
  closed_by: string | null;
  closed_at: Date | null;
  close_reason: string | null;
  deposit_id: string | null;
  collections: number;
};
const toHandover = (r: HandoverRow) => ({
  id: r.id,
  number: r.number,
  collectorUserId: r.collector_user_id,
  expected: Number(r.expected),
  settlement: Number(r.settlement),
  counted: Number(r.counted),
  difference: Number(r.difference),
  kept: Number(r.kept),
  status: r.status,
  /** Of a shortfall: what later handovers paid toward it. */
  settled: Number(r.settled),
  /** Of a shortfall: what is still owed (0 once settled or written off). */
  openShortfall: r.status === 'short' ? -Number(r.difference) - Number(r.settled) : 0,
  note: r.note,
  confirmedBy: r.confirmed_by,
  confirmedAt: r.confirmed_at,
  closedBy: r.closed_by,
  closedAt: r.closed_at,
  closeReason: r.close_reason,
  depositId: r.deposit_id,
  collections: r.collections,
});
const handoverSelect = sql`select h.id, h.number, h.collector_user_id, h.expected, h.settlement, h.counted, h.difference, h.kept, h.status, h.settled, h.note,
  h.confirmed_by, h.confirmed_at, h.closed_by, h.closed_at, h.close_reason, h.deposit_id,
  (select count(*)::int from collectors_collections c where c.handover_id = h.id) as collections
  from collectors_handovers h`;

export async function getHandover(trx: Tx, id: string) {
  const { rows } = await sql<HandoverRow>`${handoverSelect} where h.id = ${id}`.execute(trx);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'No such handover.');
  return toHandover(rows[0]);
}

export type ListHandoversOptions = { collectorUserId?: string; status?: HandoverStatus; undeposited?: boolean; limit: number; offset?: number };

export async function listHandovers(trx: Tx, filter: ListHandoversOptions) {
  const { rows } = await sql<HandoverRow>`${handoverSelect}
    where ${filter.collectorUserId ? sql`h.collector_user_id = ${filter.collectorUserId}` : sql`true`}
      and ${filter.status ? sql`h.status = ${filter.status}` : sql`true`}
      and ${filter.undeposited ? sql`h.deposit_id is null and h.kept > 0` : sql`true`}
    order by h.confirmed_at desc, h.id desc limit ${filter.limit} offset ${filter.offset ?? 0}`.execute(trx);
  return rows.map(toHandover);
}
