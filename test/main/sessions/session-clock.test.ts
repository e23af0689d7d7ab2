import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command, LogEntry } from '../../../src/engine/index';
import { DEFAULT_CLOCK_TIMING, gapNote, planClock, startTracker, type ClockTracker } from '../../../src/main/sessions/session-clock';
import { tempDir } from '../runs/helpers/run-fixtures';
import { makeManager, recorder } from './helpers/session-fixtures';
import { simMinutes } from '../../../src/engine';

const running = (now: number, compression = 1, paused = false) => ({ phase: 'running' as const, clock: { now: simMinutes(now), paused, compression, end: simMinutes(480) } });

describe('planClock (pure)', () => {
  it('does nothing before the run starts or after it ends, but keeps its anchor current', () => {
    for (const phase of ['setup', 'ended'] as const) {
      const plan = planClock(startTracker(0), { ...running(0), phase }, 60_000, true);
      expect(plan).toEqual({ tracker: { lastMono: 60_000, carry: 0, lastAdvanceMono: Number.NEGATIVE_INFINITY }, commands: [] });
    }
  });

  it('writes whole minutes only and carries the fraction', () => {
    let tracker: ClockTracker = startTracker(0);
    const plan1 = planClock(tracker, running(0, 1), 1500, false);
    expect(plan1.commands).toEqual([{ type: 'clock.advance', to: 1 }]);
    expect(plan1.tracker.carry).toBeCloseTo(0.5);
    tracker = plan1.tracker;
    const plan2 = planClock(tracker, running(1, 1), 2900, false);
    expect(plan2.commands).toEqual([{ type: 'clock.advance', to: 2 }]);
    expect(plan2.tracker.carry).toBeCloseTo(0.9);
  });

  it('writes at most one advance per real second unless forced', () => {
    const first = planClock(startTracker(0), running(0, 60), 250, false);
    expect(first.commands).toEqual([{ type: 'clock.advance', to: 15 }]);
    const soon = planClock(first.tracker, running(15, 60), 500, false);
    expect(soon.commands).toEqual([]);
    expect(soon.tracker.carry).toBe(15);
    const forced = planClock(first.tracker, running(15, 60), 500, true);
    expect(forced.commands).toEqual([{ type: 'clock.advance', to: 30 }]);
    const later = planClock(soon.tracker, running(15, 60), 1250, false);
    expect(later.commands).toEqual([{ type: 'clock.advance', to: 75 }]);
  });

  it('counts nothing while paused', () => {
    const plan = planClock(startTracker(0), running(10, 60, true), 20_000, true);
    expect(plan.commands).toEqual([]);
    expect(plan.tracker).toMatchObject({ lastMono: 20_000, carry: 0 });
  });

  it('counts at most maxCatchUpMs of a stall', () => {
    const plan = planClock(startTracker(0), running(0, 1), 20_000, false);
    expect(plan.commands).toEqual([{ type: 'clock.advance', to: DEFAULT_CLOCK_TIMING.maxCatchUpMs / 1000 }]);
  });

  it('pauses with a note after a gap longer than gapPauseMs, writing only the minutes counted before it', () => {
    const tracker: ClockTracker = { lastMono: 1000, carry: 2.5, lastAdvanceMono: 0 };
    const plan = planClock(tracker, running(7, 1), 1000 + 45 * 60_000, false);
    expect(plan.commands).toEqual([{ type: 'clock.advance', to: 9 }, { type: 'clock.pause' }, { type: 'note.add', text: gapNote(45 * 60_000) }]);
    expect(gapNote(45 * 60_000)).toMatch(/paused automatically.*45 minutes/);
    expect(gapNote(31_000)).toMatch(/31 seconds/);
  });

  it('stops at the scenario end and ends the run', () => {
    const plan = planClock(startTracker(0), running(478, 60), 1000, false);
    expect(plan.commands).toEqual([{ type: 'clock.advance', to: 480 }, { type: 'run.end', reason: expect.any(String) }]);
    expect(plan.tracker.carry).toBe(0);
    expect(planClock(startTracker(0), running(480, 1, true), 10, false).commands).toEqual([{ type: 'run.end', reason: expect.any(String) }]);
  });
});

