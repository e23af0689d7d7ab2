import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, acceptAll, newRun, refuse, startedRun } from '../helpers/run';

describe('trace.actionItem.remove', () => {
  const pack = buildPack();

  it('removes the item and keeps the others in order', () => {
    const state = acceptAll(pack, startedRun(pack), [
      ['incident-lead', { type: 'trace.actionItem.add', id: 'one', text: 'One', owner: 'incident-lead', due: '2030-02-01' }],
      ['incident-lead', { type: 'trace.actionItem.add', id: 'two', text: 'Two', owner: 'legal-lead', due: '2030-02-02' }],
      ['incident-lead', { type: 'trace.actionItem.add', id: 'three', text: 'Three', owner: 'comms-lead', due: '2030-02-03' }],
      ['incident-lead', { type: 'trace.actionItem.remove', id: 'two' }],
    ]);
    expect(state.trace.actionItems.map((i) => i.id)).toEqual(['one', 'three']);
  });

  it('refuses an unknown id, naming it', () => {
    const rejection = refuse(pack, startedRun(pack), 'incident-lead', { type: 'trace.actionItem.remove', id: 'ghost' }, 'unknown-id');
    expect(rejection.message).toContain('"ghost"');
  });

  it('is refused during setup', () => {
    refuse(pack, newRun(pack), 'incident-lead', { type: 'trace.actionItem.remove', id: 'one' }, 'wrong-phase');
    expect(accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state.phase).toBe('ended');
  });
});
