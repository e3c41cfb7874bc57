import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFreeradiusConfig, type FreeradiusClient } from '../src/modules/network/radius/index.ts';

/**
 * Adds Simpul to a stock Debian FreeRADIUS 3.2 (the README's FreeRADIUS guide):
 *
 *   sudo npm run -s freeradius-config -- --database-url postgres://simpul_radius:PASSWORD@HOST:5432/simpul \
 *     --client bras-ngaglik,10.0.0.1,RADIUS-SECRET [--client …] [--dir /etc/freeradius/3.0]
 */
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/etc/freeradius/3.0' },
    'database-url': { type: 'string' },
    client: { type: 'string', multiple: true, default: [] },
  },
});

const fail = (message: string): never => {
  console.error(`freeradius-config: ${message}`);
  process.exit(2);
};
if (!existsSync(join(values.dir, 'radiusd.conf'))) fail(`${values.dir} is not a FreeRADIUS 3 directory (no radiusd.conf): apt-get install freeradius freeradius-postgresql`);
if (!values['database-url']) fail('--database-url postgres://simpul_radius:PASSWORD@HOST:PORT/DATABASE is required');
const url = new URL(values['database-url']!);
const clients = values.client.map((spec): FreeradiusClient => {
  const [name, address, ...secret] = spec.split(',');
  if (!name || !address || !secret.length) fail(`--client ${spec}: expected NAME,ADDRESS,SECRET`);
  return { name: name!, address: address!, secret: secret.join(',') };
});
if (!clients.length) fail('at least one --client NAME,ADDRESS,SECRET (each router that sends RADIUS) is required');

// A bad client name or address is refused before anything is written.
await writeFreeradiusConfig(values.dir, {
  database: {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.slice(1)),
    login: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  },
  clients,
}).catch((error: Error) => fail(error.message));
console.log(`Simpul's sql module, site "simpul" and ${clients.length} client(s) written to ${values.dir}. Check with: freeradius -XC, then: systemctl restart freeradius`);
