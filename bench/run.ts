// Runs the named benchmarks (`npm run bench -- http daily-scan`; a part of a name picks every
// bench containing it), or every one. Each prints its table through printTable (bench/machine.ts).
import { readdir } from 'node:fs/promises';

const names = (await readdir(new URL('.', import.meta.url))).filter((f) => f.endsWith('.bench.ts')).map((f) => f.slice(0, -'.bench.ts'.length)).sort();
const pick = (asked: string) => (names.includes(asked) ? [asked] : names.filter((name) => name.includes(asked)));
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => pick(name).length === 0);
if (unknown.length) {
  console.error(`no benchmark named ${unknown.join(', ')}; there are: ${names.join(', ')}`);
  process.exit(2);
}
for (const name of asked.length ? [...new Set(asked.flatMap(pick))] : names) {
  const bench = await import(new URL(`${name}.bench.ts`, import.meta.url).href);
  await bench.run();
}
process.exit(0);
