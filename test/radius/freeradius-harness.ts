import { spawn, type ChildProcess } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { writeFreeradiusConfig, type FreeradiusDatabase } from '../../src/modules/network/radius/freeradius-config.ts';
import type { TestDatabase } from '../harness.ts';

/**
 * Runs the real FreeRADIUS 3 from Debian (packages freeradius, freeradius-postgresql,
 * freeradius-utils) against a test database, as a deployment would: the stock configuration is
 * copied into a temporary directory and `writeFreeradiusConfig` (what the README's guide runs)
 * adds Simpul to it. Only what a temporary, unprivileged copy needs differs: its paths, free
 * loopback ports, and no user switch or reject delay. A missing binary is an error, never a skip.
 */

const stockConfigDir = '/etc/freeradius/3.0';
// A non-root PATH often lacks /usr/sbin, where Debian installs the daemon.
const freeradiusBinary = existsSync('/usr/sbin/freeradius') ? '/usr/sbin/freeradius' : 'freeradius';
const testRadiusPassword = 'simpul-radius-test';

export type FreeradiusServer = {
  host: '127.0.0.1';
  authPort: number;
  acctPort: number;
  /** The shared secret of the 127.0.0.1 client (radtest / radclient). */
  secret: string;
  /** The server's recent log lines, for failure messages. */
  log(): string;
  stop(): Promise<void>;
};

/** The database as FreeRADIUS's role `simpul_radius` reaches it (a password too, for servers without trust auth). */
export async function freeradiusDatabaseFor(db: TestDatabase): Promise<FreeradiusDatabase> {
  if (!db.url) throw new Error('FreeRADIUS needs a PostgreSQL test database (openTestDatabase("postgres"))');
  // The role is cluster-wide; every test run sets the same password, so this is idempotent.
  await sql`alter role simpul_radius password ${sql.lit(testRadiusPassword)}`.execute(db.owner);
  const url = new URL(db.url);
  return { host: url.hostname, port: Number(url.port || 5432), database: url.pathname.slice(1), login: 'simpul_radius', password: testRadiusPassword };
}

