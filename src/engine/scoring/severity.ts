/**
 * Severity over time: the reference step function and the team's.
 */
import type { Pack } from '../pack/schema';
import { DEFAULT_TEMPO_MINUTES, SEVERITY_DEFINITIONS, type SeverityLevel } from '../pack/vocabulary';
import type { RunState, SimMinutes } from '../types';

/** One step of a severity series: from `at` on, the level is `level` (0 = not classified). */
export type SeverityStep = { readonly at: SimMinutes; readonly level: number };

/** The reference severity steps, sorted by time (stable for equal times). */
export function referenceSteps(pack: Pack): readonly (Pack['reference']['severity'][number] & { index: number })[] {
  return pack.reference.severity
    .map((step, index) => ({ ...step, index }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
}

/**
 * The reference severity at `at`: the last step at or before it; before the
 * first step, the first step's level (a team may classify before the
 * reference says the incident began, and is then measured against its first level).
 */
export function referenceLevelAt(pack: Pack, at: SimMinutes): SeverityLevel {
  const steps = referenceSteps(pack);
  let level = steps[0]!.level;
  for (const step of steps) {
    if (step.at > at) break;
    level = step.level;
  }
  return level;
}

/** The team's latest classification at `at` (0 when none yet). */
export function teamLevelAt(state: RunState, at: SimMinutes): number {
  let level = 0;
  for (const record of state.severity) {
    if (record.at > at) break;
    level = record.level;
  }
  return level;
}

/** The time allowed to classify at the given reference level (pack tempo, else the default). */
export function tempoFor(pack: Pack, level: SeverityLevel): number {
  const key = String(level) as keyof NonNullable<Pack['reference']['tempo']>;
  return pack.reference.tempo?.[key] ?? DEFAULT_TEMPO_MINUTES[level];
}

/** "V3 Significant". */
export function levelName(level: number): string {
  if (level < 1 || level > 5) return 'not classified';
  return `V${level} ${SEVERITY_DEFINITIONS[level as SeverityLevel].name}`;
}

/** The team's severity as steps (starting at 0 = not classified). */
export function teamSteps(state: RunState): readonly SeverityStep[] {
  return [{ at: 0, level: 0 }, ...state.severity.map((r) => ({ at: r.at, level: r.level }))];
}
