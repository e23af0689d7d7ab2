/**
 * The score report: every point gained or lost is a line with a reason that
 * names the reference it was measured against. Plain JSON.
 */
import type { PackId } from '../pack/primitives';
import type { RunId } from '../types';
import type { Stage } from '../pack/vocabulary';
import type { SimMinutes } from '../types';

/**
 * What a line is:
 * - `score`: an expectation with `max > 0`, worth `points` of `max` stage points;
 * - `penalty`: a harmful act or a missed duty costing `-points` total points (`max = 0`; 0 when avoided);
 * - `not-applicable`: an expectation that did not apply in this run (`points = max = 0`); the reason says why.
 */
export type ScoreLineKind = 'score' | 'penalty' | 'not-applicable';

/** One explained scoring line. */
export type ScoreLine = {
  readonly stage: Stage;
  /** Stable id, e.g. `detect.severity.first`, `contain.required.suspend-model` (never shown to learners). */
  readonly id: string;
  readonly kind: ScoreLineKind;
  /** Stage points gained (score lines), or minus the total points it costs (penalties); one decimal at most. */
  readonly points: number;
  readonly max: number;
  /** Total points (of 100) the line is worth at full marks (score lines; set when the stages are weighed). */
  readonly worth: number;
  /** Total points (of 100) the line lost: `worth × (max − points) / max` for score lines, the cost for penalties. */
  readonly lost: number;
  /** Plain language: what happened, when, against which reference, and the points. */
  readonly reason: string;
  /** Scenario time the line is about (the act, or the missed deadline). */
  readonly at?: SimMinutes;
  /** What the line was measured against, in words (no internal ids). */
  readonly reference: string;
  /** What the reference did instead and why it matters (from the pack's reasons and rationales), when points were lost. */
  readonly lesson?: string;
  /** The act the line judges (an act key of the team run), so the debrief can annotate it. */
  readonly act?: string;
  /** Lines about the same thing share a topic (a missed obligation's line and its cost): one lesson each. */
  readonly topic?: string;
  /** The verdict on the act's deadline, for lines that judge one (one verdict per act). */
  readonly timing?: 'on-time' | 'late' | 'never';
  /** How late the act was (late acts). */
  readonly lateBy?: number;
};

/**
 * One stage's result. `max` is the stage's effective weight; `earned = max ×
 * points / pointsMax`; `score = earned − penalties` (may be negative: penalties
 * are never absorbed by a floor).
 */
export type StageScore = {
  /** Net weighted score (earned − penalties), one decimal. */
  readonly score: number;
  /** Weighted score of the stage's score lines, one decimal. */
  readonly earned: number;
  /** Total points lost to the stage's penalty lines, one decimal. */
  readonly penalties: number;
  /** Effective weight after normalisation and redistribution (one decimal). */
  readonly max: number;
  /** Sum of score-line points. */
  readonly points: number;
  /** Sum of line maxima (0 = stage not applicable; its weight went to the others). */
  readonly pointsMax: number;
  readonly lines: readonly ScoreLine[];
};

/** Reference figures the lines were measured against. */
export type ReferenceFigures = {
  /** Harm at the end of the reference run (undefined when the reference could not be played). */
  readonly harm?: number;
  /** Harm at the end of the "do nothing" run. */
  readonly doNothingHarm?: number;
  /** The extra harm beyond the reference at which the harm line reaches 0. */
  readonly harmScale?: number;
  /** First return to service in the reference run. */
  readonly restartAt?: SimMinutes;
  /** Why the reference timeline could not be played, if it could not. */
  readonly error?: string;
};

/** The whole score of a run. Same inputs → deep-equal report. */
export type ScoreReport = {
  readonly version: 2;
  readonly packId: PackId;
  readonly packVersion: string;
  readonly packHash: string;
  readonly runId: RunId;
  /** 0–100, one decimal: the sum of the unrounded net stage scores, floored at 0. */
  readonly total: number;
  readonly max: 100;
  readonly stages: Readonly<Record<Stage, StageScore>>;
  /** Every line, in stage order. */
  readonly lines: readonly ScoreLine[];
  readonly reference: ReferenceFigures;
  /** Scenario time the run had reached when it was scored. */
  readonly scoredAt: SimMinutes;
  /** Whether the run had ended. */
  readonly ended: boolean;
  /** Problems met while scoring (e.g. a log entry the engine refused); the score covers the part before it. */
  readonly warnings: readonly string[];
};
