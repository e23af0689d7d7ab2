/**
 * The run log on disk: JSON Lines, one accepted `LogEntry` per line, seq 1..n.
 * Parsing repairs a torn last line (a write cut short by a crash: it was never
 * acknowledged) and refuses anything else that is wrong, naming the line, so
 * no data is ever dropped silently.
 */
import { z } from 'zod';
import { actorSchema, commandSchema, type LogEntry } from '../../engine';
import type { LogRepair } from '../../shared/runs';

const entrySchema = z.strictObject({
  seq: z.number().int().positive(),
  by: actorSchema,
  command: commandSchema,
  wall: z.string().max(64).optional(),
});

/**
 * The parsed log. A failure still carries the valid entries before the bad
 * line (`entries`, `goodBytes`), so a damaged run stays viewable up to there.
 */
export type ParsedLog =
  | {
      readonly ok: true;
      readonly entries: LogEntry[];
      /** Bytes of the file that hold complete, valid lines (the length to truncate to when repaired). */
      readonly goodBytes: number;
      readonly repaired?: LogRepair;
    }
  | {
      readonly ok: false;
      readonly line: number;
      /** What is wrong with the line, e.g. "is not valid JSON (…)". */
      readonly problem: string;
      /** The same, starting "line N …". */
      readonly reason: string;
      readonly entries: LogEntry[];
      readonly goodBytes: number;
    };

/** Encodes entries as JSON Lines (each line ends with a newline). */
export function encodeEntries(entries: readonly LogEntry[]): string {
  let text = '';
  for (const e of entries) {
    const line = e.wall === undefined ? { seq: e.seq, by: e.by, command: e.command } : { seq: e.seq, by: e.by, command: e.command, wall: e.wall };
    text += JSON.stringify(line) + '\n';
  }
  return text;
}

/** Checks one decoded log value; the error says which field is wrong. */
export function parseEntry(value: unknown, expectedSeq: number): { ok: true; entry: LogEntry } | { ok: false; reason: string } {
  const parsed = entrySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'entry';
    return { ok: false, reason: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  if (parsed.data.seq !== expectedSeq) return { ok: false, reason: `seq is ${parsed.data.seq}, expected ${expectedSeq}` };
  return { ok: true, entry: parsed.data };
}

/**
 * Parses a whole log file. Only an unterminated last line that looks like
 * the beginning of the next entry (a write cut short: the writer writes
 * whole lines and acknowledges them only once synced, so such a line was
 * never acknowledged) is dropped as torn. Anything else — a bad line
 * anywhere, including a complete last line, a gap in the seq numbers, an
 * unterminated line that is not the start of the next entry — is damage,
 * reported with its line; nothing is dropped.
 */
export function parseLog(bytes: Uint8Array): ParsedLog {
  const entries: LogEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 0;
  const damaged = (problem: string): ParsedLog => ({ ok: false, line, problem, reason: `line ${line} ${problem}`, entries, goodBytes: start });
  while (start < bytes.length) {
    line += 1;
    const newline = bytes.indexOf(0x0a, start);
    if (newline === -1) {
      const tail = bytes.subarray(start);
      if (!looksTorn(tail, entries.length + 1)) {
        return damaged(`has no line end and is not the beginning of entry ${entries.length + 1}, so it is not a write cut short by a crash (${describeBytes(tail)})`);
      }
      return { ok: true, entries, goodBytes: start, repaired: tornRepair(line, tail.length) };
    }
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(bytes.subarray(start, newline)));
    } catch {
      return damaged(`is not valid JSON (${describeBytes(bytes.subarray(start, newline))})`);
    }
    const checked = parseEntry(value, entries.length + 1);
    if (!checked.ok) return damaged(`is not a valid log entry: ${checked.reason}`);
    entries.push(checked.entry);
    start = newline + 1;
  }
  return { ok: true, entries, goodBytes: bytes.length };
}

/** The warning about a dropped torn line: it says only what is known. */
function tornRepair(line: number, droppedBytes: number): LogRepair {
  return {
    droppedBytes,
    message:
      `The last line of the run log (line ${line}, ${droppedBytes} bytes) had no line end: it was being written when the app or the computer stopped. ` +
      'A line is acknowledged only once it is complete and on the disk, so this one never was; it was dropped.',
  };
}

/**
 * True when an unterminated last line can be the start of entry `seq` as the
 * writer writes it (`{"seq":N,"by":"…`), cut short, possibly followed by
 * zero bytes (a file whose new length reached the disk before its data).
 */
function looksTorn(tail: Uint8Array, seq: number): boolean {
  let end = tail.length;
  while (end > 0 && tail[end - 1] === 0) end -= 1;
  const text = Buffer.from(tail.subarray(0, end)).toString('latin1');
  const opening = `{"seq":${seq},"by":"`;
  return text.length <= opening.length ? opening.startsWith(text) : text.startsWith(opening);
}

/** A short, printable description of bad bytes for the damage message. */
function describeBytes(bytes: Uint8Array): string {
  // JSON.stringify shows control characters as escapes, so the message stays one readable line.
  const sample = Buffer.from(bytes.subarray(0, 40)).toString('utf8');
  return `${bytes.length} bytes, starting ${JSON.stringify(sample)}${bytes.length > 40 ? '…' : ''}`;
}
