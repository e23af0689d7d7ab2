import { describe, expect, it } from 'vitest';
import type { RunState } from '../../../src/engine';
import { buildPack } from '../helpers/pack-builder';
import { accept, advance, refuse, startedRun } from '../helpers/run';
import { testDecisionId, testVariableId } from '../../ids';

describe('decision.answer', () => {
  const pack = buildPack({
    injects: [
      { id: 'open-all', stage: 'detect', at: 0, channel: 'meeting', title: 'Questions', body: 'Answer.', opens: ['notify', 'actions', 'why', 'kind', 'sev'] },
    ],
  });
  const open = (): RunState => startedRun(pack);

  it('answers an open single-choice prompt and applies the option effects', () => {
    const { state } = accept(pack, advance(pack, open(), 5), 'legal-lead', { type: 'decision.answer', decision: testDecisionId('notify'), options: ['yes'] });
    expect(state.decisions[testDecisionId('notify')]).toEqual({
      status: 'answered', openedAt: 0, dueAt: 30, closedAt: 5, options: ['yes'], by: 'legal-lead',
    });
    expect(state.vars[testVariableId('notified')]).toBe(true);
  });

  it("applies the effects of several options in the pack's option order", () => {
    // Option `a` adds 1 to exposure, option `b` sets it to 0: pack order a, b gives 0 whatever the answer's order.
    const { state } = accept(pack, open(), 'incident-lead', { type: 'decision.answer', decision: testDecisionId('actions'), options: ['b', 'a'] });
    expect(state.vars[testVariableId('exposure')]).toBe(0);
    expect(state.decisions[testDecisionId('actions')]?.options).toEqual(['a', 'b']);
  });

  it('records a severity prompt answer as a classification and applies its option effects', () => {
    const { state } = accept(pack, advance(pack, open(), 3), 'incident-lead', { type: 'decision.answer', decision: testDecisionId('sev'), options: ['v5'], text: 'Public.' });
    expect(state.severity).toEqual([{ at: 3, level: 5, by: 'incident-lead', rationale: 'Public.' }]);
    expect(state.vars[testVariableId('exposure')]).toBe(1);
  });

  it('records an R3AI prompt answer as a classification', () => {
    const { state } = accept(pack, open(), 'incident-lead', { type: 'decision.answer', decision: testDecisionId('kind'), options: ['resilience'] });
    expect(state.r3ai).toEqual([{ at: 0, category: 'resilience', by: 'incident-lead' }]);
  });

  it('takes a written answer for a text prompt', () => {
    const { state } = accept(pack, open(), 'incident-lead', { type: 'decision.answer', decision: testDecisionId('why'), options: [], text: 'Because.' });
    expect(state.decisions[testDecisionId('why')]).toMatchObject({ status: 'answered', text: 'Because.', options: [] });
    refuse(pack, open(), 'incident-lead', { type: 'decision.answer', decision: testDecisionId('why'), options: [], text: '  ' }, 'invalid-command');
  });

  it('refuses answers that do not fit the kind of prompt', () => {
    const single = refuse(pack, open(), 'legal-lead', { type: 'decision.answer', decision: testDecisionId('notify'), options: ['yes', 'no'] }, 'invalid-command');
    expect(single.message).toContain('exactly one');
    refuse(pack, open(), 'legal-lead', { type: 'decision.answer', decision: testDecisionId('notify'), options: [] }, 'invalid-command');
    const multiple = refuse(pack, open(), 'legal-lead', { type: 'decision.answer', decision: testDecisionId('actions'), options: [] }, 'invalid-command');
    expect(multiple.message).toContain('at least one');
    refuse(pack, open(), 'legal-lead', { type: 'decision.answer', decision: testDecisionId('actions'), options: ['a', 'a'] }, 'invalid-command');
  });

  it('refuses unknown decisions and options, naming them', () => {
    const decision = refuse(pack, open(), 'legal-lead', { type: 'decision.answer', decision: testDecisionId('nope'), options: ['yes'] }, 'unknown-id');
    expect(decision.message).toContain('"nope"');
    const option = refuse(pack, open(), 'legal-lead', { type: 'decision.answer', decision: testDecisionId('notify'), options: ['maybe'] }, 'unknown-id');
    expect(option.message).toContain('"maybe"');
    expect(option.message).toContain('"yes", "no"');
    refuse(pack, open(), 'incident-lead', { type: 'decision.answer', decision: testDecisionId('sev'), options: ['v6'] }, 'unknown-id');
  });

  it('refuses a prompt that has not been asked yet', () => {
    const base = buildPack();
    const rejection = refuse(base, startedRun(base), 'legal-lead', { type: 'decision.answer', decision: testDecisionId('notify'), options: ['yes'] }, 'not-allowed');
    expect(rejection.message).toContain('has not been asked yet');
  });

  it('refuses a prompt already answered or expired', () => {
    const answered = accept(pack, open(), 'legal-lead', { type: 'decision.answer', decision: testDecisionId('notify'), options: ['no'] }).state;
    expect(refuse(pack, answered, 'legal-lead', { type: 'decision.answer', decision: testDecisionId('notify'), options: ['yes'] }, 'already-done').message).toContain('answered');
    const expired = advance(pack, open(), 30);
    expect(expired.decisions[testDecisionId('notify')]?.status).toBe('expired');
    expect(refuse(pack, expired, 'legal-lead', { type: 'decision.answer', decision: testDecisionId('notify'), options: ['yes'] }, 'already-done').message).toContain('expired');
  });
});
