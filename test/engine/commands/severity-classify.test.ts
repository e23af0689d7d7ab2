import { describe, expect, it } from 'vitest';
import { basePackInput, buildPack } from '../helpers/pack-builder';
import { accept, advance, newRun, refuse, startedRun } from '../helpers/run';
import { testInjectId, testMoveId } from '../../ids';

describe('severity.classify', () => {
  const pack = buildPack();

  it('appends a classification with time, actor and rationale', () => {
    const running = advance(pack, startedRun(pack), 35);
    const { state } = accept(pack, running, 'incident-lead', { type: 'severity.classify', level: 3, rationale: 'Users affected.' });
    expect(state.severity).toEqual([{ at: 35, level: 3, by: 'incident-lead', rationale: 'Users affected.' }]);
  });

  it('can be revised; conditions read the latest level', () => {
    const input = basePackInput();
    const gated = buildPack({
      moves: [
        ...input.moves,
        { id: 'board', label: 'Brief the board', stage: 'govern', owner: 'incident-lead', requires: { severity: { gte: 4 } } },
      ],
    });
    let state = accept(gated, startedRun(gated), 'incident-lead', { type: 'severity.classify', level: 4 }).state;
    state = accept(gated, state, 'incident-lead', { type: 'severity.classify', level: 2 }).state;
    expect(state.severity.map((s) => s.level)).toEqual([4, 2]);
    const rejection = refuse(gated, state, 'incident-lead', { type: 'move.make', move: testMoveId('board') }, 'precondition-failed');
    expect(rejection.message).toContain('V4');
    state = accept(gated, state, 'incident-lead', { type: 'severity.classify', level: 5 }).state;
    accept(gated, state, 'incident-lead', { type: 'move.make', move: testMoveId('board') });
  });

  it('settles: a severity-triggered inject fires in the same command', () => {
    const input = basePackInput();
    const triggered = buildPack({
      injects: [...input.injects, { id: 'exec-call', stage: 'govern', when: { severity: { gte: 4 } }, channel: 'call', title: 'CEO', body: 'Call me.' }],
    });
    const { state, facts } = accept(triggered, startedRun(triggered), 'incident-lead', { type: 'severity.classify', level: 4 });
    expect(state.fired[testInjectId('exec-call')]).toBe(0);
    expect(facts).toContainEqual({ type: 'inject.fired', at: 0, injectId: 'exec-call', adhoc: false });
  });

  it('is refused outside the running phase', () => {
    refuse(pack, newRun(pack), 'incident-lead', { type: 'severity.classify', level: 3 }, 'wrong-phase');
  });
});
