import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { mapsErrors } from '../maps.errors.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { levelOf, type ElementKind, type MapsContext, type Outage, type OutageHistoryEntry } from '../maps.model.ts';
import { settingsInTransaction } from './settings.ts';

export type SetOutageOptions = {
  actorUserId: string | null;
  element: { kind: ElementKind; id: string };
  cause: string;
  startedAt?: Date;
  expectedEndAt?: Date | null;
};
export type ClearOutageOptions = { actorUserId: string | null; outageId: string; note?: string | null };

const outageColumns = sql`o.id, o.element_kind, coalesce(o.odc_id, o.odp_id, o.customer_id) as element_id, o.element_name, o.cause, o.started_at,
  o.expected_end_at, o.cleared_at, o.clear_note, o.set_by, o.cleared_by, o.affected_odps, o.affected_customers, o.technician_requested`;
type OutageRow = {
  id: string;
  element_kind: ElementKind;
  element_id: string;
  element_name: string;
  cause: string;
  started_at: Date;
  expected_end_at: Date | null;
  cleared_at: Date | null;
  clear_note: string | null;
  set_by: string | null;
  cleared_by: string | null;
  affected_odps: number;
  affected_customers: number;
  technician_requested: boolean;
};
const toOutage = (r: OutageRow): Outage => ({
  id: r.id,
  elementKind: r.element_kind,
  elementId: r.element_id,
  elementName: r.element_name,
  cause: r.cause,
  startedAt: new Date(r.started_at),
  expectedEndAt: r.expected_end_at ? new Date(r.expected_end_at) : null,
  clearedAt: r.cleared_at ? new Date(r.cleared_at) : null,
  clearNote: r.clear_note,
  setBy: r.set_by,
  clearedBy: r.cleared_by,
  affectedOdps: r.affected_odps,
  affectedCustomers: r.affected_customers,
  technicianRequested: r.technician_requested,
});

/** The element's display name, or a field error when it is not this tenant's. */
async function elementName(trx: Tx, element: SetOutageOptions['element']): Promise<string> {
  const { rows } = await (element.kind === 'odc'
    ? sql<{ name: string }>`select code || ' ' || name as name from maps_odcs where id = ${element.id}`
    : element.kind === 'odp'
      ? sql<{ name: string }>`select code || ' ' || name as name from maps_odps where id = ${element.id}`
      : sql<{ name: string }>`select name from maps_customer_points where customer_id = ${element.id}`
  ).execute(trx);
  if (!rows[0]) throw new AppError(mapsErrors.TOPOLOGY_INVALID, `No such ${levelOf[element.kind]}.`, { fields: { 'element.id': `unknown ${element.kind}` } });
  return rows[0].name;
}

/**
 * Sets an outage and propagates it in one statement: an ODC outage affects its ODPs and every
 * customer on them, an ODP outage its customers, a client outage only that customer. The
 * affected rows stay as history; `maps.outage.set` carries the counts and the customers (the
 * WhatsApp outage area), and a large one asks for a technician task.
 */
