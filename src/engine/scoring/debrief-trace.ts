/**
 * The five TRACE sections of the debrief: facts computed from the run, the
 * pack's reference answer and the participants' reflection.
 */
import type { Actor } from '../command-schema';
import { ROLE_TITLES, STAGES, type RoleId, type Stage, type TraceSection } from '../pack/vocabulary';
import type { RunState, SimMinutes } from '../types';
import { type ScoringContext, harmAt, harmOf, moveLabel } from './context';
import type { DebriefFact, ReferenceItem, TraceSectionModel } from './debrief-types';
import { formatSpan } from '../time';
import { formatNumber } from './rules/contain';
import { awarenessAt } from './rules/detect';
import { TRACE_TITLES } from './rules/learn';

const QUESTIONS: Readonly<Record<TraceSection, string>> = {
  trust: 'Was the system trusted appropriately?',
  rootCause: 'What caused the failure?',
  accountability: 'Who was responsible at each stage?',
  correction: 'What was fixed?',
  evolution: 'What governance change prevents recurrence?',
};

const actorName = (actor: Actor) => (actor in ROLE_TITLES ? ROLE_TITLES[actor as RoleId] : actor === 'facilitator' ? 'Facilitator' : 'System');

/** Harm in the team run at `at` (its last sample at or before it; the current value from `now` on). */
function teamHarmAt(ctx: ScoringContext, at: SimMinutes): number {
  return harmAt(ctx.pack, { state: ctx.state }, at);
}

/** When the harm counter last grew (hourly samples): how long the system kept harming people. */
function harmStopped(ctx: ScoringContext): string {
  const series = [...ctx.state.harmSeries];
  const final = harmOf(ctx.pack, ctx.state);
  const lastSample = series[series.length - 1];
  if (!lastSample || lastSample[0] < ctx.now) series.push([ctx.now, final]);
  let lastRise: number | undefined;
  for (let i = 1; i < series.length; i += 1) if (series[i]![1] > series[i - 1]![1]) lastRise = series[i]![0];
  if (lastRise === undefined) return 'The harm counter never grew during the run.';
  if (lastRise >= ctx.now) return `Still growing at ${ctx.t(ctx.now)}: the system was never stopped for good.`;
  return `The harm counter last grew in the hour before ${ctx.t(lastRise)} and stayed flat after it.`;
}

function trustFacts(ctx: ScoringContext): DebriefFact[] {
  const aware = awarenessAt(ctx);
  const warning = aware.inject ? ctx.pack.injects.find((i) => i.id === aware.inject)?.title : undefined;
  const firstContain = ctx.state.moves.find((m) => ctx.moves.get(m.moveId)?.stage === 'contain');
  const harmLabel = ctx.pack.metrics.harmLabel;
  const facts: DebriefFact[] = [
    warning
      ? { label: 'First warning', text: `“${warning}” at ${ctx.t(aware.at)}.`, at: aware.at }
      : { label: 'First warning', text: 'No warning arrived; awareness is counted from the start.', at: 0 },
    firstContain
      ? { label: 'Containment began', text: `${moveLabel(ctx, firstContain.moveId)} at ${ctx.t(firstContain.at)}, ${formatSpan(Math.max(0, firstContain.at - aware.at))} after the first warning.`, at: firstContain.at }
      : { label: 'Containment began', text: `Never: the system kept running until ${ctx.t(ctx.now)}, ${formatSpan(Math.max(0, ctx.now - aware.at))} after the first warning.` },
  ];
  const atWarning = teamHarmAt(ctx, aware.at);
  const end = harmOf(ctx.pack, ctx.state);
  const refEnd = ctx.runs.reference ? ` (reference response: ${formatNumber(harmAt(ctx.pack, ctx.runs.reference, ctx.now))})` : '';
  const beforeContain = firstContain ? `; when containment began: ${formatNumber(teamHarmAt(ctx, firstContain.at))}` : '';
  facts.push({ label: harmLabel, text: `At the first warning: about ${formatNumber(atWarning)}${beforeContain}; at ${ctx.t(ctx.now)}: ${formatNumber(end)}${refEnd}. It grew by ${formatNumber(end - atWarning)} after the first warning.` });
  facts.push({ label: 'Harm stopped', text: harmStopped(ctx) });
  const first = ctx.state.severity[0];
  facts.push(first
    ? { label: 'First classification', text: `V${first.level} at ${ctx.t(first.at)}, ${formatSpan(Math.max(0, first.at - aware.at))} after the first warning.`, at: first.at }
    : { label: 'First classification', text: 'The team never classified the incident.' });
  const expired = Object.entries(ctx.state.decisions).filter(([, d]) => d.status === 'expired').map(([id]) => id);
  if (expired.length) facts.push({ label: 'Decisions left to the clock', text: `${expired.length} prompt${expired.length === 1 ? '' : 's'} expired unanswered (${expired.join(', ')}): the system’s default course ran on.` });
  return facts;
}

/** Who made moves of each stage (stage order; actors in order of first move). */
export function actorsByStage(ctx: ScoringContext): { stage: Stage; actors: { actor: Actor; moves: number }[] }[] {
  return STAGES.map((stage) => {
    const counts = new Map<Actor, number>();
    for (const m of ctx.state.moves) if (ctx.moves.get(m.moveId)?.stage === stage) counts.set(m.by, (counts.get(m.by) ?? 0) + 1);
    return { stage, actors: [...counts].map(([actor, moves]) => ({ actor, moves })) };
  }).filter((s) => s.actors.length > 0);
}

