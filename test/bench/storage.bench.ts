/**
 * Run storage speed.
 * - Append latency per call, including the fdatasync that makes it durable
 *   before the session acknowledges it (median and p99): one submitter, and
 *   four submitters appending concurrently (group commit: what arrives
 *   during a write goes out in the next one), against the floor of a bare
 *   `write` + `fdatasync` of one line on an open file, measured in the same
 *   run; and `submit` through a live session (engine + log) with three
 *   concurrent submitters.
 * - Listing a history of 1,000 runs (realistic run folders: the minimal
 *   pack's snapshot and a 10–40 entry log each) with the summary cache warm
 *   (budget: under 300 ms; every row's header, pack snapshot and log are read
 *   and fingerprinted, so a stale or forged cache is never used) and cold
 *   (every run replayed and scored once), against the floor of `readdir`
 *   plus reading the 1,000 header files raw.
 * - Listing a library of 50 packs (copies of the minimal pack, 25 folders
 *   and 25 single files) warm (nothing changed: fingerprints only) and cold
 *   (every pack loaded), against the floor of reading the 50 pack files raw.
 */
import { copyFile, mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEntry, RunHeader } from '../../src/engine/index';
import { derivedRunId, playScript } from '../../src/engine/index';
import { nodeLogFs } from '../../src/main/runs/append-fs';
import { encodeEntries } from '../../src/main/runs/log-codec';
import { createLogWriter } from '../../src/main/runs/log-writer';
import { realRunDeps } from '../../src/main/runs/real-deps';
import { writeRunDir } from '../../src/main/runs/run-files';
import { createRunStore } from '../../src/main/runs/run-store';
import { createSessionManager } from '../../src/main/sessions/session-manager';
import { MINIMAL_PACK_DIR, testSnapshot } from '../main/runs/helpers/run-fixtures';
import { createPackLibrary } from '../../src/main/library/pack-library';
import { against, median, quantile, sampleAsync, type BenchResult } from './bench-kit';

const APPENDS = 400;
const SUBMITTERS = 4;
const RUNS = 1_000;

const entry = (seq: number): LogEntry => ({ seq, by: 'facilitator', command: { type: 'note.add', text: `Entry ${seq}: the team briefs the executive sponsor.` }, wall: '2027-05-06T10:00:00.000Z' });

/** Latency of each call when `submitters` loops call `once` back to back, `perSubmitter` times each. */
async function concurrentLatencies(submitters: number, perSubmitter: number, once: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  const loop = async () => {
    for (let i = 0; i < perSubmitter; i++) {
      const start = performance.now();
      await once();
      times.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: submitters }, loop));
  return times;
}

/** The floor: a bare write + fdatasync of one line on an open file, no queue, no checks. */
async function durableWriteFloor(path: string): Promise<number[]> {
  const handle = await open(path, 'w');
  let seq = 0;
  try {
    return await sampleAsync(async () => {
      await handle.write(encodeEntries([entry(++seq)]));
      await handle.datasync();
    }, APPENDS, 50);
  } finally {
    await handle.close();
  }
}

async function newLog(path: string) {
  await writeFile(path, '');
  return createLogWriter(path, nodeLogFs, { durableBytes: 0 });
}

async function appendLatency(dir: string): Promise<BenchResult[]> {
  const floor = await durableWriteFloor(join(dir, 'floor.jsonl'));
  const single = await newLog(join(dir, 'single.jsonl'));
  let seq = 0;
  const alone = await sampleAsync(() => single.append([entry(++seq)]), APPENDS, 50);
  await single.close();
  const shared = await newLog(join(dir, 'shared.jsonl'));
  let sharedSeq = 0;
  const together = await concurrentLatencies(SUBMITTERS, APPENDS / SUBMITTERS, () => shared.append([entry(++sharedSeq)]));
  await shared.close();
  const floorP50 = median(floor);
  const floorP99 = quantile(floor, 0.99);
  return [
    against('storage.append.p50 (1 submitter; write + fdatasync; floor: bare write + fdatasync)', median(alone), floorP50),
    against('storage.append.p99 (1 submitter)', quantile(alone, 0.99), floorP99),
    against(`storage.append.p50 (${SUBMITTERS} concurrent submitters)`, median(together), floorP50),
    against(`storage.append.p99 (${SUBMITTERS} concurrent submitters)`, quantile(together, 0.99), floorP99),
    ...(await sessionSubmitLatency(dir, floorP50, floorP99)),
  ];
}

/** `submit` through a live session (validation, engine, log, fdatasync) with three concurrent submitters. */
async function sessionSubmitLatency(dir: string, floorP50: number, floorP99: number): Promise<BenchResult[]> {
  const bundledDir = join(dir, 'session-scenarios');
  await mkdir(join(bundledDir, 'minimal'), { recursive: true });
  await copyFile(join(MINIMAL_PACK_DIR, 'pack.yaml'), join(bundledDir, 'minimal', 'pack.yaml'));
  const manager = createSessionManager({
    store: createRunStore({ runsDir: join(dir, 'session-runs'), deps: realRunDeps }),
    library: createPackLibrary({ bundledDir, userDir: join(dir, 'session-packs') }),
    monotonicNow: () => 0,
    scheduler: { setInterval: () => 0, clearInterval: () => {} },
  });
  const created = await manager.create({ packId: 'minimal-screening', mode: 'facilitated', participants: [] });
  if (!created.ok) throw new Error(created.error.message);
  const runId = created.value.runId;
  await manager.submit(runId, { by: 'facilitator', command: { type: 'run.start' } });
  let n = 0;
  const times = await concurrentLatencies(3, 100, async () => {
    const result = await manager.submit(runId, { by: 'facilitator', command: { type: 'note.add', text: `note ${++n}` } });
    if (!result.ok || !result.value.saved) throw new Error('session bench: a submit was not saved');
  });
  await manager.closeAll();
  return [against('storage.session.submit.p50 (3 concurrent submitters)', median(times), floorP50), against('storage.session.submit.p99 (3 concurrent submitters)', quantile(times, 0.99), floorP99)];
}

/** 1,000 run folders: a third ended, the rest interrupted at various points of the reference timeline. */
async function makeHistory(runsDir: string): Promise<void> {
  const snapshot = testSnapshot();
  const played = playScript(snapshot.pack, snapshot.pack.reference.timeline, { seed: 1, packHash: snapshot.hash });
  for (let i = 0; i < RUNS; i++) {
    const runId = derivedRunId('bench', String(i).padStart(4, '0'));
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
