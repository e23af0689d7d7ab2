/**
 * Govern: each obligation that applied met on time by its owner (a missed
 * one costs its full weight and names the body and the law), unneeded
 * filings, the board briefed and stakeholders informed when no obligation or
 * requirement already judges them, plus the stage's required acts, decisions
 * and costs.
 */
import type { Obligation } from '../../pack/schema';
import { formatSpan } from '../../time';
import type { ObligationRecord } from '../../types';
import { type Act, actorTitle, communicates, rolesTitle } from '../acts';
import type { ScoringContext } from '../context';
import { deduction, notApplicableLine, penaltyLine, scoreLine, timing, timingWords } from '../lines';
import { COSTS, DEFAULT_BOARD_WITHIN, POINTS } from '../points';
import type { ScoreLine } from '../types';
import { authorityNote, authorityShare, commonLines, commonPenalties, firstOf, obligationCovering, referenceDid, requiredMoves } from './common';
import { after, type SimMinutes } from '../../sim-minutes';

/** The reason of the `reference.required` entry for one of the obligation's moves, if any (its "why"). */
function requiredReason(ctx: ScoringContext, ob: Obligation): string | undefined {
  return ctx.pack.reference.required.find((r) => requiredMoves(r).some((m) => ob.satisfiedBy.includes(m)))?.reason;
}

/** The act that met an obligation: the first satisfying act effective by `until`. */
function meetingAct(ctx: ScoringContext, ob: Obligation, record: ObligationRecord | undefined): Act | undefined {
  if (record?.metWith !== undefined) {
    return ctx.team.acts.find((a) => a.kind === 'move' && a.id === record.metWith && a.effective && a.effectiveAt <= (record.metAt ?? Infinity));
  }
  return ctx.team.acts.find((a) => a.kind === 'move' && ob.satisfiedBy.includes(a.id) && a.effective);
}

