import { describe, expect, it } from 'vitest';
import { basePackInput, buildPack } from '../helpers/pack-builder';
import { accept, acceptAll, advance, refuse, startedRun } from '../helpers/run';
import { testDecisionId, testInjectId, testMoveId, testObligationId } from '../../ids';

const jump = { type: 'clock.jumpToNext' } as const;

describe('clock.jumpToNext', () => {
  const pack = buildPack();

  it('advances to the next timed inject and fires it', () => {
    const { state } = accept(pack, startedRun(pack), 'facilitator', jump);
    expect(state.clock.now).toBe(30); // `alert`
    expect(state.fired[testInjectId('alert')]).toBe(30);
  });

  it('stops at the last minute an open decision can be answered, then at its expiry', () => {
    // At 30 `sev` opens (due 30 + 60); the next timed inject is `complaint` at 120.
    const atAlert = advance(pack, startedRun(pack), 30);
    const lastMinute = accept(pack, atAlert, 'facilitator', jump);
    expect(lastMinute.state.clock.now).toBe(89);
    expect(lastMinute.state.decisions[testDecisionId('sev')]?.status).toBe('open');
    expect(lastMinute.facts).toEqual([]);
    const expired = accept(pack, lastMinute.state, 'facilitator', jump);
    expect(expired.state.clock.now).toBe(90);
    expect(expired.facts).toContainEqual({ type: 'decision.expired', at: 90, decisionId: 'sev' });
  });

  it('stops at a pending delayed move effect', () => {
    // After `alert` at 30 the next items are `sev`'s last minute at 89 and `complaint` at 120;
    // `preserve` (30-minute delay) made at 30 takes effect at 60, before both.
    const made = accept(pack, advance(pack, startedRun(pack), 30), 'technical-lead', { type: 'move.make', move: testMoveId('preserve') }).state;
    const { state } = accept(pack, made, 'facilitator', jump);
    expect(state.clock.now).toBe(30 + 30);
    expect(state.moves[0]?.effective).toBe(true);
  });

  it('stops at the minute a triggered inject fires, which no schedule predicts', () => {
    // Nothing is scheduled: the jump aims at the scenario end and stops when `late` (elapsed ≥ 500) fires.
    const triggered = buildPack({
      injects: [{ id: 'late', stage: 'detect', when: { elapsed: { gte: 500 } }, channel: 'email', title: 'Late', body: 'Now.' }],
      decisions: [],
    });
    const { state, facts } = accept(triggered, startedRun(triggered), 'facilitator', jump);
    expect(state.clock.now).toBe(500);
    expect(facts).toEqual([{ type: 'inject.fired', at: 500, injectId: 'late', adhoc: false }]);
  });

  it('stops where a triggered inject opens a decision, even when a later stop was scheduled', () => {
    // The harm reaches 30 at 300 (6 an hour); `press` then fires 60 minutes later, at 360, and
    // opens `notify`. A timed inject at 1000 was the jump's target.
    const press = basePackInput().injects.find((i) => i.id === 'press')!;
    const chained = buildPack({
      injects: [
        { id: 'press', stage: 'govern', when: press.when!, delay: 60, channel: 'news', title: 'Press', body: 'Story.', opens: ['notify'] },
        { id: 'far', stage: 'detect', at: 1000, channel: 'email', title: 'Far', body: 'Later.' },
      ],
    });
    const { state, facts } = accept(chained, startedRun(chained), 'facilitator', jump);
    expect(state.clock.now).toBe(360);
    expect(facts.map((f) => f.type)).toEqual(['inject.fired', 'decision.opened']);
    expect(state.fired[testInjectId('far')]).toBeUndefined();
  });

  it('stops two hours before a running regulatory clock runs out, at its deadline and when it becomes overdue', () => {
    // `report` starts at 30 (aware); the other stops are the timed injects (30, 120).
    const base = basePackInput();
    const noPrompts = buildPack({
      decisions: [],
      injects: base.injects.filter((i) => i.id !== 'press').map((i) => ({ ...i, opens: [] })),
      obligations: (base.obligations ?? []).map((o) => ({ ...o, deadline: 300 })),
    });
    // With a 300-minute deadline: due 330, warning point 330 − 120 = 210.
    let state = accept(noPrompts, startedRun(noPrompts), 'facilitator', jump).state;
    const stops: number[] = [state.clock.now];
    for (let i = 0; i < 4; i += 1) {
      state = accept(noPrompts, state, 'facilitator', jump).state;
      stops.push(state.clock.now);
    }
    expect(stops).toEqual([30, 120, 210, 330, 331]);
    expect(state.obligations[testObligationId('report')]?.status).toBe('overdue');
  });

  it('jumps to the scenario end when nothing is scheduled and nothing fires', () => {
    const quiet = buildPack({ injects: [], decisions: [] });
    const { state } = accept(quiet, startedRun(quiet), 'facilitator', jump);
    expect(state.clock.now).toBe(quiet.clock.end);
  });

  it('is capped at the scenario end', () => {
    const far = buildPack({
      clock: { start: '2030-01-07T09:00:00Z', end: 100, compression: 3 },
      injects: [{ id: 'later', stage: 'detect', at: 500, channel: 'email', title: 'Later', body: 'Too late.' }],
      decisions: [],
    });
    const { state } = accept(far, startedRun(far), 'facilitator', jump);
    expect(state.clock.now).toBe(100);
    expect(state.fired[testInjectId('later')]).toBeUndefined();
  });

  it('is not allowed at the scenario end, and says when that is in scenario time', () => {
    const quiet = buildPack({ injects: [], decisions: [] });
    const atEnd = acceptAll(quiet, startedRun(quiet), [['system', { type: 'clock.advance', to: quiet.clock.end }]]);
    const rejection = refuse(quiet, atEnd, 'facilitator', jump, 'not-allowed');
    expect(rejection.message).toContain('Day 2 09:00');
    expect(rejection.message).not.toMatch(/minute \d/);
  });
});
