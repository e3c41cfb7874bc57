// STAND-IN, NOT A MIKROTIK: RouterOS menus (/ppp, /ip/firewall/address-list, nat, filter, /ip/proxy, /ip/dhcp-server/lease, /system) as help.mikrotik.com/docs describes them.
import { normaliseIpv4 } from '../../modules/network/index.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';

/**
 * In-memory state of a RouterOS stand-in (NOT a real MikroTik): the menus Simpul touches,
 * with RouterOS' own rules where a reconciler would notice them — `*1A`-style ids, string
 * values, duplicate and unknown-profile traps, "no such item". Shared by the API and REST
 * front ends, and open to tests for assertions and "hand edits".
 */

export type RouterItem = Record<string, string>;

/** A `!trap` (API) or HTTP 400/404 (REST) with RouterOS' message. */
export class RouterTrap extends Error {
  readonly category: number | undefined;
  readonly notFound: boolean;
  constructor(message: string, options: { category?: number; notFound?: boolean } = {}) {
    super(message);
    this.name = 'RouterTrap';
    this.category = options.category;
    this.notFound = options.notFound ?? false;
  }
}

export const Menu = {
  addressList: '/ip/firewall/address-list',
  pppSecret: '/ppp/secret',
  pppProfile: '/ppp/profile',
  pppActive: '/ppp/active',
  dhcpLease: '/ip/dhcp-server/lease',
  systemResource: '/system/resource',
  systemIdentity: '/system/identity',
  firewallNat: '/ip/firewall/nat',
  firewallFilter: '/ip/firewall/filter',
  proxyAccess: '/ip/proxy/access',
  /** Settings, not a table: `set` without an id. */
  proxy: '/ip/proxy',
} as const;

const writableMenus = new Set<string>([Menu.addressList, Menu.pppSecret, Menu.pppProfile, Menu.firewallNat, Menu.firewallFilter, Menu.proxyAccess, Menu.dhcpLease]);
/** Actions RouterOS offers per firewall table (help.mikrotik.com "Filter", "NAT"). */
const firewallActions: Record<string, string[]> = {
  [Menu.firewallFilter]: ['accept', 'drop', 'reject', 'jump', 'return', 'passthrough', 'log', 'fasttrack-connection', 'add-src-to-address-list', 'add-dst-to-address-list', 'tarpit'],
  [Menu.firewallNat]: ['accept', 'dst-nat', 'src-nat', 'masquerade', 'redirect', 'netmap', 'same', 'jump', 'return', 'passthrough', 'log', 'add-src-to-address-list', 'add-dst-to-address-list'],
};
const rejectWith = ['icmp-network-unreachable', 'icmp-host-unreachable', 'icmp-port-unreachable', 'icmp-protocol-unreachable', 'icmp-net-prohibited', 'icmp-host-prohibited', 'icmp-admin-prohibited', 'tcp-reset'];
/** A DNS name in an address list: RouterOS (6.36+) resolves it and keeps the entry by name. */
const HOSTNAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const removableMenus = new Set<string>([...writableMenus, Menu.pppActive]);
const tableMenus = new Set<string>([...removableMenus]);

type ActiveSessionState = { id: string; name: string; address: string; startedAt: number; profileAtDial: string };

export class RouterModel {
  readonly identity: string;
  private readonly clock: Clock;
  private readonly bootedAt: number;
  private nextId = 1;
  private readonly tables = new Map<string, Map<string, RouterItem>>();
  private readonly sessions = new Map<string, ActiveSessionState>();
  private readonly settings = new Map<string, RouterItem>([[Menu.proxy, { enabled: 'false', port: '8080' }]]);

  constructor(options: { identity?: string; clock?: Clock } = {}) {
    this.identity = options.identity ?? 'simpul-stand-in';
    this.clock = options.clock ?? systemClock;
    this.bootedAt = this.clock.now().getTime();
    for (const menu of tableMenus) if (menu !== Menu.pppActive) this.tables.set(menu, new Map());
    this.add(Menu.pppProfile, { name: 'default' });
    this.add(Menu.pppProfile, { name: 'default-encryption' });
  }

