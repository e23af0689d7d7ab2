import { appendFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/engine/index';
import { nodeLogFs, type LogFs } from '../../../src/main/runs/append-fs';
import { encodeEntries, parseLog } from '../../../src/main/runs/log-codec';
import { createLogWriter, SAVED } from '../../../src/main/runs/log-writer';
import { pageCacheFs } from './helpers/page-cache-fs';
import { tempDir } from './helpers/run-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let path: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('writer'));
  path = join(dir, 'log.jsonl');
  await writeFile(path, '');
});
afterEach(() => cleanup());

const note = (seq: number): LogEntry => ({ seq, by: 'facilitator', command: { type: 'note.add', text: `note ${seq}` } });
const FULL = { ok: false, error: { reason: 'The disk is full (ENOSPC)', retrying: true } } as const;

/** The real file system, counting writes and syncs. */
function countingFs() {
  const calls = { writes: 0, syncs: 0 };
  const fs: LogFs = {
    ...nodeLogFs,
    open: async (p) => {
      const file = await nodeLogFs.open(p);
      return {
        ...file,
        writeAt: async (bytes, position) => {
          calls.writes += 1;
          await file.writeAt(bytes, position);
        },
        sync: async () => {
          calls.syncs += 1;
          await file.sync();
        },
      };
    },
  };
  return { fs, calls };
}

async function storedEntries(file: string): Promise<LogEntry[]> {
  const parsed = parseLog(await readFile(file));
  if (!parsed.ok) throw new Error(parsed.reason);
  expect(parsed.repaired).toBeUndefined();
  return parsed.entries;
}

