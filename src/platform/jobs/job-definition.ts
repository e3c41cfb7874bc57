import { CronExpressionParser } from 'cron-parser';
import type { Clock } from '../clock.ts';
import type { TenantId, Tx } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';

export type JobProgress = { done: number; total?: number; message?: string };

export type JobContext = {
  tenantId: TenantId;
  /** The scheduled instant this run is for (a manual run: when it was asked for). */
  slot: Date;
  trigger: 'schedule' | 'manual';
  clock: Clock;
  logger: Logger;
  /** A transaction as this tenant's staff (RLS-scoped). Large jobs take several, in batches. */
  withTenant<T>(fn: (trx: Tx) => Promise<T>): Promise<T>;
  /** Shown to operators while the run is going; also proves the worker is alive. */
  reportProgress(progress: JobProgress): Promise<void>;
};

/**
 * A scheduled worker, run once per active tenant for every slot of `cron`, evaluated in the
 * tenant's own time zone ("5 0 * * *" is 00:05 WIB for a Jakarta ISP, 00:05 WIT for a Jayapura one).
 * `run` re-checks the state it acts on: the slot may be hours old after downtime.
 */
export type JobDefinition = {
  /** Stable name (it keys job_runs rows). NEVER rename without a migration. */
  name: string;
  cron: string;
  description: string;
  run(ctx: JobContext): Promise<void>;
};

export const defineJob = (definition: JobDefinition): JobDefinition => {
  CronExpressionParser.parse(definition.cron); // a bad expression fails at start-up, not at midnight
  return definition;
};

/** The latest slot of `cron` at or before `now`, in `timeZone`. */
export function latestSlot(cron: string, timeZone: string, now: Date): Date {
  // prev() is strictly before currentDate; +1 ms makes a slot that is exactly now count.
  return CronExpressionParser.parse(cron, { currentDate: new Date(now.getTime() + 1), tz: timeZone }).prev().toDate();
}
