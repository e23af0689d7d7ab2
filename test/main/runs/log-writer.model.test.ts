/**
 * Model-based test of the log writer: fast-check generates sequences of
 * appends (one to three entries), flushes, failures (ENOSPC and EIO on
 * writes, some after writing part of the bytes; EIO on fsync, some "lossy"
 * as on Linux, where the kernel drops the dirty pages) and one power cut,
 * and its scheduler interleaves them with every file operation (so writes
 * are slow: appends arrive while writes and syncs are in flight). The fake
 * file system models the page cache (helpers/page-cache-fs.ts).
 *
 * What must hold, against the image of the log that survives the power cut:
 * - every entry an append acknowledged (`ok`, which vouches for
 *   every entry appended before that call) is in it;
 * - it holds a prefix of the appended entries, in order, each exactly once
 *   (a torn unterminated last line is dropped by the reader).
 * Without a power cut, once the faults are used up the writer catches up:
 * everything appended reaches the device, once, and nothing is left unsaved.
 *
 * The same properties are run against the writer as it was before the fix
 * (helpers/writer-before-fix.ts) and must fail there: the test can fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/engine/index';
import { encodeEntries, parseLog } from '../../../src/main/runs/log-codec';
import { createLogWriter, type AppendOutcome, SAVED } from '../../../src/main/runs/log-writer';
import { suiteSize } from './helpers/suite-size';
import { pageCacheFs, type CutChoice, type Fault, type PageCacheFs } from './helpers/page-cache-fs';
import { createLogWriterBeforeFix } from './helpers/writer-before-fix';

const PATH = '/runs/r1/log.jsonl';
/** Generated interleavings per run of the suite (the long suite runs ten times as many). */
const RUNS = suiteSize({ default: 1_000, long: 10_000 });

type Action = { readonly kind: 'append'; readonly count: number; readonly size: number } | { readonly kind: 'flush' } | { readonly kind: 'fault'; readonly fault: Fault };

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ op: fc.constant('write' as const), code: fc.constantFrom('ENOSPC' as const, 'EIO' as const), partial: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('sync' as const), code: fc.constant('EIO' as const), lossy: fc.boolean() }),
  fc.record({ op: fc.constantFrom('open' as const, 'truncate' as const), code: fc.constantFrom('ENOSPC' as const, 'EIO' as const) }),
);

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 3 }), size: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'flush' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: faultArb }) },
);

const cutArb: fc.Arbitrary<CutChoice> = fc.record({ keep: fc.double({ min: 0, max: 1, noNaN: true }), zeros: fc.double({ min: 0, max: 1, noNaN: true }) });

type Writer = { readonly append: (entries: readonly LogEntry[]) => Promise<AppendOutcome>; readonly unsaved: () => number };
type MakeWriter = (fs: PageCacheFs) => Writer;

const fixed: MakeWriter = (fs) => createLogWriter(PATH, fs, { durableBytes: 0 });
const beforeFix: MakeWriter = (fs) => createLogWriterBeforeFix(PATH, fs.legacy, 0);

const entry = (seq: number, size: number): LogEntry => ({ seq, by: 'facilitator', command: { type: 'note.add', text: `n${seq}-${'é'.repeat(size)}` } });

/** What the generated scenarios exercised, summed over a property's runs (proves the generator reaches the hard cases). */
type Coverage = { runs: number; appendsDuringIo: number; refused: number; vouched: number; cutLostUnsynced: number };
const newCoverage = (): Coverage => ({ runs: 0, appendsDuringIo: 0, refused: 0, vouched: 0, cutLostUnsynced: 0 });

