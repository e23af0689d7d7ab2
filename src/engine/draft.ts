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
import type {
  ActionItem,
  DecisionRecord,
  FeedItem,
  MoveRecord,
  Note,
  ObligationRecord,
  PendingItem,
  R3aiRecord,
  RunState,
  ServiceTransition,
  SeverityRecord,
  SimMinutes,
} from './types';
import type { RoleId, TraceSection } from './pack/vocabulary';

/** A run state the engine may mutate (its own working copy). Assignable to `RunState`. */
export type DraftState = {
  engineVersion: number;
  packId: string;
  phase: RunState['phase'];
  clock: { now: SimMinutes; paused: boolean; compression: number; end: SimMinutes };
  rng: [number, number, number, number];
  vars: Record<string, number | boolean | string>;
  /** Written once by `createRun` and never changed afterwards, so copies share it. */
  schedule: Readonly<Record<string, SimMinutes>>;
  fired: Record<string, SimMinutes>;
  feed: FeedItem[];
  pending: PendingItem[];
  decisions: Record<string, DecisionRecord>;
  moves: MoveRecord[];
  severity: SeverityRecord[];
  r3ai: R3aiRecord[];
  obligations: Record<string, ObligationRecord>;
  roles: Partial<Record<RoleId, string>>;
  readiness: Record<string, boolean>;
  trace: {
    rootCause?: string;
    corrections: string[];
    evolutions: string[];
    reflections: Partial<Record<TraceSection, string>>;
    actionItems: ActionItem[];
  };
  notes: Note[];
  endedAt?: SimMinutes;
  endReason?: string;
  harmSeries: (readonly [SimMinutes, number])[];
  otherHarmSeries: Record<string, readonly (readonly [SimMinutes, number])[]>;
  service: ServiceTransition[];
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