  hasMenu(menu: string): boolean {
    return tableMenus.has(menu) || menu === Menu.systemResource || menu === Menu.systemIdentity || this.settings.has(menu);
  }

  /** A settings menu (`/ip proxy`): no items, `set` changes its properties. */
  isSettingsMenu(menu: string): boolean {
    return this.settings.has(menu);
  }

  setSettings(menu: string, attributes: RouterItem): void {
    const current = this.settings.get(menu);
    if (!current) throw new RouterTrap('no such command prefix', { category: 0 });
    if ('enabled' in attributes) attributes = { ...attributes, enabled: attributes.enabled === 'yes' || attributes.enabled === 'true' ? 'true' : 'false' };
    if ('port' in attributes && !/^\d{1,5}$/.test(attributes.port)) throw new RouterTrap('invalid value for argument port', { category: 1 });
    this.settings.set(menu, { ...current, ...attributes });
  }

  print(menu: string, options: { query?: readonly string[]; proplist?: readonly string[] } = {}): RouterItem[] {
    const rows = this.rows(menu).filter((row) => matchesQuery(row, options.query ?? []));
    const proplist = options.proplist;
    if (!proplist || proplist.length === 0) return rows;
    return rows.map((row) => Object.fromEntries(proplist.filter((key) => key in row).map((key) => [key, row[key]])));
  }

  get(menu: string, id: string): RouterItem {
    const row = this.rows(menu).find((item) => item['.id'] === id);
    if (!row) throw new RouterTrap('no such item', { notFound: true });
    return row;
  }

  add(menu: string, attributes: RouterItem): string {
    if (!writableMenus.has(menu)) throw new RouterTrap(menu === Menu.pppActive ? 'failure: cannot add' : 'no such command prefix', { category: 0 });
    const item = this.validated(menu, { ...defaultsFor(menu), ...attributes }, undefined);
    const id = `*${(this.nextId++).toString(16).toUpperCase()}`;
    this.table(menu).set(id, { '.id': id, ...item });
    return id;
  }

  set(menu: string, id: string, attributes: RouterItem): void {
    if (!writableMenus.has(menu)) throw new RouterTrap('no such command', { category: 0 });
    const current = this.table(menu).get(id);
    if (!current) throw new RouterTrap('no such item', { notFound: true });
    this.table(menu).set(id, { ...this.validated(menu, { ...current, ...attributes }, id), '.id': id });
  }

  remove(menu: string, id: string): void {
    if (!removableMenus.has(menu)) throw new RouterTrap('no such command', { category: 0 });
    const removed = menu === Menu.pppActive ? this.sessions.delete(id) : this.table(menu).delete(id);
    if (!removed) throw new RouterTrap('no such item', { notFound: true });
  }

  /** A customer's PPPoE client dials in: it gets the profile its secret has right now. */
  dial(username: string, address: string): string {
    const secret = [...this.table(Menu.pppSecret).values()].find((item) => item.name === username);
    if (!secret || secret.disabled === 'true') throw new RouterTrap(`no enabled secret for ${username}`);
    const id = `*${(this.nextId++).toString(16).toUpperCase()}`;
    this.sessions.set(id, { id, name: username, address, startedAt: this.clock.now().getTime(), profileAtDial: secret.profile });
    return id;
  }

  /** Sessions with the profile each one dialled into (RouterOS does not print that; tests need it). */
  activeSessions(): ReadonlyArray<Readonly<ActiveSessionState>> {
    return [...this.sessions.values()];
  }

  private rows(menu: string): RouterItem[] {
    if (menu === Menu.pppActive) return [...this.sessions.values()].map((session) => this.activeRow(session));
    if (menu === Menu.systemResource) {
      return [{ version: '7.16.2 (stable)', 'board-name': 'Simpul RouterOS stand-in', uptime: formatUptime(this.clock.now().getTime() - this.bootedAt) }];
    }
    if (menu === Menu.systemIdentity) return [{ name: this.identity }];
    const settings = this.settings.get(menu);
    if (settings) return [{ ...settings }];
    return [...this.table(menu).values()].map((item) => ({ ...item }));
  }

