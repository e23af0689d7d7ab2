/**
 * The files of one stored run: `header.json`, `pack.json`, `log.jsonl`
 * (see README.md). Reading never throws: every problem becomes a RunError
 * naming the file (and line) at fault.
 */
import type { RunId } from '../../engine';
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { formatPackPath, type LogEntry, type Pack, packIdSchema, plainErrorMap, runIdSchema, type RunHeader, type RunState, SUPPORTED_ENGINE_VERSIONS } from '../../engine';
import type { LogRepair, PackSnapshot, RunDamage, RunError, RunResult } from '../../shared/runs';
import { syncDirectory } from '../fs/atomic';
import type { FileIdentity } from './append-fs';
import { parseLog } from './log-codec';
import type { RunDeps } from './run-deps';
import { damageSchema, fingerprint, readMeta, type RunFingerprints } from './run-meta';

/** The layout version of a run folder. */
export const STORAGE_VERSION = 1;
export const HEADER_FILE = 'header.json';
export const PACK_FILE = 'pack.json';
export const LOG_FILE = 'log.jsonl';

/** Zod schema of a RunHeader (runtime check of stored and imported headers). */
export const runHeaderSchema = z.strictObject({
  runId: runIdSchema,
  engineVersion: z.number().int().positive(),
  packId: packIdSchema,
  packVersion: z.string().min(1).max(100),
  packHash: z.string().min(1).max(200),
  seed: z.number().int().min(0).max(0xffffffff),
  mode: z.enum(['solo', 'facilitated']),
  createdAt: z.string().max(64),
  title: z.string().max(200).optional(),
  participants: z.array(z.string().max(200)).max(100),
  coached: z.boolean().optional(),
  skipQuietPeriods: z.boolean().optional(),
  compression: z.number().positive().max(10_000).optional(),
});

const storedHeaderSchema = runHeaderSchema.extend({
  storageVersion: z.literal(STORAGE_VERSION),
  packSnapshot: z.literal(PACK_FILE),
  /** Imported from the export of a damaged run: only the entries before the damage exist; read-only. */
  partial: damageSchema.optional(),
});

/**
 * A run read from its folder and replayed. A damaged run (`damage`) holds the
 * valid entries before the damage and their state; it is read-only.
 */
export type StoredRun = {
  readonly header: RunHeader;
  readonly pack: Pack;
  readonly snapshot: PackSnapshot;
  readonly log: LogEntry[];
  /** The state after `log`. */
  readonly state: RunState;
  /** Durable length of log.jsonl (after dropping a torn last line). */
  readonly logBytes: number;
  /** Which file log.jsonl was when read (the writer checks it is still the same before writing). */
  readonly logIdentity: Pick<FileIdentity, 'dev' | 'ino'>;
  /** What the row was derived from (the history cache is keyed by it). */
  readonly files: RunFingerprints;
  readonly repaired?: LogRepair;
  readonly damage?: RunDamage;
};

const fail = (code: RunError['code'], message: string, seq?: number): { ok: false; error: RunError } => ({
  ok: false,
  error: seq === undefined ? { code, message } : { code, message, seq },
});

/** Checks a header value: unknown storage or engine versions are `unsupported`, anything else wrong is `corrupt`. */
export function checkHeader(raw: unknown, deps: Pick<RunDeps, 'engineVersion'>, where: string, stored: boolean): RunResult<RunHeader> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('corrupt', `${where} is not a JSON object`);
  const record = raw as Record<string, unknown>;
  if (stored && record.storageVersion !== STORAGE_VERSION) {
    return fail('unsupported', `${where}: this run was stored in format ${String(record.storageVersion)}; this app reads format ${STORAGE_VERSION}. A newer version of the app may open it.`);
  }
  if (typeof record.engineVersion === 'number' && record.engineVersion !== deps.engineVersion && !SUPPORTED_ENGINE_VERSIONS.includes(record.engineVersion)) {
    return fail('unsupported', `${where}: this run was recorded with engine version ${record.engineVersion}; this app runs engine version ${deps.engineVersion} and cannot replay it.`);
  }
  const parsed = (stored ? storedHeaderSchema : runHeaderSchema).safeParse(raw, { error: plainErrorMap });
  if (!parsed.success) return fail('corrupt', `${where}: ${headerProblem(parsed.error.issues)}`);
  const { storageVersion: _s, packSnapshot: _p, partial: _partial, ...header } = parsed.data as z.output<typeof storedHeaderSchema>;
  return { ok: true, value: header };
}

