import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { listenTo } from '../../src/platform/db/listen.ts';
import { eventually } from '../../src/platform/events/test-support.ts';
import { exactLedger, startChaosApp, type ChaosApp } from './chaos-app.ts';
import { startPrivatePostgres } from './private-servers.ts';

// Outages are a server matter: embedded PGlite lives inside the process and cannot lose its connection.
describe('the private PostgreSQL stopped and started again while payments flow', () => {
  let chaos: ChaosApp;

  beforeAll(async () => {
    chaos = await startChaosApp(60);
  });
  afterAll(() => chaos?.close());

  const listeningBackends = async () => {
    const client = new pg.Client({ connectionString: chaos.cluster.url(chaos.databaseName) });
    await client.connect();
    try {
      const { rows } = await client.query<{ query: string }>(`select query from pg_stat_activity where datname = $1 and query ilike 'listen %'`, [
        chaos.databaseName,
      ]);
      return rows.map((r) => r.query).sort();
    } finally {
      await client.end();
    }
  };

  it('should stay up, answer 5xx while down, recover by itself with LISTEN back, and keep the ledger exact', async () => {
    const { orders } = chaos;
    const before = await listeningBackends();
    expect(before).toEqual(expect.arrayContaining(['listen "event_outbox"', 'listen "network_converge"']));

    // Payments keep arriving, one after another, through the whole outage.
    const answers = new Map<string, number>();
    let isOutage = false;
    let refusedDuringOutage = 0;
    const refusals = new Set<number>();
    let next = 0;
    // A third of the payments before the outage, the rest from the moment it begins, so the
    // outage always meets payments however fast the machine is (pg_ctl stop takes its time).
    const beforeOutage = Math.floor(orders.length / 3);
    let outageBegun!: () => void;
    const outage = new Promise<void>((resolve) => (outageBegun = resolve));
    const flowing = (async () => {
      while (next < orders.length) {
        if (next === beforeOutage) await outage;
        const order = orders[next++];
        const status = await chaos.pay(order);
        answers.set(order, status);
        if (isOutage && status !== 200) refusedDuringOutage++;
        if (status !== 200) refusals.add(status);
      }
    })();

    await eventually(async () => answers.size === beforeOutage);
    expect([...answers.values()].every((s) => s === 200)).toBe(true);
    await chaos.cluster.stop();
    isOutage = true;
    outageBegun();
    const ready = await chaos.app.http.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('DATABASE_UNAVAILABLE');
    expect(Number(ready.headers['retry-after'])).toBeGreaterThan(0);
    // Down for a few seconds, and long enough that several payments were refused meanwhile.
    const downSince = performance.now();
    await eventually(async () => refusedDuringOutage >= 5 && performance.now() - downSince > 3_000, 20_000);
    await chaos.cluster.start();
    isOutage = false;
    await flowing;
    expect([...refusals]).toEqual([503]); // DATABASE_UNAVAILABLE: the provider retries it
    // The provider retries every notification that was not accepted.
    for (const [order, status] of answers) if (status !== 200) expect(await chaos.pay(order)).toBe(200);
    expect((await chaos.app.http.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    await eventually(async () => (await chaos.ledger()).restoredRows === orders.length, 40_000);
    expect(await chaos.ledger()).toEqual(exactLedger(orders));

    // Event-driven again: the relay's and the converge worker's LISTEN connections are back.
    await eventually(async () => (await listeningBackends()).length >= before.length, 15_000);
    expect(await listeningBackends()).toEqual(expect.arrayContaining(before));

    const outageLines = chaos.logs.filter((l) => /^database (unavailable|is back)/.test(l.msg)).map((l) => l.msg);
    expect(outageLines).toEqual(['database unavailable: retrying until it is back', 'database is back']);
    expect(chaos.uncaught).toEqual([]);
  });
});

describe('a LISTEN subscription across a server restart', () => {
  it('should be notified again after the restart, and told once that it may have missed notifications', async () => {
    const cluster = await startPrivatePostgres();
    const url = cluster.url('postgres');
    let notified = 0;
    const listen = listenTo({ driver: 'postgres' } as Database, 'chaos_channel', url)!;
    const unlisten = await listen(() => void notified++);
    const notify = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`select pg_notify('chaos_channel', '')`);
      await client.end();
    };
    try {
      await notify();
      await eventually(async () => notified === 1);
      await cluster.stop();
      await cluster.start();
      await eventually(async () => notified === 2, 15_000); // the reconnect's own wake-up
      await notify();
      await eventually(async () => notified === 3, 15_000);
    } finally {
      await unlisten();
      await cluster.destroy();
    }
  });
});
