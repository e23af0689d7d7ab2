/**
 * Quitting or closing the window with unsaved entries is never silent: the
 * guard asks, and only the person's answer — export, retry until saved, or
 * discard — lets the app go. Real session manager and run store; the full
 * disk is the page-cache fake over the real files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLog } from '../../../src/main/runs/log-codec';
import { createPromptBroker, createUnsavedGuard } from '../../../src/main/sessions/unsaved-guard';
import { createRunHandlers } from '../../../src/main/ipc/run-handlers';
import { createDispatcher, type Handlers } from '../../../src/main/ipc/dispatcher';
import { validators } from '../../../src/main/ipc/validators';
import { headlessPlatform } from '../../../src/main/platform/platform';
import type { UnsavedChoice, UnsavedPrompt } from '../../../src/shared/runs';
import { pageCacheFs } from '../runs/helpers/page-cache-fs';
import { tempDir } from '../runs/helpers/run-fixtures';
import { makeManager } from './helpers/session-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('guard')));
afterEach(() => cleanup());

/** A live run with one saved entry and one the full disk refused. */
async function runWithUnsaved() {
  const fs = pageCacheFs({ backing: 'real' });
  const ctx = makeManager(dir, { logFs: fs });
  const created = await ctx.manager.create({ packId: ctx.packId, mode: 'solo', participants: [], title: 'Drill' });
  if (!created.ok) throw new Error(created.error.message);
  const runId = created.value.runId;
  const note = (text: string) => ctx.manager.submit(runId, { by: 'facilitator', command: { type: 'note.add', text } });
  await note('saved');
  // The disk stays full for the next hundred writes.
  for (let i = 0; i < 100; i++) fs.fail({ op: 'write', code: 'ENOSPC', partial: 0.5 });
  expect(await note('held')).toMatchObject({ ok: true, value: { saved: false } });
  const logPath = join(dir, 'runs', runId, 'log.jsonl');
  const stored = async () => {
    const parsed = parseLog(await readFile(logPath));
    return parsed.entries.map((e) => (e.command as { text: string }).text);
  };
  return { ctx, fs, runId, stored };
}

/** A guard whose person answers from a script; records the questions. */
function scripted(sessions: ReturnType<typeof makeManager>['manager'], answers: UnsavedChoice[], exportPath: (n: number) => string | null = () => null) {
  const asked: UnsavedPrompt[] = [];
  let exports = 0;
  const guard = createUnsavedGuard({
    sessions,
    ask: async (prompt) => {
      asked.push(prompt);
      const answer = answers.shift();
      if (!answer) throw new Error('asked more often than scripted');
      return answer;
    },
    chooseExportPath: async () => exportPath(exports++),
  });
  return { guard, asked };
}

describe('the unsaved-entries guard', () => {
  it('lets the app go at once when everything is saved, closing every session, without asking', async () => {
    const ctx = makeManager(dir);
    const created = await ctx.manager.create({ packId: ctx.packId, mode: 'solo', participants: [] });
    const { guard, asked } = scripted(ctx.manager, []);
    expect(guard.allSaved()).toBe(true);
    expect(await guard.confirm('quit')).toBe(true);
    expect(asked).toEqual([]);
    expect(created.ok && ctx.manager.isLive(created.value.runId)).toBe(false);
  });

  it('asks, naming the run, the count and the reason; "cancel" keeps the app and the entries', async () => {
    const { ctx, runId } = await runWithUnsaved();
    const { guard, asked } = scripted(ctx.manager, ['cancel']);
    expect(guard.allSaved()).toBe(false);
    expect(await guard.confirm('quit')).toBe(false);
    expect(asked).toEqual([
      { promptId: expect.stringMatching(/^[0-9a-f-]{36}$/), reason: 'quit', runs: [{ runId, title: 'Minimal screening incident — Drill', unsaved: 1, reason: 'The disk is full (ENOSPC)', retrying: true }] },
    ]);
    expect(ctx.manager.isLive(runId)).toBe(true);
    expect(ctx.manager.subscribe(runId, () => {})).toMatchObject({ value: { persistence: { ok: false, unsaved: 1 } } });
  });

  it('"retry" tries again and asks again while the disk is full; once it saves, the app goes with everything on disk', async () => {
    const { ctx, fs, stored } = await runWithUnsaved();
    const asked: UnsavedPrompt[] = [];
    const guard = createUnsavedGuard({
      sessions: ctx.manager,
      ask: async (prompt) => {
        asked.push(prompt);
        // The person frees some space before the second "retry".
        if (asked.length === 2) fs.clearFaults();
        return 'retry';
      },
      chooseExportPath: async () => null,
    });
    expect(await guard.confirm('close-window')).toBe(true);
    expect(asked.map((p) => [p.reason, p.runs.length])).toEqual([
      ['close-window', 1],
      ['close-window', 1],
    ]);
    expect(await stored()).toEqual(['saved', 'held']);
  });

  it('"export" saves every entry elsewhere, then lets the app go', async () => {
    const { ctx } = await runWithUnsaved();
    const target = join(dir, 'usb-stick.vaimrun.json');
    const { guard } = scripted(ctx.manager, ['export'], () => target);
    expect(await guard.confirm('quit')).toBe(true);
    const exported = JSON.parse(await readFile(target, 'utf8'));
    expect(exported.log.map((e: { command: { text: string } }) => e.command.text)).toEqual(['saved', 'held']);
  });

  it('a cancelled export discards nothing and asks again, saying so', async () => {
    const { ctx, runId } = await runWithUnsaved();
    const { guard, asked } = scripted(ctx.manager, ['export', 'cancel'], () => null);
    expect(await guard.confirm('quit')).toBe(false);
    expect(asked[1]?.note).toBe('The export was cancelled; nothing was discarded.');
    expect(ctx.manager.isLive(runId)).toBe(true);
  });

  it('"discard" is the only way the unsaved entries are dropped', async () => {
    const { ctx, runId, stored } = await runWithUnsaved();
    const { guard } = scripted(ctx.manager, ['discard']);
    expect(await guard.confirm('quit')).toBe(true);
    expect(ctx.manager.isLive(runId)).toBe(false);
    expect(await stored()).toEqual(['saved']);
  });
});

