/**
 * Severity over time. The expected V-SEV at a moment follows the evidence
 * the team had received: each reference step applies from the moment the
 * first of its `evidence` injects reached the team in this run (or from its
 * `at`, for steps without evidence), and the step that applies is the last one
 * (in list order) reached so far. So a team is judged on its reading of what
 * it knew, and a branch the team caused (the press, a regulator's letter)
 * raises the expectation only when it happens.
 */
import type { Pack } from '../pack/schema';
import { DEFAULT_TEMPO_MINUTES, SEVERITY_DEFINITIONS, type SeverityLevel } from '../pack/vocabulary';
import type { RunState, SeverityRecord, SimMinutes } from '../types';
import { latest, START } from '../sim-minutes';

/** One step of a severity series: from `at` on, the level is `level` (0 = not classified). */
export type SeverityStep = { readonly at: SimMinutes; readonly level: number };

/** A reference step as it applied in one run. */
export type ExpectedStep = {
  /** Position in `reference.severity`. */
  readonly index: number;
  readonly level: SeverityLevel;
  /** Acceptable levels, ascending (always includes `level`). */
  readonly accept: readonly SeverityLevel[];
  readonly rationale: string;
  /** When the step became the one that applies. */
  readonly at: SimMinutes;
  /** The inject whose arrival made it apply (steps with evidence). */
  readonly evidence?: string;
};

/** When each reference step is reached in a run: its first evidence inject's arrival (not before `at`), or `at`. */
function reachedAt(step: Pack['reference']['severity'][number], state: RunState): { at: SimMinutes; evidence?: string } | undefined {
  if (step.evidence === undefined || step.evidence.length === 0) return { at: step.at ?? START };
  let best: { at: SimMinutes; evidence: string } | undefined;
  for (const id of step.evidence) {
    const fired = state.fired[id];
    if (fired !== undefined && (best === undefined || fired < best.at)) best = { at: fired, evidence: id };
  }
  if (best === undefined) return undefined;
  return { ...best, at: latest(best.at, step.at ?? START) };
}

/**
 * The expected severity of a run as a sequence of steps in time: each entry
 * is the step that applies from its `at` until the next entry.
 */
export function expectedSteps(pack: Pack, state: RunState): readonly ExpectedStep[] {
  const reached = pack.reference.severity
    .map((step, index) => ({ step, index, when: reachedAt(step, state) }))
    .filter((r): r is typeof r & { when: { at: SimMinutes; evidence?: string } } => r.when !== undefined)
    .sort((a, b) => a.when.at - b.when.at || a.index - b.index);
  const out: ExpectedStep[] = [];
  let current = -1;
  for (const r of reached) {
    if (r.index <= current) continue;
    current = r.index;
    const accept = [...new Set([r.step.level, ...(r.step.accept ?? [])])].sort((a, b) => a - b);
    const entry: ExpectedStep = {
      index: r.index, level: r.step.level, accept, rationale: r.step.rationale, at: r.when.at,
      ...(r.when.evidence === undefined ? {} : { evidence: r.when.evidence }),
    };
    // Two steps reached in the same minute: the later one applies.
    if (out.length > 0 && out[out.length - 1]!.at === entry.at) out[out.length - 1] = entry;
    else out.push(entry);
  }
  return out;
}

/** The step that applies at `at` (undefined before any step was reached). */
export function expectedAt(steps: readonly ExpectedStep[], at: SimMinutes): ExpectedStep | undefined {
  let found: ExpectedStep | undefined;
  for (const step of steps) {
    if (step.at > at) break;
    found = step;
  }
  return found;
}

/** How far a level is from a step's acceptable range: negative = under, positive = over, 0 = acceptable. */
export function gapTo(step: ExpectedStep, level: number): number {
  const low = step.accept[0]!;
  const high = step.accept[step.accept.length - 1]!;
  if (level < low) return level - low;
  if (level > high) return level - high;
  return 0;
}

/** The team's classifications that count: those made at or after awareness (earlier ones are guesses). */
export function countedClassifications(state: RunState, awareness: SimMinutes | undefined): readonly SeverityRecord[] {
  if (awareness === undefined) return [];
  return state.severity.filter((r) => r.at >= awareness);
}

/** The team's latest counted classification at `at` (0 when none yet). */
export function levelAt(records: readonly SeverityRecord[], at: SimMinutes): number {
  let level = 0;
  for (const record of records) {
    if (record.at > at) break;
    level = record.level;
  }
  return level;
}

/** The time allowed to classify at the given level (pack tempo, else the default). */
export function tempoFor(pack: Pack, level: SeverityLevel): SimMinutes {
  const key = String(level) as keyof NonNullable<Pack['reference']['tempo']>;
  return pack.reference.tempo?.[key] ?? DEFAULT_TEMPO_MINUTES[level];
}

/** "V3 Significant". */
export function levelName(level: number): string {
  if (level < 1 || level > 5) return 'not classified';
  return `V${level} ${SEVERITY_DEFINITIONS[level as SeverityLevel].name}`;
}

/** "V3 Significant" or "V3 Significant or V4 Critical". */
export function acceptWords(step: Pick<ExpectedStep, 'accept'>): string {
  return step.accept.map(levelName).join(' or ');
}

/** The team's severity as steps (starting at 0 = not classified). */
export function teamSteps(state: RunState): readonly SeverityStep[] {
  return [{ at: START, level: 0 }, ...state.severity.map((r) => ({ at: r.at, level: r.level }))];
}
