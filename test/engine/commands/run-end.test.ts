import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, advance, newRun, refuse, startedRun } from '../helpers/run';
import { testMoveId } from '../../ids';
import { simMinutes } from '../../../src/engine';

describe('run.end', () => {
  const pack = buildPack();
  const harmPerMinute = 6 / 60;

  it('ends the run at the current minute with its reason', () => {
    const running = advance(pack, startedRun(pack), 90);
    const { state, facts } = accept(pack, running, 'facilitator', { type: 'run.end', reason: 'Out of time' });
    expect(state.phase).toBe('ended');
    expect(state.endedAt).toBe(90);
    expect(state.endReason).toBe('Out of time');
    expect(state.clock.paused).toBe(true);
    expect(facts).toEqual([{ type: 'run.ended', at: 90 }]);
  });

  it('samples harm a last time at the end minute', () => {
    const running = advance(pack, startedRun(pack), 90);
    const { state } = accept(pack, running, 'system', { type: 'run.end' });
    const last = state.harmSeries[state.harmSeries.length - 1];
    expect(last?.[0]).toBe(90);
    expect(last?.[1]).toBeCloseTo(90 * harmPerMinute, 9);
    expect(state.harmSeries.map(([t]) => t)).toEqual([0, 60, 90]);
  });

  it('leaves only TRACE commands and notes afterwards', () => {
    const ended = accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state;
    refuse(pack, ended, 'technical-lead', { type: 'move.make', move: testMoveId('suspend') }, 'wrong-phase');
    refuse(pack, ended, 'system', { type: 'clock.advance', to: simMinutes(10) }, 'wrong-phase');
    refuse(pack, ended, 'system', { type: 'run.end' }, 'wrong-phase');
    accept(pack, ended, 'incident-lead', { type: 'note.add', text: 'Debrief starts.' });
    accept(pack, ended, 'incident-lead', { type: 'trace.rootCause', candidate: 'data' });
  });

  it('cannot end a run that has not started', () => {
    refuse(pack, newRun(pack), 'system', { type: 'run.end' }, 'wrong-phase');
  });
});
