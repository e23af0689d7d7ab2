/** The debrief leads with the lesson and teaches: biggest losses with the reference's act and why, decisions beside the reference, no internal ids. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import { FLAGSHIP, realMain } from './real-main';
import { testDecisionId, testMoveId, testOptionId, testReadinessId } from '../ids';

/** A mediocre flagship run: the alert is classified late and too low, the model suspended hours late, the threshold patched. */
async function mediocreRun() {
  const main = await realMain({ packs: [FLAGSHIP] });
  const run = await main.createRun('solo', 'biased-hiring');
  await run.submit('facilitator', { type: 'readiness.set', item: testReadinessId('monitoring'), value: true });
  await run.submit('facilitator', { type: 'run.start' });
  await run.advance(40);
  await run.submit('incident-lead', { type: 'decision.answer', decision: testDecisionId('initial-severity'), options: [testOptionId('v2')] });
  await run.advance(300);
  await run.submit('technical-lead', { type: 'move.make', move: testMoveId('suspend-model') });
  await run.submit('technical-lead', { type: 'move.make', move: testMoveId('patch-threshold-quietly') });
  await run.advance(600);
  await run.submit('facilitator', { type: 'run.end' });
  setDesktopApi(main.api);
  window.location.hash = `#/debrief/${run.runId}`;
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: /TRACE debrief/ });
  return { main, run };
}

describe('Debrief screen', () => {
  it('opens with the three biggest losses, each with what the reference did instead, before the stage table', async () => {
    await mediocreRun();
    const lessons = await screen.findByRole('region', { name: /What to take from this run: the 3 biggest losses/ });
    const items = within(lessons).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item).toHaveTextContent(/^−\d+\.\d points · (Prepare|Detect|Contain|Govern|Recover|Learn)/);
      expect(within(item).getByText('Instead:').parentElement!.textContent!.length).toBeGreaterThan(20);
    }
    // The lesson comes first: before the score by stage.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent ?? '');
    expect(headings[0]).toMatch(/^What to take from this run/);
    expect(headings.findIndex((h) => h.startsWith('Score by stage'))).toBeGreaterThan(0);
  });

  it('keeps the full explanation one click away', async () => {
    await mediocreRun();
    const lessons = await screen.findByRole('region', { name: /What to take from this run/ });
    const first = within(lessons).getAllByRole('listitem')[0]!;
    const button = within(first).getByRole('button', { name: /The full explanation for (\w+), line by line/ });
    const stage = /for (\w+),/.exec(button.textContent ?? '')![1]!;
    await userEvent.click(button);
    const details = screen.getByText(new RegExp(`^Why: ${stage}`)).closest('details')!;
    await waitFor(() => expect(details).toHaveAttribute('open'));
    await waitFor(() => expect(within(details).getByText(new RegExp(`^Why: ${stage}`))).toHaveFocus());
  });

  it('shows each decision beside the reference’s answer, with the pack’s rationales', async () => {
    await mediocreRun();
    const review = await screen.findByRole('region', { name: 'Your decisions beside the reference' });
    const severity = within(review).getByRole('heading', { name: /Classify the incident on the V-SEV scale/ }).closest('li')!;
    expect(severity).toHaveTextContent('not the reference’s answer');
    expect(severity).toHaveTextContent('V2 Moderate');
    expect(severity).toHaveTextContent(/V3 Significant — A sound first call on an unconfirmed signal/);
  });

  it('names what cost points outright, with why it matters', async () => {
    await mediocreRun();
    const harmful = await screen.findByRole('region', { name: 'What cost points outright' });
    expect(harmful).toHaveTextContent(/Quietly lower the rejection threshold|threshold/i);
  });

  it('shows no internal ids to the learner', async () => {
    await mediocreRun();
    await screen.findByRole('region', { name: /What to take from this run/ });
    const text = document.querySelector('main')!.textContent ?? '';
    for (const id of ['suspend-model', 'patch-threshold-quietly', 'initial-severity', 'fairness-alert', 'inform-provider', 'biased-hiring', 'minute ']) {
      expect(text, id).not.toContain(id);
    }
  });
});
