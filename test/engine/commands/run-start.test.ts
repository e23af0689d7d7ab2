import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, factTypes, newRun, refuse } from '../helpers/run';

describe('run.start', () => {
  const pack = buildPack();

  it('starts the clock at minute 0 and fires what is timed at 0', () => {
    const setup = newRun(pack);
    expect(setup.phase).toBe('setup');
    expect(setup.clock.paused).toBe(true);
    const { state, facts } = accept(pack, setup, 'system', { type: 'run.start' });
    expect(state.phase).toBe('running');
    expect(state.clock).toMatchObject({ now: 0, paused: false });
    const timedAtZero = pack.injects.filter((i) => i.at === 0).map((i) => i.id);
    expect(state.feed.map((f) => f.injectId)).toEqual(timedAtZero);
    expect(factTypes(facts)).toEqual(timedAtZero.map(() => 'inject.fired'));
  });

  it('is refused when the run has already started', () => {
    const started = accept(pack, newRun(pack), 'system', { type: 'run.start' }).state;
    const rejection = refuse(pack, started, 'system', { type: 'run.start' }, 'wrong-phase');
    expect(rejection.message).toContain('running');
  });

  it('does not change the state it was given', () => {
    const setup = newRun(pack);
    const copy = structuredClone(setup);
    accept(pack, setup, 'system', { type: 'run.start' });
    expect(setup).toEqual(copy);
  });
});
