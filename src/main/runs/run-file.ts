/**
 * The portable run file (`.vaimrun.json`): `{ format: 'vaim-run', version: 1,
 * header, pack, log }`. Reading one checks everything before anything is
 * stored: the envelope, the header, the pack snapshot, every log entry, and
 * that the log replays (a run that does not replay is refused with the seq).
 */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { LogEntry, Pack, RunHeader, RunState } from '../../engine';
import type { PackSnapshot, RunDamage, RunError, RunFile, RunResult } from '../../shared/runs';
import { writeFileAtomic } from '../fs/atomic';
import { parseEntry } from './log-codec';
import type { RunDeps } from './run-deps';
import { checkHeader, parseJson } from './run-files';
import { damageSchema } from './run-meta';

/** Refuse files larger than this before reading them (a real run is a few hundred kB). */
export const MAX_RUN_FILE_BYTES = 256 * 1024 * 1024;

const envelopeSchema = z.object({
  format: z.literal('vaim-run', { message: 'must be "vaim-run" (this is not a V-AIM run file)' }),
  version: z.number().int(),
  header: z.unknown(),
  pack: z.unknown(),
  log: z.array(z.unknown()),
  damaged: damageSchema.optional(),
});

/** A checked run file, ready to store. */
export type CheckedRunFile = {
  readonly header: RunHeader;
  readonly pack: Pack;
  readonly snapshot: PackSnapshot;
  readonly log: readonly LogEntry[];
  readonly state: RunState;
  /** Exported from a damaged run: the log holds only the entries before the damage. */
  readonly damaged?: RunDamage;
};

/** The run file of a run; a damaged run's says so (its log holds the entries before the damage). */
export function buildRunFile(header: RunHeader, snapshot: PackSnapshot, log: readonly LogEntry[], damaged?: RunDamage): RunFile {
  return { format: 'vaim-run', version: 1, header, pack: snapshot, log, ...(damaged ? { damaged } : {}) };
}

/** Writes a run file atomically. */
export async function writeRunFile(filePath: string, file: RunFile): Promise<RunResult<void>> {
  try {
    await writeFileAtomic(filePath, JSON.stringify(file));
    return { ok: true, value: undefined };
  } catch (error) {
    return invalid('io', `Could not write ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads and checks a run file. */
export async function readRunFile(filePath: string, deps: RunDeps): Promise<RunResult<CheckedRunFile>> {
  let text: string;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return invalid('invalid-file', `${filePath} is not a file`);
    if (info.size > MAX_RUN_FILE_BYTES) return invalid('invalid-file', `${filePath} is ${info.size} bytes, larger than a run file can be (${MAX_RUN_FILE_BYTES})`);
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    return invalid('io', `Could not read ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return checkRunFile(parseJson(text), deps);
}

/** Checks the value of a run file. */
export function checkRunFile(value: unknown, deps: RunDeps): RunResult<CheckedRunFile> {
  if (value === undefined) return invalid('invalid-file', 'The file is not valid JSON');
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return invalid('invalid-file', `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'is not a run file'}`);
  }
  const file = envelope.data;
  if (file.version !== 1) return invalid('unsupported', `This run file has version ${file.version}; this app reads version 1`);
  const header = checkHeader(file.header, deps, 'header', false);
  if (!header.ok) return header.error.code === 'unsupported' ? header : invalid('invalid-file', header.error.message);
  const loaded = deps.loadSnapshot(file.pack);
  if (!loaded.ok) return invalid('invalid-file', `pack: ${loaded.error}`);
  const { pack, snapshot } = loaded.value;
  if (snapshot.hash !== header.value.packHash) return invalid('invalid-file', `pack: hash ${snapshot.hash} does not match the header's packHash ${header.value.packHash}`);
  if (pack.id !== header.value.packId) return invalid('invalid-file', `pack: id "${pack.id}" does not match the header's packId "${header.value.packId}"`);
  const log: LogEntry[] = [];
  for (const [index, raw] of file.log.entries()) {
    const entry = parseEntry(raw, index + 1);
    if (!entry.ok) return invalid('invalid-file', `log[${index}] (seq ${index + 1}): ${entry.reason}`, index + 1);
    log.push(entry.entry);
  }
  const replayed = deps.replay(pack, header.value, log);
  if (!replayed.ok) {
    return invalid('replay-failed', `The log does not replay: entry seq ${replayed.error.seq} is refused (${replayed.error.rejection.code}: ${replayed.error.rejection.message})`, replayed.error.seq);
  }
  return { ok: true, value: { header: header.value, pack, snapshot, log, state: replayed.value.state, ...(file.damaged ? { damaged: file.damaged } : {}) } };
}

function invalid(code: RunError['code'], message: string, seq?: number): { ok: false; error: RunError } {
  return { ok: false, error: seq === undefined ? { code, message } : { code, message, seq } };
}
