/**
 * History rows of stored runs. Status, sim time and score are derived from
 * the log (by replay); `meta.json` caches them keyed by the log's byte length,
 * so listing reads three small things per run (header, meta, log size) and
 * replays only runs whose log changed since the cache was written.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LogEntry, RunHeader, RunState } from '../../engine/types';
import type { LogRepair, RunScoreSummary, RunStatus, RunSummary } from '../../shared/runs';
import type { RunDeps } from './run-deps';
import { LOG_FILE, META_FILE, parseJson, readHeaderSync, readRun } from './run-files';

const META_VERSION = 1;

const metaSchema = z.object({
  metaVersion: z.literal(META_VERSION),
  logBytes: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  packTitle: z.string(),
  phase: z.enum(['setup', 'running', 'ended']),
  paused: z.boolean(),
  simMinutes: z.number(),
  endMinutes: z.number(),
  score: z.object({ total: z.number(), max: z.number() }).optional(),
  repaired: z.object({ droppedBytes: z.number(), message: z.string() }).optional(),
});

/** The cached, log-derived part of a history row (`meta.json`). */
export type RunMeta = z.output<typeof metaSchema>;

/** Builds the cache entry of a run from its replayed state. */
export function metaFromState(
  state: RunState,
  packTitle: string,
  log: readonly LogEntry[],
  logBytes: number,
  score: RunScoreSummary | undefined,
  repaired?: LogRepair,
): RunMeta {
  return {
    metaVersion: META_VERSION,
    logBytes,
    entries: log.length,
    packTitle,
    phase: state.phase,
    paused: state.clock.paused,
    simMinutes: state.clock.now,
    endMinutes: state.clock.end,
    ...(score ? { score } : {}),
    ...(repaired ? { repaired } : {}),
  };
}

/** A history row from a header and its log-derived data; `status` depends on whether a live session holds the run. */
export function summaryFromMeta(header: RunHeader, meta: RunMeta, status: RunStatus, live: boolean): RunSummary {
  return {
    ok: true,
    runId: header.runId,
    ...(header.title !== undefined ? { title: header.title } : {}),
    packId: header.packId,
    packTitle: meta.packTitle,
    packVersion: header.packVersion,
    createdAt: header.createdAt,
    mode: header.mode,
    participants: header.participants,
    status,
    phase: meta.phase,
    paused: meta.paused,
    simMinutes: meta.simMinutes,
    endMinutes: meta.endMinutes,
    entries: meta.entries,
    ...(meta.score && meta.phase === 'ended' ? { score: meta.score } : {}),
    live,
    ...(meta.repaired ? { repaired: meta.repaired } : {}),
  };
}

/** The status of a run that no live session holds: ended, or interrupted (resumable). */
export const storedStatus = (phase: RunState['phase']): RunStatus => (phase === 'ended' ? 'ended' : 'interrupted');

/**
 * Writes `meta.json` (temp file + rename, so readers never see half of it).
 * It is only a cache: no fsync (a listing of many stale runs stays fast) and a
 * failure or a file lost in a power cut only costs a replay at the next listing.
 */
export async function writeMeta(dir: string, meta: RunMeta): Promise<void> {
  const temp = join(dir, `.${META_FILE}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, JSON.stringify(meta) + '\n', 'utf8');
    await rename(temp, join(dir, META_FILE));
  } catch {
    await rm(temp, { force: true }).catch(() => {});
  }
}

/**
 * The history row of one stored run from its cache, or `undefined` when the
 * cache is stale (or the run is broken in a way only a full read explains).
 * Synchronous on purpose: three tiny reads per run cost about 25 µs in
 * sync calls but over 100 µs through the async thread pool, and the caller
 * yields between chunks of runs so the event loop is never held for long.
 */
export function cachedSummary(dir: string, runId: string, deps: RunDeps): RunSummary | undefined {
  const header = readHeaderSync(dir, runId, deps);
  if (!header.ok) return { ok: false, runId, status: header.error.code === 'unsupported' ? 'unsupported' : 'corrupt', reason: header.error.message };
  let logBytes: number;
  try {
    logBytes = statSync(join(dir, LOG_FILE)).size;
  } catch {
    return broken(header.value, 'corrupt', `${LOG_FILE} is missing`);
  }
  let text: string;
  try {
    text = readFileSync(join(dir, META_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const cached = metaSchema.safeParse(parseJson(text));
  if (!cached.success || cached.data.logBytes !== logBytes) return undefined;
  return summaryFromMeta(header.value, cached.data, storedStatus(cached.data.phase), false);
}

/** The history row of one stored run (not live), replaying it when its cache is stale. Never throws. */
export async function summarizeStoredRun(dir: string, runId: string, deps: RunDeps): Promise<RunSummary> {
  const fast = cachedSummary(dir, runId, deps);
  if (fast) return fast;
  let logBytes: number;
  try {
    logBytes = (await stat(join(dir, LOG_FILE))).size;
  } catch {
    return { ok: false, runId, status: 'corrupt', reason: `${LOG_FILE} is missing` };
  }
  const stored = await readRun(dir, runId, deps, false);
  if (!stored.ok) return { ok: false, runId, status: stored.error.code === 'unsupported' ? 'unsupported' : 'corrupt', reason: stored.error.message };
  const { pack, log, header } = stored.value;
  const replayed = deps.replay(pack, header, log);
  if (!replayed.ok) {
    return broken(header, 'corrupt', `${LOG_FILE}: entry seq ${replayed.seq} is refused on replay (${replayed.rejection.code}: ${replayed.rejection.message})`);
  }
  const score = replayed.state.phase === 'ended' ? safeScore(deps, pack, header, log) : undefined;
  // Keyed by the size on disk (torn tail included) so an unchanged file hits the cache next time.
  const meta = metaFromState(replayed.state, pack.title, log, logBytes, score, stored.value.repaired);
  await writeMeta(dir, meta);
  return summaryFromMeta(header, meta, storedStatus(meta.phase), false);
}

/** Scores an ended run; a scoring failure leaves the score out rather than hiding the run. */
export function safeScore(deps: RunDeps, pack: Parameters<RunDeps['score']>[0], header: RunHeader, log: readonly LogEntry[]): RunScoreSummary | undefined {
  try {
    return deps.score(pack, header, log);
  } catch {
    return undefined;
  }
}

function broken(header: RunHeader, status: 'corrupt' | 'unsupported', reason: string): RunSummary {
  return {
    ok: false,
    runId: header.runId,
    status,
    reason,
    packId: header.packId,
    createdAt: header.createdAt,
    ...(header.title !== undefined ? { title: header.title } : {}),
  };
}
