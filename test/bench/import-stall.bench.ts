/**
 * How long the main thread (which serves every window) stalls while a huge
 * or hostile pack is imported: a 20,000-inject pack (five included files; the
 * schema refuses it after validating it, seconds of work) and a 10,000-alias
 * chain. The app loads packs on a worker thread, so the stall should stay
 * near the machine's own jitter — budget: no stall over 50 ms (not
 * asserted). Measured as the longest gap between 5 ms timer ticks (and
 * `monitorEventLoopDelay`'s max) during the import; the floor is the longest
 * gap of an idle wait in the same run. For contrast, the same import loaded
 * in this thread (how the app did it before) is measured once.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { createPackLibrary, type PackLoad } from '../../src/main/library/pack-library';
import { createWorkerLoader } from '../../src/main/packs/worker-loader';
import { against, median, type BenchResult } from './bench-kit';

const MINIMAL = fileURLToPath(new URL('../fixtures/packs/minimal/pack.yaml', import.meta.url));

/** The minimal pack plus `count` injects in `files` included files (each under the 2 MB file limit). */
async function injectsPack(dir: string, count: number, files: number): Promise<void> {
  const pack = parse(await readFile(MINIMAL, 'utf8')) as Record<string, unknown>;
  const per = Math.ceil(count / files);
  const include: string[] = [];
  for (let f = 0; f < files; f += 1) {
    const injects = Array.from({ length: per }, (_, i) => {
      const n = f * per + i;
      return { id: `generated-${n}`, stage: 'detect', at: `${n % 400}m`, channel: 'email', from: `Sender ${n}`, title: `Update ${n}`, body: 'The dashboard shows the selection-rate gap widening again; recruiters ask what to do.' };
    });
    include.push(`injects-${f}.yaml`);
    await writeFile(join(dir, `injects-${f}.yaml`), stringify({ injects }));
  }
  await writeFile(join(dir, 'pack.yaml'), stringify({ ...pack, include }));
}

/** The minimal pack with a chain of 10,000 anchors, each aliasing the one before. */
async function aliasChainPack(dir: string): Promise<void> {
  const lines = ['chain0: &a0 [x]', ...Array.from({ length: 9_999 }, (_, i) => `chain${i + 1}: &a${i + 1} [*a${i}]`)];
  await writeFile(join(dir, 'pack.yaml'), `${await readFile(MINIMAL, 'utf8')}\n${lines.join('\n')}\n`);
}

/** The longest main-thread stall (ms) while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  histogram.enable();
  await work();
  // Let the timer observe a stall that ended with the work.
  await new Promise((resolve) => setTimeout(resolve, 30));
  clearInterval(timer);
  histogram.disable();
  return Math.max(longest, histogram.max / 1e6 - 5, 0);
}

async function importStall(name: string, dir: string, loadPack: PackLoad | undefined, repeats: number): Promise<BenchResult> {
  const values: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const library = createPackLibrary({ bundledDir: join(dir, 'none'), userDir: join(dir, `user-${name}-${i}`), ...(loadPack ? { loadPack } : {}) });
    let took = 0;
    values.push(
      await longestStall(async () => {
        const start = performance.now();
        await library.import(join(dir, 'pack'));
        took = performance.now() - start;
      }),
    );
    floors.push(await longestStall(() => new Promise((resolve) => setTimeout(resolve, Math.min(took, 2_000)))));
  }
  return against(name, median(values), median(floors));
}

/** Runs the import-stall benchmarks. */
export async function run(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'vaim-bench-stall-'));
  const loader = createWorkerLoader();
  try {
    const injects = join(root, 'injects');
    await injectsPack(await mkdirp(join(injects, 'pack')), 20_000, 5);
    const aliases = join(root, 'aliases');
    await aliasChainPack(await mkdirp(join(aliases, 'pack')));
    // Start the worker before measuring (the app starts it while its window opens).
    await loader.load(join(root, 'none'));
    return [
      await importStall('import.main-thread-stall.20000-injects (worker; budget 50 ms)', injects, loader.load, 3),
      await importStall('import.main-thread-stall.10000-alias-chain (worker; budget 50 ms)', aliases, loader.load, 3),
      await importStall('import.main-thread-stall.20000-injects (loaded in this thread, as before)', injects, undefined, 1),
    ];
  } finally {
    await loader.close();
    await rm(root, { recursive: true, force: true });
  }
}

async function mkdirp(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}
