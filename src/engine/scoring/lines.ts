/**
 * Line constructors and the shared timing rule. Keeping the arithmetic here
 * keeps every rule's reason consistent with README.md.
 */
import type { Stage } from '../pack/vocabulary';
import type { SimMinutes } from '../types';
import type { ScoreLine } from './types';

/** Rounds to one decimal (the precision of every reported figure). */
export const round1 = (value: number): number => Math.round(value * 10) / 10 + 0;

/** Share of a timed line's max earned when the act came after its deadline. */
export const LATE_CREDIT = 0.5;

type LineArgs = {
  readonly stage: Stage;
  readonly id: string;
  readonly reason: string;
  readonly reference: string;
  readonly at?: SimMinutes | undefined;
};

const withAt = (args: LineArgs) => (args.at === undefined ? {} : { at: args.at });

/** An expectation worth `points` of `max`. */
export function scoreLine(args: LineArgs & { readonly points: number; readonly max: number }): ScoreLine {
  const points = round1(Math.min(args.max, Math.max(0, args.points)));
  return { stage: args.stage, id: args.id, kind: 'score', points, max: args.max, reason: args.reason, ...withAt(args), reference: args.reference };
}

/** A harmful act costing `cost` points (a positive number). */
export function penaltyLine(args: LineArgs & { readonly cost: number }): ScoreLine {
  return { stage: args.stage, id: args.id, kind: 'penalty', points: 0 - round1(args.cost), max: 0, reason: args.reason, ...withAt(args), reference: args.reference };
}

/** An expectation that does not apply to this run. */
export function notApplicableLine(args: LineArgs): ScoreLine {
  return { stage: args.stage, id: args.id, kind: 'not-applicable', points: 0, max: 0, reason: args.reason, ...withAt(args), reference: args.reference };
}

/** How a timed expectation went. */
export type Timeliness = 'on-time' | 'late' | 'never';

/** The timing rule: full `max` when done by the deadline, `LATE_CREDIT × max` when later, 0 when never. */
export function timedPoints(max: number, doneAt: SimMinutes | undefined, deadline: SimMinutes): { points: number; status: Timeliness } {
  if (doneAt === undefined) return { points: 0, status: 'never' };
  if (doneAt <= deadline) return { points: max, status: 'on-time' };
  return { points: max * LATE_CREDIT, status: 'late' };
}

/** "(−4 of 10)"-style suffix for partial credit, empty for full marks. */
export function deduction(points: number, max: number): string {
  const lost = round1(max - points);
  return lost > 0 ? ` (−${lost} of ${max})` : '';
}
