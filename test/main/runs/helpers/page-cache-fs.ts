/**
 * A fake file system for the log writer that models what a power cut loses.
 *
 * Each file has two images: the page cache (what reads see; writes land
 * here) and the device (what survives a power cut). `sync` copies the dirty
 * range of the cache to the device. A power cut keeps the device image plus,
 * possibly, a prefix of the unsynced range (a torn write), possibly ending in
 * zero bytes (the size reached the disk, the data did not) — the outcomes an
 * append-only file sees on ext4/XFS after a crash.
 *
 * Faults: a write can fail after writing part of its bytes (ENOSPC, EIO); a
 * sync can fail and keep its dirty pages, or fail "lossy" — the kernel marks
 * the pages clean although they never reached the device, so a later sync
 * succeeds without writing them (Linux's fsync-after-EIO behaviour); opening
 * can fail. Every operation first awaits `delay`, so a test (or fast-check's
 * scheduler) decides when it completes and what runs in between.
 *
 * With `backing: 'real'` the cache is mirrored into the real file at the same
 * path (no fsync), so the real run store reads what a live process would see;
 * a power cut then writes the surviving image into the real file.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import type { FileIdentity, LogFile, LogFs } from '../../../../src/main/runs/append-fs';

/** An operation a fault can hit. */
export type FsOp = 'open' | 'write' | 'sync' | 'truncate' | 'stat';

/** A planned failure of the next operation of its kind. */
export type Fault = {
  readonly op: FsOp;
  readonly code: 'ENOSPC' | 'EIO' | 'EROFS' | 'EACCES';
  /** For writes: the fraction of the bytes written before failing. */
  readonly partial?: number;
  /** For syncs: the dirty pages are dropped (marked clean without reaching the device). */
  readonly lossy?: boolean;
};

/** How much of the unsynced range survives a power cut: fractions in [0, 1]. */
export type CutChoice = { readonly keep: number; readonly zeros: number };

type Inode = {
  /** The real file's, when backed by one (the run store records them), else made up. */
  readonly dev: number;
  readonly ino: number;
  cache: Uint8Array;
  device: Uint8Array;
  /** Lowest position changed in the cache since the last sync; undefined when clean. */
  dirtyFrom: number | undefined;
  /** The mirrored real file, when backed by one. */
  fd?: number;
};

export type PageCacheFsOptions = {
  /** Awaited at the start of every operation (tests use it to interleave). */
  readonly delay?: () => Promise<unknown>;
  readonly backing?: 'memory' | 'real';
  /** A writer that skips fdatasync (the mutation the power-cut tests must catch). */
  readonly skipSync?: boolean;
};

/** The fake file system and its controls. */
export type PageCacheFs = LogFs & {
  /** Plans the failure of the next operation of a kind. */
  readonly fail: (fault: Fault) => void;
  /** Cancels every planned failure (the disk works again). */
  readonly clearFaults: () => void;
  /** Creates (or replaces with a new inode) a file whose content is already on the device. */
  readonly put: (path: string, bytes?: Uint8Array) => void;
  readonly remove: (path: string) => void;
  /** What reads see now. */
  readonly cached: (path: string) => Uint8Array | undefined;
  /** What the device holds now. */
  readonly device: (path: string) => Uint8Array | undefined;
  /** Cuts the power: returns every file's surviving image; the fs never completes another operation. */
  readonly powerCut: (choice: CutChoice) => Map<string, Uint8Array>;
  readonly stats: { opens: number; writes: number; syncs: number };
  /** Operations started and not completed yet (a write or sync in flight). */
  readonly inFlight: () => number;
  /** The old port (`openAppend`, writes at the end of the file), for the writer before the fix. */
  readonly legacy: {
    readonly openAppend: (path: string) => Promise<{
      write: (bytes: Uint8Array) => Promise<void>;
      sync: () => Promise<void>;
      truncate: (length: number) => Promise<void>;
      close: () => Promise<void>;
    }>;
  };
};

