/**
 * Rules that apply in every stage, placed by the stage of what they are
 * about: `reference.required` acts, decision prompts with a `best` answer,
 * and the costs of acts (forbidden, harmful, irreversible, misleading,
 * costly, outside authority) in the stage of the act.
 */
import type { MoveId } from '../../pack/primitives';
import type { Decision } from '../../pack/schema';
import type { Stage } from '../../pack/vocabulary';
import { formatSpan } from '../../time';
import { type Act, type MoveAct, actorTitle, decisionStage, decisionTitle, optionLabel, rolesTitle } from '../acts';
import { type RunView, type ScoringContext, moveLabel } from '../context';
import { deduction, notApplicableLine, penaltyLine, scoreLine, timing, timingWords } from '../lines';
import { AUTHORITY_CREDIT, COSTS, POINTS } from '../points';
import type { ScoreLine } from '../types';
import { after, START } from '../../sim-minutes';

/** Unique line ids when the same id repeats (`x`, `x.2`, `x.3`). */
export function uniqueIds(lines: ScoreLine[]): ScoreLine[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const n = (seen.get(line.id) ?? 0) + 1;
    seen.set(line.id, n);
    return n === 1 ? line : { ...line, id: `${line.id}.${n}` };
  });
}

/** The share of credit an act earns given its actor's authority. */
export const authorityShare = (act: Act | undefined): number => (act?.authority.kind === 'outside' ? AUTHORITY_CREDIT : 1);

/** "; made outside its actor's authority, so half credit" or "". */
export function authorityNote(act: Act | undefined): string {
  if (act?.authority.kind !== 'outside') return '';
  return `; it was made by ${actorTitle(act.by)}, outside its authority (it belongs to ${rolesTitle(act.authority.owners)}), so it earns half credit`;
}

/** The moves a required entry accepts. */
export const requiredMoves = (req: { readonly move?: MoveId | undefined; readonly anyOf?: readonly MoveId[] | undefined }): readonly MoveId[] =>
  req.move !== undefined ? [req.move] : req.anyOf ?? [];

/** The first act in a view making one of `moveIds`. */
export function firstOf(view: RunView | undefined, moveIds: readonly MoveId[]): MoveAct | undefined {
  return view?.acts.find((a): a is MoveAct => a.kind === 'move' && moveIds.includes(a.id));
}

/** "the reference did it at Day 1 09:15 (the Technical Containment Lead)": what the reference run did instead. */
export function referenceDid(ctx: ScoringContext, act: Act | undefined): string {
  if (act === undefined) return '';
  return `The reference response: ${act.label} at ${ctx.t(act.at)} by ${actorTitle(act.by)}.`;
}

/**
 * Obligations that judge a move instead of a `reference.required` entry: one
 * act gets one verdict, so a move that meets an obligation that applied (in
 * this run or the reference) is judged against the obligation's clock only.
 */
export function obligationCovering(ctx: ScoringContext, moveIds: readonly MoveId[]) {
  return ctx.pack.obligations.find(
    (ob) => ob.satisfiedBy.some((m) => moveIds.includes(m)) && (ctx.state.obligations[ob.id] !== undefined || ctx.reference?.state.obligations[ob.id] !== undefined),
  );
}

