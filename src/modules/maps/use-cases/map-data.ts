import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { ElementKind, MapsContext } from '../maps.model.ts';
import { listCables } from './cables.ts';
import { tilesInTransaction } from './settings.ts';

/**
 * Legend states, one letter each (the whole tenant's customers travel as one string):
 * n normal, u under outage (its own element has an open outage), a affected (under an open
 * outage upstream), i isolated (unpaid), o offline (RADIUS accounting stop, last seen).
 * The order is the priority: an isolated customer under an ODC outage shows as affected.
 */
export const legendStates = { n: 'normal', u: 'under_outage', a: 'affected', i: 'isolated', o: 'offline' } as const;
export type LegendLetter = keyof typeof legendStates;

export type MapData = {
  tiles: { url: string | null; attribution: string; source: 'tenant' | 'deployment' | 'none' };
  odcs: { id: string; code: string; name: string; lat: number; lng: number; capacity: number; state: LegendLetter }[];
  odps: { id: string; code: string; name: string; lat: number; lng: number; odc: number; ports: number; used: number; state: LegendLetter }[];
  /** Column-wise (50,000 customers stay a few MB): `odp` indexes `odps` (-1: on no port), lat/lng null = draw at the ODP. */
  /** Cable routes in the colour of the ODP (or ODC) they serve. */
  cables: { id: string; name: string; kind: 'feeder' | 'distribution' | 'drop'; points: [number, number][]; lengthM: number; state: LegendLetter }[];
  customers: { ids: string[]; codes: string[]; lat: (number | null)[]; lng: (number | null)[]; odp: number[]; states: string };
  /** Legend counts of the whole tenant (not only the view). */
  counts: Record<(typeof legendStates)[LegendLetter], number>;
  /** More than `limit` of a kind in the view: that kind is cut (customers: answered none), the map asks to zoom in. */
  truncated: boolean;
  /** Customers in the view (all of them, also when truncated). */
  customersInView: number;
};

/** West, south, east, north in degrees. */
export type Bbox = [number, number, number, number];
export type MapDataOptions = { bbox?: Bbox; limit: number };

/** Five decimals: about a metre, and a fifth less JSON than six. */
const round5 = (n: number | null) => (n === null ? null : Math.round(n * 1e5) / 1e5);

/**
 * What the map draws in a view (`bbox`, else the whole tenant): customers and cables in it, the
 * ODCs and ODPs of the tenant (the legend filters and the customers' `odp` index need them all;
 * an ODP serves 8–32 customers, so 50,000 customers are ~4,000 ODPs). Each kind answers at most
 * `limit`; customers over it answer none, with their count, so the map says "zoom in".
 */
