import type { Page } from '../../../platform/http/pagination.ts';
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { mapsErrors } from '../maps.errors.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { MapsContext } from '../maps.model.ts';
import { setOutage } from './outages.ts';
import { settingsInTransaction } from './settings.ts';

export type LineSignalOptions = { customerId: string; online: boolean; at: Date };

/**
 * Keeps each line's latest RADIUS state (the map's "offline") and, when a line goes offline,
 * checks its ODP: K of its customers offline within the last M minutes, no open outage over the
 * ODP and no open suggestion → one suggestion and `maps.outage.suggested`. Never an outage by itself.
 */
export async function recordLineSignal(ctx: MapsContext, trx: Tx, options: LineSignalOptions): Promise<{ suggestionId: string | null }> {
  // A late, older accounting record never overwrites a newer state.
  const { rows: changed } = await sql<{ customer_id: string }>`
    insert into maps_line_signals (customer_id, tenant_id, online, changed_at)
    select c.customer_id, app_tenant_id(), ${options.online}, ${options.at} from maps_customer_points c where c.customer_id = ${options.customerId}
    on conflict (customer_id) do update set online = excluded.online, changed_at = excluded.changed_at
      where maps_line_signals.changed_at <= excluded.changed_at
    returning customer_id`.execute(trx);
  if (!changed.length || options.online) return { suggestionId: null };

  const port = await trx.selectFrom('maps_customer_ports').select('odp_id').where('customer_id', '=', options.customerId).executeTakeFirst();
  if (!port) return { suggestionId: null };
  const settings = await settingsInTransaction(trx);
  const since = new Date(options.at.getTime() - settings.signalWindowMinutes * 60_000);
  const { rows } = await sql<{ offline: number; covered: boolean; suggested: boolean; name: string }>`
    select (select count(*) from maps_customer_ports p join maps_line_signals s on s.customer_id = p.customer_id
            where p.odp_id = ${port.odp_id} and not s.online and s.changed_at >= ${since})::int as offline,
      exists (select 1 from maps_outage_odps a join maps_outages o on o.id = a.outage_id where a.odp_id = ${port.odp_id} and o.cleared_at is null) as covered,
      exists (select 1 from maps_outage_suggestions where odp_id = ${port.odp_id} and status = 'open') as suggested,
      (select code || ' ' || name from maps_odps where id = ${port.odp_id}) as name`.execute(trx);
  const r = rows[0]!;
  if (r.offline < settings.signalOfflineCount || r.covered || r.suggested) return { suggestionId: null };
  const id = newId();
  await trx
    .insertInto('maps_outage_suggestions')
    .values({ id, tenant_id: sql<string>`app_tenant_id()`, odp_id: port.odp_id, offline_customers: r.offline, window_minutes: settings.signalWindowMinutes, created_at: ctx.clock.now() })
    .execute();
  await ctx.publish(trx, 'maps.outage.suggested', { suggestionId: id, odpId: port.odp_id, areaName: r.name, offlineCustomers: r.offline, windowMinutes: settings.signalWindowMinutes }, { key: port.odp_id });
  return { suggestionId: id };
}

export type Suggestion = { id: string; odpId: string; offlineCustomers: number; windowMinutes: number; status: 'open' | 'accepted' | 'dismissed'; outageId: string | null; createdAt: Date; resolvedAt: Date | null };

export async function listSuggestions(trx: Tx, status: 'open' | 'all' = 'open', page: Page = { limit: 200, offset: 0 }): Promise<Suggestion[]> {
  let q = trx.selectFrom('maps_outage_suggestions').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset);
  if (status === 'open') q = q.where('status', '=', 'open');
  return (await q.execute()).map((r) => ({
    id: r.id,
    odpId: r.odp_id,
    offlineCustomers: r.offline_customers,
    windowMinutes: r.window_minutes,
    status: r.status as Suggestion['status'],
    outageId: r.outage_id,
    createdAt: new Date(r.created_at),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
  }));
}

/** Staff decide: accept (sets the ODP outage, propagated as any other) or dismiss. */
export async function resolveSuggestion(
  ctx: MapsContext,
  trx: Tx,
  options: { suggestionId: string; accept: boolean; actorUserId: string; cause?: string },
): Promise<Suggestion> {
  const s = await sql<{ odp_id: string; status: string }>`select odp_id, status from maps_outage_suggestions where id = ${options.suggestionId} for update`.execute(trx);
  if (!s.rows[0]) throw new AppError('NOT_FOUND', 'No such suggestion.');
  if (s.rows[0].status !== 'open') throw new AppError(mapsErrors.SUGGESTION_CLOSED, `This suggestion was already ${s.rows[0].status}.`);
  const outage = options.accept
    ? await setOutage(ctx, trx, { actorUserId: options.actorUserId, element: { kind: 'odp', id: s.rows[0].odp_id }, cause: options.cause ?? 'Banyak pelanggan offline bersamaan' })
    : null;
  await trx
    .updateTable('maps_outage_suggestions')
    .set({ status: options.accept ? 'accepted' : 'dismissed', outage_id: outage?.id ?? null, resolved_at: ctx.clock.now() })
    .where('id', '=', options.suggestionId)
    .execute();
  return (await listSuggestions(trx, 'all')).find((x) => x.id === options.suggestionId)!;
}
