/**
 * Recover: the recovery gate read from the state history — every return of
 * the AI system to service (however it happened) against the recovery
 * criteria at that minute — a validated return to service and its time
 * against the reference, plus the stage's required acts, decisions and costs.
 */
import type { CriterionId } from '../../pack/primitives';
import type { Pack } from '../../pack/schema';
import { assertNever } from '../../result';
import { formatSpan } from '../../time';
import type { ActRef, ServiceTransition, SimMinutes } from '../../types';
import { actorTitle, decisionTitle, optionLabel } from '../acts';
import type { RunView, ScoringContext } from '../context';
import { deduction, notApplicableLine, penaltyLine, scoreLine, timing, timingWords } from '../lines';
import { COSTS, POINTS, RECOVERY_TOLERANCE_MIN, RECOVERY_TOLERANCE_SHARE } from '../points';
import type { ScoreLine } from '../types';
import { commonLines, commonPenalties } from './common';
import { after, latest, scaled } from '../../sim-minutes';

/** A return to service: when, through which act, and the criteria unmet then. */
export type Restart = {
  readonly at: SimMinutes;
  /** What put the system back, in words ("“Restart TalentLens v4.2 now…” by the Business Owner"). */
  readonly how: string;
  readonly by?: string;
  /** The act key of the team act behind it, if any. */
  readonly act?: string;
  readonly unmet: readonly CriterionId[];
};

/** "“Restart…” (a move by the Business Owner)": the act behind a service change, in words. */
export function causeWords(pack: Pack, cause: ActRef | undefined): { how: string; act?: string } {
  if (cause === undefined) return { how: 'a change in the scenario (no act of the team)' };
  switch (cause.kind) {
    case 'move': {
      const label = pack.moves.find((m) => m.id === cause.moveId)?.label ?? 'a move';
      return { how: `“${label}”, made by ${actorTitle(cause.by)}`, act: `move:${cause.moveIndex}` };
    }
    case 'decision': {
      const decision = pack.decisions.find((d) => d.id === cause.decisionId);
      const options = decision ? cause.options.map((o) => `“${optionLabel(decision, o)}”`).join(' + ') : 'an answer';
      return { how: `the answer ${options} to “${decision ? decisionTitle(decision) : 'a prompt'}”, chosen by ${actorTitle(cause.by)}`, act: `decision:${cause.decisionId}` };
    }
    case 'expiry': {
      const decision = pack.decisions.find((d) => d.id === cause.decisionId);
      return { how: `the prompt “${decision ? decisionTitle(decision) : 'a decision'}” left to expire (its default applied)`, act: `expiry:${cause.decisionId}` };
    }
    case 'inject': {
      const inject = pack.injects.find((i) => i.id === cause.injectId);
      return { how: `the event “${inject?.title ?? 'an inject'}”${cause.released ? ', released early by the facilitator' : ''}` };
    }
    case 'adhoc':
      return { how: 'an ad-hoc inject by the facilitator', act: `adhoc:${cause.injectId}` };
    default:
      return assertNever(cause);
  }
}

/** Every return to service of a run: from the service history (`recovery.inService`), else restart acts. */
export function restartsOf(pack: Pack, view: RunView): readonly Restart[] {
  if (pack.recovery.inService !== undefined) {
    return view.state.service.filter((s, i): s is ServiceTransition => i > 0 && s.inService).map((s) => ({ at: s.at, unmet: s.unmet, ...causeWords(pack, s.cause) }));
  }
  const restartIds = new Set(pack.recovery.restartMoves);
  return view.acts
    .filter((a) => (a.kind === 'move' && restartIds.has(a.id)) || (a.kind === 'decision' && a.marks.includes('restart')))
    .map((a) => ({ at: a.effectiveAt, how: `${a.kind === 'move' ? `“${a.label}”` : a.label}, made by ${actorTitle(a.by)}`, act: a.key, unmet: a.gateViolation ?? [] }));
}

/** Whether the team took the system out of service: a service transition out (packs with `recovery.inService`), else any Contain act. */
function takenOutOfService(ctx: ScoringContext): boolean {
  if (ctx.pack.recovery.inService !== undefined) return ctx.state.service.some((s, i) => i > 0 && !s.inService);
  return ctx.team.acts.some((a) => a.stage === 'contain' && a.kind === 'move' && !a.marks.includes('harmful'));
}

