/**
 * The files of one stored run: `header.json`, `pack.json`, `log.jsonl`
 * (see README.md). Reading never throws: every problem becomes a RunError
 * naming the file (and line) at fault.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Pack } from '../../engine/pack/schema';
import type { LogEntry, RunHeader } from '../../engine/types';
import type { LogRepair, PackSnapshot, RunError, RunResult } from '../../shared/runs';
import { syncDirectory } from '../fs/atomic';
import { parseLog } from './log-codec';
import type { RunDeps } from './run-deps';
import { isRunId } from './run-id';

/** The layout version of a run folder. */
export const STORAGE_VERSION = 1;
export const HEADER_FILE = 'header.json';
export const PACK_FILE = 'pack.json';
export const LOG_FILE = 'log.jsonl';
export const META_FILE = 'meta.json';

/** Zod schema of a RunHeader (runtime check of stored and imported headers). */
export const runHeaderSchema = z.strictObject({
  runId: z.string().refine(isRunId, 'must be a run id (letters, digits, "-" or "_", at most 64)'),
  engineVersion: z.number().int().positive(),
  packId: z.string().min(1).max(64),
  packVersion: z.string().min(1).max(100),
  packHash: z.string().min(1).max(200),
  seed: z.number().int().min(0).max(0xffffffff),
  mode: z.enum(['solo', 'facilitated']),
  createdAt: z.string().max(64),
  title: z.string().max(200).optional(),
  participants: z.array(z.string().max(200)).max(100),
  coached: z.boolean().optional(),
  skipQuietPeriods: z.boolean().optional(),
});

const storedHeaderSchema = runHeaderSchema.extend({
  storageVersion: z.literal(STORAGE_VERSION),
  packSnapshot: z.literal(PACK_FILE),
});

/** A run read from its folder (not replayed yet). */
export type StoredRun = {
  readonly header: RunHeader;
  readonly pack: Pack;
  readonly snapshot: PackSnapshot;
  readonly log: LogEntry[];
  /** Durable length of log.jsonl (after dropping a torn last line). */
  readonly logBytes: number;
  readonly repaired?: LogRepair;
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
  if (typeof record.engineVersion === 'number' && record.engineVersion !== deps.engineVersion) {
    return fail('unsupported', `${where}: this run was recorded with engine version ${record.engineVersion}; this app runs engine version ${deps.engineVersion} and cannot replay it.`);
  }
  const parsed = (stored ? storedHeaderSchema : runHeaderSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('corrupt', `${where}: ${issue?.path.join('.') || 'header'} ${issue?.message ?? 'is invalid'}`);
  }
  const { storageVersion: _s, packSnapshot: _p, ...header } = parsed.data as z.output<typeof storedHeaderSchema>;
  return { ok: true, value: header };
}

/** Reads and checks `header.json` of a run folder. */
export async function readHeader(dir: string, runId: string, deps: Pick<RunDeps, 'engineVersion'>): Promise<RunResult<RunHeader>> {
  return checkHeaderText(await readText(join(dir, HEADER_FILE)), runId, deps);
}

/** `readHeader`, synchronously (the history listing reads thousands of small files; see run-history.ts). */
export function readHeaderSync(dir: string, runId: string, deps: Pick<RunDeps, 'engineVersion'>): RunResult<RunHeader> {
  let text: string | undefined;
  try {
    text = readFileSync(join(dir, HEADER_FILE), 'utf8');
  } catch {
    text = undefined;
  }
  return checkHeaderText(text, runId, deps);
}

function checkHeaderText(text: string | undefined, runId: string, deps: Pick<RunDeps, 'engineVersion'>): RunResult<RunHeader> {
  if (text === undefined) return fail('corrupt', `${HEADER_FILE} is missing or unreadable`);
  const raw = parseJson(text);
  if (raw === undefined) return fail('corrupt', `${HEADER_FILE} is not valid JSON`);
  const header = checkHeader(raw, deps, HEADER_FILE, true);
  if (header.ok && header.value.runId !== runId) return fail('corrupt', `${HEADER_FILE}: runId "${header.value.runId}" does not match the folder name "${runId}"`);
  return header;
}

/** Reads a run folder: header, pack snapshot and log. `repair` truncates a torn last line on disk. */
export async function readRun(dir: string, runId: string, deps: RunDeps, repair: boolean): Promise<RunResult<StoredRun>> {
  const header = await readHeader(dir, runId, deps);
  if (!header.ok) return header;
  const snapshotText = await readText(join(dir, PACK_FILE));
  if (snapshotText === undefined) return fail('corrupt', `${PACK_FILE} (the pack snapshot) is missing or unreadable`);
  const snapshotJson = parseJson(snapshotText);
  if (snapshotJson === undefined) return fail('corrupt', `${PACK_FILE} is not valid JSON`);
  const loaded = deps.loadSnapshot(snapshotJson);
  if (!loaded.ok) return fail('corrupt', `${PACK_FILE}: ${loaded.error}`);
  if (loaded.value.snapshot.hash !== header.value.packHash) {
    return fail('corrupt', `${PACK_FILE}: pack hash ${loaded.value.snapshot.hash} does not match the header's ${header.value.packHash}`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, LOG_FILE));
  } catch {
    return fail('corrupt', `${LOG_FILE} is missing or unreadable`);
  }
  const log = parseLog(bytes);
  if (!log.ok) return fail('corrupt', `${LOG_FILE} ${log.reason}. The log was left untouched.`);
  if (log.repaired && repair) {
    const handle = await open(join(dir, LOG_FILE), 'r+');
    try {
      await handle.truncate(log.goodBytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  return {
    ok: true,
    value: { header: header.value, pack: loaded.value.pack, snapshot: loaded.value.snapshot, log: log.entries, logBytes: log.goodBytes, ...(log.repaired ? { repaired: log.repaired } : {}) },
  };
}

/**
 * Creates a run folder atomically: the files are written and fsynced in a
 * temporary folder which is then renamed into place, so a crash leaves
 * either no run or a whole one.
 */
export async function writeRunDir(runsDir: string, header: RunHeader, snapshot: PackSnapshot, logText = ''): Promise<void> {
  await mkdir(runsDir, { recursive: true });
  const temp = join(runsDir, `.tmp-${randomUUID()}`);
  await mkdir(temp);
  try {
    await writeSynced(join(temp, HEADER_FILE), JSON.stringify({ ...header, storageVersion: STORAGE_VERSION, packSnapshot: PACK_FILE }, null, 2) + '\n');
    await writeSynced(join(temp, PACK_FILE), JSON.stringify(snapshot));
    await writeSynced(join(temp, LOG_FILE), logText);
    await syncDirectory(temp);
    await rename(temp, join(runsDir, header.runId));
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(runsDir);
}

async function writeSynced(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads a UTF-8 file; undefined when it cannot be read. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
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
