import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IdentityTables } from './identity.tables.ts';
import { identityErrors } from './identity.errors.ts';

export type LoginThrottleConfig = {
  /** Failures of one account from one address before each further try must wait. */
  loginMaxFailures: number;
  /** How long a failure counts. */
  loginWindowMinutes: number;
};

/** The first wait after `loginMaxFailures`; each further failure doubles it (30 s, 1 min, 2 min…). */
const FIRST_DELAY_MS = 30_000;
/**
 * One address may fail this many times `loginMaxFailures` across all accounts in a window: a
 * shared RT/RW Net NAT puts a whole neighbourhood behind one address, so the cap is generous.
 */
export const ADDRESS_FAILURE_FACTOR = 20;

/**
 * Refuses a login attempt that comes too soon. Failures are counted per (account, address) and
 * delay only that pair, growing with each failure, so a stranger guessing an account's password
 * never locks its owner out from their own address. A success clears the pair's count.
 */
export async function assertLoginAllowed(
  trx: Tx<IdentityTables>,
  attempt: { email: string; ip: string | undefined; now: Date },
  config: LoginThrottleConfig,
) {
  const windowMs = config.loginWindowMinutes * 60_000;
  const since = new Date(attempt.now.getTime() - windowMs);
  const ip = attempt.ip ?? '';
  const lastSuccess = sql<Date>`(select max(created_at) from identity_audit_log
    where action = 'login.succeeded' and subject = ${attempt.email} and ip = ${ip} and created_at > ${since})`;
  const pair = sql<boolean>`subject = ${attempt.email} and ip = ${ip} and created_at > coalesce(${lastSuccess}, ${since})`;
  const row = await trx
    .selectFrom('identity_audit_log')
    .select([
      sql<number>`count(*) filter (where ${pair})::int`.as('pairFailures'),
      sql<Date | null>`max(created_at) filter (where ${pair})`.as('pairLast'),
      sql<number>`count(*) filter (where ip = ${ip})::int`.as('addressFailures'),
      sql<Date | null>`min(created_at) filter (where ip = ${ip})`.as('addressOldest'),
    ])
    .where('action', '=', 'login.failed')
    .where('created_at', '>', since)
    .where((eb) => eb.or([eb('subject', '=', attempt.email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();

  const now = attempt.now.getTime();
  let retryAt = now;
  if (row.pairFailures >= config.loginMaxFailures && row.pairLast) {
    const delay = Math.min(FIRST_DELAY_MS * 2 ** (row.pairFailures - config.loginMaxFailures), windowMs);
    retryAt = Math.max(retryAt, new Date(row.pairLast).getTime() + delay);
  }
  if (row.addressFailures >= config.loginMaxFailures * ADDRESS_FAILURE_FACTOR && row.addressOldest) {
    retryAt = Math.max(retryAt, new Date(row.addressOldest).getTime() + windowMs);
  }
  if (retryAt > now) {
    const retryAfterSeconds = Math.ceil((retryAt - now) / 1000);
    throw new AppError(identityErrors.LOGIN_THROTTLED, `Too many failed logins. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
  }
}
