import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../platform/crypto/secret-box.ts';
import type { TenantId } from '../../../platform/db/database.ts';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness.ts';
import { freeradiusDatabaseFor, mschapv2, radclient, radtest, startFreeradius, type FreeradiusServer } from '../../../../test/radius/freeradius-harness.ts';
import { isolationPolicy, pppoeLine, seedCustomer, seedTenant } from '../../../../test/radius/radius-fixtures.ts';
import {
  dataUsageByCustomer,
  findOpenSessions,
  replyAttributes,
  saveNas,
  sendNasCommand,
  syncRadiusLine,
  takeRadiusActivity,
  type RadiusLine,
} from './index.ts';
import { NasStandIn } from '../../../simulators/radius-nas/nas-stand-in.ts';

// Real FreeRADIUS 3 (Debian's stock config with Simpul's additions) on a real PostgreSQL test database, started once for this file.
describe('FreeRADIUS on the Simpul database', () => {
  let db: TestDatabase;
  let freeradius: FreeradiusServer;
  let tenant: TenantId;
  const secrets = createSecretBox(randomBytes(32));
  const budi = pppoeLine('budi');

  const sync = async (line: RadiusLine) => {
    await seedCustomer(db, tenant, line.customerId);
    return db.tenant(tenant, (trx) => syncRadiusLine(trx, tenant, line, isolationPolicy));
  };
  /** The events not taken yet, as a publisher takes them. */
  const nextEvents = () => db.owner.transaction().execute((trx) => takeRadiusActivity(trx));
  const accounting = (status: 'Start' | 'Stop', session: string, extra: Record<string, string | number> = {}) =>
    radclient(freeradius, 'acct', {
      'User-Name': 'budi',
      'Acct-Status-Type': status,
      'Acct-Session-Id': session,
      'NAS-IP-Address': '10.9.0.1',
      'Framed-IP-Address': '10.10.0.5',
      ...extra,
    });

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    tenant = await seedTenant(db, 'net-radius');
    freeradius = await startFreeradius(await freeradiusDatabaseFor(db));
  });
  afterAll(async () => {
    await freeradius?.stop();
    await db?.drop();
  });

  it('accepts an active customer with the plan rate limit, isolates, restores, and rejects a wrong password', async () => {
    expect(await sync(budi)).toEqual({ changed: true });
    const active = await radtest(freeradius, 'budi', 'pw-budi');
    expect(active.code, active.output).toBe('Access-Accept');
    expect(active.attributes['Mikrotik-Rate-Limit']).toBe('10M/20M'); // upload/download, as MikroTik reads it

    expect(await sync({ ...budi, isolated: true })).toEqual({ changed: true });
    const isolated = await radtest(freeradius, 'budi', 'pw-budi');
    expect(isolated.code).toBe('Access-Accept');
    expect(isolated.attributes).toMatchObject({
      'Mikrotik-Address-List': 'simpul-isolir',
      'Framed-Pool': 'pool-isolir',
      'Mikrotik-Rate-Limit': '256k/512k',
    });

    expect(await sync(budi)).toEqual({ changed: true });
    const restored = await radtest(freeradius, 'budi', 'pw-budi');
    expect(restored.code).toBe('Access-Accept');
    expect(restored.attributes).toEqual({ 'Mikrotik-Rate-Limit': '10M/20M' });

    const wrong = await radtest(freeradius, 'budi', 'not-the-password');
    expect(wrong.code).toBe('Access-Reject');
    const events = await nextEvents();
    expect(events).toEqual([
      expect.objectContaining({ type: 'radius_auth_failed', tenantId: tenant, customerId: budi.customerId, username: 'budi' }),
    ]);
  });

  // What MikroTik PPPoE servers negotiate, with the tenant's username style (stock filter_username would refuse it).
  it('accepts name@tenant over PAP, CHAP, MS-CHAPv1 and MS-CHAPv2 with the plan rate limit, and isolates over each', async () => {
    const sari = pppoeLine('sari@jaringsleman', { password: 'Sari-rahasia 1' });
    await sync(sari);
    const logins = {
      pap: (password: string) => radtest(freeradius, sari.username, password, 'pap'),
      chap: (password: string) => radtest(freeradius, sari.username, password, 'chap'),
      mschap: (password: string) => radtest(freeradius, sari.username, password, 'mschap'),
      mschapv2: (password: string) => mschapv2(freeradius, sari.username, password),
    };
    for (const [method, login] of Object.entries(logins)) {
      const accept = await login(sari.password);
      expect(accept.code, `${method}\n${accept.output}\n${freeradius.log()}`).toBe('Access-Accept');
      expect(accept.attributes['Mikrotik-Rate-Limit'], method).toBe('10M/20M');
      expect((await login('salah')).code, method).toBe('Access-Reject');
    }
    // MS-CHAPv2 proves the server knows the password too, and hands over the encryption keys.
    expect(Object.keys((await logins.mschapv2(sari.password)).attributes)).toEqual(expect.arrayContaining(['MS-CHAP2-Success', 'MS-MPPE-Recv-Key', 'MS-MPPE-Send-Key']));

    await sync({ ...sari, isolated: true });
    for (const [method, login] of Object.entries(logins)) {
      expect((await login(sari.password)).attributes, method).toMatchObject({ 'Mikrotik-Address-List': 'simpul-isolir', 'Mikrotik-Rate-Limit': '256k/512k' });
    }
    expect((await nextEvents()).map((e) => `${e.type} ${e.username}`)).toEqual(Array(4).fill('radius_auth_failed sari@jaringsleman'));
  });

  it('turns accounting Start and Stop into customer_online and customer_offline, and counts data usage', async () => {
    expect((await accounting('Start', 'sess-1')).code).toBe('Accounting-Response');
    const [online] = await nextEvents();
    expect(online).toMatchObject({
      type: 'customer_online',
      tenantId: tenant,
      customerId: budi.customerId,
      username: 'budi',
      session: { acctSessionId: 'sess-1', nasIpAddress: '10.9.0.1', framedIpAddress: '10.10.0.5' },
    });

    const stop = await accounting('Stop', 'sess-1', {
      'Acct-Input-Octets': 1_500_000,
      'Acct-Output-Octets': 9_000_000,
      'Acct-Session-Time': 3600,
      'Acct-Terminate-Cause': 'User-Request',
    });
    expect(stop.code).toBe('Accounting-Response');
    const [offline, ...more] = await nextEvents();
    expect(more).toEqual([]);
    expect(offline).toMatchObject({
      type: 'customer_offline',
      customerId: budi.customerId,
      session: {
        acctSessionId: 'sess-1',
        acctUniqueId: online!.type === 'customer_online' ? online!.session.acctUniqueId : '',
        uploadBytes: 1_500_000,
        downloadBytes: 9_000_000,
        durationSeconds: 3600,
        terminateCause: 'User-Request',
      },
    });

    const usage = await db.tenant(tenant, (trx) =>
      dataUsageByCustomer(trx, { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) }),
    );
    expect(usage).toEqual([{ customerId: budi.customerId, username: 'budi', uploadBytes: 1_500_000, downloadBytes: 9_000_000, sessions: 1 }]);
    // Nothing is taken twice.
    expect(await nextEvents()).toEqual([]);
  });

  it('sends CoA and Disconnect for the open session to its NAS, which acknowledges them', async () => {
    const nas = await NasStandIn.start({ secret: 'nas-secret' });
    try {
      await db.tenant(tenant, (trx) => saveNas(trx, tenant, secrets, { address: '127.0.0.1', shortname: 'mikrotik-1', secret: 'nas-secret', coaPort: nas.port }));
      await accounting('Start', 'sess-2', { 'NAS-IP-Address': '127.0.0.1' });
      const [session] = await db.tenant(tenant, (trx) => findOpenSessions(trx, 'budi'));
      expect(session).toMatchObject({ acctSessionId: 'sess-2', nasIpAddress: '127.0.0.1', nas: { coaPort: nas.port } });
      expect(session!.nas!.sealedSecret).not.toContain('nas-secret');

      const coa = await sendNasCommand(session!, { kind: 'coa', attributes: replyAttributes(budi, isolationPolicy) }, { secrets });
      expect(coa).toEqual({ status: 'acknowledged', attempts: 1 });
      const disconnect = await sendNasCommand(session!, { kind: 'disconnect' }, { secrets });
      expect(disconnect).toEqual({ status: 'acknowledged', attempts: 1 });

      expect(nas.requests).toEqual([
        {
          code: 'CoA-Request',
          identifier: expect.any(Number),
          authentic: true,
          attributes: expect.objectContaining({
            'User-Name': 'budi',
            'Acct-Session-Id': 'sess-2',
            'Framed-IP-Address': '10.10.0.5',
            'Vendor-Specific': { 'Mikrotik-Rate-Limit': '10M/20M' },
          }),
        },
        { code: 'Disconnect-Request', identifier: expect.any(Number), authentic: true, attributes: expect.objectContaining({ 'User-Name': 'budi', 'Acct-Session-Id': 'sess-2' }) },
      ]);
    } finally {
      await nas.stop();
    }
  });

  it("answers each tenant's customers from that tenant's own plan group", async () => {
    const other = await seedTenant(db, 'net-lain');
    const ani = pppoeLine('ani', { plan: { profile: 'paket-20m', downloadKbps: 5_000, uploadKbps: 5_000 } });
    await seedCustomer(db, other, ani.customerId);
    await db.tenant(other, (trx) => syncRadiusLine(trx, other, ani, isolationPolicy));
    expect((await radtest(freeradius, 'ani', 'pw-ani')).attributes).toEqual({ 'Mikrotik-Rate-Limit': '5M/5M' });
    expect((await radtest(freeradius, 'budi', 'pw-budi')).attributes).toEqual({ 'Mikrotik-Rate-Limit': '10M/20M' });
  });

  it("lets FreeRADIUS's role read the auth tables of every tenant and nothing else", async () => {
    const database = await freeradiusDatabaseFor(db);
    const radius = new pg.Client({ host: database.host, port: database.port, database: database.database, user: database.login, password: database.password });
    await radius.connect();
    try {
      const usernames = (await radius.query('select username from radcheck order by username')).rows.map((r) => r.username);
      expect(usernames).toEqual(expect.arrayContaining(['budi', 'ani']));
      await radius.query(`insert into radpostauth (username, pass, reply, authdate) values ('x', '', 'Access-Reject', now())`);
      for (const forbidden of ['select * from customers', 'select * from radius_users', 'select * from nas', 'select * from tenants', 'select * from radius_activity']) {
        await expect(radius.query(forbidden), forbidden).rejects.toThrow(/permission denied/);
      }
      await expect(radius.query(`insert into radcheck (tenant_id, username, attribute, op, value) values ('${tenant}', 'budi', 'Cleartext-Password', ':=', 'x')`)).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await radius.end();
    }
  });
});
