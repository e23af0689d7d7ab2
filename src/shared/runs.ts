/**
 * DTOs of the run store and run sessions (src/main/runs, src/main/sessions):
 * what the main-side services return and push to the views. All plain JSON.
 */
import type { PackId, RunId } from '../engine';
import type { LogEntry, Pack, Rejection, Result, RunHeader, RunMode, RunState, SimMinutes } from '../engine';
import type { LoadedPack } from './packs';

/** Run ids are generated outside the engine; this pattern keeps them safe as directory names. */

/**
 * The snapshot of the pack a run was recorded with (`runs/<id>/pack.json`),
 * so a run is always viewable and re-scorable against the exact pack.
 */
export type PackSnapshot = {
  readonly pack: Pack;
  readonly attachments: LoadedPack['attachments'];
  readonly hash: string;
};

/**
 * Where a run is. `interrupted`: not ended and not open in a live session
 * (the app stopped or the session was closed); it can be resumed.
 */
export type RunStatus = 'setup' | 'running' | 'paused' | 'ended' | 'interrupted' | 'damaged';
/** Why a stored run cannot be opened. */
export type BrokenRunStatus = 'corrupt' | 'unsupported';

/** A torn last log line that was dropped when the run was loaded. */
export type LogRepair = { readonly droppedBytes: number; readonly message: string };

/**
 * A stored run whose log is damaged (anything but a torn last line): it can
 * be viewed and exported up to the last valid entry, read-only, and never
 * continued or rewritten.
 */
export type RunDamage = {
  readonly file: string;
  /** The first bad line (1-based). */
  readonly line: number;
  /** What is wrong with it, e.g. "is not valid JSON (37 bytes, starting …)". */
  readonly problem: string;
  /** Valid entries before it (what views and exports hold). */
  readonly entriesKept: number;
  /** For people: the whole statement. */
  readonly message: string;
};
/** Whether the session's log is reaching the disk. */
export type Persistence =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** For people: what failed, e.g. "The disk is full (ENOSPC)". */
      readonly reason: string;
      /** ISO wall time of the first failure. */
      readonly since: string;
      /** Entries held in memory only; `exportRunFromMemory` saves them elsewhere. */
      readonly unsaved: number;
      /**
       * True while the app keeps trying (a full or failing disk); false when the
       * log on disk is no longer this run's (folder deleted, log replaced or
       * changed by something else): then only an export keeps the entries.
       */
      readonly retrying: boolean;
    };

/** The score of an ended run, as shown in the history. */
export type RunScoreSummary = { readonly total: number; readonly max: number };

/** One row of the history. */
export type RunSummary =
  | {
      readonly ok: true;
      readonly runId: RunId;
      readonly title?: string;
      readonly packId: PackId;
      readonly packTitle: string;
      readonly packVersion: string;
      readonly createdAt: string;
      readonly mode: RunMode;
      readonly participants: readonly string[];
      readonly status: RunStatus;
      readonly phase: RunState['phase'];
      readonly paused: boolean;
      /** Scenario time reached. */
      readonly simMinutes: SimMinutes;
      readonly endMinutes: SimMinutes;
      readonly entries: number;
      /** Only for ended runs. */
      readonly score?: RunScoreSummary;
      /** Open in a live session right now. */
      readonly live: boolean;
      /** The stored log ends with a torn line that will be dropped when the run is opened. */
      readonly repaired?: LogRepair;
      /** Status `damaged`: viewable and exportable up to the last valid entry, read-only. */
      readonly damage?: RunDamage;
    }
  | {
      readonly ok: false;
      readonly runId: RunId;
      readonly status: BrokenRunStatus;
      /** For people: what is wrong and where (file, line). */
      readonly reason: string;
      readonly packId?: PackId;
      readonly createdAt?: string;
      readonly title?: string;
    };

/** Why a run operation failed. `code` is stable; `message` is for people. */
export type RunError = {
  readonly code: RunErrorCode;
  readonly message: string;
  /** The log entry at fault (replay failures, import validation). */
  readonly seq?: number;
};
export type RunErrorCode =
  | 'invalid-id'
  | 'invalid-input'
  | 'not-found'
  | 'corrupt'
  | 'unsupported'
  | 'replay-failed'
  | 'live'
  | 'not-live'
  | 'pack-unavailable'
  | 'invalid-file'
  | 'io';

