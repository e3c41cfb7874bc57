import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { defaultSettings, type CollectorsContext, type CollectorsSettings } from '../collectors.model.ts';

/** The tenant's collector settings (defaults until changed). */
export async function settingsInTransaction(trx: Tx): Promise<CollectorsSettings> {
  const row = await trx.selectFrom('collectors_settings').selectAll().executeTakeFirst();
  if (!row) return { ...defaultSettings };
  return {
    dueWindowDays: row.due_window_days,
    allowPartial: row.allow_partial,
    restoreOnCollection: row.restore_on_collection,
    logRetentionDays: row.log_retention_days,
  };
}

export type UpdateSettingsOptions = { change: Partial<CollectorsSettings> };

export async function updateSettings(ctx: Pick<CollectorsContext, 'clock'>, trx: Tx, { change }: UpdateSettingsOptions): Promise<CollectorsSettings> {
  const next = { ...(await settingsInTransaction(trx)), ...change };
  const values = {
    due_window_days: next.dueWindowDays,
    allow_partial: next.allowPartial,
    restore_on_collection: next.restoreOnCollection,
    log_retention_days: next.logRetentionDays,
    updated_at: ctx.clock.now(),
  };
  await trx
    .insertInto('collectors_settings')
    .values({ tenant_id: sql<string>`app_tenant_id()`, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
  return next;
}
