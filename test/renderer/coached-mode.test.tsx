/** Coached solo practice: hints of what a commander would consider at the stage reached (never the answer) and a glossary on hover or focus. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { startedRun } from './run-helpers';

describe('Coached practice', () => {
  it('gives hints for the stage the scenario has reached, and never the pack’s answers', async () => {
    const run = await startedRun('solo', { extra: { coached: true } });
    render(<App />);
    const coach = await screen.findByRole('region', { name: 'Coach: Prepare' });
    expect(coach).toHaveTextContent('Does someone hold each of the six command roles');
    await act(() => run.advance(31)); // the detect-stage alert
    const detect = await screen.findByRole('region', { name: 'Coach: Detect' });
    expect(detect).toHaveTextContent('Classify with V-SEV on what you know now');
    // No reference answer: not the reference severity (V3), not the required moves.
    const hints = within(detect).getAllByRole('listitem').slice(0, 3).map((li) => li.textContent ?? '');
    for (const hint of hints) {
      expect(hint).not.toMatch(/V3|Significant|Suspend automatic rejections|Snapshot the model/);
    }
  });

  it('explains V-SEV, R3AI and the regulatory clocks when the learner points at or tabs to them; Escape hides it', async () => {
    await startedRun('solo', { extra: { coached: true } });
    render(<App />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Classify' }));
    const term = screen.getByText('V-SEV', { selector: '.term' });
    expect(term).toHaveAccessibleDescription(/The V-AIM severity scale.*V1 Irregularity.*V5 Systemic Trust Event/);
    term.focus();
    expect(screen.getAllByRole('tooltip').some((t) => t.textContent?.startsWith('The V-AIM severity scale'))).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(term).toHaveClass('term-dismissed');
    expect(screen.getByText('R3AI', { selector: '.term' })).toHaveAccessibleDescription(/Reliability.*Resilience.*Responsibility/);
  });

  it('is off when not chosen: no hints, no glossary', async () => {
    await startedRun('solo');
    render(<App />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Classify' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Classify' })).toBeInTheDocument());
    expect(screen.queryByRole('region', { name: /^Coach/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });
});
