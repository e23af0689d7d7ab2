import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';

describe('trace.reflect', () => {
  const pack = buildPack();

  it('stores the text per section, replacing earlier text', () => {
    let state = accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state;
    state = accept(pack, state, 'incident-lead', { type: 'trace.reflect', section: 'trust', text: 'We trusted it blindly.' }).state;
    state = accept(pack, state, 'incident-lead', { type: 'trace.reflect', section: 'accountability', text: 'HR owned it.' }).state;
    state = accept(pack, state, 'incident-lead', { type: 'trace.reflect', section: 'trust', text: 'Far too much.' }).state;
    expect(state.trace.reflections).toEqual({ trust: 'Far too much.', accountability: 'HR owned it.' });
  });

  it('is refused during setup', () => {
    refuse(pack, newRun(pack), 'incident-lead', { type: 'trace.reflect', section: 'trust', text: 'x' }, 'wrong-phase');
  });
});