/** Lines for the `reference.required` entries of `stage` (entries judged by an obligation are left to it). */
export function requiredLines(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  const lines: ScoreLine[] = [];
  for (const req of ctx.pack.reference.required) {
    const moveIds = requiredMoves(req);
    const first = moveIds[0] === undefined ? undefined : ctx.moves.get(moveIds[0]);
    if (first?.stage !== stage || obligationCovering(ctx, moveIds) !== undefined) continue;
    const label = moveIds.map((m) => moveLabel(ctx, m)).join(' or ');
    const from = req.from;
    const fromInject = from === 'start' ? undefined : ctx.pack.injects.find((i) => i.id === from.inject);
    const fromText = req.from === 'start' ? 'the start' : `“${fromInject?.title ?? 'its trigger'}” arrived`;
    const reference = `Reference: ${label} within ${formatSpan(req.within)} of ${fromInject ? `“${fromInject.title}”` : 'the start'}`;
    const id = `${stage}.required.${moveIds.join('|')}`;
    const base = from === 'start' ? START : ctx.state.fired[from.inject];
    if (base === undefined) {
      lines.push(notApplicableLine({ stage, id, reference, reason: `${label} is required within ${formatSpan(req.within)} of when ${fromText}, which never happened in this run, so the requirement does not apply.` }));
      continue;
    }
    const deadline = after(base, req.within);
    const made = firstOf(ctx.team, moveIds);
    const t = timing(made?.at, deadline, req.within);
    const points = POINTS.required * t.share * authorityShare(made);
    const demand = `required within ${formatSpan(req.within)} of ${req.from === 'start' ? 'the start' : `when ${fromText}`} (by ${ctx.t(deadline)})`;
    const reason = made === undefined
      ? `${label} was never made; it is ${demand}. Why: ${req.reason}`
      : `${moveLabel(ctx, made.id)} was made at ${ctx.t(made.at)} by ${actorTitle(made.by)} — ${timingWords(t)}: ${demand}${authorityNote(made)}${deduction(points, POINTS.required)}.`;
    const lesson = points < POINTS.required ? `${referenceDid(ctx, firstOf(ctx.reference, moveIds))} Why: ${req.reason}`.trim() : undefined;
    lines.push(scoreLine({ stage, id, points, max: POINTS.required, reason, reference, at: made?.at ?? deadline, lesson, ...(made ? { act: made.key } : {}), timing: t }));
  }
  return uniqueIds(lines);
}

function bestWords(decision: Decision, best: readonly string[]): string {
  return best.map((b) => `“${optionLabel(decision, b)}”`).join(decision.kind === 'multiple' ? ' + ' : ' or ');
}

/** Why the reference prefers its answer, and what was wrong with the team's (from the pack's rationales). */
function rationaleLesson(decision: Decision, chosen: readonly string[], best: readonly string[]): string {
  const rationale = (id: string) => decision.options?.find((o) => o.id === id)?.rationale?.trim();
  const wrong = chosen.filter((c) => !best.includes(c)).map((c) => (rationale(c) ? `“${optionLabel(decision, c)}”: ${rationale(c)}` : '')).filter(Boolean);
  const right = best.map((b) => (rationale(b) ? `“${optionLabel(decision, b)}”: ${rationale(b)}` : '')).filter(Boolean);
  return [wrong.length ? `Your choice — ${wrong.join(' ')}` : '', right.length ? `The reference — ${right.join(' ')}` : ''].filter(Boolean).join(' ');
}

/** Points for an answer: one-of for single; Jaccard overlap for multiple. */
function answerShare(decision: Decision, chosen: readonly string[], best: readonly string[]): number {
  if (decision.kind !== 'multiple') return chosen.length > 0 && best.includes(chosen[0]!) ? 1 : 0;
  const union = new Set([...chosen, ...best]);
  const both = chosen.filter((id) => best.includes(id)).length;
  return union.size === 0 ? 1 : both / union.size;
}

/**
 * Lines for the decision prompts with a `best` answer scored in `stage`.
 * Severity and R3AI prompts are scored as classifications (Detect), not here.
 */
export function decisionLines(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  const lines: ScoreLine[] = [];
  for (const decision of ctx.pack.decisions) {
    const best = decision.best;
    if (!best || best.length === 0 || decision.kind === 'text' || decision.kind === 'severity' || decision.kind === 'r3ai') continue;
    if (decisionStage(ctx.pack, decision) !== stage) continue;
    const record = ctx.state.decisions[decision.id];
    const title = `“${decisionTitle(decision)}”`;
    const id = `${stage}.decision.${decision.id}`;
    const reference = `Reference answer: ${bestWords(decision, best)}`;
    if (!record) {
      lines.push(notApplicableLine({ stage, id, reference, reason: `The prompt ${title} was never asked in this run.` }));
      continue;
    }
    if (record.status !== 'answered') {
      const what = record.status === 'expired' ? `expired unanswered at ${ctx.t(record.closedAt ?? record.openedAt)}` : 'is still open';
      const note = record.status === 'expired' && decision.onExpire?.note ? ` ${decision.onExpire.note}` : '';
      lines.push(scoreLine({
        stage, id, reference, points: 0, max: POINTS.decision, at: record.closedAt ?? record.openedAt,
        reason: `The prompt ${title} (asked at ${ctx.t(record.openedAt)}) ${what}; the reference answer is ${bestWords(decision, best)}.${note}`,
        lesson: rationaleLesson(decision, [], best),
        ...(record.status === 'expired' ? { act: `expiry:${decision.id}` } : {}),
      }));
      continue;
    }
    const act = ctx.team.acts.find((a) => a.key === `decision:${decision.id}`);
    const share = answerShare(decision, record.options, best);
    const points = POINTS.decision * share * authorityShare(act);
    const chosen = record.options.map((o) => `“${optionLabel(decision, o)}”`).join(' + ') || '(nothing)';
    const verdict = share >= 1 ? 'matching the reference' : `the reference answer is ${bestWords(decision, best)}`;
    lines.push(scoreLine({
      stage, id, reference, points, max: POINTS.decision, at: record.closedAt, act: `decision:${decision.id}`,
      reason: `${title} answered ${chosen} at ${ctx.t(record.closedAt ?? record.openedAt)} by ${actorTitle(record.by)} — ${verdict}${authorityNote(act)}${deduction(points, POINTS.decision)}.`,
      ...(share < 1 ? { lesson: rationaleLesson(decision, record.options, best) } : {}),
    }));
  }
  return lines;
}

