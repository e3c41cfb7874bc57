import { chown, cp, lstat, mkdtemp, readdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFreeradiusConfig } from './freeradius-config.ts';

// What `npm run freeradius-config` leaves in a stock Debian /etc/freeradius/3.0 (a copy of it here);
// freeradius.integration.test.ts runs FreeRADIUS on the same result.
describe('writeFreeradiusConfig on a stock Debian FreeRADIUS directory', () => {
  const stock = '/etc/freeradius/3.0';
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const deploy = async (clients = [{ name: 'bras-ngaglik', address: '10.0.0.1', secret: 'rahasia' }]) => {
    dir = await mkdtemp(join(tmpdir(), 'simpul-raddb-'));
    await cp(stock, dir, { recursive: true, verbatimSymlinks: true });
    // The package's owner (freerad), as on a real install, when we may give it.
    const owner = await stat(stock);
    if (process.getuid?.() === 0) await chown(dir, owner.uid, owner.gid);
    await writeFreeradiusConfig(dir, { database: { host: 'db.local', port: 5432, database: 'simpul', login: 'simpul_radius', password: 'p"w' }, clients });
  };

  it('enables only our site and sql module, drops eap, and leaves files the daemon user can read and others cannot', async () => {
    await deploy();
    expect(await readdir(join(dir, 'sites-enabled'))).toEqual(['simpul']);
    expect(await readlink(join(dir, 'sites-enabled', 'simpul'))).toBe('../sites-available/simpul');
    expect(await readlink(join(dir, 'mods-enabled', 'sql'))).toBe('../mods-available/sql');
    expect(await readdir(join(dir, 'mods-enabled'))).not.toContain('eap');
    expect(await readdir(join(dir, 'mods-enabled'))).toEqual(expect.arrayContaining(['pap', 'chap', 'mschap', 'preprocess', 'attr_filter']));

    const directory = await stat(dir);
    for (const path of ['mods-available/sql', 'sites-available/simpul', 'clients.conf', 'mods-enabled/sql', 'sites-enabled/simpul']) {
      const file = await lstat(join(dir, path));
      expect({ path, uid: file.uid, gid: file.gid }).toEqual({ path, uid: directory.uid, gid: directory.gid });
      if (!file.isSymbolicLink()) expect(file.mode & 0o777, path).toBe(0o640);
    }
    expect(await readFile(join(dir, 'mods-available/sql'), 'utf8')).toContain('password = "p\\"w"');
    expect(await readFile(join(dir, 'clients.conf'), 'utf8')).toContain('client bras-ngaglik {\n\tipaddr = 10.0.0.1\n\tsecret = "rahasia"');
  });

  it('changes nothing when a client is invalid', async () => {
    await expect(deploy([{ name: 'bras ngaglik', address: '10.0.0.1', secret: 's' }])).rejects.toThrow(/client name/);
    expect(await readdir(join(dir, 'sites-enabled'))).toEqual(['default', 'inner-tunnel']);
    expect(await readFile(join(dir, 'clients.conf'), 'utf8')).toBe(await readFile(join(stock, 'clients.conf'), 'utf8'));
  });
});
