/**
 * `buildDebrief(pack, header, log)`: the score report plus the TRACE
 * sections, both timelines, severity and harm series, obligations and the
 * recovery gate — everything the debrief screen and the exports show.
 */
import type { Pack } from '../pack/schema';
import type { LogEntry, RunHeader, RunState, SimMinutes } from '../types';
import { type ScoringContext, buildContext, harmOf } from './context';
import { mergeTimelines, runTimeline } from './debrief-timeline';
import { actorsByStage, traceSections } from './debrief-trace';
import type { Debrief, ObligationView, RestartView } from './debrief-types';
import { restartsOf } from './rules/recover';
import { scoreContext } from './score';
import { referenceSteps, teamSteps } from './severity';

/** Options of `buildDebrief`. */
export type DebriefOptions = {
  /** Include the pack's facilitator notes (only for the facilitator's own copy, never the presenter). */
  readonly includeFacilitatorNotes?: boolean;
};

/** A run's harm series, closed with its current value at `now` so charts reach the end. */
function harmSeries(pack: Pack, state: RunState | undefined): readonly (readonly [SimMinutes, number])[] {
  if (!state) return [];
  const now = state.endedAt ?? state.clock.now;
  const series = state.harmSeries;
  const last = series[series.length - 1];
  return last && last[0] >= now ? series : [...series, [now, harmOf(pack, state)] as const];
}

function obligationViews(ctx: ScoringContext): ObligationView[] {
  const ref = ctx.runs.reference?.state.obligations ?? {};
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

function restartViews(ctx: ScoringContext): RestartView[] {
  const labels = new Map(ctx.pack.recovery.criteria.map((c) => [c.id, c.label]));
  return restartsOf(ctx, ctx.state).map((m) => ({
    moveId: m.moveId,
    label: ctx.moves.get(m.moveId)?.label ?? m.moveId,
    at: m.at,
    by: m.by,
    unmet: (m.gateViolation ?? []).map((id) => labels.get(id) ?? id),
  }));
}

/** Builds the debrief of a run. Deterministic; never throws for a valid pack. */
export function buildDebrief(pack: Pack, header: RunHeader, log: readonly LogEntry[], options: DebriefOptions = {}): Debrief {
  const ctx = buildContext(pack, header, log);
  const score = scoreContext(ctx);
  const team = runTimeline(pack, ctx.state, ctx.t);
  const reference = ctx.runs.reference ? runTimeline(pack, ctx.runs.reference.state, ctx.t) : [];
  const restarts = restartViews(ctx);
  const notes = pack.debrief?.facilitatorNotes ?? '';
  return {
    version: 1,
    pack: {
      id: pack.id, version: pack.version, title: pack.title, sector: pack.sector, r3ai: pack.r3ai,
      systemName: pack.system.name, clockStart: pack.clock.start, clockEnd: pack.clock.end, harmLabel: pack.metrics.harmLabel,
      ...(() => {
        const v = pack.variables.find((x) => x.id === pack.metrics.harm);
        return v && v.type === 'number' && v.unit ? { harmUnit: v.unit } : {};
      })(),
    },
    run: {
      runId: header.runId, mode: header.mode, ...(header.title ? { title: header.title } : {}), createdAt: header.createdAt, seed: header.seed,
      participants: header.participants, roles: ctx.state.roles, ended: ctx.state.phase === 'ended', reachedAt: ctx.now,
    },
    score,
    trace: traceSections(ctx),
    timeline: { team, reference, rows: mergeTimelines(team, reference) },
    severity: {
      team: teamSteps(ctx.state),
      reference: referenceSteps(pack).map((s) => ({ at: s.at, level: s.level, rationale: s.rationale })),
    },
    harm: { team: harmSeries(pack, ctx.state), reference: harmSeries(pack, ctx.runs.reference?.state), doNothing: harmSeries(pack, ctx.runs.doNothing?.state) },
    obligations: obligationViews(ctx),
    gate: { respected: restarts.every((r) => r.unmet.length === 0), criteria: pack.recovery.criteria.map((c) => ({ id: c.id, label: c.label })), restarts },
    accountability: actorsByStage(ctx),
    actionItems: ctx.state.trace.actionItems,
    notes: ctx.state.notes,
    questions: pack.debrief?.questions ?? [],
    ...(options.includeFacilitatorNotes && notes ? { facilitatorNotes: notes } : {}),
  };
}
