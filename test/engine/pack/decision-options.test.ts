/**
 * One answer to "which options does this prompt accept": the engine, the
 * pack's cross-checks and both decision forms read `acceptedOptionIds`.
 */
import { describe, expect, it } from 'vitest';
import { acceptedOptionIds, decisionOptionIds, fixedOptionIds, R3AI_CATEGORIES, SEVERITY_LEVELS, type Decision } from '../../../src/engine';
import { buildPack } from '../helpers/pack-builder';
import { accept, refuse, startedRun } from '../helpers/run';
import { testDecisionId } from '../../ids';

describe('the options a decision prompt accepts', () => {
  it('are the five V-SEV levels for a severity prompt and the three categories for an R3AI one, listed or not', () => {
    expect(fixedOptionIds('severity')).toEqual(SEVERITY_LEVELS.map((l) => `v${l}`));
    expect(fixedOptionIds('r3ai')).toEqual([...R3AI_CATEGORIES]);
    expect(fixedOptionIds('single')).toBeUndefined();
    const relabelled = { id: testDecisionId('sev'), kind: 'severity', prompt: 'How bad?', options: [{ id: 'v4', label: 'Critical (our words)' }] } as unknown as Decision;
    expect(acceptedOptionIds(relabelled)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
  });

  it('are what the engine accepts and nothing else', () => {
    const pack = buildPack();
    for (const decision of pack.decisions) {
      expect([...decisionOptionIds(pack, decision.id)]).toEqual([...acceptedOptionIds(decision)]);
    }
    // The fixture's `sev` prompt lists only V5, opened by the `alert` inject.
    const opened = accept(pack, startedRun(pack), 'facilitator', { type: 'inject.release', inject: 'alert' }).state;
    expect(opened.decisions[testDecisionId('sev')]?.status).toBe('open');
    refuse(pack, opened, 'incident-lead', { type: 'decision.answer', decision: 'sev', options: ['v6'] }, 'unknown-id');
    const answered = accept(pack, opened, 'incident-lead', { type: 'decision.answer', decision: 'sev', options: ['v2'] }).state;
    expect(answered.decisions[testDecisionId('sev')]?.options).toEqual(['v2']);
  });
});
