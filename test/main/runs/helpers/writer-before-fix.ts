/**
 * The log writer as it was before the fix of issue 10 (commit aa34a51),
 * kept verbatim (only renamed and typed against the old append-mode port)
 * so the suite proves its model-based test catches the bug: `flush` builds
 * its bytes from the backlog, awaits the write, then clears the whole
 * backlog, dropping entries appended meanwhile yet reporting them saved.
 * Not used by the app.
 */
import type { LogEntry } from '../../../../src/engine/types';
import { encodeEntries } from '../../../../src/main/runs/log-codec';
import { describeWriteError, SAVED, type AppendOutcome } from '../../../../src/main/runs/log-writer';

type LegacyAppendFile = {
  readonly write: (bytes: Uint8Array) => Promise<void>;
  readonly sync: () => Promise<void>;
  readonly truncate: (length: number) => Promise<void>;
  readonly close: () => Promise<void>;
};
type LegacyAppendFs = { readonly openAppend: (path: string) => Promise<LegacyAppendFile> };
type LegacyLogWriter = {
  readonly append: (entries: readonly LogEntry[]) => Promise<AppendOutcome>;
  readonly unsaved: () => number;
  readonly durableBytes: () => number;
  readonly close: () => Promise<void>;
};

/** The writer before the fix. */
export function createLogWriterBeforeFix(path: string, fs: LegacyAppendFs, durableBytes: number): LegacyLogWriter {
  let file: LegacyAppendFile | undefined;
  let durable = durableBytes;
  let backlog: { text: string; count: number }[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const flush = async (): Promise<AppendOutcome> => {
    // An earlier call's flush already wrote these lines (calls made together share one write).
    if (backlog.length === 0) return SAVED;
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
      return SAVED;
    } catch (error) {
      const failed = file;
      file = undefined;
      await failed?.close().catch(() => {});
      return { ok: false, error: { reason: describeWriteError(error), retrying: true } };
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
