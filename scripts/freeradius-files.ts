import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clientsConfig, siteConfig, sqlModuleConfig, type FreeradiusClient } from '../src/modules/network/radius/freeradius-config.ts';

/**
 * Writes Simpul's FreeRADIUS files (the same generator the RADIUS tests run with) into a folder,
 * for a Debian FreeRADIUS 3 install or the compose file's `freeradius` service:
 *
 *   node scripts/freeradius-files.ts --out deploy/freeradius/generated --db-host postgres \
 *     --client mikrotik-pusat=10.10.0.1=nas-secret [--client …]      (password: RADIUS_DB_PASSWORD)
 *
 * Produces `sql` (mods-enabled/sql), `simpul` (sites-enabled/simpul) and `clients.conf`.
 * For a FreeRADIUS installed on the host, `scripts/freeradius-config.ts` writes into its directory instead.
 */
const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    'db-host': { type: 'string', default: '127.0.0.1' },
    'db-port': { type: 'string', default: '5432' },
    'db-name': { type: 'string', default: 'simpul' },
    client: { type: 'string', multiple: true, default: [] },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
const password = process.env.RADIUS_DB_PASSWORD || fail('Set RADIUS_DB_PASSWORD to the password of the simpul_radius role.');
const out = values.out ?? fail('Give the folder to write into: --out DIR.');
const port = Number(values['db-port']);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--db-port must be a port number, not "${values['db-port']}".`);
const clients: FreeradiusClient[] = values.client.map((spec) => {
  const [name, address, ...secret] = spec.split('=');
  if (!name || !address || secret.length === 0) fail(`--client is name=address=secret, not "${spec}".`);
  return { name, address, secret: secret.join('=') };
});
if (clients.length === 0) fail('Name at least one NAS (router): --client name=address=secret.');

try {
  const files = {
    sql: sqlModuleConfig({ host: values['db-host'], port, database: values['db-name'], login: 'simpul_radius', password }),
    simpul: siteConfig(),
    'clients.conf': clientsConfig(clients),
  };
  mkdirSync(out, { recursive: true });
  // They hold the database password and the NAS secrets; FreeRADIUS reads its configuration as root.
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text, { mode: 0o600 });
  console.log(`Wrote ${Object.keys(files).join(', ')} into ${out}.`);
} catch (error) {
  fail((error as Error).message);
}
