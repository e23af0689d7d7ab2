/**
 * Crash suite, part 1: SIGKILL. A child process runs the real services
 * (crash-child.ts: createServices, the IPC dispatcher, the session manager
 * with real timers, so the scenario clock ticks) with several concurrent
 * submitters, and is killed with SIGKILL at a random moment: some kills are
 * aimed at run creation, the others after a random number of acknowledged
 * entries. The child reports its phase and every acknowledgement
 * synchronously, so after the kill the parent holds every line written
 * before it: that is the independent record of what was acknowledged, and
 * it proves where each kill landed (a trial that reported "creating" but not
 * "created" died inside run creation).
 *
 * After each kill the real services are started again on the folder and
 * must show a whole run or none, every acknowledged entry, in order, exactly
 * as acknowledged, no damage, and a run that continues. (A SIGKILL leaves
 * the page cache intact, so it cannot catch a missing fsync: the power-cut
 * suite, power-cut.test.ts, does.)
 *
 * Sizes: `npm test` runs a sample; `npm run test:long` the full counts.
 */
import { fork } from 'node:child_process';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/engine/index';
import { headlessPlatform } from '../../../src/main/platform/platform';
import { createServices } from '../../../src/main/services';
import type { RunSummary, SessionView, SubmitResult } from '../../../src/shared/runs';
import { MINIMAL_PACK_DIR, tempDir } from './helpers/run-fixtures';
import { suiteSize } from './helpers/suite-size';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TRIALS = suiteSize({ default: 12, long: 60 });
/** Kills that must land inside run creation. */
const IN_CREATION = suiteSize({ default: 3, long: 10 });
const PARALLEL = 2;

type KillPlan = { readonly at: 'creation'; readonly afterMs: number } | { readonly at: 'acks'; readonly afterAcks: number; readonly jitterMs: number };
type Trial = {
  readonly dir: string;
  readonly plan: KillPlan;
  readonly phases: string[];
  readonly acked: LogEntry[];
  runId?: string;
  /** ms between the parent reading "creating" and "created". */
  creationMs?: number;
};

const landedInCreation = (t: Trial) => t.phases.includes('creating') && !t.phases.includes('created');

let childScript: string;

/** Runs the child on `dir` and kills it with SIGKILL as planned. */
function crashOnce(dir: string, plan: KillPlan, seed: number): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const child = fork(childScript, [join(dir, 'userData'), join(dir, 'scenarios'), String(seed), '3'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const trial: Trial = { dir, plan, phases: [], acked: [] };
    let buffer = '';
    let stderr = '';
    let armed = false;
    let creatingAt = 0;
    const arm = (ms: number) => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), ms);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      // A line cut by the kill never fully reached us, so it is not counted.
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ')) {
          trial.acked.push(JSON.parse(line.slice(4)) as LogEntry);
          if (plan.at === 'acks' && trial.acked.length >= plan.afterAcks) arm(plan.jitterMs);
          continue;
        }
        const [, phase, runId] = line.split(' ');
        if (!phase) continue;
        trial.phases.push(phase);
        if (phase === 'creating') {
          creatingAt = performance.now();
          if (plan.at === 'creation') arm(plan.afterMs);
        }
        if (phase === 'created') {
          trial.runId = runId;
          trial.creationMs = performance.now() - creatingAt;
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve(trial);
    });
  });
}

