import { sql } from 'kysely';
import type { IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { collectorsErrors } from '../collectors.errors.ts';
import type { Actor, CollectorsContext } from '../collectors.model.ts';
import { settingsInTransaction } from './settings.ts';
import { addLog, assertNotFuture, nextNumber, requireCollector, todayOf } from './shared.ts';
import { markVisitPaid, requireAssigned } from './visits.ts';
import { cashInHand } from './worklist.ts';

export type CollectOptions = {
  collectorUserId: string;
  customerId: string;
  /** The field day (the device's date; back-dated when recorded later, never the future). */
  collectedOn: IsoDate;
  items: { invoiceId: string; amount: number }[];
};

/**
 * Phase 1 (collector_visit_success): the collector received cash for one or more invoices of one
 * customer. One receipt (KOL-…), billing moves the invoices to awaiting_setoran with history
 * `collected_by_collector`, the day's visit becomes `paid`, and the event tells the admin and
 * gives the customer a receipt. The cash in hand follows from the held collections.
 */
export async function collect(ctx: CollectorsContext, trx: Tx, options: CollectOptions) {
  const collector = await requireCollector(ctx, trx, options.collectorUserId);
  const today = await todayOf(ctx, trx);
  assertNotFuture(options.collectedOn, today, 'collectedOn');
  await requireAssigned(trx, collector.userId, options.customerId);
  const invoiceIds = options.items.map((i) => i.invoiceId);
  if (new Set(invoiceIds).size !== invoiceIds.length) throw new AppError('VALIDATION_FAILED', 'An invoice is listed twice.', { fields: { items: 'duplicate_invoice' } });
  const settings = await settingsInTransaction(trx);
  const id = newId();
  const number = await nextNumber(trx, 'KOL', Number(today.slice(0, 4)));
  const invoices = await ctx.billing.markCollectedInTransaction(trx, {
    items: options.items,
    actorUserId: collector.userId,
    reference: number,
    partialAllowed: settings.allowPartial,
  });
  const foreign = invoices.find((i) => i.customerId !== options.customerId);
  if (foreign) throw new AppError('NOT_FOUND', `Invoice ${foreign.number} is not this customer's.`, { fields: { items: 'other_customer' } });
  const amount = options.items.reduce((sum, i) => sum + i.amount, 0);
  const now = ctx.clock.now();
  await trx
    .insertInto('collectors_collections')
    .values({
      id,
      tenant_id: sql<string>`app_tenant_id()`,
      number,
      collector_user_id: collector.userId,
      customer_id: options.customerId,
      collected_on: sql<Date>`${options.collectedOn}::date`,
      collected_at: now,
      amount,
      status: 'held',
    })
    .execute();
  await trx
    .insertInto('collectors_collection_items')
    .values(options.items.map((i) => ({ tenant_id: sql<string>`app_tenant_id()`, collection_id: id, invoice_id: i.invoiceId, amount: i.amount })))
    .execute();
  await markVisitPaid(ctx, trx, { collectorUserId: collector.userId, customerId: options.customerId, visitedOn: options.collectedOn, collectionId: id });
  const numbers = options.items.map((i) => invoices.find((x) => x.id === i.invoiceId)!.number);
  await addLog(ctx, trx, [{ collectorUserId: collector.userId, actorUserId: collector.userId, action: 'collection', subject: number, amount, detail: numbers.join(', ') }]);
  await ctx.publish(
    trx,
    'collectors.visit.succeeded',
    {
      collectionId: id,
      receiptNumber: number,
      collectorUserId: collector.userId,
      collectorName: collector.name,
      customerId: options.customerId,
      invoiceIds,
      invoiceNumber: numbers.join(', '),
      amount,
      collectedOn: options.collectedOn,
    },
    { key: options.customerId },
  );
  return {
    id,
    number,
    customerId: options.customerId,
    collectorName: collector.name,
    collectedOn: options.collectedOn,
    collectedAt: now,
    amount,
    items: options.items.map((i) => {
      const invoice = invoices.find((x) => x.id === i.invoiceId)!;
      return { invoiceId: i.invoiceId, number: invoice.number, amount: i.amount, status: invoice.status };
    }),
    cashInHand: await cashInHand(trx, collector.userId),
  };
}

export type RejectCollectionOptions = { actor: Actor; collectionId: string; reason: string };

/**
 * The office refuses a held collection (before any handover covered it): the invoices return to
 * unpaid (billing), the collector's cash in hand drops by itself, and the log says who and why.
 */
export async function rejectCollection(ctx: CollectorsContext, trx: Tx, { actor, collectionId, reason }: RejectCollectionOptions) {
  const collection = await trx.selectFrom('collectors_collections').selectAll().where('id', '=', collectionId).forUpdate().executeTakeFirst();
  if (!collection) throw new AppError('NOT_FOUND', 'No such collection.');
  if (collection.status !== 'held') throw new AppError(collectorsErrors.COLLECTION_NOT_HELD, `Collection ${collection.number} is ${collection.status}; only a held one can be rejected.`);
  const items = await trx.selectFrom('collectors_collection_items').select(['invoice_id', 'amount']).where('collection_id', '=', collectionId).execute();
  await ctx.billing.markCollectionRejectedInTransaction(trx, {
    items: items.map((i) => ({ invoiceId: i.invoice_id, amount: Number(i.amount) })),
    actorUserId: actor.userId,
    reference: `${collection.number}: ${reason}`,
  });
  await trx.updateTable('collectors_collections').set({ status: 'rejected', reject_reason: reason, rejected_by: actor.userId }).where('id', '=', collectionId).execute();
  await addLog(ctx, trx, [{ collectorUserId: collection.collector_user_id, actorUserId: actor.userId, action: 'collection_rejected', subject: collection.number, amount: Number(collection.amount), detail: reason }]);
  return { id: collectionId, number: collection.number, status: 'rejected' as const };
}

/** Collections, newest first: a collector's own, or the office's view filtered by collector or status. */
export async function listCollections(trx: Tx, filter: { collectorUserId?: string; status?: 'held' | 'handed_over' | 'deposited' | 'rejected'; limit: number }) {
  let q = trx
    .selectFrom('collectors_collections as c')
    .leftJoin('customers_field as f', 'f.customer_id', 'c.customer_id')
    .select([
      'c.id',
      'c.number',
      'c.collector_user_id',
      'c.customer_id',
      'f.name as customer_name',
      sql<string>`to_char(c.collected_on, 'YYYY-MM-DD')`.as('collected_on'),
      'c.collected_at',
      'c.amount',
      'c.status',
      'c.handover_id',
    ])
    .orderBy('c.collected_at', 'desc')
    .limit(filter.limit);
  if (filter.collectorUserId) q = q.where('c.collector_user_id', '=', filter.collectorUserId);
  if (filter.status) q = q.where('c.status', '=', filter.status);
  return (await q.execute()).map((r) => ({
    id: r.id,
    number: r.number,
    collectorUserId: r.collector_user_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    collectedOn: r.collected_on,
    collectedAt: r.collected_at,
    amount: Number(r.amount),
    status: r.status as 'held' | 'handed_over' | 'deposited' | 'rejected',
    handoverId: r.handover_id,
  }));
}
