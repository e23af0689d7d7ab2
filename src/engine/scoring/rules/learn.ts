/**
 * Learn: the five TRACE reflections judged on substance against the pack's
 * reference answers, the root cause, corrections and evolutions against the
 * reference choices (ticking everything earns nothing), and a real action item.
 */
import type { Pack } from '../../pack/schema';
import { assertNever } from '../../result';
import { ROLE_TITLES, TRACE_SECTIONS, type TraceSection } from '../../pack/vocabulary';
import type { ScoringContext } from '../context';
import { deduction, notApplicableLine, scoreLine } from '../lines';
import { MIN_ACTION_ITEM_WORDS, MIN_REFLECTION_WORDS, POINTS, REFLECTION_TERMS, WRONG_CHOICE_WEIGHT } from '../points';
import { contentStems, keyTerms, mentioned, words } from '../terms';
import type { ScoreLine } from '../types';
import { commonLines, commonPenalties } from './common';

/** Human titles of the TRACE sections. */
export const TRACE_TITLES: Readonly<Record<TraceSection, string>> = {
  trust: 'Trust',
  rootCause: 'Root cause',
  accountability: 'Accountability',
  correction: 'Correction',
  evolution: 'Evolution',
};

/** The reference answer of a section, as text (what a reflection is compared with). */
export function referenceAnswer(pack: Pack, section: TraceSection): string {
  const trace = pack.reference.trace;
  switch (section) {
    case 'trust': return trace.trust;
    case 'rootCause': return [trace.rootCause.explanation, ...trace.rootCause.candidates.filter((c) => c.correct).map((c) => c.label)].join('\n');
    case 'accountability': return trace.accountability.map((a) => a.responsibility).join('\n');
    case 'correction': return trace.corrections.filter((c) => c.expected).map((c) => c.label).join('\n');
    case 'evolution': return trace.evolutions.filter((c) => c.expected).map((c) => c.label).join('\n');
    default: return assertNever(section);
  }
}

/** The key terms of a section: the pack's `trace.keywords`, else drawn from its reference answer. */
export function sectionTerms(pack: Pack, section: TraceSection): (readonly string[])[] {
  const declared = pack.reference.trace.keywords?.[section];
  if (declared && declared.length > 0) return declared.map((k) => contentStems(k)).filter((t) => t.length > 0);
  return keyTerms(referenceAnswer(pack, section)).map((s) => [s]);
}

function reflectionLines(ctx: ScoringContext): ScoreLine[] {
  return TRACE_SECTIONS.map((section) => {
    const text = (ctx.state.trace.reflections[section] ?? '').trim();
    const count = words(text).length;
    const base = { stage: 'learn' as const, id: `learn.reflection.${section}`, max: POINTS.reflection, reference: `Reference: the ${TRACE_TITLES[section]} answer` };
    const lesson = `Compare with the reference ${TRACE_TITLES[section]} answer in the debrief.`;
    if (text === '') return scoreLine({ ...base, points: 0, reason: `No ${TRACE_TITLES[section]} reflection was written.`, lesson });
    if (count < MIN_REFLECTION_WORDS) {
      return scoreLine({ ...base, points: 0, reason: `The ${TRACE_TITLES[section]} reflection has ${count} word${count === 1 ? '' : 's'}; a reflection needs at least ${MIN_REFLECTION_WORDS} to say something.`, lesson });
    }
    const found = mentioned(text, sectionTerms(ctx.pack, section));
    const share = found.length >= REFLECTION_TERMS ? 1 : found.length === 1 ? 0.6 : 0.25;
    const points = POINTS.reflection * share;
    const terms = found.slice(0, 4).map((t) => t.join(' ')).join(', ');
    return scoreLine({
      ...base, points,
      reason: found.length === 0
        ? `The ${TRACE_TITLES[section]} reflection (${count} words) touches none of the points of the reference answer${deduction(points, POINTS.reflection)}.`
        : `The ${TRACE_TITLES[section]} reflection (${count} words) takes up ${found.length} point${found.length === 1 ? '' : 's'} of the reference answer (${terms})${deduction(points, POINTS.reflection)}.`,
      ...(share < 1 ? { lesson } : {}),
    });
  });
}

