import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/engine/index';
import { nodeAppendFs, type AppendFs } from '../../../src/main/runs/append-fs';
import { parseLog } from '../../../src/main/runs/log-codec';
import { createLogWriter } from '../../../src/main/runs/log-writer';
import { tempDir } from './helpers/run-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('writer')));
afterEach(() => cleanup());

const note = (seq: number): LogEntry => ({ seq, by: 'facilitator', command: { type: 'note.add', text: `note ${seq}` } });

/**
 * The real file system with a switch that makes writes fail like a full
 * disk, optionally after writing half the bytes (a short write). Used because
 * the tests run as root, where permissions cannot make a write fail.
 */
function flakyFs() {
  const calls = { writes: 0, syncs: 0 };
  let failing: { code: string; partial: boolean } | undefined;
  const fs: AppendFs = {
    openAppend: async (path) => {
      const file = await nodeAppendFs.openAppend(path);
      return {
        ...file,
        write: async (bytes) => {
          calls.writes += 1;
          if (failing) {
            if (failing.partial) await file.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
            throw Object.assign(new Error('simulated'), { code: failing.code });
          }
          await file.write(bytes);
        },
        sync: async () => {
          calls.syncs += 1;
          await file.sync();
        },
      };
    },
  };
  return { fs, calls, fail: (code: string, partial = false) => (failing = { code, partial }), heal: () => (failing = undefined) };
}

async function storedEntries(path: string): Promise<LogEntry[]> {
  const parsed = parseLog(await readFile(path));
  if (!parsed.ok) throw new Error(parsed.reason);
  expect(parsed.repaired).toBeUndefined();
  return parsed.entries;
}

describe('log writer', () => {
  it('writes each call durably before resolving, one write and one sync per batch', async () => {
    const flaky = flakyFs();
    const path = join(dir, 'log.jsonl');
    const writer = createLogWriter(path, flaky.fs, 0);
    expect(await writer.append([note(1), note(2)])).toEqual({ saved: true });
    expect(flaky.calls).toEqual({ writes: 1, syncs: 1 });
    expect(await storedEntries(path)).toEqual([note(1), note(2)]);
    await writer.close();
  });

  it('serialises concurrent appends in call order and shares one write among calls made together', async () => {
    const flaky = flakyFs();
    const path = join(dir, 'log.jsonl');
    const writer = createLogWriter(path, flaky.fs, 0);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((seq) => writer.append([note(seq)]).then(() => order.push(seq))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(await storedEntries(path)).toEqual([note(1), note(2), note(3), note(4)]);
    expect(flaky.calls.writes).toBeLessThan(4);
    await writer.close();
  });

  it('keeps entries a failing disk refused and writes them, in order, once it works again', async () => {
    const flaky = flakyFs();
    const path = join(dir, 'log.jsonl');
    const writer = createLogWriter(path, flaky.fs, 0);
    await writer.append([note(1)]);
    flaky.fail('ENOSPC', true);
    expect(await writer.append([note(2)])).toEqual({ saved: false, reason: 'The disk is full (ENOSPC)' });
    expect(await writer.append([note(3), note(4)])).toEqual({ saved: false, reason: 'The disk is full (ENOSPC)' });
    expect(writer.unsaved()).toBe(3);
    flaky.heal();
    expect(await writer.append([note(5)])).toEqual({ saved: true });
    expect(writer.unsaved()).toBe(0);
    // The half-written line of the failed attempt was cut off before the backlog went out.
    expect(await storedEntries(path)).toEqual([1, 2, 3, 4, 5].map(note));
    expect(writer.durableBytes()).toBe((await readFile(path)).length);
    await writer.close();
  });

  it('survives a real failure: the log path is a directory (EISDIR), even as root', async () => {
    const path = join(dir, 'log.jsonl');
    await mkdir(path);
    const writer = createLogWriter(path, nodeAppendFs, 0);
    const failed = await writer.append([note(1)]);
    expect(failed.saved).toBe(false);
    expect(!failed.saved && failed.reason).toMatch(/EISDIR/);
    await rm(path, { recursive: true });
    await writeFile(path, '');
    expect(await writer.append([note(2)])).toEqual({ saved: true });
    expect(await storedEntries(path)).toEqual([note(1), note(2)]);
    await writer.close();
  });

  it('appends after the durable length of an existing log', async () => {
    const path = join(dir, 'log.jsonl');
    const first = createLogWriter(path, nodeAppendFs, 0);
    await first.append([note(1)]);
    await first.close();
    const size = (await readFile(path)).length;
    const second = createLogWriter(path, nodeAppendFs, size);
    await second.append([note(2)]);
    await second.close();
    expect(await storedEntries(path)).toEqual([note(1), note(2)]);
  });
});
