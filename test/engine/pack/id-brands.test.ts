/**
 * Branded ids: a move, decision, inject, variable or obligation id comes only out of the pack
 * schema or the command schema, checked by the id rule, and the brand changes
 * nothing authors see.
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  actionItemIdSchema, criterionIdSchema, optionIdSchema, readinessIdSchema, traceChoiceIdSchema,
  type ActionItemId, type CriterionId, type OptionId, type ReadinessId, type TraceChoiceId,
  decisionIdSchema, entriesOf, idSchema, isId, toPackId, injectIdSchema, keysOf, moveIdSchema, obligationIdSchema, packIdSchema, parseCommand, simMinutes, variableIdSchema,
  type Command, type Condition, type DecisionId, type InjectId, type MoveId, type ObligationId, type PackId, type RunState, type SimMinutes, type VariableId,
} from '../../../src/engine';
import type { Effect, effectBranches } from '../../../src/engine/pack/effect';
import { type conditionBranches, conditionSchema } from '../../../src/engine/pack/condition';
import { packSchema } from '../../../src/engine/pack/schema';
import { testDecisionId, testInjectId, testMoveId, testObligationId, testReadinessId, testTraceChoiceId, testVariableId } from '../../ids';

describe('MoveId', () => {
  it('is checked by the id rule, whatever the hostile input', () => {
    for (const bad of ['', 'Suspend', '1-suspend', 'suspend model', 'con', 'a'.repeat(65), '../etc', 'su\u0000spend']) {
      expect(moveIdSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    for (const bad of [7, null, undefined, {}, ['suspend']]) expect(moveIdSchema.safeParse(bad).success).toBe(false);
    expect(moveIdSchema.parse('suspend-model')).toBe('suspend-model');
    expect(() => testMoveId('Not An Id')).toThrow();
  });

  it('is invisible in the JSON Schema authors use (the same as a plain id)', () => {
    expect(z.toJSONSchema(moveIdSchema)).toEqual(z.toJSONSchema(idSchema));
    expect(z.toJSONSchema(packIdSchema)).toEqual(z.toJSONSchema(idSchema));
    expect(z.toJSONSchema(decisionIdSchema)).toEqual(z.toJSONSchema(idSchema));
    expect(z.toJSONSchema(injectIdSchema)).toEqual(z.toJSONSchema(idSchema));
    expect(z.toJSONSchema(variableIdSchema)).toEqual(z.toJSONSchema(idSchema));
    expect(z.toJSONSchema(obligationIdSchema)).toEqual(z.toJSONSchema(idSchema));
    for (const schema of [optionIdSchema, criterionIdSchema, readinessIdSchema, traceChoiceIdSchema, actionItemIdSchema]) {
      expect(z.toJSONSchema(schema)).toEqual(z.toJSONSchema(idSchema));
    }
  });

  it('comes out of a parsed move.make command, and a bad one is refused with where it is wrong', () => {
    const parsed = parseCommand({ type: 'move.make', move: 'suspend' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.value.type === 'move.make') expectTypeOf(parsed.value.move).toEqualTypeOf<MoveId>();
    const refused = parseCommand({ type: 'move.make', move: 'Suspend!' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toContain('move');
  });

  it('types every reference to a move in a parsed pack', () => {
    expect(packSchema.shape.moves).toBeDefined();
    type Pack = z.output<typeof packSchema>;
    expectTypeOf<Pack['moves'][number]['id']>().toEqualTypeOf<MoveId>();
    expectTypeOf<Pack['obligations'][number]['satisfiedBy'][number]>().toEqualTypeOf<MoveId>();
    expectTypeOf<Pack['recovery']['restartMoves'][number]>().toEqualTypeOf<MoveId>();
    expectTypeOf<Pack['reference']['forbidden'][number]['move']>().toEqualTypeOf<MoveId>();
    expectTypeOf<NonNullable<Pack['reference']['required'][number]['move']>>().toEqualTypeOf<MoveId>();
    expectTypeOf<NonNullable<Pack['reference']['required'][number]['anyOf']>[number]>().toEqualTypeOf<MoveId>();
  });

  it('cannot be stood in for by a plain string or another kind of id', () => {
    const plain: string = 'suspend';
    const packId: PackId = packIdSchema.parse('some-pack');
    // @ts-expect-error a plain string is not a move id
    const fromString: MoveId = plain;
    // @ts-expect-error a pack id is not a move id
    const fromPackId: MoveId = packId;
    // @ts-expect-error a decision id is not a move id
    const fromDecisionId: MoveId = testDecisionId('notify');
    // @ts-expect-error an inject id is not a decision id
    const decisionFromInject: DecisionId = testInjectId('alert');
    // @ts-expect-error a move id is not an inject id
    const injectFromMove: InjectId = testMoveId('suspend');
    expect([fromDecisionId, decisionFromInject, injectFromMove]).toEqual(['notify', 'alert', 'suspend']);
    // @ts-expect-error a move.make command needs a move id
    const command: Command = { type: 'move.make', move: plain };
    // A move id is still a string wherever a string is read.
    const asText: string = testMoveId('suspend');
    expect([fromString, fromPackId, command.type === 'move.make' && command.move, asText]).toEqual(['suspend', 'some-pack', 'suspend', 'suspend']);
  });
});

describe('DecisionId and InjectId', () => {
  it('are checked by the id rule', () => {
    for (const schema of [decisionIdSchema, injectIdSchema]) {
      for (const bad of ['', 'Notify', 'a b', 'nul', 7, null]) expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(() => testDecisionId('Not An Id')).toThrow();
    expect(() => testInjectId('Not An Id')).toThrow();
  });

  it('come out of parsed decision.answer, inject.release and inject.adhoc commands', () => {
    const answer = parseCommand({ type: 'decision.answer', decision: 'notify', options: ['yes'] });
    if (answer.ok && answer.value.type === 'decision.answer') expectTypeOf(answer.value.decision).toEqualTypeOf<DecisionId>();
    const release = parseCommand({ type: 'inject.release', inject: 'alert' });
    if (release.ok && release.value.type === 'inject.release') expectTypeOf(release.value.inject).toEqualTypeOf<InjectId>();
    expect([answer.ok, release.ok]).toEqual([true, true]);
    expect(parseCommand({ type: 'inject.release', inject: '../alert' }).ok).toBe(false);
    expect(parseCommand({ type: 'decision.answer', decision: 'Notify!', options: [] }).ok).toBe(false);
  });

  it('type every reference to a decision or an inject in a parsed pack', () => {
    type Pack = z.output<typeof packSchema>;
    expectTypeOf<Pack['decisions'][number]['id']>().toEqualTypeOf<DecisionId>();
    expectTypeOf<NonNullable<Pack['injects'][number]['opens']>[number]>().toEqualTypeOf<DecisionId>();
    expectTypeOf<Pack['injects'][number]['id']>().toEqualTypeOf<InjectId>();
    expectTypeOf<NonNullable<Pack['reference']['awareness']>[number]>().toEqualTypeOf<InjectId>();
    expectTypeOf<NonNullable<Pack['reference']['severity'][number]['evidence']>[number]>().toEqualTypeOf<InjectId>();
    expectTypeOf<Exclude<Pack['reference']['required'][number]['from'], 'start'>['inject']>().toEqualTypeOf<InjectId>();
    expect(packSchema.shape.decisions).toBeDefined();
  });
});

describe('VariableId and ObligationId', () => {
  it('are checked by the id rule', () => {
    for (const schema of [variableIdSchema, obligationIdSchema]) {
      for (const bad of ['', 'Harm', 'a b', 'con', 7, null]) expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(() => testVariableId('Not An Id')).toThrow();
    expect(() => testObligationId('Not An Id')).toThrow();
  });

  it('type every reference to a variable or an obligation in a parsed pack', () => {
    type Pack = z.output<typeof packSchema>;
    expectTypeOf<Pack['variables'][number]['id']>().toEqualTypeOf<VariableId>();
    expectTypeOf<Pack['metrics']['harm']>().toEqualTypeOf<VariableId>();
    expectTypeOf<Pack['metrics']['harms'][number]['var']>().toEqualTypeOf<VariableId>();
    expectTypeOf<Pack['metrics']['dashboard'][number]>().toEqualTypeOf<VariableId>();
    expectTypeOf<Pack['obligations'][number]['id']>().toEqualTypeOf<ObligationId>();
    expect(packSchema.shape.variables).toBeDefined();
  });
});

describe('option, criterion, readiness, TRACE choice and action item ids', () => {
  it('are checked by the id rule', () => {
    for (const schema of [optionIdSchema, criterionIdSchema, readinessIdSchema, traceChoiceIdSchema, actionItemIdSchema]) {
      for (const bad of ['', 'Yes', 'a b', 'lpt1', '../x', 7, null]) expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('type every place that names one: the pack, the commands and the run state', () => {
    type Pack = z.output<typeof packSchema>;
    type Decision = Pack['decisions'][number];
    expectTypeOf<NonNullable<Decision['options']>[number]['id']>().toEqualTypeOf<OptionId>();
    expectTypeOf<NonNullable<Decision['best']>[number]>().toEqualTypeOf<OptionId>();
    expectTypeOf<Pack['recovery']['criteria'][number]['id']>().toEqualTypeOf<CriterionId>();
    expectTypeOf<NonNullable<Pack['readiness']>[number]['id']>().toEqualTypeOf<ReadinessId>();
    expectTypeOf<Pack['reference']['trace']['rootCause']['candidates'][number]['id']>().toEqualTypeOf<TraceChoiceId>();
    expectTypeOf<Pack['reference']['trace']['corrections'][number]['id']>().toEqualTypeOf<TraceChoiceId>();
    expectTypeOf<Extract<Command, { type: 'decision.answer' }>['options'][number]>().toEqualTypeOf<OptionId>();
    expectTypeOf<Extract<Command, { type: 'readiness.set' }>['item']>().toEqualTypeOf<ReadinessId>();
    expectTypeOf<Extract<Command, { type: 'trace.select' }>['ids'][number]>().toEqualTypeOf<TraceChoiceId>();
    expectTypeOf<Extract<Command, { type: 'trace.actionItem.add' }>['id']>().toEqualTypeOf<ActionItemId>();
    expectTypeOf<RunState['decisions'][DecisionId]['options'][number]>().toEqualTypeOf<OptionId>();
    expectTypeOf<NonNullable<RunState['moves'][number]['gateViolation']>[number]>().toEqualTypeOf<CriterionId>();
    expectTypeOf<RunState['service'][number]['unmet'][number]>().toEqualTypeOf<CriterionId>();
    expectTypeOf<NonNullable<RunState['trace']['rootCause']>>().toEqualTypeOf<TraceChoiceId>();
    expectTypeOf<RunState['trace']['actionItems'][number]['id']>().toEqualTypeOf<ActionItemId>();
    expect(packSchema.shape.recovery).toBeDefined();
  });

  it('keep one kind from standing in for another', () => {
    // @ts-expect-error a readiness id is not an option
    const option: OptionId = testReadinessId('monitoring');
    // @ts-expect-error a TRACE choice is not a recovery criterion
    const criterion: CriterionId = testTraceChoiceId('roll-back');
    // @ts-expect-error an answer needs option ids, not plain strings
    const answer: Command = { type: 'decision.answer', decision: testDecisionId('notify'), options: ['yes'] };
    expect([option, criterion, answer.type]).toEqual(['monitoring', 'roll-back', 'decision.answer']);
  });
});

describe('the id rule without zod (the address bar, the app\'s fixed ids)', () => {
  it('agrees with the schema on every string', () => {
    const hostile = ['', 'a', 'A', '1a', 'a'.repeat(64), 'a'.repeat(65), 'con', 'COM1', 'lpt9', 'con-x', '../a', 'a/b', 'a b', 'a\u0000', 'é', 'a.b', '-a', '_a'];
    for (const value of hostile) expect(isId(value), JSON.stringify(value)).toBe(idSchema.safeParse(value).success);
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-z][a-z0-9_-]{0,70}$/)), (value) => isId(value) === idSchema.safeParse(value).success));
    expect(toPackId('biased-hiring')).toBe('biased-hiring');
    expect(toPackId('../etc')).toBeUndefined();
    expect(toPackId(undefined)).toBeUndefined();
    expectTypeOf(toPackId('x')).toEqualTypeOf<PackId | undefined>();
  });
});

describe('the run state\'s records', () => {
  it('are keyed by the id of what they record, so a lookup with another kind of id does not typecheck', () => {
    type Keys<R> = R extends Readonly<Record<infer K, unknown>> ? K : never;
    expectTypeOf<Keys<RunState['fired']>>().toEqualTypeOf<InjectId>();
    expectTypeOf<Keys<RunState['schedule']>>().toEqualTypeOf<InjectId>();
    expectTypeOf<Keys<RunState['decisions']>>().toEqualTypeOf<DecisionId>();
    expectTypeOf<Keys<RunState['obligations']>>().toEqualTypeOf<ObligationId>();
    expectTypeOf<Keys<RunState['vars']>>().toEqualTypeOf<VariableId>();
    const state: Pick<RunState, 'fired' | 'decisions' | 'vars' | 'obligations'> = { fired: {}, decisions: {}, vars: {}, obligations: {} };
    // @ts-expect-error a move id does not index the injects that fired
    void state.fired[testMoveId('suspend')];
    // @ts-expect-error an inject id does not index the decisions
    void state.decisions[testInjectId('alert')];
    // @ts-expect-error an obligation id does not index the variables
    void state.vars[testObligationId('report')];
    // @ts-expect-error nor does a plain string index the obligations
    void state.obligations['report'];
    expect(state.fired[testInjectId('alert')]).toBeUndefined();
  });

  it('keep their key type through entriesOf and keysOf', () => {
    const fired: RunState['fired'] = { [testInjectId('alert')]: simMinutes(30) };
    expectTypeOf(entriesOf(fired)).toEqualTypeOf<[InjectId, SimMinutes][]>();
    expectTypeOf(keysOf(fired)).toEqualTypeOf<InjectId[]>();
    expect(entriesOf(fired)).toEqual([['alert', 30]]);
    expect(keysOf(fired)).toEqual(['alert']);
  });
});

/** What the hand-written union `U` says of the property `K` of its branch keyed `K`. */
type Written<U, K extends PropertyKey> = Extract<U, Readonly<Record<K, unknown>>> extends infer W ? (K extends keyof W ? W[K] : never) : never;
/** What the schema of branch `K` in `B` parses that property to. */
type Parsed<B, K extends keyof B> = B[K] extends z.ZodType ? (K extends keyof z.output<B[K]> ? z.output<B[K]>[K] : never) : never;
/** Both, side by side for the branches `Keys`: equal types mean the hand-written type and the schema agree. */
type Sides<U, B, Keys extends keyof B> = { readonly written: { -readonly [K in Keys]: Written<U, K> }; readonly parsed: { -readonly [K in Keys]: Parsed<B, K> } };

