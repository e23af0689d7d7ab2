/**
 * Crash test: a child process records a run as fast as it can and prints
 * every entry the session acknowledged; it is killed with SIGKILL at a
 * random moment. Afterwards every acknowledged entry must be in the stored
 * log, the log must load (a torn last line is repaired), and the resumed
 * session must hold exactly the state that replaying the stored log gives.
 */
import { fork } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, type LogEntry } from '../../../src/engine/index';
import { createRunStore } from '../../../src/main/runs/run-store';
import { makeManager } from '../sessions/helpers/session-fixtures';
import { tempDir, testDeps } from './helpers/run-fixtures';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const TRIALS = 50;
const PARALLEL = 3;

/** When to kill: a little after the child starts creating the run, or after its n-th acknowledged entry. */
type KillAt = { readonly phase: 'create'; readonly afterMs: number } | { readonly phase: 'append'; readonly afterAcks: number; readonly jitterMs: number };
type Trial = { dir: string; killAt: KillAt; acked: LogEntry[]; runId?: string };

/** Runs the child and kills it with SIGKILL at `killAt`. */
function crashOnce(dir: string, killAt: KillAt): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [dir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const trial: Trial = { dir, killAt, acked: [] };
    let buffer = '';
    let stderr = '';
    let armed = false;
    const arm = (ms: number) => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), ms);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      // An incomplete line was cut by the kill: that ack never fully reached us, so it is not counted.
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'creating' && killAt.phase === 'create') arm(killAt.afterMs);
        if (line.startsWith('ready ')) trial.runId = line.slice(6);
        if (line.startsWith('ack ')) {
          trial.acked.push(JSON.parse(line.slice(4)) as LogEntry);
          if (killAt.phase === 'append' && trial.acked.length >= killAt.afterAcks) arm(killAt.jitterMs);
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

describe('crash safety', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  const trials: Trial[] = [];

  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir('crash'));
  });
  afterAll(() => cleanup());

  // About 20 s on an idle two-core machine; the margin is for a machine busy with other work.
  it(`loses no acknowledged entry across ${TRIALS} SIGKILLs at random moments`, { timeout: 120_000 }, async () => {
    // Random kill moments: during run creation (every sixth trial) or after a random number of acknowledged entries.
    const plans: KillAt[] = Array.from({ length: TRIALS }, (_, i) =>
      i % 6 === 0 ? { phase: 'create', afterMs: Math.random() * 8 } : { phase: 'append', afterAcks: 1 + Math.floor(Math.random() * 1200), jitterMs: Math.random() * 3 },
    );
    for (let i = 0; i < plans.length; i += PARALLEL) {
      const batch = plans.slice(i, i + PARALLEL).map((plan, j) => crashOnce(join(root, `trial-${i + j}`), plan));
      trials.push(...(await Promise.all(batch)));
    }

    for (const trial of trials) {
      const runsDir = join(trial.dir, 'runs');
      const store = createRunStore({ runsDir, deps: testDeps });
      const ids = await store.listIds();
      // Killed while creating the run: there is a whole run or none (never a half-made folder in the listing).
      expect(ids.length).toBeLessThanOrEqual(1);
      if (trial.runId === undefined) {
        expect((await store.list()).every((row) => row.ok)).toBe(true);
        continue;
      }
      expect(ids).toEqual([trial.runId]);
      const loaded = await store.load(trial.runId, { repair: true });
      if (!loaded.ok) throw new Error(`trial ${trial.dir}: ${loaded.error.message}`);
      const stored = loaded.value.log;
      // Every acknowledged entry is on disk, exactly as acknowledged.
      expect(stored.slice(0, trial.acked.length)).toEqual(trial.acked);

      const manager = makeManager(trial.dir).manager;
      const view = await manager.open(trial.runId);
      if (!view.ok) throw new Error(view.error.message);
      expect(view.value.entries).toEqual(stored);
      const replayed = replay(loaded.value.pack, loaded.value.header, stored);
      expect(replayed.ok).toBe(true);
      expect(manager.state(trial.runId)).toEqual(replayed.state);
      await manager.closeAll();
      expect((await readdir(join(runsDir, trial.runId))).filter((f) => f.startsWith('.'))).toEqual([]);
    }

    // The kills really landed mid-run: the child was still appending (the full run is 1,438 entries).
    const midRun = trials.filter((t) => t.killAt.phase === 'append' && t.acked.length < 1438);
    expect(midRun.length).toBeGreaterThan(TRIALS / 2);
  });
});
