/**
 * Line constructors and the shared timing rule. Keeping the arithmetic here
 * keeps every rule's reason consistent with README.md.
 */
import type { Stage } from '../pack/vocabulary';
import { formatSpan } from '../time';
import type { SimMinutes } from '../types';
import { LATE_DECAY_SHARE, MIN_ALLOWANCE_MINUTES } from './points';
import type { ScoreLine } from './types';

/** Rounds to one decimal (the precision of every reported figure). */
export const round1 = (value: number): number => Math.round(value * 10) / 10 + 0;

type LineArgs = {
  readonly stage: Stage;
  readonly id: string;
  readonly reason: string;
  readonly reference: string;
  readonly at?: SimMinutes | undefined;
  /** What the reference did instead, or why it matters (for the debrief's lessons). */
  readonly lesson?: string | undefined;
  /** The act judged (an act key). */
  readonly act?: string | undefined;
  /** The verdict on the act's deadline. */
  readonly timing?: Timing | undefined;
  /** Lines about the same thing share a topic. */
  readonly topic?: string | undefined;
};

const optional = (args: LineArgs) => ({
  ...(args.at === undefined ? {} : { at: args.at }),
  ...(args.lesson === undefined || args.lesson === '' ? {} : { lesson: args.lesson }),
  ...(args.act === undefined ? {} : { act: args.act }),
  ...(args.timing === undefined ? {} : { timing: args.timing.status }),
  ...(args.timing?.status === 'late' ? { lateBy: args.timing.lateBy } : {}),
  ...(args.topic === undefined ? {} : { topic: args.topic }),
});

/** An expectation worth `points` of `max` stage points. */
export function scoreLine(args: LineArgs & { readonly points: number; readonly max: number }): ScoreLine {
  const points = round1(Math.min(args.max, Math.max(0, args.points)));
  return { stage: args.stage, id: args.id, kind: 'score', points, max: args.max, worth: 0, lost: 0, reason: args.reason, reference: args.reference, ...optional(args) };
}

/** A harmful act or a missed duty costing `cost` total points (a positive number; 0 for a penalty avoided). */
export function penaltyLine(args: LineArgs & { readonly cost: number }): ScoreLine {
  const cost = round1(args.cost);
  return { stage: args.stage, id: args.id, kind: 'penalty', points: 0 - cost, max: 0, worth: 0, lost: cost, reason: args.reason, reference: args.reference, ...optional(args) };
}

/** An expectation that does not apply to this run. */
export function notApplicableLine(args: LineArgs): ScoreLine {
  return { stage: args.stage, id: args.id, kind: 'not-applicable', points: 0, max: 0, worth: 0, lost: 0, reason: args.reason, reference: args.reference, ...optional(args) };
}

/** How a timed expectation went. */
export type Timeliness = 'on-time' | 'late' | 'never';

/** The verdict on one deadline: the share of credit earned and how late the act was. */
export type Timing = { readonly status: Timeliness; readonly share: number; readonly lateBy: number };

/**
 * The timing rule: full credit when done by the deadline; after it, credit
 * falls linearly and reaches 0 when the lateness equals the time that was
 * allowed (`allowance`, at least MIN_ALLOWANCE_MINUTES); never done → 0.
 */
export function timing(doneAt: SimMinutes | undefined, deadline: SimMinutes, allowance: number): Timing {
  if (doneAt === undefined) return { status: 'never', share: 0, lateBy: 0 };
  if (doneAt <= deadline) return { status: 'on-time', share: 1, lateBy: 0 };
  const lateBy = doneAt - deadline;
  const window = Math.max(MIN_ALLOWANCE_MINUTES, allowance) * LATE_DECAY_SHARE;
  return { status: 'late', share: Math.max(0, 1 - lateBy / window), lateBy };
}

/** "on time", "3h late (60% credit)", "never": the verdict in words. */
export function timingWords(t: Timing): string {
  if (t.status === 'on-time') return 'on time';
  if (t.status === 'never') return 'never done';
  return `${formatSpan(t.lateBy)} late (${Math.round(t.share * 100)}% credit)`;
}

/** "(−4 of 10)"-style suffix for partial credit, empty for full marks. */
export function deduction(points: number, max: number): string {
  const lost = round1(max - points);
  return lost > 0 ? ` (−${lost} of ${max})` : '';
}

/** "1 level" / "2 levels". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
