import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Redis } from 'ioredis';
import { MidtransStandIn } from '../src/simulators/midtrans/midtrans.stand-in.ts';
import { asTenantId, openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { freePort, startPrivatePostgres, startPrivateRedis } from '../test/chaos/private-servers.ts';
import { printTable } from './machine.ts';
import { seed } from './payment-restore.bench.ts';
import { createBenchApp } from './support.ts';

/**
 * Payments at a steady rate through the server shape (1 api + 2 worker processes, Redis Streams,
 * on a private PostgreSQL and a private Redis), first with no faults, then while a worker is
 * SIGKILLed (and restarted 5 s later, as systemd would), Redis is flushed and PostgreSQL restarts.
 * A notification not answered 200 is sent again a second later, as the providers retry.
 */
const RATE = Number(process.env.BENCH_FAULT_PAYMENTS_PER_S ?? 20);
const COUNT = Number(process.env.BENCH_FAULT_PAYMENTS ?? 300);
const SERVER_KEY = 'SB-Mid-server-fault-bench';

type Processes = { api: ChildProcess; workers: ChildProcess[]; exits: string[] };

export async function run() {
  const dir = mkdtempSync(join(os.tmpdir(), 'simpul-fault-bench-'));
  const cluster = await startPrivatePostgres();
  const redis = await startPrivateRedis();
  const url = await cluster.createDatabase('fault_bench');
  const secretKey = randomBytes(32);
  const db = await openDatabase({ driver: 'postgres', url, poolSize: 4 });
  await migrate(db.owner);
  const tenantId = asTenantId(await seed(db, 2 * COUNT));
  const setup = await createBenchApp(db, { databaseUrl: url, secretKey });
  await setup.payments.saveAccount(tenantId, 'midtrans', { mode: 'sandbox', serverKey: SERVER_KEY });
  await setup.close();
  const { rows } = await sql<{ order_id: string; customer_id: string }>`
    select l.order_id, i.customer_id from billing_payment_links l join billing_invoices i on i.id = l.invoice_id order by l.order_id`.execute(db.owner);

  const port = await freePort();
  const log = createWriteStream(join(dir, 'processes.log'));
  const exits: string[] = [];
  const spawnRole = (name: string, roles: string) => {
    const child = spawn('node_modules/.bin/node', ['src/main.ts', 'start'], {
      env: {
        ...process.env, DATABASE_URL: url, DATABASE_POOL_SIZE: '5', SECRET_KEY: secretKey.toString('base64'), APP_ROLES: roles,
        EVENT_TRANSPORT: 'redis-streams', REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'fault-bench', PORT: String(port), LOG_LEVEL: 'warn', DEMO_DATA: 'never',
        PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000', // all payments come from this one address, faster than a provider would
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    child.on('exit', (code, signal) => void (child.killed || exits.push(`${name} exited (${code ?? signal})`)));
    return child;
  };
  const processes: Processes = { api: spawnRole('api', 'api'), workers: [spawnRole('worker-1', 'workers'), spawnRole('worker-2', 'workers')], exits };
  const apiUrl = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${apiUrl}/ready`).catch(() => null))?.status === 200, 60_000);

  const signer = await MidtransStandIn.start({ serverKey: SERVER_KEY });
  const pay = async (orderId: string) => {
    const notification = signer.signedNotification(orderId, { status: 'settlement', amount: 150_000 });
    const res = await fetch(`${apiUrl}/api/webhooks/payments/midtrans/bench-pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...notification.headers },
      body: notification.rawBody,
    }).catch(() => null);
    return res?.status ?? 0;
  };

  const measure = async (label: string, orders: typeof rows, faults: (progress: () => number) => Promise<void>) => {
    const sentAt = new Map<string, number>();
    let answered = 0;
    let refused = 0;
    let accepted = 0;
    const flowing = Promise.all(
      orders.map(async (order, i) => {
        await sleep((i * 1000) / RATE);
        sentAt.set(order.customer_id, Date.now());
        for (let tries = 1; tries <= 120; tries++) {
          if ((await pay(order.order_id)) === 200) return void accepted++;
          refused++;
          await sleep(1_000);
        }
      }).map((p) => p.finally(() => answered++)),
    );
    await faults(() => answered / orders.length);
    await flowing;
    const ids = orders.map((o) => o.customer_id);
    const restoredOf = async () =>
      (await sql<{ customer_id: string; first: Date; n: number }>`
        select customer_id, min(created_at) as first, count(*)::int as n from isolation_history
        where action = 'restored' and customer_id = any(${ids}::uuid[]) group by customer_id`.execute(db.owner)).rows;
    await until(async () => (await restoredOf()).length >= accepted, 120_000).catch(() => undefined);
    const restored = await restoredOf();
    const { rows: counts } = await sql<{ payments: number; history: number }>`
      select (select count(*)::int from billing_payments p join billing_invoices i on i.id = p.invoice_id where i.customer_id = any(${ids}::uuid[])) as payments,
             (select count(*)::int from billing_payment_history where customer_id = any(${ids}::uuid[])) as history`.execute(db.owner);
    const latencies = restored.map((r) => new Date(r.first).getTime() - sentAt.get(r.customer_id)!).sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
    return {
      run: label,
      payments: orders.length,
      accepted,
      'refused, retried': refused,
      lost: accepted - restored.length,
      duplicated: restored.reduce((n, r) => n + r.n - 1, 0) + Math.max(0, counts[0].payments - accepted) + Math.max(0, counts[0].history - accepted),
      'p50 ms': pct(50),
      'p99 ms': pct(99),
      'max ms': latencies.at(-1) ?? 0,
      'process exits': exits.length,
    };
  };

  try {
    const results = [await measure('no faults', rows.slice(0, COUNT), async () => undefined)];
    results.push(
      await measure('worker SIGKILL, Redis flush, PostgreSQL restart', rows.slice(COUNT), async (progress) => {
        await until(async () => progress() >= 0.15);
        processes.workers[1].kill('SIGKILL');
        setTimeout(() => (processes.workers[1] = spawnRole('worker-2 (restarted)', 'workers')), 5_000);
        await until(async () => progress() >= 0.4);
        const client = new Redis(redis.url);
        await client.flushall();
        await client.quit();
        await until(async () => progress() >= 0.6);
        await cluster.stop();
        await sleep(3_000);
        await cluster.start();
      }),
    );
    printTable(
      `Fault run: ${COUNT} signed Midtrans payments at ${RATE}/s per run, 1 api + 2 workers, Redis Streams (log ${dir})`,
      results,
      exits.length ? [`unexpected exits: ${exits.join('; ')}`] : [],
    );
  } finally {
    for (const child of [processes.api, ...processes.workers]) child.kill('SIGKILL');
    await signer.close();
    await db.close();
    await redis.stop();
    await cluster.destroy();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await sleep(100);
  }
}

if (import.meta.main) await run();
