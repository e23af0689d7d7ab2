/**
 * Quiet-period skipping in a live session: after QUIET_GRACE_SECONDS of calm
 * with nothing needing the team, the session writes a `clock.jumpToNext` by
 * `system`; the jump never passes an event; runs without the option never skip.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyCommand, createRun, QUIET_GRACE_SECONDS, type LogEntry, type Pack, type RunHeader, type RunState, simMinutes } from '../../../src/engine';
import { createQuietSkipper } from '../../../src/main/sessions/quiet-skip';
import { tempDir } from '../runs/helpers/run-fixtures';
import { makeManager } from './helpers/session-fixtures';
import { buildPack } from '../../engine/helpers/pack-builder';
import { accept, startedRun } from '../../engine/helpers/run';
import { testDecisionId, testInjectId, testMoveId } from '../../ids';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('quiet-skip')));
afterEach(() => cleanup());

const GRACE_MS = QUIET_GRACE_SECONDS * 1000;

describe('the skipper', () => {
  const pack = buildPack();
  const quietAt = (minute: number): RunState => accept(pack, startedRun(pack), 'system', { type: 'clock.advance', to: simMinutes(minute) }).state;

  it('jumps only after the grace time of calm, and starts the calm again after it jumps', () => {
    const state = quietAt(5); // `welcome` fired at 0; `alert` at 30 is next
    const skipper = createQuietSkipper(true, 0);
    expect(skipper.due(state, 0)).toBeUndefined(); // first look: the calm starts now
    expect(skipper.due(state, GRACE_MS - 1)).toBeUndefined();
    expect(skipper.due(state, GRACE_MS)).toEqual({ type: 'clock.jumpToNext' });
    expect(skipper.due(state, GRACE_MS + 1)).toBeUndefined();
  });

  it('starts the calm again when the team acts or something new happens', () => {
    const skipper = createQuietSkipper(true, 0);
    const state = quietAt(5);
    skipper.due(state, 0);
    skipper.noteActivity(GRACE_MS - 10);
    expect(skipper.due(state, GRACE_MS)).toBeUndefined();
    expect(skipper.due(state, 2 * GRACE_MS - 10)).toEqual({ type: 'clock.jumpToNext' });
    const later = accept(pack, state, 'technical-lead', { type: 'move.make', move: testMoveId('suspend') }).state; // `followup` fires: new in the feed
    expect(skipper.due(later, 3 * GRACE_MS)).toBeUndefined();
  });

  it('never jumps while a prompt is open, paused, or when the option is off', () => {
    const atAlert = quietAt(30); // `sev` open
    const open = createQuietSkipper(true, 0);
    open.due(atAlert, 0);
    expect(open.due(atAlert, 10 * GRACE_MS)).toBeUndefined();
    const paused = accept(pack, quietAt(5), 'facilitator', { type: 'clock.pause' }).state;
    const whilePaused = createQuietSkipper(true, 0);
    whilePaused.due(paused, 0);
    expect(whilePaused.due(paused, 10 * GRACE_MS)).toBeUndefined();
    const off = createQuietSkipper(false, 0);
    off.due(quietAt(5), 0);
    expect(off.due(quietAt(5), 10 * GRACE_MS)).toBeUndefined();
  });

  it('lets a short gap simply tick', () => {
    const state = quietAt(29); // `alert` is one minute away: less than two real seconds at 3 a second
    const skipper = createQuietSkipper(true, 0);
    skipper.due(state, 0);
    expect(skipper.due(state, GRACE_MS)).toBeUndefined();
  });
});

describe('a live session that skips quiet periods', () => {
  async function started(skipQuietPeriods: boolean | undefined) {
    const ctx = makeManager(dir);
    const created = await ctx.manager.create({ packId: ctx.packId, mode: 'solo', participants: ['Ana'], ...(skipQuietPeriods === undefined ? {} : { skipQuietPeriods }) });
    if (!created.ok) throw new Error(created.error.message);
    const runId = created.value.header.runId;
    const submit = async (by: 'facilitator' | 'incident-lead', command: Parameters<typeof ctx.manager.submit>[1]['command']) => {
      const result = await ctx.manager.submit(runId, { by, command });
      if (!result.ok) throw new Error(result.error.message);
    };
    await submit('facilitator', { type: 'run.start' });
    // The minimal pack runs an hour a second; one minute a second makes the 20 s grace 20 scenario minutes.
    await submit('facilitator', { type: 'clock.setCompression', compression: 1 });
    return { ...ctx, runId, submit, header: created.value.header };
  }

  /** Replays the log and checks every jump stopped at the first minute anything happened. */
  function jumpsOf(pack: Pack, header: RunHeader, log: readonly LogEntry[]): { at: number; by: string }[] {
    let state = createRun(pack, header);
    const jumps: { at: number; by: string }[] = [];
    for (const entry of log) {
      const result = applyCommand(pack, state, entry);
      if (!result.ok) throw new Error(result.error.message);
      if (entry.command.type === 'clock.jumpToNext') {
        for (const fact of result.value.facts) expect(fact.at).toBe(result.value.state.clock.now);
        jumps.push({ at: result.value.state.clock.now, by: entry.by });
      }
      state = result.value.state;
    }
    return jumps;
  }

  it('records the option in the run header', async () => {
    const { header } = await started(true);
    expect(header.skipQuietPeriods).toBe(true);
  });

  it('jumps to the next event after the grace time, by the system, and never while a prompt is open', async () => {
    const ctx = await started(true);
    await ctx.time.run(GRACE_MS + 1000);
    const live = ctx.manager.state(ctx.runId)!;
    // 20 quiet seconds at one minute a second, then a jump to the 30-minute alert, which opens a prompt.
    expect(live.fired[testInjectId('fairness-alert')]).toBe(30);
    expect(live.clock.now).toBeLessThan(40);
    await ctx.time.run(25_000); // the prompt (30 minutes to answer) is open: the clock only ticks
    const ticking = ctx.manager.state(ctx.runId)!;
    expect(ticking.decisions[testDecisionId('classify-severity')]?.status).toBe('open');
    expect(ticking.clock.now).toBeGreaterThan(50);
    await ctx.submit('incident-lead', { type: 'decision.answer', decision: 'classify-severity', options: ['v3'] });
    await ctx.time.run(GRACE_MS + 1000); // quiet again (the provider clock is due at 4h 30m, not near): the next jump lands on the complaint
    const complaint = ctx.manager.state(ctx.runId)!;
    expect(complaint.fired[testInjectId('complaint')]).toBeDefined();
    const stored = await ctx.store.load(ctx.runId);
    if (!stored.ok) throw new Error(stored.error.message);
    const jumps = jumpsOf(stored.value.pack, stored.value.header, stored.value.log);
    expect(jumps).toEqual([
      { at: 30, by: 'system' },
      { at: complaint.fired[testInjectId('complaint')], by: 'system' },
    ]);
  });

  it('never skips without the option', async () => {
    const ctx = await started(undefined);
    await ctx.time.run(GRACE_MS + 5000);
    const stored = await ctx.store.load(ctx.runId);
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.log.some((e) => e.command.type === 'clock.jumpToNext')).toBe(false);
    expect(ctx.manager.state(ctx.runId)!.clock.now).toBe(25);
  });
});
