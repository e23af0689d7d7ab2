/**
 * Run data: header, log entries, run state and emitted facts. All plain
 * JSON (no classes, Map, Date or functions) so it can be stored, sent over
 * IPC and replayed.
 */
import type {
  ActionItemId, CriterionId, DecisionId, InjectId, MoveId, ObligationId, OptionId, PackId, ReadinessId, TraceChoiceId, VariableId,
} from './pack/primitives';
import type { Result } from './result';
import type { Actor, Command } from './command-schema';
import type { Channel, R3aiCategory, RoleId, SeverityLevel, TraceSection } from './pack/vocabulary';

declare const runIdBrand: unique symbol;

/**
 * A run's id (`^[A-Za-z0-9_-]{1,64}$`): made by main, or checked where it
 * comes in (IPC, files, the address bar), so it is safe in a file path. A
 * plain string is not one until it has been checked.
 */
export type RunId = string & { readonly [runIdBrand]: 'RunId' };

export type { SimMinutes } from './sim-minutes';
import type { SimMinutes } from './sim-minutes';

/**
 * The version of the engine's rules; stored in every run header. A run is
 * replayed with the rules of the version it was recorded with:
 * 1 — `clock.jumpToNext` advances straight to the next scheduled time;
 * 2 — it stops at the first minute anything happens (pacing.ts).
 */
export const ENGINE_VERSION = 2;

/** Every engine version whose runs this engine replays exactly. */
export const SUPPORTED_ENGINE_VERSIONS: readonly number[] = [1, 2];

/** Solo practice or facilitated tabletop. */
export type RunMode = 'solo' | 'facilitated';

/**
 * What a run was created with; written once, before the first log entry.
 * `seed` drives the engine's PRNG. `createdAt` is informational only (the
 * engine never reads it).
 */
export type RunHeader = {
  readonly runId: RunId;
  readonly engineVersion: number;
  readonly packId: PackId;
  readonly packVersion: string;
  readonly packHash: string;
  readonly seed: number;
  readonly mode: RunMode;
  readonly createdAt: string;
  readonly title?: string;
  readonly participants: readonly string[];
  /** Solo practice with coaching hints (informational: recorded so scores stay comparable; the engine never reads it). */
  readonly coached?: boolean;
  /** The session skips quiet periods (jumps to the next event when nothing needs the team); never read by the engine. */
  readonly skipQuietPeriods?: boolean;
  /**
   * Time pressure chosen at setup (scenario minutes per real second). Never
   * read by the engine: the session logs `clock.setCompression` with it right
   * after `run.start`, so replay needs only the log.
   */
  readonly compression?: number;
};

/** One accepted command in the append-only run log. `seq` starts at 1 and increases by 1. */
export type LogEntry = {
  readonly seq: number;
  readonly by: Actor;
  readonly command: Command;
  /** Wall-clock time the entry was accepted (ISO); informational, never read by the engine. */
  readonly wall?: string;
};

/** An item in the team's feed: a pack inject or an ad-hoc facilitator inject. */
export type FeedItem = {
  readonly injectId: InjectId;
  readonly at: SimMinutes;
  readonly adhoc: boolean;
  /** Released early by the facilitator. */
  readonly released: boolean;
  /** For ad-hoc injects only: the content (pack injects are looked up in the pack). */
  readonly content?: { readonly title: string; readonly body: string; readonly channel: Channel; readonly visibleTo: 'all' | readonly RoleId[] };
};

/** A move the team made. */
export type MoveRecord = {
  readonly moveId: MoveId;
  readonly at: SimMinutes;
  readonly by: Actor;
  /** When its effects apply (at + delay). */
  readonly effectiveAt: SimMinutes;
  readonly effective: boolean;
  /** The actor is not an owner of the move. */
  readonly outsideAuthority: boolean;
  /** A restart made while a recovery criterion was unmet (ids of the unmet criteria). */
  readonly gateViolation?: readonly CriterionId[];
  /** The move's `cost` applied: it was made while its cost condition held (an unneeded or over-reaching act). */
  readonly costly?: true;
  readonly note?: string;
};

