import os from 'node:os';

/** One line naming the machine, printed above every benchmark table. */
export const machineLine = () =>
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
  `${os.platform()} ${os.release()}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min)`;

export function printTable(title: string, rows: Record<string, string | number>[]) {
  console.log(`\n${title}\n${machineLine()}`);
  console.table(rows);
}
