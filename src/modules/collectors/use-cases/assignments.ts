import { sql } from 'kysely';
import type { Page } from '../../../platform/http/pagination.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor, CollectorsContext } from '../collectors.model.ts';
import { addLog, requireCollector } from './shared.ts';

export type AssignOptions = {
  actor: Actor;
  collectorUserId: string;
  /** One by one … */
  customerIds?: string[];
  /** … or every active customer whose address contains this text (a kampung, RT/RW, street). */
  area?: string;
};

/**
 * Assigns customers to a collector; a customer assigned elsewhere moves (one collector per
 * customer). New customers go to the end of the collector's route, in the order given.
 */
export async function assignCustomers(ctx: Pick<CollectorsContext, 'clock' | 'identity'>, trx: Tx, options: AssignOptions) {
  const collector = await requireCollector(ctx, trx, options.collectorUserId);
  if (!options.customerIds?.length && !options.area) throw new AppError('VALIDATION_FAILED', 'Name the customers or an area.', { fields: { customerIds: 'required' } });
  let customerIds = options.customerIds ?? [];
  if (options.area) {
    const pattern = `%${options.area.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const inArea = await trx.selectFrom('customers_field').select('customer_id').where('address', 'ilike', pattern).orderBy('address').orderBy('name').execute();
    customerIds = [...customerIds, ...inArea.map((c) => c.customer_id!).filter((id) => !customerIds.includes(id))];
  } else {
    const known = await trx.selectFrom('customers_field').select('customer_id').where('customer_id', 'in', customerIds).execute();
    const missing = customerIds.filter((id) => !known.some((k) => k.customer_id === id));
    if (missing.length > 0) throw new AppError('NOT_FOUND', `No such active customer: ${missing.join(', ')}.`, { fields: { customerIds: 'not_found' } });
  }
  if (customerIds.length === 0) return { assigned: 0, moved: 0 };
  const before = await trx.selectFrom('collectors_assignments').select(['customer_id', 'collector_user_id']).where('customer_id', 'in', customerIds).execute();
  const { rows: last } = await sql<{ n: number }>`
    select coalesce(max(route_order), 0)::int as n from collectors_assignments where collector_user_id = ${collector.userId}`.execute(trx);
  const now = ctx.clock.now();
  const toMove = customerIds.filter((id) => !before.some((b) => b.customer_id === id && b.collector_user_id === collector.userId));
  if (toMove.length > 0) {
    await trx
      .insertInto('collectors_assignments')
      .values(
        toMove.map((customerId, n) => ({
          tenant_id: sql<string>`app_tenant_id()`,
          customer_id: customerId,
          collector_user_id: collector.userId,
          route_order: last[0].n + n + 1,
          assigned_by: options.actor.userId,
          assigned_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'customer_id']).doUpdateSet((eb) => ({
          collector_user_id: eb.ref('excluded.collector_user_id'),
          route_order: eb.ref('excluded.route_order'),
          assigned_by: eb.ref('excluded.assigned_by'),
          assigned_at: eb.ref('excluded.assigned_at'),
        })),
      )
      .execute();
  }
  const moved = before.filter((b) => b.collector_user_id !== collector.userId);
  await addLog(ctx, trx, [
    ...moved.map((b) => ({ collectorUserId: b.collector_user_id, actorUserId: options.actor.userId, action: 'released' as const, subject: b.customer_id, detail: `moved to ${collector.name}` })),
    ...toMove.map((id) => ({ collectorUserId: collector.userId, actorUserId: options.actor.userId, action: 'assigned' as const, subject: id })),
  ]);
  return { assigned: toMove.length, moved: moved.length };
}

export type ReleaseOptions = { actor: Actor; customerIds: string[] };

export async function releaseCustomers(ctx: Pick<CollectorsContext, 'clock'>, trx: Tx, { actor, customerIds }: ReleaseOptions) {
  const released = await trx.deleteFrom('collectors_assignments').where('customer_id', 'in', customerIds).returning(['customer_id', 'collector_user_id']).execute();
  await addLog(
    ctx,
    trx,
    released.map((r) => ({ collectorUserId: r.collector_user_id, actorUserId: actor.userId, action: 'released' as const, subject: r.customer_id })),
  );
  return { released: released.length };
}

/** The collector's route: reorder their customers (the ids in route order). */
export async function setRoute(trx: Tx, collectorUserId: string, customerIds: string[]) {
  const { rows } = await sql<{ customer_id: string }>`
    update collectors_assignments a set route_order = x.n
    from unnest(${sql.val(customerIds)}::uuid[]) with ordinality as x(customer_id, n)
    where a.customer_id = x.customer_id and a.collector_user_id = ${collectorUserId}
    returning a.customer_id`.execute(trx);
  if (rows.length !== customerIds.length) throw new AppError('NOT_FOUND', 'Some of these customers are not assigned to this collector.', { fields: { customerIds: 'not_assigned' } });
  return { ordered: rows.length };
}

/** Every assignment with its collector and customer (the admin's worksheet), and the active customers nobody collects from. */
/** The collectors with their counts, and a page of the active customers (unassigned first, then by collector and route). */
export async function listAssignments(ctx: Pick<CollectorsContext, 'identity'>, trx: Tx, page: Page) {
  const collectors = await ctx.identity.staffContactsInTransaction(trx, ['collector']);
  const { rows: counts } = await sql<{ collector_user_id: string | null; n: number }>`
    select a.collector_user_id, count(*)::int as n from customers_field c left join collectors_assignments a on a.customer_id = c.customer_id group by 1`.execute(trx);
  const countOf = new Map(counts.map((r) => [r.collector_user_id, r.n]));
  const { rows } = await sql<{ customer_id: string; code: string; name: string; address: string; collector_user_id: string | null; route_order: number | null }>`
    select c.customer_id, c.code, c.name, c.address, a.collector_user_id, a.route_order
    from customers_field c left join collectors_assignments a on a.customer_id = c.customer_id
    order by a.collector_user_id nulls first, a.route_order, c.name, c.customer_id
    limit ${page.limit} offset ${page.offset}`.execute(trx);
  return {
    total: counts.reduce((sum, r) => sum + r.n, 0),
    collectors: collectors.map((c) => ({ userId: c.userId, name: c.name, customers: countOf.get(c.userId) ?? 0 })),
    customers: rows.map((r) => ({
      customerId: r.customer_id,
      code: r.code,
      name: r.name,
      address: r.address,
      collectorUserId: r.collector_user_id,
      collectorName: collectors.find((c) => c.userId === r.collector_user_id)?.name ?? null,
      routeOrder: r.route_order,
    })),
  };
}
