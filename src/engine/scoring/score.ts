/**
 * `score(pack, header, log)`: replays the run, plays the reference, applies
 * every stage's rules and weighs the stages. Pure and deterministic.
 */
import type { Pack } from '../pack/schema';
import { DEFAULT_STAGE_WEIGHTS, STAGES, type Stage } from '../pack/vocabulary';
import type { LogEntry, RunHeader } from '../types';
import { type ScoringContext, buildContext, harmAt } from './context';
import { round1 } from './lines';
import { containLines } from './rules/contain';
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
  const { reference, doNothing, error } = ctx.runs;
  const restart = reference ? restartsOf(ctx, reference.state)[0] : undefined;
  return {
    ...(reference ? { harm: harmAt(ctx.pack, reference, ctx.pack.clock.end) } : {}),
    ...(doNothing ? { doNothingHarm: harmAt(ctx.pack, doNothing, ctx.pack.clock.end) } : {}),
    ...(restart ? { restartAt: restart.at } : {}),
    ...(error ? { error } : {}),
  };
}

/** Weighs the lines of each stage; a stage with no line worth points gives its weight to the others. */
export function weighStages(pack: Pack, byStage: Readonly<Record<Stage, ScoreLine[]>>): { stages: Record<Stage, StageScore>; total: number } {
  const weights = stageWeights(pack);
  const sums = STAGES.map((stage) => {
    const lines = byStage[stage];
    return {
      stage,
      lines,
      points: Math.max(0, lines.reduce((a, l) => a + l.points, 0)),
      pointsMax: lines.reduce((a, l) => a + l.max, 0),
    };
  });
  const applicableWeight = sums.filter((s) => s.pointsMax > 0).reduce((a, s) => a + weights[s.stage], 0);
  let total = 0;
  const stages = {} as Record<Stage, StageScore>;
  for (const { stage, lines, points, pointsMax } of sums) {
    const max = pointsMax > 0 && applicableWeight > 0 ? (weights[stage] * 100) / applicableWeight : 0;
    const score = pointsMax > 0 ? (max * points) / pointsMax : 0;
    total += score;
    stages[stage] = { score: round1(score), max: round1(max), points: round1(points), pointsMax: round1(pointsMax), lines };
  }
  return { stages, total: round1(Math.min(100, total)) };
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
    version: 1,
    packId: ctx.pack.id,
    packVersion: ctx.pack.version,
    packHash: ctx.header.packHash,
    runId: ctx.header.runId,
    total,
    max: 100,
    stages,
    lines: STAGES.flatMap((s) => byStage[s]),
    reference: referenceFigures(ctx),
    scoredAt: ctx.now,
    ended: ctx.state.phase === 'ended',
    warnings: ctx.warnings,
  };
}