export async function setOutage(ctx: MapsContext, trx: Tx, options: SetOutageOptions): Promise<Outage> {
  const { element } = options;
  const now = ctx.clock.now();
  const startedAt = options.startedAt ?? now;
  if (startedAt > now) throw new AppError(mapsErrors.TOPOLOGY_INVALID, 'An outage cannot start in the future.', { fields: { startedAt: 'in the future' } });
  if (options.expectedEndAt && options.expectedEndAt <= startedAt) {
    throw new AppError(mapsErrors.TOPOLOGY_INVALID, 'The expected end must be after the start.', { fields: { expectedEndAt: 'not after the start' } });
  }
  const name = await elementName(trx, element);
  const open = await sql<{ id: string }>`
    select id from maps_outages where cleared_at is null and element_kind = ${element.kind}
      and coalesce(odc_id, odp_id, customer_id) = ${element.id}`.execute(trx);
  if (open.rows[0]) throw new AppError(mapsErrors.OUTAGE_ALREADY_OPEN, `${name} already has an open outage.`, { outageId: open.rows[0].id });

  const id = newId();
  await trx
    .insertInto('maps_outages')
    .values({
      id,
      tenant_id: sql<string>`app_tenant_id()`,
      element_kind: element.kind,
      odc_id: element.kind === 'odc' ? element.id : null,
      odp_id: element.kind === 'odp' ? element.id : null,
      customer_id: element.kind === 'client' ? element.id : null,
      element_name: name,
      cause: options.cause,
      started_at: startedAt,
      expected_end_at: options.expectedEndAt ?? null,
      set_by: options.actorUserId,
      created_at: now,
    })
    .execute();

  // Propagation: ONE statement. The affected ODPs (the ODC's, or the ODP itself), the customers on
  // their ports (or the single client), the counts on the outage, and its history row.
  const { rows } = await sql<{ affected_odps: number; customer_ids: string[] | null }>`
    with odps as (
      insert into maps_outage_odps (outage_id, tenant_id, odp_id)
      select ${id}::uuid, app_tenant_id(), p.id from maps_odps p
      where (${element.kind}::text = 'odc' and p.odc_id = ${element.id}::uuid) or (${element.kind}::text = 'odp' and p.id = ${element.id}::uuid)
      returning odp_id
    ), customers as (
      insert into maps_outage_customers (outage_id, tenant_id, customer_id)
      select ${id}::uuid, app_tenant_id(), c.customer_id from maps_customer_ports c where c.odp_id in (select odp_id from odps)
      union
      select ${id}::uuid, app_tenant_id(), ${element.id}::uuid where ${element.kind}::text = 'client'
      returning customer_id
    ), counted as (
      select (select count(*) from odps)::int as affected_odps, (select count(*) from customers)::int as affected_customers,
             (select array_agg(customer_id) from customers) as customer_ids
    ), updated as (
      update maps_outages set affected_odps = counted.affected_odps, affected_customers = counted.affected_customers
      from counted where id = ${id}::uuid
    ), history as (
      insert into maps_outage_history (id, tenant_id, outage_id, action, actor_user_id, affected_odps, affected_customers, note, created_at)
      select ${newId()}::uuid, app_tenant_id(), ${id}::uuid, 'set', ${options.actorUserId}::uuid, affected_odps, affected_customers, ${options.cause}, ${now}::timestamptz from counted
    )
    select affected_odps, customer_ids from counted`.execute(trx);
  const customerIds = rows[0]!.customer_ids ?? [];
  const affected = { affectedOdps: rows[0]!.affected_odps, affectedCustomers: customerIds.length };

  const ref = { outageId: id, level: levelOf[element.kind], elementId: element.id, areaName: name, cause: options.cause };
  await ctx.publish(trx, 'maps.outage.set', { ...ref, startedAt: startedAt.toISOString(), expectedEndAt: options.expectedEndAt?.toISOString() ?? null, ...affected, customerIds }, { key: element.id });
  const { technicianThreshold } = await settingsInTransaction(trx);
  if (affected.affectedCustomers >= technicianThreshold) {
    await trx.updateTable('maps_outages').set({ technician_requested: true }).where('id', '=', id).execute();
    await ctx.publish(trx, 'maps.outage.technician_requested', { ...ref, affectedCustomers: affected.affectedCustomers, threshold: technicianThreshold }, { key: element.id });
  }
  return getOutage(trx, id);
}

/**
 * Clears an outage. Customers still under another open outage (their ODP's own, or their own)
 * stay affected; the others are restored and get the "restored" message.
 */