/** One penalty line per act of `stage` that is forbidden, harmful, irreversible, misleading or costly. */
export function actPenaltyLines(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  const lines: ScoreLine[] = [];
  const forbidden = new Map(ctx.pack.reference.forbidden.map((f) => [f.move, f]));
  const penalised = new Set<string>();
  for (const act of ctx.team.acts) {
    if (act.stage !== stage) continue;
    const rule = act.kind === 'move' ? forbidden.get(act.id) : undefined;
    const parts: { cost: number; why: string }[] = [];
    if (rule) parts.push({ cost: rule.cost ?? COSTS.forbidden, why: `the reference forbids it: ${rule.reason}` });
    else if (act.marks.includes('harmful')) parts.push({ cost: COSTS.harmful, why: 'it does harm' });
    if (act.marks.includes('irreversible')) parts.push({ cost: COSTS.irreversible, why: 'it cannot be undone' });
    if (act.marks.includes('misleading')) parts.push({ cost: COSTS.misleading, why: 'it misleads the people it speaks to' });
    if (act.cost) parts.push({ cost: act.cost.points, why: act.cost.reason });
    if (parts.length === 0) continue;
    if (act.kind === 'move') penalised.add(act.id);
    const cost = parts.reduce((sum, p) => sum + p.cost, 0);
    lines.push(penaltyLine({
      stage, id: `${stage}.act.${act.id}`, at: act.at, cost, act: act.key,
      reference: rule ? `Reference: forbidden` : 'The act itself',
      reason: `${act.label} was made at ${ctx.t(act.at)} by ${actorTitle(act.by)}; ${parts.map((p) => p.why).join('; ')} (−${cost}).`,
      lesson: rule?.reason ?? parts.map((p) => p.why).join('; '),
    }));
  }
  for (const rule of ctx.pack.reference.forbidden) {
    if (ctx.moves.get(rule.move)?.stage !== stage || penalised.has(rule.move)) continue;
    lines.push(penaltyLine({ stage, id: `${stage}.avoided.${rule.move}`, cost: 0, reference: 'Reference: forbidden', reason: `${moveLabel(ctx, rule.move)} was avoided, as the reference expects: ${rule.reason}` }));
  }
  return uniqueIds(lines);
}

/** One penalty per act of `stage` made outside its actor's authority, naming who should have acted. */
export function authorityLines(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  return uniqueIds(ctx.team.acts.flatMap((act) => {
    if (act.stage !== stage || act.authority.kind !== 'outside') return [];
    return [penaltyLine({
      stage, id: `${stage}.authority.${act.id}`, at: act.at, cost: COSTS.outsideAuthority, act: act.key,
      reference: `Authority: ${rolesTitle(act.authority.owners)}`,
      reason: `${act.label} was made at ${ctx.t(act.at)} by ${actorTitle(act.by)}, outside its authority: ${rolesTitle(act.authority.owners)} should have made it (−${COSTS.outsideAuthority}; the credit it earns is halved).`,
      lesson: `The decision belongs to ${rolesTitle(act.authority.owners)}: record each act in the name of the role that owns it.`,
    })];
  }));
}

/** The lines every stage shares, in a fixed order: requirements, decisions, then costs. */
export function commonLines(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  return [...requiredLines(ctx, stage), ...decisionLines(ctx, stage)];
}

/** The cost lines every stage shares. */
export function commonPenalties(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  return [...actPenaltyLines(ctx, stage), ...authorityLines(ctx, stage)];
}
