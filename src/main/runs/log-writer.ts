/**
 * Appends to one run's log. Appends are serialised (a per-run queue); the
 * lines of one call go out in one write followed by an fdatasync before the
 * promise resolves, so an acknowledged entry is on the disk.
 *
 * A failed write (disk full, read-only, I/O error) does not lose entries:
 * they stay in a backlog and the next append first truncates the file back
 * to the last durable length (dropping any partial write) and writes the
 * backlog in order, then the new lines.
 */
import type { LogEntry } from '../../engine/types';
import type { AppendFile, AppendFs } from './append-fs';
import { encodeEntries } from './log-codec';

/** Whether an append reached the disk. */
export type AppendOutcome = { readonly saved: true } | { readonly saved: false; readonly reason: string };

/** The writer of one run's log. */
export type LogWriter = {
  readonly append: (entries: readonly LogEntry[]) => Promise<AppendOutcome>;
  /** Entries accepted but not on the disk yet. */
  readonly unsaved: () => number;
  /** Length of the log known to be on the disk. */
  readonly durableBytes: () => number;
  /** Waits for queued appends, then closes the file. */
  readonly close: () => Promise<void>;
};

/** Creates the writer; `durableBytes` is the log's length on disk (after any repair). */
export function createLogWriter(path: string, fs: AppendFs, durableBytes: number): LogWriter {
  let file: AppendFile | undefined;
  let durable = durableBytes;
  let backlog: { text: string; count: number }[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const flush = async (): Promise<AppendOutcome> => {
    // An earlier call's flush already wrote these lines (calls made together share one write).
    if (backlog.length === 0) return { saved: true };
    try {
      if (!file) {
        file = await fs.openAppend(path);
        // After a failure the file may end with a partial write: cut it back to what is known durable.
        await file.truncate(durable);
      }
      const bytes = Buffer.from(backlog.map((b) => b.text).join(''), 'utf8');
      await file.write(bytes);
      await file.sync();
      durable += bytes.length;
      backlog = [];
      return { saved: true };
    } catch (error) {
      const failed = file;
      file = undefined;
      await failed?.close().catch(() => {});
      return { saved: false, reason: describeWriteError(error) };
    }
  };

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };

  return {
    append: (entries) => {
      if (entries.length > 0) backlog.push({ text: encodeEntries(entries), count: entries.length });
      return enqueue(flush);
    },
    unsaved: () => backlog.reduce((n, b) => n + b.count, 0),
    durableBytes: () => durable,
    close: () =>
      enqueue(async () => {
        const open = file;
        file = undefined;
        await open?.close().catch(() => {});
      }),
  };
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
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  if (code && WRITE_ERRORS[code]) return `${WRITE_ERRORS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
