/** History compares attempts at the same pack side by side: per stage, per line, and the timeline of each. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import type { Actor, Command } from '../../src/engine';
import { realMain } from './real-main';
import { testMoveId } from '../ids';
import { simMinutes } from '../../src/engine';

async function endedAttempt(main: Awaited<ReturnType<typeof realMain>>, steps: ReadonlyArray<[Actor, Command]>) {
  const run = await main.createRun('solo');
  await run.submit('facilitator', { type: 'role.assign', role: 'incident-lead', participant: 'Ada' });
  await run.submit('facilitator', { type: 'role.assign', role: 'technical-lead', participant: 'Ada' });
  await run.submit('facilitator', { type: 'run.start' });
  for (const [by, command] of steps) await run.submit(by, command);
  await run.submit('facilitator', { type: 'run.end' });
  await main.services.sessions.close(run.runId);
  return run;
}

describe('Comparing attempts', () => {
  it('shows two attempts side by side with what was gained, lost or unchanged, per stage and per line, and each timeline', async () => {
    const main = await realMain();
    // A first attempt that does nothing, then one that suspends the model and preserves the evidence in time.
    await endedAttempt(main, [['facilitator', { type: 'clock.advance', to: simMinutes(60) }]]);
    await endedAttempt(main, [
      ['facilitator', { type: 'clock.advance', to: simMinutes(30) }],
      ['technical-lead', { type: 'move.make', move: testMoveId('preserve-evidence') }],
      ['technical-lead', { type: 'move.make', move: testMoveId('suspend-model') }],
      ['facilitator', { type: 'clock.advance', to: simMinutes(60) }],
    ]);
    setDesktopApi(main.api);
    window.location.hash = '#/history';
    render(<App />);
    const progress = await screen.findByRole('region', { name: 'Progress over attempts' });
    expect(within(progress).getByRole('checkbox', { name: /Attempt 1/ })).toBeChecked();
    expect(within(progress).getByRole('checkbox', { name: /Attempt 2/ })).toBeChecked();
    await userEvent.click(within(progress).getByRole('button', { name: 'Compare 2 attempts' }));
    const stages = await within(progress).findByRole('table', { name: 'Score by stage, each attempt against the one before' });
    expect(within(stages).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Stage', 'Attempt 1', 'Attempt 2']);
    const contain = within(stages).getByRole('row', { name: /Contain/ });
    expect(contain).toHaveTextContent('gained');
    await userEvent.click(within(progress).getByText(/^Contain: every line/));
    const lines = within(progress).getByRole('table', { name: 'Contain lines by attempt' });
    const suspend = within(lines).getByRole('row', { name: /Suspend automatic rejections/ });
    expect(suspend).toHaveTextContent('gained');
    const timeline = within(progress).getByRole('table', { name: 'Timeline of each attempt (scenario time) beside the reference' });
    const row = within(timeline).getByRole('row', { name: /Suspend automatic rejections/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['—', 'Day 1 09:00', 'Day 1 09:10']);
    // Runs opened to compare are closed again.
    await waitFor(() => expect(main.calls.filter(([channel]) => channel === 'closeRun')).toHaveLength(2));
  }, 20_000);
});
