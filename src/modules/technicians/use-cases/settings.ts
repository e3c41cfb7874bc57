import type { Tx } from '../../../platform/db/database.ts';
import { transactionTenantId, type TechniciansContext, type TechniciansSettings } from '../technicians.model.ts';

/** The tenant's technician settings (defaults until changed). */
export async function settingsInTransaction(trx: Tx): Promise<TechniciansSettings> {
  const row = await trx.selectFrom('technicians_settings').selectAll().executeTakeFirst();
  return { outageFixMode: (row?.outage_fix_mode as TechniciansSettings['outageFixMode']) ?? 'clear', retentionDays: row?.retention_days ?? 365 };
}

export async function updateSettings(ctx: TechniciansContext, trx: Tx, change: Partial<TechniciansSettings>): Promise<TechniciansSettings> {
  const merged = { ...(await settingsInTransaction(trx)), ...change };
  const now = ctx.clock.now();
  await trx
    .insertInto('technicians_settings')
    .values({ tenant_id: transactionTenantId, outage_fix_mode: merged.outageFixMode, retention_days: merged.retentionDays, updated_at: now })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ outage_fix_mode: merged.outageFixMode, retention_days: merged.retentionDays, updated_at: now }))
    .execute();
  return settingsInTransaction(trx);
}
