/** The library's filters, sort orders and cards: what a pack teaches and how the learner did, without giving answers away. */
import { testRunId, testPackId } from '../ids';
import type { RunId } from '../../src/engine';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import type { LibraryEntry, PackSummary } from '../../src/shared/library';
import type { RunSummary } from '../../src/shared/runs';
import { fakeDesktopApi } from './fake-api';
import { simMinutes } from '../../src/engine';

const pack = (id: string, over: Partial<PackSummary>): LibraryEntry => ({
  ok: true,
  id: testPackId(id),
  source: 'bundled',
  path: `/app/scenarios/${id}`,
  warnings: 0,
  summary: {
    id: testPackId(id), version: '1.0.0', title: id, summary: 'A model misbehaves.', sector: 'Human resources', r3ai: 'responsibility', difficulty: 'intermediate',
    durationMinutes: 50, roles: ['incident-lead', 'legal-lead'], tags: [], learningObjectives: [], severity: 4, hash: 'h', ...over,
  },
});

const PACKS: LibraryEntry[] = [
  pack('hiring', { title: 'Biased hiring', learningObjectives: ['Suspend a harmful system on reasonable grounds', 'Inform the provider first'] }),
  pack('credit', { title: 'Credit drift', sector: 'Banking', r3ai: 'resilience', difficulty: 'advanced', durationMinutes: 90, severity: 3, roles: ['incident-lead', 'technical-lead', 'comms-lead'] }),
  pack('widget', { title: 'Odd widget', sector: 'Retail', r3ai: 'reliability', difficulty: 'introductory', durationMinutes: 20, severity: 1, roles: ['incident-lead'] }),
];

const run = (runId: RunId, packId: string, createdAt: string, total: number): RunSummary => ({
  ok: true, runId, packId: testPackId(packId), packTitle: packId, packVersion: '1.0.0', createdAt, mode: 'solo', participants: [], status: 'ended', phase: 'ended',
  paused: true, simMinutes: simMinutes(100), endMinutes: simMinutes(100), entries: 10, score: { total, max: 100 }, live: false,
});

async function open(runs: RunSummary[] = []) {
  setDesktopApi(fakeDesktopApi({ listPacks: () => PACKS, listRuns: () => runs }).api);
  render(<App />);
  return screen.findByRole('list', { name: 'Scenario packs' });
}

const titles = (list: HTMLElement) => within(list).getAllByRole('heading', { level: 2 }).map((h) => h.textContent);

describe('Library filters and cards', () => {
  it('lists every pack by title and says how many are shown', async () => {
    const list = await open();
    expect(titles(list)).toEqual(['Biased hiring', 'Credit drift', 'Odd widget']);
    expect(screen.getByText(/^Showing 3 of 3 packs\./)).toBeInTheDocument();
  });

  it('filters by sector, difficulty, length and role, and clears the filters', async () => {
    const list = await open();
    await userEvent.selectOptions(screen.getByLabelText('Sector'), 'Banking');
    expect(titles(list)).toEqual(['Credit drift']);
    await userEvent.selectOptions(screen.getByLabelText('Sector'), '');
    await userEvent.selectOptions(screen.getByLabelText('Length'), 'short');
    expect(titles(list)).toEqual(['Odd widget']);
    await userEvent.selectOptions(screen.getByLabelText('Length'), '');
    await userEvent.selectOptions(screen.getByLabelText('Role to practise'), 'legal-lead');
    expect(titles(list)).toEqual(['Biased hiring']);
    await userEvent.selectOptions(screen.getByLabelText('Difficulty'), 'advanced');
    expect(screen.getByText('No pack matches these filters.')).toBeInTheDocument();
    expect(screen.getByText(/^Showing 0 of 3 packs\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(titles(list)).toEqual(['Biased hiring', 'Credit drift', 'Odd widget']);
  });

  it('sorts by length, difficulty and packs not tried yet', async () => {
    const list = await open([run(testRunId('r1'), 'widget', '2030-01-01T10:00:00Z', 70)]);
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'duration');
    expect(titles(list)).toEqual(['Odd widget', 'Biased hiring', 'Credit drift']);
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'difficulty');
    expect(titles(list)).toEqual(['Odd widget', 'Biased hiring', 'Credit drift']);
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'not-tried');
    expect(titles(list)).toEqual(['Biased hiring', 'Credit drift', 'Odd widget']);
  });

  it('keeps failure type and severity among the facilitator filters, which say they reveal answers', async () => {
    const list = await open();
    const group = screen.getByText('Facilitator filters (they reveal answers the team is asked for)').closest('details')!;
    expect(group).not.toHaveAttribute('open');
    await userEvent.click(within(group).getByText(/Facilitator filters/));
    await userEvent.selectOptions(within(group).getByLabelText('Failure type (R3AI)'), 'resilience');
    expect(titles(list)).toEqual(['Credit drift']);
    await userEvent.selectOptions(within(group).getByLabelText('Failure type (R3AI)'), '');
    await userEvent.selectOptions(within(group).getByLabelText('Peak severity'), '1');
    expect(titles(list)).toEqual(['Odd widget']);
    await userEvent.selectOptions(within(group).getByLabelText('Peak severity'), '');
    await userEvent.click(within(group).getByRole('button', { name: 'Sort most severe first' }));
    expect(titles(list)).toEqual(['Biased hiring', 'Credit drift', 'Odd widget']);
    expect(screen.getByLabelText('Sort by')).toHaveValue('severity');
  });

  it('a card says what the pack teaches and how the learner did, and never its failure type or severity', async () => {
    const list = await open([
      run(testRunId('r1'), 'hiring', '2030-01-01T10:00:00Z', 62.5),
      run(testRunId('r2'), 'hiring', '2030-01-02T10:00:00Z', 81),
      run(testRunId('r3'), 'hiring', '2030-01-03T10:00:00Z', 74.2),
      run(testRunId('r4'), 'credit', '2030-01-03T10:00:00Z', 55),
    ]);
    const hiring = within(list).getByRole('listitem', { name: 'Biased hiring' });
    expect(within(hiring).getByRole('list', { name: 'What it teaches' })).toHaveTextContent('Suspend a harmful system on reasonable groundsInform the provider first');
    expect(hiring).toHaveTextContent('Your results: Tried 3 times: best 81.0, last 74.2 / 100.');
    expect(within(list).getByRole('listitem', { name: 'Credit drift' })).toHaveTextContent('Your results: Tried once: 55.0 / 100.');
    expect(within(list).getByRole('listitem', { name: 'Odd widget' })).toHaveTextContent('Your results: Not tried yet.');
    for (const card of within(list).getAllByRole('listitem', { name: /./ })) {
      expect(card).not.toHaveTextContent(/Responsibility|Resilience|Reliability|V[1-5]\b|Critical|Irregularity/);
    }
  });
});
