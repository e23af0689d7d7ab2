/**
 * The run sessions of the main process: creates and resumes runs, routes
 * commands to the live session that owns each run, and serves the history
 * (which must know which runs are live). Time, scheduling and randomness
 * are injected so tests control them.
 */
import type { PackId } from '../../engine';
import type { RunId } from '../../engine';
import { err, formatIssues, parseSubmission, type RunHeader, type RunState } from '../../engine';
import type { LoadedPack } from '../../shared/packs';
import type { ImportedRun, PackSnapshot, RunError, RunResult, RunSummary, SessionEvent, SessionView, SubmitRequest, SubmitResult, Subscription, UnsavedRun } from '../../shared/runs';
import type { FileIdentity } from '../runs/append-fs';
import type { LogWriter } from '../runs/log-writer';
import { buildRunFile, writeRunFile } from '../runs/run-file';
import { rowState, safeScore, summaryFromRow } from '../runs/run-history';
import { isRunId, newRunId } from '../runs/run-id';
import type { RunStore } from '../runs/run-store';
import { createRunRequestSchema } from './create-run-schema';
import { createRunSession, type RunSession, type RunSessionInit } from './run-session';
import { DEFAULT_CLOCK_TIMING, type ClockTiming } from './session-clock';

/**
 * Timers, injectable (tests drive them by hand). Method syntax on purpose, so
 * Node's own `{ setInterval, clearInterval }` can be passed as they are.
 */
