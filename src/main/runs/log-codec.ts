/**
 * The run log on disk: JSON Lines, one accepted `LogEntry` per line, seq 1..n.
 * Parsing repairs a torn last line (a write cut short by a crash: it was never
 * acknowledged) and refuses anything else that is wrong, naming the line, so
 * no data is ever dropped silently.
 */
import { z } from 'zod';
import { actorSchema, commandSchema } from '../../engine/command-schema';
import type { LogEntry } from '../../engine/types';
import type { LogRepair } from '../../shared/runs';

const entrySchema = z.strictObject({
  seq: z.number().int().positive(),
  by: actorSchema,
  command: commandSchema,
  wall: z.string().max(64).optional(),
});

/** The parsed log, or the first line that is wrong. */
export type ParsedLog =
  | {
      readonly ok: true;
      readonly entries: LogEntry[];
      /** Bytes of the file that hold complete, valid lines (the length to truncate to when repaired). */
      readonly goodBytes: number;
      readonly repaired?: LogRepair;
    }
  | { readonly ok: false; readonly line: number; readonly reason: string };

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

/** Parses a whole log file. */
export function parseLog(bytes: Uint8Array): ParsedLog {
  const entries: LogEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    line += 1;
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    const text = decoder.decode(bytes.subarray(start, end));
    const isLast = newline === -1 || newline === bytes.length - 1;
    let value: unknown;
    let json = true;
    try {
      value = JSON.parse(text);
    } catch {
      json = false;
    }
    if (isLast && (newline === -1 || !json)) {
      // A torn write: the tail of the last batch never reached the disk whole, so it was never acknowledged.
      const droppedBytes = bytes.length - start;
      return {
        ok: true,
        entries,
        goodBytes: start,
        repaired: {
          droppedBytes,
          message: `The last line of the run log (line ${line}, ${droppedBytes} bytes) was incomplete, probably cut short by a crash or power cut, and was dropped. Every acknowledged move is kept.`,
        },
      };
    }
    if (!json) return { ok: false, line, reason: `line ${line} is not valid JSON` };
    const checked = parseEntry(value, entries.length + 1);
    if (!checked.ok) return { ok: false, line, reason: `line ${line}: ${checked.reason}` };
    entries.push(checked.entry);
    start = end + 1;
  }
  return { ok: true, entries, goodBytes: bytes.length };
}
