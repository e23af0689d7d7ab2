/**
 * A disk that refuses writes must not stop the exercise or lose a move: the
 * session keeps running in memory, says so, can export from memory, and
 * writes the backlog in order as soon as the disk works again. A log that is
 * no longer the run's own (its folder deleted, the file replaced) is never
 * written again: the session says so and only an export keeps the entries.
 *
 * Tests run as root here, where chmod cannot make a write fail, so a full
 * disk mid-run is rehearsed with the page-cache fake over the real files
 * (helpers/page-cache-fs.ts) and, for real, on a tiny tmpfs (disk-full.test.ts
 * in test/main/runs). The chmod variant runs when the tests are not root.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay, stateReached } from '../../../src/engine/index';
import { parseLog } from '../../../src/main/runs/log-codec';
import { createRunStore } from '../../../src/main/runs/run-store';
import { pageCacheFs } from '../runs/helpers/page-cache-fs';
import { tempDir, testDeps } from '../runs/helpers/run-fixtures';
import { makeManager, recorder } from './helpers/session-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('persist')));
afterEach(() => cleanup());

async function openRun(ctx: ReturnType<typeof makeManager>) {
  const view = await ctx.manager.create({ packId: ctx.packId, mode: 'solo', participants: [] });
  if (!view.ok) throw new Error(view.error.message);
  const runId = view.value.header.runId;
  const rec = recorder();
  ctx.manager.subscribe(runId, rec.listener);
  const note = (text: string) => ctx.manager.submit(runId, { by: 'facilitator', command: { type: 'note.add', text } });
  return { runId, rec, note, logPath: join(dir, 'runs', runId, 'log.jsonl'), runDir: join(dir, 'runs', runId) };
}

async function storedLog(path: string) {
  const parsed = parseLog(await readFile(path));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.entries;
}

const texts = (entries: readonly { command: unknown }[]) => entries.map((e) => (e.command as { text: string }).text);

describe('a disk that refuses writes', () => {
  it('keeps the run going in memory, warns the views, and writes the backlog once the disk is back (short write, ENOSPC)', async () => {
    const fs = pageCacheFs({ backing: 'real' });
    const ctx = makeManager(dir, { logFs: fs });
    const run = await openRun(ctx);
    expect(await run.note('saved')).toMatchObject({ ok: true, value: { saved: true } });
    fs.fail({ op: 'write', code: 'ENOSPC', partial: 0.4 });
    expect(await run.note('held')).toMatchObject({ ok: true, value: { saved: false } });
    expect(run.rec.events.find((e) => e.type === 'persistence')).toEqual({
      type: 'persistence',
      runId: run.runId,
      persistence: { ok: false, reason: 'The disk is full (ENOSPC)', since: '2027-05-06T10:00:00.000Z', unsaved: 1, retrying: true },
    });
    // The views got the entry all the same: the exercise goes on.
    expect(run.rec.entries().map((e) => e.seq)).toEqual([1, 2]);

    // "Not being saved — export the run to keep it": the export holds every entry.
    const exportPath = join(dir, 'rescue.vaimrun.json');
    expect(await ctx.manager.exportRunFromMemory(run.runId, exportPath)).toEqual({ ok: true, value: undefined });
    expect(texts(JSON.parse(await readFile(exportPath, 'utf8')).log)).toEqual(['saved', 'held']);

    // The disk is back: the next command writes the backlog in order (the short write cut off) and clears the warning.
    expect(await run.note('after')).toMatchObject({ ok: true, value: { saved: true } });
    expect(run.rec.events.filter((e) => e.type === 'persistence').at(-1)).toEqual({ type: 'persistence', runId: run.runId, persistence: { ok: true } });
    expect(texts(await storedLog(run.logPath))).toEqual(['saved', 'held', 'after']);
  });

  it('refuses to close while entries are unsaved and the disk stays full', async () => {
    const fs = pageCacheFs({ backing: 'real' });
    const ctx = makeManager(dir, { logFs: fs });
    const run = await openRun(ctx);
    await run.note('saved');
    for (let i = 0; i < 3; i++) fs.fail({ op: 'write', code: 'ENOSPC', partial: 0.5 });
    expect(await run.note('held')).toMatchObject({ ok: true, value: { saved: false } });
    const refused = await ctx.manager.close(run.runId);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'io', message: expect.stringContaining('1 entries of run') });
    expect(ctx.manager.isLive(run.runId)).toBe(true);
    expect(await ctx.manager.unsavedRuns()).toEqual([{ runId: run.runId, title: 'Minimal screening incident', unsaved: 1, reason: 'The disk is full (ENOSPC)', retrying: true }]);
    // The disk is back: closing writes the backlog first; the short writes were cut off, the log is whole.
    fs.clearFaults();
    expect(await ctx.manager.close(run.runId)).toEqual({ ok: true, value: undefined });
    expect(texts(await storedLog(run.logPath))).toEqual(['saved', 'held']);
  });

  it('closes anyway when asked to discard unsaved entries', async () => {
    const fs = pageCacheFs({ backing: 'real' });
    const ctx = makeManager(dir, { logFs: fs });
    const run = await openRun(ctx);
    for (let i = 0; i < 5; i++) fs.fail({ op: 'open', code: 'EIO' });
    await run.note('lost');
    expect(await ctx.manager.closeAll()).toEqual([run.runId]);
    expect(await ctx.manager.close(run.runId, { discardUnsaved: true })).toEqual({ ok: true, value: undefined });
    expect(ctx.manager.isLive(run.runId)).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('reports a read-only log file (chmod, when not root)', async () => {
    const ctx = makeManager(dir);
    const run = await openRun(ctx);
    await chmod(run.logPath, 0o444);
    expect(await run.note('x')).toMatchObject({ ok: true, value: { saved: false } });
    expect(run.rec.events.find((e) => e.type === 'persistence')).toMatchObject({ persistence: { ok: false, reason: expect.stringContaining('EACCES') } });
  });
});

describe('a live run whose folder or log is taken away', () => {
  it('notices its folder was deleted, stops saving for good, and can still be exported from memory', async () => {
    const ctx = makeManager(dir);
    const run = await openRun(ctx);
    expect(await run.note('one')).toMatchObject({ ok: true, value: { saved: true } });
    await rm(run.runDir, { recursive: true });
    expect(await run.note('two')).toMatchObject({ ok: true, value: { saved: false } });
    expect(run.rec.events.filter((e) => e.type === 'persistence').at(-1)).toMatchObject({
      persistence: { ok: false, reason: expect.stringContaining('disappeared'), unsaved: 1, retrying: false },
    });
    // A folder of the same name coming back changes nothing: that is not this run's log any more.
    await mkdir(run.runDir, { recursive: true });
    await writeFile(run.logPath, '');
    expect(await run.note('three')).toMatchObject({ ok: true, value: { saved: false } });
    expect(await readFile(run.logPath, 'utf8')).toBe('');
    const exportPath = join(dir, 'rescue.vaimrun.json');
    expect(await ctx.manager.exportRunFromMemory(run.runId, exportPath)).toEqual({ ok: true, value: undefined });
    expect(texts(JSON.parse(await readFile(exportPath, 'utf8')).log)).toEqual(['one', 'two', 'three']);
  });

  it('notices its log was replaced by another file, and never writes into it', async () => {
    const ctx = makeManager(dir);
    const run = await openRun(ctx);
    await run.note('one');
    const other = join(run.runDir, 'other.jsonl');
    await writeFile(other, '');
    await rename(other, run.logPath);
    expect(await run.note('two')).toMatchObject({ ok: true, value: { saved: false } });
    expect(ctx.manager.subscribe(run.runId, () => {})).toMatchObject({ ok: true, value: { persistence: { ok: false, reason: expect.stringContaining('replaced'), retrying: false } } });
    expect(await readFile(run.logPath, 'utf8')).toBe('');
  });

  it('notices a log replaced by a folder', async () => {
    const ctx = makeManager(dir);
    const run = await openRun(ctx);
    await run.note('one');
    await rm(run.logPath);
    await mkdir(run.logPath);
    expect(await run.note('two')).toMatchObject({ ok: true, value: { saved: false } });
    expect(ctx.manager.subscribe(run.runId, () => {})).toMatchObject({ value: { persistence: { ok: false, retrying: false } } });
  });
});

describe('export and import', () => {
  async function endedRun(ctx: ReturnType<typeof makeManager>) {
    const run = await openRun(ctx);
    const submit = (by: string, command: object) => ctx.manager.submit(run.runId, { by, command });
    await submit('facilitator', { type: 'role.assign', role: 'technical-lead', participant: 'Ben' });
    await submit('facilitator', { type: 'run.start' });
    await ctx.time.run(1_000);
    await submit('technical-lead', { type: 'move.make', move: 'preserve-evidence' });
    await submit('technical-lead', { type: 'move.make', move: 'suspend-model' });
    await ctx.time.run(3_000);
    await submit('incident-lead', { type: 'move.make', move: 'notify-provider' });
    await submit('facilitator', { type: 'run.end' });
    await submit('incident-lead', { type: 'trace.rootCause', candidate: 'skewed-update' });
    return run.runId;
  }

  it('round-trips a run to another machine: it replays to the same state and score', async () => {
    const ctx = makeManager(dir);
    const runId = await endedRun(ctx);
    const state = ctx.manager.state(runId);
    await ctx.manager.close(runId);
    const file = join(dir, 'export.vaimrun.json');
    expect(await ctx.manager.exportRun(runId, file)).toEqual({ ok: true, value: undefined });
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(exported)).toEqual(['format', 'version', 'header', 'pack', 'log']);
    expect(exported).toMatchObject({ format: 'vaim-run', version: 1, header: { runId } });

    const other = makeManager(join(dir, 'other-machine'));
    const imported = await other.manager.importRun(file);
    expect(imported).toEqual({ ok: true, value: { runId, renamed: false } });
    const rows = await other.manager.listRuns();
    const original = (await ctx.manager.listRuns())[0];
    expect(rows[0]).toEqual(original);
    expect(rows[0]).toMatchObject({ status: 'ended', score: { max: 100 } });

    const stored = await other.store.load(runId);
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stateReached(replay(stored.value.pack, stored.value.header, stored.value.log))).toEqual(state);
    expect(testDeps.score(stored.value.pack, stored.value.header, stored.value.log)).toEqual(original?.ok && original.score);
  });

  it('exports a live run from memory and gives an imported clashing run a new id', async () => {
    const ctx = makeManager(dir);
    const runId = await endedRun(ctx);
    const file = join(dir, 'live.vaimrun.json');
    expect((await ctx.manager.exportRun(runId, file)).ok).toBe(true);
    const imported = await ctx.manager.importRun(file);
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.renamed).toBe(true);
    expect(imported.value.runId).not.toBe(runId);
    const copy = await ctx.store.load(imported.value.runId);
    expect(copy.ok && copy.value.header.runId).toBe(imported.value.runId);
    expect(copy.ok && copy.value.log).toEqual(await storedLog(join(dir, 'runs', runId, 'log.jsonl')));
  });

  describe('refuses a bad run file, storing nothing', () => {
    async function exportedFile(ctx: ReturnType<typeof makeManager>) {
      const runId = await endedRun(ctx);
      const file = join(dir, 'x.vaimrun.json');
      await ctx.manager.exportRun(runId, file);
      return { runId, file, content: JSON.parse(await readFile(file, 'utf8')) };
    }

    it.each([
      ['not JSON', () => 'garbage', { code: 'invalid-file', message: /not valid JSON/ }],
      ['another format', (c: Record<string, unknown>) => ({ ...c, format: 'zip' }), { code: 'invalid-file', message: /format/ }],
      ['a newer file version', (c: Record<string, unknown>) => ({ ...c, version: 2 }), { code: 'unsupported', message: /version 2/ }],
      ['an unknown engine version', (c: { header: object }) => ({ ...c, header: { ...c.header, engineVersion: 99 } }), { code: 'unsupported', message: /engine version 99/ }],
      ['a header without a seed', (c: { header: object }) => ({ ...c, header: { ...c.header, seed: undefined } }), { code: 'invalid-file', message: /seed/ }],
      ['a broken pack snapshot', (c: { pack: { pack: object } }) => ({ ...c, pack: { ...c.pack, pack: { ...c.pack.pack, moves: 'none' } } }), { code: 'invalid-file', message: /^pack:/ }],
      ['a pack that is not the header\'s', (c: { pack: object }) => ({ ...c, pack: { ...c.pack, hash: 'sha256-other' } }), { code: 'invalid-file', message: /hash/ }],
      ['a log entry out of sequence', (c: { log: { seq: number }[] }) => ({ ...c, log: c.log.map((e, i) => (i === 3 ? { ...e, seq: 9 } : e)) }), { code: 'invalid-file', message: /log\[3\] \(seq 4\)/, seq: 4 }],
      ['a log that does not replay', (c: { log: { seq: number; command: object }[] }) => ({ ...c, log: c.log.map((e, i) => (i === 4 ? { ...e, command: { type: 'move.make', move: 'no-such-move' } } : e)) }), { code: 'replay-failed', message: /seq 5 .*unknown-id/, seq: 5 }],
    ] as const)('%s', async (_label, mutate, expected) => {
      const ctx = makeManager(dir);
      const { file, content } = await exportedFile(ctx);
      const mutated = (mutate as (c: unknown) => unknown)(content);
      await writeFile(file, typeof mutated === 'string' ? mutated : JSON.stringify(mutated));
      const other = createRunStore({ runsDir: join(dir, 'other'), deps: testDeps });
      const result = await other.importRun(file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(expected.code);
      expect(result.error.message).toMatch(expected.message);
      if ('seq' in expected) expect(result.error.seq).toBe(expected.seq);
      expect(await other.list()).toEqual([]);
    });

    it('a missing file', async () => {
      const other = createRunStore({ runsDir: join(dir, 'other'), deps: testDeps });
      const result = await other.importRun(join(dir, 'nope.json'));
      expect(!result.ok && result.error).toMatchObject({ code: 'io', message: expect.stringContaining('nope.json') });
    });
  });
});
