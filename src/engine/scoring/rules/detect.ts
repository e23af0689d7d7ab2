/**
 * Detect: when the team became aware against the reference, its first V-SEV
 * on the evidence it had, its severity over the incident, the first R3AI
 * category, the time from awareness to classification and escalation each
 * time the evidence raised the expected severity. Classifications made
 * before any signal reached the team are guesses and earn nothing.
 */
import { DEFAULT_TEMPO_MINUTES, type R3aiCategory } from '../../pack/vocabulary';
import { formatSpan } from '../../time';
import { actorTitle } from '../acts';
import type { ScoringContext } from '../context';
import { deduction, notApplicableLine, penaltyLine, plural, round1, scoreLine, timing, timingWords } from '../lines';
import { COSTS, POINTS, TRACK_GRACE_TEMPOS, TRACK_OVER_PER_LEVEL, TRACK_SETTLE_MINUTES, TRACK_UNDER_PER_LEVEL, TRACK_WINDOW_MINUTES } from '../points';
import { acceptWords, countedClassifications, expectedAt, gapTo, levelAt, levelName, tempoFor } from '../severity';
import type { ScoreLine } from '../types';
import { commonLines, commonPenalties } from './common';
import { after, between, earliest, latest, scaled, type SimMinutes } from '../../sim-minutes';

const injectTitle = (ctx: ScoringContext, id: string) => `“${ctx.pack.injects.find((i) => i.id === id)?.title ?? 'a signal'}”`;

/** The reference categories: the first is the primary, all are acceptable. */
export function r3aiCategories(ctx: Pick<ScoringContext, 'pack'>): readonly R3aiCategory[] {
  const r = ctx.pack.reference.r3ai;
  return typeof r === 'string' ? [r] : r;
}

function discoveryLine(ctx: ScoringContext): ScoreLine | undefined {
  const ref = ctx.reference?.awareness;
  if (ref === undefined) return undefined;
  const team = ctx.team.awareness;
  const step = expectedAt(ctx.reference!.expected, ref.at);
  const tempo = step ? tempoFor(ctx.pack, step.level) : DEFAULT_TEMPO_MINUTES[4];
  const t = timing(team?.at, after(ref.at, tempo), tempo);
  const base = { stage: 'detect' as const, id: 'detect.discovery', max: POINTS.discovery, reference: `Reference: aware at ${ctx.t(ref.at)} (${injectTitle(ctx, ref.inject)})` };
  const points = POINTS.discovery * t.share;
  if (team === undefined) {
    return scoreLine({ ...base, points: 0, reason: `The team never received a signal of the incident; a prepared organisation becomes aware at ${ctx.t(ref.at)} through ${injectTitle(ctx, ref.inject)}.`, lesson: 'Readiness decides how early the first signal arrives: monitoring, a clear escalation path and people who act on what they see.' });
  }
  return scoreLine({
    ...base, points, at: team.at,
    reason: `The team became aware at ${ctx.t(team.at)} through ${injectTitle(ctx, team.inject)}; a prepared organisation is aware at ${ctx.t(ref.at)} — ${timingWords(t)}${deduction(points, POINTS.discovery)}.`,
    ...(points < POINTS.discovery ? { lesson: `The reference organisation learns of the incident at ${ctx.t(ref.at)} through ${injectTitle(ctx, ref.inject)}: its readiness (monitoring, escalation) is what brings the signal early.` } : {}),
  });
}

function firstSeverityLine(ctx: ScoringContext, aware: SimMinutes | undefined): ScoreLine {
  const counted = countedClassifications(ctx.state, aware);
  const guesses = ctx.state.severity.filter((r) => aware === undefined || r.at < aware);
  const guessText = guesses.length ? ` ${plural(guesses.length, 'classification')} made before any signal reached the team ${guesses.length === 1 ? 'is' : 'are'} a guess and not counted.` : '';
  const base = { stage: 'detect' as const, id: 'detect.severity.first', max: POINTS.severityFirst };
  const first = counted[0];
  if (!first) {
    return scoreLine({ ...base, points: 0, reference: 'Reference: a V-SEV classification once the first signal arrives', reason: `No V-SEV classification was made after the first signal.${guessText}`, lesson: 'Classify as soon as a credible signal arrives: severity sets the tempo and who must be told.' });
  }
  const step = expectedAt(ctx.team.expected, first.at);
  if (!step) return notApplicableLine({ ...base, reference: 'Reference severity', reason: 'No reference severity applies at the time of the first classification.' });
  const gap = gapTo(step, first.level);
  const points = gap === 0 ? POINTS.severityFirst : POINTS.severityFirst - (gap < 0 ? POINTS.underPerLevel * -gap : POINTS.overPerLevel * gap);
  const kept = Math.max(0, points);
  const verdict = gap === 0 ? 'right for the evidence the team had' : gap < 0 ? `under-classified by ${plural(-gap, 'level')}` : `over-classified by ${plural(gap, 'level')}`;
  const evidence = step.evidence ? ` (after ${injectTitle(ctx, step.evidence)})` : '';
  return scoreLine({
    ...base, points: kept, at: first.at, reference: `Reference: ${acceptWords(step)}${evidence}`,
    reason: `First classification V${first.level} at ${ctx.t(first.at)} by ${actorTitle(first.by)}; on the evidence then${evidence} the reference expects ${acceptWords(step)} — ${verdict}${deduction(kept, POINTS.severityFirst)}.${guessText}`,
    ...(gap !== 0 ? { lesson: step.rationale.trim() } : {}),
  });
}

