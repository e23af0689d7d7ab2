/**
 * The deterministic reproduction of issue 10's first bug: an entry appended
 * while an earlier write is in flight. The writer before the fix built its
 * bytes from the backlog, awaited the write, then cleared the whole backlog,
 * so the second entry was reported saved (and `unsaved() === 0`) but never
 * written. Every file operation here waits until the test releases it.
 */
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/engine/index';
import { parseLog } from '../../../src/main/runs/log-codec';
import { createLogWriter, type AppendOutcome, SAVED } from '../../../src/main/runs/log-writer';
import { pageCacheFs } from './helpers/page-cache-fs';
import { createLogWriterBeforeFix } from './helpers/writer-before-fix';

const PATH = '/runs/r1/log.jsonl';
const note = (seq: number): LogEntry => ({ seq, by: 'facilitator', command: { type: 'note.add', text: `note ${seq}` } });

/** File operations that complete one at a time, when released. */
function heldFs() {
  const held: (() => void)[] = [];
  const fs = pageCacheFs({ delay: () => new Promise<void>((resolve) => held.push(resolve)) });
  fs.put(PATH);
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return {
    fs,
    /** Lets the next held operation complete. */
    release: async () => {
      await settle();
      held.shift()?.();
      await settle();
    },
    held: () => held.length,
    onDevice: () => {
      const parsed = parseLog(fs.device(PATH) ?? new Uint8Array(0));
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.entries;
    },
  };
}

type Writer = { readonly append: (entries: readonly LogEntry[]) => Promise<AppendOutcome>; readonly unsaved: () => number };

/** Appends 1, then appends 2 while the write of 1 is in flight; releases everything; returns the outcomes. */
async function appendDuringWrite(disk: ReturnType<typeof heldFs>, writer: Writer) {
  const outcomes: AppendOutcome[] = [];
  void writer.append([note(1)]).then((o) => outcomes.push(o));
  // open and checks, then the write of entry 1 is in flight
  while (disk.fs.stats.writes === 0) await disk.release();
  void writer.append([note(2)]).then((o) => outcomes.push(o));
  while (outcomes.length < 2) await disk.release();
  return outcomes;
}

describe('an entry appended while an earlier write is in flight (deterministic)', () => {
  it('is written and synced before it is acknowledged', async () => {
    const disk = heldFs();
    const writer = createLogWriter(PATH, disk.fs, { durableBytes: 0 });
    const outcomes = await appendDuringWrite(disk, writer);
    expect(outcomes).toEqual([SAVED, SAVED]);
    expect(disk.onDevice()).toEqual([note(1), note(2)]);
    expect(writer.unsaved()).toBe(0);
    // Two writes: the second carried entry 2, which arrived while the first was in flight.
    expect(disk.fs.stats).toMatchObject({ writes: 2, syncs: 2 });
  });

  it('was lost, yet reported saved, by the writer before the fix', async () => {
    const disk = heldFs();
    const writer = createLogWriterBeforeFix(PATH, disk.fs.legacy, 0);
    const outcomes = await appendDuringWrite(disk, writer);
    expect(outcomes).toEqual([SAVED, SAVED]);
    expect(writer.unsaved()).toBe(0);
    expect(disk.onDevice()).toEqual([note(1)]);
  });

  it('groups appends that arrive during one write into the next write', async () => {
    const disk = heldFs();
    const writer = createLogWriter(PATH, disk.fs, { durableBytes: 0 });
    const outcomes: AppendOutcome[] = [];
    void writer.append([note(1)]).then((o) => outcomes.push(o));
    while (disk.fs.stats.writes === 0) await disk.release();
    for (const seq of [2, 3, 4]) void writer.append([note(seq)]).then((o) => outcomes.push(o));
    expect(writer.unsaved()).toBe(4);
    while (outcomes.length < 4) await disk.release();
    expect(disk.onDevice()).toEqual([1, 2, 3, 4].map(note));
    expect(disk.fs.stats).toMatchObject({ writes: 2, syncs: 2 });
  });

  it('does not acknowledge a write until its sync has completed', async () => {
    const disk = heldFs();
    const writer = createLogWriter(PATH, disk.fs, { durableBytes: 0 });
    let outcome: AppendOutcome | undefined;
    void writer.append([note(1)]).then((o) => (outcome = o));
    while (disk.fs.stats.writes === 0) await disk.release();
    // The write is done and the sync is held: the bytes are in the cache, not on the device, and nothing is acknowledged.
    expect(disk.held()).toBe(1);
    expect(outcome).toBeUndefined();
    expect(disk.fs.cached(PATH)?.length).toBeGreaterThan(0);
    expect(disk.fs.device(PATH)?.length).toBe(0);
    while (!outcome) await disk.release();
    expect(outcome).toEqual(SAVED);
  });
});
