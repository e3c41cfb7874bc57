import { systemClock, type Clock } from '../../../platform/clock.ts';
import { AppError, isAppError } from '../../../platform/errors/app-error.ts';
import { openApiSession } from './api-session.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import { mapWithConcurrency } from './concurrency.ts';
import { normaliseIpv4 } from './ipv4.ts';
import { customerComment, invalidLineError } from './line-diff.ts';
import { openRestSession } from './rest-session.ts';
import { isConnectionFailure, isMissingItem } from './router-errors.ts';
import type { OpenSession, RouterItem, RouterSession } from './router-session.ts';
import type {
  ActualLine,
  ChangeResult,
  ConnectionTestResult,
  EnforcementSettings,
  LineSelector,
  PppSession,
  RouterChange,
  RouterConnection,
  RouterGateway,
} from './types.ts';

export type RouterGatewayOptions = {
  /** Commands in flight on the one connection. Default 16. */
  concurrency?: number;
  /** Default 5 s. */
  connectTimeoutMs?: number;
  /** Per command. Default 10 s. */
  commandTimeoutMs?: number;
  /** Default: open after 5 consecutive connection failures, for 30 s. */
  circuitBreaker?: { failureThreshold?: number; coolDownMs?: number };
  clock?: Clock;
};

const menus = {
  addressList: '/ip/firewall/address-list',
  pppSecret: '/ppp/secret',
  pppActive: '/ppp/active',
  dhcpLease: '/ip/dhcp-server/lease',
} as const;

/** Selectors per print: one query of `a | b | …` instead of a print per customer. */
const selectorsPerPrint = 100;

export const createRouterGateway = (connection: RouterConnection, settings: EnforcementSettings, options: RouterGatewayOptions = {}): RouterGateway =>
  new RouterOsGateway(connection, settings, connection.apiKind === 'rest' ? openRestSession : openApiSession, options);

class RouterOsGateway implements RouterGateway {
  private readonly connection: RouterConnection;
  private readonly settings: EnforcementSettings;
  private readonly openSession: OpenSession;
  private readonly concurrency: number;
  private readonly timeouts: { connectTimeoutMs: number; commandTimeoutMs: number };
  private readonly clock: Clock;
  private readonly breaker: CircuitBreaker;

  constructor(connection: RouterConnection, settings: EnforcementSettings, openSession: OpenSession, options: RouterGatewayOptions) {
    this.connection = connection;
    this.settings = settings;
    this.openSession = openSession;
    this.concurrency = options.concurrency ?? 16;
    this.timeouts = { connectTimeoutMs: options.connectTimeoutMs ?? 5_000, commandTimeoutMs: options.commandTimeoutMs ?? 10_000 };
    this.clock = options.clock ?? systemClock;
    this.breaker = new CircuitBreaker({
      routerId: connection.routerId,
      failureThreshold: options.circuitBreaker?.failureThreshold ?? 5,
      coolDownMs: options.circuitBreaker?.coolDownMs ?? 30_000,
      clock: this.clock,
    });
  }

  async testConnection(): Promise<ConnectionTestResult> {
    try {
      return await this.withSession(async (session) => {
        const [identity] = await session.print('/system/identity', { proplist: ['name'] });
        const [resource] = await session.print('/system/resource', { proplist: ['version'] });
        return { ok: true as const, identity: identity?.name ?? '', version: resource?.version ?? '' };
      });
    } catch (error) {
      if (isAppError(error)) return { ok: false, error };
      throw error;
    }
  }

