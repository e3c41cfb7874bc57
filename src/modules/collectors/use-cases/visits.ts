import { sql } from 'kysely';
import type { IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { collectorsErrors } from '../collectors.errors.ts';
import type { CollectorsContext } from '../collectors.model.ts';
import { addLog, assertNotFuture, todayOf } from './shared.ts';

export type RecordVisitOptions = {
  collectorUserId: string;
  customerId: string;
  visitedOn: IsoDate;
  /** 'paid' is never typed: only a collection writes it. */
  result: 'not_home' | 'refused' | 'promised';
  promisedOn?: IsoDate;
  note?: string;
};

/** The collector's assignment of a customer, or NOT_FOUND (another collector's customer is nobody's business). */
export async function requireAssigned(trx: Tx, collectorUserId: string, customerId: string) {
  const row = await trx.selectFrom('collectors_assignments').select('customer_id').where('customer_id', '=', customerId).where('collector_user_id', '=', collectorUserId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such customer in your worklist.');
}

/** A failed visit (not at home, refused, promised to pay on a date): one result per collector, customer and day. */
export async function recordVisit(ctx: Pick<CollectorsContext, 'clock' | 'tenants'>, trx: Tx, options: RecordVisitOptions) {
  const today = await todayOf(ctx, trx);
  assertNotFuture(options.visitedOn, today, 'visitedOn');
  if (options.result === 'promised' && !options.promisedOn) {
    throw new AppError('VALIDATION_FAILED', 'A promise to pay needs the promised date.', { fields: { promisedOn: 'required' } });
  }
  if (options.result === 'promised' && options.promisedOn! < options.visitedOn) {
    throw new AppError('VALIDATION_FAILED', 'The promised date cannot be before the visit.', { fields: { promisedOn: 'before_visit' } });
  }
  await requireAssigned(trx, options.collectorUserId, options.customerId);
  const id = newId();
  const inserted = await trx
    .insertInto('collectors_visits')
    .values({
      id,
      tenant_id: sql<string>`app_tenant_id()`,
      collector_user_id: options.collectorUserId,
      customer_id: options.customerId,
      visited_on: sql<Date>`${options.visitedOn}::date`,
      result: options.result,
      // Dropped unless promised (the check constraint keeps the two together).
      promised_on: options.result === 'promised' ? sql<Date>`${options.promisedOn!}::date` : null,
      note: options.note ?? null,
      collection_id: null,
      created_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'collector_user_id', 'customer_id', 'visited_on']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    throw new AppError(collectorsErrors.VISIT_ALREADY_RECORDED, `This customer's visit of ${options.visitedOn} is already recorded.`, { fields: { visitedOn: 'already_recorded' } });
  }
  await addLog(ctx, trx, [
    { collectorUserId: options.collectorUserId, actorUserId: options.collectorUserId, action: 'visit', subject: options.customerId, detail: `${options.visitedOn} ${options.result}${options.promisedOn && options.result === 'promised' ? ` ${options.promisedOn}` : ''}` },
  ]);
  return { id, visitedOn: options.visitedOn, result: options.result, promisedOn: options.result === 'promised' ? options.promisedOn! : null };
}

/** Written inside a collection's transaction: the day's result becomes 'paid', whatever was recorded before. */
export async function markVisitPaid(ctx: Pick<CollectorsContext, 'clock'>, trx: Tx, v: { collectorUserId: string; customerId: string; visitedOn: IsoDate; collectionId: string }) {
  await sql`insert into collectors_visits (id, tenant_id, collector_user_id, customer_id, visited_on, result, promised_on, note, collection_id, created_at)
    values (${newId()}, app_tenant_id(), ${v.collectorUserId}, ${v.customerId}, ${v.visitedOn}::date, 'paid', null, null, ${v.collectionId}, ${ctx.clock.now()})
    on conflict (tenant_id, collector_user_id, customer_id, visited_on)
    do update set result = 'paid', promised_on = null, collection_id = coalesce(collectors_visits.collection_id, excluded.collection_id)`.execute(trx);
}

/** A customer's visits, newest first (the collector's own, or everyone's for the office). */
export async function listVisits(trx: Tx, filter: { customerId?: string; collectorUserId?: string; limit: number }) {
  let q = trx
    .selectFrom('collectors_visits')
    .select(['id', 'collector_user_id', 'customer_id', sql<string>`to_char(visited_on, 'YYYY-MM-DD')`.as('visited_on'), 'result', sql<string | null>`to_char(promised_on, 'YYYY-MM-DD')`.as('promised_on'), 'note', 'collection_id'])
    .orderBy('visited_on', 'desc')
    .limit(filter.limit);
  if (filter.customerId) q = q.where('customer_id', '=', filter.customerId);
  if (filter.collectorUserId) q = q.where('collector_user_id', '=', filter.collectorUserId);
  return (await q.execute()).map((r) => ({
    id: r.id,
    collectorUserId: r.collector_user_id,
    customerId: r.customer_id,
    visitedOn: r.visited_on,
    result: r.result as 'paid' | 'not_home' | 'refused' | 'promised',
    promisedOn: r.promised_on,
    note: r.note,
    collectionId: r.collection_id,
  }));
}
