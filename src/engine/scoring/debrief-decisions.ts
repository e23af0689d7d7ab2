/**
 * Decision rows of the debrief: each prompt as the team met it, the option it
 * chose and the pack's rationale for it, beside the reference's best answer
 * and the reference response's own answer (for a text prompt: its draft, e.g.
 * the holding statement).
 */
import type { Decision, Pack } from '../pack/schema';
import type { DecisionRecord } from '../types';
import { decisionStage, decisionTitle, optionLabel } from './acts';
import type { ScoringContext } from './context';
import type { DecisionView, OptionView } from './debrief-types';

function optionView(decision: Decision, id: string): OptionView {
  const rationale = decision.options?.find((o) => o.id === id)?.rationale?.trim();
  return { id, label: optionLabel(decision, id), ...(rationale ? { rationale } : {}) };
}

function verdictOf(decision: Decision, record: DecisionRecord | undefined): DecisionView['verdict'] {
  if (!record) return 'not-asked';
  if (record.status === 'expired') return 'expired';
  const best = decision.best ?? [];
  if (record.status !== 'answered' || best.length === 0 || decision.kind === 'text') return record.status === 'answered' ? 'unscored' : 'not-asked';
  const hits = record.options.filter((o) => best.includes(o)).length;
  if (decision.kind !== 'multiple') return hits > 0 ? 'right' : 'wrong';
  if (hits === best.length && record.options.length === best.length) return 'right';
  return hits > 0 ? 'partly' : 'wrong';
}

/** The decision rows: every prompt asked in the team's run or the reference's, pack order. */
export function decisionViews(ctx: ScoringContext): DecisionView[] {
  const pack: Pack = ctx.pack;
  return pack.decisions.flatMap((decision) => {
    const record = ctx.state.decisions[decision.id];
    const ref = ctx.reference?.state.decisions[decision.id];
    if (!record && !ref) return [];
    const team: DecisionView['team'] = record
      ? {
          status: record.status, at: record.closedAt ?? record.openedAt, ...(record.by ? { by: record.by } : {}),
          chosen: record.options.map((o) => optionView(decision, o)), ...(record.text ? { text: record.text } : {}),
          ...(record.status === 'expired' && decision.onExpire?.note ? { expiryNote: decision.onExpire.note } : {}),
        }
      : { status: 'not-asked', chosen: [] };
    return [{
      id: decision.id, title: decisionTitle(decision), prompt: decision.prompt, kind: decision.kind, stage: decisionStage(pack, decision),
      team, best: (decision.best ?? []).map((b) => optionView(decision, b)),
      ...(ref && ref.status === 'answered' ? { reference: { chosen: ref.options.map((o) => optionView(decision, o)), ...(ref.text ? { text: ref.text } : {}), at: ref.closedAt ?? ref.openedAt } } : {}),
      verdict: verdictOf(decision, record),
    }];
  });
}
