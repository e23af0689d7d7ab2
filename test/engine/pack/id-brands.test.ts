/**
 * Branded ids: a move id comes only out of the pack schema or the command
 * schema, checked by the id rule, and the brand changes nothing authors see.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { idSchema, moveIdSchema, packIdSchema, parseCommand, type Command, type Condition, type MoveId, type PackId } from '../../../src/engine';
import { type conditionBranches, conditionSchema } from '../../../src/engine/pack/condition';
import { packSchema } from '../../../src/engine/pack/schema';
import { testMoveId } from '../../ids';

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
    // @ts-expect-error a move.make command needs a move id
    const command: Command = { type: 'move.make', move: plain };
    // A move id is still a string wherever a string is read.
    const asText: string = testMoveId('suspend');
    expect([fromString, fromPackId, command.type === 'move.make' && command.move, asText]).toEqual(['suspend', 'some-pack', 'suspend', 'suspend']);
  });
});

describe('the hand-written Condition type and the condition schema', () => {
  /** The branches that name something by id, compared property by property (the recursive ones are not). */
  type IdBranch = 'var' | 'move' | 'inject' | 'decision' | 'sinceInject' | 'readiness' | 'obligation' | 'role';
  type Written<K extends IdBranch> = Extract<Condition, Readonly<Record<K, unknown>>>[K];
  type ParsedBranch<K extends IdBranch> = z.output<(typeof conditionBranches)[K]>;
  type Parsed<K extends IdBranch> = ParsedBranch<K>[K & keyof ParsedBranch<K>];

  it('agree on the id each branch names (a brand on one side only is a type error)', () => {
    expectTypeOf<{ [K in IdBranch]: Written<K> }>().toEqualTypeOf<{ [K in IdBranch]: Parsed<K> }>();
    expectTypeOf<Written<'move'>>().toEqualTypeOf<MoveId>();
  });

  it('parse a move condition to a branded move id', () => {
    const parsed = conditionSchema.parse({ all: [{ move: 'suspend', effective: true }] });
    expect(parsed).toEqual({ all: [{ move: 'suspend', effective: true }] });
    expect(conditionSchema.safeParse({ move: 'Suspend' }).success).toBe(false);
  });
});