function rootCauseLine(ctx: ScoringContext): ScoreLine {
  const { candidates, explanation } = ctx.pack.reference.trace.rootCause;
  const correct = candidates.filter((c) => c.correct);
  const correctText = correct.map((c) => `“${c.label}”`).join(' or ') || '(none marked correct)';
  const chosen = candidates.find((c) => c.id === ctx.state.trace.rootCause);
  const base = { stage: 'learn' as const, id: 'learn.root-cause', max: POINTS.rootCause, reference: `Reference: ${correctText}` };
  if (!chosen) return scoreLine({ ...base, points: 0, reason: `No root cause was chosen; the reference root cause is ${correctText}.`, lesson: explanation.trim() });
  return scoreLine({
    ...base, points: chosen.correct ? POINTS.rootCause : 0,
    reason: chosen.correct ? `Root cause “${chosen.label}” chosen — correct.` : `Root cause “${chosen.label}” chosen; the reference root cause is ${correctText}.`,
    ...(chosen.correct ? {} : { lesson: explanation.trim() }),
  });
}

/**
 * Corrections / evolutions: each expected choice earns max/|expected|; each
 * unexpected one cancels WRONG_CHOICE_WEIGHT expected ones; floored at 0. So
 * ticking every option of a list with decoys earns (next to) nothing.
 */
export function choicePoints(max: number, expected: number, hits: number, unexpected: number): number {
  if (expected === 0) return 0;
  return Math.max(0, (max * (hits - WRONG_CHOICE_WEIGHT * unexpected)) / expected);
}

function choiceLine(ctx: ScoringContext, section: 'correction' | 'evolution'): ScoreLine {
  const choices = section === 'correction' ? ctx.pack.reference.trace.corrections : ctx.pack.reference.trace.evolutions;
  const chosenIds = section === 'correction' ? ctx.state.trace.corrections : ctx.state.trace.evolutions;
  const plural = section === 'correction' ? 'corrections' : 'evolutions';
  const id = `learn.${plural}`;
  const expected = choices.filter((c) => c.expected);
  const list = (items: readonly { label: string }[]) => items.map((c) => `“${c.label}”`).join(', ');
  const reference = `Reference ${plural}: ${list(expected) || '(none)'}`;
  if (expected.length === 0) return notApplicableLine({ stage: 'learn', id, reference, reason: `The reference expects no ${plural}, so this is not scored.` });
  const chosen = choices.filter((c) => chosenIds.includes(c.id));
  const hits = chosen.filter((c) => c.expected);
  const wrong = chosen.filter((c) => !c.expected);
  const missed = expected.filter((c) => !chosenIds.includes(c.id));
  const points = choicePoints(POINTS.choices, expected.length, hits.length, wrong.length);
  const parts = [
    `${hits.length} of ${expected.length} expected ${plural} chosen${hits.length ? ` (${list(hits)})` : ''}`,
    missed.length ? `missed ${list(missed)}` : '',
    wrong.length ? `${wrong.length} the reference does not expect (${list(wrong)}), each cancelling ${WRONG_CHOICE_WEIGHT} expected ones` : '',
  ].filter(Boolean);
  return scoreLine({
    stage: 'learn', id, points, max: POINTS.choices, reference,
    reason: `${parts.join('; ')}${deduction(Math.min(POINTS.choices, points), POINTS.choices)}.`,
    ...(points < POINTS.choices ? { lesson: `The reference ${plural}: ${list(expected)}.` } : {}),
  });
}

function actionItemLine(ctx: ScoringContext): ScoreLine {
  const items = ctx.state.trace.actionItems;
  const worded = items.filter((i) => words(i.text).length >= MIN_ACTION_ITEM_WORDS);
  // A plan is due ahead: a date before the incident began (ISO dates compare as text) is no commitment.
  const began = ctx.pack.clock.start.slice(0, 10);
  const real = worded.filter((i) => i.due >= began);
  const first = real[0];
  return scoreLine({
    stage: 'learn', id: 'learn.action-item', points: first ? POINTS.actionItem : 0, max: POINTS.actionItem,
    reference: 'Reference: at least one action item with an owner role, a due date and a concrete task',
    reason: first
      ? `${real.length} action item${real.length === 1 ? '' : 's'} recorded, e.g. “${first.text}” owned by the ${ROLE_TITLES[first.owner]}, due ${first.due}.`
      : worded.length > 0
        ? `The action items recorded are due before the incident began (e.g. ${worded[0]!.due}, the incident began ${began}): a plan needs a date still ahead.`
        : items.length > 0
          ? `The action items recorded say too little to act on (fewer than ${MIN_ACTION_ITEM_WORDS} words each).`
          : 'No action item (with owner and due date) was recorded.',
    ...(first ? {} : { lesson: 'Close with concrete action items: who does what by when.' }),
  });
}

/** All Learn lines. */
export function learnLines(ctx: ScoringContext): ScoreLine[] {
  return [
    ...reflectionLines(ctx), rootCauseLine(ctx), choiceLine(ctx, 'correction'), choiceLine(ctx, 'evolution'), actionItemLine(ctx),
    ...commonLines(ctx, 'learn'), ...commonPenalties(ctx, 'learn'),
  ];
}
