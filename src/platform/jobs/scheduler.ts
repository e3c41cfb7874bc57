import { sql } from 'kysely';
import { Counter, type Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import { isConnectionError } from '../db/connection-errors.ts';
import { asTenantId, type Database } from '../db/database.ts';
import { AppError, AppErrorCode } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import { logContext, type Logger } from '../logging/logger.ts';
import { latestSlot, type JobDefinition, type JobProgress } from './job-definition.ts';

export type JobRun = {
  id: string;
  jobName: string;
  tenantId: string;
  slot: string;
  trigger: 'schedule' | 'manual';
  status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
  attempts: number;
  progress: { done: number; total: number | null; message: string | null };
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
};

/**
 * The tenants the scheduler fans out to. The platform imports no module: the composition root
 * hands in the tenants module's directory.
 */
export type SchedulerTenants = {
  /** Active tenants (only those among `tenantIds` when given), with their zone and creation time. */
  activeTenants(tenantIds?: readonly string[]): Promise<{ id: string; timeZone: string; createdAt: Date }[]>;
};

export type SchedulerOptions = {
  db: Database;
  tenants: SchedulerTenants;
  clock: Clock;
  logger: Logger;
  metrics: Registry;
  jobs: JobDefinition[];
  /** How often the schedule role looks for due slots (cron has minute resolution). */
  tickIntervalMs?: number;
  /** How often the worker role looks for runs to execute. */
  pollIntervalMs?: number;
  /** A running job that reported no progress for this long lost its worker and is run again. */
  staleAfterMs?: number;
  /** Runs lost this many times are marked failed instead of being tried again. */
  maxAttempts?: number;
};

/** The same roles object the event bus takes (`{ consume, schedule, relay }`), so one config drives both. */
export type SchedulerRoles = {
  /** Record due slots (safe on several processes: a slot's row is unique). */
  schedule: boolean;
  /** Execute pending runs (safe on several processes: each run is claimed once). */
  consume: boolean;
};

type ClaimedRun = { id: string; job_name: string; tenant_id: string; slot: Date; trigger: 'schedule' | 'manual'; attempts: number };

/**
 * Scheduled workers: per active tenant, the latest due slot of each job gets one row in
 * job_runs (unique per job, tenant and slot), whichever scheduler process sees it first; workers
 * claim rows with SKIP LOCKED and run them. Slots missed while nothing was running collapse into
 * the latest one. Time comes from the injected clock.
 */
/** How long finished job runs stay visible to operators. */
export const JOB_RUN_RETENTION_DAYS = 14;

export function createScheduler(options: SchedulerOptions) {
  const { db, clock, logger } = options;
  const staleAfterMs = options.staleAfterMs ?? 10 * 60_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const jobsByName = new Map<string, JobDefinition>();
  for (const job of options.jobs) {
    if (jobsByName.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    jobsByName.set(job.name, job);
  }
  const runsFinished = new Counter({
    name: 'simpul_job_runs_total',
    help: 'Finished scheduled job runs by outcome',
    labelNames: ['job', 'status'],
    registers: [options.metrics],
  });
  const timers: NodeJS.Timeout[] = [];
  const inProgress = new Set<Promise<unknown>>();

  const { activeTenants } = options.tenants;

  /** Inserts runs; a scheduled (job, tenant, slot) that already has one is left alone. Returns the new ids. */
  async function insertRuns(runs: { job_name: string; tenant_id: string; slot: string }[], trigger: 'schedule' | 'manual') {
    if (runs.length === 0) return [];
    const rows = runs.map((run) => ({ id: newId(), ...run }));
    const inserted = await db.platform((trx) =>
      sql<{ id: string }>`insert into job_runs (id, job_name, tenant_id, slot, trigger, created_at)
          select r.id, r.job_name, r.tenant_id, r.slot, ${trigger}, ${clock.now().toISOString()}
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, job_name text, tenant_id uuid, slot timestamptz)
          on conflict (job_name, tenant_id, slot) where trigger = 'schedule' do nothing
          returning id`.execute(trx),
    );
    return inserted.rows.map((r) => r.id);
  }

  /** Records the due slot of every job for every active tenant; returns how many new runs it added. */
  async function tick(): Promise<number> {
    const now = clock.now();
    const due = (await activeTenants()).flatMap((tenant) =>
      options.jobs
        .map((job) => ({ job, slot: latestSlot(job.cron, tenant.timeZone, now) }))
        // A tenant created after a slot never had that slot.
        .filter(({ slot }) => slot >= tenant.createdAt)
        .map(({ job, slot }) => ({ job_name: job.name, tenant_id: tenant.id, slot: slot.toISOString() })),
    );
    const inserted = (await insertRuns(due, 'schedule')).length;
    await pruneFinishedRuns(now);
    return inserted;
  }

  /** Finished runs older than the retention go, a bounded batch per tick. */
  async function pruneFinishedRuns(now: Date) {
    const cutoff = new Date(now.getTime() - JOB_RUN_RETENTION_DAYS * 86_400_000).toISOString();
    await db.platform((trx) =>
      sql`delete from job_runs where id in (
            select id from job_runs where status in ('succeeded', 'failed', 'skipped') and finished_at < ${cutoff} limit 1000)`.execute(trx),
    );
  }

  async function claim(onlyIds?: string[]): Promise<ClaimedRun | null> {
    const now = clock.now();
    const { rows } = await db.platform((trx) =>
      sql<ClaimedRun>`
        update job_runs r set status = 'running', attempts = r.attempts + 1,
               started_at = coalesce(r.started_at, ${now.toISOString()}), heartbeat_at = ${now.toISOString()}
        where r.id = (
          select id from job_runs
          where job_name = any(${[...jobsByName.keys()]}::text[])
            and (${onlyIds ?? null}::uuid[] is null or id = any(${onlyIds ?? null}::uuid[]))
            and (status = 'pending' or (status = 'running' and heartbeat_at < ${new Date(now.getTime() - staleAfterMs).toISOString()}))
          order by slot limit 1 for update skip locked)
        returning r.id, r.job_name, r.tenant_id, r.slot, r.trigger, r.attempts`.execute(trx),
    );
    return rows[0] ?? null;
  }

  const finish = (id: string, status: 'succeeded' | 'failed' | 'skipped', error: string | null = null, message: string | null = null) =>
    db.platform((trx) =>
      sql`update job_runs set status = ${status}, error = ${error}, finished_at = ${clock.now().toISOString()},
                 progress_message = coalesce(${message}, progress_message)
          where id = ${id}`.execute(trx),
    );

  async function execute(run: ClaimedRun) {
    const job = jobsByName.get(run.job_name)!;
    const log = logger.child({ job: run.job_name, tenantId: run.tenant_id, jobRunId: run.id });
    let status: 'succeeded' | 'failed' | 'skipped' = 'succeeded';
    if (run.attempts > maxAttempts) {
      status = 'failed';
      await finish(run.id, status, `the worker running it stopped ${maxAttempts} times`);
    } else if ((await activeTenants([run.tenant_id])).length === 0) {
      // Jobs re-check tenant state: it may have been suspended since the slot was recorded.
      status = 'skipped';
      await finish(run.id, status, null, 'skipped: the tenant is not active');
    } else {
      try {
        await logContext.run({ ...logContext.getStore(), tenantId: run.tenant_id, jobId: run.id }, () =>
          job.run({
            tenantId: asTenantId(run.tenant_id),
            slot: new Date(run.slot),
            trigger: run.trigger,
            clock,
            logger: log,
            withTenant: (fn) => db.tenant(asTenantId(run.tenant_id), fn),
            reportProgress: (progress) => reportProgress(run.id, progress),
          }),
        );
        await finish(run.id, status);
        log.info('job run succeeded');
      } catch (error) {
        // Not the job's fault: left running, it is claimed again once stale, like a crashed worker's run.
        if (isConnectionError(error)) throw error;
        status = 'failed';
        await finish(run.id, status, error instanceof Error ? error.message : String(error));
        log.error({ err: error }, 'job run failed');
      }
    }
    runsFinished.inc({ job: run.job_name, status });
  }

  const reportProgress = (id: string, progress: JobProgress) =>
    db.platform((trx) =>
      sql`update job_runs set progress_done = ${progress.done}, progress_total = ${progress.total ?? null},
                 progress_message = ${progress.message ?? null}, heartbeat_at = ${clock.now().toISOString()}
          where id = ${id}`.execute(trx),
    ).then(() => undefined);

  /** Claims and executes runs until none is left (or only `onlyIds`); returns how many it ran. */
  async function runPending(onlyIds?: string[]): Promise<number> {
    let count = 0;
    for (let run = await claim(onlyIds); run; run = await claim(onlyIds)) {
      await execute(run);
      count++;
    }
    return count;
  }

  async function getRuns(ids: string[]): Promise<JobRun[]> {
    const { rows } = await db.platform((trx) =>
      sql<Record<string, unknown>>`select * from job_runs where id = any(${ids}::uuid[]) order by slot, tenant_id`.execute(trx),
    );
    return rows.map(toJobRun);
  }

  return {
    tick,
    runPending,
    getRuns,

    listJobs: () => options.jobs.map(({ name, cron, description }) => ({ name, cron, description })),

    async listRuns(filter: { jobName?: string; limit?: number } = {}): Promise<JobRun[]> {
      const { rows } = await db.platform((trx) =>
        sql<Record<string, unknown>>`select * from job_runs
          where (${filter.jobName ?? null}::text is null or job_name = ${filter.jobName ?? null})
          order by created_at desc, slot desc limit ${filter.limit ?? 100}`.execute(trx),
      );
      return rows.map(toJobRun);
    },

    /** Queues a manual run of `jobName` for the given tenants (default: every active tenant). */
    async runJobNow(request: { jobName: string; tenantIds?: string[] }): Promise<JobRun[]> {
      if (!jobsByName.has(request.jobName)) {
        throw new AppError(AppErrorCode.NOT_FOUND, `No job named ${request.jobName}; known: ${[...jobsByName.keys()].join(', ')}`);
      }
      const tenants = await activeTenants(request.tenantIds);
      if (request.tenantIds && tenants.length < new Set(request.tenantIds).size) {
        throw new AppError(AppErrorCode.NOT_FOUND, 'Some of these tenants do not exist or are not active', { tenantIds: request.tenantIds });
      }
      const slot = clock.now().toISOString();
      const ids = await insertRuns(tenants.map((t) => ({ job_name: request.jobName, tenant_id: t.id, slot })), 'manual');
      return getRuns(ids);
    },

    start(roles: SchedulerRoles) {
      const every = (ms: number, fn: () => Promise<unknown>) => {
        let isBusy = false;
        timers.push(
          setInterval(() => {
            if (isBusy) return;
            isBusy = true;
            const pass = fn()
              // The database being unreachable is logged once by the database itself; the next pass retries.
              .catch((error) => isConnectionError(error) || logger.error({ err: error }, 'scheduler pass failed'))
              .finally(() => {
                isBusy = false;
                inProgress.delete(pass);
              });
            inProgress.add(pass);
          }, ms),
        );
      };
      if (roles.schedule) every(options.tickIntervalMs ?? 15_000, tick);
      if (roles.consume) every(options.pollIntervalMs ?? 1_000, () => runPending());
    },

    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.all(inProgress);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;

function toJobRun(row: Record<string, unknown>): JobRun {
  const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
  return {
    id: row.id as string,
    jobName: row.job_name as string,
    tenantId: row.tenant_id as string,
    slot: iso(row.slot)!,
    trigger: row.trigger as JobRun['trigger'],
    status: row.status as JobRun['status'],
    attempts: row.attempts as number,
    progress: { done: row.progress_done as number, total: (row.progress_total as number | null) ?? null, message: (row.progress_message as string | null) ?? null },
    error: (row.error as string | null) ?? null,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}
