/** The run screen over the real main-side services: what the learner sees and what their actions record. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import { useStore } from '../../src/renderer/store/store';
import { FLAGSHIP } from './real-main';
import { startedRun } from './run-helpers';
import { testDecisionId, testMoveId, testVariableId } from '../ids';

const clock = () => screen.getByLabelText(/^Scenario time/);

describe('Run screen (solo practice)', () => {
  it('starts the clock at the start the briefing states, in the pack’s own time zone', async () => {
    const run = await startedRun('solo', { packs: [FLAGSHIP], packId: 'biased-hiring', roles: false });
    window.location.hash = `#/briefing/${run.runId}`;
    render(<App />);
    expect(await screen.findByText('Scenario starts Mon 6 Mar 2028 08:30 (UTC+01:00).')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Go to the run' }));
    expect(await screen.findByLabelText('Scenario time Mon 6 Mar 2028 08:30 (UTC+01:00)')).toHaveTextContent('Day 1 08:30');
  });

  it('shows the clock, and the harm counter only once the first signal has arrived', async () => {
    const run = await startedRun();
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: /Minimal screening incident/ })).toBeInTheDocument();
    expect(clock()).toHaveTextContent('Day 1 08:30');
    const harm = screen.getByRole('group', { name: 'Applicants wrongly rejected' });
    expect(harm).toHaveTextContent('Harm: nothing known yet');
    await act(() => run.advance(45));
    await waitFor(() => expect(clock()).toHaveTextContent('Day 1 09:15'));
    // 12 per hour while the model is live: 9 after 45 minutes; the alert at 30 minutes made it known.
    expect(within(harm).getByText('9')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Messages, oldest first' })).getByRole('button', { name: 'Selection-rate gap above threshold' })).toBeInTheDocument();
  });

  it('lists what needs the team now, with the countdown in scenario and real time', async () => {
    const run = await startedRun();
    render(<App />);
    await act(() => run.advance(31));
    const needs = await screen.findByRole('region', { name: /Needs you now/ });
    // 29 minutes left at 60 scenario minutes a second: under a real second.
    await waitFor(() => expect(needs).toHaveTextContent('Asked for a V-SEV severity: How severe is this incident (V-SEV)?'));
    expect(needs).toHaveTextContent('29m left · 1 s');
  });

  it('keeps an expired prompt in place, marked, until the learner next acts, so nothing moves under them', async () => {
    const run = await startedRun();
    render(<App />);
    await act(() => run.advance(31));
    const needs = await screen.findByRole('region', { name: /Needs you now/ });
    await waitFor(() => expect(needs).toHaveTextContent('Asked for a V-SEV severity'));
    await act(() => run.advance(61)); // the 30-minute countdown ran out at 60
    await waitFor(() => expect(needs).toHaveTextContent('No decision in time: it expired'));
    expect(within(needs).getByRole('heading')).toHaveTextContent(/^Needs you now$/);
    await userEvent.keyboard('{Shift}');
    await waitFor(() => expect(needs).not.toHaveTextContent('Asked for a V-SEV severity'));
  });

  it('classifies in one place: the Classify panel answers the open severity prompt, once, and focus moves on', async () => {
    const run = await startedRun();
    render(<App />);
    await act(() => run.advance(31));
    await userEvent.click(await screen.findByRole('button', { name: 'Answer in the Classify panel' }));
    const panel = await screen.findByRole('region', { name: 'Classify' });
    expect(panel).toHaveTextContent('The scenario asks for a severity now');
    await waitFor(() => expect(within(panel).getByRole('radio', { name: /V1 Irregularity/ })).toHaveFocus());
    await userEvent.click(within(panel).getByRole('radio', { name: /V3 Significant/ }));
    await userEvent.click(within(panel).getByRole('button', { name: 'Classify severity' }));
    await waitFor(() => expect(run.state().decisions[testDecisionId('classify-severity')]).toMatchObject({ status: 'answered', options: ['v3'] }));
    expect(run.state().severity).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('region', { name: /Needs you now/ })).not.toHaveTextContent('Asked for a V-SEV severity'));
    // Nothing else is open: the next thing to do is a move.
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Contain' })).toHaveFocus());
  });

  it('keeps "Needs" on move cards in step with the state', async () => {
    const run = await startedRun();
    render(<App />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Recover' }));
    const restart = () => screen.getByRole('button', { name: /Put the corrected model back into service/ }).closest('li')!;
    expect(restart()).toHaveTextContent('Needs: The model has not been suspended, so there is nothing to restart.');
    await act(() => run.submit('technical-lead', { type: 'move.make', move: testMoveId('suspend-model') }));
    await waitFor(() => expect(restart()).toHaveTextContent('Available now · takes effect at once'));
    await userEvent.click(screen.getByRole('tab', { name: /Contain/ }));
    expect(screen.getByRole('button', { name: 'Done: Suspend automatic rejections' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Done: Suspend automatic rejections' }).closest('li')).toHaveTextContent('Done: in effect since Day 1 08:30 (made by Technical Containment Lead)');
  });

  it('shows a move as in progress until it takes effect, and done only then', async () => {
    const run = await startedRun('solo', { packs: [FLAGSHIP], packId: 'biased-hiring', roles: false });
    await run.advance(200); // the candidate's complaint (about 11:15) makes Nordhaven aware
    expect(run.state().vars[testVariableId('aware')]).toBe(true);
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Make move: Suspend TalentLens automatic screening (kill switch)' }));
    const card = () => screen.getByText('Suspend TalentLens automatic screening (kill switch)').closest('li')!;
    await waitFor(() => expect(card()).toHaveTextContent('In progress: made Day 1 11:50 by Technical Containment Lead, takes effect Day 1 12:00'));
    expect(within(card()).getByRole('button', { name: 'In progress: Suspend TalentLens automatic screening (kill switch)' })).toBeDisabled();
    await act(() => run.advance(210));
    await waitFor(() => expect(card()).toHaveTextContent('Done: in effect since Day 1 12:00'));
  });

  it('makes each move in a solo run in the name of the role that owns it, without asking', async () => {
    const run = await startedRun();
    render(<App />);
    expect(await screen.findByText('You hold all 2 roles: each move is made in the name of the role that owns it.')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Acting as' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Make move: Suspend automatic rejections' }));
    await waitFor(() => expect(run.state().moves[0]).toMatchObject({ moveId: 'suspend-model', by: 'technical-lead', outsideAuthority: false }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks the facilitator before recording a move outside the recorded role’s authority, then records it flagged', async () => {
    const run = await startedRun('facilitated');
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Make move: Suspend automatic rejections' }));
    const dialog = await screen.findByRole('dialog', { name: "Outside this role's authority" });
    expect(dialog).toHaveTextContent('owned by the Technical Containment Lead');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record it anyway' }));
    await waitFor(() => expect(run.state().moves[0]).toMatchObject({ moveId: 'suspend-model', by: 'incident-lead', outsideAuthority: true }));
    expect(await screen.findByText(/outside authority/)).toBeInTheDocument();
  });

  it('shows why a move was refused', async () => {
    await startedRun();
    render(<App />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Recover' }));
    await userEvent.click(screen.getByRole('button', { name: 'Make move: Put the corrected model back into service' }));
    const messages = await screen.findAllByText(/The model has not been suspended, so there is nothing to restart\./);
    expect(messages.some((m) => m.closest('[role="alert"]'))).toBe(true);
  });

  it('answers an open decision prompt and moves focus to the next thing to do', async () => {
    const run = await startedRun();
    render(<App />);
    await act(() => run.advance(31));
    // The severity prompt is answered in Classify; a single-choice prompt would show its form here. Answer through Classify's R3AI row too.
    await userEvent.click(await screen.findByRole('tab', { name: 'Classify' }));
    await userEvent.click(screen.getByRole('button', { name: 'Responsibility' }));
    await waitFor(() => expect(run.state().r3ai.at(-1)).toMatchObject({ category: 'responsibility' }));
    // The severity question is still open: focus goes there.
    await waitFor(() => expect(screen.getByRole('radio', { name: /V1 Irregularity/ })).toHaveFocus());
  });

  it('groups moves in stage tabs that work with the arrow keys', async () => {
    await startedRun();
    render(<App />);
    const contain = await screen.findByRole('tab', { name: 'Contain' });
    expect(contain).toHaveAttribute('aria-selected', 'true');
    contain.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Govern' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Govern' })).toHaveFocus();
    expect(screen.getByRole('button', { name: /Inform the provider/ })).toBeInTheDocument();
  });

  it('pauses the clock when the user leaves the run screen', async () => {
    const run = await startedRun();
    render(<App />);
    await screen.findByRole('button', { name: 'Pause' });
    await userEvent.click(screen.getByRole('button', { name: 'History' }));
    await waitFor(() => expect(run.state().clock.paused).toBe(true));
    expect(await screen.findByText('The clock was paused while you are away from the run.')).toBeInTheDocument();
  });

  it('ends the run and goes to the debrief', async () => {
    const run = await startedRun();
    render(<App />);
    await screen.findByRole('button', { name: 'Pause' });
    await userEvent.keyboard('e');
    const dialog = await screen.findByRole('dialog', { name: 'End the run now?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'End and go to the debrief' }));
    await waitFor(() => expect(run.state().phase).toBe('ended'));
    await waitFor(() => expect(window.location.hash).toBe(`#/debrief/${run.runId}`));
  });

  it('has no facilitator console in solo practice', async () => {
    await startedRun('solo');
    render(<App />);
    await screen.findByRole('tab', { name: 'Moves' });
    expect(screen.queryByRole('region', { name: 'Events' })).not.toBeInTheDocument();
    expect(screen.queryByText('Answer key')).not.toBeInTheDocument();
  });
});

describe('One way in for entries', () => {
  it('applies each entry once, from the broadcast, in the order main accepted them, and derives the status', async () => {
    const run = await startedRun();
    render(<App />);
    await screen.findByRole('button', { name: 'Pause' });
    await userEvent.keyboard('p');
    await waitFor(() => expect(run.state().clock.paused).toBe(true));
    await userEvent.keyboard('j');
    await waitFor(() => expect(useStore.getState().run?.state.clock.now).toBe(run.state().clock.now));
    const view = useStore.getState().run!;
    const log = await run.log();
    expect(view.entries.map((e) => e.seq)).toEqual(log.map((e) => e.seq));
    expect(view.state).toStrictEqual(run.state());
    expect(screen.getByText('Paused')).toBeInTheDocument();
  });
});

describe('One way in, when the broadcast is slower than the reply', () => {
  it('never holds an entry the broadcast has not delivered, and the submitter waits for it', async () => {
    const run = await startedRun();
    // What the view loads when it opens the run counts as delivered; every later entry must come by broadcast.
    let delivered = (await run.log()).length;
    const api = run.main.api;
    // Events reach this view 30 ms late (as over a busy IPC channel); the reply comes first.
    setDesktopApi({
      ...api,
      on: (event, listener) =>
        api.on(event, (payload) =>
          setTimeout(() => {
            if (event === 'runEvent' && (payload as { type: string }).type === 'entries') delivered = Math.max(delivered, ...(payload as unknown as { entries: { seq: number }[] }).entries.map((e) => e.seq));
            (listener as (p: unknown) => void)(payload);
          }, 30),
        ),
    });
    const violations: number[] = [];
    const stop = useStore.subscribe((s) => {
      if (s.run && s.run.entries.length > delivered) violations.push(s.run.entries.length);
    });
    render(<App />);
    await screen.findByRole('button', { name: 'Pause' });
    const accepted = await act(() => useStore.getState().submit({ type: 'note.add', text: 'One way in' }, 'facilitator'));
    expect(accepted).toBe(true);
    // When submit resolves, the entry has arrived through the broadcast.
    expect(useStore.getState().run?.state.notes.at(-1)?.text).toBe('One way in');
    expect(delivered).toBe(useStore.getState().run?.entries.length);
    stop();
    expect(violations).toEqual([]);
  });
});

describe('Run screen when the disk refuses writes', () => {
  it('says the run is not being saved and offers to export it elsewhere', async () => {
    const run = await startedRun();
    const exported: string[] = [];
    setDesktopApi({ ...run.main.api, exportRun: async (runId: string) => (exported.push(runId), { ok: true, value: '/media/usb/run.vaimrun.json' }) } as never);
    render(<App />);
    await screen.findByRole('tab', { name: 'Moves' });
    act(() => run.main.emit('runEvent', { type: 'persistence', runId: run.runId, persistence: { ok: false, reason: 'The disk is full (ENOSPC)', since: '2026-11-26T10:00:00Z', unsaved: 3, retrying: true } }));
    const banner = (await screen.findByText('This run is not being saved.')).closest('[role="alert"]') as HTMLElement;
    expect(banner).toHaveTextContent('The disk is full (ENOSPC). 3 entries are held in memory only');
    await userEvent.click(within(banner).getByRole('button', { name: 'Export the run…' }));
    await waitFor(() => expect(exported).toEqual([run.runId]));
    expect(await screen.findByText('Run saved to /media/usb/run.vaimrun.json')).toBeInTheDocument();
  });
});
