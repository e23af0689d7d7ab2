/**
 * The renderer's side of issue 10: leaving a run with unsaved entries and
 * main's quit/close question both ask (export, retry, discard — never
 * silent); damaged runs are listed, viewable read-only and marked partial;
 * the time pressure chosen at setup travels in the create-run request.
 */
import { testRunId, testPackId } from '../ids';
import type { RunId } from '../../src/engine';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import type { RunDamage, RunSummary } from '../../src/shared/runs';
import { fakeDesktopApi } from './fake-api';
import { minimalPack } from './minimal-pack';
import { realMain, type RealMain } from './real-main';
import { simMinutes } from '../../src/engine';

const DISK_FULL = { ok: false, reason: 'The disk is full (ENOSPC)', since: '2026-11-26T10:00:00Z', unsaved: 2, retrying: true } as const;

/** A started run of the real main, as the view sees it. */
type LiveRun = { readonly api: RealMain['api']; readonly emit: RealMain['emit']; readonly runId: RunId };

async function liveRun(): Promise<LiveRun & { readonly real: RealMain }> {
  const real = await realMain();
  const run = await real.createRun('solo');
  await run.submit('facilitator', { type: 'run.start' });
  return { real, api: real.api, emit: real.emit, runId: run.runId };
}

async function runWithUnsaved(closeRun: (runId: RunId, options?: { discardUnsaved?: boolean }) => null = () => null, runs: RunSummary[] = []) {
  const main = await liveRun();
  const closes: unknown[][] = [];
  const exports: string[] = [];
  const fake = { ...main.api, closeRun: async (...args: [RunId, { discardUnsaved?: boolean }?]) => {
    closes.push(args);
    try {
      return { ok: true, value: closeRun(...args) };
    } catch (error) {
      return { ok: false, error: { code: 'failed', message: (error as Error).message } };
    }
  }, exportRun: async (runId: RunId) => (exports.push(runId), { ok: true, value: '/media/usb/run.vaimrun.json' }), listRuns: async () => ({ ok: true, value: runs }) };
  setDesktopApi(fake as never);
  window.location.hash = `#/run/${main.runId}`;
  return { main, closes, exports };
}

async function openAndFail(main: LiveRun, persistence: object = DISK_FULL) {
  render(<App />);
  await screen.findByRole('heading', { name: 'Moves' });
  act(() => main.emit('runEvent', { type: 'persistence', runId: main.runId, persistence: persistence as never }));
  await screen.findByText('This run is not being saved.');
}

