import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../src/platform/events/test-support.ts';
import { exactLedger, startChaosApp, type ChaosApp } from './chaos-app.ts';

// Outages are a server matter: embedded PGlite lives inside the process and cannot lose its connection.
describe('every backend of a running process terminated mid-transaction (private PostgreSQL)', () => {
  let chaos: ChaosApp;

  beforeAll(async () => {
    chaos = await startChaosApp(20);
  });
  afterAll(() => chaos?.close());

  it('should stay up, answer the next requests, and keep the ledger exact', async () => {
    const { orders } = chaos;
    for (const order of orders.slice(0, 8)) expect(await chaos.pay(order)).toBe(200);

    // Someone holds the invoice of the next order, so its payment request waits inside its transaction.
    const blocker = new pg.Client({ connectionString: chaos.cluster.url(chaos.databaseName) });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query(`select 1 from billing_invoices i join billing_payment_links l on l.invoice_id = i.id where l.order_id = $1 for update of i`, [orders[8]]);
    const held = chaos.pay(orders[8]);
    await eventually(async () => {
      const { rows } = await blocker.query(`select 1 from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`, [chaos.databaseName]);
      return rows.length > 0;
    });

    const terminated = await chaos.cluster.terminateBackends(chaos.databaseName, [(blocker as unknown as { processID: number }).processID]);
    expect(terminated).toBeGreaterThan(3); // the request's, the pool's idle ones, pg-boss's, the LISTEN connections
    expect(await held).toBe(503); // DATABASE_UNAVAILABLE: the provider retries it
    await blocker.query('rollback');
    await blocker.end();

    // The provider sends the refused notification again; the rest keep coming.
    for (const order of orders.slice(8)) expect(await chaos.pay(order)).toBe(200);
    await eventually(async () => (await chaos.ledger()).restoredRows === orders.length, 30_000);
    expect(await chaos.ledger()).toEqual(exactLedger(orders));
    expect(chaos.uncaught).toEqual([]);
  });
});
