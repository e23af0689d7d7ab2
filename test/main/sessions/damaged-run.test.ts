/**
 * A damaged run (anything wrong in its log but a torn last line) is opened
 * read-only: the views get the valid entries before the damage and the
 * damage itself, every command is refused, the clock never runs, the folder
 * is never written, and it can still be exported up to the last valid entry.
 */
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../runs/helpers/run-fixtures';
import { makeManager } from './helpers/session-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('damaged')));
afterEach(() => cleanup());

async function damagedRun() {
  const first = makeManager(dir);
  const created = await first.manager.create({ packId: first.packId, mode: 'solo', participants: ['Ana'] });
  if (!created.ok) throw new Error(created.error.message);
  const runId = created.value.runId;
  const submit = (by: string, command: object) => first.manager.submit(runId, { by, command });
  await submit('facilitator', { type: 'run.start' });
  await submit('incident-lead', { type: 'severity.classify', level: 2 });
  await submit('facilitator', { type: 'note.add', text: 'kept' });
  await first.manager.closeAll();
  const logPath = join(dir, 'runs', runId, 'log.jsonl');
  // Line 4: a complete line that is not a log entry (e.g. a disk that returned garbage).
  await appendFile(logPath, '{"seq":4,"by":"facilitator","command":{"type":"note.add","text":7}}\n');
  await appendFile(logPath, '{"seq":5,"by":"facilitator","command":{"type":"note.add","text":"after the damage"}}\n');
  return { runId, logPath, folder: join(dir, 'runs', runId) };
}

it('opens read-only with the valid entries and the damage, and refuses every command', async () => {
  const { runId, logPath, folder } = await damagedRun();
  const before = await readFile(logPath);
  const filesBefore = (await readdir(folder)).sort();
  const ctx = makeManager(dir);
  const view = await ctx.manager.open(runId);
  if (!view.ok) throw new Error(view.error.message);
  expect(view.value.status).toBe('damaged');
  expect(view.value.entries.map((e) => e.command.type)).toEqual(['run.start', 'severity.classify', 'note.add']);
  expect(view.value.damage).toMatchObject({ file: 'log.jsonl', line: 4, entriesKept: 3, problem: expect.stringContaining('command.text') });
  expect(ctx.time.activeTimers()).toBe(0);

  const refused = await ctx.manager.submit(runId, { by: 'facilitator', command: { type: 'note.add', text: 'more' } });
  expect(refused).toEqual({ ok: false, error: { code: 'not-allowed', message: expect.stringMatching(/^This run is read-only: log\.jsonl is damaged at line 4/) } });
  await ctx.time.run(5_000);
  expect(await ctx.manager.close(runId)).toEqual({ ok: true, value: undefined });
  expect(await readFile(logPath)).toEqual(before);
  expect((await readdir(folder)).filter((f) => f !== 'meta.json').sort()).toEqual(filesBefore.filter((f) => f !== 'meta.json'));
});

it('lists it as damaged, live or not, with what can still be shown', async () => {
  const { runId } = await damagedRun();
  const ctx = makeManager(dir);
  expect((await ctx.manager.listRuns())[0]).toMatchObject({ ok: true, runId, status: 'damaged', entries: 3, live: false, damage: { line: 4 } });
  await ctx.manager.open(runId);
  expect((await ctx.manager.listRuns())[0]).toMatchObject({ ok: true, runId, status: 'damaged', entries: 3, live: true, damage: { line: 4 } });
});

it('exports it up to the last valid entry, saying it is partial', async () => {
  const { runId } = await damagedRun();
  const ctx = makeManager(dir);
  await ctx.manager.open(runId);
  const file = join(dir, 'partial.vaimrun.json');
  expect(await ctx.manager.exportRun(runId, file)).toEqual({ ok: true, value: undefined });
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported.log).toHaveLength(3);
  expect(exported.damaged).toMatchObject({ line: 4, entriesKept: 3 });
});
