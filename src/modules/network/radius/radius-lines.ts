import { sql } from 'kysely';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { TenantId, Tx } from '../../../platform/db/database.ts';
import { networkErrors } from '../network.errors.ts';

/**
 * A customer line in RADIUS: the rows FreeRADIUS's stock queries read for a PPPoE username —
 * radcheck (the password), radreply (per-user replies; Simpul wants none), radusergroup (the plan
 * group or the isolation group) and radgroupreply (the group's replies). Simpul owns every row of
 * its usernames: a sync makes them exactly the desired ones, which also repairs hand edits.
 */

export type RadiusAttribute = { attribute: string; op: string; value: string };

export type RadiusPlan = {
  /** The plan's router profile: plans sharing a profile share one RADIUS group, as they share one PPP profile. */
  profile: string;
  downloadKbps: number;
  uploadKbps: number;
};

/** What a router's isolated customers get (at least one): MikroTik then redirects or throttles them. */
export type RadiusIsolationPolicy = {
  /** Whose policy this is: each router's isolated customers share a RADIUS group of its own. */
  routerId?: string;
  /** Mikrotik-Address-List, e.g. the router's `simpul-isolir` list the firewall redirects to the payment page. */
  addressList?: string;
  /** Framed-Pool: an IP pool reserved for isolated customers. */
  framedPool?: string;
  /** Mikrotik-Rate-Limit for isolated customers. */
  rateLimit?: { downloadKbps: number; uploadKbps: number };
};

/** The desired state of one PPPoE line. */
export type RadiusLine = {
  customerId: string;
  username: string;
  password: string;
  plan: RadiusPlan;
  isolated: boolean;
};

/** The RADIUS rows of a line, desired or read back. Attribute lists compare as sets. */
export type RadiusLineState = {
  customerId: string;
  username: string;
  check: RadiusAttribute[];
  reply: RadiusAttribute[];
  /** radusergroup, highest priority first. */
  groups: string[];
  /** radgroupreply of each group in `groups`. */
  groupReplies: Record<string, RadiusAttribute[]>;
};

// FreeRADIUS escapes other characters when it puts a name into its SQL (=XX), so a username or
// group name outside this set would silently never match its row.
const safeUsername = /^[A-Za-z0-9@._-]{1,64}$/;

/**
 * Group names carry the tenant (the migration checks it) so tenants never share a group. A profile
 * is encoded into FreeRADIUS-safe characters: anything else becomes `:` and its UTF-8 hex, which
 * cannot collide because a kept character is never `:`.
 */
export const planGroupName = (tenantId: TenantId, profile: string) =>
  `${tenantId}:plan:${Array.from(profile, (c) => (/[A-Za-z0-9._-]/.test(c) ? c : `:${Buffer.from(c).toString('hex')}`)).join('')}`;
export const isolationGroupName = (tenantId: TenantId, routerId?: string) => `${tenantId}:isolir${routerId ? `:${routerId}` : ''}`;

/** Mikrotik-Rate-Limit is `rx/tx` as the router sees it: the customer's upload, then download. */
export function mikrotikRateLimit(rate: { downloadKbps: number; uploadKbps: number }): string {
  const bits = (kbps: number) => (kbps % 1000 === 0 ? `${kbps / 1000}M` : `${kbps}k`);
  return `${bits(rate.uploadKbps)}/${bits(rate.downloadKbps)}`;
}

/** The reply attributes of the plan group, or of the isolation group: also what a CoA-Request carries. */
export function replyAttributes(line: Pick<RadiusLine, 'plan' | 'isolated'>, isolation: RadiusIsolationPolicy): RadiusAttribute[] {
  if (!line.isolated) return [{ attribute: 'Mikrotik-Rate-Limit', op: '=', value: mikrotikRateLimit(line.plan) }];
  const attributes: RadiusAttribute[] = [];
  if (isolation.addressList) attributes.push({ attribute: 'Mikrotik-Address-List', op: '=', value: isolation.addressList });
  if (isolation.framedPool) attributes.push({ attribute: 'Framed-Pool', op: '=', value: isolation.framedPool });
  if (isolation.rateLimit) attributes.push({ attribute: 'Mikrotik-Rate-Limit', op: '=', value: mikrotikRateLimit(isolation.rateLimit) });
  return attributes;
}