/** A value or a RunError. */
export type RunResult<T> = Result<T, RunError>;

/** What a view needs to follow a live run: replay `entries` over `pack` and `header`. */
export type SessionView = {
  readonly runId: RunId;
  readonly header: RunHeader;
  readonly pack: PackSnapshot;
  readonly entries: readonly LogEntry[];
  readonly status: RunStatus;
  readonly persistence: Persistence;
  readonly repaired?: LogRepair;
  /** A damaged stored run opened read-only: `entries` are the valid ones before the damage. */
  readonly damage?: RunDamage;
};

/** Parameters of a new run (untrusted when coming over IPC: validated by the session manager). */
export type CreateRunRequest = {
  readonly packId: PackId;
  readonly mode: RunMode;
  readonly participants: readonly string[];
  readonly title?: string;
  readonly seed?: number;
  /** Coached solo practice (hints and glossary); recorded in the header. */
  readonly coached?: boolean;
  /** Skip quiet periods (on unless the person setting up the run turns it off). */
  readonly skipQuietPeriods?: boolean;
  /** Time pressure chosen at setup: scenario minutes per real second (the pack's own when absent). */
  readonly compression?: number;
};

/** A command submitted to a live run (untrusted: validated with the engine's command schema). */
export type SubmitRequest = { readonly by: unknown; readonly command: unknown };

/** A command accepted: the entries it produced. `saved: false` when they are held in memory only (see Persistence). */
export type Submitted = { readonly entries: readonly LogEntry[]; readonly saved: boolean };

/** The outcome of a submitted command: its entries, or why the engine refused it. */
export type SubmitResult = Result<Submitted, Rejection>;

/** What a session pushes to its subscribers, in order. */
export type SessionEvent =
  | { readonly type: 'entries'; readonly runId: RunId; readonly entries: readonly LogEntry[] }
  | { readonly type: 'status'; readonly runId: RunId; readonly status: RunStatus }
  | { readonly type: 'persistence'; readonly runId: RunId; readonly persistence: Persistence }
  | { readonly type: 'repaired'; readonly runId: RunId; readonly repaired: LogRepair }
  /** The session clock could not advance (the engine refused); the clock stops until a command changes things. */
  | { readonly type: 'clock-error'; readonly runId: RunId; readonly rejection: Rejection }
  | { readonly type: 'closed'; readonly runId: RunId };

/** What a subscriber receives at once: the log so far and the current status; live events follow. */
export type Subscription = {
  readonly entries: readonly LogEntry[];
  readonly status: RunStatus;
  readonly persistence: Persistence;
  readonly repaired?: LogRepair;
  readonly unsubscribe: () => void;
};

/** The portable file of one run (`.vaimrun.json`). */
export type RunFile = {
  readonly format: 'vaim-run';
  readonly version: 1;
  readonly header: RunHeader;
  readonly pack: PackSnapshot;
  readonly log: readonly LogEntry[];
  /** Exported from a damaged run: `log` holds only the entries before the damage. */
  readonly damaged?: RunDamage;
};

/** The outcome of importing a run file. `renamed`: the run id clashed and a new one was assigned. */
export type ImportedRun = { readonly runId: RunId; readonly renamed: boolean };

/** A live run whose entries are not all on the disk. */
export type UnsavedRun = {
  readonly runId: RunId;
  /** For people: the pack title and the run's title. */
  readonly title: string;
  readonly unsaved: number;
  /** Why, e.g. "The disk is full (ENOSPC)". */
  readonly reason: string;
  /** False when retrying cannot help (the run's folder or log is gone): only an export keeps the entries. */
  readonly retrying: boolean;
};

/** What the person was doing when unsaved entries were found. */
export type UnsavedReason = 'quit' | 'close-window';

/** The answers to "these entries are not saved". */
export const UNSAVED_CHOICES = ['export', 'retry', 'discard', 'cancel'] as const;
export type UnsavedChoice = (typeof UNSAVED_CHOICES)[number];

/** The question main asks before quitting or closing the window with unsaved entries. */
export type UnsavedPrompt = {
  readonly promptId: string;
  readonly reason: UnsavedReason;
  readonly runs: readonly UnsavedRun[];
  /** What happened to the previous answer, e.g. "The export was cancelled; nothing was discarded." */
  readonly note?: string;
};