export async function startFreeradius(database: FreeradiusDatabase, secret = 'testing-secret'): Promise<FreeradiusServer> {
  let lastError: Error | undefined;
  // Free ports are picked before FreeRADIUS binds them; another process may take one in between.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(database, secret);
    } catch (error) {
      lastError = error as Error;
      if (!/already in use/i.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
}

async function startOnce(database: FreeradiusDatabase, secret: string): Promise<FreeradiusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'simpul-freeradius-'));
  const [authPort, acctPort] = await freeUdpPorts(2);
  await writeConfig(dir, database, secret, { address: '127.0.0.1', authPort, acctPort });

  const lines: string[] = [];
  const child = spawn(freeradiusBinary, ['-X', '-d', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n'));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<Error>((resolve) => {
    child.once('error', (error) =>
      resolve(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error('The freeradius binary is not installed: apt-get install freeradius freeradius-postgresql freeradius-utils')
          : error,
      ),
    );
    child.once('exit', (code, signal) => resolve(new Error(`freeradius exited (${signal ?? code}) before answering:\n${lines.join('\n')}`)));
  });

  const server: FreeradiusServer = {
    host: '127.0.0.1',
    authPort,
    acctPort,
    secret,
    log: () => lines.join('\n'),
    stop: async () => {
      await stopProcess(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
  const ready = await Promise.race([waitUntilAnswering(server), exited]);
  if (ready instanceof Error) {
    await server.stop();
    throw ready;
  }
  return server;
}

async function writeConfig(dir: string, database: FreeradiusDatabase, secret: string, listen: { address: string; authPort: number; acctPort: number }) {
  await cp(stockConfigDir, dir, { recursive: true, verbatimSymlinks: true });
  await mkdir(join(dir, 'log'));
  await mkdir(join(dir, 'run'));

  const radiusdPath = join(dir, 'radiusd.conf');
  const setting = (text: string, name: string, value: string) => text.replace(new RegExp(`^(\\s*${name}\\s*=).*$`, 'm'), `$1 ${value}`);
  let radiusd = await readFile(radiusdPath, 'utf8');
  radiusd = setting(radiusd, 'raddbdir', dir);
  radiusd = setting(radiusd, 'logdir', join(dir, 'log'));
  radiusd = setting(radiusd, 'run_dir', join(dir, 'run'));
  radiusd = setting(radiusd, 'proxy_requests', 'no');
  // Rejects are answered at once: the delay only slows brute force, and tests.
  radiusd = setting(radiusd, 'reject_delay', '0');
  // Stay the user that started us (the stock config switches to freerad, who can't read the temp dir).
  radiusd = radiusd.replace(/^\s*(user|group)\s*=.*$/gm, '');
  await writeFile(radiusdPath, radiusd);

  await writeFreeradiusConfig(dir, { database, clients: [{ name: 'localhost', address: '127.0.0.1', secret }], listen });
}

async function freeUdpPorts(count: number): Promise<number[]> {
  const sockets = await Promise.all(
    Array.from({ length: count }, () => {
      const socket = createSocket('udp4');
      return new Promise<ReturnType<typeof createSocket>>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind(0, '127.0.0.1', () => resolve(socket));
      });
    }),
  );
  const ports = sockets.map((s) => s.address().port);
  await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

/** Status-Server until FreeRADIUS answers (it binds its ports only once the sql pool connected). */
async function waitUntilAnswering(server: FreeradiusServer): Promise<true | Error> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const result = await run('radclient', ['-r', '1', '-t', '1', `${server.host}:${server.authPort}`, 'status', server.secret], 'Message-Authenticator = 0x00\n');
    if (result.exitCode === 0) return true;
  }
  return new Error(`FreeRADIUS did not answer Status-Server within 20 s:\n${server.log()}`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export type RadiusAnswer = {
  /** `Access-Accept`, `Access-Reject`, `Accounting-Response`; null when nothing came back. */
  code: string | null;
  attributes: Record<string, string>;
  output: string;
};

/** `radtest -t pap|chap|mschap user password host:port 0 secret`, as an operator types it (`mschap` is MS-CHAPv1). */
export const radtest = async (server: FreeradiusServer, username: string, password: string, type: 'pap' | 'chap' | 'mschap' = 'pap'): Promise<RadiusAnswer> =>
  parseRadclientOutput(await run('radtest', ['-t', type, username, password, `${server.host}:${server.authPort}`, '0', server.secret]));

/**
 * An MS-CHAPv2 login (RFC 2759) as a MikroTik PPPoE server relays it, which radtest cannot send:
 * the authenticator's challenge and the peer's response computed from the password.
 */
export async function mschapv2(server: FreeradiusServer, username: string, password: string): Promise<RadiusAnswer> {
  // Debian's smbencrypt (freeradius-utils) gives the NT hash: MD4 is not in Node's OpenSSL 3 default provider.
  const ntHash = await ntHashOf(password);
  const authenticatorChallenge = randomBytes(16);
  const peerChallenge = randomBytes(16);
  const challenge = createHash('sha1').update(Buffer.concat([peerChallenge, authenticatorChallenge, Buffer.from(username)])).digest().subarray(0, 8);
  const paddedHash = Buffer.concat([ntHash, Buffer.alloc(5)]);
  const ntResponse = Buffer.concat([0, 7, 14].map((at) => desEncrypt(paddedHash.subarray(at, at + 7), challenge)));
  // Ident, flags, peer challenge, 8 reserved bytes, NT-Response.
  const response = Buffer.concat([Buffer.from([1, 0]), peerChallenge, Buffer.alloc(8), ntResponse]);
  return radclient(server, 'auth', {
    'User-Name': username,
    'MS-CHAP-Challenge': `0x${authenticatorChallenge.toString('hex')}`,
    'MS-CHAP2-Response': `0x${response.toString('hex')}`,
  });
}

/**
 * The NT hash by Debian's smbencrypt. Once in a CI run it exited with no output at all (the run's
 * MS-CHAPv2 logins then failed on an empty key), so a run without a hash is tried again, and a third
 * failure names the exit code and what it printed.
 */
async function ntHashOf(password: string): Promise<Buffer> {
  let last = { exitCode: null as number | null, output: '' };
  for (let attempt = 0; attempt < 3; attempt++) {
    last = await run('smbencrypt', [password]);
    const hash = last.output.trim().split(/\s+/).at(-1) ?? '';
    if (last.exitCode === 0 && /^[0-9A-F]{32}$/i.test(hash)) return Buffer.from(hash, 'hex');
  }
  throw new Error(`smbencrypt gave no NT hash (exit ${last.exitCode}): ${JSON.stringify(last.output)}`);
}

/** Single DES of one block with a 56-bit key, as triple DES with three equal keys (plain DES is in OpenSSL's legacy provider only). */
function desEncrypt(key56: Buffer, block: Buffer): Buffer {
  const bits = BigInt(`0x${key56.toString('hex')}`);
  const key = Buffer.from(Array.from({ length: 8 }, (_, i) => Number((bits >> BigInt(49 - 7 * i)) & 0x7fn) << 1));
  const cipher = createCipheriv('des-ede3-ecb', Buffer.concat([key, key, key]), null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/** One request sent with `radclient -x` (attributes as `Name = value` pairs). */
export async function radclient(server: FreeradiusServer, kind: 'auth' | 'acct', attributes: Record<string, string | number>): Promise<RadiusAnswer> {
  const port = kind === 'auth' ? server.authPort : server.acctPort;
  const input = Object.entries(attributes)
    .map(([name, value]) => `${name} = ${typeof value === 'number' || /^0x[0-9a-f]+$/.test(value) ? value : JSON.stringify(value)}`)
    .join('\n');
  return parseRadclientOutput(await run('radclient', ['-x', '-r', '2', '-t', '3', `${server.host}:${port}`, kind, server.secret], `${input}\n`));
}

function parseRadclientOutput(result: { output: string }): RadiusAnswer {
  const lines = result.output.split('\n');
  const received = lines.findIndex((line) => line.startsWith('Received '));
  if (received < 0) return { code: null, attributes: {}, output: result.output };
  const code = lines[received]!.split(' ')[1]!;
  const attributes: Record<string, string> = {};
  for (const line of lines.slice(received + 1)) {
    const match = /^\s+([\w-]+) = (.*)$/.exec(line);
    if (!match) break;
    attributes[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return { code, attributes, output: result.output };
}

function run(command: string, args: string[], input?: string): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // A command given no input gets no stdin: writing to one that has already exited raised EPIPE.
    const child = spawn(command, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error) =>
      reject((error as NodeJS.ErrnoException).code === 'ENOENT' ? new Error(`${command} is not installed (Debian package freeradius-utils)`) : error),
    );
    child.once('close', (exitCode) => resolve({ exitCode, output }));
    if (input !== undefined) child.stdin!.end(input);
  });
}
