import { parseArgs } from 'node:util';
import type { Scheduler } from './scheduler.ts';

/**
 * `run-job <job name> [--tenant <id>]…`: runs a scheduled job now, in this process, for the given
 * tenants (default: every active tenant), printing each run's progress. Returns the exit code.
 */
export async function runJobNowCommand(scheduler: Scheduler, argv: string[], print: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { tenant: { type: 'string', multiple: true } } });
  const [jobName] = positionals;
  if (!jobName) {
    print(`Usage: run-job <job name> [--tenant <id>]…\nJobs: ${scheduler.listJobs().map((j) => j.name).join(', ')}`);
    return 2;
  }
  const queued = await scheduler.runJobNow({ jobName, tenantIds: values.tenant });
  const ids = queued.map((run) => run.id);
  print(`Running ${jobName} for ${ids.length} tenant${ids.length === 1 ? '' : 's'}…`);
  const reported = new Map<string, string>();
  const printProgress = async () => {
    for (const run of await scheduler.getRuns(ids)) {
      const line = `${run.tenantId} ${run.status} ${run.progress.done}${run.progress.total === null ? '' : `/${run.progress.total}`}${run.progress.message ? ` ${run.progress.message}` : ''}${run.error ? ` error: ${run.error}` : ''}`;
      if (reported.get(run.id) !== line) print(line);
      reported.set(run.id, line);
    }
  };
  const ticker = setInterval(() => void printProgress(), 1_000);
  try {
    await scheduler.runPending(ids);
  } finally {
    clearInterval(ticker);
  }
  await printProgress();
  return (await scheduler.getRuns(ids)).every((run) => run.status === 'succeeded' || run.status === 'skipped') ? 0 : 1;
}
