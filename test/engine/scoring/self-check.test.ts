/** The pack self-check `vaim validate` runs: reference ≥ 95, doing nothing ≤ 30 (a warning above 15). */
import { describe, expect, it } from 'vitest';
import { selfCheck } from '../../../src/engine/scoring';
import { at, minimalInput, packFrom } from './helpers';
import { testMoveId } from '../../ids';

type Input = Record<string, unknown> & { reference: Record<string, unknown> & { timeline: unknown[] } };

describe('selfCheck', () => {
  it('passes a pack whose reference timeline does what its reference expects', () => {
    // Minimal pack + five reflections of substance and an action item in its timeline (see minimal-table.test.ts: 100).
    const src = minimalInput() as Input;
    const reflections = {
      trust: 'We trusted the dashboard blindly and nobody owned or read its alerts.',
      rootCause: "Friday's update was retrained on skewed data that under-represented older applicants.",
      accountability: 'The technical lead had to watch the alerts; the incident lead had to inform the provider.',
      correction: 'We decided to roll back to the previous model until it is retrained.',
      evolution: 'From now on we block every release that fails a fairness test.',
    };
    for (const [section, text] of Object.entries(reflections)) {
      src.reference.timeline.push(at(480, 'incident-lead', { type: 'trace.reflect', section: section as 'trust', text }));
    }
    src.reference.timeline.push(at(480, 'incident-lead', { type: 'trace.actionItem.add', id: 'gate', text: 'Add a fairness gate to releases', owner: 'technical-lead', due: '2028-01-31' }));
    expect(selfCheck(packFrom(src))).toEqual({ referenceScore: 100, doNothingScore: 0, bestGreedy: { policy: 'greedy-every-act', score: 43.8 }, issues: [] });
  });

  it('reports a reference that scores below 95, naming the lines that lost points', () => {
    // The fixture's own timeline writes no reflection and no action item: 95.8 − so drop the root cause too
    // (−10 learn points): learn 20/56 → 100 − 9.09 × 36/56 = 94.2.
    const src = minimalInput() as Input;
    src.reference.timeline = src.reference.timeline.filter((e) => (e as { command: { type: string } }).command.type !== 'trace.rootCause');
    const result = selfCheck(packFrom(src));
    expect(result.referenceScore).toBe(94.2);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ path: ['reference', 'timeline'], severity: 'error' });
    expect(result.issues[0]!.message).toMatch(/^The reference response scores 94\.2, below 95/);
    expect(result.issues[0]!.message).toContain('−1.6: No root cause was chosen');
  });

  it('reports a reference that does nothing as also rewarding inaction', () => {
    const src = minimalInput() as Input;
    src.reference.timeline = [];
    const result = selfCheck(packFrom(src));
    expect(result.referenceScore).toBe(result.doNothingScore);
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.path)).toEqual([['reference', 'timeline']]);
  });

  it('warns when a greedy policy (every allowed act at once) games the scoring', () => {
    // The minimal pack has no costly over-reaction: making every move at once loses only the gate.
    const src = minimalInput() as Input & { recovery: { criteria: unknown[] } };
    src.recovery.criteria = [];
    const result = selfCheck(packFrom(src));
    expect(result.bestGreedy!.score).toBeGreaterThan(45);
    expect(result.issues).toContainEqual(expect.objectContaining({ path: ['reference'], severity: 'warning', message: expect.stringMatching(/^the greedy policy “greedy-every-[a-z-]+” \(every allowed act the moment it is allowed\) scores [\d.]+, above 45/) }));
  });

  it('reports a reference timeline the engine refuses', () => {
    const src = minimalInput() as Input;
    // restart-model requires suspend-model first.
    src.reference.timeline = [at(60, 'technical-lead', { type: 'move.make', move: testMoveId('restart-model') })];
    const result = selfCheck(packFrom(src));
    expect(result.referenceScore).toBeUndefined();
    expect(result.issues[0]).toMatchObject({ path: ['reference', 'timeline', 0], severity: 'error' });
    expect(result.issues[0]!.message).toBe('This entry (move.make by technical-lead at 1h) cannot be played: move "restart-model" cannot be made yet at 1h: the model has not been suspended, so there is nothing to restart; move the entry later, or first make what it needs.');
  });
});
