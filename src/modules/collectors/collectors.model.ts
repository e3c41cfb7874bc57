import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Publish } from '../../platform/events/outbox.ts';
import type { BillingService } from '../billing/index.ts';
import type { IdentityService } from '../identity/index.ts';
import type { TenantsService } from '../tenants/index.ts';
import type { collectorsEvents } from './collectors.events.ts';

/** The collectors module's vocabulary, shared by its use cases (use-cases/*.ts). */

export type CollectorsSettings = {
  /** A customer enters the worklist when an open invoice is due within this many days (or overdue). */
  dueWindowDays: number;
  /** Collect part of an invoice (cicilan); off: only what is open on it. */
  allowPartial: boolean;
  /** Beyond the spec: restore an isolated customer at phase 1 (paid in person), not at the deposit. */
  restoreOnCollection: boolean;
  /** Collector log lines older than this are deleted (money records are kept). */
  logRetentionDays: number;
};

export const defaultSettings: CollectorsSettings = { dueWindowDays: 7, allowPartial: false, restoreOnCollection: false, logRetentionDays: 365 };

export type VisitResult = 'paid' | 'not_home' | 'refused' | 'promised';
export type HandoverStatus = 'confirmed' | 'short' | 'short_settled' | 'written_off' | 'over';
export type CollectionStatus = 'held' | 'handed_over' | 'deposited' | 'rejected';

/** Who acts: a staff member of the transaction's tenant. */
export type Actor = { userId: string };

export type CollectorsDeps = {
  db: Database;
  clock: Clock;
  billing: BillingService;
  identity: Pick<IdentityService, 'staffContactsInTransaction'>;
  tenants: Pick<TenantsService, 'timeZoneInTransaction'>;
  publish: Publish<typeof collectorsEvents>;
};
/** What a use case needs inside a transaction its caller opened. */
export type CollectorsContext = Omit<CollectorsDeps, 'db'>;
