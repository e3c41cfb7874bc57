import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';

/**
 * Prepares both database shapes once per run:
 * - PGlite: a migrated data folder snapshot (a new PGlite takes seconds to initdb; loading a
 *   snapshot is quick), written to a temp file each test file loads.
 * - PostgreSQL: a migrated template database; each test file clones it (CREATE DATABASE …
 *   TEMPLATE) and drops its clone. Everything is dropped after the run.
 * A PostgreSQL server that can't be reached fails the run: nothing is skipped silently.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const templateName = `simpul_t_${runId}`;

  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required for the test suite and is not reachable at ${adminUrl} (${(error as Error).message}). ` +
        'Start it (see README, Troubleshooting) or set TEST_DATABASE_URL.',
    );
  }
  await admin.query(`create database ${templateName}`);
  const templateUrl = withDatabase(adminUrl, templateName);
  const template = await openDatabase({ driver: 'postgres', url: templateUrl, poolSize: 1 });
  await migrate(template.owner);
  await template.close();

  const pglite = await openDatabase({ driver: 'pglite' });
  await migrate(pglite.owner);
  const snapshot = await pglite.pglite!.dumpDataDir('none');
  await pglite.close();
  const dir = await mkdtemp(join(tmpdir(), 'simpul-test-'));
  const snapshotPath = join(dir, 'pglite-snapshot.tar');
  await writeFile(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));

  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplate', templateName);
  project.provide('pgliteSnapshotPath', snapshotPath);

  return async () => {
    // Clones left behind by a crashed test file go too.
    const { rows } = await admin.query(`select datname from pg_database where datname like $1`, [`${templateName}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  };
}

export const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
    pgliteSnapshotPath: string;
  }
}
