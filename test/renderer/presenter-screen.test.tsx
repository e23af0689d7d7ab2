/** The presenter (projector) view: the room's injects, markers for role-only ones, the open question with a real-time countdown, the summary at the end, never the answer key. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { startedRun } from './run-helpers';

async function presenter() {
  const run = await startedRun('facilitated');
  window.location.hash = `#/presenter/${run.runId}`;
  render(<App />);
  return run;
}

describe('Presenter window', () => {
  it('shows every inject addressed to the room and a marker where one went to a role only', async () => {
    const run = await presenter();
    // The alert at 30m, the complaint at about 2h, then the reporter (Incident Lead only) an hour later.
    await act(() => run.advance(4 * 60));
    const feed = await screen.findByRole('list', { name: 'Messages, oldest first' });
    await waitFor(() => expect(within(feed).getAllByRole('listitem')).toHaveLength(3));
    expect(within(feed).getByRole('button', { name: 'Selection-rate gap above threshold' })).toBeInTheDocument();
    expect(within(feed).getByRole('button', { name: 'I was rejected in four minutes' })).toBeInTheDocument();
    expect(feed).toHaveTextContent('A message arrived for the Incident Lead only; it is on their own screen.');
    expect(feed).not.toHaveTextContent('Reporter asks about age bias');
  });

  it('shows the open question with its countdown in real seconds', async () => {
    const run = await presenter();
    await act(() => run.submit('facilitator', { type: 'clock.setCompression', compression: 1 }));
    await act(() => run.advance(31));
    const question = await screen.findByRole('region', { name: 'The question now' });
    await waitFor(() => expect(question).toHaveTextContent('How severe is this incident (V-SEV)?'));
    // 29 scenario minutes at one minute a second.
    expect(question).toHaveTextContent('29 s left (29m of scenario time)');
  });

  it('never shows the answer key, notes or controls, and offers the debrief summary at the end', async () => {
    const run = await presenter();
    await act(() => run.submit('facilitator', { type: 'note.add', text: 'Private remark' }));
    await screen.findByRole('region', { name: 'The question now' });
    expect(document.body).not.toHaveTextContent('Answer key');
    expect(document.body).not.toHaveTextContent('Private remark');
    expect(screen.queryByRole('button', { name: 'Pause' })).not.toBeInTheDocument();
    await act(() => run.submit('facilitator', { type: 'run.end' }));
    const summary = await screen.findByRole('region', { name: /^Debrief: / });
    expect(within(summary).getByRole('table', { name: 'Score by V-AIM stage' })).toBeInTheDocument();
    expect(summary).toHaveTextContent('The full TRACE debrief is on the facilitator\u2019s screen.');
  });

  it('shows the harm counter only once the first signal is known', async () => {
    const run = await presenter();
    const harm = await screen.findByRole('group', { name: 'Applicants wrongly rejected' });
    expect(harm).toHaveTextContent('Harm: nothing known yet');
    await act(() => run.advance(30));
    await waitFor(() => expect(harm).toHaveTextContent('6'));
  });
});