/** Drives one scenario; returns what was appended, what was vouched for, and the surviving image. */
function drive(s: fc.Scheduler, fs: PageCacheFs, writer: Writer, actions: readonly Action[], cut?: { readonly at: number; readonly after: number; readonly choice: CutChoice }) {
  const appended: LogEntry[] = [];
  const record = { appended, vouched: 0, image: undefined as Uint8Array | undefined, appendsDuringIo: 0, refused: 0, lostUnsynced: false };
  const perform = (action: Action) => {
    if (action.kind === 'fault') return fs.fail(action.fault);
    const entries = action.kind === 'append' ? Array.from({ length: action.count }, (_, i) => entry(appended.length + i + 1, action.size)) : [];
    if (entries.length > 0 && fs.inFlight() > 0) record.appendsDuringIo += 1;
    appended.push(...entries);
    const upTo = appended.length;
    void writer.append(entries).then((outcome) => {
      if (outcome.ok) record.vouched = Math.max(record.vouched, upTo);
      else record.refused += 1;
    });
  };
  const powerCut = (choice: CutChoice) => {
    const cached = fs.cached(PATH)?.length ?? 0;
    record.image = fs.powerCut(choice).get(PATH) ?? new Uint8Array(0);
    record.lostUnsynced = record.image.length < cached;
  };
  // The power cut comes `steps` scheduler turns later (so writes in flight may complete, or not).
  const later = (steps: number, run: () => void): void => {
    void s.schedule(Promise.resolve(), steps === 0 ? 'power cut' : 'wait').then(() => (steps === 0 ? run() : later(steps - 1, run)));
  };
  // Actions happen in order, each scheduled once the previous one ran, so the scheduler interleaves them with the
  // file operations in flight; the power cut is scheduled once action `cut.at` ran.
  const next = (index: number) => {
    const action = actions[index];
    if (!action) return;
    void s.schedule(Promise.resolve(), `action ${index}`).then(() => {
      perform(action);
      if (cut?.at === index) later(cut.after, () => powerCut(cut.choice));
      next(index + 1);
    });
  };
  next(0);
  return record;
}

function survivesPowerCut(make: MakeWriter, coverage = newCoverage()) {
  return fc.asyncProperty(fc.scheduler(), fc.array(actionArb, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat({ max: 24 }), cutArb, async (s, actions, at, after, choice) => {
    const fs = pageCacheFs({ delay: () => s.schedule(Promise.resolve(), 'fs') });
    fs.put(PATH);
    const writer = make(fs);
    const record = drive(s, fs, writer, actions, { at: at % actions.length, after, choice });
    await s.waitIdle();
    coverage.runs += 1;
    coverage.appendsDuringIo += record.appendsDuringIo > 0 ? 1 : 0;
    coverage.refused += record.refused > 0 ? 1 : 0;
    coverage.vouched += record.vouched > 0 ? 1 : 0;
    coverage.cutLostUnsynced += record.lostUnsynced ? 1 : 0;
    const parsed = parseLog(record.image ?? new Uint8Array(0));
    if (!parsed.ok) throw new Error(`the surviving log is damaged: line ${parsed.line}: ${parsed.reason}`);
    // In order and exactly once: the survivors are the first appended entries, as appended.
    expect(parsed.entries).toEqual(record.appended.slice(0, parsed.entries.length));
    // Durable: everything vouched for survived.
    expect(parsed.entries.length).toBeGreaterThanOrEqual(record.vouched);
  });
}

function catchesUp(make: MakeWriter) {
  return fc.asyncProperty(fc.scheduler(), fc.array(actionArb, { minLength: 1, maxLength: 30 }), async (s, actions) => {
    const fs = pageCacheFs({ delay: () => s.schedule(Promise.resolve(), 'fs') });
    fs.put(PATH);
    const writer = make(fs);
    const record = drive(s, fs, writer, actions);
    await s.waitIdle();
    // The disk works again (every planned fault used up or cancelled): one more flush saves everything.
    fs.clearFaults();
    const final = writer.append([]);
    await s.waitIdle();
    expect(await final).toEqual(SAVED);
    expect(writer.unsaved()).toBe(0);
    expect(Buffer.from(fs.device(PATH) ?? []).toString('utf8')).toBe(encodeEntries(record.appended));
  });
}

describe(`log writer, model-based (${RUNS} generated interleavings per property)`, () => {
  it('never loses, reorders or duplicates an acknowledged entry across a power cut', { timeout: 600_000 }, async () => {
    const coverage = newCoverage();
    await fc.assert(survivesPowerCut(fixed, coverage), { numRuns: RUNS });
    // The scenarios really reach the hard cases (counted per run; fast-check also replays shrinks, hence ≥).
    expect(coverage.runs).toBeGreaterThanOrEqual(RUNS);
    for (const key of ['appendsDuringIo', 'refused', 'vouched', 'cutLostUnsynced'] as const) expect(coverage[key], key).toBeGreaterThan(RUNS / 20);
  });

  it('writes every entry once when the disk works again', { timeout: 600_000 }, async () => {
    await fc.assert(catchesUp(fixed), { numRuns: Math.ceil(RUNS / 2) });
  });

  it('finds the lost-append bug in the writer as it was before the fix', { timeout: 600_000 }, async () => {
    const result = await fc.check(survivesPowerCut(beforeFix), { numRuns: RUNS });
    expect(result.failed).toBe(true);
  });
});
