/**
 * The pack self-check `vaim validate` runs: the pack's own reference response
 * must score near-perfect and doing nothing must score poorly, otherwise
 * either the reference timeline or the reference answers are inconsistent.
 */
import { playPolicy } from '../explore/policy';
import { greedyPolicies } from '../explore/policies';
import type { Pack } from '../pack/schema';
import { describeEntry, isScriptError, playScript, refusalReason } from '../script';
import { viewOf } from './context';
import { referenceWarnings } from './reference-checks';
import { referenceRuns } from './reference-runs';
import { score } from './score';
import type { ScoreReport } from './types';

/** The reference response must score at least this. */
export const REFERENCE_MIN_SCORE = 95;
/** A run that does nothing must score at most this (an error above it)… */
export const DO_NOTHING_MAX_SCORE = 30;
/** …and should score at most this (a warning above it). */
export const DO_NOTHING_WARN_SCORE = 15;
/** The seed the self-check plays with. */
export const SELF_CHECK_SEED = 1;

/** A located problem, shaped like the validator's issues. */
export type SelfCheckIssue = { readonly path: readonly (string | number)[]; readonly message: string; readonly severity: 'error' | 'warning' };

/** What the self-check found. Scores are undefined when the run could not be played. */
export type SelfCheckResult = {
  readonly referenceScore?: number;
  readonly doNothingScore?: number;
  /** The best score a greedy policy reached (every allowed act the moment it is allowed, in several variants). */
  readonly bestGreedy?: { readonly policy: string; readonly score: number };
  readonly issues: readonly SelfCheckIssue[];
};

/** The best greedy policy must stay at most this (a warning above: the scoring can be gamed by shotgun play). */
export const GREEDY_WARN_SCORE = 45;

/** The lines that lost points, worst first, for the message ("detect.r3ai 0/10: …"). */
function lostLines(report: ScoreReport, limit: number): string {
  const lost = report.lines
    .filter((l) => l.lost > 0)
    .sort((a, b) => b.lost - a.lost)
    .slice(0, limit)
    .map((l) => `−${l.lost}: ${l.reason}`);
  return lost.length ? ` Points lost: ${lost.join(' | ')}` : '';
}

/** The timeline entry the engine refuses, pointed at in the path's numbering, with what to change. */
function unplayableEntry(pack: Pack): SelfCheckIssue | undefined {
  try {
    playScript(pack, pack.reference.timeline, { seed: SELF_CHECK_SEED });
    return undefined;
  } catch (error) {
    if (!isScriptError(error)) return undefined;
    const entry = pack.reference.timeline[error.index];
    if (entry === undefined) return { path: ['reference', 'timeline'], severity: 'error', message: error.message };
    return {
      path: ['reference', 'timeline', error.index],
      severity: 'error',
      message: `This entry (${describeEntry(entry)}) cannot be played: ${refusalReason(entry, error.rejection, error.state)}`,
    };
  }
}

/** Scores the reference timeline and a do-nothing run of a (valid) pack. */
export function selfCheck(pack: Pack): SelfCheckResult {
  const runs = referenceRuns(pack, SELF_CHECK_SEED);
  const issues: SelfCheckIssue[] = [];
  let referenceScore: number | undefined;
  let doNothingScore: number | undefined;
  if (runs.reference) {
    const report = score(pack, runs.reference.header, runs.reference.log);
    referenceScore = report.total;
    if (report.total < REFERENCE_MIN_SCORE) {
      issues.push({
        path: ['reference', 'timeline'],
        severity: 'error',
        message: `The reference response scores ${report.total}, below ${REFERENCE_MIN_SCORE}: the reference timeline does not do what the reference expects.${lostLines(report, 8)}`,
      });
    }
  } else {
    issues.push(unplayableEntry(pack) ?? { path: ['reference', 'timeline'], severity: 'error', message: `The reference timeline cannot be played: ${runs.error ?? 'unknown error'}` });
  }
  if (runs.doNothing) {
    const report = score(pack, runs.doNothing.header, runs.doNothing.log);
    doNothingScore = report.total;
    if (report.total > DO_NOTHING_WARN_SCORE) {
      const earned = report.lines.filter((l) => l.points > 0).map((l) => `${l.reason} (+${l.worth - l.lost})`).join(' | ');
      const error = report.total > DO_NOTHING_MAX_SCORE;
      issues.push({
        path: ['reference'],
        severity: error ? 'error' : 'warning',
        message: `A run that does nothing (start, wait until the end) scores ${report.total}, above ${error ? DO_NOTHING_MAX_SCORE : DO_NOTHING_WARN_SCORE}: the reference rewards inaction. Points earned: ${earned}.`,
      });
    }
  }
  let bestGreedy: { policy: string; score: number } | undefined;
  if (runs.reference) {
    issues.push(...referenceWarnings(pack, viewOf(pack, runs.reference.state)));
    for (const policy of greedyPolicies()) {
      const run = playPolicy(pack, policy, SELF_CHECK_SEED);
      const total = score(pack, run.header, run.log).total;
      if (bestGreedy === undefined || total > bestGreedy.score) bestGreedy = { policy: policy.name, score: total };
    }
    if (bestGreedy && bestGreedy.score > GREEDY_WARN_SCORE) {
      issues.push({
        path: ['reference'], severity: 'warning',
        message: `the greedy policy “${bestGreedy.policy}” (every allowed act the moment it is allowed) scores ${bestGreedy.score}, above ${GREEDY_WARN_SCORE}: add the costs a shotgun response really incurs (over-reactions, unneeded filings, harmful traps) so it cannot game the scoring`,
      });
    }
  }
  return {
    ...(referenceScore === undefined ? {} : { referenceScore }),
    ...(doNothingScore === undefined ? {} : { doNothingScore }),
    ...(bestGreedy === undefined ? {} : { bestGreedy }),
    issues,
  };
}
