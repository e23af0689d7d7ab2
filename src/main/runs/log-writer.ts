/**
 * Appends to one run's log, acknowledging an entry only once the write that
 * holds it has been synced to the device, whatever else arrives meanwhile.
 *
 * - Appends queue up; one write is in flight at a time. Everything appended
 *   while a write is in flight goes out together in the next write (group
 *   commit), and each write removes from the queue only the batches it
 *   carried, so nothing appended meanwhile is dropped.
 * - A write goes to the durable length (positional) and is followed by
 *   fdatasync; only then are the callers whose entries it carried answered
 *   `ok` (the shared `Result`).
 * - A failed write or sync (disk full, I/O error) keeps the entries queued
 *   and answers an error with the reason. The next attempt reopens the
 *   file, cuts it back to the durable length and writes the whole queue
 *   again — a failed fsync may have dropped the dirty pages (Linux marks them
 *   clean), so nothing written before a failure is trusted until rewritten
 *   and synced.
 * - Before every write it checks that the path still names the file it
 *   opened (dev/ino) with the length it expects. A folder that disappeared,
 *   a log replaced or changed by something else means the log on disk is no
 *   longer this run's: the writer stops writing there for good and every
 *   later append answers an error with `retrying: false` (the session shows the not-saved
 *   banner and offers an export).
 */
import { err, ok, type LogEntry, type Result } from '../../engine';
import type { FileIdentity, LogFile, LogFs } from './append-fs';
import { encodeEntries } from './log-codec';

/** Why entries are not on disk (yet). `retrying: false`: the log on disk is no longer usable (see above). */
export type NotSaved = { readonly reason: string; readonly retrying: boolean };

/** Whether an append reached the disk. */
export type AppendOutcome = Result<undefined, NotSaved>;

/** The answer to an append whose entries are durable. */
export const SAVED: AppendOutcome = ok(undefined);

/** The writer of one run's log. */
export type LogWriter = {
  /** Queues entries and resolves once they are durable (or the attempt failed). `[]` retries what is unsaved. */
  readonly append: (entries: readonly LogEntry[]) => Promise<AppendOutcome>;
  /** Entries accepted but not known to be on the disk. */
  readonly unsaved: () => number;
  /** Length of the log known to be on the disk. */
  readonly durableBytes: () => number;
  /** Waits for the write in flight, then closes the file. */
  readonly close: () => Promise<void>;
};

/** What the writer expects to find: the log's length (after any repair) and, when known, which file it is. */
export type WriterStart = { readonly durableBytes: number; readonly identity?: Pick<FileIdentity, 'dev' | 'ino'> };

type Batch = { readonly bytes: Uint8Array; readonly count: number };
type Waiter = { readonly upTo: number; readonly resolve: (outcome: AppendOutcome) => void };

/** A problem that retrying cannot fix: the log on disk is not this run's any more. */
class LogLost extends Error {}