export async function clearOutage(ctx: MapsContext, trx: Tx, options: ClearOutageOptions): Promise<Outage & { restoredCustomers: number }> {
  const now = ctx.clock.now();
  const { rows } = await sql<OutageRow>`
    update maps_outages o set cleared_at = greatest(${now}::timestamptz, o.started_at), cleared_by = ${options.actorUserId}, clear_note = ${options.note ?? null}
    where o.id = ${options.outageId} and o.cleared_at is null
    returning ${outageColumns}`.execute(trx);
  if (!rows[0]) {
    await getOutage(trx, options.outageId); // 404 when unknown
    throw new AppError(mapsErrors.OUTAGE_ALREADY_CLEARED, 'This outage is already cleared.');
  }
  const outage = toOutage(rows[0]);
  const { rows: restored } = await sql<{ customer_id: string }>`
    select a.customer_id from maps_outage_customers a
    where a.outage_id = ${outage.id} and not exists (select 1 from maps_customers_under_outage u where u.customer_id = a.customer_id)`.execute(trx);
  const customerIds = restored.map((r) => r.customer_id);
  await trx
    .insertInto('maps_outage_history')
    .values({
      id: newId(),
      tenant_id: sql<string>`app_tenant_id()`,
      outage_id: outage.id,
      action: 'cleared',
      actor_user_id: options.actorUserId,
      affected_odps: outage.affectedOdps,
      affected_customers: outage.affectedCustomers,
      restored_customers: customerIds.length,
      note: options.note ?? null,
      created_at: now,
    })
    .execute();
  await ctx.publish(
    trx,
    'maps.outage.cleared',
    {
      outageId: outage.id,
      level: levelOf[outage.elementKind],
      elementId: outage.elementId,
      areaName: outage.elementName,
      cause: outage.cause,
      clearedAt: outage.clearedAt!.toISOString(),
      affectedCustomers: outage.affectedCustomers,
      restoredCustomers: customerIds.length,
      stillAffected: outage.affectedCustomers - customerIds.length,
      customerIds,
    },
    { key: outage.elementId },
  );
  return { ...outage, restoredCustomers: customerIds.length };
}

export async function getOutage(trx: Tx, id: string): Promise<Outage> {
  const { rows } = await sql<OutageRow>`select ${outageColumns} from maps_outages o where o.id = ${id}`.execute(trx);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'No such outage.');
  return toOutage(rows[0]);
}

export type ListOutagesOptions = { status?: 'open' | 'cleared' | 'all'; elementId?: string; customerId?: string; limit?: number };

/**
 * Outages, newest first: of one element (its history), or those that affected one customer
 * (the customer's history, whatever the level), or all.
 */
export async function listOutages(trx: Tx, filter: ListOutagesOptions): Promise<Outage[]> {
  const status = filter.status ?? 'all';
  const { rows } = await sql<OutageRow>`
    select ${outageColumns} from maps_outages o
    where (${status}::text = 'all' or (${status}::text = 'open') = (o.cleared_at is null))
      and (${filter.elementId ?? null}::uuid is null or coalesce(o.odc_id, o.odp_id, o.customer_id) = ${filter.elementId ?? null}::uuid)
      and (${filter.customerId ?? null}::uuid is null
           or exists (select 1 from maps_outage_customers a where a.outage_id = o.id and a.customer_id = ${filter.customerId ?? null}::uuid))
    order by o.started_at desc, o.id desc
    limit ${filter.limit ?? 200}`.execute(trx);
  return rows.map(toOutage);
}

export async function outageHistory(trx: Tx, outageId: string): Promise<OutageHistoryEntry[]> {
  await getOutage(trx, outageId);
  const rows = await trx.selectFrom('maps_outage_history').selectAll().where('outage_id', '=', outageId).orderBy('seq').execute();
  return rows.map((r) => ({
    id: r.id,
    outageId: r.outage_id,
    action: r.action as 'set' | 'cleared',
    actorUserId: r.actor_user_id,
    affectedOdps: r.affected_odps,
    affectedCustomers: r.affected_customers,
    restoredCustomers: r.restored_customers,
    note: r.note,
    createdAt: new Date(r.created_at),
  }));
}
