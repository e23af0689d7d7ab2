import type { RunId } from '../../../src/engine';
import { testRunId, uncheckedRunId } from '../../ids';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/engine/index';
import { parseLog } from '../../../src/main/runs/log-codec';
import type { SessionView } from '../../../src/shared/runs';
import { tempDir } from '../runs/helpers/run-fixtures';
import { fakeTime, makeManager, recorder } from './helpers/session-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('sessions')));
afterEach(() => cleanup());

async function created(ctx: ReturnType<typeof makeManager>, extra: Record<string, unknown> = {}): Promise<SessionView> {
  const result = await ctx.manager.create({ packId: ctx.packId, mode: 'facilitated', participants: ['Ana', 'Ben'], ...extra });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const logFile = (runId: RunId) => join(dir, 'runs', runId, 'log.jsonl');
function storedLog(runId: RunId): LogEntry[] {
  const parsed = parseLog(readFileSync(logFile(runId)));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.entries;
}

describe('creating a run', () => {
  it('writes header, snapshot and an empty log, with the seed drawn from the injected random source', async () => {
    const ctx = makeManager(dir);
    ctx.setRandom(0.25);
    const view = await created(ctx, { title: 'Tuesday drill' });
    expect(view.header).toMatchObject({ seed: 0x40000000, packId: ctx.packId, mode: 'facilitated', title: 'Tuesday drill', participants: ['Ana', 'Ben'], createdAt: '2027-05-06T10:00:00.000Z' });
    expect(view.header.runId).toMatch(/^20270506T100000Z-[0-9a-f]{8}$/);
    expect(view).toMatchObject({ status: 'setup', entries: [], persistence: { ok: true } });
    expect(await readFile(logFile(view.header.runId), 'utf8')).toBe('');
    const stored = await ctx.store.load(view.header.runId);
    expect(stored.ok && stored.value.header).toEqual(view.header);
  });

  it('uses an explicit seed', async () => {
    const view = await created(makeManager(dir), { seed: 7 });
    expect(view.header.seed).toBe(7);
  });

  it('refuses bad settings and unknown packs with a clear message', async () => {
    const ctx = makeManager(dir);
    const bad = await ctx.manager.create({ packId: ctx.packId, mode: 'party' as never, participants: [] });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('mode') });
    const missing = await ctx.manager.create({ packId: 'no-such-pack', mode: 'solo', participants: [] });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'pack-unavailable', message: expect.stringContaining('no-such-pack') });
  });
});

