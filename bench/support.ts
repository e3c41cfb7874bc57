import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../src/composition-root.ts';
import { systemClock, type Clock } from '../src/platform/clock.ts';
import type { ProviderUrlOverrides } from '../src/platform/config/env.ts';
import { createSecretBox } from '../src/platform/crypto/secret-box.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import type { PhotoStorage } from '../src/modules/technicians/index.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { createLogger } from '../src/platform/logging/logger.ts';

export const benchAdminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs `fn` on a fresh PostgreSQL database (migrated), dropped afterwards. */
export async function withBenchPostgres<T>(fn: (db: Database, url: string) => Promise<T>, poolSize = 10): Promise<T> {
  const name = `simpul_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: benchAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(benchAdminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ driver: 'postgres', url: url.toString(), poolSize });
  try {
    await migrate(db.owner);
    return await fn(db, url.toString());
  } finally {
    await db.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** A fresh in-memory embedded database (migrated). */
export async function openBenchPglite(): Promise<Database> {
  const db = await openDatabase({ driver: 'pglite' });
  await migrate(db.owner);
  return db;
}

/** The whole application on `db`, logging nothing, with the postgres event transport. */
export const createBenchApp = (db: Database, options: { databaseUrl?: string; clock?: Clock; secretKey?: Buffer; providerUrls?: ProviderUrlOverrides; photoStorage?: PhotoStorage } = {}) =>
  createApp({
    db,
    photoStorage: options.photoStorage,
    clock: options.clock ?? systemClock,
    logger: createLogger({ level: 'silent' }),
    secrets: createSecretBox(options.secretKey ?? randomBytes(32)),
    config: {
      http: { port: 0, host: '127.0.0.1', publicUrl: undefined, bodyLimitBytes: 1 << 20, publicRateLimitPerMinute: 1_000_000, trustProxy: false },
      identity: { sessionTtlHours: 1, cookieSecure: false, loginMaxFailures: 5, loginWindowMinutes: 15 },
      events: { transport: 'postgres', redisUrl: undefined, redisKeyPrefix: 'bench', databaseUrl: options.databaseUrl },
      providerUrls: options.providerUrls,
    },
  });
