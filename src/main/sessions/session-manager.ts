/**
 * The run sessions of the main process: creates and resumes runs, routes
 * commands to the live session that owns each run, and serves the history
 * (which must know which runs are live). Time, scheduling and randomness
 * are injected so tests control them.
 */
import { z } from 'zod';
import { actorSchema, commandSchema } from '../../engine/command-schema';
import type { RunHeader, RunState } from '../../engine/types';
import type { LoadedPack } from '../../shared/packs';
import type { CreateRunRequest, ImportedRun, PackSnapshot, RunError, RunResult, RunSummary, SessionEvent, SessionView, SubmitRequest, SubmitResult, Subscription } from '../../shared/runs';
import { buildRunFile, writeRunFile } from '../runs/run-file';
import { metaFromState, safeScore, summaryFromMeta } from '../runs/run-history';
import { isRunId, newRunId } from '../runs/run-id';
import type { RunStore } from '../runs/run-store';
import { createRunSession, type RunSession } from './run-session';
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
export type PackSource = { readonly get: (packId: string) => Promise<LoadedPack | undefined> };

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
  readonly create: (request: CreateRunRequest) => Promise<RunResult<SessionView>>;
  /** Opens (resumes) a stored run, or returns the live session's view. */
  readonly open: (runId: string) => Promise<RunResult<SessionView>>;
  readonly submit: (runId: string, request: SubmitRequest) => Promise<SubmitResult>;
  readonly subscribe: (runId: string, listener: (event: SessionEvent) => void) => RunResult<Subscription>;
  /** Closes a live session. Refused (`io`) while entries are unsaved, unless `discardUnsaved`. */
  readonly close: (runId: string, options?: { readonly discardUnsaved?: boolean }) => Promise<RunResult<void>>;
  readonly closeAll: () => Promise<void>;
  readonly isLive: (runId: string) => boolean;
  /** The authoritative state of a live run (the CLI, the harness and tests read it; views replay their entries). */
  readonly state: (runId: string) => RunState | undefined;
  readonly listRuns: () => Promise<RunSummary[]>;
  readonly deleteRun: (runId: string) => Promise<RunResult<void>>;
  readonly exportRun: (runId: string, filePath: string) => Promise<RunResult<void>>;
  /** Saves a live run from memory, including entries the disk refused. */
  readonly exportRunFromMemory: (runId: string, filePath: string) => Promise<RunResult<void>>;
  readonly importRun: (filePath: string) => Promise<RunResult<ImportedRun>>;
};

const createSchema = z.strictObject({
  packId: z.string().min(1).max(64),
  mode: z.enum(['solo', 'facilitated']),
  participants: z.array(z.string().trim().min(1).max(200)).max(100),
  title: z.string().trim().max(200).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  coached: z.boolean().optional(),
  skipQuietPeriods: z.boolean().optional(),
});