/**
 * The team's severity over the incident: from awareness + one tempo, for at
 * least three days and until a day past the last new evidence (never past the
 * point the run reached), each minute under-classified by n levels counts as
 * n × 0.5 of a wrong minute, over-classified as n × 0.25 (at most 1). A
 * severity misread for long is more than a wrong label: the incident policy's
 * tempo, escalation and oversight never engage — so besides the line, the
 * level-minutes misread cost total points (8 per level under, 3 per level
 * over, for the whole incident; at most 30), not absorbed by Detect's weight.
 */
function trackLines(ctx: ScoringContext, aware: SimMinutes | undefined): ScoreLine[] {
  if (aware === undefined) return [];
  const steps = ctx.team.expected;
  const atAware = expectedAt(steps, aware);
  if (!atAware) return [];
  const from = earliest(ctx.now, after(aware, scaled(tempoFor(ctx.pack, atAware.level), TRACK_GRACE_TEMPOS)));
  // Followed while the severity matters: at least TRACK_WINDOW_MINUTES from there, and a day past the last evidence
  // that changed what it should be. Over the whole of a long scenario a day misread on the first, critical day
  // weighed a few per cent.
  const lastEvidence = steps.filter((s) => s.at < ctx.now).at(-1)?.at ?? aware;
  const until = earliest(ctx.now, latest(after(from, TRACK_WINDOW_MINUTES), after(lastEvidence, TRACK_SETTLE_MINUTES)));
  const span = between(from, until);
  const base = { stage: 'detect' as const, id: 'detect.severity.track', max: POINTS.severityTrack, reference: 'Reference: the expected severity as the evidence arrived' };
  if (span <= 0) return [notApplicableLine({ ...base, reason: 'The run ended before the severity could be followed over time.' })];
  const counted = countedClassifications(ctx.state, aware);
  // Breakpoints: every expected step and every counted classification.
  const times = [...new Set([from, ...steps.map((s) => s.at), ...counted.map((r) => r.at)].filter((x) => x >= from && x < until))].sort((a, b) => a - b);
  let wrong = 0;
  let under = 0;
  let over = 0;
  let cost = 0;
  times.forEach((start, i) => {
    const end = times[i + 1] ?? until;
    const step = expectedAt(steps, start);
    if (!step) return;
    const gap = gapTo(step, levelAt(counted, start));
    const share = Math.min(1, gap < 0 ? -gap * TRACK_UNDER_PER_LEVEL : gap * TRACK_OVER_PER_LEVEL);
    wrong += share * (end - start);
    if (gap < 0) under += end - start;
    if (gap > 0) over += end - start;
    cost += ((end - start) / span) * (gap < 0 ? -gap * COSTS.misreadUnderPerLevel : gap * COSTS.misreadOverPerLevel);
  });
  cost = Math.min(COSTS.misreadCap, cost);
  const points = POINTS.severityTrack * (1 - wrong / span);
  const parts = [under > 0 ? `under-classified for ${formatSpan(under)}` : '', over > 0 ? `over-classified for ${formatSpan(over)}` : ''].filter(Boolean);
  const worst = steps.find((s) => s.at < until && gapTo(s, levelAt(counted, latest(s.at, from))) !== 0);
  const lesson = worst && parts.length ? `From ${ctx.t(worst.at)} the evidence called for ${acceptWords(worst)}: ${worst.rationale.trim()}` : undefined;
  const line = scoreLine({
    ...base, points, at: from, topic: 'severity',
    reason: parts.length === 0
      ? `From ${ctx.t(from)} to ${ctx.t(until)} the team's severity matched what the evidence called for.`
      : `From ${ctx.t(from)} to ${ctx.t(until)} (${formatSpan(span)}) the team was ${parts.join(' and ')} against what the evidence called for${deduction(points, POINTS.severityTrack)}.`,
    lesson,
  });
  if (round1(cost) <= 0) return [line];
  return [line, penaltyLine({
    stage: 'detect', id: 'detect.severity.misread', at: from, cost, topic: 'severity', reference: base.reference, lesson,
    reason: `A severity ${parts.join(' and ')} over ${formatSpan(span)} keeps the incident policy's tempo and escalation from engaging: ${COSTS.misreadUnderPerLevel} points per level under and ${COSTS.misreadOverPerLevel} per level over, for the share of the incident misread (−${round1(cost)}).`,
  })];
}