describe('log writer on the real file system', () => {
  it('writes each call durably before resolving, one write and one sync per batch', async () => {
    const counting = countingFs();
    const writer = createLogWriter(path, counting.fs, { durableBytes: 0 });
    expect(await writer.append([note(1), note(2)])).toEqual(SAVED);
    expect(counting.calls).toEqual({ writes: 1, syncs: 1 });
    expect(await storedEntries(path)).toEqual([note(1), note(2)]);
    expect(writer.durableBytes()).toBe((await stat(path)).size);
    await writer.close();
  });

  it('serialises concurrent appends in call order and shares writes among calls made together', async () => {
    const counting = countingFs();
    const writer = createLogWriter(path, counting.fs, { durableBytes: 0 });
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((seq) => writer.append([note(seq)]).then(() => order.push(seq))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(await storedEntries(path)).toEqual([1, 2, 3, 4].map(note));
    expect(counting.calls.writes).toBeLessThan(4);
    await writer.close();
  });

  it('appends after the durable length of an existing log, and an empty append is a no-op', async () => {
    const first = createLogWriter(path, nodeLogFs, { durableBytes: 0 });
    await first.append([note(1)]);
    await first.close();
    const size = (await stat(path)).size;
    const second = createLogWriter(path, nodeLogFs, { durableBytes: size });
    expect(await second.append([])).toEqual(SAVED);
    await second.append([note(2)]);
    await second.close();
    expect(await storedEntries(path)).toEqual([note(1), note(2)]);
  });
});

describe('a failing disk', () => {
  it('keeps refused entries and writes them, in order and once, when the disk works again (short write, ENOSPC)', async () => {
    const fs = pageCacheFs();
    fs.put(path);
    const writer = createLogWriter(path, fs, { durableBytes: 0 });
    await writer.append([note(1)]);
    fs.fail({ op: 'write', code: 'ENOSPC', partial: 0.5 });
    expect(await writer.append([note(2)])).toEqual(FULL);
    fs.fail({ op: 'write', code: 'ENOSPC', partial: 0.9 });
    expect(await writer.append([note(3), note(4)])).toEqual(FULL);
    expect(writer.unsaved()).toBe(3);
    expect(await writer.append([note(5)])).toEqual(SAVED);
    expect(writer.unsaved()).toBe(0);
    // The half-written lines of the failed attempts were cut off before the backlog went out.
    expect(Buffer.from(fs.device(path) ?? []).toString()).toBe(encodeEntries([1, 2, 3, 4, 5].map(note)));
    expect(writer.durableBytes()).toBe(fs.device(path)?.length);
  });

  it('rewrites what a failed fsync may have dropped (Linux marks the pages clean after EIO)', async () => {
    const fs = pageCacheFs();
    fs.put(path);
    const writer = createLogWriter(path, fs, { durableBytes: 0 });
    await writer.append([note(1)]);
    fs.fail({ op: 'sync', code: 'EIO', lossy: true });
    expect(await writer.append([note(2)])).toEqual({ ok: false, error: { reason: 'The disk reported an input/output error (EIO)', retrying: true } });
    // Entry 2 is in the cache but its pages were dropped: a plain retried fsync would "succeed" without writing it.
    expect(await writer.append([])).toEqual(SAVED);
    expect(Buffer.from(fs.device(path) ?? []).toString()).toBe(encodeEntries([note(1), note(2)]));
  });

  it('answers every caller waiting on a failed write, and retries for those who arrived during it', async () => {
    const held: (() => void)[] = [];
    const fs = pageCacheFs({ delay: () => new Promise<void>((resolve) => held.push(resolve)) });
    fs.put(path);
    const writer = createLogWriter(path, fs, { durableBytes: 0 });
    const outcomes: string[] = [];
    fs.fail({ op: 'write', code: 'EIO' });
    void writer.append([note(1)]).then((o) => outcomes.push(`1:${o.ok}`));
    while (fs.stats.writes === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      held.shift()?.();
    }
    void writer.append([note(2)]).then((o) => outcomes.push(`2:${o.ok}`));
    while (outcomes.length < 2) {
      await new Promise((resolve) => setImmediate(resolve));
      held.shift()?.();
    }
    // 1 was refused; 2 arrived during that failed write and got its own attempt, which wrote both.
    expect(outcomes).toEqual(['1:false', '2:true']);
    expect(writer.unsaved()).toBe(0);
  });
});

describe('a log that is no longer this run’s', () => {
  const lost = (reason: RegExp) => ({ ok: false, error: { reason: expect.stringMatching(reason), retrying: false } });

  it('stops writing when the run folder disappears, for good', async () => {
    const writer = createLogWriter(path, nodeLogFs, { durableBytes: 0 });
    await writer.append([note(1)]);
    await rm(dir, { recursive: true });
    expect(await writer.append([note(2)])).toEqual(lost(/disappeared/));
    // Even if a folder of that name comes back, this writer never writes there again.
    await mkdir(dir, { recursive: true });
    await writeFile(path, '');
    expect(await writer.append([note(3)])).toEqual(lost(/disappeared/));
    expect(writer.unsaved()).toBe(2);
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('notices a log replaced by another file (same name, other inode) and leaves it alone', async () => {
    const writer = createLogWriter(path, nodeLogFs, { durableBytes: 0 });
    await writer.append([note(1)]);
    const other = join(dir, 'other.jsonl');
    const foreign = encodeEntries([note(1)]);
    await writeFile(other, foreign);
    await rename(other, path);
    expect(await writer.append([note(2)])).toEqual(lost(/replaced/));
    expect(await readFile(path, 'utf8')).toBe(foreign);
  });

  it('notices a log that something else appended to or cut short', async () => {
    const writer = createLogWriter(path, nodeLogFs, { durableBytes: 0 });
    await writer.append([note(1)]);
    await appendFile(path, '{"seq":2}\n');
    expect(await writer.append([note(2)])).toEqual(lost(/changed length outside the app/));

    const again = createLogWriter(join(dir, 'b.jsonl'), nodeLogFs, { durableBytes: 0 });
    await writeFile(join(dir, 'b.jsonl'), '');
    await again.append([note(1), note(2)]);
    await writeFile(join(dir, 'b.jsonl'), encodeEntries([note(1)]));
    expect(await again.append([note(3)])).toEqual(lost(/changed length outside the app/));
  });

  it('checks the identity it was given before the first write (a log replaced between loading and resuming)', async () => {
    const { dev, ino } = await stat(path);
    // Moved aside (kept, so the file system cannot hand its inode number to the new file), then replaced.
    await rename(path, `${path}.old`);
    await writeFile(path, '');
    const writer = createLogWriter(path, nodeLogFs, { durableBytes: 0, identity: { dev, ino } });
    expect(await writer.append([note(1)])).toEqual(lost(/replaced/));
  });

  it('refuses a log that is a folder, or longer than it should be, at first open', async () => {
    await rm(path);
    await mkdir(path);
    expect(await createLogWriter(path, nodeLogFs, { durableBytes: 0 }).append([note(1)])).toEqual(lost(/replaced by a folder/));
    await rm(path, { recursive: true });
    await writeFile(path, 'junk\n');
    expect(await createLogWriter(path, nodeLogFs, { durableBytes: 0 }).append([note(1)])).toEqual(lost(/longer than what this app wrote/));
  });
});