export type SeverityRecord = { readonly at: SimMinutes; readonly level: SeverityLevel; readonly by: Actor; readonly rationale?: string };
export type R3aiRecord = { readonly at: SimMinutes; readonly category: R3aiCategory; readonly by: Actor; readonly rationale?: string };

/** The state of one decision prompt. */
export type DecisionRecord = {
  readonly status: 'open' | 'answered' | 'expired';
  readonly openedAt: SimMinutes;
  readonly dueAt?: SimMinutes;
  readonly closedAt?: SimMinutes;
  readonly options: readonly OptionId[];
  readonly text?: string;
  readonly by?: Actor;
  /** Chosen options whose `cost` applied (their cost condition held when chosen). */
  readonly costly?: readonly OptionId[];
  /** A chosen option marked `restart` while a recovery criterion was unmet (ids of the unmet criteria). */
  readonly gateViolation?: readonly CriterionId[];
};

/** The state of one obligation (regulatory clock). */
export type ObligationRecord = {
  readonly status: 'running' | 'met' | 'overdue' | 'met-late';
  readonly triggeredAt: SimMinutes;
  readonly dueAt: SimMinutes;
  readonly metAt?: SimMinutes;
  readonly metBy?: Actor;
  readonly metWith?: MoveId;
  /**
   * When each of the obligation's `earlierDeadlines` limbs started (pack
   * order; `null` while its condition has not held). `dueAt` is the earliest
   * of `triggeredAt + deadline` and each started limb's start + within.
   */
  readonly limbs?: readonly (SimMinutes | null)[];
};

/**
 * The act behind a change of the world: a move becoming effective, a
 * decision answered or left to expire, an inject's own effects (a pack inject
 * fired or released early), or a facilitator's ad-hoc inject.
 */
export type ActRef =
  | { readonly kind: 'move'; readonly moveIndex: number; readonly moveId: MoveId; readonly by: Actor }
  | { readonly kind: 'decision'; readonly decisionId: DecisionId; readonly options: readonly OptionId[]; readonly by: Actor }
  | { readonly kind: 'expiry'; readonly decisionId: DecisionId }
  | { readonly kind: 'inject'; readonly injectId: InjectId; readonly released: boolean }
  | { readonly kind: 'adhoc'; readonly injectId: InjectId; readonly by: Actor };

/**
 * The AI system went into or out of service (the pack's
 * `recovery.inService`), when, because of which act, and — going into
 * service — which recovery criteria were unmet at that minute.
 */
export type ServiceTransition = {
  readonly at: SimMinutes;
  readonly inService: boolean;
  readonly cause?: ActRef;
  readonly unmet: readonly CriterionId[];
};

/** Effects waiting for their time (delayed move effects, delayed triggered injects). */
export type PendingItem =
  | { readonly kind: 'move-effects'; readonly at: SimMinutes; readonly moveIndex: number }
  | { readonly kind: 'inject'; readonly at: SimMinutes; readonly injectId: InjectId };

export type ActionItem = { readonly id: ActionItemId; readonly text: string; readonly owner: RoleId; readonly due: string; readonly by: Actor };

/** The participants' TRACE input. */
export type TraceInput = {
  readonly rootCause?: TraceChoiceId;
  readonly corrections: readonly TraceChoiceId[];
  readonly evolutions: readonly TraceChoiceId[];
  readonly reflections: Readonly<Partial<Record<TraceSection, string>>>;
  readonly actionItems: readonly ActionItem[];
};

export type Note = { readonly at: SimMinutes; readonly by: Actor; readonly text: string };

