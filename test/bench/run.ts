/**
 * `npm run bench`: runs every test/bench/*.bench.ts and prints one JSON line
 * per result: {"name","value","unit","floor","ratio"}. Timings on a shared
 * machine are noisy, so each bench reports a median and a floor measured in
 * the same run; nothing here passes or fails on a timer.
 * Usage: npm run bench [-- <name filter>]
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-kit';

const filter = process.argv[2];
const dir = import.meta.dirname;
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
if (files.length === 0) console.error(`No benchmarks${filter ? ` matching "${filter}"` : ''} in ${dir}`);
let failures = 0;
for (const file of files) {
  try {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<BenchResult[]> };
    for (const result of await module.run()) {
      const line = { name: result.name, value: round(result.value), unit: result.unit, floor: result.floor === undefined ? null : round(result.floor), ratio: result.ratio === undefined ? null : round(result.ratio) };
      console.log(JSON.stringify(line));
    }
  } catch (error) {
    failures++;
    console.error(`bench ${file} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exitCode = failures ? 1 : 0;

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