/** A recovery criterion's label (its id when the pack has no such criterion). */
export const criterionLabel = (pack: Pack, id: CriterionId): string => pack.recovery.criteria.find((c) => c.id === id)?.label ?? id;
const criterionLabels = (pack: Pack, ids: readonly CriterionId[]) => ids.map((id) => `“${criterionLabel(pack, id)}”`).join(', ');

function gateLines(ctx: ScoringContext, restarts: readonly Restart[]): ScoreLine[] {
  const breaches = restarts.filter((r) => r.unmet.length > 0);
  const system = ctx.pack.system.name;
  const reference = `Recovery criteria (${ctx.pack.recovery.criteria.length}) before any return to service`;
  const cost = ctx.pack.recovery.breachCost ?? COSTS.gateBreach;
  const lesson = 'Operational pressure is not a reason to restart: the system goes back into service only when every recovery criterion holds.';
  if (restarts.length === 0 && !takenOutOfService(ctx)) {
    return [notApplicableLine({
      stage: 'recover', id: 'recover.gate', topic: 'gate', reference,
      reason: `${system} was never taken out of service, so there was nothing to restart and no gate to hold.`,
    })];
  }
  if (breaches.length === 0) {
    return [scoreLine({
      stage: 'recover', id: 'recover.gate', topic: 'gate', points: POINTS.gate, max: POINTS.gate, reference,
      reason: restarts.length ? `${system} went back into service only with every recovery criterion met (first at ${ctx.t(restarts[0]!.at)}).` : `${system} was never put back into service before the recovery criteria held.`,
    })];
  }
  return [
    scoreLine({ stage: 'recover', id: 'recover.gate', topic: 'gate', points: 0, max: POINTS.gate, reference, at: breaches[0]!.at, reason: `The recovery gate was breached ${breaches.length === 1 ? 'once' : `${breaches.length} times`}.`, lesson }),
    ...breaches.map((b, i) => penaltyLine({
      stage: 'recover', id: `recover.breach.${i + 1}`, topic: 'gate', at: b.at, cost, reference, ...(b.act ? { act: b.act } : {}),
      reason: `${system} went back into service at ${ctx.t(b.at)} through ${b.how}, while these recovery criteria were unmet: ${criterionLabels(ctx.pack, b.unmet)} (−${cost}).`,
      lesson,
    })),
  ];
}

/** All Recover lines. */
export function recoverLines(ctx: ScoringContext): ScoreLine[] {
  const restarts = restartsOf(ctx.pack, ctx.team);
  const valid = restarts.find((r) => r.unmet.length === 0);
  const refRestart = ctx.reference ? restartsOf(ctx.pack, ctx.reference).find((r) => r.unmet.length === 0) : undefined;
  const lines = gateLines(ctx, restarts);
  if (refRestart) {
    const reference = `Reference: back in service at ${ctx.t(refRestart.at)}`;
    const refLesson = `The reference response returns ${ctx.pack.system.name} to service at ${ctx.t(refRestart.at)}, once every recovery criterion holds.`;
    lines.push(scoreLine({
      stage: 'recover', id: 'recover.validated-restart', points: valid ? POINTS.validatedRestart : 0, max: POINTS.validatedRestart, at: valid?.at, reference, ...(valid?.act ? { act: valid.act } : {}),
      reason: valid
        ? `${ctx.pack.system.name} went back into service at ${ctx.t(valid.at)} through ${valid.how}, with every recovery criterion met.`
        : `${ctx.pack.system.name} never went back into service with every recovery criterion met${restarts.length ? ' (every return to service breached the gate)' : ''}.`,
      ...(valid ? {} : { lesson: refLesson }),
    }));
    const tolerance = latest(RECOVERY_TOLERANCE_MIN, scaled(refRestart.at, RECOVERY_TOLERANCE_SHARE));
    const deadline = after(refRestart.at, tolerance);
    const t = timing(valid?.at, deadline, tolerance);
    const points = POINTS.recoveryTime * t.share;
    lines.push(scoreLine({
      stage: 'recover', id: 'recover.time', points, max: POINTS.recoveryTime, at: valid?.at ?? deadline, reference,
      reason: valid === undefined
        ? `No valid return to service, so no recovery time; on time means by ${ctx.t(deadline)}.`
        : `Valid return to service at ${ctx.t(valid.at)}; on time means by ${ctx.t(deadline)} (${formatSpan(tolerance)} after the reference) — ${timingWords(t)}${deduction(points, POINTS.recoveryTime)}.`,
      ...(points < POINTS.recoveryTime ? { lesson: refLesson } : {}),
    }));
  }
  return [...lines, ...commonLines(ctx, 'recover'), ...commonPenalties(ctx, 'recover')];
}
