/** History: runs listed with status and score; delete only after confirming; damaged runs shown, not hidden. */
import type { RunId } from '../../src/engine';
import { testRunId, testPackId } from '../ids';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import type { RunSummary } from '../../src/shared/runs';
import { fakeDesktopApi } from './fake-api';
import { simMinutes } from '../../src/engine';

const run = (runId: RunId, status: 'ended' | 'interrupted', createdAt: string): RunSummary => ({
  ok: true,
  runId,
  packId: testPackId('biased-hiring'),
  packTitle: 'Biased hiring algorithm',
  packVersion: '1.0.0',
  createdAt,
  mode: 'solo',
  participants: ['Ada'],
  status,
  phase: status === 'ended' ? 'ended' : 'running',
  paused: false,
  simMinutes: simMinutes(600),
  endMinutes: simMinutes(28800),
  entries: 40,
  live: false,
  ...(status === 'ended' ? { score: { total: 72.5, max: 100 } } : {}),
});

describe('History screen', () => {
  it('lists runs with status and score, and damaged runs with the reason', async () => {
    const runs: RunSummary[] = [
      run(testRunId('a'), 'ended', '2026-11-20T10:00:00.000Z'),
      run(testRunId('b'), 'interrupted', '2026-11-21T10:00:00.000Z'),
      { ok: false, runId: testRunId('c'), status: 'corrupt', reason: 'header.json: not valid JSON (line 1)' },
    ];
    setDesktopApi(fakeDesktopApi({ listRuns: () => runs }).api);
    window.location.hash = '#/history';
    render(<App />);
    const table = await screen.findByRole('table', { name: 'Saved runs, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(table).toHaveTextContent('72.5 / 100');
    expect(table).toHaveTextContent('Interrupted — can be resumed');
    expect(table).toHaveTextContent('header.json: not valid JSON (line 1)');
    expect(within(table).getAllByRole('button', { name: /^Resume/ })).toHaveLength(1);
  });

  it('shows progress over attempts at the same pack, oldest first, with the change from the first', async () => {
    const scored = (runId: RunId, createdAt: string, total: number): RunSummary => ({ ...run(runId, 'ended', createdAt), score: { total, max: 100 } }) as RunSummary;
    const runs = [scored(testRunId('x3'), '2026-11-22T10:00:00.000Z', 81), scored(testRunId('x1'), '2026-11-20T10:00:00.000Z', 42.5), scored(testRunId('x2'), '2026-11-21T10:00:00.000Z', 66)];
    setDesktopApi(fakeDesktopApi({ listRuns: () => runs }).api);
    window.location.hash = '#/history';
    render(<App />);
    const progress = await screen.findByRole('region', { name: 'Progress over attempts' });
    expect(progress).toHaveTextContent('Biased hiring algorithm: 3 attempts, +38.5 points from the first to the latest');
    expect(within(progress).getByRole('img')).toHaveAccessibleName('Scores of Biased hiring algorithm, oldest first: 42.5, 66.0, 81.0');
  });

  it('shows no progress section before a pack has two ended attempts', async () => {
    setDesktopApi(fakeDesktopApi({ listRuns: () => [run(testRunId('a'), 'ended', '2026-11-20T10:00:00.000Z'), run(testRunId('b'), 'interrupted', '2026-11-21T10:00:00.000Z')] }).api);
    window.location.hash = '#/history';
    render(<App />);
    await screen.findByRole('table', { name: 'Saved runs, newest first' });
    expect(screen.queryByRole('region', { name: 'Progress over attempts' })).not.toBeInTheDocument();
  });

  it('deletes a run only after the user confirms', async () => {
    let runs: RunSummary[] = [run(testRunId('a'), 'ended', '2026-11-20T10:00:00.000Z')];
    const deleted: string[] = [];
    setDesktopApi(
      fakeDesktopApi({
        listRuns: () => runs,
        deleteRun: (id) => {
          deleted.push(id);
          runs = [];
          return null;
        },
      }).api,
    );
    window.location.hash = '#/history';
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: /^Delete Biased hiring algorithm/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this run?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(deleted).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: /^Delete Biased hiring algorithm/ }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete permanently' }));
    await waitFor(() => expect(deleted).toEqual(['a']));
    expect(await screen.findByText('No runs yet. Prepare one from the library.')).toBeInTheDocument();
  });
});
