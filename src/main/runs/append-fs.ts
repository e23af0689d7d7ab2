/**
 * The few file operations the log writer performs, behind a port: the real
 * one is Node's; a test substitutes a failing one to rehearse a disk that
 * fills up mid-run (running as root, permissions cannot make writes fail).
 */
import { open } from 'node:fs/promises';

/** An open log file, appended to. */
export type AppendFile = {
  /** Writes every byte (looping over short writes). */
  readonly write: (bytes: Uint8Array) => Promise<void>;
  /** Flushes the data to the device (fdatasync). */
  readonly sync: () => Promise<void>;
  readonly truncate: (length: number) => Promise<void>;
  readonly close: () => Promise<void>;
};

/** Opens a file for appending (created when missing). */
export type AppendFs = { readonly openAppend: (path: string) => Promise<AppendFile> };

/** The real file system. */
export const nodeAppendFs: AppendFs = {
  openAppend: async (path) => {
    const handle = await open(path, 'a', 0o644);
    return {
      write: async (bytes) => {
        let offset = 0;
        while (offset < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
          offset += bytesWritten;
        }
      },
      sync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
};
