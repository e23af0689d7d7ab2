/**
 * History rows of stored runs. A row's state — status, sim time, score,
 * damage — is derived from the validated files (header, pack snapshot, log,
 * replayed); `meta.json` caches it, keyed by the fingerprints (size and
 * CRC-32) of those three files (run-meta.ts). Listing reads the three files
 * and the cache per run and replays only runs whose files changed since the
 * cache was written; a cache that does not match the files, whatever it
 * claims, is ignored and rebuilt.
 */
import type { PackId, RunId } from '../../engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEntry, Pack, RunHeader, RunState } from '../../engine';
import type { LogRepair, RunDamage, RunScoreSummary, RunStatus, RunSummary } from '../../shared/runs';
import type { RunDeps } from './run-deps';
import { checkHeaderText, HEADER_FILE, LOG_FILE, PACK_FILE, readRun, type StoredRun } from './run-files';
import { fingerprint, META_VERSION, metaMatches, readMetaSync, writeMeta, type RunMeta } from './run-meta';

/** The state part of a history row (what `meta.json` caches, and what a live session gives). */
export type RowState = Omit<RunMeta, 'metaVersion' | 'files' | 'savedBytes'>;

/** The row state of a run from its replayed state. */
export function rowState(
  state: RunState,
  packTitle: string,
  log: readonly LogEntry[],
  extras: { readonly score?: RunScoreSummary | undefined; readonly repaired?: LogRepair | undefined; readonly damage?: RunDamage | undefined } = {},
): RowState {
  return {
    entries: log.length,
    packTitle,
    phase: state.phase,
    paused: state.clock.paused,
    simMinutes: state.clock.now,
    endMinutes: state.clock.end,
    ...(extras.score ? { score: extras.score } : {}),
    ...(extras.repaired ? { repaired: extras.repaired } : {}),
    ...(extras.damage ? { damage: extras.damage } : {}),
  };
}

/** The cache entry of a stored run, derived from its files. */
export function metaOf(run: StoredRun, deps: RunDeps): RunMeta {
  const score = run.state.phase === 'ended' ? safeScore(deps, run.pack, run.header, run.log) : undefined;
  return {
    metaVersion: META_VERSION,
    files: run.files,
    savedBytes: run.damage ? 0 : run.logBytes,
    ...rowState(run.state, run.pack.title, run.log, { score, repaired: run.repaired, damage: run.damage }),
  };
}

/** A history row from a header and its row state; `status` depends on whether a live session holds the run. */
export function summaryFromRow(header: RunHeader, row: RowState, status: RunStatus, live: boolean): RunSummary {
  return {
    ok: true,
    runId: header.runId,
    ...(header.title !== undefined ? { title: header.title } : {}),
    packId: header.packId,
    packTitle: row.packTitle,
    packVersion: header.packVersion,
    createdAt: header.createdAt,
    mode: header.mode,
    participants: header.participants,
    status,
    phase: row.phase,
    paused: row.paused,
    simMinutes: row.simMinutes,
    endMinutes: row.endMinutes,
    entries: row.entries,
    ...(row.score && row.phase === 'ended' ? { score: row.score } : {}),
    live,
    ...(row.repaired ? { repaired: row.repaired } : {}),
    ...(row.damage ? { damage: row.damage } : {}),
  };
}

/** The status of a run that no live session holds: damaged (read-only), ended, or interrupted (resumable). */
export function storedStatus(row: Pick<RowState, 'phase' | 'damage'>): RunStatus {
  if (row.damage) return 'damaged';
  return row.phase === 'ended' ? 'ended' : 'interrupted';
}

function readSync(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The history row of one stored run from its cache, or `undefined` when the
 * cache does not match the files (or the run is broken in a way only a full
 * read explains). Synchronous on purpose: a few small reads per run cost far
 * less in sync calls than through the async thread pool, and the caller
 * yields between chunks of runs so the event loop is never held for long.
 */
export function cachedSummary(dir: string, runId: RunId, deps: RunDeps): RunSummary | undefined {
  const headerBytes = readSync(join(dir, HEADER_FILE));
  const header = checkHeaderText(headerBytes && Buffer.from(headerBytes).toString('utf8'), runId, deps);
  if (!header.ok) return { ok: false, runId, status: header.error.code === 'unsupported' ? 'unsupported' : 'corrupt', reason: header.error.message };
  const meta = readMetaSync(dir);
  if (!meta || !headerBytes) return undefined;
  const packBytes = readSync(join(dir, PACK_FILE));
  const logBytes = readSync(join(dir, LOG_FILE));
  if (!packBytes || !logBytes) return undefined;
  if (!metaMatches(meta, { header: fingerprint(headerBytes), pack: fingerprint(packBytes), log: fingerprint(logBytes) })) return undefined;
  return summaryFromRow(header.value, meta, storedStatus(meta), false);
}

/** The history row of one stored run (not live), rebuilt from its files when the cache does not match them. Never throws. */
export async function summarizeStoredRun(dir: string, runId: RunId, deps: RunDeps, options: { readonly rebuild?: boolean } = {}): Promise<RunSummary> {
  if (!options.rebuild) {
    const fast = cachedSummary(dir, runId, deps);
    if (fast) return fast;
  }
  const stored = await readRun(dir, runId, deps, false);
  if (!stored.ok) {
    return { ok: false, runId, status: stored.error.code === 'unsupported' ? 'unsupported' : 'corrupt', reason: stored.error.message, ...brokenDetails(dir, runId, deps) };
  }
  const meta = metaOf(stored.value, deps);
  await writeMeta(dir, meta);
  return summaryFromRow(stored.value.header, meta, storedStatus(meta), false);
}

/** Header details for a broken row, when the header itself is fine (the problem is elsewhere). */
function brokenDetails(dir: string, runId: RunId, deps: RunDeps): { packId?: PackId; createdAt?: string; title?: string } {
  const bytes = readSync(join(dir, HEADER_FILE));
  const header = checkHeaderText(bytes && Buffer.from(bytes).toString('utf8'), runId, deps);
  if (!header.ok) return {};
  return { packId: header.value.packId, createdAt: header.value.createdAt, ...(header.value.title !== undefined ? { title: header.value.title } : {}) };
}

/** Scores an ended run; a scoring failure leaves the score out rather than hiding the run. */
export function safeScore(deps: RunDeps, pack: Pack, header: RunHeader, log: readonly LogEntry[]): RunScoreSummary | undefined {
  try {
    return deps.score(pack, header, log);
  } catch {
    return undefined;
  }
}
