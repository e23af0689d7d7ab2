/**
 * The engine's private, mutable view of a run state, and the fast copy that
 * turns a caller's (readonly) state into one.
 *
 * Invariant that makes the shallow copy safe: the engine never mutates a
 * record inside a container in place (a move record, a decision record, a
 * feed item…); it replaces it. So copying every container once is enough for
 * `applyCommand` never to touch its input, and the copy can share the
 * records themselves.
 */
import type { RunState } from './types';

/**
 * One level of mutability: the container itself may be changed (its keys set,
 * its items pushed or replaced); what it holds stays readonly (records are
 * replaced, never mutated — see the module note).
 */
type Mutable<T> = T extends string | number | boolean
  ? T // branded ids (a string with a brand) stay as they are
  : T extends readonly (infer Item)[]
  ? Item[]
  : T extends object
    ? { -readonly [K in keyof T]: T[K] }
    : T;

/** Containers of the state that hold containers themselves (their children are one level mutable too). */
type Nested = 'clock' | 'trace';

/**
 * A run state the engine may mutate (its own working copy), derived from
 * `RunState` so the two can never drift apart; assignable to `RunState`.
 * `schedule` is written once by `createRun` and shared by every copy.
 */
export type DraftState = {
  -readonly [K in keyof RunState as K extends Nested | 'schedule' | 'rng' ? never : K]: Mutable<RunState[K]>;
} & {
  schedule: RunState['schedule'];
  rng: [number, number, number, number];
  clock: Mutable<RunState['clock']>;
  trace: { -readonly [K in keyof RunState['trace']]: Mutable<RunState['trace'][K]> };
};

/** Copies every container of `state` (records are shared; see the module note). */
export function draftOf(state: RunState): DraftState {
  const trace = state.trace;
  const draft: DraftState = {
    engineVersion: state.engineVersion,
    packId: state.packId,
    phase: state.phase,
    clock: {
      now: state.clock.now,
      paused: state.clock.paused,
      compression: state.clock.compression,
      end: state.clock.end,
    },
    rng: [state.rng[0], state.rng[1], state.rng[2], state.rng[3]],
    vars: { ...state.vars },
    schedule: state.schedule,
    fired: { ...state.fired },
    feed: state.feed.slice(),
    pending: state.pending.slice(),
    decisions: { ...state.decisions },
    moves: state.moves.slice(),
    severity: state.severity.slice(),
    r3ai: state.r3ai.slice(),
    obligations: { ...state.obligations },
    roles: { ...state.roles },
    readiness: { ...state.readiness },
    trace: {
      corrections: trace.corrections.slice(),
      evolutions: trace.evolutions.slice(),
      reflections: { ...trace.reflections },
      actionItems: trace.actionItems.slice(),
    },
    notes: state.notes.slice(),
    harmSeries: state.harmSeries.slice(),
    otherHarmSeries: { ...state.otherHarmSeries },
    service: state.service.slice(),
  };
  // Optional keys are only written when present so the state survives a
  // JSON round trip deep-equal (JSON drops `undefined`).
  if (trace.rootCause !== undefined) draft.trace.rootCause = trace.rootCause;
  if (state.endedAt !== undefined) draft.endedAt = state.endedAt;
  if (state.endReason !== undefined) draft.endReason = state.endReason;
  return draft;
}
