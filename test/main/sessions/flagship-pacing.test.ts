/**
 * The flagship played through a real session with quiet-period skipping on,
 * at the default speed, on a fake monotonic clock: the team makes the
 * reference response's acts when the scenario clock reaches them, pausing
 * to discuss each for ACT_SECONDS when the scenario gives less. The real
 * time this takes is the flagship's measured length; it agrees with the
 * engine's estimate, and no jump ever passes an event.
 */
import { testPackId } from '../../ids';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACT_SECONDS, applyCommand, createRun, estimatePlayTime, playScript, type LogEntry } from '../../../src/engine';
import { createPackLibrary } from '../../../src/main/library/pack-library';
import { createRunStore } from '../../../src/main/runs/run-store';
import { createSessionManager } from '../../../src/main/sessions/session-manager';
import { tempDir, testDeps } from '../runs/helpers/run-fixtures';
import { fakeTime } from './helpers/session-fixtures';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');
const ACTS = new Set(['move.make', 'decision.answer', 'severity.classify', 'r3ai.classify']);

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('flagship-pacing')));
afterEach(() => cleanup());

describe('the flagship at the default speed with quiet periods skipped', () => {
  it('takes about the real time the pack states, and no jump passes an event', async () => {
    const time = fakeTime(0);
    const library = createPackLibrary({ bundledDir: SCENARIOS, userDir: join(dir, 'packs') });
    const store = createRunStore({ runsDir: join(dir, 'runs'), deps: testDeps });
    const manager = createSessionManager({ store, library, monotonicNow: time.monotonicNow, scheduler: time.scheduler, random: () => 0.5, wallNow: () => new Date('2030-01-01T00:00:00Z') });
    const loaded = await library.get(testPackId('biased-hiring'));
    if (!loaded) throw new Error('the flagship is not in the library');
    const pack = loaded.pack;
    const created = await manager.create({ packId: pack.id, mode: 'solo', participants: ['Reference'], skipQuietPeriods: true, seed: 1 });
    if (!created.ok) throw new Error(created.error.message);
    const runId = created.value.header.runId;
    const submit = async (by: LogEntry['by'], command: LogEntry['command']) => {
      const result = await manager.submit(runId, { by, command });
      return result.ok;
    };
    // The reference's own commands with the minute each is made at (its clock advances left out).
    const reference = playScript(pack, pack.reference.timeline, { seed: 1 });
    let replayed = createRun(pack, reference.header);
    const acts: { at: number; entry: LogEntry }[] = [];
    for (const entry of reference.log) {
      const result = applyCommand(pack, replayed, entry);
      if (!result.ok) throw new Error(result.error.message);
      replayed = result.value.state;
      if (entry.command.type !== 'clock.advance' && entry.command.type !== 'run.end') acts.push({ at: replayed.clock.now, entry });
    }
    let lastAct = -Infinity;
    for (const { at, entry } of acts) {
      while (manager.state(runId)!.phase === 'running' && manager.state(runId)!.clock.now < at) await time.run(250);
      const state = manager.state(runId)!;
      if (state.phase === 'ended') break;
      if (state.phase === 'running' && ACTS.has(entry.command.type)) {
        const since = (time.monotonicNow() - lastAct) / 1000;
        if (since < ACT_SECONDS) {
          // The team pauses to discuss, then acts.
          await submit('facilitator', { type: 'clock.pause' });
          time.skip((ACT_SECONDS - since) * 1000);
          await submit('facilitator', { type: 'clock.resume' });
        }
        lastAct = time.monotonicNow();
      }
      await submit(entry.by, entry.command);
    }
    while (manager.state(runId)!.phase === 'running') await time.run(250);
    const realMinutes = time.monotonicNow() / 60_000;
    const estimate = estimatePlayTime(pack, { seed: 1 }).realSeconds / 60;
    // Reported in the closing note of issue 14.
    console.log(`flagship, default speed, quiet periods skipped: ${realMinutes.toFixed(1)} real minutes through the session (estimate ${estimate.toFixed(1)}, stated ${pack.durationMinutes})`);
    expect(Math.abs(realMinutes - estimate) / estimate).toBeLessThan(0.15);
    expect(Math.abs(realMinutes - pack.durationMinutes) / pack.durationMinutes).toBeLessThanOrEqual(0.2);

    // Every jump the session wrote stopped at the first minute anything happened, and there were skips.
    const view = await manager.open(runId);
    if (!view.ok) throw new Error(view.error.message);
    let state = createRun(pack, view.value.header);
    let skips = 0;
    for (const entry of view.value.entries) {
      const result = applyCommand(pack, state, entry);
      if (!result.ok) throw new Error(result.error.message);
      if (entry.command.type === 'clock.jumpToNext') {
        expect(entry.by).toBe('system');
        for (const fact of result.value.facts) expect(fact.at).toBe(result.value.state.clock.now);
        skips += 1;
      }
      state = result.value.state;
    }
    expect(skips).toBeGreaterThan(5);
    await manager.closeAll();
  }, 120_000);
});
