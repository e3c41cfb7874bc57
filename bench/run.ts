// Runs every benchmark in turn; each prints its own table with the machine noted.
import { readdir } from 'node:fs/promises';

const only = process.argv[2];
const files = (await readdir(new URL('.', import.meta.url))).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
for (const file of files) {
  const bench = await import(new URL(file, import.meta.url).href);
  await bench.run();
}
process.exit(0);