describe('the session clock', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir('clock')));
  afterEach(() => cleanup());

  async function started(compression: number) {
    const ctx = makeManager(dir);
    const view = await ctx.manager.create({ packId: ctx.packId, mode: 'solo', participants: [] });
    if (!view.ok) throw new Error(view.error.message);
    const runId = view.value.header.runId;
    const rec = recorder();
    ctx.manager.subscribe(runId, rec.listener);
    const submit = async (by: string, command: Command) => {
      const result = await ctx.manager.submit(runId, { by, command });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.entries;
    };
    await submit('facilitator', { type: 'run.start' });
    await submit('facilitator', { type: 'clock.setCompression', compression });
    const now = () => ctx.manager.state(runId)?.clock.now;
    const commands = () => rec.entries().map((e: LogEntry) => e.command);
    const advances = () => commands().filter((c) => c.type === 'clock.advance');
    return { ...ctx, runId, rec, submit, now, commands, advances };
  }

  it('advances a minute per real second at compression 1, writing one entry per second', async () => {
    const run = await started(1);
    await run.time.run(10_000);
    expect(run.advances()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((to) => ({ type: 'clock.advance', to })));
    expect(run.rec.entries().filter((e) => e.command.type === 'clock.advance').every((e) => e.by === 'system')).toBe(true);
  });

  it('writes nothing while the scenario minute has not changed', async () => {
    const run = await started(0.1);
    await run.time.run(9_000);
    expect(run.advances()).toEqual([]);
    await run.time.run(1_500);
    expect(run.advances()).toEqual([{ type: 'clock.advance', to: 1 }]);
  });

  it('applies a compression change from that moment', async () => {
    const run = await started(1);
    await run.time.run(3_000);
    await run.submit('facilitator', { type: 'clock.setCompression', compression: 10 });
    await run.time.run(2_000);
    expect(run.now()).toBe(3 + 20);
    await run.submit('facilitator', { type: 'clock.setCompression', compression: 0.5 });
    await run.time.run(4_000);
    expect(run.now()).toBe(25);
  });

  it('never jumps across a pause', async () => {
    const run = await started(1);
    await run.time.run(5_500);
    await run.submit('facilitator', { type: 'clock.pause' });
    const pausedAt = run.now();
    expect(pausedAt).toBe(5);
    await run.time.run(600_000, 1_000);
    expect(run.now()).toBe(pausedAt);
    await run.submit('facilitator', { type: 'clock.resume' });
    await run.time.run(1_000);
    // The half minute carried from before the pause, plus one second.
    expect(run.now()).toBe(6);
  });

  it('stamps a command at the current minute: pending minutes are written first, in the same batch', async () => {
    const run = await started(1);
    await run.time.run(1_000);
    run.time.skip(2_600); // no tick has run yet
    const entries = await run.submit('incident-lead', { type: 'severity.classify', level: 2 });
    expect(entries.map((e) => e.command)).toEqual([{ type: 'clock.advance', to: 3 }, { type: 'severity.classify', level: 2 }]);
    expect(run.manager.state(run.runId)?.severity.at(-1)).toMatchObject({ at: 3, level: 2 });
  });

  it('catches up at most 5 s of scenario time after a stalled event loop', async () => {
    const run = await started(1);
    await run.time.run(2_000);
    await run.time.stall(20_000);
    expect(run.now()).toBe(2 + 5);
    await run.time.run(1_000);
    expect(run.now()).toBe(8);
  });

  it('pauses itself after a gap (the machine slept), with a note, without jumping or firing a burst of injects', async () => {
    const run = await started(1);
    await run.time.run(10_000);
    const firedBefore = Object.keys(run.manager.state(run.runId)?.fired ?? {});
    await run.time.stall(2 * 60 * 60_000);
    expect(run.now()).toBe(10);
    expect(run.commands().slice(-2)).toEqual([{ type: 'clock.pause' }, { type: 'note.add', text: expect.stringContaining('paused automatically') }]);
    expect(run.rec.entries().slice(-2).every((e) => e.by === 'system')).toBe(true);
    expect(run.rec.events.at(-1)).toEqual({ type: 'status', runId: run.runId, status: 'paused' });
    expect(Object.keys(run.manager.state(run.runId)?.fired ?? {})).toEqual(firedBefore);
    await run.time.run(5_000);
    expect(run.now()).toBe(10);
    await run.submit('facilitator', { type: 'clock.resume' });
    await run.time.run(2_000);
    expect(run.now()).toBe(12);
  });

  it('ends the run when the clock reaches the scenario end, then stops', async () => {
    const run = await started(60);
    await run.time.run(9_000);
    expect(run.commands().slice(-2)).toEqual([{ type: 'clock.advance', to: 480 }, { type: 'run.end', reason: expect.any(String) }]);
    expect(run.manager.state(run.runId)).toMatchObject({ phase: 'ended', clock: { now: 480 } });
    expect(run.rec.events.at(-1)).toEqual({ type: 'status', runId: run.runId, status: 'ended' });
    const count = run.rec.entries().length;
    await run.time.run(5_000);
    expect(run.rec.entries()).toHaveLength(count);
    expect((await run.manager.listRuns())[0]).toMatchObject({ status: 'ended', live: true, score: { max: 100 } });
  });

  it('ends the run in the same batch when a command reaches the end', async () => {
    const run = await started(1);
    const entries = await run.submit('facilitator', { type: 'clock.advance', to: simMinutes(480) });
    expect(entries.map((e) => [e.by, e.command.type])).toEqual([['facilitator', 'clock.advance'], ['system', 'run.end']]);
  });
});
