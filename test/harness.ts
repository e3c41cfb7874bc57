import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { withDatabase } from './global-setup.ts';

export type DriverName = 'pglite' | 'postgres';
/** Integration suites run on both shapes: `describe.each(drivers)`. */
export const drivers: DriverName[] = ['pglite', 'postgres'];

export type TestDatabase = Database & { url?: string; drop(): Promise<void> };

/** A fresh, migrated database of the given shape; `drop()` closes and removes it. */
export async function openTestDatabase(driver: DriverName): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const snapshot = await readFile(inject('pgliteSnapshotPath'));
    const db = await openDatabase({ driver: 'pglite', loadDataDir: new Blob([snapshot]) });
    return Object.assign(db, { drop: () => db.close() });
  }
  const adminUrl = inject('postgresAdminUrl');
  const template = inject('postgresTemplate');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database "${name}" template "${template}"`));
  const url = withDatabase(adminUrl, name);
  const db = await openDatabase({ driver: 'postgres', url, poolSize: 5 });
  return Object.assign(db, {
    url,
    drop: async () => {
      await db.close();
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  });
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
