import { sql } from 'kysely';
import type { Tx } from './database.ts';

/**
 * Reserves `count` consecutive values of a per-tenant counter and returns the first.
 * The row lock serialises concurrent callers until commit, so numbers are never reused.
 */
export async function reserveCounter(trx: Tx, name: string, count = 1): Promise<number> {
  const { rows } = await sql<{ first: string }>`
    insert into tenant_counters (tenant_id, name, value) values (app_tenant_id(), ${name}, ${count})
    on conflict (tenant_id, name) do update set value = tenant_counters.value + ${count}
    returning value - ${count} + 1 as first`.execute(trx);
  return Number(rows[0].first);
}