function r3aiLine(ctx: ScoringContext, aware: SimMinutes | undefined): ScoreLine {
  const accepted = r3aiCategories(ctx);
  const counted = ctx.state.r3ai.filter((r) => aware !== undefined && r.at >= aware);
  const first = counted[0];
  const base = { stage: 'detect' as const, id: 'detect.r3ai', max: POINTS.r3ai, reference: `Reference: ${accepted.join(' or ')}` };
  const lesson = ctx.pack.reference.r3aiRationale?.trim();
  if (!first) return scoreLine({ ...base, points: 0, reason: `No R3AI category was chosen after the first signal; the reference category is ${accepted.join(' or ')}.`, lesson });
  const revisions = counted.slice(1).map((r) => `${r.category} at ${ctx.t(r.at)}`);
  const revised = revisions.length ? ` Revised later to ${revisions.join(', ')} (only the first choice is scored).` : '';
  const right = accepted.includes(first.category);
  return scoreLine({
    ...base, points: right ? POINTS.r3ai : 0, at: first.at,
    reason: `First R3AI category ${first.category} at ${ctx.t(first.at)} by ${actorTitle(first.by)}; the reference category is ${accepted.join(' or ')} — ${right ? 'correct' : 'not correct'}.${revised}`,
    ...(right ? {} : { lesson }),
  });
}

function timeToClassifyLine(ctx: ScoringContext, aware: SimMinutes | undefined): ScoreLine | undefined {
  if (aware === undefined) return undefined;
  const step = expectedAt(ctx.team.expected, aware);
  if (!step) return undefined;
  const tempo = tempoFor(ctx.pack, step.level);
  const deadline = after(aware, tempo);
  const first = countedClassifications(ctx.state, aware)[0];
  const t = timing(first?.at, deadline, tempo);
  const points = POINTS.timeToClassify * t.share;
  const demand = `${levelName(step.level)} calls for a classification within ${formatSpan(tempo)} of the first signal (by ${ctx.t(deadline)})`;
  return scoreLine({
    stage: 'detect', id: 'detect.time-to-classify', points, max: POINTS.timeToClassify, at: first?.at ?? deadline,
    reference: `Reference tempo: ${formatSpan(tempo)} at ${levelName(step.level)}`, timing: t,
    reason: first === undefined
      ? `The team never classified after the first signal; ${demand}.`
      : `Classified ${formatSpan(first.at - aware)} after the first signal, at ${ctx.t(first.at)}; ${demand} — ${timingWords(t)}${deduction(points, POINTS.timeToClassify)}.`,
  });
}

/** When the team's counted severity first reached `low` at or after `from`. */
function reachedAt(records: ReturnType<typeof countedClassifications>, low: number, from: SimMinutes): SimMinutes | undefined {
  if (levelAt(records, from) >= low) return from;
  return records.find((r) => r.at > from && r.level >= low)?.at;
}

function escalationLines(ctx: ScoringContext, aware: SimMinutes | undefined): ScoreLine[] {
  const steps = ctx.team.expected;
  const counted = countedClassifications(ctx.state, aware);
  const lines: ScoreLine[] = [];
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    if (!previous || step.accept[0]! <= previous.accept[0]! || step.at >= ctx.now) return;
    const low = step.accept[0]!;
    const tempo = tempoFor(ctx.pack, step.level);
    const deadline = after(step.at, tempo);
    const reached = reachedAt(counted, low, step.at);
    const t = timing(reached, deadline, tempo);
    const points = POINTS.escalation * t.share;
    const evidence = step.evidence ? `after ${injectTitle(ctx, step.evidence)} at ${ctx.t(step.at)}` : `at ${ctx.t(step.at)}`;
    const demand = `${evidence} the evidence called for ${acceptWords(step)}, within ${formatSpan(tempo)} (by ${ctx.t(deadline)})`;
    lines.push(scoreLine({
      stage: 'detect', id: `detect.escalation.${i}`, points, max: POINTS.escalation, at: reached ?? deadline, timing: t,
      reference: `Reference: ${acceptWords(step)} ${evidence}`,
      reason: reached === undefined
        ? `The team never reached V${low}: ${demand}.`
        : `The team was at V${low} or above by ${ctx.t(reached)}: ${demand} — ${timingWords(t)}${deduction(points, POINTS.escalation)}.`,
      ...(points < POINTS.escalation ? { lesson: step.rationale.trim() } : {}),
    }));
  });
  return lines;
}

/** All Detect lines. */
export function detectLines(ctx: ScoringContext): ScoreLine[] {
  const aware = ctx.team.awareness?.at;
  return [
    discoveryLine(ctx),
    firstSeverityLine(ctx, aware),
    ...trackLines(ctx, aware),
    timeToClassifyLine(ctx, aware),
    ...escalationLines(ctx, aware),
    r3aiLine(ctx, aware),
    ...commonLines(ctx, 'detect'),
    ...commonPenalties(ctx, 'detect'),
  ].filter((l): l is ScoreLine => l !== undefined);
}
