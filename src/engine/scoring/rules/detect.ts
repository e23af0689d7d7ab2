/**
 * Detect: the first V-SEV against the reference severity at that moment,
 * the first R3AI category, time from awareness to classification, and
 * escalation each time the reference severity rises.
 */
import { type ScoringContext, actorTitle } from '../context';
import { formatSpan } from '../../time';
import { deduction, scoreLine, timedPoints } from '../lines';
import { POINTS } from '../points';
import { levelName, referenceLevelAt, referenceSteps, teamLevelAt, tempoFor } from '../severity';
import type { ScoreLine } from '../types';
import { commonLines } from './common';

/** When the team became aware: the first pack inject of stage `detect` that fired, else the start. */
export function awarenessAt(ctx: ScoringContext): { at: number; inject?: string } {
  let best: { at: number; inject?: string } | undefined;
  for (const inject of ctx.pack.injects) {
    const at = ctx.state.fired[inject.id];
    if (inject.stage === 'detect' && at !== undefined && (best === undefined || at < best.at)) best = { at, inject: inject.id };
  }
  return best ?? { at: 0 };
}

function firstSeverityLine(ctx: ScoringContext): ScoreLine {
  const first = ctx.state.severity[0];
  const max = POINTS.severityFirst;
  const base = { stage: 'detect' as const, id: 'detect.severity.first', max };
  if (!first) {
    return scoreLine({ ...base, points: 0, reason: 'No V-SEV classification was made.', reference: 'reference.severity' });
  }
  const ref = referenceLevelAt(ctx.pack, first.at);
  const reference = `reference.severity: ${levelName(ref)} at ${ctx.t(first.at)}`;
  const gap = first.level - ref;
  const levels = (n: number) => `${n} level${n === 1 ? '' : 's'}`;
  const points = gap === 0 ? max : max - (gap < 0 ? POINTS.underPerLevel * -gap : POINTS.overPerLevel * gap);
  const kept = Math.max(0, points);
  const verdict = gap === 0
    ? 'matching the reference'
    : gap < 0
      ? `under-classified by ${levels(-gap)}${deduction(kept, max)}`
      : `over-classified by ${levels(gap)}${deduction(kept, max)}`;
  const revised = ctx.state.severity.length > 1 ? ` Later revisions: ${ctx.state.severity.slice(1).map((r) => `V${r.level} at ${ctx.t(r.at)}`).join(', ')}.` : '';
  return scoreLine({
    ...base, points: kept, at: first.at, reference,
    reason: `First classification V${first.level} at ${ctx.t(first.at)} by ${actorTitle(first.by)}; the reference severity then was ${levelName(ref)} — ${verdict}.${revised}`,
  });
}

function r3aiLine(ctx: ScoringContext): ScoreLine {
  const expected = ctx.pack.reference.r3ai;
  const first = ctx.state.r3ai[0];
  const base = { stage: 'detect' as const, id: 'detect.r3ai', max: POINTS.r3ai, reference: `reference.r3ai: ${expected}` };
  if (!first) return scoreLine({ ...base, points: 0, reason: `No R3AI category was chosen; the reference category is ${expected}.` });
  const revisions = ctx.state.r3ai.slice(1).map((r) => `${r.category} at ${ctx.t(r.at)}`);
  const revised = revisions.length ? ` Revised later to ${revisions.join(', ')} (only the first choice is scored).` : '';
  const right = first.category === expected;
  return scoreLine({
    ...base, points: right ? POINTS.r3ai : 0, at: first.at,
    reason: `First R3AI category ${first.category} at ${ctx.t(first.at)} by ${actorTitle(first.by)}; the reference category is ${expected}${right ? ' — correct' : ' — not correct'}.${revised}`,
  });
}

function timeToClassifyLine(ctx: ScoringContext): ScoreLine {
  const aware = awarenessAt(ctx);
  const level = referenceLevelAt(ctx.pack, aware.at);
  const tempo = tempoFor(ctx.pack, level);
  const deadline = aware.at + tempo;
  const first = ctx.state.severity[0];
  const awareText = aware.inject ? `inject “${aware.inject}” at ${ctx.t(aware.at)}` : `the start (${ctx.t(0)})`;
  const { points, status } = timedPoints(POINTS.timeToClassify, first?.at, deadline);
  const demand = `the reference severity ${levelName(level)} demands classification within ${formatSpan(tempo)} of awareness (${awareText}), by ${ctx.t(deadline)}`;
  const elapsed = first ? formatSpan(Math.max(0, first.at - aware.at)) : '';
  const reason = status === 'never'
    ? `The team never classified; ${demand}.`
    : status === 'on-time'
      ? `Classified ${elapsed} after awareness, at ${ctx.t(first!.at)}; ${demand} — on time.`
      : `Classified ${elapsed} after awareness, at ${ctx.t(first!.at)}; ${demand} — late, half credit${deduction(points, POINTS.timeToClassify)}.`;
  return scoreLine({ stage: 'detect', id: 'detect.time-to-classify', points, max: POINTS.timeToClassify, at: first?.at ?? deadline, reason, reference: `tempo for ${levelName(level)}: ${formatSpan(tempo)}` });
}

/** When the team's latest severity first reached `level` at or after `from`. */
function reachedAt(ctx: ScoringContext, level: number, from: number): number | undefined {
  if (teamLevelAt(ctx.state, from) >= level) return from;
  return ctx.state.severity.find((r) => r.at > from && r.level >= level)?.at;
}

function escalationLines(ctx: ScoringContext): ScoreLine[] {
  const steps = referenceSteps(ctx.pack);
  const lines: ScoreLine[] = [];
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    if (!previous || step.level <= previous.level) return;
    const tempo = tempoFor(ctx.pack, step.level);
    const deadline = step.at + tempo;
    const reached = reachedAt(ctx, step.level, step.at);
    const { points, status } = timedPoints(POINTS.escalation, reached, deadline);
    const demand = `the reference severity rose to ${levelName(step.level)} at ${ctx.t(step.at)}; the team was expected at V${step.level} or above within ${formatSpan(tempo)} (by ${ctx.t(deadline)})`;
    const reason = status === 'never'
      ? `The team never reached V${step.level}: ${demand}.`
      : status === 'on-time'
        ? `The team was at V${step.level} or above by ${ctx.t(reached!)}: ${demand} — on time.`
        : `The team reached V${step.level} only at ${ctx.t(reached!)}: ${demand} — late, half credit${deduction(points, POINTS.escalation)}.`;
    lines.push(scoreLine({
      stage: 'detect', id: `detect.escalation.v${step.level}-at-${step.at}`, points, max: POINTS.escalation,
      at: reached ?? deadline, reason, reference: `reference.severity[${step.index}]: V${step.level} at ${ctx.t(step.at)}`,
    }));
  });
  return lines;
}

/** All Detect lines. */
export function detectLines(ctx: ScoringContext): ScoreLine[] {
  return [firstSeverityLine(ctx), r3aiLine(ctx), timeToClassifyLine(ctx), ...escalationLines(ctx), ...commonLines(ctx, 'detect')];
}
