import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { withDatabase } from './global-setup.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { createApp, type App, type AppOptions } from '../src/composition-root.ts';
import { createSecretBox } from '../src/platform/crypto/secret-box.ts';
import type { GatewayFactory } from '../src/modules/network/index.ts';
import type { PhotoStorage } from '../src/modules/technicians/index.ts';
import { createTenantDirectory } from '../src/modules/tenants/index.ts';
import type { ProviderUrlOverrides } from '../src/platform/config/env.ts';

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

/** The tenants module's read API over `db`, for platform suites that build a scheduler without the whole app. */
export const tenantDirectoryOf = (db: Database) => createTenantDirectory({ db });

export const testConfig = {
  http: { port: 0, host: '127.0.0.1', publicUrl: undefined, bodyLimitBytes: 64 * 1024, publicRateLimitPerMinute: 1200, trustProxy: false },
  // Scenario tests move the clock by months: sessions must outlive that.
  identity: { sessionTtlHours: 24 * 365 * 5, cookieSecure: false, loginMaxFailures: 5, loginWindowMinutes: 15 },
};

export type TestApp = App & { clock: ManualClock; db: TestDatabase; stop(): Promise<void> };

/**
 * The whole application on a fresh database of `driver`, with a clock the test moves.
 * `events: true` also runs the event bus (relay and handlers) as `npm start` does.
 */
export async function createTestApp(
  driver: DriverName,
  options: { start?: string; events?: boolean; routerGateways?: GatewayFactory; providerUrls?: ProviderUrlOverrides; photoStorage?: PhotoStorage; saas?: AppOptions['saas']; resolveTxt?: AppOptions['resolveTxt'] } = {},
): Promise<TestApp> {
  const db = await openTestDatabase(driver);
  const clock = new ManualClock(options.start ?? '2026-11-24T03:00:00Z');
  const app = await createApp({
    db,
    clock,
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    secrets: createSecretBox(randomBytes(32)),
    routerGateways: options.routerGateways,
    photoStorage: options.photoStorage,
    saas: options.saas,
    resolveTxt: options.resolveTxt,
    config: {
      ...testConfig,
      events: { transport: 'postgres', redisUrl: undefined, redisKeyPrefix: 'simpul-test', databaseUrl: db.url },
      // Provider stand-ins, as SIMPUL_PROVIDER_URL_OVERRIDES sets them in development.
      providerUrls: options.providerUrls,
    },
  });
  // The scheduler stays off: tests run jobs by hand or through the API at the instants they choose.
  if (options.events) await app.start({ workers: true, scheduler: false });
  return Object.assign(app, {
    clock,
    db,
    stop: async () => {
      await app.close();
      await db.drop();
    },
  });
}

/** A super admin, a tenant with an owner, returned with session cookies for both. */
export async function seedTenantWithOwner(app: TestApp, slug: string, timeZone = 'WIB') {
  const superAdmin = { email: `root-${slug}@platform.test`, password: 'rahasia-super-123' };
  await app.identity.ensureSuperAdmin({ ...superAdmin, name: 'Root' });
  const rootCookie = await loginCookie(app, superAdmin.email, superAdmin.password);
  const owner = { email: `owner@${slug}.test`, name: `Owner ${slug}`, password: 'pemilik-123456' };
  const res = await app.http.inject({
    method: 'POST',
    url: '/api/platform/tenants',
    headers: { cookie: rootCookie },
    payload: { name: `Net ${slug}`, slug, timeZone, owner },
  });
  if (res.statusCode !== 201) throw new Error(`tenant creation failed: ${res.body}`);
  const tenantId = res.json().tenant.id as string;
  return { tenantId, rootCookie, owner, ownerCookie: await loginCookie(app, owner.email, owner.password) };
}

export async function loginCookie(app: TestApp, email: string, password: string): Promise<string> {
  const res = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'simpul_session');
  return `simpul_session=${cookie!.value}`;
}

/**
 * Adds a person to the inviter's tenant as a user would: an invitation, accepted with a new
 * account's password (or, with `cookie`, by that logged-in person). Returns their id and a session.
 */
export async function addStaff(
  app: TestApp,
  inviterCookie: string,
  person: { email: string; name: string; phone?: string; roles: string[]; password: string; cookie?: string },
) {
  const { password, cookie, ...invited } = person;
  const invite = await app.http.inject({ method: 'POST', url: '/api/staff', headers: { cookie: inviterCookie }, payload: invited });
  if (invite.statusCode !== 201) throw new Error(`invitation failed for ${person.email}: ${invite.body}`);
  const accept = await app.http.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    headers: cookie ? { cookie } : {},
    payload: cookie ? { token: invite.json().token } : { token: invite.json().token, password },
  });
  if (accept.statusCode !== 200) throw new Error(`accepting the invitation failed for ${person.email}: ${accept.body}`);
  return { userId: accept.json().userId as string, cookie: cookie ?? (await loginCookie(app, person.email, password)) };
}