function obligationLines(ctx: ScoringContext, ob: Obligation): ScoreLine[] {
  const id = `govern.obligation.${ob.id}`;
  const name = `“${ob.title}” (${ob.basis}, to ${ob.recipient})`;
  const reference = `${ob.basis}: within ${formatSpan(ob.deadline)}${ob.earlierDeadlines?.length ? ' (or sooner, see the limbs)' : ''} to ${ob.recipient}`;
  const base = { stage: 'govern' as const, id, reference, topic: `obligation:${ob.id}` };
  const team = ctx.state.obligations[ob.id];
  const ref = ctx.reference?.state.obligations[ob.id];
  const why = requiredReason(ctx, ob);
  const refAct = firstOf(ctx.reference, ob.satisfiedBy);
  const lesson = [referenceDid(ctx, refAct), why ? `Why: ${why}` : '', ob.description?.trim() ?? ''].filter(Boolean).join(' ');
  const cost = ob.missedCost ?? COSTS.missedObligation;
  const missed = (at: SimMinutes, text: string): ScoreLine[] => [
    scoreLine({ ...base, points: 0, max: POINTS.obligation, at, reason: text, lesson, timing: { status: 'never', share: 0, lateBy: 0 } }),
    penaltyLine({
      stage: 'govern', id: `${id}.missed`, at, cost, reference, topic: `obligation:${ob.id}`,
      reason: `${ob.recipient} never heard from the team as ${ob.basis} requires (−${cost}).`,
      lesson,
    }),
  ];
  if (team === undefined) {
    if (ref === undefined) return [notApplicableLine({ ...base, reason: `${name} did not apply in this run, nor in the reference response.` })];
    // The team never reached the trigger (e.g. never confirmed the incident): the clock still ran in reality.
    const act = meetingAct(ctx, ob, undefined);
    if (act === undefined) {
      if (ref.dueAt > ctx.now) return [notApplicableLine({ ...base, at: ref.dueAt, reason: `${name} would be due by ${ctx.t(ref.dueAt)}, after the point the run reached (${ctx.t(ctx.now)}).` })];
      return missed(ref.dueAt, `${name} never started in this run (its trigger was never reached), but it applied: in the reference response it started at ${ctx.t(ref.triggeredAt)} and was due by ${ctx.t(ref.dueAt)}. It was never met.`);
    }
    const t = timing(act.effectiveAt, ref.dueAt, ref.dueAt - ref.triggeredAt);
    const points = POINTS.obligation * t.share * authorityShare(act);
    return [scoreLine({ ...base, points, max: POINTS.obligation, at: act.effectiveAt, act: act.key, timing: t, reason: `${name} applied (in the reference response it was due by ${ctx.t(ref.dueAt)}); met with ${act.label} at ${ctx.t(act.effectiveAt)} — ${timingWords(t)}${authorityNote(act)}${deduction(points, POINTS.obligation)}.`, ...(points < POINTS.obligation ? { lesson } : {}) })];
  }
  const clock = `started at ${ctx.t(team.triggeredAt)}, due by ${ctx.t(team.dueAt)}`;
  if (team.status === 'running') {
    return [notApplicableLine({ ...base, at: team.dueAt, reason: `${name} ${clock}: its deadline falls after the point the run reached (${ctx.t(ctx.now)}), so it is not scored yet.` })];
  }
  if (team.status === 'overdue') return missed(team.dueAt, `${name} ${clock}: never met — the deadline passed.`);
  const act = meetingAct(ctx, ob, team);
  const t = timing(team.metAt, team.dueAt, team.dueAt - team.triggeredAt);
  const points = POINTS.obligation * t.share * authorityShare(act);
  const how = `met at ${ctx.t(team.metAt ?? team.dueAt)} by ${actorTitle(team.metBy)}${act ? ` with ${act.label}` : ''}`;
  const owner = team.metBy !== undefined && team.metBy !== ob.owner && act?.authority.kind === 'ok' ? ` (its owner is the ${rolesTitle([ob.owner]).replace(/^the /, '')})` : '';
  return [scoreLine({
    ...base, points, max: POINTS.obligation, at: team.metAt, timing: t, ...(act ? { act: act.key } : {}),
    reason: `${name} ${clock}; ${how} — ${timingWords(t)}${owner}${authorityNote(act)}${deduction(points, POINTS.obligation)}.`,
    ...(points < POINTS.obligation ? { lesson } : {}),
  })];
}

/**
 * A filing made when none of the obligations it satisfies applied (in this
 * run or the reference): notifying a body that has no role is not free.
 * Acts with their own `cost` are charged that instead (actPenaltyLines).
 */
function unneededLines(ctx: ScoringContext): ScoreLine[] {
  const lines: ScoreLine[] = [];
  const seen = new Set<string>();
  for (const act of ctx.team.acts) {
    if (act.kind !== 'move' || act.cost || seen.has(act.id)) continue;
    const obligations = ctx.pack.obligations.filter((ob) => ob.satisfiedBy.includes(act.id));
    if (obligations.length === 0) continue;
    const applied = obligations.some((ob) => ctx.state.obligations[ob.id] !== undefined || ctx.reference?.state.obligations[ob.id] !== undefined);
    if (applied) continue;
    seen.add(act.id);
    const bodies = obligations.map((ob) => `${ob.recipient} (${ob.basis})`).join('; ');
    lines.push(penaltyLine({
      stage: ctx.moves.get(act.id)?.stage ?? 'govern', id: `govern.unneeded.${act.id}`, at: act.at, cost: COSTS.unneededFiling, act: act.key,
      reference: 'No obligation applied',
      reason: `${act.label} was made at ${ctx.t(act.at)} by ${actorTitle(act.by)}, but no obligation to ${bodies} applied in this incident: an unneeded filing costs the body's and the team's time and credibility (−${COSTS.unneededFiling}).`,
      lesson: obligations.map((ob) => ob.description?.trim() ?? '').filter(Boolean).join(' ') || `No ${obligations[0]!.basis} obligation applied.`,
    }));
  }
  return lines;
}