describe('submitting commands', () => {
  it('acknowledges a command only once it is on disk, then broadcasts it', async () => {
    const ctx = makeManager(dir);
    const { header } = await created(ctx);
    const seenOnDisk: number[] = [];
    const sub = ctx.manager.subscribe(header.runId, (event) => {
      if (event.type === 'entries') seenOnDisk.push(...storedLog(header.runId).map((e) => e.seq));
    });
    expect(sub.ok).toBe(true);
    const result = await ctx.manager.submit(header.runId, { by: 'facilitator', command: { type: 'role.assign', role: 'incident-lead', participant: 'Ana' } });
    expect(result).toEqual({ ok: true, value: { saved: true, entries: [{ seq: 1, by: 'facilitator', command: { type: 'role.assign', role: 'incident-lead', participant: 'Ana' }, wall: '2027-05-06T10:00:00.000Z' }] } });
    expect(seenOnDisk).toEqual([1]);
    expect(storedLog(header.runId)).toEqual(result.ok ? result.value.entries : []);
  });

  it('writes nothing for a rejected command', async () => {
    const ctx = makeManager(dir);
    const { header } = await created(ctx);
    await ctx.manager.submit(header.runId, { by: 'facilitator', command: { type: 'run.start' } });
    ctx.time.skip(3000); // the clock has pending minutes: they must not be written either
    const before = await readFile(logFile(header.runId));
    const rec = recorder();
    ctx.manager.subscribe(header.runId, rec.listener);
    const result = await ctx.manager.submit(header.runId, { by: 'incident-lead', command: { type: 'move.make', move: 'no-such-move' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-id' } });
    expect(await readFile(logFile(header.runId))).toEqual(before);
    expect(rec.events).toEqual([]);
  });

  it.each([
    ['an unknown actor', { by: 'ceo', command: { type: 'run.start' } }, /^by:/],
    ['the reserved system actor', { by: 'system', command: { type: 'run.start' } }, /reserved/],
    ['an unknown command', { by: 'facilitator', command: { type: 'launch' } }, /^command\.type:/],
    ['an extra field', { by: 'facilitator', command: { type: 'run.start', force: true } }, /^command:/],
    ['no command at all', { by: 'facilitator' }, /^command:/],
    ['not an object', null, /^by:/],
  ])('refuses %s as invalid-command and writes nothing', async (_label, request, message) => {
    const ctx = makeManager(dir);
    const { header } = await created(ctx);
    const result = await ctx.manager.submit(header.runId, request as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-command', message: expect.stringMatching(message) } });
    expect((await stat(logFile(header.runId))).size).toBe(0);
  });

  it('refuses commands for a run that is not open', async () => {
    const ctx = makeManager(dir);
    const result = await ctx.manager.submit(testRunId('20270101T000000Z-deadbeef'), { by: 'facilitator', command: { type: 'run.start' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect((await ctx.manager.submit(uncheckedRunId('../../etc'), { by: 'facilitator', command: { type: 'run.start' } })).ok).toBe(false);
  });
});

describe('views of a run', () => {
  it('gives a late subscriber the log so far, then the live entries; every view sees the same order', async () => {
    const ctx = makeManager(dir);
    const { header } = await created(ctx);
    const early = recorder();
    ctx.manager.subscribe(header.runId, early.listener);
    await ctx.manager.submit(header.runId, { by: 'facilitator', command: { type: 'role.assign', role: 'incident-lead', participant: 'Ana' } });
    await ctx.manager.submit(header.runId, { by: 'facilitator', command: { type: 'run.start' } });
    await ctx.time.run(3000);

    const late = recorder();
    const sub = ctx.manager.subscribe(header.runId, late.listener);
    if (!sub.ok) throw new Error(sub.error.message);
    expect(sub.value.entries.map((e) => e.seq)).toEqual(early.entries().map((e) => e.seq));
    expect(sub.value.status).toBe('running');

    await ctx.time.run(2000);
    await ctx.manager.submit(header.runId, { by: 'facilitator', command: { type: 'note.add', text: 'hello' } });
    const all = [...sub.value.entries, ...late.entries()];
    expect(all).toEqual(early.entries());
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all).toEqual(storedLog(header.runId));
    expect(early.events.filter((e) => e.type === 'status')).toEqual([{ type: 'status', runId: header.runId, status: 'running' }]);

    sub.value.unsubscribe();
    await ctx.manager.submit(header.runId, { by: 'facilitator', command: { type: 'note.add', text: 'after' } });
    expect(late.entries().at(-1)?.command).toEqual({ type: 'note.add', text: 'hello' });
  });

  it('keeps serving the other views when one listener throws', async () => {
    const ctx = makeManager(dir);
    const { header } = await created(ctx);
    ctx.manager.subscribe(header.runId, () => {
      throw new Error('broken view');
    });
    const good = recorder();
    ctx.manager.subscribe(header.runId, good.listener);
    const result = await ctx.manager.submit(header.runId, { by: 'facilitator', command: { type: 'run.start' } });
    expect(result.ok).toBe(true);
    expect(good.entries()).toHaveLength(1);
  });
});

describe('resuming', () => {
  async function runForAWhile(ctx: ReturnType<typeof makeManager>) {
    const { header } = await created(ctx);
    const submit = (by: string, command: object) => ctx.manager.submit(header.runId, { by, command });
    await submit('facilitator', { type: 'role.assign', role: 'technical-lead', participant: 'Ben' });
    await submit('facilitator', { type: 'run.start' });
    // The pack's compression is 60 (an hour per real second): slow down to a minute per second.
    await submit('facilitator', { type: 'clock.setCompression', compression: 1 });
    await ctx.time.run(35_000);
    await submit('technical-lead', { type: 'move.make', move: 'suspend-model' });
    await submit('incident-lead', { type: 'severity.classify', level: 3 });
    await ctx.time.run(4_000);
    return header.runId;
  }

  it('after an app restart, lists the run as interrupted and resumes it exactly where it stopped', async () => {
    const first = makeManager(dir);
    const runId = await runForAWhile(first);
    await first.manager.submit(runId, { by: 'facilitator', command: { type: 'clock.pause' } });
    const before = storedLog(runId);
    expect((await first.manager.listRuns())[0]).toMatchObject({ runId, status: 'paused', live: true });
    const liveState = sessionState(first, runId);

    // A new manager over the same folder: nothing is live any more (the app restarted, no close happened).
    const second = makeManager(dir);
    expect((await second.manager.listRuns())[0]).toMatchObject({ runId, status: 'interrupted', live: false, paused: true, phase: 'running' });
    const view = await second.manager.open(runId);
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.entries).toEqual(before);
    expect(view.value.status).toBe('paused');
    expect(sessionState(second, runId)).toEqual(liveState);

    // It continues from the same minute: paused stays paused, and resuming does not jump.
    await second.time.run(10_000);
    expect(storedLog(runId)).toHaveLength(before.length);
    await second.manager.submit(runId, { by: 'facilitator', command: { type: 'clock.resume' } });
    await second.time.run(2_000);
    const advances = storedLog(runId).filter((e) => e.command.type === 'clock.advance');
    expect(advances.at(-1)?.command).toEqual({ type: 'clock.advance', to: liveState.clock.now + 2 });
  });

  it('resumes a running run that was closed, with the same state', async () => {
    const ctx = makeManager(dir);
    const runId = await runForAWhile(ctx);
    const liveState = sessionState(ctx, runId);
    expect(await ctx.manager.close(runId)).toEqual({ ok: true, value: undefined });
    expect(ctx.time.activeTimers()).toBe(0);
    expect(ctx.manager.isLive(runId)).toBe(false);
    expect((await ctx.manager.listRuns())[0]).toMatchObject({ status: 'interrupted', simMinutes: liveState.clock.now });
    const view = await ctx.manager.open(runId);
    expect(view.ok && view.value.status).toBe('running');
    expect(sessionState(ctx, runId)).toEqual(liveState);
  });

  it('shares one session between views opening the same run at once', async () => {
    const first = makeManager(dir);
    const runId = await runForAWhile(first);
    const second = makeManager(dir);
    const [a, b] = await Promise.all([second.manager.open(runId), second.manager.open(runId)]);
    expect(a.ok && b.ok).toBe(true);
    expect(second.time.activeTimers()).toBe(1);
  });

  it('reports the dropped torn line to the views of a resumed run', async () => {
    const first = makeManager(dir);
    const runId = await runForAWhile(first);
    const { appendFile } = await import('node:fs/promises');
    const next = storedLog(runId).length + 1;
    const torn = `{"seq":${next},"by":"sys`;
    await appendFile(logFile(runId), torn);
    const second = makeManager(dir);
    const view = await second.manager.open(runId);
    expect(view.ok && view.value.repaired).toMatchObject({ droppedBytes: torn.length });
    const rec = recorder();
    const sub = second.manager.subscribe(runId, rec.listener);
    expect(sub.ok && sub.value.repaired?.message).toMatch(/dropped/);
    await Promise.resolve();
    expect(rec.events).toEqual([{ type: 'repaired', runId, repaired: view.ok && view.value.repaired }]);
  });

  it('refuses to open a corrupt run, with the reason', async () => {
    const first = makeManager(dir);
    const runId = await runForAWhile(first);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'runs', runId, 'header.json'), 'not json');
    const result = await makeManager(dir).manager.open(runId);
    expect(!result.ok && result.error).toMatchObject({ code: 'corrupt', message: expect.stringContaining('header.json') });
  });
});

describe('history through the manager', () => {
  it('refuses to delete a live run and deletes it once closed', async () => {
    const ctx = makeManager(dir);
    const { header } = await created(ctx);
    const refused = await ctx.manager.deleteRun(header.runId);
    expect(!refused.ok && refused.error.code).toBe('live');
    await ctx.manager.close(header.runId);
    expect((await ctx.manager.deleteRun(header.runId)).ok).toBe(true);
    expect(await ctx.manager.listRuns()).toEqual([]);
  });

  it('closes every session on closeAll', async () => {
    const time = fakeTime();
    const ctx = makeManager(dir, { time });
    await created(ctx);
    await created(ctx);
    expect(time.activeTimers()).toBe(2);
    await ctx.manager.closeAll();
    expect(time.activeTimers()).toBe(0);
    expect((await ctx.manager.listRuns()).map((r) => r.ok && r.live)).toEqual([false, false]);
  });
});

/** The authoritative state of a live run. */
function sessionState(ctx: ReturnType<typeof makeManager>, runId: RunId) {
  const state = ctx.manager.state(runId);
  if (!state) throw new Error(`run ${runId} is not live`);
  return state;
}