/** The first problem of a header in plain words: `runId is required but missing`. */
function headerProblem(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (issue === undefined) return 'is not a valid run header';
  const field = issue.path.length === 0 ? 'the header' : formatPackPath(issue.path.map((p) => (typeof p === 'number' ? p : String(p))));
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more ${issues.length === 2 ? 'problem' : 'problems'})` : '';
  return `${field} ${issue.message}${more}`;
}

/** Checks the text of `header.json` (undefined: missing or unreadable) of the run folder named `runId`. */
export function checkHeaderText(text: string | undefined, runId: RunId, deps: Pick<RunDeps, 'engineVersion'>): RunResult<RunHeader> {
  if (text === undefined) return fail('corrupt', `${HEADER_FILE} is missing or unreadable`);
  const raw = parseJson(text);
  if (raw === undefined) return fail('corrupt', `${HEADER_FILE} is not valid JSON`);
  const header = checkHeader(raw, deps, HEADER_FILE, true);
  if (header.ok && header.value.runId !== runId) return fail('corrupt', `${HEADER_FILE}: runId "${header.value.runId}" does not match the folder name "${runId}"`);
  return header;
}

/**
 * Reads a run folder — header, pack snapshot, log — and replays the log.
 * Header or snapshot problems are errors (`corrupt`, `unsupported`): there
 * is nothing to show. A damaged log is not an error: the run comes back with
 * `damage` and the valid entries before it. `repair` truncates a torn last
 * line on disk (only when nothing else is wrong).
 */
export async function readRun(dir: string, runId: RunId, deps: RunDeps, repair: boolean): Promise<RunResult<StoredRun>> {
  const headerBytes = await readBytes(join(dir, HEADER_FILE));
  const header = checkHeaderText(headerBytes && utf8(headerBytes), runId, deps);
  if (!header.ok || !headerBytes) return header.ok ? fail('corrupt', `${HEADER_FILE} is missing or unreadable`) : header;
  const snapshotBytes = await readBytes(join(dir, PACK_FILE));
  if (snapshotBytes === undefined) return fail('corrupt', `${PACK_FILE} (the pack snapshot) is missing or unreadable`);
  const snapshotJson = parseJson(utf8(snapshotBytes));
  if (snapshotJson === undefined) return fail('corrupt', `${PACK_FILE} is not valid JSON`);
  const loaded = deps.loadSnapshot(snapshotJson);
  if (!loaded.ok) return fail('corrupt', `${PACK_FILE}: ${loaded.error}`);
  if (loaded.value.snapshot.hash !== header.value.packHash) {
    return fail('corrupt', `${PACK_FILE}: pack hash ${loaded.value.snapshot.hash} does not match the header's ${header.value.packHash}`);
  }
  const logFile = await readLogFile(join(dir, LOG_FILE));
  if (!logFile) return fail('corrupt', `${LOG_FILE} is missing or unreadable`);
  const { pack, snapshot } = loaded.value;
  const partial = partialOf(utf8(headerBytes));
  const checked = partial ? { entries: parseLog(logFile.bytes).entries, goodBytes: logFile.bytes.length, damage: partial } : await checkLog(dir, logFile.bytes);
  const replayed = replayValid(deps, pack, header.value, checked.entries, checked.damage);
  if (checked.repaired && repair && !replayed.damage) {
    const handle = await open(join(dir, LOG_FILE), 'r+');
    try {
      await handle.truncate(checked.goodBytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  return {
    ok: true,
    value: {
      header: header.value,
      pack,
      snapshot,
      log: replayed.log,
      state: replayed.state,
      logBytes: checked.goodBytes,
      logIdentity: logFile.identity,
      files: { header: fingerprint(headerBytes), pack: fingerprint(snapshotBytes), log: fingerprint(logFile.bytes) },
      ...(checked.repaired && !replayed.damage ? { repaired: checked.repaired } : {}),
      ...(replayed.damage ? { damage: replayed.damage } : {}),
    },
  };
}

/** The damage a run imported from a partial export carries (its header says so), restated for where it now lives. */
function partialOf(headerText: string): RunDamage | undefined {
  const parsed = damageSchema.safeParse((parseJson(headerText) as { partial?: unknown } | undefined)?.partial);
  if (!parsed.success) return undefined;
  const original = parsed.data;
  if (original.message.startsWith('This run was imported')) return original;
  return {
    ...original,
    message: `This run was imported from the export of a damaged run: only its first ${original.entriesKept} ${original.entriesKept === 1 ? 'entry' : 'entries'} exist (read-only). Originally: ${original.message}`,
  };
}

type CheckedLog = { readonly entries: LogEntry[]; readonly goodBytes: number; readonly repaired?: LogRepair; readonly damage?: RunDamage };

/**
 * Parses the log and weighs a torn last line against the history cache: a
 * cache that recorded more saved bytes than the log's complete lines now
 * hold proves the file was cut short after it was saved — damage, not a
 * line torn by a crash.
 */
async function checkLog(dir: string, bytes: Uint8Array): Promise<CheckedLog> {
  const parsed = parseLog(bytes);
  if (!parsed.ok) return { entries: parsed.entries, goodBytes: parsed.goodBytes, damage: damageAt(parsed.line, parsed.problem, parsed.entries.length) };
  const saved = (await readMeta(dir))?.savedBytes;
  if (saved !== undefined && saved > parsed.goodBytes) {
    const line = parsed.entries.length + 1;
    const problem = `is missing: the log now holds ${parsed.goodBytes} bytes of complete lines, but ${saved} bytes had been saved, so it was cut short after it was saved`;
    return { entries: parsed.entries, goodBytes: parsed.goodBytes, damage: damageAt(line, problem, parsed.entries.length) };
  }
  return { entries: parsed.entries, goodBytes: parsed.goodBytes, ...(parsed.repaired ? { repaired: parsed.repaired } : {}) };
}

/** Replays the valid entries; an entry the engine refuses is damage at its line, and the entries before it are kept. */
function replayValid(deps: RunDeps, pack: Pack, header: RunHeader, entries: LogEntry[], damage: RunDamage | undefined): { log: LogEntry[]; state: RunState; damage?: RunDamage } {
  const replayed = deps.replay(pack, header, entries);
  if (replayed.ok) return { log: entries, state: replayed.value.state, ...(damage ? { damage } : {}) };
  const { seq, rejection, state } = replayed.error;
  const kept = entries.slice(0, seq - 1);
  const problem = `holds entry ${seq}, which the engine refuses on replay (${rejection.code}: ${rejection.message})`;
  return { log: kept, state, damage: damageAt(seq, problem, kept.length) };
}

/** The damage record of a log: what is wrong, where, and what can still be shown. */
export function damageAt(line: number, problem: string, entriesKept: number): RunDamage {
  return {
    file: LOG_FILE,
    line,
    problem,
    entriesKept,
    message:
      `${LOG_FILE} is damaged at line ${line}: that line ${problem}. ` +
      `The ${entriesKept} ${entriesKept === 1 ? 'entry' : 'entries'} before it can be viewed and exported (read-only); the run cannot be continued, and nothing in its folder is changed.`,
  };
}

async function readLogFile(path: string): Promise<{ bytes: Uint8Array; identity: Pick<FileIdentity, 'dev' | 'ino'> } | undefined> {
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) return undefined;
      return { bytes: await handle.readFile(), identity: { dev: info.dev, ino: info.ino } };
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

async function readBytes(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

const utf8 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

/**
 * Creates a run folder atomically: the files are written and fsynced in a
 * temporary folder which is then renamed into place, so a crash leaves
 * either no run or a whole one.
 */
export async function writeRunDir(runsDir: string, header: RunHeader, snapshot: PackSnapshot, logText = '', partial?: RunDamage): Promise<Pick<FileIdentity, 'dev' | 'ino'>> {
  await mkdir(runsDir, { recursive: true });
  const temp = join(runsDir, `.tmp-${randomUUID()}`);
  await mkdir(temp);
  let logIdentity: Pick<FileIdentity, 'dev' | 'ino'>;
  try {
    await writeSynced(join(temp, HEADER_FILE), JSON.stringify({ ...header, storageVersion: STORAGE_VERSION, packSnapshot: PACK_FILE, ...(partial ? { partial } : {}) }, null, 2) + '\n');
    await writeSynced(join(temp, PACK_FILE), JSON.stringify(snapshot));
    // The log keeps its inode through the rename: the writer checks the path still names this file.
    logIdentity = await writeSynced(join(temp, LOG_FILE), logText);
    await syncDirectory(temp);
    await rename(temp, join(runsDir, header.runId));
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(runsDir);
  return logIdentity;
}

/** Writes a new file and fsyncs it; returns which file it is. */
async function writeSynced(path: string, text: string): Promise<Pick<FileIdentity, 'dev' | 'ino'>> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    const { dev, ino } = await handle.stat();
    return { dev, ino };
  } finally {
    await handle.close();
  }
}

/** Parses JSON; undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