function actorsWhoActed(state: RunState): Set<Actor> {
  const acted = new Set<Actor>();
  state.moves.forEach((m) => acted.add(m.by));
  state.severity.forEach((r) => acted.add(r.by));
  state.r3ai.forEach((r) => acted.add(r.by));
  Object.values(state.decisions).forEach((d) => d.by && acted.add(d.by));
  return acted;
}

function accountabilityFacts(ctx: ScoringContext): DebriefFact[] {
  const facts: DebriefFact[] = actorsByStage(ctx).map(({ stage, actors }) => ({
    label: `${stage[0]!.toUpperCase()}${stage.slice(1)}`,
    text: actors.map((a) => `${actorName(a.actor)} (${a.moves} move${a.moves === 1 ? '' : 's'})`).join(', '),
  }));
  for (const m of ctx.state.moves.filter((mv) => mv.outsideAuthority)) {
    const owner = ctx.moves.get(m.moveId)?.owner ?? [];
    facts.push({ label: 'Outside authority', text: `${moveLabel(ctx, m.moveId)} by the ${actorName(m.by)} at ${ctx.t(m.at)}; it belongs to ${(Array.isArray(owner) ? owner : [owner]).map(actorName).join(' or ')}.`, at: m.at });
  }
  const acted = actorsWhoActed(ctx.state);
  const idle = ctx.pack.roles.map((r) => r.role).filter((role) => !acted.has(role));
  if (idle.length) facts.push({ label: 'Never acted', text: idle.map((r) => ROLE_TITLES[r]).join(', ') });
  for (const ob of ctx.pack.obligations) {
    const rec = ctx.state.obligations[ob.id];
    if (rec?.metBy) facts.push({ label: ob.title, text: `Met by the ${actorName(rec.metBy)} (owner: ${ROLE_TITLES[ob.owner]}).`, ...(rec.metAt === undefined ? {} : { at: rec.metAt }) });
  }
  if (facts.length === 0) facts.push({ label: 'Moves', text: 'No move was made.' });
  return facts;
}

function choiceItems(choices: readonly { id: string; label: string; expected: boolean }[], chosen: readonly string[]): ReferenceItem[] {
  return choices.map((c) => ({ id: c.id, label: c.label, verdict: c.expected ? 'expected' : 'not-expected', chosen: chosen.includes(c.id) }));
}

function chosenFact(label: string, choices: readonly { id: string; label: string }[], chosen: readonly string[]): DebriefFact {
  const names = chosen.map((id) => `“${choices.find((c) => c.id === id)?.label ?? id}”`);
  return { label, text: names.length ? names.join(', ') : 'None chosen.' };
}

/** The five sections, in TRACE order. */
export function traceSections(ctx: ScoringContext): TraceSectionModel[] {
  const ref = ctx.pack.reference.trace;
  const input = ctx.state.trace;
  const chosenCause = ref.rootCause.candidates.find((c) => c.id === input.rootCause);
  const changed = ctx.state.moves.filter((m) => {
    const marks = ctx.moves.get(m.moveId)?.marks ?? [];
    return marks.includes('alters-system') || marks.includes('restart') || ctx.pack.recovery.restartMoves.includes(m.moveId);
  });
  const facts: Record<TraceSection, DebriefFact[]> = {
    trust: trustFacts(ctx),
    rootCause: [{ label: 'Chosen', text: chosenCause ? `“${chosenCause.label}” (${chosenCause.correct ? 'correct' : 'not the reference root cause'}).` : 'No root cause chosen.' }],
    accountability: accountabilityFacts(ctx),
    correction: [
      chosenFact('Corrections chosen', ref.corrections, input.corrections),
      { label: 'Changes to the system', text: changed.length ? changed.map((m) => `${moveLabel(ctx, m.moveId)} at ${ctx.t(m.at)} by the ${actorName(m.by)}`).join('; ') : 'None.' },
    ],
    evolution: [
      chosenFact('Evolutions chosen', ref.evolutions, input.evolutions),
      { label: 'Action items', text: input.actionItems.length ? input.actionItems.map((a) => `“${a.text}” — ${ROLE_TITLES[a.owner]}, due ${a.due}`).join('; ') : 'None.' },
    ],
  };
  const items: Record<TraceSection, ReferenceItem[]> = {
    trust: [],
    rootCause: ref.rootCause.candidates.map((c) => ({ id: c.id, label: c.label, verdict: c.correct ? 'correct' : 'incorrect', chosen: c.id === input.rootCause })),
    accountability: ref.accountability.map((a, i) => ({ id: `${a.stage}-${a.role}-${i}`, label: `${a.stage}: ${ROLE_TITLES[a.role]}`, detail: a.responsibility })),
    correction: choiceItems(ref.corrections, input.corrections),
    evolution: choiceItems(ref.evolutions, input.evolutions),
  };
  const texts: Record<TraceSection, string> = { trust: ref.trust, rootCause: ref.rootCause.explanation, accountability: '', correction: '', evolution: '' };
  return (['trust', 'rootCause', 'accountability', 'correction', 'evolution'] as const).map((section) => {
    const reflection = input.reflections[section];
    return {
      section,
      title: TRACE_TITLES[section],
      question: QUESTIONS[section],
      facts: facts[section],
      referenceText: texts[section],
      referenceItems: items[section],
      ...(reflection && reflection.trim() ? { reflection } : {}),
    };
  });
}
