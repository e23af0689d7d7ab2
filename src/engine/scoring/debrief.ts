/**
 * `buildDebrief(pack, header, log)`: the score report plus the lessons, the
 * TRACE sections, both timelines, decision rows, severity and harm series,
 * obligations and the recovery gate — everything the debrief screen and the
 * exports show, derived from the same context as the score.
 */
import type { Pack } from '../pack/schema';
import type { LogEntry, RunHeader, RunState, SimMinutes } from '../types';
import { type ScoringContext, buildContext } from './context';
import { decisionViews } from './debrief-decisions';
import { mergeTimelines, runTimeline, verdictsOf } from './debrief-timeline';
import { actorsByStage, traceSections } from './debrief-trace';
import type { Debrief, ObligationView, RestartView } from './debrief-types';
import { biggestLosses } from './lessons';
import { r3aiCategories } from './rules/detect';
import { criterionLabel, restartsOf } from './rules/recover';
import { scoreContext } from './score';
import { teamSteps } from './severity';

/** Options of `buildDebrief`. */
export type DebriefOptions = {
  /** Include the pack's facilitator notes (only for the facilitator's own copy, never the presenter or participants). */
  readonly includeFacilitatorNotes?: boolean;
  /** The run's log is damaged: the debrief covers only the entries before it, and says so. */
  readonly partial?: string;
};

/** A run's harm series, closed with its current value at `now` so charts reach the end. */
function harmSeries(pack: Pack, state: RunState | undefined): readonly (readonly [SimMinutes, number])[] {
  if (!state) return [];
  const now = state.endedAt ?? state.clock.now;
  const series = state.harmSeries;
  const last = series[series.length - 1];
  const value = state.vars[pack.metrics.harm];
  return last && last[0] >= now ? series : [...series, [now, typeof value === 'number' ? value : 0] as const];
}

function obligationViews(ctx: ScoringContext): ObligationView[] {
  const ref = ctx.reference?.state.obligations ?? {};
  return ctx.pack.obligations.map((ob) => {
    const team = ctx.state.obligations[ob.id];
    const reference = ref[ob.id];
    return {
      id: ob.id, title: ob.title, basis: ob.basis, recipient: ob.recipient, owner: ob.owner, deadline: ob.deadline,
      ...(team ? { team } : {}),
      ...(reference ? { reference } : {}),
    };
  });
}

/** The recovery gate: every return to service and the one-sentence statement, from the same facts as the Recover lines. */
function gateView(ctx: ScoringContext): Debrief['gate'] {
  const restarts: RestartView[] = restartsOf(ctx.pack, ctx.team).map((r) => ({ at: r.at, how: r.how, unmet: r.unmet.map((id) => criterionLabel(ctx.pack, id)) }));
  const breaches = restarts.filter((r) => r.unmet.length > 0);
  const system = ctx.pack.system.name;
  const statement = breaches.length > 0
    ? `Recovery gate breached: ${system} went back into service at ${breaches.map((b) => `${ctx.t(b.at)} through ${b.how} (unmet: ${b.unmet.join(', ')})`).join('; and at ')}.`
    : restarts.length > 0
      ? `Recovery gate respected: ${system} went back into service at ${ctx.t(restarts[0]!.at)} through ${restarts[0]!.how}, with every criterion met.`
      : `Recovery gate respected: ${system} was not put back into service.`;
  return { respected: breaches.length === 0, statement, criteria: ctx.pack.recovery.criteria.map((c) => ({ id: c.id, label: c.label })), restarts };
}

/** Builds the debrief of a run. Deterministic; never throws for a valid pack. */
export function buildDebrief(pack: Pack, header: RunHeader, log: readonly LogEntry[], options: DebriefOptions = {}): Debrief {
  const ctx = buildContext(pack, header, log);
  const score = scoreContext(ctx);
  const team = runTimeline(pack, ctx.team, ctx.t, verdictsOf(score.lines));
  const reference = ctx.reference ? runTimeline(pack, ctx.reference, ctx.t) : [];
  const notes = pack.debrief?.facilitatorNotes ?? '';
  const harmVariable = pack.variables.find((x) => x.id === pack.metrics.harm);
  const accepted = r3aiCategories(ctx);
  return {
    version: 2,
    pack: {
      id: pack.id, version: pack.version, title: pack.title, sector: pack.sector, r3ai: accepted[0] ?? pack.r3ai, r3aiAccepted: accepted,
      systemName: pack.system.name, clockStart: pack.clock.start, clockEnd: pack.clock.end, harmLabel: pack.metrics.harmLabel,
      ...(harmVariable && harmVariable.type === 'number' && harmVariable.unit ? { harmUnit: harmVariable.unit } : {}),
    },
    run: {
      runId: header.runId, mode: header.mode, ...(header.title ? { title: header.title } : {}), createdAt: header.createdAt, seed: header.seed,
      participants: header.participants, roles: ctx.state.roles, ended: ctx.state.phase === 'ended', reachedAt: ctx.now,
      ...(options.partial ? { partial: options.partial } : {}),
    },
    score,
    lessons: biggestLosses(score.lines),
    trace: traceSections(ctx),
    timeline: { team, reference, rows: mergeTimelines(team, reference) },
    decisions: decisionViews(ctx),
    severity: {
      team: teamSteps(ctx.state),
      expected: ctx.team.expected.map((s) => ({ at: s.at, level: s.level, accept: s.accept, rationale: s.rationale })),
      reference: ctx.reference ? teamSteps(ctx.reference.state) : [],
    },
    harm: { team: harmSeries(pack, ctx.state), reference: harmSeries(pack, ctx.reference?.state), doNothing: harmSeries(pack, ctx.doNothing?.state) },
    obligations: obligationViews(ctx),
    gate: gateView(ctx),
    accountability: actorsByStage(ctx),
    actionItems: ctx.state.trace.actionItems,
    notes: ctx.state.notes,
    questions: pack.debrief?.questions ?? [],
    ...(options.includeFacilitatorNotes && notes ? { facilitatorNotes: notes } : {}),
  };
}