  async readLines(selectors: readonly LineSelector[]): Promise<ActualLine[]> {
    const invalid = selectors.map(invalidLineError).find((error) => error !== null);
    if (invalid) throw invalid;
    if (selectors.length === 0) return [];
    return this.withSession(async (session) => {
      const addressSelectors = selectors.filter((selector) => selector.mode === 'address-list');
      const pppoeSelectors = selectors.filter((selector) => selector.mode === 'pppoe');
      const leaseSelectors = addressSelectors.filter((selector) => selector.leaseTag !== undefined);
      const [entries, secrets, active, leases] = await Promise.all([
        this.printInChunks(session, addressSelectors, (chunk) => ({
          menu: menus.addressList,
          proplist: ['.id', 'address', 'comment'],
          query: [`list=${this.settings.isolationAddressList}`, ...anyOf(chunk.flatMap((s) => [`address=${normaliseIpv4(s.address)}`, `comment=${customerComment(s.customerId)}`]))],
        })),
        this.printInChunks(session, pppoeSelectors, (chunk) => ({
          menu: menus.pppSecret,
          proplist: ['.id', 'name', 'profile', 'disabled', 'comment', 'password'],
          query: anyOf(chunk.map((s) => `name=${s.username}`)),
        })),
        this.printInChunks(session, pppoeSelectors, (chunk) => ({
          menu: menus.pppActive,
          proplist: ['.id', 'name', 'address', 'uptime'],
          query: anyOf(chunk.map((s) => `name=${s.username}`)),
        })),
        this.printInChunks(session, leaseSelectors, (chunk) => ({
          menu: menus.dhcpLease,
          proplist: ['.id', 'address', 'mac-address', 'comment', 'dynamic'],
          query: anyOf(chunk.flatMap((s) => [`address=${normaliseIpv4(s.address)}`, `comment=${s.leaseTag}`])),
        })),
      ]);
      const readAt = this.clock.now().getTime();
      return selectors.map((selector): ActualLine => {
        if (selector.mode === 'address-list') {
          const address = normaliseIpv4(selector.address);
          const comment = customerComment(selector.customerId);
          const { leaseTag, ...line } = selector;
          return {
            ...line,
            entries: entries
              .filter((entry) => entry.address === address || entry.comment === comment)
              .map((entry) => ({ id: entry['.id'], address: entry.address, comment: entry.comment ?? '' })),
            ...(leaseTag !== undefined
              ? {
                  leases: leases
                    .filter((lease) => lease.address === address || lease.comment === leaseTag)
                    .map((lease) => ({
                      id: lease['.id'],
                      address: lease.address ?? '',
                      macAddress: lease['mac-address'] ?? '',
                      comment: lease.comment ?? '',
                      dynamic: isYes(lease.dynamic),
                    })),
                }
              : {}),
          };
        }
        const secret = secrets.find((item) => item.name === selector.username);
        return {
          ...selector,
          secret: secret
            ? {
                id: secret['.id'],
                profile: secret.profile,
                disabled: isYes(secret.disabled),
                comment: secret.comment ?? '',
                // A login without the "sensitive" policy reads no password: then it is not compared.
                password: secret.password ?? null,
              }
            : null,
          sessions: active.filter((item) => item.name === selector.username).map((item): PppSession => sessionOf(item, readAt)),
        };
      });
    });
  }

  async apply(changes: readonly RouterChange[]): Promise<ChangeResult[]> {
    const results = new Map<RouterChange, ChangeResult>();
    const sendable = changes.filter((change) => {
      const invalid = change.op === 'add-address-list-entry' ? invalidLineError({ mode: 'address-list', customerId: change.customerId, address: change.address }) : null;
      if (invalid) results.set(change, { change, status: 'failed', error: invalid });
      return !invalid;
    });
    if (sendable.length > 0) {
      try {
        await this.withSession((session) => this.applyOver(session, sendable, results));
      } catch (error) {
        if (!isAppError(error)) throw error;
        for (const change of sendable) if (!results.has(change)) results.set(change, { change, status: 'failed', error });
      }
    }
    return changes.map((change) => results.get(change)!);
  }

  /** A customer's changes run in order (set the profile, then kick); customers run concurrently. */
  private async applyOver(session: RouterSession, changes: readonly RouterChange[], results: Map<RouterChange, ChangeResult>): Promise<void> {
    const byCustomer = Map.groupBy(changes, (change) => change.customerId);
    let broken: AppError | null = null;
    await mapWithConcurrency([...byCustomer.values()], this.concurrency, async (customerChanges) => {
      let blockedBy: AppError | null = null;
      for (const change of customerChanges) {
        const stopper = broken ?? blockedBy;
        if (stopper) {
          results.set(change, { change, status: 'failed', error: notSent(stopper) });
          continue;
        }
        try {
          await this.send(session, change);
          results.set(change, { change, status: 'applied' });
        } catch (error) {
          if (!isAppError(error)) throw error;
          results.set(change, { change, status: 'failed', error });
          blockedBy = error;
          // Once the link is gone, the rest of the batch is reported unsent instead of queued behind it.
          if (isConnectionFailure(error)) broken ??= error;
        }
      }
    });
    if (broken) throw broken;
  }

