import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';

describe('clock.resume', () => {
  const pack = buildPack();

  it('clears the paused flag', () => {
    const paused = accept(pack, startedRun(pack), 'facilitator', { type: 'clock.pause' }).state;
    const { state } = accept(pack, paused, 'facilitator', { type: 'clock.resume' });
    expect(state.clock.paused).toBe(false);
  });

  it('refuses resuming a running clock', () => {
    const rejection = refuse(pack, startedRun(pack), 'facilitator', { type: 'clock.resume' }, 'already-done');
    expect(rejection.message).toMatch(/already running/);
  });

  it('cannot start the clock during setup (run.start does)', () => {
    refuse(pack, newRun(pack), 'facilitator', { type: 'clock.resume' }, 'wrong-phase');
  });
});