/** Creates the session manager. */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { store, library, scheduler } = options;
  const deps = store.deps;
  const timing: ClockTiming = { ...DEFAULT_CLOCK_TIMING, ...options.timing };
  const random = options.random ?? Math.random;
  const wallNow = options.wallNow ?? (() => new Date());
  const live = new Map<string, { session: RunSession; timer: unknown }>();
  const opening = new Map<string, Promise<RunResult<SessionView>>>();

  const refreshMeta = (session: RunSession) => {
    const state = session.state();
    const log = session.log();
    const score = state.phase === 'ended' ? safeScore(deps, session.pack, session.header, log) : undefined;
    return metaFromState(state, session.pack.title, log, 0, score);
  };

  const writeMeta = async (session: RunSession, durableBytes: number) => {
    await store.writeMeta(session.runId, { ...refreshMeta(session), logBytes: durableBytes });
  };

  const startSession = (args: Omit<Parameters<typeof createRunSession>[0], 'writer' | 'deps' | 'monotonicNow' | 'wallNow' | 'timing' | 'onEnded'> & { durableBytes: number }): RunSession => {
    const writer = store.openWriter(args.header.runId, args.durableBytes);
    const session: RunSession = createRunSession({
      ...args,
      writer,
      deps,
      monotonicNow: options.monotonicNow,
      wallNow,
      timing,
      onEnded: () => void writeMeta(session, writer.durableBytes()),
    });
    const timer = scheduler.setInterval(() => session.tick(), timing.tickMs);
    live.set(session.runId, { session, timer });
    return session;
  };

  /** Loads the exact pack a resume would use, so a live run and its resumption never differ. */
  const reloadSnapshot = (snapshot: PackSnapshot) => deps.loadSnapshot(JSON.parse(JSON.stringify(snapshot)) as unknown);

  const create: SessionManager['create'] = async (request) => {
    const parsed = createSchema.safeParse(request);
    if (!parsed.success) return fail('invalid-input', `Invalid run settings: ${issueText(parsed.error)}`);
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
    };
    const created = await store.create(header, snapshot);
    if (!created.ok) return created;
    const session = startSession({ header, pack, snapshot, state: deps.createRun(pack, header), log: [], durableBytes: 0 });
    return { ok: true, value: session.view() };
  };

  const resume = async (runId: string): Promise<RunResult<SessionView>> => {
    const stored = await store.load(runId, { repair: true });
    if (!stored.ok) return stored;
    const state = store.restore(stored.value);
    if (!state.ok) return state;
    const { header, pack, snapshot, log, logBytes, repaired } = stored.value;
    const session = startSession({ header, pack, snapshot, state: state.value, log, durableBytes: logBytes, ...(repaired ? { repaired } : {}) });
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

  const liveSession = (runId: string): RunSession | undefined => (isRunId(runId) ? live.get(runId)?.session : undefined);

  const close: SessionManager['close'] = async (runId, closeOptions) => {
    const entry = isRunId(runId) ? live.get(runId) : undefined;
    if (!entry) return fail('not-live', `Run ${String(runId)} is not open`);
    const { session, timer } = entry;
    const unsaved = await session.flush();
    if (unsaved > 0 && !closeOptions?.discardUnsaved) {
      return fail('io', `${unsaved} entries of run ${runId} are not saved (${describePersistence(session)}). Export the run to keep them, or close it anyway.`);
    }
    scheduler.clearInterval(timer);
    live.delete(runId);
    const left = await session.close();
    if (left === 0) await writeMeta(session, session.durableBytes());
    return { ok: true, value: undefined };
  };

  return {
    create,
    open,
    submit: async (runId, request) => {
      const session = liveSession(runId);
      if (!session) return { ok: false, rejection: { code: 'not-allowed', message: `Run ${String(runId)} is not open` } };
      const by = actorSchema.safeParse(request?.by);
      if (!by.success) return { ok: false, rejection: { code: 'invalid-command', message: `by: ${issueText(by.error)}` } };
      if (by.data === 'system') return { ok: false, rejection: { code: 'invalid-command', message: 'by: "system" is reserved for the session clock' } };
      const command = commandSchema.safeParse(request?.command);
      if (!command.success) return { ok: false, rejection: { code: 'invalid-command', message: `command: ${issueText(command.error)}` } };
      return session.submit(by.data, command.data);
    },
    subscribe: (runId, listener) => {
      const session = liveSession(runId);
      if (!session) return fail('not-live', `Run ${String(runId)} is not open`);
      return { ok: true, value: session.subscribe(listener) };
    },
    close,
    closeAll: async () => {
      for (const runId of [...live.keys()]) await close(runId, { discardUnsaved: true });
    },
    isLive: (runId) => liveSession(runId) !== undefined,
    state: (runId) => liveSession(runId)?.state(),
    listRuns: () =>
      store.list((runId) => {
        const session = live.get(runId)?.session;
        return session && summaryFromMeta(session.header, refreshMeta(session), session.status(), true);
      }),
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

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

function fail(code: RunError['code'], message: string): { ok: false; error: RunError } {
  return { ok: false, error: { code, message } };
}
