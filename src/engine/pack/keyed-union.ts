/**
 * Fast parsing for the keyed unions (conditions, effects). A plain zod
 * union tries its branches in order, building issues for each one that
 * fails; a pack with thousands of conditions spends most of its validation
 * time there. When exactly one branch key is present, only that branch
 * can match, so it is run directly (and its own issues are the useful
 * ones). Anything else — no key, several keys, not a mapping — falls back
 * to the union's own parse. The schema (types, JSON Schema) is unchanged.
 *
 * This sets `_zod.parse`, zod 4's documented extension point for custom
 * schema types; `keyed-union.test.ts` checks that results match the plain union.
 */
import type { z } from 'zod';

type Internals = {
  parse: (payload: { value: unknown; issues: unknown[] }, ctx: unknown) => unknown;
  run: (payload: { value: unknown; issues: unknown[] }, ctx: unknown) => unknown;
};

/** Makes `union` dispatch on which key of `branches` its input has. Returns the same union. */
export function dispatchByKey<U extends z.ZodType>(union: U, branches: Readonly<Record<string, z.ZodType>>): U {
  const internals = union._zod as unknown as Internals;
  const fallback = internals.parse;
  const dispatch: Internals['parse'] = (payload, ctx) => {
    const value = payload.value;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      let only: string | undefined;
      let count = 0;
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(branches, key)) {
          only = key;
          count += 1;
        }
      }
      if (count === 1 && only !== undefined) return ((branches[only] as z.ZodType)._zod as unknown as Internals).run(payload, ctx);
    }
    return fallback(payload, ctx);
  };
  // Without checks zod sets `run` to the very `parse` function: replace both.
  if (internals.run === fallback) internals.run = dispatch;
  internals.parse = dispatch;
  return union;
}
