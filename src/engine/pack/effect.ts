/**
 * Effects: what injects, decision options and moves do to the run state.
 */
import { z } from 'zod';
import { idSchema } from './primitives';

/** An effect after parsing. */
export type Effect =
  | { readonly set: string; readonly to: number | boolean | string }
  | { readonly add: string; readonly by: number }
  | { readonly open: string }
  | { readonly fire: string };

/** Each effect branch keyed by its identifying property (see conditionBranches). */
export const effectBranches = {
  set: z.strictObject({ set: idSchema, to: z.union([z.number(), z.boolean(), z.string()]) }),
  add: z.strictObject({ add: idSchema, by: z.number() }),
  open: z.strictObject({ open: idSchema }),
  fire: z.strictObject({ fire: idSchema }),
} as const;

export type EffectKey = keyof typeof effectBranches;
export const EFFECT_KEYS = Object.keys(effectBranches) as EffectKey[];

/** Zod schema of one effect. */
export const effectSchema = z.union([
  effectBranches.set,
  effectBranches.add,
  effectBranches.open,
  effectBranches.fire,
]) as unknown as z.ZodType<Effect>;

/** A list of effects (at most 50). */
export const effectsSchema = z.array(effectSchema).max(50);
