/**
 * Finds the zod schema that applies at a JSON path inside a pack, so that
 * issue messages can name the keys allowed there and recognise the
 * condition / effect / duration unions. Reads zod's public `_zod.def`.
 */
import type { z } from 'zod';
import { conditionBranches, conditionSchema } from './condition';
import { effectBranches, effectSchema } from './effect';
import { field, isRecord } from './loose';
import { durationSchema } from './primitives';

type Schema = z.core.$ZodType;
type Def = {
  readonly type: string;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly element?: Schema;
  readonly valueType?: Schema;
  readonly options?: readonly Schema[];
  readonly innerType?: Schema;
  readonly getter?: () => Schema;
  readonly in?: Schema;
  readonly discriminator?: string;
};

const defOf = (schema: Schema): Def => schema._zod.def as Def;

/** The special unions whose messages the validator words itself. */
export type UnionKind = 'condition' | 'effect' | 'duration';

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrapOnce(schema: Schema): Schema | undefined {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return def.innerType;
  // zod caches a lazy schema's inner type; calling the getter would build a new one.
  if (def.type === 'lazy') return (schema._zod as { innerType?: Schema }).innerType ?? def.getter?.();
  if (def.type === 'pipe') return def.in;
  return undefined;
}

/** Strips optional/default/lazy/pipe wrappers. */
export function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let i = 0; i < 20; i += 1) {
    const inner = unwrapOnce(current);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

const sameAs = (schema: Schema, target: Schema) => schema._zod.def === target._zod.def;

/** Whether the schema is (a wrapper of) one of the special unions. */
export function unionKind(schema: Schema | undefined): UnionKind | undefined {
  let current = schema;
  for (let i = 0; current && i < 20; i += 1) {
    if (sameAs(current, conditionSchema)) return 'condition';
    if (sameAs(current, effectSchema)) return 'effect';
    if (sameAs(current, durationSchema)) return 'duration';
    current = unwrapOnce(current);
  }
  return undefined;
}

/** The options of a union schema (after unwrapping), or an empty list. */
export function unionOptions(schema: Schema | undefined): readonly Schema[] {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  return def.type === 'union' ? (def.options ?? []) : [];
}

/** The keys an object schema allows (after unwrapping), or an empty list. */
export function objectKeys(schema: Schema | undefined): readonly string[] {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function keyedBranch(branches: Readonly<Record<string, Schema>>, value: unknown): Schema | undefined {
  if (!isRecord(value)) return undefined;
  const present = Object.keys(value).filter((key) => Object.hasOwn(branches, key));
  return present.length === 1 ? branches[present[0] as string] : undefined;
}

function unionBranch(schema: Schema, def: Def, segment: string | number, value: unknown): Schema | undefined {
  const kind = unionKind(schema);
  if (kind === 'condition') return keyedBranch(conditionBranches, value);
  if (kind === 'effect') return keyedBranch(effectBranches, value);
  const options = def.options ?? [];
  if (def.discriminator) {
    const tag = field(value, def.discriminator);
    return options.find((option) => {
      const shape = defOf(unwrap(option)).shape;
      const literal = shape?.[def.discriminator as string];
      return literal !== undefined && (literal._zod.def as { values?: unknown[] }).values?.includes(tag);
    });
  }
  return options.find((option) => {
    const inner = defOf(unwrap(option));
    return typeof segment === 'number' ? inner.type === 'array' : inner.type === 'object' && !!inner.shape?.[segment];
  });
}

function child(schema: Schema, segment: string | number, value: unknown): Schema | undefined {
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'object':
      return typeof segment === 'string' && def.shape && Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
    case 'array':
      return def.element;
    case 'record':
      return def.valueType;
    case 'union': {
      const branch = unionBranch(schema, def, segment, value);
      return branch ? child(branch, segment, value) : undefined;
    }
    default:
      return undefined;
  }
}

/** The schema at `path` below `schema` (given the input there), or undefined if it cannot be told. */
export function schemaAt(schema: Schema, path: readonly (string | number)[], input: unknown): Schema | undefined {
  let current: Schema | undefined = schema;
  let value = input;
  for (const segment of path) {
    if (!current) return undefined;
    current = child(current, segment, value);
    value = typeof segment === 'number' ? (Array.isArray(value) ? value[segment] : undefined) : field(value, segment);
  }
  return current;
}