/** Whether some obligation or requirement already judges acts carrying `mark` (one verdict per act). */
function judgedElsewhere(ctx: ScoringContext, mark: string): boolean {
  const marked = ctx.pack.moves.filter((m) => m.marks?.includes(mark as never)).map((m) => m.id);
  if (obligationCovering(ctx, marked) !== undefined) return true;
  return ctx.pack.reference.required.some((r) => requiredMoves(r).some((m) => marked.includes(m)));
}

function boardLine(ctx: ScoringContext): ScoreLine | undefined {
  const v4 = ctx.team.expected.find((s) => s.accept[0]! >= 4) ?? ctx.reference?.expected.find((s) => s.accept[0]! >= 4);
  if (!v4 || judgedElsewhere(ctx, 'board-briefing')) return undefined;
  const within = ctx.pack.reference.boardWithin ?? DEFAULT_BOARD_WITHIN;
  const deadline = after(v4.at, within);
  const base = { stage: 'govern' as const, id: 'govern.board', reference: `Reference: the board within ${formatSpan(within)} of V${v4.level}` };
  if (!ctx.pack.moves.some((m) => m.marks?.includes('board-briefing'))) {
    return notApplicableLine({ ...base, reason: 'The incident reaches V4 but the pack has no board-briefing move, so this is not scored.' });
  }
  const briefed = ctx.team.acts.find((a) => a.marks.includes('board-briefing') && !a.marks.includes('harmful'));
  const t = timing(briefed?.at, deadline, within);
  const points = POINTS.board * t.share * authorityShare(briefed);
  const demand = `the evidence called for V${v4.level} at ${ctx.t(v4.at)}, so the board was expected within ${formatSpan(within)} (by ${ctx.t(deadline)})`;
  return scoreLine({
    ...base, points, max: POINTS.board, at: briefed?.at ?? deadline, timing: t, ...(briefed ? { act: briefed.key } : {}),
    reason: briefed === undefined ? `The board was never briefed; ${demand}.` : `The board was briefed with ${briefed.label} at ${ctx.t(briefed.at)}; ${demand} — ${timingWords(t)}${authorityNote(briefed)}${deduction(points, POINTS.board)}.`,
  });
}

function stakeholderLine(ctx: ScoringContext): ScoreLine | undefined {
  const refAct = ctx.reference?.acts.find(communicates);
  if (!refAct || judgedElsewhere(ctx, 'stakeholder-communication')) return undefined;
  const made = ctx.team.acts.find(communicates);
  const misleading = ctx.team.acts.find((a) => a.marks.includes('stakeholder-communication') && !communicates(a));
  const points = made ? POINTS.stakeholder * authorityShare(made) : 0;
  return scoreLine({
    stage: 'govern', id: 'govern.stakeholder', points, max: POINTS.stakeholder, at: made?.at, reference: `Reference: ${refAct.label}`, ...(made ? { act: made.key } : {}),
    reason: made
      ? `Stakeholders were informed with ${made.label} at ${ctx.t(made.at)}${authorityNote(made)}.`
      : `Affected people and stakeholders were never informed${misleading ? ` (${misleading.label} does not count: it is misleading or harmful)` : ''}; the reference does so with ${refAct.label} at ${ctx.t(refAct.at)}.`,
    ...(made ? {} : { lesson: referenceDid(ctx, refAct) }),
  });
}

/** All Govern lines. */
export function governLines(ctx: ScoringContext): ScoreLine[] {
  return [
    ...ctx.pack.obligations.flatMap((ob) => obligationLines(ctx, ob)),
    ...[boardLine(ctx), stakeholderLine(ctx)].filter((l): l is ScoreLine => l !== undefined),
    ...commonLines(ctx, 'govern'),
    ...unneededLines(ctx),
    ...commonPenalties(ctx, 'govern'),
  ];
}