/** Creates the writer of the log at `path`. */
export function createLogWriter(path: string, fs: LogFs, start: WriterStart): LogWriter {
  let durable = start.durableBytes;
  let known = start.identity;
  let file: LogFile | undefined;
  /** A write or sync failed since the file was last synced: the file may hold bytes past `durable`. */
  let dirtyTail = false;
  let lost: string | undefined;
  const queue: Batch[] = [];
  let appended = 0;
  let settled = 0;
  const waiters: Waiter[] = [];
  let pumping: Promise<void> | undefined;

  /** Opens the log (first use, or after a failure) and checks it is the file, and the length, this run wrote. */
  const openChecked = async (): Promise<LogFile> => {
    let opened: LogFile;
    try {
      opened = await fs.open(path);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') throw new LogLost('The run folder or its log has disappeared (ENOENT)');
      if (codeOf(error) === 'EISDIR') throw new LogLost('The run log has been replaced by a folder (EISDIR)');
      throw error;
    }
    try {
      const id = await opened.identity();
      if (known && (id.dev !== known.dev || id.ino !== known.ino)) throw new LogLost('The run log has been replaced: another file or folder now has its name');
      known = { dev: id.dev, ino: id.ino };
      if (id.size < durable) throw new LogLost(`The run log is shorter than what was saved (${id.size} bytes, ${durable} saved): something else changed it`);
      if (id.size > durable) {
        if (!dirtyTail) throw new LogLost(`The run log is longer than what this app wrote (${id.size} bytes, ${durable} written): something else changed it`);
        // A failed write of ours may have left a partial tail: cut it back to what is known durable.
        await opened.truncate(durable);
      }
      return opened;
    } catch (error) {
      await opened.close().catch(() => {});
      throw error;
    }
  };

  /** The path must still name the open file, with the length this writer left it at. */
  const checkStillOurs = async (): Promise<void> => {
    let id: FileIdentity;
    try {
      id = await fs.identity(path);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') throw new LogLost('The run folder or its log has disappeared (ENOENT)');
      throw error;
    }
    if (!known || id.dev !== known.dev || id.ino !== known.ino) throw new LogLost('The run log has been replaced: another file or folder now has its name');
    if (id.size !== durable) throw new LogLost(`The run log changed length outside the app (${id.size} bytes, ${durable} expected)`);
  };

  const writeOut = async (batches: readonly Batch[]): Promise<number> => {
    if (file) await checkStillOurs();
    else file = await openChecked();
    const bytes = concat(batches);
    dirtyTail = true;
    await file.writeAt(bytes, durable);
    await file.sync();
    dirtyTail = false;
    return bytes.length;
  };

  const answer = (upTo: number, outcome: AppendOutcome) => {
    for (let i = 0; i < waiters.length; ) {
      const waiter = waiters[i] as Waiter;
      if (waiter.upTo <= upTo) {
        waiters.splice(i, 1);
        waiter.resolve(outcome);
      } else i += 1;
    }
  };

  const failure = (): AppendOutcome => err({ reason: lost ?? 'not saved', retrying: false });

  const pump = async () => {
    while (waiters.length > 0) {
      if (lost) {
        answer(Infinity, failure());
        return;
      }
      // Everything queued so far goes out in this write; what arrives meanwhile waits for the next one.
      const carried = queue.length;
      const upTo = appended;
      try {
        const written = await writeOut(queue.slice(0, carried));
        durable += written;
        queue.splice(0, carried);
        settled = upTo;
        answer(upTo, SAVED);
      } catch (error) {
        const failed = file;
        file = undefined;
        await failed?.close().catch(() => {});
        if (error instanceof LogLost) {
          lost = error.message;
          answer(Infinity, failure());
          return;
        }
        answer(upTo, err({ reason: describeWriteError(error), retrying: true }));
      }
    }
  };

  const kick = () => {
    pumping ??= pump().finally(() => {
      pumping = undefined;
      // An append that arrived as the pump finished must not wait for the next one.
      if (waiters.length > 0) kick();
    });
  };

  return {
    append: (entries) => {
      if (entries.length > 0) {
        queue.push({ bytes: Buffer.from(encodeEntries(entries), 'utf8'), count: entries.length });
        appended += entries.length;
      }
      if (lost) return Promise.resolve(failure());
      if (settled === appended) return Promise.resolve(SAVED);
      return new Promise<AppendOutcome>((resolve) => {
        waiters.push({ upTo: appended, resolve });
        kick();
      });
    },
    unsaved: () => appended - settled,
    durableBytes: () => durable,
    close: async () => {
      while (pumping) await pumping;
      const open = file;
      file = undefined;
      await open?.close().catch(() => {});
    },
  };
}

function concat(batches: readonly Batch[]): Uint8Array {
  if (batches.length === 1) return (batches[0] as Batch).bytes;
  return Buffer.concat(batches.map((b) => b.bytes));
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

const WRITE_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'The disk is full',
  EDQUOT: 'The disk quota is exhausted',
  EROFS: 'The disk is read-only',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EIO: 'The disk reported an input/output error',
  EISDIR: 'The log path is a directory',
  ENOENT: 'The run folder has disappeared',
  EMFILE: 'Too many open files',
};

/** A message for people, e.g. "The disk is full (ENOSPC)". */
export function describeWriteError(error: unknown): string {
  const code = codeOf(error);
  if (code && WRITE_ERRORS[code]) return `${WRITE_ERRORS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
