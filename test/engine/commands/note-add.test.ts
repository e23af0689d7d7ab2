import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, advance, newRun, startedRun } from '../helpers/run';

describe('note.add', () => {
  const pack = buildPack();

  it('is accepted in every phase and records time and author', () => {
    const inSetup = accept(pack, newRun(pack), 'facilitator', { type: 'note.add', text: 'Team is late.' }).state;
    expect(inSetup.notes).toEqual([{ at: 0, by: 'facilitator', text: 'Team is late.' }]);
    const running = accept(pack, advance(pack, startedRun(pack), 42), 'incident-lead', { type: 'note.add', text: 'Suspending.' });
    expect(running.state.notes).toEqual([{ at: 42, by: 'incident-lead', text: 'Suspending.' }]);
    expect(running.facts).toEqual([]);
    const ended = accept(pack, running.state, 'system', { type: 'run.end' }).state;
    expect(accept(pack, ended, 'facilitator', { type: 'note.add', text: 'Good run.' }).state.notes).toHaveLength(2);
  });
});