export function desiredRadiusLine(tenantId: TenantId, line: RadiusLine, isolation: RadiusIsolationPolicy): RadiusLineState {
  validateLine(line, isolation);
  const group = line.isolated ? isolationGroupName(tenantId, isolation.routerId) : planGroupName(tenantId, line.plan.profile);
  return {
    customerId: line.customerId,
    username: line.username,
    check: [{ attribute: 'Cleartext-Password', op: ':=', value: line.password }],
    reply: [],
    groups: [group],
    groupReplies: { [group]: replyAttributes(line, isolation) },
  };
}

function validateLine(line: RadiusLine, isolation: RadiusIsolationPolicy) {
  const fields: Record<string, string> = {};
  if (!safeUsername.test(line.username)) fields.username = 'PPPoE username: 1–64 letters, digits, @ . _ -';
  if (line.password.length === 0 || line.password.length > 128) fields.password = 'PPPoE password: 1–128 characters';
  if (!(line.plan.downloadKbps > 0 && line.plan.uploadKbps > 0)) fields.plan = 'plan speeds must be positive';
  if (line.isolated && !isolation.addressList && !isolation.framedPool && !isolation.rateLimit) {
    fields.isolation = 'the router has no RADIUS isolation reply (address list, pool or rate limit)';
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 'The line cannot be written to RADIUS', { fields });
}

const attributeKey = (a: RadiusAttribute) => `${a.attribute}\u0000${a.op}\u0000${a.value}`;
const sameAttributes = (a: readonly RadiusAttribute[], b: readonly RadiusAttribute[]) =>
  a.length === b.length && a.map(attributeKey).sort().join('\u0001') === b.map(attributeKey).sort().join('\u0001');

/** Whether two states give the customer the same RADIUS answer. */
export function sameRadiusLine(a: RadiusLineState, b: RadiusLineState): boolean {
  return (
    a.customerId === b.customerId &&
    a.username === b.username &&
    sameAttributes(a.check, b.check) &&
    sameAttributes(a.reply, b.reply) &&
    a.groups.join('\u0001') === b.groups.join('\u0001') &&
    a.groups.every((g) => sameAttributes(a.groupReplies[g] ?? [], b.groupReplies[g] ?? []))
  );
}

/**
 * Makes a line's RADIUS rows the desired ones, in the caller's tenant transaction (RLS applies).
 * Idempotent: returns changed = false when everything already matched. A username owned by another
 * tenant or customer is refused with RADIUS_USERNAME_TAKEN; a customer whose username changed loses
 * the old one.
 */
export async function syncRadiusLine(
  trx: Tx,
  tenantId: TenantId,
  line: RadiusLine,
  isolation: RadiusIsolationPolicy,
): Promise<{ changed: boolean }> {
  const desired = desiredRadiusLine(tenantId, line, isolation);
  let changed = await claimUsername(trx, tenantId, line.customerId, line.username);
  const userRows = [['radcheck', desired.check], ['radreply', desired.reply]] as const;
  for (const [table, attributes] of userRows) {
    if (!sameAttributes(await userAttributes(trx, table, line.username), attributes)) {
      await trx.deleteFrom(table).where('username', '=', line.username).execute();
      await insertAttributes(trx, table, { tenant_id: tenantId, username: line.username }, attributes);
      changed = true;
    }
  }
  const actualGroups = await userGroups(trx, line.username);
  if (actualGroups.join('\u0001') !== desired.groups.join('\u0001')) {
    await trx.deleteFrom('radusergroup').where('username', '=', line.username).execute();
    await trx
      .insertInto('radusergroup')
      .values(desired.groups.map((groupname, i) => ({ tenant_id: tenantId, username: line.username, groupname, priority: i + 1 })))
      .execute();
    changed = true;
  }
  for (const [groupname, replies] of Object.entries(desired.groupReplies)) {
    if (sameAttributes(await groupReplies(trx, groupname), replies)) continue;
    // Lines of one plan share its group: two syncs rewriting it at once would leave both rows.
    await sql`select pg_advisory_xact_lock(hashtextextended(${groupname}, 0))`.execute(trx);
    if (!sameAttributes(await groupReplies(trx, groupname), replies)) {
      await trx.deleteFrom('radgroupreply').where('groupname', '=', groupname).execute();
      await insertAttributes(trx, 'radgroupreply', { tenant_id: tenantId, groupname }, replies);
      changed = true;
    }
  }
  return { changed };
}

