import { describe, expect, it } from 'vitest';
import { basePackInput, buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';
import { testInjectId } from '../../ids';

describe('r3ai.classify', () => {
  it('appends the category; conditions read the latest one', () => {
    const input = basePackInput();
    const pack = buildPack({
      injects: [...input.injects, { id: 'ethics', stage: 'govern', when: { r3ai: 'responsibility' }, channel: 'email', title: 'Ethics', body: 'Board.' }],
    });
    let state = accept(pack, startedRun(pack), 'incident-lead', { type: 'r3ai.classify', category: 'reliability' }).state;
    expect(state.fired[testInjectId('ethics')]).toBeUndefined();
    state = accept(pack, state, 'incident-lead', { type: 'r3ai.classify', category: 'responsibility', rationale: 'Bias.' }).state;
    expect(state.r3ai).toEqual([
      { at: 0, category: 'reliability', by: 'incident-lead' },
      { at: 0, category: 'responsibility', by: 'incident-lead', rationale: 'Bias.' },
    ]);
    expect(state.fired[testInjectId('ethics')]).toBe(0);
  });

  it('is refused outside the running phase', () => {
    const pack = buildPack();
    refuse(pack, newRun(pack), 'incident-lead', { type: 'r3ai.classify', category: 'resilience' }, 'wrong-phase');
  });
});
