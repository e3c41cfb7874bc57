import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../platform/crypto/secret-box.ts';
import type { TenantId, Tx } from '../../../platform/db/database.ts';
import { drivers, openTestDatabase, type TestDatabase } from '../../../../test/harness.ts';
import { isolationPolicy, pppoeLine, seedCustomer, seedTenant } from '../../../../test/radius/radius-fixtures.ts';
import {
  desiredRadiusLine,
  isolationGroupName,
  planGroupName,
  readRadiusLine,
  removeRadiusLine,
  sameRadiusLine,
  saveNas,
  syncRadiusLine,
  type RadiusLine,
} from './index.ts';

describe.each(drivers)('RADIUS lines on %s', (driver) => {
  let db: TestDatabase;
  let tenantA: TenantId;
  let tenantB: TenantId;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
    tenantA = await seedTenant(db, 'net-a');
    tenantB = await seedTenant(db, 'net-b');
  });
  afterAll(async () => {
    await db?.drop();
  });

  const sync = async (tenant: TenantId, line: RadiusLine) => {
    await seedCustomer(db, tenant, line.customerId);
    return db.tenant(tenant, (trx) => syncRadiusLine(trx, tenant, line, isolationPolicy));
  };
  const read = (tenant: TenantId, customerId: string) => db.tenant(tenant, (trx) => readRadiusLine(trx, customerId));

  it('writes a line once, reads it back as desired, and repairs a hand edit', async () => {
    const sari = pppoeLine('sari');
    expect(await sync(tenantA, sari)).toEqual({ changed: true });
    expect(await sync(tenantA, sari)).toEqual({ changed: false });
    const actual = await read(tenantA, sari.customerId);
    expect(actual).toEqual({
      customerId: sari.customerId,
      username: 'sari',
      check: [{ attribute: 'Cleartext-Password', op: ':=', value: 'pw-sari' }],
      reply: [],
      groups: [`${tenantA}:plan:paket-20m`],
      groupReplies: { [`${tenantA}:plan:paket-20m`]: [{ attribute: 'Mikrotik-Rate-Limit', op: '=', value: '10M/20M' }] },
    });
    expect(sameRadiusLine(actual!, desiredRadiusLine(tenantA, sari, isolationPolicy))).toBe(true);

    // Someone raised the plan's speed and added a per-user reply on the database by hand.
    await db.owner.updateTable('radgroupreply').set({ value: '50M/50M' }).where('groupname', '=', planGroupName(tenantA, 'paket-20m')).execute();
    await db.owner.insertInto('radreply').values({ tenant_id: tenantA, username: 'sari', attribute: 'Framed-IP-Address', op: ':=', value: '10.0.0.9' }).execute();
    expect(await sync(tenantA, sari)).toEqual({ changed: true });
    expect(sameRadiusLine((await read(tenantA, sari.customerId))!, desiredRadiusLine(tenantA, sari, isolationPolicy))).toBe(true);
  });

  it('moves a line between its plan group and the isolation group', async () => {
    const joko = pppoeLine('joko');
    await sync(tenantA, joko);
    expect(await sync(tenantA, { ...joko, isolated: true })).toEqual({ changed: true });
    const isolated = await read(tenantA, joko.customerId);
    expect(isolated!.groups).toEqual([isolationGroupName(tenantA)]);
    expect(isolated!.groupReplies[isolationGroupName(tenantA)]).toEqual([
      { attribute: 'Mikrotik-Address-List', op: '=', value: 'simpul-isolir' },
      { attribute: 'Framed-Pool', op: '=', value: 'pool-isolir' },
      { attribute: 'Mikrotik-Rate-Limit', op: '=', value: '256k/512k' },
    ]);
    expect(await sync(tenantA, joko)).toEqual({ changed: true });
    expect((await read(tenantA, joko.customerId))!.groups).toEqual([planGroupName(tenantA, 'paket-20m')]);
  });

  it('refuses a PPPoE username another tenant owns, and leaves that tenant untouched', async () => {
    const budiA = pppoeLine('budi');
    await sync(tenantA, budiA);
    await expect(sync(tenantB, pppoeLine('budi', { password: 'stolen' }))).rejects.toMatchObject({ code: 'RADIUS_USERNAME_TAKEN' });
    // Another customer of the same tenant cannot take it either.
    await expect(sync(tenantA, pppoeLine('budi'))).rejects.toMatchObject({ code: 'RADIUS_USERNAME_TAKEN' });
    expect(sameRadiusLine((await read(tenantA, budiA.customerId))!, desiredRadiusLine(tenantA, budiA, isolationPolicy))).toBe(true);
  });

  it("keeps each tenant's rows out of the other's reach", async () => {
    const andi = pppoeLine('andi');
    await sync(tenantB, andi);
    // Same plan profile in tenant A: a group of its own, not B's.
    await sync(tenantA, pppoeLine('ani', { plan: { profile: 'paket-20m', downloadKbps: 5_000, uploadKbps: 5_000 } }));
    const bPlanGroup = planGroupName(tenantB, 'paket-20m');

    const touched = await db.tenant(tenantA, async (trx: Tx) => ({
      seen: (await trx.selectFrom('radcheck').select('username').where('username', '=', 'andi').execute()).length,
      updated: Number((await trx.updateTable('radgroupreply').set({ value: '1k/1k' }).where('groupname', '=', bPlanGroup).executeTakeFirst()).numUpdatedRows),
      deleted: Number((await trx.deleteFrom('radusergroup').where('username', '=', 'andi').executeTakeFirst()).numDeletedRows),
      line: await readRadiusLine(trx, andi.customerId),
    }));
    expect(touched).toEqual({ seen: 0, updated: 0, deleted: 0, line: null });

    // Writing into B's tenant, or into B's group under A's own tenant id, is refused by PostgreSQL.
    await expect(
      db.tenant(tenantA, (trx: Tx) => trx.insertInto('radgroupreply').values({ tenant_id: tenantB, groupname: bPlanGroup, attribute: 'Mikrotik-Rate-Limit', op: '=', value: '1k/1k' }).execute()),
    ).rejects.toThrow(/row-level security/);
    await expect(
      db.tenant(tenantA, (trx: Tx) => trx.insertInto('radgroupreply').values({ tenant_id: tenantA, groupname: bPlanGroup, attribute: 'Mikrotik-Rate-Limit', op: '=', value: '1k/1k' }).execute()),
    ).rejects.toThrow(/check constraint/);
    await expect(db.tenant(tenantA, (trx) => removeRadiusLine(trx, andi.customerId))).resolves.toEqual({ changed: false });

    expect(sameRadiusLine((await read(tenantB, andi.customerId))!, desiredRadiusLine(tenantB, andi, isolationPolicy))).toBe(true);
  });

  it("gives a customer's new username the line and drops the old one", async () => {
    const rina = pppoeLine('rina');
    await sync(tenantA, rina);
    expect(await sync(tenantA, { ...rina, username: 'rina2' })).toEqual({ changed: true });
    expect((await read(tenantA, rina.customerId))!.username).toBe('rina2');
    const old = await db.owner.selectFrom('radcheck').select('id').where('username', '=', 'rina').execute();
    expect(old).toEqual([]);
    expect(await db.tenant(tenantA, (trx) => removeRadiusLine(trx, rina.customerId))).toEqual({ changed: true });
    expect(await read(tenantA, rina.customerId)).toBeNull();
  });

  it('rejects a username FreeRADIUS would never match, and isolation with nothing to apply', async () => {
    await expect(sync(tenantA, pppoeLine('budi santoso'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'username', problem: expect.any(String) }] } });
    await expect(
      db.tenant(tenantA, (trx) => syncRadiusLine(trx, tenantA, pppoeLine('tono', { isolated: true }), {})),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'isolation', problem: expect.any(String) }] } });
  });

  it('keeps a NAS address to one tenant and its secret sealed', async () => {
    const secrets = createSecretBox(randomBytes(32));
    const nas = { address: '10.9.0.1', shortname: 'mikrotik-a', secret: 'rahasia-nas' };
    await db.tenant(tenantA, (trx) => saveNas(trx, tenantA, secrets, nas));
    await expect(db.tenant(tenantB, (trx) => saveNas(trx, tenantB, secrets, { ...nas, shortname: 'mikrotik-b' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const stored = await db.owner.selectFrom('nas').select(['tenant_id', 'secret']).where('nasname', '=', '10.9.0.1').executeTakeFirstOrThrow();
    expect(stored.tenant_id).toBe(tenantA);
    expect(secrets.open(stored.secret)).toBe('rahasia-nas');
  });
});
