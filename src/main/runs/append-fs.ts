/**
 * The few file operations the log writer performs, behind a port: the real
 * one is Node's; tests substitute a fake that models the page cache (what a
 * power cut loses), slow writes and failing disks (running as root,
 * permissions cannot make writes fail).
 *
 * Writes are positional (at the length known to be durable), never "append
 * at the end": a retry after a failed or short write overwrites the partial
 * bytes instead of adding a second copy after them.
 */
import { open, stat } from 'node:fs/promises';

/** Which file a path or handle refers to, and how long it is. */
export type FileIdentity = { readonly dev: number; readonly ino: number; readonly size: number };

/** An open log file. */
export type LogFile = {
  /** fstat of the open handle. */
  readonly identity: () => Promise<FileIdentity>;
  /** Writes every byte at `position` (looping over short writes). */
  readonly writeAt: (bytes: Uint8Array, position: number) => Promise<void>;
  /** Flushes the data to the device (fdatasync). */
  readonly sync: () => Promise<void>;
  readonly truncate: (length: number) => Promise<void>;
  readonly close: () => Promise<void>;
};

/** Opening a log (never creating one: a missing log means the run folder is gone) and checking what a path names. */
export type LogFs = {
  /** Opens an existing file for reading and writing; rejects with ENOENT when it is missing. */
  readonly open: (path: string) => Promise<LogFile>;
  /** stat of a path; rejects with ENOENT when it is missing. */
  readonly identity: (path: string) => Promise<FileIdentity>;
};

const identityOf = (info: { dev: number; ino: number; size: number }): FileIdentity => ({ dev: info.dev, ino: info.ino, size: info.size });

/** The real file system. */
export const nodeLogFs: LogFs = {
  open: async (path) => {
    const handle = await open(path, 'r+');
    return {
      identity: async () => identityOf(await handle.stat()),
      writeAt: async (bytes, position) => {
        let offset = 0;
        while (offset < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, position + offset);
          offset += bytesWritten;
        }
      },
      sync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  identity: async (path) => identityOf(await stat(path)),
};