export type Scheduler = {
  /** The callback returns the tick's promise (ignored by real timers; awaited by test schedulers). */
  setInterval(callback: () => unknown, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

/** Where packs come from (the pack library). */
export type PackSource = { readonly get: (packId: PackId) => Promise<LoadedPack | undefined> };

/** Options of the session manager. */
export type SessionManagerOptions = {
  readonly store: RunStore;
  readonly library: PackSource;
  /** Monotonic time in ms (e.g. `performance.now`). */
  readonly monotonicNow: () => number;
  readonly scheduler: Scheduler;
  /** Seeds of new runs; defaults to Math.random. */
  readonly random?: () => number;
  /** Wall clock for `createdAt` and log `wall` stamps. */
  readonly wallNow?: () => Date;
  readonly timing?: Partial<ClockTiming>;
};

/** The session manager. */
export type SessionManager = {
  /** Creates a run (the request is untrusted: checked with the create-run schema). */
  readonly create: (request: unknown) => Promise<RunResult<SessionView>>;
  /** Opens (resumes) a stored run, or returns the live session's view. */
  readonly open: (runId: RunId) => Promise<RunResult<SessionView>>;
  readonly submit: (runId: RunId, request: SubmitRequest) => Promise<SubmitResult>;
  readonly subscribe: (runId: RunId, listener: (event: SessionEvent) => void) => RunResult<Subscription>;
  /** Closes a live session. Refused (`io`) while entries are unsaved, unless `discardUnsaved`. */
  readonly close: (runId: RunId, options?: { readonly discardUnsaved?: boolean }) => Promise<RunResult<void>>;
  /**
   * Closes every live session that has nothing unsaved (after one more try
   * to save); resolves to the ids left open because entries are unsaved.
   * Only `discardUnsaved` (the person chose to) closes those too.
   */
  readonly closeAll: (options?: { readonly discardUnsaved?: boolean }) => Promise<string[]>;
  /** Live runs holding entries that are not on the disk, after one more try to save them. */
  readonly unsavedRuns: () => Promise<UnsavedRun[]>;
  /** Entries of all live runs not known to be on the disk right now (no retry; for a synchronous check). */
  readonly unsavedCount: () => number;
  readonly isLive: (runId: RunId) => boolean;
  /** The authoritative state of a live run (the CLI, the harness and tests read it; views replay their entries). */
  readonly state: (runId: RunId) => RunState | undefined;
  readonly listRuns: () => Promise<RunSummary[]>;
  readonly deleteRun: (runId: RunId) => Promise<RunResult<void>>;
  readonly exportRun: (runId: RunId, filePath: string) => Promise<RunResult<void>>;
  /** Saves a live run from memory, including entries the disk refused. */
  readonly exportRunFromMemory: (runId: RunId, filePath: string) => Promise<RunResult<void>>;
  readonly importRun: (filePath: string) => Promise<RunResult<ImportedRun>>;
};


/** The writer of a read-only (damaged) run: nothing is ever appended to it. */
const READ_ONLY_WRITER: LogWriter = {
  append: async () => err({ reason: 'This run is read-only', retrying: false }),
  unsaved: () => 0,
  durableBytes: () => 0,
  close: async () => {},
};

/** Creates the session manager. */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { store, library, scheduler } = options;
  const deps = store.deps;
  const timing: ClockTiming = { ...DEFAULT_CLOCK_TIMING, ...options.timing };
  const random = options.random ?? Math.random;
  const wallNow = options.wallNow ?? (() => new Date());
  const live = new Map<RunId, { session: RunSession; timer: unknown }>();
  // Creations and imports cut short by a crash leave temporary folders; they are removed once, at start
  // (the history waits for it, so it never lists a leftover).
  const swept = store.sweep();
  const opening = new Map<string, Promise<RunResult<SessionView>>>();

  /** The history row of a live run, from memory. */
  const liveRow = (session: RunSession): RunSummary => {
    const state = session.state();
    const log = session.log();
    const score = state.phase === 'ended' ? safeScore(deps, session.pack, session.header, log) : undefined;
    const damage = session.view().damage;
    return summaryFromRow(session.header, rowState(state, session.pack.title, log, { score, damage }), session.status(), true);
  };

  /** Rebuilds the history cache from the files (never from memory: the cache only ever says what the files say). */
  const refreshRow = async (runId: RunId) => {
    await store.summarize(runId, { rebuild: true });
  };
  /** Cache refreshes started in the background (a run that ended); closing waits for them. */
  const background = new Set<Promise<void>>();
  const inBackground = (task: Promise<void>) => {
    background.add(task);
    void task.finally(() => background.delete(task));
  };

  type SessionStart = Omit<RunSessionInit, 'writer' | 'deps' | 'monotonicNow' | 'wallNow' | 'timing' | 'onEnded'> & {
    readonly durableBytes: number;
    readonly logIdentity: Pick<FileIdentity, 'dev' | 'ino'>;
  };

  const startSession = (args: SessionStart): RunSession => {
    const { durableBytes, logIdentity, ...init } = args;
    const readOnly = init.damage !== undefined;
    const writer = readOnly ? READ_ONLY_WRITER : store.openWriter(init.header.runId, { durableBytes, identity: logIdentity });
    const session: RunSession = createRunSession({
      ...init,
      writer,
      deps,
      monotonicNow: options.monotonicNow,
      wallNow,
      timing,
      onEnded: () => inBackground(refreshRow(init.header.runId)),
    });
    // A read-only run has no clock.
    const timer = readOnly ? undefined : scheduler.setInterval(() => session.tick(), timing.tickMs);
    live.set(session.runId, { session, timer });
    return session;
  };

  /** Loads the exact pack a resume would use, so a live run and its resumption never differ. */
  const reloadSnapshot = (snapshot: PackSnapshot) => deps.loadSnapshot(JSON.parse(JSON.stringify(snapshot)) as unknown);

  const create: SessionManager['create'] = async (request) => {
    const parsed = createRunRequestSchema.safeParse(request);
    if (!parsed.success) return fail('invalid-input', `Invalid run settings: ${formatIssues(parsed.error.issues, 'settings')}`);
    const input = parsed.data;
    const loaded = await library.get(input.packId);
    if (!loaded) return fail('pack-unavailable', `There is no valid pack "${input.packId}" in the library`);
    const reloaded = reloadSnapshot({ pack: loaded.pack, attachments: loaded.attachments, hash: loaded.hash });
    if (!reloaded.ok) return fail('pack-unavailable', `Pack "${input.packId}" cannot be snapshotted: ${reloaded.error}`);
    const { pack, snapshot } = reloaded.value;
    const header: RunHeader = {
      runId: newRunId(wallNow()),
      engineVersion: deps.engineVersion,
      packId: pack.id,
      packVersion: pack.version,
      packHash: snapshot.hash,
      seed: input.seed ?? Math.floor(random() * 0x100000000) >>> 0,
      mode: input.mode,
      createdAt: wallNow().toISOString(),
      ...(input.title ? { title: input.title } : {}),
      participants: input.participants,
      // Coaching is for solo practice only; a facilitated run is never coached.
      ...(input.coached && input.mode === 'solo' ? { coached: true } : {}),
      ...(input.skipQuietPeriods ? { skipQuietPeriods: true } : {}),
      ...(input.compression !== undefined && input.compression !== pack.clock.compression ? { compression: input.compression } : {}),
    };
    const created = await store.create(header, snapshot);
    if (!created.ok) return created;
    const state = deps.createRun(pack, header);
    const session = startSession({ header, pack, snapshot, state, log: [], durableBytes: 0, logIdentity: created.value.logIdentity });
    return { ok: true, value: session.view() };
  };

  const resume = async (runId: RunId): Promise<RunResult<SessionView>> => {
    const stored = await store.load(runId, { repair: true });
    if (!stored.ok) return stored;
    const { header, pack, snapshot, log, state, logBytes, logIdentity, repaired, damage } = stored.value;
    const session = startSession({ header, pack, snapshot, state, log, durableBytes: logBytes, logIdentity, ...(repaired ? { repaired } : {}), ...(damage ? { damage } : {}) });
    return { ok: true, value: session.view() };
  };

  const open: SessionManager['open'] = (runId) => {
    if (!isRunId(runId)) return Promise.resolve(fail('invalid-id', `Invalid run id ${JSON.stringify(runId)}`));
    const current = live.get(runId);
    if (current) return Promise.resolve({ ok: true, value: current.session.view() });
    // Two views opening the same run at once share one load (one session, one writer).
    const pending = opening.get(runId) ?? resume(runId).finally(() => opening.delete(runId));
    opening.set(runId, pending);
    return pending;
  };

  const liveSession = (runId: RunId): RunSession | undefined => (isRunId(runId) ? live.get(runId)?.session : undefined);

  const close: SessionManager['close'] = async (runId, closeOptions) => {
    const entry = isRunId(runId) ? live.get(runId) : undefined;
    if (!entry) return fail('not-live', `Run ${String(runId)} is not open`);
    const { session, timer } = entry;
    const unsaved = await session.flush();
    if (unsaved > 0 && !closeOptions?.discardUnsaved) {
      return fail('io', `${unsaved} entries of run ${runId} are not saved (${describePersistence(session)}). Export the run to keep them, or close it anyway.`);
    }
    if (timer !== undefined) scheduler.clearInterval(timer);
    live.delete(runId);
    const left = await session.close();
    if (left === 0 && !session.view().damage) await refreshRow(runId);
    return { ok: true, value: undefined };
  };

  const unsavedRuns: SessionManager['unsavedRuns'] = async () => {
    const runs: UnsavedRun[] = [];
    for (const { session } of live.values()) {
      const unsaved = await session.flush();
      if (unsaved === 0) continue;
      const persistence = session.persistence();
      runs.push({
        runId: session.runId,
        title: session.header.title ? `${session.pack.title} — ${session.header.title}` : session.pack.title,
        unsaved,
        reason: persistence.ok ? 'not saved yet' : persistence.reason,
        retrying: persistence.ok || persistence.retrying,
      });
    }
    return runs;
  };

  return {
    create,
    open,
    submit: async (runId, request) => {
      const session = liveSession(runId);
      if (!session) return err({ code: 'not-allowed', message: `Run ${String(runId)} is not open` });
      const parsed = parseSubmission(request);
      if (!parsed.ok) return err({ code: 'invalid-command', message: parsed.error });
      if (parsed.value.by === 'system') return err({ code: 'invalid-command', message: 'by: "system" is reserved for the session clock' });
      return session.submit(parsed.value.by, parsed.value.command);
    },
    subscribe: (runId, listener) => {
      const session = liveSession(runId);
      if (!session) return fail('not-live', `Run ${String(runId)} is not open`);
      return { ok: true, value: session.subscribe(listener) };
    },
    close,
    closeAll: async (closeOptions) => {
      const left: RunId[] = [];
      for (const runId of [...live.keys()]) {
        const closed = await close(runId, closeOptions);
        if (!closed.ok) left.push(runId);
      }
      await Promise.all(background);
      return left;
    },
    unsavedRuns,
    unsavedCount: () => [...live.values()].reduce((sum, { session }) => sum + session.unsaved(), 0),
    isLive: (runId) => liveSession(runId) !== undefined,
    state: (runId) => liveSession(runId)?.state(),
    listRuns: async () => {
      await swept;
      return store.list((runId) => {
        const session = live.get(runId)?.session;
        return session && liveRow(session);
      });
    },
    deleteRun: async (runId) => {
      if (liveSession(runId)) return fail('live', `Run ${runId} is open; close it before deleting it`);
      return store.delete(runId);
    },
    exportRun: async (runId, filePath) => {
      const session = liveSession(runId);
      if (session) return writeRunFile(filePath, session.toRunFile());
      return store.exportRun(runId, filePath);
    },
    exportRunFromMemory: async (runId, filePath) => {
      const session = liveSession(runId);
      if (!session) return fail('not-live', `Run ${String(runId)} is not open`);
      return writeRunFile(filePath, buildRunFile(session.header, session.snapshot, session.log()));
    },
    importRun: (filePath) => store.importRun(filePath),
  };
}

function describePersistence(session: RunSession): string {
  const p = session.persistence();
  return p.ok ? 'saved' : p.reason;
}

function fail(code: RunError['code'], message: string): { ok: false; error: RunError } {
  return { ok: false, error: { code, message } };
}
