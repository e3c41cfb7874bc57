import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import type { BillingService, PaymentGatewaysService } from '../billing/index.ts';
import type { CustomersService } from '../customers/index.ts';
import type { IsolationService } from '../isolation/index.ts';
import type { NetworkService } from '../network/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { TenantsService } from '../tenants/index.ts';
import type { portalEvents } from './portal.events.ts';

/** The portal's vocabulary, shared by its use cases (use-cases/*.ts). */

/** A one-time code is valid this long … */
export const CODE_TTL_MINUTES = 15;
/** … for this many wrong tries. */
export const CODE_MAX_ATTEMPTS = 5;
/** Codes one identifier may ask for in CODE_TTL_MINUTES. */
export const CODES_PER_IDENTIFIER = 3;
/** Codes one address may ask for in an hour (a shared NAT has several customers). */
export const CODES_PER_ADDRESS_HOUR = 10;
/** A portal session lasts this long (short: a shared phone, an internet café). */
export const SESSION_TTL_MINUTES = 30;
/** Complaints one customer may send in an hour. */
export const COMPLAINTS_PER_HOUR = 3;

/** An open outage on the customer's line, when the FTTH module can tell (see PortalDeps.outages). */
export type OutageNotice = { area: string; startedAt: Date };

export type PortalDeps = {
  db: Database;
  clock: Clock;
  tenants: Pick<TenantsService, 'findIdBySlug' | 'profileInTransaction'>;
  customers: Pick<CustomersService, 'findActiveInTransaction' | 'idByLineAddressInTransaction' | 'getInTransaction'>;
  billing: Pick<BillingService, 'listInvoicesInTransaction' | 'getInvoiceInTransaction'>;
  payments: Pick<PaymentGatewaysService, 'listAccounts' | 'createPaymentLink'>;
  isolation: Pick<IsolationService, 'linesInTransaction'>;
  network: Pick<NetworkService, 'customerIdByFramedAddressInTransaction' | 'getRouter' | 'lineSyncInTransaction'>;
  notifications: Pick<NotificationsService, 'queuePortalCodeInTransaction'>;
  publish: Publish<typeof portalEvents>;
  /**
   * HOOK for the FTTH module (being built in parallel): the open outage on a customer's line,
   * in the caller's tenant transaction. Absent until that module's index.ts offers it; the
   * portal then shows no outage notice.
   */
  outages?: { openOutageForCustomerInTransaction(trx: Tx, customerId: string): Promise<OutageNotice | null> };
  /** The SaaS layer: whether the tenant's subscription includes the portal, and which tenant a Host reaches. */
  saas?: {
    featureEnabled(tenantId: TenantId, feature: 'customer_portal'): Promise<boolean>;
    tenantOfHost(host: string): Promise<TenantId | null>;
  };
};

export type PortalContext = Omit<PortalDeps, 'db'>;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** "Budi Santoso" → "B***i S***o": enough for the customer to recognise, too little for a passer-by. */
export const maskName = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .map((word) => (word.length <= 2 ? `${word[0]}*` : `${word[0]}***${word[word.length - 1]}`))
    .join(' ');

/** What the portal and the isolir page show of one invoice. */
export type PortalInvoice = {
  id: string;
  number: string;
  period: string;
  dueDate: string;
  amount: number;
  status: 'unpaid' | 'paid' | 'pending';
  paidAt: Date | null;
};

/**
 * Where a line stands for the customer: cut off; paid, the restore on its way; restored, the
 * router not yet confirming it (it still isolates the line); working.
 */
export type LineStatus = 'isolated' | 'restoring' | 'reconnecting' | 'active';
