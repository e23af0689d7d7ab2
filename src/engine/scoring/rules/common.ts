/**
 * Rules that apply in every stage, placed by the stage of what they are
 * about: `reference.required` and `reference.forbidden` moves (by the move's
 * stage) and decision prompts with a `best` answer (by the decision's stage).
 */
import type { Decision, Pack } from '../../pack/schema';
import type { Stage } from '../../pack/vocabulary';
import { type ScoringContext, actorTitle, firstMade, moveLabel } from '../context';
import { formatSpan } from '../../time';
import { deduction, notApplicableLine, penaltyLine, scoreLine, timedPoints } from '../lines';
import { POINTS } from '../points';
import { levelName } from '../severity';
import type { ScoreLine } from '../types';

/** Unique line ids when the same id repeats (`x`, `x.2`, `x.3`). */
export function uniqueIds(lines: ScoreLine[]): ScoreLine[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const n = (seen.get(line.id) ?? 0) + 1;
    seen.set(line.id, n);
    return n === 1 ? line : { ...line, id: `${line.id}.${n}` };
  });
}

/** Lines for the `reference.required` moves of `stage`. */
export function requiredLines(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  const lines: ScoreLine[] = [];
  ctx.pack.reference.required.forEach((req, index) => {
    if (ctx.moves.get(req.move)?.stage !== stage) return;
    const label = moveLabel(ctx, req.move);
    const fromText = req.from === 'start' ? 'the start' : `inject “${req.from.inject}”`;
    const reference = `reference.required[${index}]: ${req.move} within ${formatSpan(req.within)} of ${fromText}`;
    const id = `${stage}.required.${req.move}`;
    const base = req.from === 'start' ? 0 : ctx.state.fired[req.from.inject];
    if (base === undefined) {
      lines.push(notApplicableLine({
        stage, id, reference,
        reason: `${label} is required within ${formatSpan(req.within)} of ${fromText}, which never arrived in this run, so the requirement does not apply.`,
      }));
      return;
    }
    const deadline = base + req.within;
    const made = firstMade(ctx.state, req.move);
    const { points, status } = timedPoints(POINTS.required, made?.at, deadline);
    const demand = `required within ${formatSpan(req.within)} of ${fromText} (by ${ctx.t(deadline)})`;
    const reason =
      status === 'never'
        ? `${label} was never made; it is ${demand}. Why: ${req.reason}`
        : status === 'on-time'
          ? `${label} was made at ${ctx.t(made!.at)}, on time: ${demand}.`
          : `${label} was made at ${ctx.t(made!.at)}, after its deadline: ${demand}; late, so half credit${deduction(points, POINTS.required)}.`;
    lines.push(scoreLine({ stage, id, points, max: POINTS.required, reason, reference, at: made?.at ?? deadline }));
  });
  return uniqueIds(lines);
}

/** Penalty lines for the `reference.forbidden` moves of `stage` (0 points when avoided). */
export function forbiddenLines(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  const lines: ScoreLine[] = [];
  ctx.pack.reference.forbidden.forEach((rule, index) => {
    if (ctx.moves.get(rule.move)?.stage !== stage) return;
    const label = moveLabel(ctx, rule.move);
    const made = firstMade(ctx.state, rule.move);
    const reference = `reference.forbidden[${index}]: ${rule.move}`;
    const id = `${stage}.forbidden.${rule.move}`;
    lines.push(
      made
        ? penaltyLine({ stage, id, reference, at: made.at, cost: POINTS.forbidden, reason: `${label} was made at ${ctx.t(made.at)} by ${actorTitle(made.by)}; the reference forbids it: ${rule.reason} (−${POINTS.forbidden})` })
        : penaltyLine({ stage, id, reference, cost: 0, reason: `${label} was avoided, as the reference expects: ${rule.reason}` }),
    );
  });
  return uniqueIds(lines);
}

/**
 * The stage a decision is scored in: Detect for severity and R3AI prompts;
 * otherwise the stage of the first inject (pack order) that opens it, else of
 * the first move that opens it, else Govern.
 */
export function decisionStage(pack: Pack, decision: Decision): Stage {
  if (decision.kind === 'severity' || decision.kind === 'r3ai') return 'detect';
  const opens = (effects: readonly object[] | undefined) => effects?.some((e) => 'open' in e && e.open === decision.id) ?? false;
  const inject = pack.injects.find((i) => i.opens?.includes(decision.id) || opens(i.effects));
  if (inject) return inject.stage;
  return pack.moves.find((m) => opens(m.effects))?.stage ?? 'govern';
}

function optionLabel(decision: Decision, id: string): string {
  const option = decision.options?.find((o) => o.id === id);
  if (option) return `“${option.label}”`;
  if (decision.kind === 'severity' && /^v[1-5]$/.test(id)) return levelName(Number(id.slice(1)));
  return `“${id}”`;
}

/** Points for an answer: one-of for single/severity/r3ai; Jaccard overlap for multiple. */
function answerPoints(decision: Decision, chosen: readonly string[], best: readonly string[]): number {
  if (decision.kind !== 'multiple') return chosen.length > 0 && best.includes(chosen[0]!) ? POINTS.decision : 0;
  const union = new Set([...chosen, ...best]);
  const both = chosen.filter((id) => best.includes(id)).length;
  return union.size === 0 ? POINTS.decision : (POINTS.decision * both) / union.size;
}

/** Lines for the decision prompts with a `best` answer scored in `stage`. */
export function decisionLines(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  const lines: ScoreLine[] = [];
  for (const decision of ctx.pack.decisions) {
    const best = decision.best;
    if (!best || best.length === 0 || decision.kind === 'text' || decisionStage(ctx.pack, decision) !== stage) continue;
    const record = ctx.state.decisions[decision.id];
    const id = `${stage}.decision.${decision.id}`;
    const bestText = best.map((b) => optionLabel(decision, b)).join(decision.kind === 'multiple' ? ' + ' : ' or ');
    const reference = `decisions.${decision.id}.best: ${best.join(', ')}`;
    if (!record) {
      lines.push(notApplicableLine({ stage, id, reference, reason: `Decision “${decision.id}” was never asked in this run.` }));
      continue;
    }
    if (record.status !== 'answered') {
      const what = record.status === 'expired' ? `expired unanswered at ${ctx.t(record.closedAt ?? record.openedAt)}` : 'was left unanswered';
      lines.push(scoreLine({ stage, id, reference, points: 0, max: POINTS.decision, at: record.closedAt ?? record.openedAt, reason: `Decision “${decision.id}” (asked at ${ctx.t(record.openedAt)}) ${what}; the reference answer is ${bestText}.` }));
      continue;
    }
    const points = answerPoints(decision, record.options, best);
    const chosen = record.options.map((o) => optionLabel(decision, o)).join(' + ') || '(nothing)';
    const verdict = points >= POINTS.decision ? 'matching the reference' : `the reference answer is ${bestText}${deduction(points, POINTS.decision)}`;
    lines.push(scoreLine({ stage, id, reference, points, max: POINTS.decision, at: record.closedAt, reason: `Decision “${decision.id}” answered ${chosen} at ${ctx.t(record.closedAt ?? record.openedAt)} by ${actorTitle(record.by)}; ${verdict}.` }));
  }
  return lines;
}

/** The lines every stage shares, in a fixed order. */
export function commonLines(ctx: ScoringContext, stage: Stage): ScoreLine[] {
  return [...requiredLines(ctx, stage), ...decisionLines(ctx, stage), ...forbiddenLines(ctx, stage)];
}
