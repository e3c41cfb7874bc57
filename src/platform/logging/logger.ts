import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

export type { Logger };

/** Per-request / per-job context; every log line carries it. */
export type LogContext = {
  requestId?: string;
  tenantId?: string;
  userId?: string;
  /** Set by authentication for a row-scoped caller (a collector-only staff member): tenant transactions see only their rows. */
  scopeUserId?: string;
  /** Set by authentication for a tenant staff member: their roles, which the database's role policies read. */
  staffRoles?: readonly string[];
  jobId?: string;
  eventId?: string;
};
export const logContext = new AsyncLocalStorage<LogContext>();

export const createLogger = (options: { level: string; pretty?: boolean }): Logger =>
  pino({
    level: options.level,
    base: undefined,
    mixin: () => ({ ...logContext.getStore() }),
  });
