import type { Page } from '../../../platform/http/pagination.ts';
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { mapsErrors } from '../maps.errors.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { transactionTenantId, type CustomerPort, type MapsContext, type Odc, type OdcInput, type Odp, type OdpInput } from '../maps.model.ts';

/** ODCs, ODPs and the customer ↔ port links: create, edit (including a drag on the map), delete, list. */

const odcRow = (r: Record<string, any>): Odc => ({
  id: r.id,
  code: r.code,
  name: r.name,
  latitude: r.latitude,
  longitude: r.longitude,
  capacity: r.capacity,
  feeder: r.feeder,
  odpCount: Number(r.odp_count ?? 0),
});
const odpRow = (r: Record<string, any>): Odp => ({
  id: r.id,
  odcId: r.odc_id,
  code: r.code,
  name: r.name,
  latitude: r.latitude,
  longitude: r.longitude,
  splitterRatio: r.splitter_ratio,
  portCount: r.port_count,
  usedPorts: Number(r.used_ports ?? 0),
});

export async function listOdcs(trx: Tx, page: Page): Promise<Odc[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select d.*, (select count(*) from maps_odps p where p.odc_id = d.id) as odp_count from maps_odcs d order by d.code, d.id
    limit ${page.limit} offset ${page.offset}`.execute(trx);
  return rows.map(odcRow);
}

export async function getOdc(trx: Tx, id: string): Promise<Odc> {
  const { rows } = await sql<Record<string, unknown>>`
    select d.*, (select count(*) from maps_odps p where p.odc_id = d.id) as odp_count from maps_odcs d where d.id = ${id}`.execute(trx);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'No such ODC.');
  return odcRow(rows[0]);
}

export async function createOdc(ctx: MapsContext, trx: Tx, input: OdcInput): Promise<Odc> {
  const id = newId();
  await trx
    .insertInto('maps_odcs')
    .values({ id, tenant_id: transactionTenantId, code: input.code, name: input.name, latitude: input.latitude, longitude: input.longitude, capacity: input.capacity, feeder: input.feeder ?? null, created_at: ctx.clock.now() })
    .execute();
  return getOdc(trx, id);
}

export async function updateOdc(trx: Tx, id: string, change: Partial<OdcInput>): Promise<Odc> {
  if (Object.keys(change).length === 0) throw new AppError('NOTHING_TO_UPDATE', 'Nothing to change.');
  if (change.capacity !== undefined) {
    const odc = await getOdc(trx, id);
    if (change.capacity < odc.odpCount) throw new AppError(mapsErrors.TOPOLOGY_INVALID, `The ODC feeds ${odc.odpCount} ODPs: capacity cannot be less.`, { fields: { capacity: `at least ${odc.odpCount}` } });
  }
  const updated = await trx.updateTable('maps_odcs').set(change).where('id', '=', id).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'No such ODC.');
  return getOdc(trx, id);
}

export async function deleteOdc(trx: Tx, id: string): Promise<void> {
  const odc = await getOdc(trx, id);
  if (odc.odpCount > 0) throw new AppError(mapsErrors.ELEMENT_IN_USE, `ODC ${odc.code} still feeds ${odc.odpCount} ODPs: move or delete them first.`);
  const outages = await trx.selectFrom('maps_outages').select('id').where('odc_id', '=', id).executeTakeFirst();
  if (outages) throw new AppError(mapsErrors.ELEMENT_IN_USE, `ODC ${odc.code} has outage history and is kept.`);
  if (await trx.selectFrom('maps_cables').select('id').where('odc_id', '=', id).executeTakeFirst()) throw new AppError(mapsErrors.ELEMENT_IN_USE, `Cables start at ODC ${odc.code}: delete them first.`);
  await trx.deleteFrom('maps_odcs').where('id', '=', id).execute();
}

const odpSelect = sql`select p.*, (select count(*) from maps_customer_ports c where c.odp_id = p.id) as used_ports from maps_odps p`;

export async function listOdps(trx: Tx, filter: { odcId?: string } & Page): Promise<Odp[]> {
  const { rows } = await sql<Record<string, unknown>>`${odpSelect} where (${filter.odcId ?? null}::uuid is null or p.odc_id = ${filter.odcId ?? null}::uuid)
    order by p.code, p.id limit ${filter.limit} offset ${filter.offset}`.execute(trx);
  return rows.map(odpRow);
}

export async function getOdp(trx: Tx, id: string): Promise<Odp> {
  const { rows } = await sql<Record<string, unknown>>`${odpSelect} where p.id = ${id}`.execute(trx);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'No such ODP.');
  return odpRow(rows[0]);
}

/** Refuses an ODC id that is not this tenant's, and an ODC whose capacity is full (field errors). */
async function assertOdcHasRoom(trx: Tx, odcId: string, exceptOdpId?: string) {
  const { rows } = await sql<{ capacity: number; used: string }>`
    select d.capacity, (select count(*) from maps_odps p where p.odc_id = d.id and p.id is distinct from ${exceptOdpId ?? null}::uuid) as used
    from maps_odcs d where d.id = ${odcId}`.execute(trx);
  if (!rows[0]) throw new AppError(mapsErrors.TOPOLOGY_INVALID, 'The parent ODC does not exist.', { fields: { odcId: 'unknown ODC' } });
  if (Number(rows[0].used) >= rows[0].capacity) throw new AppError(mapsErrors.TOPOLOGY_INVALID, `The ODC is full (${rows[0].capacity} ODPs).`, { fields: { odcId: 'ODC capacity reached' } });
}

/** The tenant's ODPs against its plan's `odps` limit, before `adding` more. */
export const assertOdpsWithinLimit = (ctx: MapsContext, trx: Tx, adding = 1) =>
  ctx.limits?.assertWithinLimit(trx, 'odps', async (t) => (await sql<{ n: number }>`select count(*)::int as n from maps_odps`.execute(t)).rows[0]!.n, adding);

export async function createOdp(ctx: MapsContext, trx: Tx, input: OdpInput): Promise<Odp> {
  await assertOdcHasRoom(trx, input.odcId);
  await assertOdpsWithinLimit(ctx, trx);
  const id = newId();
  await trx
    .insertInto('maps_odps')
    .values({
      id,
      tenant_id: transactionTenantId,
      odc_id: input.odcId,
      code: input.code,
      name: input.name,
      latitude: input.latitude,
      longitude: input.longitude,
      splitter_ratio: input.splitterRatio ?? '1:8',
      port_count: input.portCount,
      created_at: ctx.clock.now(),
    })
    .execute();
  return getOdp(trx, id);
}

export async function updateOdp(trx: Tx, id: string, change: Partial<OdpInput>): Promise<Odp> {
  if (Object.keys(change).length === 0) throw new AppError('NOTHING_TO_UPDATE', 'Nothing to change.');
  const odp = await getOdp(trx, id);
  if (change.odcId !== undefined && change.odcId !== odp.odcId) await assertOdcHasRoom(trx, change.odcId, id);
  if (change.portCount !== undefined) {
    const highest = await trx.selectFrom('maps_customer_ports').select((eb) => eb.fn.max('port').as('port')).where('odp_id', '=', id).executeTakeFirst();
    if (highest?.port && change.portCount < highest.port) {
      throw new AppError(mapsErrors.TOPOLOGY_INVALID, `Port ${highest.port} holds a customer: the ODP needs at least ${highest.port} ports.`, { fields: { portCount: `at least ${highest.port}` } });
    }
  }
  const { odcId, splitterRatio, portCount, ...rest } = change;
  await trx
    .updateTable('maps_odps')
    .set({ ...rest, ...(odcId !== undefined ? { odc_id: odcId } : {}), ...(splitterRatio !== undefined ? { splitter_ratio: splitterRatio } : {}), ...(portCount !== undefined ? { port_count: portCount } : {}) })
    .where('id', '=', id)
    .execute();
  return getOdp(trx, id);
}

export async function deleteOdp(trx: Tx, id: string): Promise<void> {
  const odp = await getOdp(trx, id);
  if (odp.usedPorts > 0) throw new AppError(mapsErrors.ELEMENT_IN_USE, `ODP ${odp.code} still serves ${odp.usedPorts} customers: move them first.`);
  const used = await sql`select 1 from maps_outage_odps where odp_id = ${id} union all select 1 from maps_outage_suggestions where odp_id = ${id} limit 1`.execute(trx);
  if (used.rows.length) throw new AppError(mapsErrors.ELEMENT_IN_USE, `ODP ${odp.code} has outage history and is kept.`);
  if (await trx.selectFrom('maps_cables').select('id').where('odp_id', '=', id).executeTakeFirst()) throw new AppError(mapsErrors.ELEMENT_IN_USE, `Cables end at ODP ${odp.code}: delete them first.`);
  await trx.deleteFrom('maps_odps').where('id', '=', id).execute();
}

/**
 * Puts a customer on an ODP port (moving them if they were elsewhere). A port holds one customer.
 * An open outage over that ODP affects them from now on.
 */
export async function linkCustomer(ctx: MapsContext, trx: Tx, link: CustomerPort): Promise<CustomerPort> {
  const customer = await sql<{ id: string }>`select customer_id as id from maps_customer_points where customer_id = ${link.customerId}`.execute(trx);
  if (!customer.rows[0]) throw new AppError('NOT_FOUND', 'No such active customer.');
  // Lock the ODP so two links to its last port, or a port count change, cannot cross.
  const odp = await sql<{ port_count: number; code: string }>`select port_count, code from maps_odps where id = ${link.odpId} for update`.execute(trx);
  if (!odp.rows[0]) throw new AppError(mapsErrors.TOPOLOGY_INVALID, 'The ODP does not exist.', { fields: { odpId: 'unknown ODP' } });
  if (link.port > odp.rows[0].port_count) {
    throw new AppError(mapsErrors.TOPOLOGY_INVALID, `ODP ${odp.rows[0].code} has ports 1–${odp.rows[0].port_count}.`, { fields: { port: `out of range 1–${odp.rows[0].port_count}` } });
  }
  const holder = await sql<{ customer_id: string; code: string }>`
    select p.customer_id, c.code from maps_customer_ports p left join maps_customer_points c on c.customer_id = p.customer_id
    where p.odp_id = ${link.odpId} and p.port = ${link.port}`.execute(trx);
  if (holder.rows[0] && holder.rows[0].customer_id !== link.customerId) {
    throw new AppError(mapsErrors.PORT_TAKEN, `Port ${link.port} of ODP ${odp.rows[0].code} already holds customer ${holder.rows[0].code ?? ''}.`.trim(), { fields: { port: 'taken' } });
  }
  await sql`
    insert into maps_customer_ports (customer_id, tenant_id, odp_id, port, linked_at)
    values (${link.customerId}, app_tenant_id(), ${link.odpId}, ${link.port}, ${ctx.clock.now()})
    on conflict (customer_id) do update set odp_id = excluded.odp_id, port = excluded.port, linked_at = excluded.linked_at`.execute(trx);
  // Put on an ODP under an open outage: affected by it from now on (no dunning, the restored message).
  await sql`
    insert into maps_outage_customers (outage_id, tenant_id, customer_id)
    select a.outage_id, app_tenant_id(), ${link.customerId}::uuid from maps_outage_odps a
    join maps_outages o on o.id = a.outage_id where a.odp_id = ${link.odpId} and o.cleared_at is null
    on conflict do nothing`.execute(trx);
  return link;
}

export async function unlinkCustomer(trx: Tx, customerId: string): Promise<void> {
  await trx.deleteFrom('maps_customer_ports').where('customer_id', '=', customerId).execute();
}

export async function customerPort(trx: Tx, customerId: string): Promise<(CustomerPort & { odpCode: string; odcId: string }) | null> {
  const { rows } = await sql<{ customer_id: string; odp_id: string; port: number; code: string; odc_id: string }>`
    select p.customer_id, p.odp_id, p.port, o.code, o.odc_id from maps_customer_ports p join maps_odps o on o.id = p.odp_id
    where p.customer_id = ${customerId}`.execute(trx);
  const r = rows[0];
  return r ? { customerId: r.customer_id, odpId: r.odp_id, port: r.port, odpCode: r.code, odcId: r.odc_id } : null;
}

export async function listPortsOfOdp(trx: Tx, odpId: string) {
  const { rows } = await sql<{ customer_id: string; port: number; code: string | null; name: string | null }>`
    select p.customer_id, p.port, c.code, c.name from maps_customer_ports p left join maps_customer_points c on c.customer_id = p.customer_id
    where p.odp_id = ${odpId} order by p.port`.execute(trx);
  return rows.map((r) => ({ customerId: r.customer_id, port: r.port, customerCode: r.code, customerName: r.name }));
}
