/** Setup (Prepare): how the run is created — mode, roles, time pressure, quiet-period skipping, coaching, readiness. */
import { testRunId } from '../ids';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import { realMain } from './real-main';

async function setup() {
  const main = await realMain();
  setDesktopApi(main.api);
  window.location.hash = '#/setup/minimal-screening';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Prepare a run: Minimal screening incident' });
  return main;
}

/** The one run main has, once the screen has created it. */
async function createdRun(main: Awaited<ReturnType<typeof realMain>>) {
  await waitFor(() => expect(window.location.hash).toMatch(/^#\/briefing\//));
  const runId = testRunId(window.location.hash.split('/').at(-1)!);
  const view = await main.services.sessions.open(runId);
  if (!view.ok) throw new Error(view.error.message);
  return { header: view.value.header, state: main.services.sessions.state(runId)!, log: view.value.entries };
}

describe('Setup screen', () => {
  it('creates a solo run: the learner holds every role, quiet periods are skipped, and it opens the briefing', async () => {
    const main = await setup();
    expect(screen.getByRole('radio', { name: 'Solo practice' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Skip quiet periods' })).toBeChecked();
    await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Ada');
    await userEvent.click(screen.getByRole('button', { name: 'Create the run and open the briefing' }));
    const run = await createdRun(main);
    expect(run.header).toMatchObject({ mode: 'solo', skipQuietPeriods: true, participants: ['Ada'] });
    expect(run.header.coached).toBeUndefined();
    expect(run.state.roles).toEqual({ 'incident-lead': 'Ada', 'technical-lead': 'Ada' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Briefing: Minimal screening incident' })).toBeInTheDocument();
  });

  it('records coached practice in the run header, and offers it only for solo practice', async () => {
    const main = await setup();
    const coached = screen.getByRole('checkbox', { name: 'Coached practice (for a first run)' });
    await userEvent.click(coached);
    await userEvent.click(screen.getByRole('radio', { name: 'Facilitated tabletop' }));
    expect(screen.queryByRole('checkbox', { name: 'Coached practice (for a first run)' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Solo practice' }));
    expect(screen.getByRole('checkbox', { name: 'Coached practice (for a first run)' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Create the run and open the briefing' }));
    expect((await createdRun(main)).header.coached).toBe(true);
  });

  it('creates a facilitated run with the named roles, a faster clock and skipping turned off', async () => {
    const main = await setup();
    await userEvent.click(screen.getByRole('radio', { name: 'Facilitated tabletop' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Incident Lead' }), 'Grace');
    await userEvent.click(screen.getByRole('radio', { name: /Pressured \(double speed\)/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Skip quiet periods' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create the run and open the briefing' }));
    const run = await createdRun(main);
    expect(run.header).toMatchObject({ mode: 'facilitated', participants: ['Grace'] });
    expect(run.header.skipQuietPeriods).toBeUndefined();
    expect(run.state.roles).toEqual({ 'incident-lead': 'Grace' });
    expect(run.log.every((e) => e.by === 'facilitator')).toBe(true);
    // The chosen speed applies when the clock starts (twice the pack's 60 scenario minutes a second).
    await userEvent.click(await screen.findByRole('button', { name: 'Start the clock' }));
    await waitFor(() => expect(main.services.sessions.state(run.header.runId)?.clock.compression).toBe(120));
    expect(main.services.sessions.state(run.header.runId)?.phase).toBe('running');
  });

  it('shows the expected real length at the chosen speed beside what the pack states, and updates it', async () => {
    await setup();
    const length = await screen.findByText(/Expected length at this speed/);
    expect(length.closest('p')).toHaveTextContent(/The pack says about 20 min\.$/);
    expect(length.closest('p')).toHaveTextContent('(quiet periods skipped)');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Skip quiet periods' }));
    await waitFor(() => expect(screen.getByText(/Expected length at this speed/).closest('p')).toHaveTextContent('(quiet periods not skipped)'));
  });

  it('sends the readiness answers the person ticked, and nothing for those left alone', async () => {
    const main = await setup();
    const list = screen.getByRole('group', { name: 'Readiness checklist (optional)' });
    await userEvent.click(within(list).getAllByRole('checkbox')[0]!);
    await userEvent.click(screen.getByRole('button', { name: 'Create the run and open the briefing' }));
    const run = await createdRun(main);
    expect(Object.values(run.state.readiness)).toEqual([true]);
  });

  it('says so when the pack cannot be loaded', async () => {
    const main = await realMain();
    setDesktopApi(main.api);
    window.location.hash = '#/setup/no-such-pack';
    render(<App />);
    expect(await screen.findByText(/The pack could not be loaded: .*no-such-pack/)).toHaveAttribute('role', 'alert');
  });
});