const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** Creates the fake. */
export function pageCacheFs(options: PageCacheFsOptions = {}): PageCacheFs {
  const files = new Map<string, Inode>();
  const faults: Fault[] = [];
  const stats = { opens: 0, writes: 0, syncs: 0 };
  let nextIno = 100;
  let dead = false;

  let inFlight = 0;
  const step = async () => {
    inFlight += 1;
    try {
      if (options.delay) await options.delay();
    } finally {
      inFlight -= 1;
    }
    // After a power cut the process is gone: nothing it started ever completes.
    if (dead) await new Promise<never>(() => {});
  };

  const takeFault = (op: FsOp): Fault | undefined => {
    const index = faults.findIndex((f) => f.op === op);
    return index === -1 ? undefined : faults.splice(index, 1)[0];
  };

  const mirror = (inode: Inode) => {
    if (inode.fd === undefined) return;
    ftruncateSync(inode.fd, inode.cache.length);
    if (inode.cache.length > 0) writeSync(inode.fd, inode.cache, 0, inode.cache.length, 0);
  };

  const adopt = (path: string): Inode | undefined => {
    if (options.backing !== 'real') return undefined;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch {
      return undefined;
    }
    // A file found on disk at start-up is on the device (the run store fsyncs what it creates).
    const fd = openSync(path, 'r+');
    const { dev, ino } = fstatSync(fd);
    const inode: Inode = { dev, ino, cache: bytes, device: bytes.slice(), dirtyFrom: undefined, fd };
    files.set(path, inode);
    return inode;
  };

  const lookup = (path: string): Inode => {
    const inode = files.get(path) ?? adopt(path);
    if (!inode) throw errno('ENOENT', `no such file ${path}`);
    return inode;
  };

  const identityOf = (inode: Inode): FileIdentity => ({ dev: inode.dev, ino: inode.ino, size: inode.cache.length });

  const markDirty = (inode: Inode, from: number) => {
    inode.dirtyFrom = inode.dirtyFrom === undefined ? from : Math.min(inode.dirtyFrom, from);
  };

  const writeAt = (inode: Inode, bytes: Uint8Array, position: number) => {
    const end = position + bytes.length;
    const next = new Uint8Array(Math.max(inode.cache.length, end));
    next.set(inode.cache);
    next.set(bytes, position);
    inode.cache = next;
    markDirty(inode, position);
    mirror(inode);
  };

  const truncate = (inode: Inode, length: number) => {
    const next = new Uint8Array(length);
    next.set(inode.cache.subarray(0, Math.min(length, inode.cache.length)));
    inode.cache = next;
    markDirty(inode, length);
    mirror(inode);
  };

  const sync = (inode: Inode, lossy: boolean) => {
    if (inode.dirtyFrom === undefined && inode.device.length === inode.cache.length) return;
    const from = inode.dirtyFrom ?? inode.cache.length;
    const next = new Uint8Array(inode.cache.length);
    next.set(inode.device.subarray(0, Math.min(from, inode.device.length, next.length)));
    // Lossy: the size reached the device but the dirty data did not (it reads back as zeros after a cut).
    if (!lossy) next.set(inode.cache.subarray(from), from);
    inode.device = next;
    inode.dirtyFrom = undefined;
  };

  const writeWithFaults = (inode: Inode, bytes: Uint8Array, position: number) => {
    stats.writes += 1;
    const fault = takeFault('write');
    if (!fault) return writeAt(inode, bytes, position);
    const written = Math.floor((fault.partial ?? 0) * bytes.length);
    if (written > 0) writeAt(inode, bytes.subarray(0, written), position);
    throw errno(fault.code, 'simulated write failure');
  };

  const syncWithFaults = (inode: Inode) => {
    stats.syncs += 1;
    if (options.skipSync) return;
    const fault = takeFault('sync');
    if (!fault) return sync(inode, false);
    if (fault.lossy) sync(inode, true);
    throw errno(fault.code, 'simulated fsync failure');
  };

  const handle = (inode: Inode): LogFile => {
    let closed = false;
    const live = () => {
      if (closed) throw errno('EBADF', 'file closed');
    };
    return {
      identity: async () => {
        await step();
        live();
        return identityOf(inode);
      },
      writeAt: async (bytes, position) => {
        await step();
        live();
        writeWithFaults(inode, bytes, position);
      },
      sync: async () => {
        await step();
        live();
        syncWithFaults(inode);
      },
      truncate: async (length) => {
        await step();
        live();
        const fault = takeFault('truncate');
        if (fault) throw errno(fault.code, 'simulated truncate failure');
        truncate(inode, length);
      },
      close: async () => {
        closed = true;
      },
    };
  };

  const fs: PageCacheFs = {
    open: async (path) => {
      await step();
      stats.opens += 1;
      const fault = takeFault('open');
      if (fault) throw errno(fault.code, 'simulated open failure');
      return handle(lookup(path));
    },
    identity: async (path) => {
      await step();
      const fault = takeFault('stat');
      if (fault) throw errno(fault.code, 'simulated stat failure');
      return identityOf(lookup(path));
    },
    fail: (fault) => void faults.push(fault),
    clearFaults: () => void faults.splice(0),
    put: (path, bytes = new Uint8Array(0)) => {
      const old = files.get(path);
      if (old?.fd !== undefined) closeSync(old.fd);
      const fd = options.backing === 'real' ? (writeFileSync(path, bytes), openSync(path, 'r+')) : undefined;
      const { dev, ino } = fd === undefined ? { dev: 1, ino: nextIno++ } : fstatSync(fd);
      files.set(path, { dev, ino, cache: bytes.slice(), device: bytes.slice(), dirtyFrom: undefined, ...(fd === undefined ? {} : { fd }) });
    },
    remove: (path) => void files.delete(path),
    cached: (path) => files.get(path)?.cache,
    device: (path) => files.get(path)?.device,
    powerCut: (choice) => {
      dead = true;
      const images = new Map<string, Uint8Array>();
      for (const [path, inode] of files) {
        const image = survivingImage(inode, choice);
        images.set(path, image);
        if (inode.fd !== undefined) {
          ftruncateSync(inode.fd, image.length);
          if (image.length > 0) writeSync(inode.fd, image, 0, image.length, 0);
          closeSync(inode.fd);
        }
      }
      return images;
    },
    stats,
    inFlight: () => inFlight,
    legacy: {
      openAppend: async (path) => {
        await step();
        stats.opens += 1;
        const inode = files.get(path) ?? (fs.put(path), files.get(path) as Inode);
        return {
          write: async (bytes) => {
            await step();
            writeWithFaults(inode, bytes, inode.cache.length);
          },
          sync: async () => {
            await step();
            syncWithFaults(inode);
          },
          truncate: async (length) => {
            await step();
            truncate(inode, length);
          },
          close: async () => {},
        };
      },
    },
  };
  return fs;
}

/** The device image plus a prefix of the unsynced range, possibly ending in zeros. */
function survivingImage(inode: Inode, choice: CutChoice): Uint8Array {
  if (inode.dirtyFrom === undefined || (choice.keep === 0 && choice.zeros === 0)) return inode.device.slice();
  // Writes land at or before the device's length (sync makes both images equally long), so `from` is within it.
  const from = Math.min(inode.dirtyFrom, inode.device.length);
  const tail = Math.max(0, inode.cache.length - from);
  const kept = Math.min(tail, Math.floor(choice.keep * (tail + 1)));
  const zeros = Math.min(tail - kept, Math.floor(choice.zeros * (tail - kept + 1)));
  const image = new Uint8Array(from + kept + zeros);
  image.set(inode.device.subarray(0, from));
  image.set(inode.cache.subarray(from, from + kept), from);
  return image;
}
