/** Small reusable schemas for pack fields. */
import { z } from 'zod';
import { DURATION_REGEX_SOURCE, parseDuration } from './duration';
import { MAX_SIM_MINUTES, simMinutes } from '../sim-minutes';

/** Names Windows reserves for devices: a folder called `con` or `lpt1` cannot be created there (pack ids name folders). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Ids: lower-case letters, digits, `-` and `_`, starting with a letter; at most 64 characters; not a Windows device name. */
export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be an id: lower-case letters, digits, "-" or "_", starting with a letter, at most 64 characters')
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

/** Plain text: non-empty, bounded. */
export const textSchema = z.string().trim().min(1, 'must not be empty').max(2_000);
/** Markdown text (untrusted; rendered sanitised): bounded. */
export const markdownSchema = z.string().max(50_000, 'is longer than 50,000 characters');
