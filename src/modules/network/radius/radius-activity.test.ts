import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../../platform/db/database.ts';
import { drivers, openTestDatabase, type TestDatabase } from '../../../../test/harness.ts';
import { isolationPolicy, pppoeLine, seedCustomer, seedTenant } from '../../../../test/radius/radius-fixtures.ts';
import { syncRadiusLine, takeRadiusActivity } from './index.ts';

// FreeRADIUS's writes, as its stock accounting and post-auth queries make them.
const startSession = (username: string, session: string) =>
  `insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime)
   values ('${session}', 'u-${session}', '${username}', '10.9.0.1', now())`;
const rejectLogin = (username: string) => `insert into radpostauth (username, pass, reply) values ('${username}', 'x', 'Access-Reject')`;

async function openWithLines(driver: 'pglite' | 'postgres', usernames: string[]) {
  const db = await openTestDatabase(driver);
  const tenant: TenantId = await seedTenant(db, 'net-aktivitas');
  const lines = usernames.map((username) => pppoeLine(username));
  for (const line of lines) {
    await seedCustomer(db, tenant, line.customerId);
    await db.tenant(tenant, (trx) => syncRadiusLine(trx, tenant, line, isolationPolicy));
  }
  return { db, lines };
}

describe.each(drivers)('RADIUS activity on %s', (driver) => {
  let db: TestDatabase;
  let budiId: string;
  beforeAll(async () => {
    const opened = await openWithLines(driver, ['budi']);
    db = opened.db;
    budiId = opened.lines[0]!.customerId;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const take = (limit?: number) => db.owner.transaction().execute((trx) => takeRadiusActivity(trx, limit));

  it('hands each entry out once, oldest first, gives it back on rollback, and ignores unknown usernames', async () => {
    for (const statement of [startSession('budi', 's1'), rejectLogin('stranger'), rejectLogin('budi')]) await sql.raw(statement).execute(db.owner);

    await expect(
      db.owner.transaction().execute(async (trx) => {
        await takeRadiusActivity(trx);
        throw new Error('publishing failed');
      }),
    ).rejects.toThrow('publishing failed');

    const events = [...(await take(1)), ...(await take())];
    expect(events.map((e) => [e.type, e.username, e.customerId])).toEqual([
      ['customer_online', 'budi', budiId],
      ['radius_auth_failed', 'budi', budiId],
    ]);
    expect(new Set(events.map((e) => e.key)).size).toBe(2);
    expect(await take()).toEqual([]);
  });
});

describe('RADIUS activity while FreeRADIUS writes concurrently (postgres)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    ({ db } = await openWithLines('postgres', ['dewi', 'eko']));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('still hands out an entry that commits after a later one was taken, and never one to two publishers', async () => {
    const slow = new pg.Client({ connectionString: db.url });
    const fast = new pg.Client({ connectionString: db.url });
    await Promise.all([slow.connect(), fast.connect()]);
    const take = () => db.owner.transaction().execute((trx) => takeRadiusActivity(trx));
    try {
      await slow.query('begin');
      await slow.query(startSession('dewi', 'slow')); // written first, committed last
      await fast.query(startSession('eko', 'fast'));
      expect((await take()).map((e) => e.username)).toEqual(['eko']);
      await slow.query('commit');
      expect((await take()).map((e) => e.username)).toEqual(['dewi']);

      // A publisher holding an entry in its open transaction: a second one skips it.
      await fast.query(startSession('eko', 'second'));
      await slow.query('begin');
      const held = await slow.query(`update radius_activity set published_at = now()
        where seq in (select seq from radius_activity where published_at is null for update skip locked) returning seq`);
      expect(held.rows).toHaveLength(1);
      expect(await take()).toEqual([]);
      await slow.query('rollback');
      expect((await take()).map((e) => e.username)).toEqual(['eko']);
    } finally {
      await Promise.all([slow.end(), fast.end()]);
    }
  });
});
