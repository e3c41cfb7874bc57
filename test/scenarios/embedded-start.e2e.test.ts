import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const node = process.execPath; // Node 24 from the node@24 package when run through npm
const root = new URL('../../', import.meta.url).pathname;

function startSimpul(dataDir: string, port: number) {
  const child = spawn(node, ['src/main.ts', 'start'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('Simpul exited before it was healthy');
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no /health within ${timeoutMs} ms`);
}

describe('npm start on the embedded database', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('should start on an empty data folder with demo logins that work, and refuse a second process on it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'simpul-start-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = 39_000 + Math.floor(Math.random() * 1000);
    const first = startSimpul(dataDir, port);
    cleanup.push(async () => {
      first.child.kill('SIGTERM');
      await first.exited;
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, first.child, 60_000);
    expect(first.output()).toContain(`Simpul is running: ${url}`);
    expect(first.output()).toContain('pemilik@jaringsleman.id');

    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pemilik@jaringsleman.id', password: 'simpul-demo-2026' }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { roles: string[] }).roles).toEqual(['owner']);

    const second = startSimpul(dataDir, port + 1);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Simpul process \(pid \d+\)/);
    // The first one is unaffected.
    expect((await fetch(`${url}/health`)).status).toBe(200);

    // A clean stop releases the folder; a restart opens the same data without reloading the demo.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const again = startSimpul(dataDir, port + 2);
    cleanup.push(async () => {
      again.child.kill('SIGTERM');
      await again.exited;
    });
    await waitForHealth(`http://127.0.0.1:${port + 2}`, again.child, 60_000);
    expect(again.output()).not.toContain('Demo data loaded');
  }, 120_000);
});
