import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { mapsErrors } from '../maps.errors.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { MapsContext } from '../maps.model.ts';

/** Cable routes as lines on the map (feeder ODC side, distribution, drop), with their length. */
export type CableKind = 'feeder' | 'distribution' | 'drop';
export type Cable = { id: string; name: string; kind: CableKind; points: [number, number][]; lengthM: number; odcId: string | null; odpId: string | null };
export type CableInput = { name: string; kind: CableKind; points: [number, number][]; odcId?: string | null; odpId?: string | null };

/** Great-circle length of the route in metres (haversine). */
export function routeLength(points: [number, number][]): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  let metres = 0;
  for (let i = 1; i < points.length; i++) {
    const [lat1, lng1] = points[i - 1]!;
    const [lat2, lng2] = points[i]!;
    const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
    metres += 2 * 6_371_000 * Math.asin(Math.sqrt(a));
  }
  return Math.round(metres);
}

const toCable = (r: { id: string; name: string; kind: string; points: unknown; length_m: number; odc_id: string | null; odp_id: string | null }): Cable => ({
  id: r.id,
  name: r.name,
  kind: r.kind as CableKind,
  points: (typeof r.points === 'string' ? JSON.parse(r.points) : r.points) as [number, number][],
  lengthM: r.length_m,
  odcId: r.odc_id,
  odpId: r.odp_id,
});

/** Cables by name, a page at a time; with `bbox` (west, south, east, north) those whose route's box meets it. */
export async function listCables(trx: Tx, page: { limit: number; offset: number; bbox?: [number, number, number, number] }): Promise<Cable[]> {
  let q = trx.selectFrom('maps_cables').select(['id', 'name', 'kind', 'points', 'length_m', 'odc_id', 'odp_id']);
  if (page.bbox) {
    const [west, south, east, north] = page.bbox;
    q = q.where(sql<boolean>`exists (
      select 1 from (select min((pt->>0)::float8) as s, max((pt->>0)::float8) as n, min((pt->>1)::float8) as w, max((pt->>1)::float8) as e
        from jsonb_array_elements(maps_cables.points) pt) b
      where b.s <= ${north} and b.n >= ${south} and b.w <= ${east} and b.e >= ${west})`);
  }
  return (await q.orderBy('name').orderBy('id').limit(page.limit).offset(page.offset).execute()).map(toCable);
}

async function getCable(trx: Tx, id: string): Promise<Cable> {
  return toCable(await trx.selectFrom('maps_cables').select(['id', 'name', 'kind', 'points', 'length_m', 'odc_id', 'odp_id']).where('id', '=', id).executeTakeFirstOrThrow());
}

export async function createCable(ctx: MapsContext, trx: Tx, input: CableInput): Promise<Cable> {
  if (input.odcId && !(await trx.selectFrom('maps_odcs').select('id').where('id', '=', input.odcId).executeTakeFirst())) {
    throw new AppError(mapsErrors.TOPOLOGY_INVALID, 'The ODC does not exist.', { fields: { odcId: 'unknown ODC' } });
  }
  if (input.odpId && !(await trx.selectFrom('maps_odps').select('id').where('id', '=', input.odpId).executeTakeFirst())) {
    throw new AppError(mapsErrors.TOPOLOGY_INVALID, 'The ODP does not exist.', { fields: { odpId: 'unknown ODP' } });
  }
  const id = newId();
  await sql`
    insert into maps_cables (id, tenant_id, name, kind, points, length_m, odc_id, odp_id, created_at)
    values (${id}, app_tenant_id(), ${input.name}, ${input.kind}, ${JSON.stringify(input.points)}::jsonb, ${routeLength(input.points)},
      ${input.odcId ?? null}, ${input.odpId ?? null}, ${ctx.clock.now()})`.execute(trx);
  return getCable(trx, id);
}

export async function deleteCable(trx: Tx, id: string): Promise<void> {
  const deleted = await trx.deleteFrom('maps_cables').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw new AppError('NOT_FOUND', 'No such cable.');
}