/** The line's rows as RADIUS holds them now; null when the customer has no RADIUS username. */
export async function readRadiusLine(trx: Tx, customerId: string): Promise<RadiusLineState | null> {
  const owner = await trx.selectFrom('radius_users').select(['username']).where('customer_id', '=', customerId).executeTakeFirst();
  if (!owner) return null;
  const username: string = owner.username;
  const groups = await userGroups(trx, username);
  const replies: Record<string, RadiusAttribute[]> = {};
  for (const group of groups) replies[group] = await groupReplies(trx, group);
  return {
    customerId,
    username,
    check: await userAttributes(trx, 'radcheck', username),
    reply: await userAttributes(trx, 'radreply', username),
    groups,
    groupReplies: replies,
  };
}

/** Takes the customer's line out of RADIUS (its sessions stay in radacct). */
export async function removeRadiusLine(trx: Tx, customerId: string): Promise<{ changed: boolean }> {
  // radcheck, radreply and radusergroup rows go with it (on delete cascade).
  const removed = await trx.deleteFrom('radius_users').where('customer_id', '=', customerId).executeTakeFirst();
  return { changed: Number(removed.numDeletedRows) > 0 };
}

async function claimUsername(trx: Tx, tenantId: TenantId, customerId: string, username: string): Promise<boolean> {
  const current = await trx.selectFrom('radius_users').select(['username']).where('customer_id', '=', customerId).executeTakeFirst();
  if (current?.username === username) return false;
  if (current) await removeRadiusLine(trx, customerId);
  // Another tenant's row is invisible here (RLS) but still conflicts on the primary key.
  const inserted = await trx
    .insertInto('radius_users')
    .values({ username, tenant_id: tenantId, customer_id: customerId })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning(['username'])
    .executeTakeFirst();
  if (!inserted) {
    throw new AppError(networkErrors.RADIUS_USERNAME_TAKEN, `The PPPoE username "${username}" is already in use`, { field: 'username', username });
  }
  return true;
}

const userAttributes = (trx: Tx, table: 'radcheck' | 'radreply', username: string): Promise<RadiusAttribute[]> =>
  trx.selectFrom(table).select(['attribute', 'op', 'value']).where('username', '=', username).orderBy('id').execute();

const groupReplies = (trx: Tx, groupname: string): Promise<RadiusAttribute[]> =>
  trx.selectFrom('radgroupreply').select(['attribute', 'op', 'value']).where('groupname', '=', groupname).orderBy('id').execute();

const userGroups = async (trx: Tx, username: string): Promise<string[]> =>
  (await trx.selectFrom('radusergroup').select(['groupname']).where('username', '=', username).orderBy('priority').orderBy('id').execute()).map(
    (row) => row.groupname as string,
  );

async function insertAttributes(trx: Tx<any>, table: 'radcheck' | 'radreply' | 'radgroupreply', owner: Record<string, string>, attributes: RadiusAttribute[]) {
  if (attributes.length > 0) await trx.insertInto(table).values(attributes.map((a) => ({ ...owner, ...a }))).execute();
}
