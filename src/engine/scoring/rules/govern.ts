/**
 * Govern: obligations met on time by their owner, the board briefed when the
 * reference reaches V4, stakeholders informed when the reference does so,
 * moves made within authority, plus the stage's required/forbidden moves and decisions.
 */
import type { Obligation } from '../../pack/schema';
import { ROLE_TITLES, type RoleId } from '../../pack/vocabulary';
import { type ScoringContext, firstWithMark, moveLabel, packHasMark } from '../context';
import { formatSpan } from '../../time';
import { LATE_CREDIT, deduction, notApplicableLine, penaltyLine, scoreLine, timedPoints } from '../lines';
import { DEFAULT_BOARD_WITHIN, POINTS } from '../points';
import { referenceSteps } from '../severity';
import type { ScoreLine } from '../types';
import { commonLines } from './common';

const roleTitle = (actor: string) => (actor in ROLE_TITLES ? ROLE_TITLES[actor as RoleId] : actor);

function obligationLine(ctx: ScoringContext, ob: Obligation): ScoreLine {
  const id = `govern.obligation.${ob.id}`;
  const reference = `obligations.${ob.id}: ${ob.basis}, within ${formatSpan(ob.deadline)} to ${ob.recipient}, owner ${ob.owner}`;
  const name = `Obligation “${ob.title}” (${ob.basis}, to ${ob.recipient})`;
  const base = { stage: 'govern' as const, id, reference };
  const record = ctx.state.obligations[ob.id];
  const refRecord = ctx.runs.reference?.state.obligations[ob.id];
  if (!record) {
    return refRecord
      ? scoreLine({ ...base, points: 0, max: POINTS.obligation, at: refRecord.triggeredAt, reason: `${name} never started in this run; in the reference response it started at ${ctx.t(refRecord.triggeredAt)} (due ${ctx.t(refRecord.dueAt)}). Its trigger was never reached, so it was never met.` })
      : notApplicableLine({ ...base, reason: `${name} was not triggered in this run nor in the reference response.` });
  }
  const clock = `started at ${ctx.t(record.triggeredAt)}, due ${ctx.t(record.dueAt)}`;
  if (record.status === 'running') {
    return notApplicableLine({ ...base, at: record.dueAt, reason: `${name} ${clock}: its deadline falls after the point the run reached (${ctx.t(ctx.now)}), so it is not scored.` });
  }
  if (record.status === 'overdue') {
    return scoreLine({ ...base, points: 0, max: POINTS.obligation, at: record.dueAt, reason: `${name} ${clock}: never met — the deadline passed.` });
  }
  const timed = record.status === 'met' ? POINTS.obligation : POINTS.obligation * LATE_CREDIT;
  const metBy = record.metBy ?? 'system';
  const wrongOwner = metBy in ROLE_TITLES && metBy !== ob.owner;
  const points = Math.max(0, timed - (wrongOwner ? POINTS.wrongOwner : 0));
  const how = `met at ${ctx.t(record.metAt ?? record.dueAt)} by ${roleTitle(metBy)}${record.metWith ? ` with ${moveLabel(ctx, record.metWith)}` : ''}`;
  const timing = record.status === 'met' ? 'on time' : `late, ${LATE_CREDIT * 100}% credit`;
  const owner = wrongOwner ? `; it belongs to the ${roleTitle(ob.owner)}, not the ${roleTitle(metBy)}` : '';
  return scoreLine({ ...base, points, max: POINTS.obligation, at: record.metAt, reason: `${name} ${clock}; ${how} — ${timing}${owner}${deduction(points, POINTS.obligation)}.` });
}

function boardLine(ctx: ScoringContext): ScoreLine | undefined {
  const v4 = referenceSteps(ctx.pack).find((s) => s.level >= 4);
  if (!v4) return undefined;
  const within = ctx.pack.reference.boardWithin ?? DEFAULT_BOARD_WITHIN;
  const deadline = v4.at + within;
  const base = { stage: 'govern' as const, id: 'govern.board', reference: `reference.severity[${v4.index}]: V${v4.level} at ${ctx.t(v4.at)}; board within ${formatSpan(within)}` };
  if (!packHasMark(ctx.pack, 'board-briefing')) {
    return notApplicableLine({ ...base, reason: 'The reference reaches V4 but the pack has no board-briefing move, so this is not scored.' });
  }
  const briefed = firstWithMark(ctx, ctx.state, 'board-briefing');
  const { points, status } = timedPoints(POINTS.board, briefed?.at, deadline);
  const demand = `the reference severity reached V${v4.level} at ${ctx.t(v4.at)}, so the board was expected within ${formatSpan(within)} (by ${ctx.t(deadline)})`;
  const reason = status === 'never'
    ? `The board was never briefed; ${demand}.`
    : `The board was briefed with ${moveLabel(ctx, briefed!.moveId)} at ${ctx.t(briefed!.at)}; ${demand} — ${status === 'on-time' ? 'on time' : `late, half credit${deduction(points, POINTS.board)}`}.`;
  return scoreLine({ ...base, points, max: POINTS.board, at: briefed?.at ?? deadline, reason });
}

function stakeholderLine(ctx: ScoringContext): ScoreLine | undefined {
  const refMove = ctx.runs.reference && firstWithMark(ctx, ctx.runs.reference.state, 'stakeholder-communication');
  if (!refMove) return undefined;
  const made = firstWithMark(ctx, ctx.state, 'stakeholder-communication');
  const reference = `reference timeline: ${refMove.moveId} at ${ctx.t(refMove.at)}`;
  return scoreLine({
    stage: 'govern', id: 'govern.stakeholder', points: made ? POINTS.stakeholder : 0, max: POINTS.stakeholder, at: made?.at, reference,
    reason: made
      ? `Stakeholders were informed with ${moveLabel(ctx, made.moveId)} at ${ctx.t(made.at)} (the reference does so with ${moveLabel(ctx, refMove.moveId)} at ${ctx.t(refMove.at)}).`
      : `Affected people and stakeholders were never informed; the reference does so with ${moveLabel(ctx, refMove.moveId)} at ${ctx.t(refMove.at)}.`,
  });
}

function authorityLines(ctx: ScoringContext): ScoreLine[] {
  return ctx.state.moves.flatMap((m, i) => {
    if (!m.outsideAuthority) return [];
    const owner = ctx.moves.get(m.moveId)?.owner ?? [];
    const owners = (Array.isArray(owner) ? owner : [owner]).map((o) => `the ${roleTitle(o)}`).join(' or ');
    return [penaltyLine({
      stage: 'govern', id: `govern.authority.${i + 1}`, at: m.at, cost: POINTS.outsideAuthority,
      reference: `moves.${m.moveId}.owner: ${Array.isArray(owner) ? owner.join(', ') : owner}`,
      reason: `${moveLabel(ctx, m.moveId)} was made at ${ctx.t(m.at)} by the ${roleTitle(m.by)}, outside its authority: it belongs to ${owners} (−${POINTS.outsideAuthority}).`,
    })];
  });
}

/** All Govern lines. */
export function governLines(ctx: ScoringContext): ScoreLine[] {
  const common = commonLines(ctx, 'govern');
  return [
    ...ctx.pack.obligations.map((ob) => obligationLine(ctx, ob)),
    ...[boardLine(ctx), stakeholderLine(ctx)].filter((l): l is ScoreLine => l !== undefined),
    ...common.filter((l) => l.kind !== 'penalty'),
    ...common.filter((l) => l.kind === 'penalty'),
    ...authorityLines(ctx),
  ];
}