describe('the hand-written Effect type and the effect schema', () => {
  type EffectSides = Sides<Effect, typeof effectBranches, keyof typeof effectBranches>;

  it('agree on the id each effect names', () => {
    expectTypeOf<EffectSides['written']>().toEqualTypeOf<EffectSides['parsed']>();
    expectTypeOf<Written<Effect, 'open'>>().toEqualTypeOf<DecisionId>();
    expectTypeOf<Written<Effect, 'fire'>>().toEqualTypeOf<InjectId>();
    expectTypeOf<Written<Effect, 'set'>>().toEqualTypeOf<VariableId>();
    expectTypeOf<Written<Effect, 'add'>>().toEqualTypeOf<VariableId>();
  });
});

describe('the hand-written Condition type and the condition schema', () => {
  /** The branches that name something by id, compared property by property (the recursive ones are not). */
  type IdBranch = 'var' | 'move' | 'inject' | 'decision' | 'sinceInject' | 'readiness' | 'obligation' | 'role';
  type ConditionSides = Sides<Condition, typeof conditionBranches, IdBranch>;

  it('agree on the id each branch names (a brand on one side only is a type error)', () => {
    expectTypeOf<ConditionSides['written']>().toEqualTypeOf<ConditionSides['parsed']>();
    expectTypeOf<Written<Condition, 'move'>>().toEqualTypeOf<MoveId>();
    expectTypeOf<Written<Condition, 'decision'>>().toEqualTypeOf<DecisionId>();
    expectTypeOf<Written<Condition, 'inject'>>().toEqualTypeOf<InjectId>();
    expectTypeOf<Written<Condition, 'sinceInject'>>().toEqualTypeOf<InjectId>();
    expectTypeOf<Written<Condition, 'var'>>().toEqualTypeOf<VariableId>();
    expectTypeOf<Written<Condition, 'obligation'>>().toEqualTypeOf<ObligationId>();
  });

  it('parse a move condition to a branded move id', () => {
    const parsed = conditionSchema.parse({ all: [{ move: 'suspend', effective: true }] });
    expect(parsed).toEqual({ all: [{ move: 'suspend', effective: true }] });
    expect(conditionSchema.safeParse({ move: 'Suspend' }).success).toBe(false);
  });
});
