import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';

describe('trace.select', () => {
  const pack = buildPack();
  const ended = () => accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state;

  it('replaces the selection of a section', () => {
    let state = accept(pack, ended(), 'incident-lead', { type: 'trace.select', section: 'correction', ids: ['c1', 'c2'] }).state;
    state = accept(pack, state, 'incident-lead', { type: 'trace.select', section: 'correction', ids: ['c1'] }).state;
    state = accept(pack, state, 'incident-lead', { type: 'trace.select', section: 'evolution', ids: ['e1'] }).state;
    expect(state.trace.corrections).toEqual(['c1']);
    expect(state.trace.evolutions).toEqual(['e1']);
  });

  it('refuses ids of another section or unknown ones, naming them', () => {
    const rejection = refuse(pack, ended(), 'incident-lead', { type: 'trace.select', section: 'evolution', ids: ['e1', 'c1'] }, 'unknown-id');
    expect(rejection.message).toContain('"c1"');
    expect(rejection.message).toContain('evolution');
  });

  it('refuses listing an item twice', () => {
    refuse(pack, ended(), 'incident-lead', { type: 'trace.select', section: 'correction', ids: ['c1', 'c1'] }, 'invalid-command');
  });

  it('is refused during setup', () => {
    refuse(pack, newRun(pack), 'incident-lead', { type: 'trace.select', section: 'correction', ids: [] }, 'wrong-phase');
  });
});