describe('leaving a run with unsaved entries', () => {
  it('asks first; "Cancel" stays on the run and keeps everything', async () => {
    const { main, closes } = await runWithUnsaved();
    await openAndFail(main);
    await userEvent.click(screen.getByRole('button', { name: 'History' }));
    const dialog = await screen.findByRole('dialog', { name: 'Some entries are not saved' });
    expect(dialog).toHaveTextContent('Minimal screening incident: 2 entries are not saved — The disk is full (ENOSPC).');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Moves' })).toBeInTheDocument();
    expect(closes).toEqual([]);
  });

  it('"Discard them and leave" closes the run discarding them, then leaves', async () => {
    const { main, closes } = await runWithUnsaved();
    await openAndFail(main);
    await userEvent.click(screen.getByRole('button', { name: 'History' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Discard them and leave' }));
    await screen.findByRole('heading', { level: 1, name: 'History' });
    expect(closes).toEqual([[main.runId, { discardUnsaved: true }]]);
  });

  it('"Try saving again" leaves only once the entries are saved; otherwise it says why and asks again', async () => {
    let full = true;
    const { main, closes } = await runWithUnsaved(() => {
      if (full) throw new Error('2 entries of run run-1 are not saved (The disk is full (ENOSPC))');
      return null;
    });
    await openAndFail(main);
    await userEvent.click(screen.getByRole('button', { name: 'Library' }));
    const dialog = await screen.findByRole('dialog', { name: 'Some entries are not saved' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Try saving again' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Still not saved: 2 entries of run run-1 are not saved');
    full = false;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Try saving again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(closes).toEqual([[main.runId], [main.runId]]);
  });

  it('"Export them…" saves them elsewhere, then leaves; the run stays open', async () => {
    const { main, closes, exports } = await runWithUnsaved();
    await openAndFail(main);
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Export them…' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(exports).toEqual([main.runId]);
    expect(closes).toEqual([]);
    expect(await screen.findByText('Run saved to /media/usb/run.vaimrun.json')).toBeInTheDocument();
  });

  it('offers no retry when the run’s folder is gone, and says the app can no longer save there', async () => {
    const { main } = await runWithUnsaved();
    await openAndFail(main, { ...DISK_FULL, reason: 'The run folder or its log has disappeared (ENOENT)', retrying: false });
    const banner = (await screen.findByText('This run is not being saved.')).closest('[role="alert"]') as HTMLElement;
    expect(banner).toHaveTextContent('held in memory only; the app can no longer save to this run’s folder.');
    await userEvent.click(screen.getByRole('button', { name: 'History' }));
    const dialog = await screen.findByRole('dialog', { name: 'Some entries are not saved' });
    expect(within(dialog).queryByRole('button', { name: 'Try saving again' })).not.toBeInTheDocument();
  });

  it('moving between the screens of the same run is not leaving it', async () => {
    const { main } = await runWithUnsaved();
    await openAndFail(main);
    window.location.hash = `#/debrief/${main.runId}`;
    act(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    await screen.findByRole('heading', { name: /TRACE debrief/ });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('quitting or closing the window with unsaved entries (asked by main)', () => {
  it('shows main’s question and sends back the answer for its id; Escape is "cancel"', async () => {
    const answers: unknown[][] = [];
    const fake = fakeDesktopApi({ answerUnsavedPrompt: (...args) => (answers.push(args), null) });
    setDesktopApi(fake.api);
    render(<App />);
    const prompt = { promptId: '7d3f0f52-3a51-4a8e-9d2c-7f1e0a6b5c44', reason: 'quit' as const, runs: [{ runId: testRunId('r1'), title: 'Hiring drill', unsaved: 1, reason: 'The disk is full (ENOSPC)', retrying: true }] };
    act(() => fake.emit('unsavedPrompt', prompt));
    const dialog = await screen.findByRole('dialog', { name: 'Some entries are not saved' });
    expect(dialog).toHaveTextContent('Hiring drill: 1 entry is not saved — The disk is full (ENOSPC).');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Discard them and quit' }));
    await waitFor(() => expect(answers).toEqual([[prompt.promptId, 'discard']]));

    act(() => fake.emit('unsavedPrompt', { ...prompt, promptId: '8d3f0f52-3a51-4a8e-9d2c-7f1e0a6b5c44', reason: 'close-window', note: 'The export was cancelled; nothing was discarded.' }));
    const again = await screen.findByRole('dialog', { name: 'Some entries are not saved' });
    expect(within(again).getByRole('alert')).toHaveTextContent('The export was cancelled; nothing was discarded.');
    expect(within(again).getByRole('button', { name: 'Discard them and close' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(answers.at(-1)).toEqual(['8d3f0f52-3a51-4a8e-9d2c-7f1e0a6b5c44', 'cancel']));
  });
});

const DAMAGE: RunDamage = {
  file: 'log.jsonl',
  line: 4,
  problem: 'is not valid JSON (12 bytes, starting "xxxx")',
  entriesKept: 3,
  message: 'log.jsonl is damaged at line 4: that line is not valid JSON (12 bytes, starting "xxxx"). The 3 entries before it can be viewed and exported (read-only); the run cannot be continued, and nothing in its folder is changed.',
};

describe('damaged runs', () => {
  it('are listed as partial and read-only, viewable, exportable, never resumable', async () => {
    const main = await liveRun();
    const row: RunSummary = {
      ok: true,
      runId: main.runId,
      packId: testPackId('minimal-screening'),
      packTitle: 'Minimal screening incident',
      packVersion: '1.0.0',
      createdAt: '2026-11-20T10:00:00.000Z',
      mode: 'solo',
      participants: [],
      status: 'damaged',
      phase: 'running',
      paused: false,
      simMinutes: simMinutes(30),
      endMinutes: simMinutes(480),
      entries: 3,
      live: false,
      damage: DAMAGE,
    };
    const view = await main.api.openRun(main.runId);
    const api = { ...main.api, listRuns: async () => ({ ok: true, value: [row] }), openRun: async () => ({ ok: true, value: { ...(view.ok ? view.value : {}), status: 'damaged', damage: DAMAGE } }) };
    setDesktopApi(api as never);
    window.location.hash = '#/history';
    render(<App />);
    const table = await screen.findByRole('table', { name: 'Saved runs, newest first' });
    expect(table).toHaveTextContent('Damaged — partial, read-only');
    expect(table).toHaveTextContent('log.jsonl is damaged at line 4');
    expect(within(table).queryByRole('button', { name: /^Resume/ })).not.toBeInTheDocument();
    expect(within(table).getByRole('button', { name: /^Export/ })).toBeInTheDocument();
    await userEvent.click(within(table).getByRole('button', { name: /^View the partial run/ }));
    await screen.findByRole('heading', { name: /TRACE debrief/ });
    const notice = (await screen.findByText(/^Partial run \(read-only\)/)).closest('[role="status"]') as HTMLElement;
    expect(notice).toHaveTextContent('Partial run (read-only): only the first 3 entries of its log can be shown. log.jsonl is damaged at line 4');
  });
});

describe('time pressure at setup', () => {
  it('travels in the create-run request; no clock command is sent before the run starts', async () => {
    const pack = minimalPack();
    const real = await realMain();
    const created: unknown[] = [];
    const api = {
      ...real.api,
      createRun: async (request: Parameters<RealMain['api']['createRun']>[0]) => (created.push(request), real.api.createRun(request)),
    };
    setDesktopApi(api as never);
    window.location.hash = `#/setup/${pack.id}`;
    render(<App />);
    await userEvent.click(await screen.findByRole('radio', { name: /^Pressured \(double speed\)/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create the run and open the briefing' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ packId: pack.id, compression: pack.clock.compression * 2 });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/briefing\//));
    const view = await real.services.sessions.open(testRunId(window.location.hash.split('/').at(-1)!));
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.entries.map((e) => e.command.type)).not.toContain('clock.setCompression');
    expect(view.value.header.compression).toBe(pack.clock.compression * 2);
  });
});
