/**
 * Contain: harm against the reference response, evidence preserved before
 * the system was altered, plus the stage's required/forbidden moves and decisions.
 */
import { type ScoringContext, firstWithMark, harmAt, harmOf, moveLabel, packHasMark } from '../context';
import { deduction, notApplicableLine, round1, scoreLine } from '../lines';
import { HARM_FALLBACK_MULTIPLE, POINTS } from '../points';
import type { ScoreLine } from '../types';
import { commonLines } from './common';

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** A number for people: thousands separated by commas, at most one decimal. */
export function formatNumber(value: number): string {
  const rounded = round1(value);
  const [whole, fraction] = Math.abs(rounded).toFixed(1).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === '0' ? '' : `.${fraction}`}`;
}

/**
 * Harm points: full at or below the reference harm, 0 at or above the zero
 * point (the do-nothing harm, or 3× the reference when doing nothing harms no
 * more than the reference), linear in between.
 */
export function harmPoints(max: number, harm: number, reference: number, doNothing: number): { points: number; zero?: number } {
  const zero = doNothing > reference ? doNothing : reference > 0 ? reference * HARM_FALLBACK_MULTIPLE : undefined;
  if (harm <= reference) return zero === undefined ? { points: max } : { points: max, zero };
  if (zero === undefined || harm >= zero) return zero === undefined ? { points: 0 } : { points: 0, zero };
  return { points: (max * (zero - harm)) / (zero - reference), zero };
}

function harmLine(ctx: ScoringContext): ScoreLine {
  const base = { stage: 'contain' as const, id: 'contain.harm' };
  const { reference, doNothing } = ctx.runs;
  const label = ctx.pack.metrics.harmLabel;
  if (!reference || !doNothing) {
    return notApplicableLine({ ...base, reference: 'reference.timeline', reason: 'The reference timeline could not be played, so harm cannot be compared.' });
  }
  // Accrual adds fractions minute by minute; rounding away float noise keeps equal harms equal.
  const harm = round6(harmOf(ctx.pack, ctx.state));
  const early = ctx.now < ctx.pack.clock.end;
  const refHarm = round6(harmAt(ctx.pack, reference, ctx.now));
  const dnHarm = round6(harmAt(ctx.pack, doNothing, ctx.now));
  const { points, zero } = harmPoints(POINTS.harm, harm, refHarm, dnHarm);
  const when = early ? `at ${ctx.t(ctx.now)} (the run stopped before the scenario end; the references are read at the same time)` : 'at the end';
  const zeroText = zero === undefined
    ? 'any harm above it scores 0'
    : zero === dnHarm
      ? `doing nothing reaches ${formatNumber(dnHarm)}`
      : `0 points at ${formatNumber(zero)} (${HARM_FALLBACK_MULTIPLE}× the reference)`;
  const verdict = harm <= refHarm ? 'no more than the reference' : `more than the reference${deduction(round1(points), POINTS.harm)}`;
  return scoreLine({
    ...base, points, max: POINTS.harm, at: ctx.now,
    reference: `reference run harm ${formatNumber(refHarm)}; do-nothing harm ${formatNumber(dnHarm)}`,
    reason: `${label}: ${formatNumber(harm)} ${when}; the reference response allowed ${formatNumber(refHarm)} and ${zeroText} — ${verdict}.`,
  });
}

function evidenceLine(ctx: ScoringContext): ScoreLine {
  const base = { stage: 'contain' as const, id: 'contain.evidence', max: POINTS.evidence };
  const reference = 'moves marked preserves-evidence before any marked alters-system';
  if (!packHasMark(ctx.pack, 'preserves-evidence')) {
    return notApplicableLine({ stage: base.stage, id: base.id, reference, reason: 'The pack has no evidence-preserving move, so this is not scored.' });
  }
  const preserved = firstWithMark(ctx, ctx.state, 'preserves-evidence');
  const altered = firstWithMark(ctx, ctx.state, 'alters-system');
  if (!preserved) {
    const reason = altered
      ? `The system was altered (${moveLabel(ctx, altered.moveId)} at ${ctx.t(altered.at)}) and evidence was never preserved.`
      : 'Evidence (logs, model and data snapshots) was never preserved.';
    return scoreLine({ ...base, points: 0, at: altered?.at, reference, reason });
  }
  const before = !altered || ctx.state.moves.indexOf(preserved) < ctx.state.moves.indexOf(altered);
  const reason = !altered
    ? `Evidence preserved with ${moveLabel(ctx, preserved.moveId)} at ${ctx.t(preserved.at)}; the system was not altered.`
    : before
      ? `Evidence preserved with ${moveLabel(ctx, preserved.moveId)} at ${ctx.t(preserved.at)}, before the system was first altered (${moveLabel(ctx, altered.moveId)} at ${ctx.t(altered.at)}).`
      : `The system was altered (${moveLabel(ctx, altered.moveId)} at ${ctx.t(altered.at)}) before evidence was preserved (${moveLabel(ctx, preserved.moveId)} at ${ctx.t(preserved.at)}): the evidence may no longer show the cause.`;
  return scoreLine({ ...base, points: before ? POINTS.evidence : 0, at: preserved.at, reference, reason });
}

/** All Contain lines. */
export function containLines(ctx: ScoringContext): ScoreLine[] {
  const common = commonLines(ctx, 'contain');
  const penalties = common.filter((l) => l.kind === 'penalty');
  return [...common.filter((l) => l.kind !== 'penalty'), harmLine(ctx), evidenceLine(ctx), ...penalties];
}