  private activeRow(session: ActiveSessionState): RouterItem {
    return {
      '.id': session.id,
      name: session.name,
      service: 'pppoe',
      address: session.address,
      uptime: formatUptime(this.clock.now().getTime() - session.startedAt),
      radius: 'false',
    };
  }

  private table(menu: string): Map<string, RouterItem> {
    const table = this.tables.get(menu);
    if (!table) throw new RouterTrap('no such command prefix', { category: 0 });
    return table;
  }

  private validated(menu: string, item: RouterItem, selfId: string | undefined): RouterItem {
    const others = [...this.table(menu).values()].filter((other) => other['.id'] !== selfId);
    if ('disabled' in item) item.disabled = item.disabled === 'yes' || item.disabled === 'true' ? 'true' : 'false';
    if (menu === Menu.firewallNat || menu === Menu.firewallFilter) {
      if (!item.chain) throw new RouterTrap('missing value(s) of argument(s) chain', { category: 1 });
      if (!firewallActions[menu].includes(item.action)) throw new RouterTrap('input does not match any value of action', { category: 1 });
      if (item['reject-with'] !== undefined && (item.action !== 'reject' || !rejectWith.includes(item['reject-with']))) {
        throw new RouterTrap('input does not match any value of reject-with', { category: 1 });
      }
      if (item['to-ports'] !== undefined && !/^\d{1,5}(-\d{1,5})?$/.test(item['to-ports'])) throw new RouterTrap('invalid value for argument to-ports', { category: 1 });
      if ((item['dst-port'] !== undefined || item['to-ports'] !== undefined) && item.protocol !== 'tcp' && item.protocol !== 'udp') {
        throw new RouterTrap('failure: port can be set only when protocol is tcp or udp');
      }
      return item;
    }
    if (menu === Menu.proxyAccess) {
      if (!['allow', 'deny'].includes(item.action)) throw new RouterTrap('input does not match any value of action', { category: 1 });
      return item;
    }
    if (menu === Menu.addressList) {
      if (!item.list) throw new RouterTrap('missing value(s) of argument(s) list', { category: 1 });
      const address = normaliseIpv4(item.address ?? '') ?? (HOSTNAME.test(item.address ?? '') ? item.address.toLowerCase() : null);
      if (!address) throw new RouterTrap('invalid value for argument address', { category: 1 });
      item.address = address;
      if (others.some((other) => other.list === item.list && other.address === address)) throw new RouterTrap('failure: already have such entry');
      return item;
    }
    if (menu === Menu.dhcpLease) {
      // A static lease binds a client (its MAC) to an address; RouterOS keeps one static lease per
      // address and per MAC on a server, and prints MACs in upper case.
      const address = normaliseIpv4(item.address ?? '');
      if (!address) throw new RouterTrap('invalid value for argument address', { category: 1 });
      item.address = address;
      const mac = (item['mac-address'] ?? '').toUpperCase().replaceAll('-', ':');
      if (!/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(mac)) throw new RouterTrap('invalid value of mac-address, mac address required', { category: 1 });
      item['mac-address'] = mac;
      const sameServer = others.filter((other) => other.server === item.server && other.dynamic !== 'true');
      if (sameServer.some((other) => other.address === address)) throw new RouterTrap('failure: already have static lease with this IP address');
      if (sameServer.some((other) => other['mac-address'] === mac)) throw new RouterTrap('failure: already have static lease for this client');
      return item;
    }
    if (!item.name) throw new RouterTrap('missing value(s) of argument(s) name', { category: 1 });
    if (others.some((other) => other.name === item.name)) throw new RouterTrap('failure: item with such name already exists');
    if (menu === Menu.pppSecret) {
      if (!pppServices.includes(item.service)) throw new RouterTrap('input does not match any value of service', { category: 1 });
      const profiles = [...this.table(Menu.pppProfile).values()].map((profile) => profile.name);
      if (!profiles.includes(item.profile)) throw new RouterTrap('input does not match any value of profile', { category: 1 });
    }
    return item;
  }
}

