/**
 * The five TRACE sections of the debrief: facts computed from the run (the
 * same acts and service history the score reads), the pack's reference
 * answer and the participants' reflection.
 */
import type { Actor } from '../command-schema';
import { ROLE_TITLES, STAGES, STAGE_TITLES, type RoleId, type Stage, type TraceSection } from '../pack/vocabulary';
import { formatSpan } from '../time';
import type { SimMinutes } from '../types';
import { actorTitle, contains, rolesTitle } from './acts';
import { type ScoringContext, harmAt } from './context';
import type { DebriefFact, ReferenceItem, TraceSectionModel } from './debrief-types';
import { formatNumber } from './rules/contain';
import { TRACE_TITLES } from './rules/learn';
import { countedClassifications } from './severity';
import { START } from '../sim-minutes';

const QUESTIONS: Readonly<Record<TraceSection, string>> = {
  trust: 'Was the system trusted appropriately?',
  rootCause: 'What caused the failure?',
  accountability: 'Who was responsible at each stage?',
  correction: 'What was fixed?',
  evolution: 'What governance change prevents recurrence?',
};

const actorName = (actor: Actor) => (actor in ROLE_TITLES ? ROLE_TITLES[actor as RoleId] : actor === 'facilitator' ? 'Facilitator' : 'System');

function teamHarmAt(ctx: ScoringContext, at: SimMinutes): number {
  return harmAt(ctx.pack, ctx.state, ctx.pack.metrics.harm, at);
}

/** When the harm counter last grew (hourly samples): how long the system kept harming people. */
function harmStopped(ctx: ScoringContext): string {
  const series = [...ctx.state.harmSeries];
  const final = teamHarmAt(ctx, ctx.now);
  const lastSample = series[series.length - 1];
  if (!lastSample || lastSample[0] < ctx.now) series.push([ctx.now, final]);
  let lastRise: SimMinutes | undefined;
  for (let i = 1; i < series.length; i += 1) if (series[i]![1] > series[i - 1]![1] + 1e-9) lastRise = series[i]![0];
  if (lastRise === undefined) return 'The harm counter never grew during the run.';
  if (lastRise >= ctx.now) return `Still growing at ${ctx.t(ctx.now)}: the harm was never stopped for good.`;
  return `The harm counter last grew in the hour before ${ctx.t(lastRise)} and stayed flat after it.`;
}

/**
 * When containment began: the first time the system went out of service
 * (packs with `recovery.inService`), else the first act marked `containment`
 * — never a harmful act, whatever its stage.
 */
export function containmentBegan(ctx: ScoringContext): { at: SimMinutes; text: string } | undefined {
  const out = ctx.state.service.find((s, i) => i > 0 && !s.inService);
  if (out) return { at: out.at, text: `${ctx.pack.system.name} out of service at ${ctx.t(out.at)}` };
  // Packs without `containment` marks (format 1): the first Contain act that limits nothing else —
  // not forbidden, not harmful, not a change to the system, not evidence-keeping.
  const marked = ctx.pack.moves.some((m) => m.marks?.includes('containment'));
  const forbidden = new Set(ctx.pack.reference.forbidden.map((f) => f.move));
  const act = marked
    ? ctx.team.acts.find(contains)
    : ctx.team.acts.find((a) => a.kind === 'move' && a.stage === 'contain' && !forbidden.has(a.id) && !a.marks.some((m) => m === 'harmful' || m === 'alters-system' || m === 'preserves-evidence' || m === 'irreversible'));
  return act ? { at: act.at, text: `“${act.label}” at ${ctx.t(act.at)}` } : undefined;
}

function trustFacts(ctx: ScoringContext): DebriefFact[] {
  const aware = ctx.team.awareness;
  const warning = aware ? ctx.pack.injects.find((i) => i.id === aware.inject)?.title : undefined;
  const from = aware?.at ?? START;
  const began = containmentBegan(ctx);
  const facts: DebriefFact[] = [
    aware && warning ? { label: 'First warning', text: `“${warning}” at ${ctx.t(aware.at)}.`, at: aware.at } : { label: 'First warning', text: 'No signal of the incident reached the team.' },
    began
      ? { label: 'Containment began', text: `${began.text}, ${formatSpan(Math.max(0, began.at - from))} after the first warning.`, at: began.at }
      : { label: 'Containment began', text: `Never: nothing limited the harm until ${ctx.t(ctx.now)}.` },
  ];
  const atWarning = teamHarmAt(ctx, from);
  const end = teamHarmAt(ctx, ctx.now);
  const refEnd = ctx.reference ? ` (reference response: ${formatNumber(harmAt(ctx.pack, ctx.reference.state, ctx.pack.metrics.harm, ctx.now))})` : '';
  const beforeContain = began ? `; when containment began: ${formatNumber(teamHarmAt(ctx, began.at))}` : '';
  facts.push({ label: ctx.pack.metrics.harmLabel, text: `At the first warning: ${formatNumber(atWarning)}${beforeContain}; at ${ctx.t(ctx.now)}: ${formatNumber(end)}${refEnd}. It grew by ${formatNumber(end - atWarning)} after the first warning.` });
  facts.push({ label: 'Harm stopped', text: harmStopped(ctx) });
  const first = countedClassifications(ctx.state, aware?.at)[0];
  facts.push(first
    ? { label: 'First classification', text: `V${first.level} at ${ctx.t(first.at)}, ${formatSpan(Math.max(0, first.at - from))} after the first warning.`, at: first.at }
    : { label: 'First classification', text: 'The team never classified the incident after the first signal.' });
  const expired = ctx.team.acts.filter((a) => a.kind === 'expiry');
  if (expired.length) facts.push({ label: 'Decisions left to the clock', text: `${expired.length} prompt${expired.length === 1 ? '' : 's'} expired unanswered: ${expired.map((a) => a.label.replace(/ expired unanswered$/, '')).join('; ')}.` });
  return facts;
}

