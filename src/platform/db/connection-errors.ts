import type { Logger } from '../logging/logger.ts';

/** Socket-level failures: the server is gone, refusing, or unreachable. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATE class 08 (connection exception) and the server shutting down, restarting or starting up. */
const isOutageSqlState = (code: string) => code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code);
/** What pg says when a connection died under it (no code attached). */
const lostConnectionMessage = /connection terminated|not queryable|connection (?:is )?closed|terminating connection/i;

/**
 * Is this error the database being unreachable (down, restarting, connection cut) rather than
 * something wrong with the work itself? Such work is retried once the database is back, not
 * counted as a failure of the work.
 */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (socketCodes.has(code) || isOutageSqlState(code))) return true;
  if (lostConnectionMessage.test(error.message)) return true;
  // Node's connect to a name with several addresses rejects with an AggregateError; pg-boss wraps in `cause`.
  if (error instanceof AggregateError && error.errors.some((e) => isConnectionError(e, depth + 1))) return true;
  return isConnectionError(error.cause, depth + 1);
}

/** Wait before the next reconnect attempt: 100 ms doubling to `maxMs`, with jitter so processes don't retry in step. */
export const reconnectDelayMs = (failures: number, maxMs = 5_000) => Math.min(maxMs, 100 * 2 ** Math.min(failures, 10)) * (0.75 + Math.random() / 2);

/**
 * The process's view of whether the database is reachable: one log line when it goes away and
 * one when it is back, however many queries fail in between.
 */
export function createOutageLog(logger: Logger) {
  let downSince: number | null = null;
  return {
    get isDown() {
      return downSince !== null;
    },
    /** A connection failed; returns whether `error` was the database being unreachable. */
    lost(error: unknown): boolean {
      if (!isConnectionError(error)) return false;
      if (downSince === null) {
        downSince = Date.now();
        logger.error({ err: error }, 'database unavailable: retrying until it is back');
      }
      return true;
    },
    /** A new connection was opened. */
    connected() {
      if (downSince === null) return;
      // warn, not info: a log kept at warn still shows when the outage ended.
      logger.warn({ downForMs: Date.now() - downSince }, 'database is back');
      downSince = null;
    },
  };
}

export type OutageLog = ReturnType<typeof createOutageLog>;