export async function mapData(ctx: MapsContext, trx: Tx, options: MapDataOptions): Promise<MapData> {
  const { limit } = options;
  const [west, south, east, north] = options.bbox ?? [-180, -90, 180, 90];
  let truncated = false;
  const cut = <T>(rows: T[]) => {
    if (rows.length <= limit) return rows;
    truncated = true;
    return rows.slice(0, limit);
  };
  const { rows: odcRows } = await sql<{ id: string; code: string; name: string; latitude: number; longitude: number; capacity: number; own: boolean }>`
    select d.id, d.code, d.name, d.latitude, d.longitude, d.capacity,
      exists (select 1 from maps_outages o where o.odc_id = d.id and o.cleared_at is null) as own
    from maps_odcs d order by d.code, d.id limit ${limit + 1}`.execute(trx);
  const { rows: odpRows } = await sql<{ id: string; code: string; name: string; latitude: number; longitude: number; odc_id: string; port_count: number; used: number; own: boolean; affected: boolean }>`
    with open_odps as (
      select a.odp_id, bool_or(o.element_kind = 'odp') as own from maps_outage_odps a
      join maps_outages o on o.id = a.outage_id where o.cleared_at is null group by a.odp_id
    ), used as (select odp_id, count(*)::int as used from maps_customer_ports group by odp_id)
    select p.id, p.code, p.name, p.latitude, p.longitude, p.odc_id, p.port_count, coalesce(u.used, 0) as used,
      coalesce(x.own, false) as own, x.odp_id is not null as affected
    from maps_odps p left join open_odps x on x.odp_id = p.id left join used u on u.odp_id = p.id order by p.code, p.id limit ${limit + 1}`.execute(trx);
  const { rows: customerRows } = await sql<{ customer_id: string; code: string; latitude: number | null; longitude: number | null; odp_id: string | null; state: LegendLetter }>`
    with own as (select customer_id from maps_outages where element_kind = 'client' and cleared_at is null)
    select c.customer_id, c.code, c.latitude, c.longitude, p.odp_id,
      case when c.customer_id in (select customer_id from own) then 'u'
           when u.customer_id is not null then 'a'
           when c.isolated then 'i'
           when s.online = false then 'o'
           else 'n' end as state
    from maps_customer_points c
    left join maps_customer_ports p on p.customer_id = c.customer_id
    left join maps_customers_under_outage u on u.customer_id = c.customer_id
    left join maps_line_signals s on s.customer_id = c.customer_id
    left join maps_odps d on d.id = p.odp_id
    where case when c.latitude is not null and c.longitude is not null
               then c.latitude between ${south} and ${north} and c.longitude between ${west} and ${east}
               else d.latitude between ${south} and ${north} and d.longitude between ${west} and ${east} end
    order by c.code, c.customer_id limit ${limit + 1}`.execute(trx);
  let customersInView = customerRows.length;
  if (customerRows.length > limit) {
    truncated = true;
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from maps_customer_points c
      left join maps_customer_ports p on p.customer_id = c.customer_id left join maps_odps d on d.id = p.odp_id
      where case when c.latitude is not null and c.longitude is not null
                 then c.latitude between ${south} and ${north} and c.longitude between ${west} and ${east}
                 else d.latitude between ${south} and ${north} and d.longitude between ${west} and ${east} end`.execute(trx);
    customersInView = rows[0]!.n;
    customerRows.length = 0;
  }
  odcRows.splice(0, odcRows.length, ...cut(odcRows));
  odpRows.splice(0, odpRows.length, ...cut(odpRows));
  // The legend counts the whole tenant, as one aggregate (the view's customers are a part of it).
  const { rows: countRows } = await sql<{ state: LegendLetter; n: number }>`
    with own as (select customer_id from maps_outages where element_kind = 'client' and cleared_at is null)
    select case when c.customer_id in (select customer_id from own) then 'u'
           when u.customer_id is not null then 'a'
           when c.isolated then 'i'
           when s.online = false then 'o'
           else 'n' end as state, count(*)::int as n
    from maps_customer_points c
    left join maps_customer_ports p on p.customer_id = c.customer_id
    left join maps_customers_under_outage u on u.customer_id = c.customer_id
    left join maps_line_signals s on s.customer_id = c.customer_id
    where p.odp_id is not null or (c.latitude is not null and c.longitude is not null)
    group by 1`.execute(trx);

  const odcIndex = new Map(odcRows.map((r, i) => [r.id, i]));
  const odpIndex = new Map(odpRows.map((r, i) => [r.id, i]));
  const counts = { normal: 0, under_outage: 0, affected: 0, isolated: 0, offline: 0 };
  for (const r of countRows) counts[legendStates[r.state]] = r.n;
  const customers: MapData['customers'] = { ids: [], codes: [], lat: [], lng: [], odp: [], states: '' };
  const states: string[] = [];
  for (const r of customerRows) {
    customers.ids.push(r.customer_id);
    customers.codes.push(r.code);
    customers.lat.push(round5(r.latitude));
    customers.lng.push(round5(r.longitude));
    customers.odp.push(r.odp_id ? (odpIndex.get(r.odp_id) ?? -1) : -1);
    states.push(r.state);
  }
  customers.states = states.join('');
  const odcOwn = new Map(odcRows.map((r) => [r.id, r.own]));
  const odpState = new Map(odpRows.map((r) => [r.id, (r.own ? 'u' : r.affected ? 'a' : 'n') as LegendLetter]));
  const cables = cut(await listCables(trx, { bbox: options.bbox, limit: limit + 1, offset: 0 })).map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    points: c.points.map(([lat, lng]) => [round5(lat)!, round5(lng)!] as [number, number]),
    lengthM: c.lengthM,
    state: (c.odpId ? odpState.get(c.odpId) : c.odcId && odcOwn.get(c.odcId) ? 'u' : 'n') ?? 'n',
  }));
  return {
    cables,
    tiles: await tilesInTransaction(ctx, trx),
    odcs: odcRows.map((r) => ({ id: r.id, code: r.code, name: r.name, lat: round5(r.latitude)!, lng: round5(r.longitude)!, capacity: r.capacity, state: r.own ? 'u' : 'n' })),
    odps: odpRows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      lat: round5(r.latitude)!,
      lng: round5(r.longitude)!,
      odc: odcIndex.get(r.odc_id) ?? -1,
      ports: r.port_count,
      used: r.used,
      state: r.own ? 'u' : r.affected ? 'a' : 'n',
    })),
    customers,
    counts,
    truncated,
    customersInView,
  };
}

export type BlastRadius = {
  element: { kind: ElementKind; id: string; name: string };
  odps: number;
  customers: number;
  underOutage: number;
  isolated: number;
  offline: number;
  odpIds: string[];
  customerIds: string[];
};

/** What an outage on this element would affect (or affects now): its ODPs and customers, with counts. */
export async function blastRadius(trx: Tx, element: { kind: ElementKind; id: string }): Promise<BlastRadius> {
  const name = await sql<{ name: string }>`
    select code || ' ' || name as name from maps_odcs where id = ${element.id} and ${element.kind}::text = 'odc'
    union all select code || ' ' || name from maps_odps where id = ${element.id} and ${element.kind}::text = 'odp'
    union all select name from maps_customer_points where customer_id = ${element.id} and ${element.kind}::text = 'client'`.execute(trx);
  if (!name.rows[0]) throw new AppError('NOT_FOUND', `No such ${element.kind}.`);
  const { rows } = await sql<{ odp_ids: string[] | null; customer_ids: string[] | null; under: number; isolated: number; offline: number }>`
    with odps as (
      select p.id from maps_odps p
      where (${element.kind}::text = 'odc' and p.odc_id = ${element.id}::uuid) or (${element.kind}::text = 'odp' and p.id = ${element.id}::uuid)
    ), customers as (
      select c.customer_id from maps_customer_ports c where c.odp_id in (select id from odps)
      union select ${element.id}::uuid where ${element.kind}::text = 'client'
    )
    select (select array_agg(id) from odps) as odp_ids, (select array_agg(customer_id) from customers) as customer_ids,
      (select count(*) from customers x join maps_customers_under_outage u on u.customer_id = x.customer_id)::int as under,
      (select count(*) from customers x join maps_customer_points c on c.customer_id = x.customer_id where c.isolated)::int as isolated,
      (select count(*) from customers x join maps_line_signals s on s.customer_id = x.customer_id where not s.online)::int as offline`.execute(trx);
  const r = rows[0]!;
  const odpIds = r.odp_ids ?? [];
  const customerIds = r.customer_ids ?? [];
  return { element: { ...element, name: name.rows[0].name }, odps: odpIds.length, customers: customerIds.length, underOutage: r.under, isolated: r.isolated, offline: r.offline, odpIds, customerIds };
}
