/**
 * The run store: one folder per run under `<userData>/runs/` (layout in
 * README.md). Plain Node, no Electron: used by the sessions, the CLI and
 * tests. Every method that receives a run id checks it first, so no id can
 * reach outside the runs folder.
 */
import type { RunId } from '../../engine';
import { randomUUID } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunHeader } from '../../engine';
import type { ImportedRun, PackSnapshot, RunError, RunResult, RunSummary } from '../../shared/runs';
import { nodeLogFs, type FileIdentity, type LogFs } from './append-fs';
import { encodeEntries } from './log-codec';
import { createLogWriter, describeWriteError, type LogWriter, type WriterStart } from './log-writer';
import type { RunDeps } from './run-deps';
import { buildRunFile, readRunFile, writeRunFile } from './run-file';
import { LOG_FILE, readRun, writeRunDir, type StoredRun } from './run-files';
import { cachedSummary, summarizeStoredRun } from './run-history';
import { isRunId, newRunId } from './run-id';

/** Options of the run store. */
export type RunStoreOptions = {
  /** `<userData>/runs`. */
  readonly runsDir: string;
  readonly deps: RunDeps;
  /** File operations of the log writer (tests substitute a failing or page-cache-modelling one). */
  readonly logFs?: LogFs;
  /** Wall clock for new run ids. */
  readonly wallNow?: () => Date;
};

/** The run store. */
export type RunStore = {
  readonly runsDir: string;
  readonly deps: RunDeps;
  /** A fresh run id, not used by any stored run. */
  readonly newRunId: () => RunId;
  /** Creates the folder of a new run (header, pack snapshot, empty log); gives which file the log is. */
  readonly create: (header: RunHeader, snapshot: PackSnapshot) => Promise<RunResult<{ readonly logIdentity: Pick<FileIdentity, 'dev' | 'ino'> }>>;
  /**
   * Reads and replays a run. A damaged log comes back with `damage` and the
   * valid entries before it; `repair` truncates a torn last line on disk
   * (done when resuming).
   */
  readonly load: (runId: RunId, options?: { readonly repair?: boolean }) => Promise<RunResult<StoredRun>>;
  /** The appender of a run's log, expecting the length (and file) the run was loaded or created with. */
  readonly openWriter: (runId: RunId, start: WriterStart) => LogWriter;
  readonly listIds: () => Promise<string[]>;
  /** The history row of a stored run (replays it only when its cache does not match its files; `rebuild` always does). */
  readonly summarize: (runId: RunId, options?: { readonly rebuild?: boolean }) => Promise<RunSummary>;
  /** Every stored run, newest first; `liveRow` supplies the rows of runs open in a live session (not read from disk). */
  readonly list: (liveRow?: (runId: RunId) => RunSummary | undefined) => Promise<RunSummary[]>;
  /** Removes the temporary folders of creations, imports and deletions cut short by a crash. */
  readonly sweep: () => Promise<void>;
  readonly delete: (runId: RunId) => Promise<RunResult<void>>;
  readonly exportRun: (runId: RunId, filePath: string) => Promise<RunResult<void>>;
  /** Imports a run file after checking it fully; a clashing run id is replaced by a new one. */
  readonly importRun: (filePath: string) => Promise<RunResult<ImportedRun>>;
};

