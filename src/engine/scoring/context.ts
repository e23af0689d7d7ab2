/**
 * Everything the rules read: the team's replayed state and acts, the
 * reference runs, the expected severity, awareness, and small lookups over
 * the pack. Built once per `score` call; rules are functions of this context only.
 */
import type { MoveId, VariableId } from '../pack/primitives';
import type { Move, Pack } from '../pack/schema';
import { formatSimTime } from '../time';
import type { LogEntry, RunHeader, RunState, SimMinutes } from '../types';
import { type Act, actsOf } from './acts';
import { replay, stateReached } from './engine-api';
import { type PlayedRun, type ReferenceRuns, referenceRuns } from './reference-runs';
import { type ExpectedStep, expectedSteps } from './severity';
import { playedToEnd } from './to-the-end';
import { interventionsNote } from './interventions';

/** A played run seen through the rules: its state, acts, awareness and expected severity. */
export type RunView = {
  readonly state: RunState;
  readonly acts: readonly Act[];
  /** When the team first received a signal (undefined: never). */
  readonly awareness?: { readonly at: SimMinutes; readonly inject: string };
  readonly expected: readonly ExpectedStep[];
};

/** What the rules read. */
export type ScoringContext = {
  readonly pack: Pack;
  readonly header: RunHeader;
  readonly log: readonly LogEntry[];
  /** The team's state after replaying the (accepted part of the) log. */
  readonly state: RunState;
  readonly team: RunView;
  readonly runs: ReferenceRuns;
  readonly reference?: RunView;
  readonly doNothing?: RunView;
  /** Scenario time reached by the team (end time when ended). */
  readonly now: SimMinutes;
  readonly warnings: readonly string[];
  readonly moves: ReadonlyMap<MoveId, Move>;
  /** "Day 1 09:30" for a scenario minute (the scenario's own local time). */
  readonly t: (minutes: SimMinutes) => string;
};

/**
 * The signals that make a team aware: the pack's `reference.awareness`
 * injects, else every inject of stage `detect`. Awareness is when the first
 * of them reached the team.
 */
export function awarenessOf(pack: Pack, state: RunState): RunView['awareness'] {
  const ids = pack.reference.awareness ?? pack.injects.filter((i) => i.stage === 'detect').map((i) => i.id);
  let best: { at: SimMinutes; inject: string } | undefined;
  for (const id of ids) {
    const at = state.fired[id];
    if (at !== undefined && (best === undefined || at < best.at)) best = { at, inject: id };
  }
  return best;
}

/** A run seen through the rules. */
export function viewOf(pack: Pack, state: RunState): RunView {
  const awareness = awarenessOf(pack, state);
  return { state, acts: actsOf(pack, state), expected: expectedSteps(pack, state), ...(awareness ? { awareness } : {}) };
}

/** Views of the reference runs, cached with them (they are the same for every team on a pack and seed). */
const views = new WeakMap<PlayedRun, RunView>();
function cachedView(pack: Pack, run: PlayedRun | undefined): RunView | undefined {
  if (run === undefined) return undefined;
  let view = views.get(run);
  if (view === undefined) {
    view = viewOf(pack, run.state);
    views.set(run, view);
  }
  return view;
}

/** Replays the team's log and fetches the (cached) reference runs. Never throws on a bad log. */
export function buildContext(pack: Pack, header: RunHeader, log: readonly LogEntry[]): ScoringContext {
  const warnings: string[] = [];
  const result = replay(pack, header, log);
  if (!result.ok) {
    warnings.push(
      `Log entry ${result.error.seq} was refused on replay (${result.error.rejection.message}); the score covers the entries before it.`,
    );
  }
  const played = stateReached(result);
  const toTheEnd = result.ok ? playedToEnd(pack, header, log, played) : undefined;
  if (toTheEnd) {
    warnings.push(
      `The run was ended at ${formatSimTime(pack.clock.start, toTheEnd.endedAt)}, before the scenario's end (${formatSimTime(pack.clock.start, pack.clock.end)}): it is judged to the end as if the team did nothing more, because the incident goes on when the exercise stops (the harm keeps growing, clocks run out, open prompts expire).`,
    );
  }
  const state = toTheEnd?.state ?? played;
  const interventions = interventionsNote(pack, log, state);
  if (interventions) warnings.push(interventions);
  const runs = referenceRuns(pack, header.seed);
  if (runs.error) warnings.push(`Reference: ${runs.error}.`);
  const start = pack.clock.start;
  const reference = cachedView(pack, runs.reference);
  const doNothing = cachedView(pack, runs.doNothing);
  return {
    pack,
    header,
    log,
    state,
    team: viewOf(pack, state),
    runs,
    ...(reference ? { reference } : {}),
    ...(doNothing ? { doNothing } : {}),
    now: state.endedAt ?? state.clock.now,
    warnings,
    moves: new Map(pack.moves.map((m) => [m.id, m])),
    t: (minutes) => formatSimTime(start, minutes),
  };
}

/** The label of a move for reasons (falls back to its id). */
export function moveLabel(ctx: Pick<ScoringContext, 'moves'>, moveId: MoveId): string {
  return `“${ctx.moves.get(moveId)?.label ?? moveId}”`;
}

/** The name of an act for reasons: a move's label (as `moveLabel`), else the act's own label. */
export function actName(ctx: Pick<ScoringContext, 'moves'>, act: Act): string {
  return act.kind === 'move' ? moveLabel(ctx, act.id) : act.label;
}

/** The first act in a view matching `test`. */
export function firstAct(view: RunView, test: (act: Act) => boolean): Act | undefined {
  return view.acts.find(test);
}

/** The first time a move was made in a view (its act). */
export function firstMove(view: RunView, moveId: MoveId): Act | undefined {
  return view.acts.find((a) => a.kind === 'move' && a.id === moveId);
}

/** Whether the pack has any move or option carrying `mark`. */
export function packHasMark(pack: Pack, mark: string): boolean {
  return pack.moves.some((m) => m.marks?.includes(mark as never)) || pack.decisions.some((d) => d.options?.some((o) => o.marks?.includes(mark as never)));
}

/** The value of a number variable in a run (0 when not a number). */
export function numberOf(state: RunState, id: VariableId): number {
  const value = state.vars[id];
  return typeof value === 'number' ? value : 0;
}

/** The hourly samples of a harm counter in a run (the primary counter, or one of `metrics.harms`). */
export function seriesOf(pack: Pack, state: RunState, id: VariableId): readonly (readonly [SimMinutes, number])[] {
  return id === pack.metrics.harm ? state.harmSeries : state.otherHarmSeries[id] ?? [];
}

/**
 * A harm counter of a run at minute `at`. The engine samples harm every whole
 * hour (and at the end), so between samples the value is interpolated
 * linearly; at or after the run's current time it is the current value.
 */
export function harmAt(pack: Pack, state: RunState, id: VariableId, at: SimMinutes): number {
  const end = state.endedAt ?? state.clock.now;
  const current = numberOf(state, id);
  if (at >= end) return current;
  const series = seriesOf(pack, state, id);
  let previous: readonly [number, number] = series[0] ?? [0, current];
  for (const sample of series) {
    if (sample[0] === at) return sample[1];
    if (sample[0] > at) {
      const span = sample[0] - previous[0];
      return span > 0 ? previous[1] + ((sample[1] - previous[1]) * (at - previous[0])) / span : sample[1];
    }
    previous = sample;
  }
  const span = end - previous[0];
  return span > 0 ? previous[1] + ((current - previous[1]) * (at - previous[0])) / span : previous[1];
}