/** The whole state of a run at one moment. Plain JSON. */
export type RunState = {
  readonly engineVersion: number;
  readonly packId: PackId;
  readonly phase: 'setup' | 'running' | 'ended';
  readonly clock: {
    readonly now: SimMinutes;
    readonly paused: boolean;
    readonly compression: number;
    /** Scenario end (from the pack). */
    readonly end: SimMinutes;
  };
  /** PRNG state (xoshiro128** words). */
  readonly rng: readonly [number, number, number, number];
  readonly vars: Readonly<Record<VariableId, number | boolean | string>>;
  /** Scheduled fire time of each timed inject (after jitter). */
  readonly schedule: Readonly<Record<InjectId, SimMinutes>>;
  /** When each inject (pack or ad-hoc) fired. */
  readonly fired: Readonly<Record<InjectId, SimMinutes>>;
  readonly feed: readonly FeedItem[];
  readonly pending: readonly PendingItem[];
  readonly decisions: Readonly<Record<DecisionId, DecisionRecord>>;
  readonly moves: readonly MoveRecord[];
  readonly severity: readonly SeverityRecord[];
  readonly r3ai: readonly R3aiRecord[];
  readonly obligations: Readonly<Record<ObligationId, ObligationRecord>>;
  readonly roles: Readonly<Partial<Record<RoleId, string>>>;
  readonly readiness: Readonly<Record<ReadinessId, boolean>>;
  readonly trace: TraceInput;
  readonly notes: readonly Note[];
  readonly endedAt?: SimMinutes;
  readonly endReason?: string;
  /** Harm metric sampled at minute 0, at each whole hour and when the run ends (for charts). */
  readonly harmSeries: readonly (readonly [SimMinutes, number])[];
  /** The pack's further harm counters (`metrics.harms`), sampled with `harmSeries`. */
  readonly otherHarmSeries: Readonly<Record<VariableId, readonly (readonly [SimMinutes, number])[]>>;
  /**
   * Service history of the AI system: its state at minute 0, then every
   * transition. Empty when the pack has no `recovery.inService`.
   */
  readonly service: readonly ServiceTransition[];
};

/** What applying a command emitted: facts a view can announce ("inject X arrived"). */
export type Fact =
  | { readonly type: 'inject.fired'; readonly at: SimMinutes; readonly injectId: InjectId; readonly adhoc: boolean }
  | { readonly type: 'decision.opened'; readonly at: SimMinutes; readonly decisionId: DecisionId }
  | { readonly type: 'decision.expired'; readonly at: SimMinutes; readonly decisionId: DecisionId }
  | { readonly type: 'move.effective'; readonly at: SimMinutes; readonly moveId: MoveId }
  | { readonly type: 'move.outsideAuthority'; readonly at: SimMinutes; readonly moveId: MoveId; readonly by: Actor }
  | { readonly type: 'gate.violated'; readonly at: SimMinutes; readonly moveId: MoveId; readonly unmet: readonly CriterionId[] }
  | { readonly type: 'service.changed'; readonly at: SimMinutes; readonly inService: boolean; readonly unmet: readonly CriterionId[] }
  | { readonly type: 'obligation.started'; readonly at: SimMinutes; readonly obligationId: string; readonly dueAt: SimMinutes }
  | { readonly type: 'obligation.met'; readonly at: SimMinutes; readonly obligationId: string; readonly late: boolean }
  | { readonly type: 'obligation.overdue'; readonly at: SimMinutes; readonly obligationId: string }
  | { readonly type: 'run.ended'; readonly at: SimMinutes };

/** Why a command was refused. `code` is stable; `message` is for people. */
export type Rejection = { readonly code: RejectionCode; readonly message: string };
export type RejectionCode =
  | 'invalid-command'
  | 'wrong-phase'
  | 'unknown-id'
  | 'precondition-failed'
  | 'already-done'
  | 'time-backwards'
  | 'beyond-end'
  | 'trigger-loop'
  | 'not-allowed';

/** A command applied: the new state and the facts it produced. */
export type Applied = { readonly state: RunState; readonly facts: readonly Fact[] };

/** The result of applying one command: the new state, or why the engine refused it. */
export type ApplyResult = Result<Applied, Rejection>;
