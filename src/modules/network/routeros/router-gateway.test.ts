import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import { convergeLines } from './converge.ts';
import { createRouterGateway, type RouterGatewayOptions } from './router-gateway.ts';
import { Menu } from '../../../simulators/routeros/router-model.ts';
import { RouterStandIn } from '../../../simulators/routeros/router-stand-in.ts';
import { standInTls } from '../../../simulators/routeros/test-tls.ts';
import type { DesiredLine, EnforcementSettings, RouterConnection } from './types.ts';

const settings: EnforcementSettings = { isolationAddressList: 'simpul-isolir', isolationProfile: 'isolir' };

const isolatedIp = (customerId: string, address: string, isolated = true): DesiredLine => ({ mode: 'address-list', customerId, address, isolated });
const pppoe = (customerId: string, username: string, isolated: boolean, extra: Partial<DesiredLine> = {}): DesiredLine =>
  ({ mode: 'pppoe', customerId, username, isolated, planProfile: 'paket-10m', ...extra }) as DesiredLine;

describe.each(['routeros-api', 'rest'] as const)('RouterOS gateway over %s, against the stand-in', (apiKind) => {
  let standIn: RouterStandIn;

  const connectionTo = (router: RouterStandIn, overrides: Partial<RouterConnection> = {}): RouterConnection => ({
    routerId: 'router-1',
    host: router.host,
    port: apiKind === 'rest' ? router.restPort : router.apiPort,
    apiKind,
    username: 'simpul',
    password: 'rahasia',
    ...overrides,
  });
  const gatewayFor = (overrides: Partial<RouterConnection> = {}, options: RouterGatewayOptions = {}) =>
    createRouterGateway(connectionTo(standIn, overrides), settings, { connectTimeoutMs: 2_000, commandTimeoutMs: 2_000, ...options });
  const isolationEntries = () => standIn.model.print(Menu.addressList, { query: ['list=simpul-isolir'] });
  const secretProfile = (name: string) => standIn.model.print(Menu.pppSecret, { query: [`name=${name}`] })[0]?.profile;

  beforeEach(async () => {
    standIn = await RouterStandIn.start({ username: 'simpul', password: 'rahasia' });
    standIn.model.add(Menu.pppProfile, { name: 'paket-10m' });
    standIn.model.add(Menu.pppProfile, { name: 'isolir' });
    standIn.model.add(Menu.pppSecret, { name: 'budi', password: 'x', profile: 'paket-10m' });
    standIn.model.add(Menu.pppSecret, { name: 'sari', password: 'y', profile: 'paket-10m' });
  });
  afterEach(async () => {
    await standIn.stop();
  });

  it('tests the connection: identity and RouterOS version', async () => {
    expect(await gatewayFor().testConnection()).toEqual({ ok: true, identity: 'simpul-stand-in', version: '7.16.2 (stable)' });
  });

  describe('address-list mode', () => {
    it('isolation adds one tagged entry; applying the same state again changes nothing', async () => {
      const gateway = gatewayFor();
      const [first] = await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.5')], settings);
      expect(first.status).toBe('changed');
      const entries = isolationEntries();
      expect(entries).toMatchObject([{ address: '10.10.0.5', comment: 'simpul:cust-1' }]);

      const [second] = await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.5')], settings);
      expect(second).toMatchObject({ status: 'in-sync', results: [] });
      expect(isolationEntries()).toEqual(entries);
    });

    it('restore removes the entry', async () => {
      const gateway = gatewayFor();
      await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.5')], settings);
      const [restored] = await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.5', false)], settings);
      expect(restored.status).toBe('changed');
      expect(isolationEntries()).toEqual([]);
      expect((await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.5', false)], settings))[0].status).toBe('in-sync');
    });

    it('sees hand edits on the router, so a reconcile repairs them', async () => {
      const gateway = gatewayFor();
      await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.5'), isolatedIp('cust-2', '10.10.0.6', false)], settings);
      // Someone in Winbox lifts cust-1's isolation and isolates paying cust-2.
      standIn.model.remove(Menu.addressList, isolationEntries()[0]['.id']);
      standIn.model.add(Menu.addressList, { list: 'simpul-isolir', address: '10.10.0.6', comment: 'manual' });

      const actual = await gateway.readLines([
        { mode: 'address-list', customerId: 'cust-1', address: '10.10.0.5' },
        { mode: 'address-list', customerId: 'cust-2', address: '10.10.0.6' },
      ]);
      expect(actual).toMatchObject([{ entries: [] }, { entries: [{ address: '10.10.0.6', comment: 'manual' }] }]);

      const repaired = await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.5'), isolatedIp('cust-2', '10.10.0.6', false)], settings);
      expect(repaired.map((line) => line.status)).toEqual(['changed', 'changed']);
      expect(isolationEntries()).toMatchObject([{ address: '10.10.0.5', comment: 'simpul:cust-1' }]);
    });

    it('follows a customer whose IP changed: the old tagged entry goes, the new one comes', async () => {
      const gateway = gatewayFor();
      await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.5')], settings);
      await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.9')], settings);
      expect(isolationEntries()).toMatchObject([{ address: '10.10.0.9', comment: 'simpul:cust-1' }]);
    });
  });

  describe('PPPoE profile mode', () => {
    it('isolation switches the profile and kicks the session, which redials into isolation; restore reverses', async () => {
      const gateway = gatewayFor();
      standIn.model.dial('budi', '10.20.0.2');

      const [isolated] = await convergeLines(gateway, [pppoe('cust-7', 'budi', true)], settings);
      expect(isolated.results.map((result) => [result.change.op, result.status])).toEqual([
        ['set-ppp-profile', 'applied'],
        ['kick-ppp-session', 'applied'],
      ]);
      expect(secretProfile('budi')).toBe('isolir');
      expect(standIn.model.activeSessions()).toEqual([]);

      standIn.model.dial('budi', '10.20.0.2');
      expect(standIn.model.activeSessions()[0].profileAtDial).toBe('isolir');
      expect((await convergeLines(gateway, [pppoe('cust-7', 'budi', true)], settings))[0]).toMatchObject({ status: 'in-sync' });
      expect(standIn.model.activeSessions()).toHaveLength(1);

      const [restored] = await convergeLines(gateway, [pppoe('cust-7', 'budi', false)], settings);
      expect(restored.status).toBe('changed');
      expect(secretProfile('budi')).toBe('paket-10m');
      expect(standIn.model.activeSessions()).toEqual([]);
    });

    it('repairs a profile edited by hand and leaves other customers alone', async () => {
      const gateway = gatewayFor();
      await convergeLines(gateway, [pppoe('cust-7', 'budi', true), pppoe('cust-8', 'sari', false)], settings);
      standIn.model.set(Menu.pppSecret, standIn.model.print(Menu.pppSecret, { query: ['name=budi'] })[0]['.id'], { profile: 'paket-10m' });

      const outcomes = await convergeLines(gateway, [pppoe('cust-7', 'budi', true), pppoe('cust-8', 'sari', false)], settings);
      expect(outcomes.map((line) => line.status)).toEqual(['changed', 'in-sync']);
      expect(secretProfile('budi')).toBe('isolir');
    });

    it('kicks a session older than the last confirmed switch (a kick that was lost)', async () => {
      const gateway = gatewayFor();
      await convergeLines(gateway, [pppoe('cust-7', 'budi', true)], settings);
      standIn.model.dial('budi', '10.20.0.2');
      const confirmedLater = new Date(Date.now() + 60_000);
      const [line] = await convergeLines(gateway, [pppoe('cust-7', 'budi', true, { profileConfirmedAt: confirmedLater })], settings);
      expect(line.results.map((result) => result.change.op)).toEqual(['kick-ppp-session']);
      expect(standIn.model.activeSessions()).toEqual([]);
    });

    it('reports a missing PPP secret instead of claiming the line is in sync', async () => {
      const [line] = await convergeLines(gatewayFor(), [pppoe('cust-9', 'nobody', true)], settings);
      expect(line).toMatchObject({ status: 'failed', error: { code: 'NOT_FOUND' } });
    });
  });

  describe('bad input and broken routers: classified errors, nothing reported applied', () => {
    const isolateBudi = [{ op: 'set-ppp-profile', customerId: 'cust-7', secretId: '*0', username: 'budi', profile: 'isolir' }] as const;

    it('a router that is offline refuses the connection', async () => {
      await standIn.goOffline();
      const gateway = gatewayFor();
      expect(await gateway.testConnection()).toMatchObject({ ok: false, error: { code: 'ROUTER_REFUSED', httpStatus: 502 } });
      await expect(gateway.readLines([{ mode: 'pppoe', customerId: 'c', username: 'budi' }])).rejects.toMatchObject({ code: 'ROUTER_REFUSED' });
      const [line] = await convergeLines(gateway, [isolatedIp('cust-1', '10.10.0.5')], settings);
      expect(line).toMatchObject({ status: 'failed', error: { code: 'ROUTER_REFUSED' } });
    });

    it('a host that cannot be reached is unreachable', async () => {
      // .invalid never resolves (RFC 2606), with or without DNS on the machine.
      const result = await gatewayFor({ host: 'router.invalid' }).testConnection();
      expect(result).toMatchObject({ ok: false, error: { code: 'ROUTER_UNREACHABLE', details: { host: 'router.invalid' } } });
    });

    it('a wrong password is a bad login and applies nothing', async () => {
      standIn.setCredentials('simpul', 'changed-by-operator');
      const gateway = gatewayFor();
      expect(await gateway.testConnection()).toMatchObject({ ok: false, error: { code: 'ROUTER_AUTH_FAILED' } });
      const results = await gateway.apply([{ op: 'add-address-list-entry', customerId: 'c', list: 'simpul-isolir', address: '10.0.0.1', comment: 'simpul:c' }]);
      expect(results).toMatchObject([{ status: 'failed', error: { code: 'ROUTER_AUTH_FAILED' } }]);
      expect(isolationEntries()).toEqual([]);
    });

    it('a malformed address is refused before anything is sent; other lines still converge', async () => {
      const outcomes = await convergeLines(gatewayFor(), [isolatedIp('cust-1', '10.10.0.300'), isolatedIp('cust-2', '10.10.0.6')], settings);
      expect(outcomes[0]).toMatchObject({ status: 'failed', error: { code: 'INVALID_ADDRESS', httpStatus: 422 } });
      expect(outcomes[1].status).toBe('changed');
      expect(isolationEntries().map((entry) => entry.address)).toEqual(['10.10.0.6']);

      const [direct] = await gatewayFor().apply([{ op: 'add-address-list-entry', customerId: 'c', list: 'simpul-isolir', address: 'not-an-ip', comment: 'simpul:c' }]);
      expect(direct).toMatchObject({ status: 'failed', error: { code: 'INVALID_ADDRESS' } });
    });

    it('a TLS client on a plain port fails as TLS', async () => {
      const result = await gatewayFor({ tls: {} }).testConnection();
      expect(result).toMatchObject({ ok: false, error: { code: 'ROUTER_TLS_FAILED' } });
    });

    it('an untrusted router certificate fails as TLS', async () => {
      const secure = await RouterStandIn.start({ username: 'simpul', password: 'rahasia', tls: standInTls });
      try {
        const gateway = createRouterGateway(connectionTo(secure, { tls: {} }), settings, { connectTimeoutMs: 2_000 });
        expect(await gateway.testConnection()).toMatchObject({ ok: false, error: { code: 'ROUTER_TLS_FAILED' } });
        await expect(gateway.apply(isolateBudi as never)).resolves.toMatchObject([{ status: 'failed', error: { code: 'ROUTER_TLS_FAILED' } }]);
      } finally {
        await secure.stop();
      }
    });

    it('a slow router times out per command', async () => {
      standIn.faults.latencyMs = 300;
      const gateway = gatewayFor({}, { commandTimeoutMs: 100 });
      await expect(gateway.readLines([{ mode: 'pppoe', customerId: 'c', username: 'budi' }])).rejects.toMatchObject({ code: 'ROUTER_TIMEOUT' });
    });

    it('a connection dropped mid-batch reports exactly which changes were applied', async () => {
      const customers = Array.from({ length: 8 }, (_, i) => isolatedIp(`cust-${i}`, `10.10.1.${i + 1}`));
      const gateway = gatewayFor({}, { concurrency: 4 });
      const changes = customers.map((line) => ({
        op: 'add-address-list-entry' as const,
        customerId: line.customerId,
        list: 'simpul-isolir',
        address: (line as { address: string }).address,
        comment: `simpul:${line.customerId}`,
      }));
      // REST's session opens with one request (GET /system/identity); the API's login is not counted.
      standIn.faults.dropAfterCommands(apiKind === 'rest' ? 4 : 3);

      const results = await gateway.apply(changes);
      const applied = results.filter((result) => result.status === 'applied').map((result) => (result.change as { address: string }).address);
      expect(applied).toHaveLength(3);
      expect(isolationEntries().map((entry) => entry.address).sort()).toEqual([...applied].sort());
      for (const result of results.filter((each) => each.status === 'failed')) {
        expect(result).toMatchObject({ error: { code: 'ROUTER_CONNECTION_LOST' } });
      }

      standIn.faults.dropAfterCommands(null);
      const retried = await convergeLines(gateway, customers, settings);
      expect(retried.filter((line) => line.status === 'in-sync')).toHaveLength(3);
      expect(isolationEntries()).toHaveLength(8);
    });

    it('opens the circuit after repeated connection failures and closes it after the cool-down', async () => {
      const clock = new ManualClock('2026-11-24T10:00:00+07:00');
      const gateway = gatewayFor({}, { clock, circuitBreaker: { failureThreshold: 2, coolDownMs: 60_000 } });
      await standIn.goOffline();
      expect(await gateway.testConnection()).toMatchObject({ error: { code: 'ROUTER_REFUSED' } });
      expect(await gateway.testConnection()).toMatchObject({ error: { code: 'ROUTER_REFUSED' } });
      await standIn.comeOnline();
      expect(await gateway.testConnection()).toMatchObject({ ok: false, error: { code: 'ROUTER_CIRCUIT_OPEN', httpStatus: 503 } });
      clock.advance(60_001);
      expect(await gateway.testConnection()).toMatchObject({ ok: true });
    });
  });
});
