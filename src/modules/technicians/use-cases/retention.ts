import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { TechniciansContext } from '../technicians.model.ts';
import { settingsInTransaction } from './settings.ts';

/**
 * Retention: tasks closed more than the tenant's retention days ago are deleted with their
 * activities, lines and photo records (cascade), and free-standing activities as old with theirs.
 * Returns the storage keys to delete once this commits (an orphan object is harmless; a record
 * without its bytes is not, so the bytes go after the rows).
 */
export async function purgeExpired(ctx: TechniciansContext, trx: Tx): Promise<{ tasks: number; activities: number; keys: string[] }> {
  const { retentionDays } = await settingsInTransaction(trx);
  const before = new Date(ctx.clock.now().getTime() - retentionDays * 86_400_000);
  const { rows: keys } = await sql<{ storage_key: string; thumbnail_key: string }>`
    select p.storage_key, p.thumbnail_key from technicians_photos p
    left join technicians_activities a on a.id = p.activity_id
    left join technicians_tasks t on t.id = coalesce(p.task_id, a.task_id)
    where (t.closed_at is not null and t.closed_at < ${before}) or (t.id is null and a.created_at < ${before})`.execute(trx);
  const tasks = await trx.deleteFrom('technicians_tasks').where('closed_at', 'is not', null).where('closed_at', '<', before).executeTakeFirst();
  const activities = await trx.deleteFrom('technicians_activities').where('task_id', 'is', null).where('created_at', '<', before).executeTakeFirst();
  return { tasks: Number(tasks.numDeletedRows), activities: Number(activities.numDeletedRows), keys: keys.flatMap((k) => [k.storage_key, k.thumbnail_key]) };
}
