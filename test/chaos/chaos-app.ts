/**
 * The whole application (API, relay, handlers, workers) in this process on a PRIVATE PostgreSQL
 * cluster the test may stop, restart or cut, with isolated customers waiting for their Midtrans
 * payment, and the ledger a test checks afterwards.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { pino } from 'pino';
import { seed } from '../../bench/payment-restore.bench.ts';
import { createApp, type App } from '../../src/composition-root.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { createSecretBox } from '../../src/platform/crypto/secret-box.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrator.ts';
import { MidtransStandIn } from '../../src/simulators/midtrans/midtrans.stand-in.ts';
import { testConfig } from '../harness.ts';
import { startPrivatePostgres, type PrivatePostgres } from './private-servers.ts';

const SERVER_KEY = 'SB-Mid-server-chaos';

export type ChaosApp = {
  app: App;
  db: Database;
  cluster: PrivatePostgres;
  databaseName: string;
  /** The Midtrans order ids, one per isolated customer. */
  orders: string[];
  /** JSON log lines of the application so far. */
  logs: { level: number; msg: string }[];
  /** Errors that reached the process (an unlistened 'error' event, an unhandled rejection). */
  uncaught: unknown[];
  /** Sends the signed settlement notification of `orderId`; resolves to the HTTP status. */
  pay(orderId: string): Promise<number>;
  ledger(): Promise<Ledger>;
  close(): Promise<void>;
};

export type Ledger = {
  /** Payments per paid order (every value must be 1). */
  paymentsPerOrder: Record<string, number>;
  historyRows: number;
  paidInvoices: number;
  isolatedLines: number;
  restoredRows: number;
  paidEvents: number;
  restoreHandled: number;
  deadLetters: number;
};

export async function startChaosApp(customers: number): Promise<ChaosApp> {
  const cluster = await startPrivatePostgres();
  const databaseName = `chaos_${randomBytes(3).toString('hex')}`;
  const url = await cluster.createDatabase(databaseName);
  const logs: ChaosApp['logs'] = [];
  const logger = pino(
    { level: 'info', base: undefined },
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).trim().split('\n')) logs.push(JSON.parse(line));
        done();
      },
    }),
  );
  const db = await openDatabase({ driver: 'postgres', url, poolSize: 5 }, { logger });
  await migrate(db.owner);
  const tenantId = await seed(db, customers);
  const app = await createApp({
    db,
    clock: new ManualClock('2026-12-15T03:00:00Z'),
    logger,
    secrets: createSecretBox(randomBytes(32)),
    config: { ...testConfig, events: { transport: 'postgres', redisUrl: undefined, redisKeyPrefix: 'chaos', databaseUrl: url } },
  });
  await app.payments.saveAccount(tenantId, 'midtrans', { mode: 'sandbox', serverKey: SERVER_KEY });
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => void uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  await app.start({ workers: true, scheduler: false });
  const signer = await MidtransStandIn.start({ serverKey: SERVER_KEY });
  const { rows } = await sql<{ order_id: string }>`select order_id from billing_payment_links order by order_id`.execute(db.owner);

  return {
    app,
    db,
    cluster,
    databaseName,
    orders: rows.map((r) => r.order_id),
    logs,
    uncaught,
    async pay(orderId) {
      const notification = signer.signedNotification(orderId, { status: 'settlement', amount: 150_000 });
      const res = await app.http.inject({
        method: 'POST',
        url: '/api/webhooks/payments/midtrans/bench-pay',
        headers: { 'content-type': 'application/json', ...notification.headers },
        payload: notification.rawBody,
      });
      return res.statusCode;
    },
    async ledger() {
      const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db.owner)).rows[0].n;
      const { rows: payments } = await sql<{ order_id: string; n: number }>`
        select l.order_id, count(*)::int as n from billing_payments p join billing_payment_links l on l.invoice_id = p.invoice_id
        group by l.order_id`.execute(db.owner);
      return {
        paymentsPerOrder: Object.fromEntries(payments.map((p) => [p.order_id, p.n])),
        historyRows: await count(sql`select count(*)::int as n from billing_payment_history`),
        paidInvoices: await count(sql`select count(*)::int as n from billing_invoices where status = 'paid'`),
        isolatedLines: await count(sql`select count(*)::int as n from isolation_lines where desired_state = 'isolated'`),
        restoredRows: await count(sql`select count(*)::int as n from isolation_history where action = 'restored'`),
        paidEvents: await count(sql`select count(*)::int as n from event_outbox where type = 'billing.invoice.paid'`),
        restoreHandled: await count(sql`select count(*)::int as n from event_inbox where handler_id = 'billing.restore-on-payment'`),
        deadLetters: await count(sql`select count(*)::int as n from event_failures where status = 'dead'`),
      };
    },
    async close() {
      await signer.close();
      await app.close();
      await db.close();
      await cluster.destroy();
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onUncaught);
    },
  };
}

/** The ledger when every one of `orders` was paid once and its line restored. */
export const exactLedger = (orders: string[]): Ledger => ({
  paymentsPerOrder: Object.fromEntries(orders.map((o) => [o, 1])),
  historyRows: orders.length,
  paidInvoices: orders.length,
  isolatedLines: 0,
  restoredRows: orders.length,
  paidEvents: orders.length,
  restoreHandled: orders.length,
  deadLetters: 0,
});
