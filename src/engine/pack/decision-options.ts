/**
 * Which option ids a decision prompt accepts — one answer for the engine,
 * the pack's cross-checks and the decision form. A severity prompt always
 * accepts the five V-SEV levels (`v1`–`v5`) and an R3AI prompt the three
 * categories, whether or not the pack lists options (listed ones only
 * relabel and explain some of them); any other prompt accepts its own.
 */
import { fixedId } from './id-rule';
import type { OptionId } from './primitives';
import type { Decision } from './schema';
import { R3AI_CATEGORIES, SEVERITY_LEVELS, type R3aiCategory, type SeverityLevel } from './vocabulary';

/** The option id of a V-SEV level in a severity prompt (`v3`). */
export const severityOptionId = (level: SeverityLevel): OptionId => fixedId<'OptionId'>(`v${level}`);

/** The option id of an R3AI category in an R3AI prompt (the category itself). */
export const r3aiOptionId = (category: R3aiCategory): OptionId => fixedId<'OptionId'>(category);

/** The ids a severity prompt accepts, V1 to V5. */
export const SEVERITY_OPTION_IDS: readonly OptionId[] = SEVERITY_LEVELS.map(severityOptionId);

/** The ids an R3AI prompt accepts. */
export const R3AI_OPTION_IDS: readonly OptionId[] = R3AI_CATEGORIES.map(r3aiOptionId);

/** The fixed ids of a severity or R3AI prompt; undefined for a prompt whose options are its own. */
export function fixedOptionIds(kind: Decision['kind']): readonly OptionId[] | undefined {
  if (kind === 'severity') return SEVERITY_OPTION_IDS;
  if (kind === 'r3ai') return R3AI_OPTION_IDS;
  return undefined;
}

/** Every option id the prompt accepts, in the order it shows them. */
export function acceptedOptionIds(decision: Decision): readonly OptionId[] {
  return fixedOptionIds(decision.kind) ?? (decision.options ?? []).map((option) => option.id);
}
