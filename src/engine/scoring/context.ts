/**
 * Everything the scoring rules read: the team's replayed state, the
 * reference runs, and small lookups over the pack. Built once per `score`
 * call; rules are functions of this context only.
 */
import type { Actor } from '../command-schema';
import type { Move, Pack } from '../pack/schema';
import { ROLE_TITLES, type RoleId } from '../pack/vocabulary';
import type { LogEntry, MoveRecord, RunHeader, RunState, SimMinutes } from '../types';
import { replay } from './engine-api';
import { formatSimTime } from '../time';
import { type PlayedRun, type ReferenceRuns, referenceRuns } from './reference-runs';

/** What the rules read. */
export type ScoringContext = {
  readonly pack: Pack;
  readonly header: RunHeader;
  readonly log: readonly LogEntry[];
  /** The team's state after replaying the (accepted part of the) log. */
  readonly state: RunState;
  readonly runs: ReferenceRuns;
  /** Scenario time reached by the team (end time when ended). */
  readonly now: SimMinutes;
  readonly warnings: readonly string[];
  readonly moves: ReadonlyMap<string, Move>;
  /** "Day 1 09:30" for a scenario minute. */
  readonly t: (minutes: SimMinutes) => string;
};

/** Replays the team's log and fetches the (cached) reference runs. Never throws on a bad log. */
export function buildContext(pack: Pack, header: RunHeader, log: readonly LogEntry[]): ScoringContext {
  const warnings: string[] = [];
  const result = replay(pack, header, log);
  if (!result.ok) {
    warnings.push(
      `Log entry ${result.seq} was refused on replay (${result.rejection.code}: ${result.rejection.message}); the score covers the entries before it.`,
    );
  }
  const state = result.state;
  const runs = referenceRuns(pack, header.seed);
  if (runs.error) warnings.push(`Reference: ${runs.error}.`);
  const start = pack.clock.start;
  return {
    pack,
    header,
    log,
    state,
    runs,
    now: state.endedAt ?? state.clock.now,
    warnings,
    moves: new Map(pack.moves.map((m) => [m.id, m])),
    t: (minutes) => formatSimTime(start, minutes),
  };
}

/** "the Incident Lead", "the facilitator", "the system": an actor in a sentence. */
export function actorTitle(actor: Actor | undefined): string {
  if (actor === undefined) return 'the team';
  return actor in ROLE_TITLES ? `the ${ROLE_TITLES[actor as RoleId]}` : `the ${actor}`;
}

/** The label of a move for reasons (falls back to its id). */
export function moveLabel(ctx: ScoringContext, moveId: string): string {
  return `“${ctx.moves.get(moveId)?.label ?? moveId}”`;
}

/** The first record of a move in a run, if it was made. */
export function firstMade(state: RunState, moveId: string): MoveRecord | undefined {
  return state.moves.find((m) => m.moveId === moveId);
}

/** The first move made in a run whose pack move carries `mark`. */
export function firstWithMark(ctx: ScoringContext, state: RunState, mark: string): MoveRecord | undefined {
  return state.moves.find((m) => ctx.moves.get(m.moveId)?.marks?.includes(mark as never));
}

/** Whether the pack has any move carrying `mark`. */
export function packHasMark(pack: Pack, mark: string): boolean {
  return pack.moves.some((m) => m.marks?.includes(mark as never));
}

/** The final value of the harm metric in a run. */
export function harmOf(pack: Pack, state: RunState): number {
  const value = state.vars[pack.metrics.harm];
  return typeof value === 'number' ? value : 0;
}

/**
 * Harm of a run at minute `at`. The engine samples harm every whole hour
 * (and at the end), so between samples the value is interpolated linearly;
 * at or after the run's current time it is the current value.
 */
export function harmAt(pack: Pack, run: Pick<PlayedRun, 'state'>, at: SimMinutes): number {
  const end = run.state.endedAt ?? run.state.clock.now;
  if (at >= end) return harmOf(pack, run.state);
  const series = run.state.harmSeries;
  let previous: readonly [number, number] = series[0] ?? [0, 0];
  for (const sample of series) {
    if (sample[0] === at) return sample[1];
    if (sample[0] > at) {
      const span = sample[0] - previous[0];
      return span > 0 ? previous[1] + ((sample[1] - previous[1]) * (at - previous[0])) / span : sample[1];
    }
    previous = sample;
  }
  // After the last sample but before `now`: between it and the current value.
  const span = end - previous[0];
  return span > 0 ? previous[1] + ((harmOf(pack, run.state) - previous[1]) * (at - previous[0])) / span : previous[1];
}
