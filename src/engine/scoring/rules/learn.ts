/**
 * Learn: the five TRACE reflections, the root cause, corrections and
 * evolutions against the reference choices, and an action item.
 */
import { ROLE_TITLES, TRACE_SECTIONS, type TraceSection } from '../../pack/vocabulary';
import type { ScoringContext } from '../context';
import { deduction, notApplicableLine, scoreLine } from '../lines';
import { POINTS, UNEXPECTED_CHOICE_WEIGHT } from '../points';
import type { ScoreLine } from '../types';
import { commonLines } from './common';

/** Human titles of the TRACE sections. */
export const TRACE_TITLES: Readonly<Record<TraceSection, string>> = {
  trust: 'Trust',
  rootCause: 'Root cause',
  accountability: 'Accountability',
  correction: 'Correction',
  evolution: 'Evolution',
};

function reflectionLines(ctx: ScoringContext): ScoreLine[] {
  return TRACE_SECTIONS.map((section) => {
    const written = (ctx.state.trace.reflections[section] ?? '').trim().length > 0;
    return scoreLine({
      stage: 'learn', id: `learn.reflection.${section}`, points: written ? POINTS.reflection : 0, max: POINTS.reflection,
      reference: 'TRACE: a reflection for each of the five sections',
      reason: written ? `The ${TRACE_TITLES[section]} reflection was written.` : `No ${TRACE_TITLES[section]} reflection was written.`,
    });
  });
}

function rootCauseLine(ctx: ScoringContext): ScoreLine {
  const { candidates } = ctx.pack.reference.trace.rootCause;
  const correct = candidates.filter((c) => c.correct);
  const correctText = correct.map((c) => `“${c.label}”`).join(' or ') || '(none marked correct)';
  const chosen = candidates.find((c) => c.id === ctx.state.trace.rootCause);
  const base = { stage: 'learn' as const, id: 'learn.root-cause', max: POINTS.rootCause, reference: `reference.trace.rootCause: ${correct.map((c) => c.id).join(', ')}` };
  if (!chosen) return scoreLine({ ...base, points: 0, reason: `No root cause was chosen; the reference root cause is ${correctText}.` });
  return scoreLine({
    ...base, points: chosen.correct ? POINTS.rootCause : 0,
    reason: chosen.correct
      ? `Root cause “${chosen.label}” chosen — correct.`
      : `Root cause “${chosen.label}” chosen; the reference root cause is ${correctText}.`,
  });
}

/**
 * Corrections / evolutions: each expected choice chosen earns max/|expected|;
 * each unexpected one chosen cancels half of that; floored at 0.
 */
export function choicePoints(max: number, expected: number, hits: number, unexpected: number): number {
  if (expected === 0) return 0;
  return Math.max(0, (max * (hits - UNEXPECTED_CHOICE_WEIGHT * unexpected)) / expected);
}

function choiceLine(ctx: ScoringContext, section: 'correction' | 'evolution'): ScoreLine {
  const choices = section === 'correction' ? ctx.pack.reference.trace.corrections : ctx.pack.reference.trace.evolutions;
  const chosenIds = section === 'correction' ? ctx.state.trace.corrections : ctx.state.trace.evolutions;
  const plural = section === 'correction' ? 'corrections' : 'evolutions';
  const id = `learn.${plural}`;
  const expected = choices.filter((c) => c.expected);
  const reference = `reference.trace.${plural}: expected ${expected.map((c) => c.id).join(', ') || '(none)'}`;
  if (expected.length === 0) return notApplicableLine({ stage: 'learn', id, reference, reason: `The reference expects no ${plural}, so this is not scored.` });
  const chosen = choices.filter((c) => chosenIds.includes(c.id));
  const hits = chosen.filter((c) => c.expected);
  const wrong = chosen.filter((c) => !c.expected);
  const missed = expected.filter((c) => !chosenIds.includes(c.id));
  const points = choicePoints(POINTS.choices, expected.length, hits.length, wrong.length);
  const list = (items: readonly { label: string }[]) => items.map((c) => `“${c.label}”`).join(', ');
  const parts = [
    `${hits.length} of ${expected.length} expected ${plural} chosen${hits.length ? ` (${list(hits)})` : ''}`,
    missed.length ? `missed ${list(missed)}` : '',
    wrong.length ? `${wrong.length} not expected by the reference (${list(wrong)}), each cancelling half an expected one` : '',
  ].filter(Boolean);
  return scoreLine({ stage: 'learn', id, points, max: POINTS.choices, reference, reason: `${parts.join('; ')}${deduction(Math.min(POINTS.choices, points), POINTS.choices)}.` });
}

function actionItemLine(ctx: ScoringContext): ScoreLine {
  const items = ctx.state.trace.actionItems;
  const first = items[0];
  return scoreLine({
    stage: 'learn', id: 'learn.action-item', points: first ? POINTS.actionItem : 0, max: POINTS.actionItem,
    reference: 'TRACE: at least one action item with an owner role and a due date',
    reason: first
      ? `${items.length} action item${items.length === 1 ? '' : 's'} recorded, e.g. “${first.text}” owned by the ${ROLE_TITLES[first.owner]}, due ${first.due}.`
      : 'No action item (with owner and due date) was recorded.',
  });
}

/** All Learn lines. */
export function learnLines(ctx: ScoringContext): ScoreLine[] {
  return [...reflectionLines(ctx), rootCauseLine(ctx), choiceLine(ctx, 'correction'), choiceLine(ctx, 'evolution'), actionItemLine(ctx), ...commonLines(ctx, 'learn')];
}
