/** The run screen over a real engine session: what the team sees and what its actions record. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import { fakeMain } from './fake-main';

function startedRun(mode: 'solo' | 'facilitated' = 'solo') {
  const main = fakeMain({ mode });
  main.submit({ by: 'system', command: { type: 'role.assign', role: 'incident-lead', participant: 'Ada' } });
  main.submit({ by: 'system', command: { type: 'run.start' } });
  setDesktopApi(main.api);
  window.location.hash = `#/run/${main.runId}`;
  return main;
}

describe('Run screen', () => {
  it('shows the scenario clock, the harm counter and the feed as time passes', async () => {
    const main = startedRun();
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: /Minimal screening incident/ })).toBeInTheDocument();
    expect(screen.getByLabelText(/Scenario time/)).toHaveTextContent('Day 1 · 08:30');
    act(() => void main.submit({ by: 'system', command: { type: 'clock.advance', to: 45 } }));
    await waitFor(() => expect(screen.getByLabelText(/Scenario time/)).toHaveTextContent('Day 1 · 09:15'));
    // 12 per hour while the model is live: 9 after 45 minutes.
    expect(within(screen.getByRole('group', { name: 'Applicants wrongly rejected' })).getByText('9')).toBeInTheDocument();
    const feed = screen.getByRole('list', { name: 'Messages, newest first' });
    expect(within(feed).getByRole('button', { name: 'Selection-rate gap above threshold' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Decisions needed \(1\)/ })).toBeInTheDocument();
  });

  it('classifies severity as the acting role and shows it in the header', async () => {
    const main = startedRun();
    render(<App />);
    await userEvent.click(await screen.findByRole('radio', { name: /V3 Significant/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Classify severity' }));
    await waitFor(() => expect(screen.getByLabelText('Current severity: V3 Significant')).toBeInTheDocument());
    expect(main.log.at(-1)).toMatchObject({ by: 'incident-lead', command: { type: 'severity.classify', level: 3 } });
  });

  it('asks before recording a move outside the acting role’s authority, then records it flagged', async () => {
    const main = startedRun();
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Make move: Suspend automatic rejections' }));
    const dialog = await screen.findByRole('dialog', { name: "Outside this role's authority" });
    expect(dialog).toHaveTextContent('owned by the Technical Containment Lead');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record it anyway' }));
    await waitFor(() => expect(main.state().moves[0]).toMatchObject({ moveId: 'suspend-model', by: 'incident-lead', outsideAuthority: true }));
    expect(await screen.findByText(/outside authority/)).toBeInTheDocument();
  });

  it('makes a move without asking when the acting role owns it', async () => {
    const main = startedRun();
    render(<App />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Acting as' }), 'technical-lead');
    await userEvent.click(screen.getByRole('button', { name: 'Make move: Suspend automatic rejections' }));
    await waitFor(() => expect(main.state().moves[0]).toMatchObject({ moveId: 'suspend-model', by: 'technical-lead', outsideAuthority: false }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows why a move was refused', async () => {
    startedRun();
    render(<App />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Acting as' }), 'technical-lead');
    await userEvent.click(screen.getByRole('tab', { name: 'Recover' }));
    await userEvent.click(screen.getByRole('button', { name: 'Make move: Put the corrected model back into service' }));
    const messages = await screen.findAllByText(/The model has not been suspended, so there is nothing to restart\./);
    expect(messages.some((m) => m.closest('[role="alert"]'))).toBe(true);
  });

  it('answers an open decision prompt', async () => {
    const main = startedRun();
    main.submit({ by: 'system', command: { type: 'clock.advance', to: 31 } });
    render(<App />);
    const form = (await screen.findByText('How severe is this incident (V-SEV)?')).closest('form')!;
    await userEvent.click(within(form).getByRole('radio', { name: /V4 Critical/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Decide' }));
    await waitFor(() => expect(main.state().decisions['classify-severity']).toMatchObject({ status: 'answered', options: ['v4'] }));
    expect(screen.queryByRole('heading', { name: /Decisions needed/ })).not.toBeInTheDocument();
  });

  it('groups moves in stage tabs that work with the arrow keys', async () => {
    startedRun();
    render(<App />);
    const contain = await screen.findByRole('tab', { name: 'Contain' });
    expect(contain).toHaveAttribute('aria-selected', 'true');
    expect(within(screen.getByRole('tabpanel')).getByRole('button', { name: 'Make move: Suspend automatic rejections' })).toBeInTheDocument();
    contain.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Govern' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Govern' })).toHaveFocus();
    expect(within(screen.getByRole('tabpanel')).getByRole('button', { name: /Inform the provider/ })).toBeInTheDocument();
  });

  it('pauses the clock when the user leaves the run screen', async () => {
    const main = startedRun();
    render(<App />);
    await screen.findByRole('button', { name: 'Pause' });
    await userEvent.click(screen.getByRole('button', { name: 'History' }));
    await waitFor(() => expect(main.state().clock.paused).toBe(true));
    expect(await screen.findByText('The clock was paused while you are away from the run.')).toBeInTheDocument();
  });

  it('pauses with the P shortcut', async () => {
    const main = startedRun();
    render(<App />);
    await screen.findByRole('button', { name: 'Pause' });
    await userEvent.keyboard('p');
    await waitFor(() => expect(main.state().clock.paused).toBe(true));
    expect(await screen.findByRole('button', { name: 'Resume' })).toBeInTheDocument();
  });

  it('gives the facilitator a console with the answer key and private notes, only in facilitated runs', async () => {
    const main = startedRun('facilitated');
    render(<App />);
    const console = await screen.findByRole('region', { name: 'Facilitator console' });
    expect(within(console).getByText('Answer key')).toBeInTheDocument();
    await userEvent.type(within(console).getByRole('textbox', { name: 'Note' }), 'Team hesitated on severity');
    await userEvent.click(within(console).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(main.state().notes.at(-1)).toMatchObject({ by: 'facilitator', text: 'Team hesitated on severity' }));
  });

  it('has no facilitator console in solo practice', async () => {
    startedRun('solo');
    render(<App />);
    await screen.findByRole('heading', { name: 'Moves' });
    expect(screen.queryByRole('region', { name: 'Facilitator console' })).not.toBeInTheDocument();
  });
});

describe('Run screen when the disk refuses writes', () => {
  it('says the run is not being saved and offers to export it elsewhere', async () => {
    const main = startedRun();
    const exported: string[] = [];
    setDesktopApi({ ...main.api, exportRun: async (runId: string) => (exported.push(runId), { ok: true, value: '/media/usb/run.vaimrun.json' }) } as never);
    render(<App />);
    await screen.findByRole('heading', { name: 'Moves' });
    act(() => main.emit('runEvent', { type: 'persistence', runId: main.runId, persistence: { ok: false, reason: 'The disk is full (ENOSPC)', since: '2026-11-26T10:00:00Z', unsaved: 3, retrying: true } }));
    const banner = (await screen.findByText('This run is not being saved.')).closest('[role="alert"]') as HTMLElement;
    expect(banner).toHaveTextContent('The disk is full (ENOSPC). 3 entries are held in memory only');
    await userEvent.click(within(banner).getByRole('button', { name: 'Export the run…' }));
    await waitFor(() => expect(exported).toEqual([main.runId]));
    expect(await screen.findByText('Run saved to /media/usb/run.vaimrun.json')).toBeInTheDocument();
  });
});
