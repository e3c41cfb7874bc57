import type { AppError } from '../../../platform/errors/app-error.ts';

/**
 * The vocabulary between a reconciler and a MikroTik router. A *line* is one customer's
 * enforcement on one router, in the router's isolation mode:
 * - address-list: the customer's IP is in the isolation address list (static / DHCP customers);
 * - pppoe: the customer's PPP secret carries the plan profile or the isolation profile, and a
 *   session dialled under the wrong profile is kicked so the customer redials into the right one.
 */

export type IsolationMode = 'address-list' | 'pppoe';

/** How a router is reached. Secrets arrive decrypted; nothing here stores them. */
export type RouterConnection = {
  routerId: string;
  host: string;
  /** Defaults: API 8728 (8729 with TLS); REST 80 (443 with TLS). */
  port?: number;
  apiKind: 'routeros-api' | 'rest';
  username: string;
  password: string;
  /**
   * API-SSL / HTTPS. `ca` pins the router's certificate (API only: Node's fetch cannot take a
   * per-request CA, so REST over HTTPS needs a certificate the process already trusts).
   */
  tls?: false | { ca?: string; rejectUnauthorized?: boolean; servername?: string };
};

/** Names chosen per router by the tenant. */
export type EnforcementSettings = {
  /** e.g. `simpul-isolir` */
  isolationAddressList: string;
  /** PPP profile for isolated PPPoE customers, e.g. `isolir` */
  isolationProfile: string;
};

/** What the database wants for a line. */
export type DesiredLine =
  | {
      mode: 'address-list';
      customerId: string;
      address: string;
      isolated: boolean;
      /**
       * A DHCP line's static lease (`/ip/dhcp-server/lease`) binding this MAC to the address, tagged
       * with `comment`; `macAddress` null: the line has none (no MAC known, or the customer left), so
       * leases with that tag go. Omitted: leases untouched (a static line).
       */
      lease?: { macAddress: string | null; comment: string };
    }
  | {
      mode: 'pppoe';
      customerId: string;
      username: string;
      isolated: boolean;
      planProfile: string;
      /**
       * The secret Simpul keeps for the line (omitted: the secret is the operator's, only its
       * profile is driven). Created when missing, adopted (tagged) when one of that name exists,
       * disabled while suspended, removed when `present` is false.
       */
      secret?: { present: boolean; password: string | null; disabled: boolean; comment: string };
      /**
       * When the router last confirmed the secret's current profile (the reconciler's applied
       * state). A session that began before it may still run under the old profile and is kicked;
       * this covers a switch whose kick was lost. Omit it to kick only when switching.
       */
      profileConfirmedAt?: Date;
    };

/** Which lines to read. */
export type LineSelector =
  | { mode: 'address-list'; customerId: string; address: string; leaseTag?: string }
  | { mode: 'pppoe'; customerId: string; username: string };

export type DhcpLease = { id: string; address: string; macAddress: string; comment: string; dynamic: boolean };

export type AddressListEntry = { id: string; address: string; comment: string };
export type PppSession = { id: string; address: string; startedAt: Date };

/** What the router holds for a line right now. */
export type ActualLine =
  | {
      mode: 'address-list';
      customerId: string;
      address: string;
      /** Entries in the isolation list for this address or tagged with this customer. */
      entries: AddressListEntry[];
      /** Static DHCP leases for this address or tagged with this customer (read when the selector asks). */
      leases?: DhcpLease[];
    }
  | {
      mode: 'pppoe';
      customerId: string;
      username: string;
      /** null when the router has no PPP secret of that name. */
      secret: { id: string; profile: string; disabled: boolean; comment: string; password: string | null } | null;
      sessions: PppSession[];
    };

/** One router command, computed by the diff; applying it twice is harmless. */
export type RouterChange =
  | { op: 'add-address-list-entry'; customerId: string; list: string; address: string; comment: string }
  | { op: 'remove-address-list-entry'; customerId: string; entryId: string; address: string }
  | { op: 'set-ppp-profile'; customerId: string; secretId: string; username: string; profile: string }
  | {
      op: 'add-ppp-secret';
      customerId: string;
      username: string;
      attributes: { password: string; profile: string; service: 'pppoe'; comment: string; disabled: 'yes' | 'no' };
    }
  | { op: 'update-ppp-secret'; customerId: string; secretId: string; username: string; attributes: { comment?: string; password?: string; disabled?: 'yes' | 'no' } }
  | { op: 'remove-ppp-secret'; customerId: string; secretId: string; username: string }
  | { op: 'add-dhcp-lease'; customerId: string; address: string; macAddress: string; comment: string }
  | { op: 'update-dhcp-lease'; customerId: string; leaseId: string; address: string; macAddress: string; comment: string }
  | { op: 'remove-dhcp-lease'; customerId: string; leaseId: string; address: string }
  | { op: 'kick-ppp-session'; customerId: string; sessionId: string; username: string };

export type ChangeResult =
  | { change: RouterChange; status: 'applied' }
  /**
   * Not confirmed by the router. `error.details.sent` tells whether the command left: a command
   * sent on a connection that then dropped may or may not have run — the next read decides.
   */
  | { change: RouterChange; status: 'failed'; error: AppError };

export type ConnectionTestResult =
  | { ok: true; identity: string; version: string }
  | { ok: false; error: AppError };

export interface RouterGateway {
  /** Connects and logs in; never throws for router trouble. */
  testConnection(): Promise<ConnectionTestResult>;
  /** Reads the actual state of these lines over one connection; throws a classified AppError. */
  readLines(selectors: readonly LineSelector[]): Promise<ActualLine[]>;
  /**
   * Applies changes over one connection, a customer's changes in order, customers concurrently.
   * Never throws for router trouble: every change gets a result.
   */
  apply(changes: readonly RouterChange[]): Promise<ChangeResult[]>;
}
