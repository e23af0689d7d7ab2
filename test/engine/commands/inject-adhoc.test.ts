import { describe, expect, it } from 'vitest';
import type { CommandOf } from '../../../src/engine';
import { buildPack } from '../helpers/pack-builder';
import { accept, advance, newRun, refuse, startedRun } from '../helpers/run';
import { testInjectId } from '../../ids';

describe('inject.adhoc', () => {
  const pack = buildPack();
  const adhoc: CommandOf<'inject.adhoc'> = {
    type: 'inject.adhoc',
    id: testInjectId('ceo-call'),
    title: 'The CEO calls',
    body: 'What is going on?',
    channel: 'call',
    visibleTo: ['incident-lead'],
  };

  it('adds the facilitator’s inject to the feed with its content', () => {
    const { state, facts } = accept(pack, advance(pack, startedRun(pack), 15), 'facilitator', adhoc);
    expect(state.feed[state.feed.length - 1]).toEqual({
      injectId: 'ceo-call',
      at: 15,
      adhoc: true,
      released: false,
      content: { title: 'The CEO calls', body: 'What is going on?', channel: 'call', visibleTo: ['incident-lead'] },
    });
    expect(state.fired[testInjectId('ceo-call')]).toBe(15);
    expect(facts).toEqual([{ type: 'inject.fired', at: 15, injectId: 'ceo-call', adhoc: true }]);
  });

  it('refuses an id used by a pack inject or an earlier ad-hoc inject', () => {
    const clash = refuse(pack, startedRun(pack), 'facilitator', { ...adhoc, id: testInjectId('alert') }, 'already-done');
    expect(clash.message).toContain('"alert"');
    const once = accept(pack, startedRun(pack), 'facilitator', adhoc).state;
    expect(refuse(pack, once, 'facilitator', adhoc, 'already-done').message).toContain('earlier ad-hoc');
  });

  it('is refused during setup', () => {
    refuse(pack, newRun(pack), 'facilitator', adhoc, 'wrong-phase');
  });
});