describe('the prompt broker and its IPC channel', () => {
  it('sends the question to the views and resolves with the answer given for its id', async () => {
    const sent: UnsavedPrompt[] = [];
    const broker = createPromptBroker({ send: (p) => (sent.push(p), true), fallback: async () => 'discard' });
    const prompt: UnsavedPrompt = { promptId: '7d3f0f52-3a51-4a8e-9d2c-7f1e0a6b5c44', reason: 'quit', runs: [] };
    const answer = broker.ask(prompt);
    expect(sent).toEqual([prompt]);
    expect(broker.answer('00000000-0000-4000-8000-000000000000', 'discard')).toBe(false);
    expect(broker.answer(prompt.promptId, 'retry')).toBe(true);
    expect(await answer).toBe('retry');
    expect(broker.answer(prompt.promptId, 'discard')).toBe(false);
  });

  it('asks with the fallback when no view can show it, and answers "cancel" to questions left open', async () => {
    const broker = createPromptBroker({ send: () => false, fallback: async () => 'export' });
    expect(await broker.ask({ promptId: 'a', reason: 'quit', runs: [] })).toBe('export');
    const shown = createPromptBroker({ send: () => true, fallback: async () => 'export' });
    const open = shown.ask({ promptId: 'b', reason: 'quit', runs: [] });
    shown.cancelAll();
    expect(await open).toBe('cancel');
  });

  it('validates answers over IPC and refuses answers to no question', async () => {
    const ctx = makeManager(dir);
    const handlers = createRunHandlers({ sessions: ctx.manager, platform: headlessPlatform, broadcast: () => {} });
    const dispatch = createDispatcher(handlers as unknown as Handlers, validators);
    expect(await dispatch('answerUnsavedPrompt', ['7d3f0f52-3a51-4a8e-9d2c-7f1e0a6b5c44', 'shrug'])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch('answerUnsavedPrompt', ['not-an-id', 'discard'])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch('answerUnsavedPrompt', ['7d3f0f52-3a51-4a8e-9d2c-7f1e0a6b5c44', 'discard'])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const asking = handlers.unsavedPrompts.ask({ promptId: '7d3f0f52-3a51-4a8e-9d2c-7f1e0a6b5c44', reason: 'quit', runs: [] });
    expect(await dispatch('answerUnsavedPrompt', ['7d3f0f52-3a51-4a8e-9d2c-7f1e0a6b5c44', 'discard'])).toEqual({ ok: true, value: null });
    expect(await asking).toBe('discard');
  });

  it('closes a run over IPC only when saved, or when the person chose to discard', async () => {
    const { ctx, runId } = await runWithUnsaved();
    const handlers = createRunHandlers({ sessions: ctx.manager, platform: headlessPlatform, broadcast: () => {} });
    const dispatch = createDispatcher(handlers as unknown as Handlers, validators);
    expect(await dispatch('closeRun', [runId])).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('1 entries') } });
    expect(await dispatch('closeRun', [runId, { discardUnsaved: 'yes' }])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch('closeRun', [runId, { discardUnsaved: true }])).toEqual({ ok: true, value: null });
    expect(ctx.manager.isLive(runId)).toBe(false);
  });
});
