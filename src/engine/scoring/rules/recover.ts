/**
 * Recover: the recovery gate respected, a restart made with every criterion
 * met (when the reference restarts), its time against the reference
 * restart, plus the stage's required/forbidden moves and decisions.
 */
import type { MoveRecord, RunState } from '../../types';
import { type ScoringContext, actorTitle, moveLabel } from '../context';
import { formatSpan } from '../../time';
import { deduction, scoreLine, timedPoints } from '../lines';
import { POINTS, RECOVERY_TOLERANCE_MIN, RECOVERY_TOLERANCE_SHARE } from '../points';
import type { ScoreLine } from '../types';
import { commonLines } from './common';

/** Restart moves made in a run (moves listed in `recovery.restartMoves`). */
export function restartsOf(ctx: ScoringContext, state: RunState): MoveRecord[] {
  const ids = ctx.pack.recovery.restartMoves;
  return state.moves.filter((m) => ids.includes(m.moveId));
}

function criterionLabels(ctx: ScoringContext, ids: readonly string[]): string {
  return ids.map((id) => `“${ctx.pack.recovery.criteria.find((c) => c.id === id)?.label ?? id}”`).join(', ');
}

function gateLine(ctx: ScoringContext, restarts: readonly MoveRecord[]): ScoreLine {
  const violation = restarts.find((m) => m.gateViolation && m.gateViolation.length > 0);
  const reference = `recovery.criteria (${ctx.pack.recovery.criteria.length}) before any of ${ctx.pack.recovery.restartMoves.join(', ')}`;
  const base = { stage: 'recover' as const, id: 'recover.gate', max: POINTS.gate, reference };
  if (violation) {
    return scoreLine({ ...base, points: 0, at: violation.at, reason: `${moveLabel(ctx, violation.moveId)} was made at ${ctx.t(violation.at)} by ${actorTitle(violation.by)} while recovery criteria were unmet: ${criterionLabels(ctx, violation.gateViolation!)}. Operational pressure is not a reason to restart early.` });
  }
  return scoreLine({
    ...base, points: POINTS.gate,
    reason: restarts.length
      ? `Every restart was made with all recovery criteria met (first: ${moveLabel(ctx, restarts[0]!.moveId)} at ${ctx.t(restarts[0]!.at)}).`
      : 'No restart was made, so the recovery gate was never breached.',
  });
}

/** All Recover lines. */
export function recoverLines(ctx: ScoringContext): ScoreLine[] {
  const restarts = restartsOf(ctx, ctx.state);
  const valid = restarts.find((m) => !m.gateViolation || m.gateViolation.length === 0);
  const refRestart = ctx.runs.reference ? restartsOf(ctx, ctx.runs.reference.state)[0] : undefined;
  const lines = [gateLine(ctx, restarts)];
  if (refRestart) {
    const reference = `reference timeline: ${refRestart.moveId} at ${ctx.t(refRestart.at)}`;
    lines.push(scoreLine({
      stage: 'recover', id: 'recover.validated-restart', points: valid ? POINTS.validatedRestart : 0, max: POINTS.validatedRestart, at: valid?.at, reference,
      reason: valid
        ? `The system was restored with ${moveLabel(ctx, valid.moveId)} at ${ctx.t(valid.at)} with every recovery criterion met.`
        : `The system was never restored with every recovery criterion met${restarts.length ? ' (every restart breached the gate)' : ''}; the reference restores it at ${ctx.t(refRestart.at)}.`,
    }));
    const tolerance = Math.max(RECOVERY_TOLERANCE_MIN, Math.floor(refRestart.at * RECOVERY_TOLERANCE_SHARE));
    const deadline = refRestart.at + tolerance;
    const { points, status } = timedPoints(POINTS.recoveryTime, valid?.at, deadline);
    const demand = `the reference restores it at ${ctx.t(refRestart.at)}; on time means by ${ctx.t(deadline)} (${formatSpan(tolerance)} tolerance)`;
    lines.push(scoreLine({
      stage: 'recover', id: 'recover.time', points, max: POINTS.recoveryTime, at: valid?.at ?? deadline, reference,
      reason: status === 'never'
        ? `No valid restart, so no recovery time; ${demand}.`
        : `Valid restart at ${ctx.t(valid!.at)}; ${demand} — ${status === 'on-time' ? 'on time' : `late, half credit${deduction(points, POINTS.recoveryTime)}`}.`,
    }));
  }
  return [...lines, ...commonLines(ctx, 'recover')];
}
