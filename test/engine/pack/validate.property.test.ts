import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossCheckPack } from '../../../src/engine/pack/cross-check';
import { readPackParts } from '../../../src/engine/pack/pack-parts';
import { packSchema } from '../../../src/engine/pack/schema';
import { validatePack } from '../../../src/engine/pack/validate';
import { minimalPackInput } from './minimal-pack';

type Path = readonly (string | number)[];

/** Every path to a value inside `value` (objects and lists included). */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

const BASE = minimalPackInput();
const PATHS = pathsOf(BASE).filter((path) => path.length > 0);
const ID_PATHS = PATHS.filter((path) => path[path.length - 1] === 'id');

/** A nested structure up to ~90 levels deep (beyond the validator's depth limit). */
const deepValue = fc.integer({ min: 1, max: 90 }).chain((depth) =>
  fc.array(fc.constantFrom('not', 'all', 'list', 'x'), { minLength: depth, maxLength: depth }).map((steps) => {
    let value: unknown = { move: 'suspend-model' };
    for (const step of steps) value = step === 'list' ? [value] : step === 'all' ? { all: [value] } : { [step]: value };
    return value;
  }),
);

type Mutation =
  | { readonly kind: 'delete'; readonly path: Path }
  | { readonly kind: 'replace'; readonly path: Path; readonly value: unknown }
  | { readonly kind: 'duplicate'; readonly path: Path }
  | { readonly kind: 'rename'; readonly path: Path; readonly id: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...PATHS), value: fc.oneof(fc.jsonValue({ maxDepth: 4 }), deepValue) }),
  fc.record({ kind: fc.constant('duplicate' as const), path: fc.constantFrom(...PATHS.filter((p) => typeof p[p.length - 1] === 'number')) }),
  fc.record({ kind: fc.constant('rename' as const), path: fc.constantFrom(...ID_PATHS), id: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('suspend-model', 'complaint', 'v3')) }),
);

function apply(pack: Record<string, unknown>, m: Mutation): void {
  const parent = m.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], pack) as
    | Record<string | number, unknown>
    | unknown[]
    | undefined;
  const key = m.path[m.path.length - 1] as string | number;
  if (!parent || typeof parent !== 'object') return;
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete (parent as Record<string | number, unknown>)[key];
      return;
    case 'replace':
      (parent as Record<string | number, unknown>)[key] = m.value;
      return;
    case 'duplicate':
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 0, structuredClone(parent[key]));
      return;
    case 'rename':
      (parent as Record<string | number, unknown>)[key] = m.id;
      return;
  }
}

describe('validatePack under random damage (property)', () => {
  it('never throws; every rejection has a path and a message; every accepted pack is valid input again', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const pack = structuredClone(BASE);
        for (const m of mutations) apply(pack, m);
        const result = validatePack(pack);
        if (result.ok) {
          const again = validatePack(JSON.parse(JSON.stringify(result.value.pack)));
          expect(again.ok).toBe(true);
          return;
        }
        expect(result.error.length).toBeGreaterThan(0);
        expect(result.error.some((issue) => issue.severity === 'error')).toBe(true);
        for (const issue of result.error) {
          expect(Array.isArray(issue.path)).toBe(true);
          expect(issue.path.every((segment) => typeof segment === 'string' || typeof segment === 'number')).toBe(true);
          expect(issue.message.length).toBeGreaterThan(0);
          expect(issue.message).not.toMatch(/^Invalid input|internal error/);
          expect(['error', 'warning']).toContain(issue.severity);
        }
      }),
      { numRuns: 2500, seed: 20271206 },
    );
  });

  it('cross-checks never report inside a list entry the schema rejects (only duplicate keys, which read on their own)', () => {
    const startsWith = (path: Path, prefix: Path) => prefix.every((segment, i) => path[i] === segment);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const pack = structuredClone(BASE);
        for (const m of mutations) apply(pack, m);
        const parsed = packSchema.safeParse(pack);
        const schemaPaths = parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.filter((s) => typeof s !== 'symbol'));
        for (const issue of crossCheckPack(readPackParts(pack))) {
          if (issue.message.startsWith('duplicate ')) continue;
          const entries = issue.path.map((_, i) => issue.path.slice(0, i + 1)).filter((prefix) => typeof prefix[prefix.length - 1] === 'number');
          for (const entry of entries) expect(schemaPaths.filter((path) => startsWith(path, entry)), `${issue.message} at ${entry.join('.')}`).toEqual([]);
        }
      }),
      { numRuns: 1000, seed: 20271207 },
    );
  });

  it('never throws on arbitrary JSON, whatever its shape', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), deepValue, fc.dictionary(fc.constantFrom('format', 'id', 'injects', 'moves', 'clock', 'reference'), fc.jsonValue({ maxDepth: 4 }))), (value) => {
        const result = validatePack(value);
        expect(result.ok).toBe(false);
        if (!result.ok) for (const issue of result.error) expect(issue.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});
