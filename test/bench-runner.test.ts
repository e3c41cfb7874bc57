import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printTable } from '../bench/machine.ts';

const benchDir = new URL('../bench/', import.meta.url);
const benchFiles = (await readdir(benchDir)).filter((f) => f.endsWith('.bench.ts')).sort();

describe('benchmarks print one way', () => {
  afterEach(() => vi.restoreAllMocks());

  it('should print the title, the machine with its load and RSS at print time, the table and the notes', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const table = vi.spyOn(console, 'table').mockImplementation(() => undefined);
    printTable('Daily scan', [{ shape: 'PostgreSQL', 'scan s': '1.00' }], ['scan ÷ raw UPDATE: 1.2× (goal ≤ 3×): met']);
    const [heading, note] = lines;
    expect(heading).toMatch(/^\nDaily scan\nmachine: .+, \d+ cores, \d+ GiB, .*Node v\d+.*; load average [\d.]+ \/ [\d.]+ \/ [\d.]+ \(1\/5\/15 min\), process RSS \d+ MiB$/);
    expect(table).toHaveBeenCalledWith([{ shape: 'PostgreSQL', 'scan s': '1.00' }]);
    expect(note).toBe('scan ÷ raw UPDATE: 1.2× (goal ≤ 3×): met');
  });

  // Static, so no benchmark runs here: each one's run() must end in the shared printer (a bench
  // that returns its rows or prints on its own shows nothing, or something else, under the runner).
  it.each(benchFiles)('%s should export run() and print only through printTable', async (file) => {
    const source = await readFile(new URL(file, benchDir), 'utf8');
    expect(source, 'export run()').toMatch(/export (async function run\(|const run = async)/);
    expect(source, "import { printTable } from './machine.ts'").toMatch(/import \{[^}]*\bprintTable\b[^}]*\} from '\.\/machine\.ts'/);
    expect(source, 'a printTable(…) call').toMatch(/\bprintTable\(/);
    expect(source, 'no printing of its own').not.toMatch(/\bconsole\.(log|table|info)\b|process\.stdout\.write|\bmachineLine\b/);
  });

  it('should refuse a benchmark name that names none, listing the ones there are, before running any', async () => {
    const failure = await promisify(execFile)(process.execPath, ['bench/run.ts', 'daily-scan', 'no-such-bench']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('no benchmark named no-such-bench; there are: ');
    expect((failure as { stderr: string }).stderr).toContain('daily-scan, domain-ask');
  });
});
