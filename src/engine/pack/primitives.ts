/** Small reusable schemas for pack fields. */
import { z } from 'zod';
import { DURATION_REGEX_SOURCE, parseDuration } from './duration';
import { MAX_SIM_MINUTES, simMinutes } from '../sim-minutes';
import { ID_PATTERN, WINDOWS_RESERVED } from './id-rule';

/** Ids: lower-case letters, digits, `-` and `_`, starting with a letter; at most 64 characters; not a Windows device name. */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, 'must be an id: lower-case letters, digits, "-" or "_", starting with a letter, at most 64 characters')
  .refine((id) => !WINDOWS_RESERVED.test(id), {
    message: 'is a name Windows reserves for a device (con, prn, aux, nul, com0–com9, lpt0–lpt9); choose another id',
  });

/**
 * A pack's id: an id (above) branded, so the library, sessions and IPC can
 * only be handed one that came out of a validated pack or a checked argument.
 */
export const packIdSchema = idSchema.brand<'PackId'>();

/** A pack's id, checked. */
export type PackId = z.infer<typeof packIdSchema>;

/**
 * The id of a move in a pack's catalogue, branded: every place that names a
 * move (the catalogue, references, conditions, `move.make`) takes one from the
 * schema, so a variable, inject or decision id cannot be passed for it.
 */
export const moveIdSchema = idSchema.brand<'MoveId'>();

/** A move's id, checked. */
export type MoveId = z.infer<typeof moveIdSchema>;

/** The id of a decision prompt in a pack, branded like a move id (prompts, `opens`, `open` effects, conditions, `decision.answer`). */
export const decisionIdSchema = idSchema.brand<'DecisionId'>();

/** A decision prompt's id, checked. */
export type DecisionId = z.infer<typeof decisionIdSchema>;

/** The id of an inject (a pack's, or a facilitator's ad-hoc one), branded like a move id. */
export const injectIdSchema = idSchema.brand<'InjectId'>();

/** An inject's id, checked. */
export type InjectId = z.infer<typeof injectIdSchema>;

/** The id of a pack variable (number, boolean or enum), branded: conditions, effects, accrual rates and harm metrics name one. */
export const variableIdSchema = idSchema.brand<'VariableId'>();

/** A variable's id, checked. */
export type VariableId = z.infer<typeof variableIdSchema>;

/** The id of a regulatory obligation in a pack, branded (the obligation condition and the run's regulatory clocks). */
export const obligationIdSchema = idSchema.brand<'ObligationId'>();

/** An obligation's id, checked. */
export type ObligationId = z.infer<typeof obligationIdSchema>;

/** The id of an option of a decision prompt, branded (options, `best`, the `chose` condition, `decision.answer`). */
export const optionIdSchema = idSchema.brand<'OptionId'>();

/** A decision option's id, checked. */
export type OptionId = z.infer<typeof optionIdSchema>;

/** The id of a recovery criterion, branded (the criteria, and the unmet ones a return to service records). */
export const criterionIdSchema = idSchema.brand<'CriterionId'>();

/** A recovery criterion's id, checked. */
export type CriterionId = z.infer<typeof criterionIdSchema>;

/** The id of a readiness checklist item, branded (the pack's list or the default one, the condition, `readiness.set`). */
export const readinessIdSchema = idSchema.brand<'ReadinessId'>();

/** A readiness item's id, checked. */
export type ReadinessId = z.infer<typeof readinessIdSchema>;

/** The id of a TRACE choice: a root-cause candidate, a correction or an evolution (`trace.rootCause`, `trace.select`). */
export const traceChoiceIdSchema = idSchema.brand<'TraceChoiceId'>();

/** A TRACE choice's id, checked. */
export type TraceChoiceId = z.infer<typeof traceChoiceIdSchema>;

/** The id of an action item the team writes in the debrief (`trace.actionItem.add` / `.remove`). */
export const actionItemIdSchema = idSchema.brand<'ActionItemId'>();

/** An action item's id, checked. */
export type ActionItemId = z.infer<typeof actionItemIdSchema>;

/** The longest duration a pack may give (about 19 years), as numbers or strings. */
export const MAX_DURATION_MINUTES = MAX_SIM_MINUTES;

/** A duration in scenario minutes: a whole number, or a string like "15d", "72h", "1h 30m". */
export const durationSchema = z
  .union([
    z.number().int('must be a whole number of minutes').nonnegative('must not be negative').max(MAX_DURATION_MINUTES),
    z.string().regex(new RegExp(DURATION_REGEX_SOURCE), 'must be a duration like 90, "90m", "72h", "15d" or "1d 2h 30m"'),
  ])
  .transform((value, ctx) => {
    if (typeof value === 'number') return simMinutes(value);
    const minutes = parseDuration(value);
    if (minutes === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a duration like 90, "90m", "72h", "15d" or "1d 2h 30m"' });
      return z.NEVER;
    }
    if (minutes > MAX_DURATION_MINUTES) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_DURATION_MINUTES} minutes (about 19 years)` });
      return z.NEVER;
    }
    return simMinutes(minutes);
  });

/** Scenario minutes carried by a command (`clock.advance`): whole, not negative, within the longest scenario. */
export const simMinutesSchema = z
  .number()
  .int()
  .nonnegative()
  .max(MAX_SIM_MINUTES)
  .transform((n) => simMinutes(n));

/** Plain text: non-empty, bounded. */
export const textSchema = z.string().trim().min(1, 'must not be empty').max(2_000);
/** Markdown text (untrusted; rendered sanitised): bounded. */
export const markdownSchema = z.string().max(50_000, 'is longer than 50,000 characters');
