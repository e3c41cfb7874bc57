import { isIP } from 'node:net';
import { chown, lchown, mkdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * FreeRADIUS 3 configuration for Simpul: the sql module on our PostgreSQL, a virtual server that
 * authorizes (PAP, CHAP, MS-CHAP v1/v2), accounts and logs logins through it, and the RADIUS
 * clients (NAS). `writeFreeradiusConfig` drops them into a stock Debian FreeRADIUS 3.2 directory
 * (/etc/freeradius/3.0 as the package installs it); the tests run FreeRADIUS on a copy of that
 * directory with exactly these changes.
 */

export type FreeradiusDatabase = {
  host: string;
  port: number;
  database: string;
  /** The role FreeRADIUS logs in as: `simpul_radius` (see the migration for its grants). */
  login: string;
  password?: string;
};

/** Where the site listens; a deployment takes the standard RADIUS ports on every address. */
export type FreeradiusListen = { address: string; authPort: number; acctPort: number };
export const standardListen: FreeradiusListen = { address: '*', authPort: 1812, acctPort: 1813 };

/** A NAS allowed to send RADIUS requests, with its secret in plain text (the file must stay private). */
export type FreeradiusClient = { name: string; address: string; secret: string };

const quoted = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

const bareWord = (value: string, what: string) => {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) throw new Error(`${what} must be letters, digits, '.', '_' or '-': ${JSON.stringify(value)}`);
  return value;
};
const ipAddress = (value: string) => {
  if (value !== '*' && isIP(value) === 0) throw new Error(`Not an IP address: ${JSON.stringify(value)}`);
  return value;
};

/** mods-enabled/sql: the stock PostgreSQL queries over our tables. */
export function sqlModuleConfig(database: FreeradiusDatabase): string {
  return `sql {
	dialect = "postgresql"
	driver = "rlm_sql_postgresql"
	server = ${quoted(database.host)}
	port = ${database.port}
	login = ${quoted(database.login)}
	password = ${quoted(database.password ?? '')}
	radius_db = ${quoted(database.database)}
	acct_table1 = "radacct"
	acct_table2 = "radacct"
	postauth_table = "radpostauth"
	authcheck_table = "radcheck"
	groupcheck_table = "radgroupcheck"
	authreply_table = "radreply"
	groupreply_table = "radgroupreply"
	usergroup_table = "radusergroup"
	read_groups = yes
	delete_stale_sessions = yes
	group_attribute = "SQL-Group"
	# NAS secrets in the nas table are sealed by the application: clients come from clients.conf.
	client_table = "nas"
	read_clients = no
	postgresql {
		send_application_name = yes
	}
	pool {
		start = 1
		min = 1
		max = 16
		spare = 4
		uses = 0
		retry_delay = 5
		lifetime = 0
		idle_timeout = 60
	}
	$INCLUDE \${modconfdir}/\${.:name}/main/\${dialect}/queries.conf
}
`;
}

/**
 * sites-available/simpul: PAP, CHAP and MS-CHAP (v1 and v2, what MikroTik PPPoE servers negotiate)
 * against radcheck's Cleartext-Password, replies from the user's group (plan or isolation),
 * accounting into radacct, every Accept / Reject into radpostauth.
 *
 * Unlike the stock `default` site it does not call `filter_username`: that policy reads what
 * follows an `@` as a realm to proxy to and rejects one without a dot ("Realm does not have at
 * least one dot separator"), but `name@tenant` is a local login, looked up as typed, and this
 * site proxies nothing. An unknown or malformed name is rejected by the sql lookup.
 */
export function siteConfig(listen: FreeradiusListen = standardListen): string {
  return `server simpul {
	listen {
		type = auth
		ipaddr = ${ipAddress(listen.address)}
		port = ${listen.authPort}
	}
	listen {
		type = acct
		ipaddr = ${ipAddress(listen.address)}
		port = ${listen.acctPort}
	}
	authorize {
		preprocess
		# Each sets Auth-Type when its attributes are in the request.
		chap
		mschap
		sql
		pap
		# Status-Server (health checks) is answered with Access-Accept.
		Autz-Type Status-Server {
			ok
		}
	}
	authenticate {
		Auth-Type PAP {
			pap
		}
		Auth-Type CHAP {
			chap
		}
		Auth-Type MS-CHAP {
			mschap
		}
	}
	preacct {
		preprocess
		acct_unique
	}
	accounting {
		sql
	}
	post-auth {
		sql
		Post-Auth-Type REJECT {
			sql
			attr_filter.access_reject
		}
	}
}
`;
}

/** clients.conf: one client per NAS. */
export function clientsConfig(clients: readonly FreeradiusClient[]): string {
  return clients
    .map(
      (client) => `client ${bareWord(client.name, 'A client name')} {
	ipaddr = ${ipAddress(client.address)}
	secret = ${quoted(client.secret)}
	require_message_authenticator = no
}
`,
    )
    .join('\n');
}

/**
 * Simpul's changes to a stock Debian FreeRADIUS 3.2 directory (/etc/freeradius/3.0): our sql
 * module and site, enabled as Debian enables them (links from *-enabled), and the clients. The
 * stock `default` and `inner-tunnel` sites go (ours takes 1812/1813), and so does `eap`: PPPoE
 * never uses EAP, and the module refuses to start without inner-tunnel and server certificates.
 */
export async function writeFreeradiusConfig(
  dir: string,
  options: { database: FreeradiusDatabase; clients: readonly FreeradiusClient[]; listen?: FreeradiusListen },
): Promise<void> {
  const files: [path: string, content: string][] = [
    ['mods-available/sql', sqlModuleConfig(options.database)],
    ['sites-available/simpul', siteConfig(options.listen)],
    ['clients.conf', clientsConfig(options.clients)],
  ];
  for (const gone of ['sites-enabled/default', 'sites-enabled/inner-tunnel', 'mods-enabled/eap', 'mods-enabled/sql', 'sites-enabled/simpul']) {
    await rm(join(dir, gone), { force: true });
  }
  // Debian's package owns its files as freerad (which the daemon runs as); ours take the same owner.
  const owner = await stat(dir);
  for (const [path, content] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    // Database password and NAS secrets: readable by FreeRADIUS's user only.
    await writeFile(join(dir, path), content, { mode: 0o640 });
    await chown(join(dir, path), owner.uid, owner.gid);
  }
  for (const [link, target] of [['mods-enabled/sql', '../mods-available/sql'], ['sites-enabled/simpul', '../sites-available/simpul']] as const) {
    await symlink(target, join(dir, link));
    await lchown(join(dir, link), owner.uid, owner.gid);
  }
}