/** What a restarted app shows for a trial, checked against the acknowledged entries. */
async function checkAfterRestart(trial: Trial): Promise<{ lost: number; entries: number }> {
  const services = await createServices({
    userDataDir: join(trial.dir, 'userData'),
    bundledPacksDir: join(trial.dir, 'scenarios'),
    appVersion: 'crash-test',
    platform: headlessPlatform,
    platformName: process.platform,
    broadcast: () => {},
  });
  try {
    const call = async <T>(channel: string, ...args: unknown[]): Promise<T> => {
      const response = await services.dispatch(channel, args);
      if (!response.ok) throw new Error(`${trial.dir}: ${channel}: ${response.error.message}`);
      return response.value as T;
    };
    const rows = await call<RunSummary[]>('listRuns');
    const runsDir = join(trial.dir, 'userData', 'runs');
    // A whole run or none; a creation cut short leaves nothing listed and no leftover once the app has started.
    expect(rows.length).toBeLessThanOrEqual(1);
    expect((await readdir(runsDir)).filter((name) => name.startsWith('.'))).toEqual([]);
    const row = rows[0];
    if (!row) {
      expect(trial.acked).toEqual([]);
      return { lost: 0, entries: 0 };
    }
    expect(row).toMatchObject({ ok: true });
    expect(row).not.toHaveProperty('damage');
    if (trial.runId) expect(row.runId).toBe(trial.runId);
    const view = await call<SessionView>('openRun', row.runId);
    expect(view.damage).toBeUndefined();
    // Every acknowledged entry is there, at its place, exactly as acknowledged.
    let lost = 0;
    for (const entry of trial.acked) {
      const stored = view.entries[entry.seq - 1];
      if (!stored || JSON.stringify(stored) !== JSON.stringify(entry)) lost += 1;
    }
    expect(view.entries.map((e) => e.seq)).toEqual(view.entries.map((_, i) => i + 1));
    // The run goes on after the crash: the next entry follows the last one on disk.
    const next = await call<SubmitResult>('submitCommand', row.runId, { by: 'facilitator', command: { type: 'note.add', text: 'after the crash' } });
    expect(next).toMatchObject({ ok: true, value: { saved: true } });
    expect(next.ok && next.value.entries.at(-1)?.seq).toBeGreaterThan(view.entries.length);
    return { lost, entries: view.entries.length };
  } finally {
    await services.dispose();
  }
}

describe(`crash safety: ${TRIALS} SIGKILLs of the real services with concurrent submitters and the clock ticking`, () => {
  let root: string;
  let cleanup: () => Promise<void>;
  const trials: Trial[] = [];

  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir('crash'));
    // Bundled once (dependencies stay in node_modules), so a child starts in a fraction of a second.
    childScript = join(ROOT, 'node_modules', '.cache', 'vaim-tests', 'crash-child.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./crash-child.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: childScript,
      logLevel: 'warning',
    });
  });
  afterAll(() => cleanup());

  it('loses no acknowledged entry, whether killed inside run creation or while appending', { timeout: 600_000 }, async () => {
    let creationMs = 40;
    let next = 0;
    const planFor = (i: number): KillPlan =>
      // Every third kill is aimed at run creation, somewhere in its measured duration.
      i % 3 === 0 ? { at: 'creation', afterMs: Math.random() * creationMs * 0.8 } : { at: 'acks', afterAcks: 1 + Math.floor(Math.random() * 1_500), jitterMs: Math.random() * 5 };
    const runTrial = async (plan: KillPlan) => {
      const dir = join(root, `trial-${next++}`);
      await mkdir(join(dir, 'scenarios', 'minimal'), { recursive: true });
      await copyFile(join(MINIMAL_PACK_DIR, 'pack.yaml'), join(dir, 'scenarios', 'minimal', 'pack.yaml'));
      const trial = await crashOnce(dir, plan, 1 + Math.floor(Math.random() * 1e9));
      if (trial.creationMs !== undefined) creationMs = (creationMs + trial.creationMs) / 2;
      trials.push(trial);
    };
    for (let i = 0; i < TRIALS; i += PARALLEL) {
      await Promise.all(Array.from({ length: Math.min(PARALLEL, TRIALS - i) }, (_, j) => runTrial(planFor(i + j))));
    }
    // Kills are real-time events: should fewer than required have landed inside creation, aim more there (bounded).
    for (let extra = 0; extra < TRIALS && trials.filter(landedInCreation).length < IN_CREATION; extra++) {
      await runTrial({ at: 'creation', afterMs: Math.random() * creationMs * 0.5 });
    }

    let lost = 0;
    let acked = 0;
    for (const trial of trials) {
      const checked = await checkAfterRestart(trial);
      lost += checked.lost;
      acked += trial.acked.length;
    }
    const inCreation = trials.filter(landedInCreation).length;
    const midRun = trials.filter((t) => t.phases.includes('running') && !t.phases.includes('done')).length;
    console.info(`crash suite (SIGKILL): ${trials.length} kills, ${inCreation} inside run creation, ${midRun} while appending, ${acked} acknowledged entries, ${lost} lost`);
    expect(lost).toBe(0);
    expect(trials.length).toBeGreaterThanOrEqual(TRIALS);
    expect(inCreation).toBeGreaterThanOrEqual(IN_CREATION);
    // The other kills really landed mid-run, with entries acknowledged before them.
    expect(midRun).toBeGreaterThanOrEqual(TRIALS / 3);
    expect(acked).toBeGreaterThan(TRIALS * 50);
  });
});
