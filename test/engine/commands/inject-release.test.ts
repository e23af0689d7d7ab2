import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, advance, newRun, refuse, startedRun } from '../helpers/run';
import { testDecisionId, testInjectId, testVariableId } from '../../ids';

describe('inject.release', () => {
  const pack = buildPack();

  it('fires a pack inject now, marked as released, with its effects', () => {
    const running = advance(pack, startedRun(pack), 10);
    const { state, facts } = accept(pack, running, 'facilitator', { type: 'inject.release', inject: testInjectId('alert') });
    expect(state.fired[testInjectId('alert')]).toBe(10);
    expect(state.feed[state.feed.length - 1]).toEqual({ injectId: 'alert', at: 10, adhoc: false, released: true });
    expect(state.vars[testVariableId('aware')]).toBe(true);
    expect(state.decisions[testDecisionId('sev')]?.status).toBe('open');
    // aware → the `report` obligation starts in the same command.
    expect(facts.map((f) => f.type)).toEqual(['inject.fired', 'decision.opened', 'obligation.started']);
  });

  it('does not fire a released timed inject again at its scheduled time', () => {
    let state = accept(pack, startedRun(pack), 'facilitator', { type: 'inject.release', inject: testInjectId('complaint') }).state;
    state = advance(pack, state, 200);
    expect(state.feed.filter((f) => f.injectId === 'complaint')).toHaveLength(1);
    expect(state.fired[testInjectId('complaint')]).toBe(0);
  });

  it('drops the pending firing of a delayed triggered inject released early', () => {
    // harm (6/h) reaches 30 at about minute 300; `press` then waits 60 minutes.
    let state = advance(pack, startedRun(pack), 330);
    expect(state.pending.some((p) => p.kind === 'inject' && p.injectId === 'press')).toBe(true);
    state = accept(pack, state, 'facilitator', { type: 'inject.release', inject: testInjectId('press') }).state;
    expect(state.pending).toEqual([]);
    expect(state.fired[testInjectId('press')]).toBe(330);
  });

  it('refuses an inject that already arrived, or does not exist', () => {
    const running = advance(pack, startedRun(pack), 40);
    const again = refuse(pack, running, 'facilitator', { type: 'inject.release', inject: testInjectId('alert') }, 'already-done');
    expect(again.message).toContain('"alert"');
    expect(again.message).toContain('minute 30');
    const unknown = refuse(pack, running, 'facilitator', { type: 'inject.release', inject: testInjectId('ufo') }, 'unknown-id');
    expect(unknown.message).toContain('"ufo"');
  });

  it('is refused during setup', () => {
    refuse(pack, newRun(pack), 'facilitator', { type: 'inject.release', inject: testInjectId('alert') }, 'wrong-phase');
  });
});
