/** The facilitator's console: events list with release and hold, the answer key as a live checklist, acts by role, notes, the guide. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { FLAGSHIP } from './real-main';
import { startedRun } from './run-helpers';
import { testInjectId, testMoveId } from '../ids';

describe('Facilitator console', () => {
  it('lists the events: what arrived, what is due and when, what a condition triggers, with a marker for role-only injects', async () => {
    const run = await startedRun('facilitated');
    render(<App />);
    const events = await screen.findByRole('region', { name: /^Events/ });
    expect(events).toHaveTextContent('0 of 3 arrived');
    const alert = within(events).getByText('Selection-rate gap above threshold').closest('li')!;
    expect(alert).toHaveTextContent('Due Day 1 09:00');
    const press = within(events).getByText('Reporter asks about age bias').closest('li')!;
    expect(press).toHaveTextContent('When triggered');
    expect(press).toHaveTextContent('Only Incident Lead');
    expect(press).toHaveTextContent('when all of: ("I was rejected in four minutes" has arrived); ("Model in service" is true), then 1h later');
    await userEvent.click(within(alert).getByRole('button', { name: 'Release now: Selection-rate gap above threshold' }));
    await waitFor(() => expect(run.state().fired[testInjectId('fairness-alert')]).toBe(0));
    await waitFor(() => expect(within(events).getByText('Selection-rate gap above threshold').closest('li')).toHaveTextContent('released early'));
    expect(events).toHaveTextContent('1 of 3 arrived');
  });

  it('holds an inject: "Next event" will not jump onto it until the hold is lifted', async () => {
    await startedRun('facilitated');
    render(<App />);
    const events = await screen.findByRole('region', { name: /^Events/ });
    const next = screen.getByRole('button', { name: 'Next event' });
    expect(next).toBeEnabled();
    const hold = within(events).getByRole('button', { name: 'Hold: Selection-rate gap above threshold' });
    await userEvent.click(hold);
    expect(within(events).getByRole('button', { name: 'Lift the hold on: Selection-rate gap above threshold' })).toHaveAttribute('aria-pressed', 'true');
    expect(next).toBeDisabled();
    await userEvent.click(within(events).getByRole('button', { name: 'Lift the hold on: Selection-rate gap above threshold' }));
    expect(next).toBeEnabled();
  });

  it('shows the answer key as a live checklist: pending with time left, then ticked from the run’s facts', async () => {
    const run = await startedRun('facilitated');
    render(<App />);
    const key = await screen.findByRole('tabpanel', { name: 'Answer key' });
    const item = (label: string) => within(key).getAllByRole('listitem').find((li) => li.querySelector('.key-label')?.textContent?.includes(label))!;
    const suspend = () => item('Suspend automatic rejections');
    expect(suspend()).toHaveTextContent('Pending: Suspend automatic rejections · 2h left');
    expect(suspend()).toHaveTextContent('Due by Day 1 10:30');
    expect(item('Snapshot the model, logs and input data')).toHaveTextContent('Not yet');
    await act(() => run.submit('technical-lead', { type: 'move.make', move: testMoveId('suspend-model') }));
    await waitFor(() => expect(suspend()).toHaveTextContent('Done: Suspend automatic rejections'));
    expect(suspend()).toHaveTextContent('Made Day 1 08:30 by the Technical Containment Lead');
    await act(() => run.submit('facilitator', { type: 'inject.release', inject: testInjectId('fairness-alert') }));
    await waitFor(() => expect(item('Snapshot the model, logs and input data')).toHaveTextContent('Pending: Snapshot the model, logs and input data · 1h left'));
    await act(() => run.advance(run.state().clock.now + 61));
    await waitFor(() => expect(item('Snapshot the model, logs and input data')).toHaveTextContent('Missed'));
  });

  it('shows the team’s acts by role as they happen', async () => {
    const run = await startedRun('facilitated');
    render(<App />);
    await act(() => run.submit('incident-lead', { type: 'severity.classify', level: 3 }));
    await userEvent.click(await screen.findByRole('tab', { name: 'Acts by role' }));
    const lead = await screen.findByRole('region', { name: /^Incident Lead — Ada/ });
    await waitFor(() => expect(lead).toHaveTextContent('Day 1 08:30 classified severity V3 Significant'));
    expect(screen.getByRole('region', { name: /^Technical Containment Lead — Linus/ })).toHaveTextContent('Nothing yet');
  });

  it('takes a note with the N shortcut, stamped with the scenario time', async () => {
    const run = await startedRun('facilitated');
    render(<App />);
    await act(() => run.advance(75));
    await screen.findByRole('button', { name: 'Pause' });
    await userEvent.keyboard('n');
    const note = screen.getByRole('textbox', { name: 'Note' });
    await waitFor(() => expect(note).toHaveFocus());
    await userEvent.keyboard('Grace hesitated to suspend{Enter}');
    await waitFor(() => expect(run.state().notes.at(-1)).toMatchObject({ by: 'facilitator', text: 'Grace hesitated to suspend', at: 75 }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Notes, oldest first' })).toHaveTextContent('Day 1 09:45 Grace hesitated to suspend'));
  });

  it('shows the pack’s facilitator guide and the expected length at this speed', async () => {
    await startedRun('facilitated', { packs: [FLAGSHIP], packId: 'biased-hiring', roles: false, extra: { skipQuietPeriods: true } });
    render(<App />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Guide' }));
    const guide = screen.getByRole('tabpanel', { name: 'Guide' });
    expect(guide).toHaveTextContent('Where teams go wrong.');
    expect(guide).toHaveTextContent('Questions for the debrief');
    await waitFor(() => expect(guide).toHaveTextContent(/Expected length at this speed: about \d+ min\. The clock runs about \d+ min \(quiet periods skipped\)/), { timeout: 15_000 });
  }, 20_000);
});
