/**
 * Contain: the people harmed beyond the reference response, evidence
 * preserved before the system was altered, plus the stage's required acts,
 * decisions and costs.
 */
import { formatSpan } from '../../time';
import { type ScoringContext, actName, harmAt, packHasMark } from '../context';
import { deduction, notApplicableLine, penaltyLine, round1, scoreLine } from '../lines';
import { COSTS, DEFAULT_HARM_SCALE_MINUTES, POINTS } from '../points';
import type { ScoreLine } from '../types';
import { commonLines, commonPenalties } from './common';
import { after, START } from '../../sim-minutes';
import type { VariableId } from '../../pack/primitives';

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** A number for people: thousands separated by commas, whole numbers unless it is below 10. */
export function formatNumber(value: number): string {
  const rounded = Math.abs(value) < 10 ? round1(value) : Math.round(value);
  const [whole, fraction] = Math.abs(rounded).toFixed(1).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === '0' ? '' : `.${fraction}`}`;
}

/** "3% of", "1.4 times": how much of a harm scale an excess is (a share below one in per cent, never a bare 0). */
const scaleShare = (ratio: number): string => (ratio < 0.995 ? `${Math.max(1, Math.round(ratio * 100))}% of` : `${round1(ratio)} times`);

/**
 * The harm scale of a counter: the pack's, else what doing nothing adds to it
 * in the first day after awareness (the do-nothing run's), else what it adds
 * over the whole run. Undefined when neither grows it.
 */
export function harmScale(ctx: ScoringContext, id: VariableId, declared: number | undefined): number | undefined {
  if (declared !== undefined) return declared;
  const run = ctx.doNothing;
  if (run === undefined) return undefined;
  const from = run.awareness?.at ?? ctx.reference?.awareness?.at ?? START;
  const day = harmAt(ctx.pack, run.state, id, after(from, DEFAULT_HARM_SCALE_MINUTES)) - harmAt(ctx.pack, run.state, id, from);
  if (day > 1e-6) return round6(day);
  const whole = harmAt(ctx.pack, run.state, id, ctx.pack.clock.end) - harmAt(ctx.pack, run.state, id, START);
  return whole > 1e-6 ? round6(whole) : undefined;
}

/** The harm line of one counter, plus (for the primary counter) the excess penalty beyond its scale. */
function harmLines(ctx: ScoringContext, id: VariableId, label: string, max: number, declared: number | undefined, primary: boolean): ScoreLine[] {
  const lineId = primary ? 'contain.harm' : `contain.harm.${id}`;
  const reference = ctx.reference;
  if (!reference) return [notApplicableLine({ stage: 'contain', id: lineId, reference: 'The reference response', reason: 'The reference timeline could not be played, so harm cannot be compared.' })];
  // Accrual adds fractions minute by minute; rounding away float noise keeps equal harms equal.
  const harm = round6(harmAt(ctx.pack, ctx.state, id, ctx.now));
  const refHarm = round6(harmAt(ctx.pack, reference.state, id, ctx.now));
  const excess = Math.max(0, harm - refHarm);
  const scale = harmScale(ctx, id, declared);
  const early = ctx.now < ctx.pack.clock.end ? ` at ${ctx.t(ctx.now)} (the run stopped early; the reference is read at the same time)` : '';
  const base = { stage: 'contain' as const, id: lineId, topic: lineId, max, at: ctx.now, reference: `Reference response: ${formatNumber(refHarm)}` };
  if (scale === undefined) {
    const points = excess <= 1e-6 ? max : 0;
    return [scoreLine({ ...base, points, reason: `${label}: ${formatNumber(harm)}${early}; the reference response allowed ${formatNumber(refHarm)}${points === max ? '' : ' — any harm beyond it scores 0 here'}.` })];
  }
  const share = Math.max(0, 1 - excess / scale);
  const points = max * share;
  const verdict = excess <= 1e-6 ? 'no more than the reference' : `${formatNumber(excess)} more than the reference response`;
  const lines = [scoreLine({
    ...base, points,
    reason: `${label}: ${formatNumber(harm)}${early}; the reference response allowed ${formatNumber(refHarm)} — ${verdict}; this line reaches 0 at ${formatNumber(scale)} more${deduction(points, max)}.`,
    ...(excess > 1e-6 ? { lesson: `Every hour the harm runs adds to it: the reference response contains it so that only ${formatNumber(refHarm)} are affected.` } : {}),
  })];
  if (primary && excess > scale * 0.01) {
    const cost = Math.min(COSTS.harmExcessCap, (COSTS.harmExcessPerScale * excess) / scale);
    lines.push(penaltyLine({
      stage: 'contain', id: 'contain.harm.excess', topic: lineId, at: ctx.now, cost, reference: `Harm scale: ${formatNumber(scale)}`,
      reason: `${label}: ${formatNumber(excess)} more than the reference response, ${scaleShare(excess / scale)} the harm scale of ${formatNumber(scale)}; each scale's worth costs ${COSTS.harmExcessPerScale} points, at most ${COSTS.harmExcessCap} (−${round1(cost)}).`,
      lesson: 'The people harmed beyond the reference response are the measure of a late or missing containment.',
    }));
  }
  return lines;
}