  private async send(session: RouterSession, change: RouterChange): Promise<void> {
    try {
      switch (change.op) {
        case 'add-address-list-entry':
          await session.add(menus.addressList, { list: change.list, address: change.address, comment: change.comment });
          return;
        case 'remove-address-list-entry':
          return await session.remove(menus.addressList, change.entryId);
        case 'set-ppp-profile':
          return await session.set(menus.pppSecret, change.secretId, { profile: change.profile });
        case 'kick-ppp-session':
          return await session.remove(menus.pppActive, change.sessionId);
        case 'add-ppp-secret':
          await session.add(menus.pppSecret, { name: change.username, ...change.attributes });
          return;
        case 'update-ppp-secret':
          return await session.set(menus.pppSecret, change.secretId, change.attributes);
        case 'remove-ppp-secret':
          return await session.remove(menus.pppSecret, change.secretId);
        case 'add-dhcp-lease':
          await session.add(menus.dhcpLease, { address: change.address, 'mac-address': change.macAddress, comment: change.comment });
          return;
        case 'update-dhcp-lease':
          return await session.set(menus.dhcpLease, change.leaseId, { address: change.address, 'mac-address': change.macAddress, comment: change.comment });
        case 'remove-dhcp-lease':
          return await session.remove(menus.dhcpLease, change.leaseId);
      }
    } catch (error) {
      // Removing what is already gone (a hand edit, the customer hung up) reaches the goal.
      const removing = ['remove-address-list-entry', 'kick-ppp-session', 'remove-ppp-secret', 'remove-dhcp-lease'].includes(change.op);
      if (removing && isAppError(error) && isMissingItem(error)) return;
      throw error;
    }
  }

  private async printInChunks<S>(
    session: RouterSession,
    selectors: readonly S[],
    request: (chunk: S[]) => { menu: string; proplist: string[]; query: string[] },
  ): Promise<RouterItem[]> {
    const chunks: S[][] = [];
    for (let i = 0; i < selectors.length; i += selectorsPerPrint) chunks.push(selectors.slice(i, i + selectorsPerPrint));
    const pages = await mapWithConcurrency(chunks, this.concurrency, (chunk) => {
      const { menu, proplist, query } = request(chunk);
      return session.print(menu, { proplist, query });
    });
    return pages.flat();
  }

  /** One connection per call; connection failures feed the circuit breaker. */
  private async withSession<T>(work: (session: RouterSession) => Promise<T>): Promise<T> {
    this.breaker.admit();
    let session: RouterSession;
    try {
      session = await this.openSession(this.connection, this.timeouts);
    } catch (error) {
      if (isAppError(error)) this.breaker.recordFailure(error);
      throw error;
    }
    try {
      const result = await work(session);
      this.breaker.recordSuccess();
      return result;
    } catch (error) {
      if (isAppError(error) && isConnectionFailure(error)) this.breaker.recordFailure(error);
      else this.breaker.recordSuccess();
      throw error;
    } finally {
      await session.close();
    }
  }
}

const isYes = (value: string | undefined) => value === 'true' || value === 'yes';

/** RouterOS query words for "any of these": push each, then or them together. */
const anyOf = (words: string[]): string[] => (words.length <= 1 ? words : [...words, `#${'|'.repeat(words.length - 1)}`]);

const notSent = (cause: AppError): AppError =>
  new AppError(cause.code, `Not sent: ${cause.message}`, { ...(cause.details as object), sent: false });

/**
 * When the session began, from RouterOS' uptime ("1w2d3h4m5s", or v6's "1d02:03:04"); one second
 * earlier than shown, since uptime is rounded down — a session is never taken for newer than it is.
 */
const sessionOf = (item: RouterItem, readAt: number): PppSession => ({
  id: item['.id'],
  address: item.address ?? '',
  startedAt: new Date(readAt - parseUptimeMs(item.uptime ?? '') - 1000),
});

export const parseUptimeMs = (uptime: string): number => {
  const units: Record<string, number> = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 };
  let seconds = 0;
  const clock = /(\d+):(\d{2}):(\d{2})$/.exec(uptime);
  if (clock) seconds += Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  for (const [, amount, unit] of uptime.replace(clock?.[0] ?? '', '').matchAll(/(\d+)([wdhms])/g)) seconds += Number(amount) * units[unit];
  return seconds * 1000;
};
