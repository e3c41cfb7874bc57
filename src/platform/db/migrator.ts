import { readdir, readFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';

const migrationsDir = new URL('./migrations/', import.meta.url);

export type MigrationReport = { applied: string[]; alreadyApplied: number };

/**
 * Applies `migrations/*.sql` in name order, each in its own transaction, once.
 * An advisory lock lets several processes start at once on a server: one migrates, the others wait.
 */
export async function migrate(owner: Kysely<any>): Promise<MigrationReport> {
  const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
  await sql`create table if not exists schema_migrations (
    name text primary key, applied_at timestamptz not null default now())`.execute(owner);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const name of files) {
    const didApply = await owner.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(7305827)`.execute(trx);
      const done = await sql`select 1 from schema_migrations where name = ${name}`.execute(trx);
      if (done.rows.length > 0) return false;
      const text = await readFile(new URL(name, migrationsDir), 'utf8');
      await sql.raw(text).execute(trx);
      await sql`insert into schema_migrations (name) values (${name})`.execute(trx);
      return true;
    });
    if (didApply) applied.push(name);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
