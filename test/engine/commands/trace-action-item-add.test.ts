import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';

describe('trace.actionItem.add', () => {
  const pack = buildPack();
  const item = { type: 'trace.actionItem.add', id: 'audit', text: 'Commission a bias audit', owner: 'executive-sponsor', due: '2030-02-01' } as const;

  it('adds an action item with its author', () => {
    const ended = accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state;
    const { state } = accept(pack, ended, 'incident-lead', item);
    expect(state.trace.actionItems).toEqual([
      { id: 'audit', text: 'Commission a bias audit', owner: 'executive-sponsor', due: '2030-02-01', by: 'incident-lead' },
    ]);
  });

  it('refuses an id already used, naming it', () => {
    const once = accept(pack, startedRun(pack), 'incident-lead', item).state;
    const rejection = refuse(pack, once, 'incident-lead', { ...item, text: 'Again' }, 'already-done');
    expect(rejection.message).toContain('"audit"');
  });

  it('is refused during setup', () => {
    refuse(pack, newRun(pack), 'incident-lead', item, 'wrong-phase');
  });
});