const defaultsFor = (menu: string): RouterItem => {
  if (menu === Menu.addressList) return { comment: '', disabled: 'false', dynamic: 'false' };
  if (menu === Menu.firewallNat || menu === Menu.firewallFilter) return { action: 'accept', comment: '', disabled: 'false' };
  if (menu === Menu.proxyAccess) return { action: 'allow', comment: '', disabled: 'false' };
  if (menu === Menu.pppSecret) return { service: 'any', profile: 'default', password: '', comment: '', disabled: 'false' };
  if (menu === Menu.dhcpLease) return { server: 'all', comment: '', disabled: 'false', dynamic: 'false', status: 'waiting' };
  return {};
};

const pppServices = ['any', 'async', 'l2tp', 'ovpn', 'pppoe', 'pptp', 'sstp'];

/** RouterOS duration style: 1w2d3h4m5s. */
const formatUptime = (ms: number): string => {
  let seconds = Math.max(0, Math.floor(ms / 1000));
  let text = '';
  for (const [unit, size] of [['w', 604800], ['d', 86400], ['h', 3600], ['m', 60]] as const) {
    if (seconds >= size) {
      text += `${Math.floor(seconds / size)}${unit}`;
      seconds %= size;
    }
  }
  return `${text}${seconds}s`;
};

/**
 * RouterOS print queries, as RouterOS documents them (words arrive without the API's `?`; REST's
 * `.query` holds the same words). Each word pushes a boolean onto a stack: `name=x` or `=name=x`
 * (equal), `name` (has the property), `-name` (has not), `<name=x` and `>name=x` (less, greater;
 * numbers compare as numbers). A `#` word operates on the stack left to right: digits push a copy
 * of the value at that index (0 is the first word's; a `.` after them just ends the index), `!`
 * negates the top, `&` and `|` pop two and push their and / or, any other `.` duplicates the top.
 * An item matches when every value left on the stack is true.
 */
export const matchesQuery = (item: RouterItem, query: readonly string[]): boolean => {
  const stack: boolean[] = [];
  for (const word of query) {
    if (word.startsWith('#')) applyQueryOperations(stack, word.slice(1));
    else stack.push(queryWordHolds(item, word));
  }
  return stack.every(Boolean);
};

const invalidQuery = (why: string) => new RouterTrap(`invalid query: ${why}`, { category: 5 });

const queryWordHolds = (item: RouterItem, word: string): boolean => {
  if (word.startsWith('-')) return !(word.slice(1) in item);
  const [, compare, key, value] = /^([<>=]?)([^=]+)(?:=(.*))?$/s.exec(word) ?? [];
  if (key === undefined) throw invalidQuery(`?${word}`);
  if (value === undefined) {
    if (compare === '<' || compare === '>') throw invalidQuery(`?${word} needs a value`);
    return key in item;
  }
  const actual = item[key];
  if (compare === '<' || compare === '>') return actual !== undefined && Math.sign(compareValues(actual, value)) === (compare === '<' ? -1 : 1);
  return (actual ?? '') === value;
};

const isNumber = (value: string) => /^-?\d+$/.test(value);
const compareValues = (a: string, b: string): number => (isNumber(a) && isNumber(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0);

const applyQueryOperations = (stack: boolean[], operations: string) => {
  const pop = () => {
    if (stack.length === 0) throw invalidQuery(`#${operations} needs more values than the stack holds`);
    return stack.pop()!;
  };
  for (const [, index, op] of operations.matchAll(/(\d+)\.?|(.)/gs)) {
    if (index !== undefined) {
      const value = stack[Number(index)];
      if (value === undefined) throw invalidQuery(`#${operations}: no value at index ${index}`);
      stack.push(value);
    } else if (op === '!') stack.push(!pop());
    else if (op === '.') {
      const top = pop();
      stack.push(top, top);
    } else if (op === '&' || op === '|') {
      const right = pop();
      const left = pop();
      stack.push(op === '&' ? left && right : left || right);
    } else throw invalidQuery(`unsupported operation ${op}`);
  }
};
