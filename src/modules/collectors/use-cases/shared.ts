import { sql } from 'kysely';
import { localDate, type IsoDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { collectorsErrors } from '../collectors.errors.ts';
import type { CollectorsContext } from '../collectors.model.ts';

/** The tenant's local calendar day now. */
export const todayOf = async (ctx: Pick<CollectorsContext, 'clock' | 'tenants'>, trx: Tx): Promise<IsoDate> =>
  localDate(ctx.clock.now(), await ctx.tenants.timeZoneInTransaction(trx));

/** A field date: back-dating is fine (no signal in the field), the future is refused. */
export function assertNotFuture(day: IsoDate, today: IsoDate, field: string) {
  if (day > today) throw new AppError(collectorsErrors.DATE_IN_FUTURE, `${day} is after today (${today}).`, { fields: { [field]: 'in_future' } });
}

/** The next number of a kind for the year, e.g. KOL-2026-000042, taken under the counter row's lock. */
export async function nextNumber(trx: Tx, kind: 'KOL' | 'SETOR' | 'BANK', year: number): Promise<string> {
  const { rows } = await sql<{ last: number }>`
    insert into collectors_counters (tenant_id, kind, year, last) values (app_tenant_id(), ${kind}, ${year}, 1)
    on conflict (tenant_id, kind, year) do update set last = collectors_counters.last + 1
    returning last`.execute(trx);
  return `${kind}-${year}-${String(rows[0].last).padStart(6, '0')}`;
}

/** An active staff member of the tenant, with their name; NOT_A_COLLECTOR unless they hold the collector role. */
export async function requireCollector(ctx: Pick<CollectorsContext, 'identity'>, trx: Tx, userId: string): Promise<{ userId: string; name: string }> {
  const collector = (await ctx.identity.staffContactsInTransaction(trx, ['collector'])).find((s) => s.userId === userId);
  if (!collector) throw new AppError(collectorsErrors.NOT_A_COLLECTOR, 'That person is not an active collector of this tenant.', { fields: { collectorUserId: 'not_a_collector' } });
  return { userId, name: collector.name };
}

/** A staff member's name (for messages); their id when they are no longer active. */
export async function staffName(ctx: Pick<CollectorsContext, 'identity'>, trx: Tx, userId: string): Promise<string> {
  const staff = await ctx.identity.staffContactsInTransaction(trx, ['owner', 'admin', 'finance', 'collector', 'technician']);
  return staff.find((s) => s.userId === userId)?.name ?? userId;
}

export type LogEntry = {
  collectorUserId: string | null;
  actorUserId: string | null;
  action: 'assigned' | 'released' | 'visit' | 'collection' | 'collection_rejected' | 'handover' | 'settlement' | 'write_off' | 'deposit';
  subject: string | null;
  amount?: number | null;
  detail?: string | null;
};

/** One line of the collectors' log (purged after the tenant's retention; money rows are kept). */
export async function addLog(ctx: Pick<CollectorsContext, 'clock'>, trx: Tx, entries: LogEntry[]) {
  if (entries.length === 0) return;
  const now = ctx.clock.now();
  await trx
    .insertInto('collectors_logs')
    .values(
      entries.map((e) => ({
        id: newId(),
        tenant_id: sql<string>`app_tenant_id()`,
        collector_user_id: e.collectorUserId,
        actor_user_id: e.actorUserId,
        action: e.action,
        subject: e.subject,
        amount: e.amount ?? null,
        detail: e.detail ?? null,
        created_at: now,
      })),
    )
    .execute();
}
