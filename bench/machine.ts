import os from 'node:os';

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/** One line naming the machine and how busy it is right now, printed above every benchmark table. */
export const machineLine = () =>
  `machine: ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
  `${os.platform()} ${os.release()}, Node ${process.version}; ` +
  `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min), process RSS ${mib(process.memoryUsage.rss())}`;

/**
 * The one way a benchmark prints: title, machine line, the table, then any notes (goals met or
 * missed, ratios). Every `bench/*.bench.ts` `run()` ends here, so `npm run bench` and a direct run
 * show the same thing (test/bench-runner.test.ts checks).
 */
export function printTable(title: string, rows: Record<string, string | number>[], notes: string[] = []) {
  console.log(`\n${title}\n${machineLine()}`);
  console.table(rows);
  for (const note of notes) console.log(note);
}
