import { isIP } from 'node:net';

/**
 * FreeRADIUS 3 configuration for Simpul: the sql module on our PostgreSQL, a virtual server that
 * authorizes, accounts and logs logins through it, and the RADIUS clients (NAS). The test harness
 * writes these into a copy of /etc/freeradius/3.0; a deployment drops the same files into its
 * own (mods-enabled/sql, sites-enabled/simpul, clients.conf).
 */

export type FreeradiusDatabase = {
  host: string;
  port: number;
  database: string;
  /** The role FreeRADIUS logs in as: `simpul_radius` (see the migration for its grants). */
  login: string;
  password?: string;
};

export type FreeradiusListen = { address: string; authPort: number; acctPort: number };

/** A NAS allowed to send RADIUS requests, with its secret in plain text (the file must stay private). */
export type FreeradiusClient = { name: string; address: string; secret: string };

const quoted = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

const bareWord = (value: string, what: string) => {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) throw new Error(`${what} must be letters, digits, '.', '_' or '-': ${JSON.stringify(value)}`);
  return value;
};
const ipAddress = (value: string) => {
  if (isIP(value) === 0) throw new Error(`Not an IP address: ${JSON.stringify(value)}`);
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
 * sites-enabled/simpul: PAP against radcheck's Cleartext-Password, replies from the user's group
 * (plan or isolation), accounting into radacct, every Accept / Reject into radpostauth.
 */
export function siteConfig(listen: FreeradiusListen): string {
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
