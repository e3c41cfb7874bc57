/**
 * Converge 10,000 isolated customers spread over 10 RouterOS stand-ins with 20 ms injected per
 * API round trip, until every line is in sync (goal ≤ 30 s):
 * - batched: one connection per router, commands pipelined with tags (concurrency 16), over the
 *   RouterOS API and over REST;
 * - one command per connection, the way PHPNuxBill's cron does it (connect, log in, one command,
 *   disconnect, next customer): a capped sample, extrapolated to 10,000.
 *
 *   node_modules/.bin/node bench/router-converge.bench.ts
 */
import { printTable } from './machine.ts';
import { openApiSession } from '../src/modules/network/routeros/api-session.ts';
import { convergeLines } from '../src/modules/network/routeros/converge.ts';
import { createRouterGateway } from '../src/modules/network/routeros/router-gateway.ts';
import { Menu } from '../src/simulators/routeros/router-model.ts';
import { RouterStandIn } from '../src/simulators/routeros/router-stand-in.ts';
import type { DesiredLine, EnforcementSettings } from '../src/modules/network/routeros/types.ts';

const routers = 10;
const customers = 10_000;
const latencyMs = 20;
const concurrency = 16;
const oneByOneSample = 200;
const settings: EnforcementSettings = { isolationAddressList: 'simpul-isolir', isolationProfile: 'isolir' };

type Row = { run: string; customers: number; seconds: number; note: string };

const linesFor = (router: number): DesiredLine[] =>
  Array.from({ length: customers / routers }, (_, i) => ({
    mode: 'address-list',
    customerId: `r${router}-c${i}`,
    address: `10.${router}.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    isolated: true,
  }));

const startRouters = () => Promise.all(Array.from({ length: routers }, () => RouterStandIn.start({ username: 'simpul', password: 'rahasia', latencyMs })));

const isolatedCount = (standIns: RouterStandIn[]) =>
  standIns.reduce((sum, standIn) => sum + standIn.model.print(Menu.addressList, { query: ['list=simpul-isolir'] }).length, 0);

const batched = async (apiKind: 'routeros-api' | 'rest'): Promise<Row> => {
  const standIns = await startRouters();
  try {
    const gateways = standIns.map((standIn, index) =>
      createRouterGateway(
        { routerId: `router-${index}`, host: standIn.host, port: apiKind === 'rest' ? standIn.restPort : standIn.apiPort, apiKind, username: 'simpul', password: 'rahasia' },
        settings,
        // The stand-ins answer from this process's CPU (their query matching is not a router's),
        // so on a busy 2-core machine a 1,000-entry read can outlast the product's 10 s timeout.
        { concurrency, commandTimeoutMs: 120_000 },
      ),
    );
    const started = performance.now();
    const outcomes = (await Promise.all(gateways.map((gateway, index) => convergeLines(gateway, linesFor(index), settings)))).flat();
    const seconds = (performance.now() - started) / 1000;
    const failed = outcomes.filter((line) => line.status === 'failed').length;
    if (failed > 0 || isolatedCount(standIns) !== customers) throw new Error(`${apiKind}: ${failed} lines failed`);
    // A second pass must find nothing to do.
    const again = (await Promise.all(gateways.map((gateway, index) => convergeLines(gateway, linesFor(index), settings)))).flat();
    // A second pass must find nothing to do; when it can't read, the row says so (the table still prints).
    const notInSync = again.filter((line) => line.status !== 'in-sync');
    const secondPass = notInSync.length ? `; second pass NOT a no-op: ${notInSync.length} lines ${notInSync[0].status} (${notInSync[0].error?.code ?? 'changed'})` : '';
    return { run: `batched, ${apiKind === 'rest' ? 'REST (keep-alive)' : 'RouterOS API (tagged pipeline)'}`, customers, seconds, note: `1 read + 1 apply connection per router, ${concurrency} in flight${secondPass}` };
  } finally {
    await Promise.all(standIns.map((standIn) => standIn.stop()));
  }
};

/** PHPNuxBill-style: customers one after another, a fresh connection and login for each command. */
const oneCommandPerConnection = async (): Promise<Row[]> => {
  const standIns = await startRouters();
  try {
    const started = performance.now();
    for (let i = 0; i < oneByOneSample; i++) {
      const standIn = standIns[i % routers];
      const connection = { routerId: 'bench', host: standIn.host, port: standIn.apiPort, apiKind: 'routeros-api' as const, username: 'simpul', password: 'rahasia' };
      const session = await openApiSession(connection, { connectTimeoutMs: 5_000, commandTimeoutMs: 10_000 });
      await session.add('/ip/firewall/address-list', { list: 'simpul-isolir', address: `10.${i % routers}.0.${Math.floor(i / routers) + 1}` });
      await session.close();
    }
    const seconds = (performance.now() - started) / 1000;
    if (isolatedCount(standIns) !== oneByOneSample) throw new Error('one-by-one: entries missing');
    return [
      { run: 'one command per connection (PHPNuxBill cron)', customers: oneByOneSample, seconds, note: 'measured sample, sequential' },
      { run: '  … extrapolated', customers, seconds: (seconds / oneByOneSample) * customers, note: `${((seconds / oneByOneSample) * 1000).toFixed(1)} ms per customer × ${customers}` },
    ];
  } finally {
    await Promise.all(standIns.map((standIn) => standIn.stop()));
  }
};

const measure = async (): Promise<Row[]> => [await batched('routeros-api'), await batched('rest'), ...(await oneCommandPerConnection())];

export async function run() {
  const rows = await measure();
  const batchedSeconds = rows[0].seconds;
  printTable(
    `Router converge: ${customers} isolated customers over ${routers} RouterOS stand-ins, ${latencyMs} ms injected per round trip`,
    rows.map((row) => ({ ...row, seconds: row.seconds.toFixed(2) })),
    [`goal ≤ 30 s for the batched run: ${batchedSeconds <= 30 ? 'met' : 'MISSED'} (${batchedSeconds.toFixed(2)} s)`],
  );
}

if (import.meta.main) await run();
