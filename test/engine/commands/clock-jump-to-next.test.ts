import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, advance, refuse, startedRun } from '../helpers/run';

describe('clock.jumpToNext', () => {
  const pack = buildPack();

  it('advances to the next timed inject and fires it', () => {
    const { state } = accept(pack, startedRun(pack), 'facilitator', { type: 'clock.jumpToNext' });
    expect(state.clock.now).toBe(30); // `alert`
    expect(state.fired['alert']).toBe(30);
  });

  it("stops at an open decision's deadline when that comes first", () => {
    // At 30 `sev` opens (due 30 + 60); the next timed inject is `complaint` at 120.
    const atAlert = advance(pack, startedRun(pack), 30);
    const { state, facts } = accept(pack, atAlert, 'facilitator', { type: 'clock.jumpToNext' });
    expect(state.clock.now).toBe(90);
    expect(facts).toContainEqual({ type: 'decision.expired', at: 90, decisionId: 'sev' });
  });

  it('stops at a pending delayed move effect', () => {
    // After `alert` at 30 the next items are `sev` due at 90 and `complaint` at 120;
    // `preserve` (30-minute delay) made at 30 takes effect at 60, before both.
    const made = accept(pack, advance(pack, startedRun(pack), 30), 'technical-lead', { type: 'move.make', move: 'preserve' }).state;
    const { state } = accept(pack, made, 'facilitator', { type: 'clock.jumpToNext' });
    expect(state.clock.now).toBe(30 + 30);
    expect(state.moves[0]?.effective).toBe(true);
  });

  it('is capped at the scenario end', () => {
    const far = buildPack({
      clock: { start: '2030-01-07T09:00:00Z', end: 100, compression: 3 },
      injects: [{ id: 'later', stage: 'detect', at: 500, channel: 'email', title: 'Later', body: 'Too late.' }],
      decisions: [],
    });
    const { state } = accept(far, startedRun(far), 'facilitator', { type: 'clock.jumpToNext' });
    expect(state.clock.now).toBe(100);
    expect(state.fired['later']).toBeUndefined();
  });

  it('is not allowed when nothing is scheduled', () => {
    const quiet = buildPack({ injects: [], decisions: [] });
    const rejection = refuse(quiet, startedRun(quiet), 'facilitator', { type: 'clock.jumpToNext' }, 'not-allowed');
    expect(rejection.message).toContain('minute 0');
  });
});
