import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';

describe('clock.pause', () => {
  const pack = buildPack();

  it('records that the clock is paused, emitting nothing', () => {
    const { state, facts } = accept(pack, startedRun(pack), 'facilitator', { type: 'clock.pause' });
    expect(state.clock.paused).toBe(true);
    expect(facts).toEqual([]);
  });

  it('refuses pausing twice', () => {
    const paused = accept(pack, startedRun(pack), 'facilitator', { type: 'clock.pause' }).state;
    const rejection = refuse(pack, paused, 'facilitator', { type: 'clock.pause' }, 'already-done');
    expect(rejection.message).toMatch(/already paused/);
  });

  it('is a running-phase command', () => {
    refuse(pack, newRun(pack), 'facilitator', { type: 'clock.pause' }, 'wrong-phase');
  });
});
