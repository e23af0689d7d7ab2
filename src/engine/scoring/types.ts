/**
 * The score report: every point gained or lost is a line with a reason that
 * names the reference it was measured against. Plain JSON.
 */
import type { Stage } from '../pack/vocabulary';
import type { SimMinutes } from '../types';

/**
 * What a line is:
 * - `score`: an expectation with `max > 0`, worth `points` of `max`;
 * - `penalty`: a harmful act (forbidden move, move outside authority), `points < 0`, `max = 0`;
 * - `not-applicable`: an expectation that did not apply in this run (`points = max = 0`); the reason says why.
 */
export type ScoreLineKind = 'score' | 'penalty' | 'not-applicable';

/** One explained scoring line. */
export type ScoreLine = {
  readonly stage: Stage;
  /** Stable id, e.g. `detect.severity.first`, `contain.required.suspend-model`. */
  readonly id: string;
  readonly kind: ScoreLineKind;
  /** Points gained (negative for penalties), one decimal at most. */
  readonly points: number;
  readonly max: number;
  /** Plain language: what happened, when, against which reference, and the points. */
  readonly reason: string;
  /** Scenario time the line is about (the act, or the missed deadline). */
  readonly at?: SimMinutes;
  /** The reference the line was measured against, e.g. `reference.required[0]: suspend-model within 2h of start`. */
  readonly reference: string;
};

/** One stage's result. `max` is the stage's effective weight; `score = max × points / pointsMax`. */
export type StageScore = {
  /** Weighted score, rounded to one decimal. */
  readonly score: number;
  /** Effective weight after normalisation and redistribution (one decimal). */
  readonly max: number;
  /** Sum of line points, floored at 0. */
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
  /** First restart in the reference run. */
  readonly restartAt?: SimMinutes;
  /** Why the reference timeline could not be played, if it could not. */
  readonly error?: string;
};

/** The whole score of a run. Same inputs → deep-equal report. */
export type ScoreReport = {
  readonly version: 1;
  readonly packId: string;
  readonly packVersion: string;
  readonly packHash: string;
  readonly runId: string;
  /** 0–100, one decimal: the sum of the unrounded stage scores. */
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
