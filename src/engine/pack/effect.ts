/**
 * Effects: what injects, decision options and moves do to the run state.
 */
import { z } from 'zod';
import { decisionIdSchema, injectIdSchema, variableIdSchema, type DecisionId, type InjectId, type VariableId } from './primitives';

/** An effect after parsing. */
export type Effect =
  | { readonly set: VariableId; readonly to: number | boolean | string }
  | { readonly add: VariableId; readonly by: number }
  | { readonly open: DecisionId }
  | { readonly fire: InjectId };

/** Each effect branch keyed by its identifying property (see conditionBranches). */
export const effectBranches = {
  set: z
    .strictObject({ set: variableIdSchema, to: z.union([z.number(), z.boolean(), z.string()]) })
    .describe('Sets a variable (numbers are clamped to min/max; an enum takes one of its values)'),
  add: z.strictObject({ add: variableIdSchema, by: z.number() }).describe('Adds to a number variable (clamped to min/max)'),
  open: z.strictObject({ open: decisionIdSchema }).describe('Opens a decision prompt'),
  fire: z.strictObject({ fire: injectIdSchema }).describe('Fires an inject now, if it has not fired yet'),
} as const;

export type EffectKey = keyof typeof effectBranches;
export const EFFECT_KEYS = Object.keys(effectBranches) as EffectKey[];

/** Zod schema of one effect. */
export const effectSchema: z.ZodType<Effect> = z.union([effectBranches.set, effectBranches.add, effectBranches.open, effectBranches.fire]);

/** A list of effects (at most 50). */
export const effectsSchema = z.array(effectSchema).max(50);