/** Who acted in each stage (stage order; actors in order of first act). Expiries and the facilitator's own injects are not acts of anyone. */
export function actorsByStage(ctx: ScoringContext): { stage: Stage; actors: { actor: Actor; acts: number }[] }[] {
  return STAGES.map((stage) => {
    const counts = new Map<Actor, number>();
    for (const act of ctx.team.acts) {
      if (act.stage !== stage || act.by === undefined || act.kind === 'expiry' || act.kind === 'release' || act.kind === 'adhoc') continue;
      counts.set(act.by, (counts.get(act.by) ?? 0) + 1);
    }
    return { stage, actors: [...counts].map(([actor, acts]) => ({ actor, acts })) };
  }).filter((s) => s.actors.length > 0);
}

function accountabilityFacts(ctx: ScoringContext): DebriefFact[] {
  const facts: DebriefFact[] = actorsByStage(ctx).map(({ stage, actors }) => ({
    label: STAGE_TITLES[stage],
    text: actors.map((a) => `${actorName(a.actor)} (${a.acts} act${a.acts === 1 ? '' : 's'})`).join(', '),
  }));
  for (const act of ctx.team.acts) {
    if (act.authority.kind !== 'outside') continue;
    facts.push({ label: 'Outside authority', text: `${act.label} by ${actorTitle(act.by)} at ${ctx.t(act.at)}; it belongs to ${rolesTitle(act.authority.owners)}.`, at: act.at });
  }
  const acted = new Set<Actor>([...ctx.team.acts.flatMap((a) => (a.by ? [a.by] : [])), ...ctx.state.severity.map((r) => r.by), ...ctx.state.r3ai.map((r) => r.by)]);
  const idle = ctx.pack.roles.map((r) => r.role).filter((role) => !acted.has(role));
  if (idle.length) facts.push({ label: 'Never acted', text: idle.map((r) => ROLE_TITLES[r]).join(', ') });
  for (const ob of ctx.pack.obligations) {
    const rec = ctx.state.obligations[ob.id];
    if (rec?.metBy) facts.push({ label: ob.title, text: `Met by the ${actorName(rec.metBy)} (owner: ${ROLE_TITLES[ob.owner]}).`, ...(rec.metAt === undefined ? {} : { at: rec.metAt }) });
  }
  if (facts.length === 0) facts.push({ label: 'Acts', text: 'Nobody acted.' });
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
  const changed = ctx.team.acts.filter((a) => a.marks.includes('alters-system') || a.marks.includes('restart'));
  const actedIn = (role: RoleId, stage: Stage) => ctx.team.acts.some((a) => a.by === role && a.stage === stage && a.kind !== 'expiry');
  const facts: Record<TraceSection, DebriefFact[]> = {
    trust: trustFacts(ctx),
    rootCause: [{ label: 'Chosen', text: chosenCause ? `“${chosenCause.label}” (${chosenCause.correct ? 'correct' : 'not the reference root cause'}).` : 'No root cause chosen.' }],
    accountability: accountabilityFacts(ctx),
    correction: [
      chosenFact('Corrections chosen', ref.corrections, input.corrections),
      { label: 'Changes to the system', text: changed.length ? changed.map((a) => `${a.label} at ${ctx.t(a.at)} by ${actorTitle(a.by)}`).join('; ') : 'None.' },
    ],
    evolution: [
      chosenFact('Evolutions chosen', ref.evolutions, input.evolutions),
      { label: 'Action items', text: input.actionItems.length ? input.actionItems.map((a) => `“${a.text}” — ${ROLE_TITLES[a.owner]}, due ${a.due}`).join('; ') : 'None.' },
    ],
  };
  const items: Record<TraceSection, ReferenceItem[]> = {
    trust: [],
    rootCause: ref.rootCause.candidates.map((c) => ({ id: c.id, label: c.label, verdict: c.correct ? 'correct' : 'incorrect', chosen: c.id === input.rootCause })),
    // The accountability checklist, ticked from the run: did that role act in that stage?
    accountability: ref.accountability.map((a, i) => ({ id: `${a.stage}-${a.role}-${i}`, label: `${STAGE_TITLES[a.stage]}: ${ROLE_TITLES[a.role]}`, detail: a.responsibility, chosen: actedIn(a.role, a.stage) })),
    correction: choiceItems(ref.corrections, input.corrections),
    evolution: choiceItems(ref.evolutions, input.evolutions),
  };
  const texts: Record<TraceSection, string> = { trust: ref.trust, rootCause: ref.rootCause.explanation, accountability: '', correction: '', evolution: '' };
  return (['trust', 'rootCause', 'accountability', 'correction', 'evolution'] as const).map((section) => {
    const reflection = input.reflections[section];
    return {
      section, title: TRACE_TITLES[section], question: QUESTIONS[section], facts: facts[section],
      referenceText: texts[section], referenceItems: items[section],
      ...(reflection && reflection.trim() ? { reflection } : {}),
    };
  });
}
