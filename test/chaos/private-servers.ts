/**
 * Private database and Redis servers for tests and benchmarks that stop, restart or flush them:
 * never the shared servers other test files use.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const pgBin = '/usr/lib/postgresql/15/bin';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` user. */
const isRoot = process.getuid?.() === 0;
const asPostgres = (command: string, args: string[]) =>
  isRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);

export type PrivatePostgres = {
  /** Superuser URL of database `name` (created by `createDatabase`). */
  url(name: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Ends every connection to `database` (as a crash or failover would), but those of `spare` pids. */
  terminateBackends(database: string, spare?: number[]): Promise<number>;
  destroy(): Promise<void>;
};

/** A throw-away PostgreSQL 15 cluster in a temp folder on a free port (initdb takes ~2 s). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-chaos-pg-'));
  if (isRoot) await run('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  await asPostgres(`${pgBin}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => asPostgres(`${pgBin}/pg_ctl`, ['start', '-w', '-D', data, '-l', join(dir, 'log'), '-o', options]).then(() => undefined);
  const stop = () => asPostgres(`${pgBin}/pg_ctl`, ['stop', '-w', '-m', 'fast', '-D', data]).then(() => undefined);
  const url = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>, database = 'postgres') => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  await start();
  return {
    url,
    start,
    stop,
    async createDatabase(name) {
      await admin((c) => c.query(`create database "${name}"`));
      return url(name);
    },
    terminateBackends: (database, spare = []) =>
      admin(async (c) => {
        const { rows } = await c.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> all($2::int[])',
          [database, spare],
        );
        return rows.length;
      }),
    async destroy() {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PrivateRedis = { url: string; stop(): Promise<void> };

/** A throw-away redis-server on a free port, keeping nothing on disk. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  for (let i = 0; i < 100; i++) {
    const ready = await run('redis-cli', ['-p', String(port), 'ping']).then((r) => r.stdout.trim() === 'PONG', () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      server.kill('SIGTERM');
      await exited;
    },
  };
}