/** Creates a run store over a folder (created on first write). */
export function createRunStore(options: RunStoreOptions): RunStore {
  const { runsDir, deps } = options;
  const logFs = options.logFs ?? nodeLogFs;
  const wallNow = options.wallNow ?? (() => new Date());
  const dirOf = (runId: RunId) => join(runsDir, runId);

  const exists = async (runId: RunId): Promise<boolean> => {
    try {
      await stat(dirOf(runId));
      return true;
    } catch {
      return false;
    }
  };

  const load: RunStore['load'] = async (runId, loadOptions) => {
    if (!isRunId(runId)) return badId(runId);
    if (!(await exists(runId))) return notFound(runId);
    try {
      return await readRun(dirOf(runId), runId, deps, loadOptions?.repair ?? false);
    } catch (error) {
      return ioError(`Could not read run ${runId}`, error);
    }
  };

  const safeCachedSummary = (dir: string, runId: RunId): RunSummary | undefined => {
    try {
      return cachedSummary(dir, runId, deps);
    } catch {
      return undefined;
    }
  };

  const listIds = async (): Promise<RunId[]> => {
    try {
      const names = await readdir(runsDir, { withFileTypes: true });
      return names.map((d) => (d.isDirectory() ? d.name : undefined)).filter(isRunId);
    } catch {
      return [];
    }
  };

  const store: RunStore = {
    runsDir,
    deps,
    newRunId: () => newRunId(wallNow()),
    create: async (header, snapshot) => {
      if (!isRunId(header.runId)) return badId(header.runId);
      if (await exists(header.runId)) return { ok: false, error: { code: 'invalid-input', message: `A run with id ${header.runId} already exists` } };
      try {
        return { ok: true, value: { logIdentity: await writeRunDir(runsDir, header, snapshot) } };
      } catch (error) {
        return ioError(`Could not create run ${header.runId}`, error);
      }
    },
    load,
    openWriter: (runId, start) => {
      if (!isRunId(runId)) throw new Error(`Invalid run id: ${JSON.stringify(runId)}`);
      return createLogWriter(join(dirOf(runId), LOG_FILE), logFs, start);
    },
    listIds,
    summarize: async (runId, summarizeOptions) => {
      if (!isRunId(runId)) return { ok: false, runId, status: 'corrupt', reason: 'Invalid run id' };
      try {
        return await summarizeStoredRun(dirOf(runId), runId, deps, summarizeOptions);
      } catch (error) {
        return { ok: false, runId, status: 'corrupt', reason: describeWriteError(error) };
      }
    },
    list: async (liveRow) => {
      const ids = await listIds();
      const rows: RunSummary[] = new Array<RunSummary>(ids.length);
      const stale: number[] = [];
      // Cached rows are read synchronously in chunks, yielding between chunks (see run-history.ts).
      for (let start = 0; start < ids.length; start += LIST_CHUNK) {
        for (let i = start; i < Math.min(ids.length, start + LIST_CHUNK); i++) {
          const id = ids[i]!;
          const row = liveRow?.(id) ?? safeCachedSummary(dirOf(id), id);
          if (row) rows[i] = row;
          else stale.push(i);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      await mapLimit(stale, 8, async (i) => {
        rows[i] = await store.summarize(ids[i]!);
      });
      return sortNewestFirst(rows);
    },
    sweep: async () => {
      // Only folders present now: a creation that starts meanwhile uses a new random name.
      const names = await readdir(runsDir).catch(() => [] as string[]);
      const leftovers = names.filter((name) => /^\.(tmp|trash)-[0-9a-f-]{36}$/.test(name));
      await Promise.all(leftovers.map((name) => rm(join(runsDir, name), { recursive: true, force: true }).catch(() => {})));
    },
    delete: async (runId) => {
      if (!isRunId(runId)) return badId(runId);
      if (!(await exists(runId))) return notFound(runId);
      // Renamed out of the listing first, so a crash mid-delete never leaves half a run listed.
      const trash = join(runsDir, `.trash-${randomUUID()}`);
      try {
        await rename(dirOf(runId), trash);
      } catch (error) {
        return ioError(`Could not delete run ${runId}`, error);
      }
      await rm(trash, { recursive: true, force: true }).catch(() => {});
      return { ok: true, value: undefined };
    },
    exportRun: async (runId, filePath) => {
      const run = await load(runId);
      if (!run.ok) return run;
      return writeRunFile(filePath, buildRunFile(run.value.header, run.value.snapshot, run.value.log, run.value.damage));
    },
    importRun: async (filePath) => {
      const checked = await readRunFile(filePath, deps);
      if (!checked.ok) return checked;
      const { header, snapshot, log, damaged } = checked.value;
      const stated = isRunId(header.runId) ? header.runId : undefined;
      const clash = stated === undefined || (await exists(stated));
      const runId = clash || stated === undefined ? store.newRunId() : stated;
      try {
        // A partial export stays partial (read-only) here too.
        await writeRunDir(runsDir, { ...header, runId }, snapshot, encodeEntries(log), damaged);
      } catch (error) {
        return ioError(`Could not store the imported run`, error);
      }
      return { ok: true, value: { runId, renamed: clash } };
    },
  };
  return store;
}

/** Runs read between two yields to the event loop while listing (about 1 ms of work). */
const LIST_CHUNK = 50;

/** Newest first by creation time, then id (broken rows without a date last). */
function sortNewestFirst(rows: RunSummary[]): RunSummary[] {
  const key = (r: RunSummary) => r.createdAt ?? '';
  return rows.sort((a, b) => (key(a) === key(b) ? (a.runId < b.runId ? 1 : -1) : key(a) < key(b) ? 1 : -1));
}

/** Maps with at most `limit` promises in flight (thousands of runs must not exhaust file handles). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function badId(runId: unknown): { ok: false; error: RunError } {
  return { ok: false, error: { code: 'invalid-id', message: `Invalid run id ${JSON.stringify(runId)}: letters, digits, "-" and "_" only, at most 64` } };
}

function notFound(runId: RunId): { ok: false; error: RunError } {
  return { ok: false, error: { code: 'not-found', message: `There is no run ${runId}` } };
}

function ioError(what: string, error: unknown): { ok: false; error: RunError } {
  return { ok: false, error: { code: 'io', message: `${what}: ${describeWriteError(error)}` } };
}
