/**
 * Run storage speed.
 * - Append latency per log entry, including the fdatasync that makes it
 *   durable before the session acknowledges it (median and p99), against the
 *   floor of a bare `writeSync` of the same line without any sync.
 * - Listing a history of 1,000 runs (realistic run folders: the minimal
 *   pack's snapshot and a 10–40 entry log each) with the summary cache warm
 *   (budget: under 300 ms) and cold (every run replayed and scored once),
 *   against the floor of `readdir` plus reading the 1,000 header files raw.
 * - Listing a library of 50 packs (copies of the minimal pack, 25 folders
 *   and 25 single files) warm (nothing changed: fingerprints only) and cold
 *   (every pack loaded), against the floor of reading the 50 pack files raw.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEntry, RunHeader } from '../../src/engine/index';
import { playScript } from '../../src/engine/index';
import { nodeAppendFs } from '../../src/main/runs/append-fs';
import { encodeEntries } from '../../src/main/runs/log-codec';
import { createLogWriter } from '../../src/main/runs/log-writer';
import { realRunDeps } from '../../src/main/runs/real-deps';
import { writeRunDir } from '../../src/main/runs/run-files';
import { createRunStore } from '../../src/main/runs/run-store';
import { MINIMAL_PACK_DIR, testSnapshot } from '../main/runs/helpers/run-fixtures';
import { createPackLibrary } from '../../src/main/library/pack-library';
import { against, median, quantile, sampleAsync, type BenchResult } from './bench-kit';

const APPENDS = 400;
const RUNS = 1_000;

const entry = (seq: number): LogEntry => ({ seq, by: 'facilitator', command: { type: 'note.add', text: `Entry ${seq}: the team briefs the executive sponsor.` }, wall: '2027-05-06T10:00:00.000Z' });

async function appendLatency(dir: string): Promise<BenchResult[]> {
  const path = join(dir, 'append.jsonl');
  const writer = createLogWriter(path, nodeAppendFs, 0);
  let seq = 0;
  const durable = await sampleAsync(() => writer.append([entry(++seq)]), APPENDS, 50);
  await writer.close();

  const floorPath = join(dir, 'floor.jsonl');
  const fd = openSync(floorPath, 'a');
  let floorSeq = 0;
  const floor = await sampleAsync(async () => writeSync(fd, encodeEntries([entry(++floorSeq)])), APPENDS, 50);
  closeSync(fd);
  await unlink(path);
  await unlink(floorPath);
  return [
    against('storage.append.median (write + fdatasync)', median(durable), median(floor)),
    against('storage.append.p99 (write + fdatasync)', quantile(durable, 0.99), quantile(floor, 0.99)),
  ];
}

/** 1,000 run folders: a third ended, the rest interrupted at various points of the reference timeline. */
async function makeHistory(runsDir: string): Promise<void> {
  const snapshot = testSnapshot();
  const played = playScript(snapshot.pack, snapshot.pack.reference.timeline, { seed: 1, packHash: snapshot.hash });
  for (let i = 0; i < RUNS; i++) {
    const runId = `bench-${String(i).padStart(4, '0')}`;
    const header: RunHeader = { ...played.header, runId, seed: 1, createdAt: new Date(Date.UTC(2027, 0, 1) + i * 60_000).toISOString(), mode: 'facilitated', participants: ['Ana', 'Ben'] };
    const length = i % 3 === 0 ? played.log.length : 10 + (i % Math.max(1, played.log.length - 10));
    await writeRunDir(runsDir, header, snapshot, encodeEntries(played.log.slice(0, length)));
  }
}

async function historyListing(dir: string): Promise<BenchResult[]> {
  const runsDir = join(dir, 'runs');
  await makeHistory(runsDir);
  const store = createRunStore({ runsDir, deps: realRunDeps });

  const coldStart = performance.now();
  const rows = await store.list();
  const cold = performance.now() - coldStart;
  if (rows.length !== RUNS || rows.some((r) => !r.ok)) throw new Error(`history bench: expected ${RUNS} valid runs, got ${rows.filter((r) => r.ok).length}`);

  const warm = await sampleAsync(() => store.list(), 7, 2);
  const floor = await sampleAsync(async () => {
    const names = await readdir(runsDir);
    await Promise.all(names.map((name) => readFile(join(runsDir, name, 'header.json'))));
  }, 7, 2);
  return [
    against(`storage.history.list ${RUNS} runs (cache warm; budget 300 ms)`, median(warm), median(floor)),
    against(`storage.history.list ${RUNS} runs (cold: replay + score each, once)`, cold, median(floor)),
  ];
}

async function libraryListing(dir: string): Promise<BenchResult[]> {
  const bundledDir = join(dir, 'scenarios');
  const yaml = await readFile(join(MINIMAL_PACK_DIR, 'pack.yaml'), 'utf8');
  const files: string[] = [];
  for (let i = 0; i < 50; i++) {
    const text = yaml.replace(/^id: .*$/m, `id: pack-${i}`);
    const path = i % 2 === 0 ? join(bundledDir, `pack-${i}`, 'pack.yaml') : join(bundledDir, `pack-${i}.yaml`);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, text);
    files.push(path);
  }
  const library = createPackLibrary({ bundledDir, userDir: join(dir, 'packs') });
  const coldStart = performance.now();
  const entries = await library.list();
  const cold = performance.now() - coldStart;
  if (entries.filter((e) => e.ok).length !== 50) throw new Error('library bench: expected 50 valid packs');
  const warm = await sampleAsync(() => library.list(), 9, 2);
  const floor = await sampleAsync(() => Promise.all(files.map((f) => readFile(f))), 9, 2);
  return [against('library.list 50 packs (warm: nothing changed)', median(warm), median(floor)), against('library.list 50 packs (cold: every pack loaded)', cold, median(floor))];
}

/** Runs the storage benchmarks. */
export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'vaim-bench-storage-'));
  try {
    return [...(await appendLatency(dir)), ...(await historyListing(dir)), ...(await libraryListing(dir))];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
