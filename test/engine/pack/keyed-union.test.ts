import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conditionBranches, conditionSchema } from '../../../src/engine/pack/condition';
import { effectBranches, effectSchema } from '../../../src/engine/pack/effect';

// The same unions without key dispatch, for comparison.
const plainCondition = z.union(Object.values(conditionBranches) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
const plainEffect = z.union(Object.values(effectBranches) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);

const ids = fc.constantFrom('model-live', 'complaint', 'suspend-model', 'v3', 'Bad Id', '');
const scalar = fc.oneof(fc.integer({ min: -3, max: 8 }), fc.boolean(), ids, fc.constantFrom('2h', 'soon', 'open', 'met'));
const leaf = fc.dictionary(
  fc.constantFrom('var', 'eq', 'gt', 'lte', 'move', 'effective', 'inject', 'decision', 'chose', 'is', 'severity', 'r3ai', 'elapsed', 'sinceInject', 'atLeast', 'readiness', 'obligation', 'gateViolated', 'role', 'assigned', 'extra'),
  fc.oneof(scalar, fc.dictionary(fc.constantFrom('eq', 'gte', 'lt', 'foo'), scalar, { maxKeys: 2 })),
  { maxKeys: 3 },
);
const condition = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
    fc.jsonValue({ maxDepth: 2 }),
  ),
})).node;
const effect = fc.dictionary(fc.constantFrom('set', 'to', 'add', 'by', 'open', 'fire', 'extra'), scalar, { maxKeys: 3 });

describe('key dispatch of the condition and effect unions', () => {
  it('accepts and rejects exactly what the plain union does, with the same parsed value', () => {
    fc.assert(
      fc.property(condition, (value) => {
        const fast = conditionSchema.safeParse(value);
        const plain = plainCondition.safeParse(value);
        expect(fast.success).toBe(plain.success);
        if (fast.success && plain.success) expect(fast.data).toEqual(plain.data);
      }),
      { numRuns: 3000, seed: 5 },
    );
    fc.assert(
      fc.property(effect, (value) => {
        const fast = effectSchema.safeParse(value);
        const plain = plainEffect.safeParse(value);
        expect(fast.success).toBe(plain.success);
        if (fast.success && plain.success) expect(fast.data).toEqual(plain.data);
      }),
      { numRuns: 1000, seed: 6 },
    );
  });

  it('reports the chosen branch’s own issues rather than a generic union failure', () => {
    const result = conditionSchema.safeParse({ move: 'Suspend' });
    expect(result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_format', ['move']]]);
  });

  it('converts durations inside the chosen branch', () => {
    expect(conditionSchema.parse({ sinceInject: 'complaint', atLeast: '2h' })).toEqual({ sinceInject: 'complaint', atLeast: 120 });
  });
});
