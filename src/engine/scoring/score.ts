/**
 * `score(pack, header, log)`: replays the run, plays the reference, applies
 * every stage's rules and weighs the stages. Pure and deterministic.
 *
 * Score lines are weighed within their stage (a stage's lines share its
 * weight); penalty lines cost total points directly and are never absorbed
 * by a stage floor, so a stage's net score can be negative. The total is the
 * sum of the net stage scores, between 0 and 100.
 */
import type { Pack } from '../pack/schema';
import { DEFAULT_STAGE_WEIGHTS, STAGES, type Stage } from '../pack/vocabulary';
import type { LogEntry, RunHeader } from '../types';
import { type ScoringContext, buildContext, harmAt } from './context';
import { round1 } from './lines';
import { containLines, harmScale } from './rules/contain';
import { detectLines } from './rules/detect';
import { governLines } from './rules/govern';
import { learnLines } from './rules/learn';
import { prepareLines } from './rules/prepare';
import { recoverLines, restartsOf } from './rules/recover';
import type { ReferenceFigures, ScoreLine, ScoreReport, StageScore } from './types';

const RULES: Readonly<Record<Stage, (ctx: ScoringContext) => ScoreLine[]>> = {
  prepare: prepareLines,
  detect: detectLines,
  contain: containLines,
  govern: governLines,
  recover: recoverLines,
  learn: learnLines,
};

/**
 * Stage weights summing to 100: the pack's `weights` (a stage it leaves out
 * takes its default), else DEFAULT_STAGE_WEIGHTS; all zero → the defaults.
 */
export function stageWeights(pack: Pack): Readonly<Record<Stage, number>> {
  const raw = STAGES.map((s) => pack.weights?.[s] ?? DEFAULT_STAGE_WEIGHTS[s]);
  const sum = raw.reduce((a, b) => a + b, 0);
  const weights = sum > 0 ? raw : STAGES.map((s) => DEFAULT_STAGE_WEIGHTS[s]);
  const total = weights.reduce((a, b) => a + b, 0);
  return Object.fromEntries(STAGES.map((s, i) => [s, (weights[i]! * 100) / total])) as Record<Stage, number>;
}

function referenceFigures(ctx: ScoringContext): ReferenceFigures {
  const { reference, doNothing } = ctx;
  const restart = reference ? restartsOf(ctx.pack, reference).find((r) => r.unmet.length === 0) : undefined;
  const scale = harmScale(ctx, ctx.pack.metrics.harm, ctx.pack.metrics.harmScale);
  const end = ctx.pack.clock.end;
  return {
    ...(reference ? { harm: harmAt(ctx.pack, reference.state, ctx.pack.metrics.harm, end) } : {}),
    ...(doNothing ? { doNothingHarm: harmAt(ctx.pack, doNothing.state, ctx.pack.metrics.harm, end) } : {}),
    ...(scale !== undefined ? { harmScale: scale } : {}),
    ...(restart ? { restartAt: restart.at } : {}),
    ...(ctx.runs.error ? { error: ctx.runs.error } : {}),
  };
}

/**
 * Weighs the lines of each stage. A stage with no line worth points gives
 * its weight to the others (its penalties still cost). Fills each line's
 * `worth` and `lost` in total points.
 */
export function weighStages(pack: Pack, byStage: Readonly<Record<Stage, ScoreLine[]>>): { stages: Record<Stage, StageScore>; total: number } {
  const weights = stageWeights(pack);
  const sums = STAGES.map((stage) => {
    const lines = byStage[stage];
    const scored = lines.filter((l) => l.kind === 'score');
    return {
      stage,
      lines,
      points: scored.reduce((a, l) => a + l.points, 0),
      pointsMax: scored.reduce((a, l) => a + l.max, 0),
      penalties: lines.filter((l) => l.kind === 'penalty').reduce((a, l) => a - l.points, 0),
    };
  });
  const applicableWeight = sums.filter((s) => s.pointsMax > 0).reduce((a, s) => a + weights[s.stage], 0);
  let total = 0;
  const stages = {} as Record<Stage, StageScore>;
  for (const { stage, lines, points, pointsMax, penalties } of sums) {
    const max = pointsMax > 0 && applicableWeight > 0 ? (weights[stage] * 100) / applicableWeight : 0;
    const perPoint = pointsMax > 0 ? max / pointsMax : 0;
    const earned = points * perPoint;
    total += earned - penalties;
    const weighed = lines.map((l) =>
      l.kind === 'score' ? { ...l, worth: round1(l.max * perPoint), lost: round1((l.max - l.points) * perPoint) } : l,
    );
    stages[stage] = {
      score: round1(earned - penalties), earned: round1(earned), penalties: round1(penalties),
      max: round1(max), points: round1(points), pointsMax: round1(pointsMax), lines: weighed,
    };
  }
  return { stages, total: round1(Math.max(0, Math.min(100, total))) };
}

/** Scores a run against the pack's reference. Never throws for a valid pack; problems go to `warnings`. */
export function score(pack: Pack, header: RunHeader, log: readonly LogEntry[]): ScoreReport {
  return scoreContext(buildContext(pack, header, log));
}

/** Scores an already built context (the debrief reuses its context). */
export function scoreContext(ctx: ScoringContext): ScoreReport {
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, RULES[stage](ctx)])) as Record<Stage, ScoreLine[]>;
  const { stages, total } = weighStages(ctx.pack, byStage);
  return {
    version: 2,
    packId: ctx.pack.id,
    packVersion: ctx.pack.version,
    packHash: ctx.header.packHash,
    runId: ctx.header.runId,
    total,
    max: 100,
    stages,
    lines: STAGES.flatMap((s) => stages[s].lines),
    reference: referenceFigures(ctx),
    scoredAt: ctx.now,
    ended: ctx.state.phase === 'ended',
    warnings: ctx.warnings,
  };
}
