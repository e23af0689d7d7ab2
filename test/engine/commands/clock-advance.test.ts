import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../../src/engine';
import { basePackInput, buildPack } from '../helpers/pack-builder';
import { accept, advance, factTypes, newRun, refuse, startedRun } from '../helpers/run';
import { testDecisionId, testInjectId, testMoveId, testObligationId, testVariableId } from '../../ids';
import { simMinutes } from '../../../src/engine';

/** The first minute at which `harm`, accruing `perMinute` from 0, reaches `threshold` (same float steps as the engine). */
function firstMinuteReaching(perMinute: number, threshold: number): number {
  let harm = 0;
  for (let minute = 1; ; minute += 1) {
    harm += perMinute;
    if (harm >= threshold) return minute;
  }
}

describe('clock.advance', () => {
  const pack = buildPack();
  const input = basePackInput();
  const rate = 6; // `rate` variable, per hour
  const perMinute = rate / 60;

  it('accrues harm minute by minute while its condition holds', () => {
    const state = advance(pack, startedRun(pack), 90);
    expect(state.clock.now).toBe(90);
    expect(state.vars[testVariableId('harm')]).toBeCloseTo(90 * perMinute, 9);
  });

  it('stops accruing once the condition is false', () => {
    let state = advance(pack, startedRun(pack), 40);
    state = accept(pack, state, 'technical-lead', { type: 'move.make', move: testMoveId('suspend') }).state;
    state = advance(pack, state, 400);
    expect(state.vars[testVariableId('harm')]).toBeCloseTo(40 * perMinute, 9);
  });

  it('clamps accrual to the variable bounds', () => {
    const variables = (input.variables as PackInput['variables']).map((v) =>
      v.id === 'harm' ? { ...v, max: 5 } : v,
    );
    const capped = buildPack({ variables });
    expect(advance(capped, startedRun(capped), 600).vars[testVariableId('harm')]).toBe(5);
  });

  it('uses a variable as the rate, read each minute', () => {
    let state = advance(pack, startedRun(pack), 60);
    const before = state.vars[testVariableId('harm')] as number;
    state = accept(pack, { ...state, vars: { ...state.vars, [testVariableId('rate')]: 60 } }, 'system', { type: 'clock.advance', to: simMinutes(70) }).state;
    expect(state.vars[testVariableId('harm')]).toBeCloseTo(before + 10 * (60 / 60), 9);
  });

  it('fires timed injects at their minute and applies their effects', () => {
    const { state, facts } = accept(pack, startedRun(pack), 'system', { type: 'clock.advance', to: simMinutes(30) });
    expect(state.fired[testInjectId('alert')]).toBe(30);
    expect(state.vars[testVariableId('aware')]).toBe(true);
    expect(state.decisions[testDecisionId('sev')]).toEqual({ status: 'open', openedAt: 30, dueAt: 30 + 60, options: [] });
    expect(factTypes(facts)).toEqual(['inject.fired', 'decision.opened', 'obligation.started']);
  });

  it('starts obligations when their trigger holds and marks them overdue after the deadline', () => {
    const deadline = 120; // obligation `report`: 2h from awareness at minute 30
    let state = advance(pack, startedRun(pack), 30 + deadline);
    expect(state.obligations[testObligationId('report')]).toEqual({ status: 'running', triggeredAt: 30, dueAt: 30 + deadline });
    const { state: later, facts } = accept(pack, state, 'system', { type: 'clock.advance', to: simMinutes(30 + deadline + 1) });
    state = later;
    expect(state.obligations[testObligationId('report')]?.status).toBe('overdue');
    expect(facts).toContainEqual({ type: 'obligation.overdue', at: 30 + deadline + 1, obligationId: 'report' });
  });

  it('expires open decisions at their deadline and applies onExpire effects', () => {
    const countdown = 30; // decision `notify`, opened by `complaint` at 120
    const { state, facts } = accept(pack, advance(pack, startedRun(pack), 120), 'system', { type: 'clock.advance', to: simMinutes(120 + countdown) });
    expect(state.decisions[testDecisionId('notify')]).toMatchObject({ status: 'expired', openedAt: 120, closedAt: 120 + countdown });
    expect(state.vars[testVariableId('exposure')]).toBe(1);
    expect(facts).toContainEqual({ type: 'decision.expired', at: 150, decisionId: 'notify' });
  });

  it('holds a delayed triggered inject until its delay has run', () => {
    const reached = firstMinuteReaching(perMinute, 30); // `press`: harm >= 30, delay 60
    let state = advance(pack, startedRun(pack), reached);
    expect(state.pending).toEqual([{ kind: 'inject', at: reached + 60, injectId: 'press' }]);
    expect(state.fired[testInjectId('press')]).toBeUndefined();
    state = advance(pack, state, reached + 59);
    expect(state.fired[testInjectId('press')]).toBeUndefined();
    state = advance(pack, state, reached + 60);
    expect(state.fired[testInjectId('press')]).toBe(reached + 60);
    expect(state.pending).toEqual([]);
    // +2 from `press`, +1 from the unanswered `notify` prompt that expired at 150.
    expect(state.vars[testVariableId('exposure')]).toBe(2 + 1);
  });

  it('samples harm at every whole hour', () => {
    const state = advance(pack, startedRun(pack), 185);
    expect(state.harmSeries.map(([t]) => t)).toEqual([0, 60, 120, 180]);
    expect(state.harmSeries[2]?.[1]).toBeCloseTo(120 * perMinute, 9);
  });

  it('processes what is due in a minute in the documented order', () => {
    const ordered = buildPack({
      injects: [
        { id: 'kickoff', stage: 'detect', at: 0, channel: 'email', title: 'Kick-off', body: 'Go.', opens: ['quick'] },
        { id: 'late', stage: 'detect', when: { move: 'slow' }, delay: 10, channel: 'chat', title: 'Late', body: 'Late.' },
        { id: 'timed-a', stage: 'detect', at: 10, channel: 'email', title: 'A', body: 'A.' },
        { id: 'timed-b', stage: 'detect', at: 10, channel: 'email', title: 'B', body: 'B.' },
      ],
      decisions: [{ id: 'quick', kind: 'text', prompt: 'Quick?', countdown: 10 }],
      moves: [{ id: 'slow', label: 'Slow move', stage: 'contain', owner: 'technical-lead', delay: 10 }],
      obligations: [],
      recovery: { restartMoves: ['slow'], criteria: [] },
    });
    const made = accept(ordered, startedRun(ordered), 'technical-lead', { type: 'move.make', move: testMoveId('slow') }).state;
    const { facts } = accept(ordered, made, 'system', { type: 'clock.advance', to: simMinutes(10) });
    expect(facts).toEqual([
      { type: 'move.effective', at: 10, moveId: 'slow' },
      { type: 'inject.fired', at: 10, injectId: 'timed-a', adhoc: false },
      { type: 'inject.fired', at: 10, injectId: 'timed-b', adhoc: false },
      { type: 'inject.fired', at: 10, injectId: 'late', adhoc: false },
      { type: 'decision.expired', at: 10, decisionId: 'quick' },
    ]);
  });

  it('draws jitter from the seed: reproducible per seed, varying across seeds', () => {
    const jittery = buildPack({
      injects: [...input.injects, { id: 'rumour', stage: 'detect', at: 100, jitter: 30, channel: 'social', title: 'Rumour', body: 'Psst.' }],
    });
    const times = Array.from({ length: 40 }, (_, seed) => startedRun(jittery, seed).schedule[testInjectId('rumour')] ?? -1);
    for (const t of times) {
      expect(t).toBeGreaterThanOrEqual(100);
      expect(t).toBeLessThanOrEqual(130);
    }
    expect(new Set(times).size).toBeGreaterThan(1);
    expect(startedRun(jittery, 7).schedule).toEqual(startedRun(jittery, 7).schedule);
    const at = startedRun(jittery, 7).schedule[testInjectId('rumour')] ?? 0;
    const state = advance(jittery, startedRun(jittery, 7), at);
    expect(state.fired[testInjectId('rumour')]).toBe(at);
  });

  it('accepts advancing to the current minute as a no-op', () => {
    const running = advance(pack, startedRun(pack), 45);
    const { state, facts } = accept(pack, running, 'system', { type: 'clock.advance', to: simMinutes(45) });
    expect(state).toEqual(running);
    expect(facts).toEqual([]);
  });

  it('refuses going back in time and going past the end, naming the minutes', () => {
    const running = advance(pack, startedRun(pack), 45);
    const back = refuse(pack, running, 'system', { type: 'clock.advance', to: simMinutes(44) }, 'time-backwards');
    expect(back.message).toContain('minute 44');
    expect(back.message).toContain('minute 45');
    const end = pack.clock.end;
    const beyond = refuse(pack, running, 'system', { type: 'clock.advance', to: simMinutes(end + 1) }, 'beyond-end');
    expect(beyond.message).toContain(`minute ${end + 1}`);
    expect(advance(pack, running, end).clock.now).toBe(end);
  });

  it('is accepted while paused (pause is the session clock flag)', () => {
    const paused = accept(pack, startedRun(pack), 'facilitator', { type: 'clock.pause' }).state;
    const state = advance(pack, paused, 10);
    expect(state.clock).toMatchObject({ now: 10, paused: true });
  });

  it('is refused before the run starts and after it ended', () => {
    refuse(pack, newRun(pack), 'system', { type: 'clock.advance', to: simMinutes(5) }, 'wrong-phase');
    const ended = accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state;
    refuse(pack, ended, 'system', { type: 'clock.advance', to: simMinutes(5) }, 'wrong-phase');
  });
});
