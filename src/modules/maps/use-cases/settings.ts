import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { MapsContext, MapsSettings } from '../maps.model.ts';

const toSettings = (r: Record<string, any> | undefined): MapsSettings => ({
  technicianThreshold: r?.technician_threshold ?? 20,
  signalOfflineCount: r?.signal_offline_count ?? 5,
  signalWindowMinutes: r?.signal_window_minutes ?? 10,
  tileUrl: r?.tile_url ?? null,
  tileAttribution: r?.tile_attribution ?? null,
});

/** The tenant's map settings; defaults until first changed (no row). */
export async function settingsInTransaction(trx: Tx): Promise<MapsSettings> {
  return toSettings(await trx.selectFrom('maps_settings').selectAll().executeTakeFirst());
}

export async function updateSettings(ctx: MapsContext, trx: Tx, change: Partial<MapsSettings>): Promise<MapsSettings> {
  if (Object.keys(change).length === 0) throw new AppError('NOTHING_TO_UPDATE', 'Nothing to change.');
  const s = { ...(await settingsInTransaction(trx)), ...change };
  await sql`
    insert into maps_settings (tenant_id, technician_threshold, signal_offline_count, signal_window_minutes, tile_url, tile_attribution, updated_at)
    values (app_tenant_id(), ${s.technicianThreshold}, ${s.signalOfflineCount}, ${s.signalWindowMinutes}, ${s.tileUrl}, ${s.tileAttribution}, ${ctx.clock.now()})
    on conflict (tenant_id) do update set technician_threshold = excluded.technician_threshold, signal_offline_count = excluded.signal_offline_count,
      signal_window_minutes = excluded.signal_window_minutes, tile_url = excluded.tile_url, tile_attribution = excluded.tile_attribution,
      updated_at = excluded.updated_at`.execute(trx);
  return s;
}

/** The tile source the map uses: the tenant's, else the deployment's; null url = a plain background. */
export async function tilesInTransaction(ctx: MapsContext, trx: Tx) {
  const s = await settingsInTransaction(trx);
  if (s.tileUrl) return { url: s.tileUrl, attribution: s.tileAttribution ?? '', source: 'tenant' as const };
  if (ctx.defaultTiles?.url) return { url: ctx.defaultTiles.url, attribution: ctx.defaultTiles.attribution ?? '', source: 'deployment' as const };
  return { url: null, attribution: '', source: 'none' as const };
}
