import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';

/** The role settings travel as quoted literals in the BEGIN's message (PostgreSQL): quoting must hold. */
const settings = (trx: Parameters<Parameters<TestDatabase['system']>[0]>[0]) =>
  sql<{ role: string; user_id: string }>`select current_user as role, current_setting('app.user_id') as user_id`.execute(trx).then((r) => r.rows[0]);

describe.each(drivers)('role settings of a scoped transaction on %s', (driver) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
  });
  afterAll(() => db?.drop());

  it('should arrive exactly as given, quotes and backslashes included, and end with the transaction', async () => {
    const tricky = `o'brien\\'; select pg_sleep(10); --`;
    expect(await db.system(settings, { userId: tricky })).toEqual({ role: 'simpul_app', user_id: tricky });
    expect(await db.platform(settings, { userId: 'plain' })).toEqual({ role: 'simpul_platform', user_id: 'plain' });
  });
});

// PGlite has one session: a transaction inside another's callback would wait for it forever.
describe('nested scoped transactions on postgres', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(() => db?.drop());

  it('should open a transaction inside another’s callback with its own settings, and one on the owner as the owner', async () => {
    const inner = await db.system(() => db.platform(settings), { userId: 'outer' });
    expect(inner).toEqual({ role: 'simpul_platform', user_id: '' });
    const owner = (await sql<{ role: string }>`select current_user as role`.execute(db.owner)).rows[0].role;
    const nested = await db.system(() => db.owner.transaction().execute((trx) => sql<{ role: string }>`select current_user as role`.execute(trx)));
    expect(nested.rows[0].role).toBe(owner);
  });
});