function evidenceLine(ctx: ScoringContext): ScoreLine {
  const base = { stage: 'contain' as const, id: 'contain.evidence', max: POINTS.evidence };
  const reference = 'Reference: evidence preserved before anything that alters the system';
  if (!packHasMark(ctx.pack, 'preserves-evidence')) {
    return notApplicableLine({ stage: base.stage, id: base.id, reference, reason: 'The pack has no evidence-preserving move, so this is not scored.' });
  }
  const preserved = ctx.team.acts.find((a) => a.marks.includes('preserves-evidence'));
  const altered = ctx.team.acts.find((a) => a.marks.includes('alters-system'));
  const lesson = 'Secure logs, model and data snapshots before anything changes the system: afterwards the evidence may no longer show the cause.';
  if (!preserved) {
    const reason = altered
      ? `The system was altered (${altered.label} at ${ctx.t(altered.at)}) and evidence was never preserved.`
      : 'Evidence (logs, model and data snapshots) was never preserved.';
    return scoreLine({ ...base, points: 0, at: altered?.at, reference, reason, lesson });
  }
  const before = !altered || preserved.effectiveAt <= altered.effectiveAt;
  const reason = !altered
    ? `Evidence preserved with ${actName(ctx, preserved)} at ${ctx.t(preserved.at)}; the system was not altered.`
    : before
      ? `Evidence preserved with ${actName(ctx, preserved)} (in place at ${ctx.t(preserved.effectiveAt)}), before the system was first altered (${altered.label}, in effect at ${ctx.t(altered.effectiveAt)}).`
      : `The system was altered (${altered.label}, in effect at ${ctx.t(altered.effectiveAt)}) before evidence was preserved (${actName(ctx, preserved)}, in place at ${ctx.t(preserved.effectiveAt)}, ${formatSpan(preserved.effectiveAt - altered.effectiveAt)} later): the evidence may no longer show the cause.`;
  return scoreLine({ ...base, points: before ? POINTS.evidence : 0, at: preserved.at, reference, reason, ...(before ? {} : { lesson }) });
}

/** All Contain lines. */
export function containLines(ctx: ScoringContext): ScoreLine[] {
  const metrics = ctx.pack.metrics;
  return [
    ...commonLines(ctx, 'contain'),
    ...harmLines(ctx, metrics.harm, metrics.harmLabel, POINTS.harm, metrics.harmScale, true),
    ...metrics.harms.flatMap((h) => harmLines(ctx, h.var, h.label, POINTS.otherHarm, h.scale, false)),
    evidenceLine(ctx),
    ...commonPenalties(ctx, 'contain'),
  ];
}
