/** The library: packs listed, broken packs shown with every located problem, imports with conflict handling. */
import { testPackId } from '../ids';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import type { LibraryEntry, PackImportResult, PackSummary } from '../../src/shared/library';
import { fakeDesktopApi } from './fake-api';

const HANDLE = '3f0c2a7e-5d1b-4c8e-9a6f-0b1c2d3e4f50';

const summary = (id: string, title: string): PackSummary => ({
  id: testPackId(id),
  version: '1.0.0',
  title,
  summary: 'A screening model harms applicants.',
  sector: 'Human resources',
  r3ai: 'responsibility',
  difficulty: 'intermediate',
  durationMinutes: 50,
  roles: ['incident-lead', 'legal-lead'],
  tags: [],
  learningObjectives: [],
  severity: 4,
  hash: 'h',
});

const ENTRIES: LibraryEntry[] = [
  { ok: true, id: testPackId('biased-hiring'), source: 'bundled', path: '/app/scenarios/biased-hiring', summary: summary('biased-hiring', 'Biased hiring algorithm'), warnings: 0 },
  {
    ok: false,
    id: 'broken-pack',
    source: 'imported',
    path: '/data/packs/broken-pack',
    issues: [
      { file: 'pack.yaml', line: 12, col: 5, path: 'injects[0].when.var', message: 'unknown variable "harmd" (did you mean "harmed"?)', severity: 'error' },
      { file: 'moves.yaml', line: 3, col: 1, path: 'moves[2].owner', message: 'must be one of the six roles', severity: 'error' },
    ],
  },
];

describe('Library screen', () => {
  it('lists valid packs and shows every problem of a broken pack with its location', async () => {
    setDesktopApi(fakeDesktopApi({ listPacks: () => ENTRIES }).api);
    render(<App />);
    const packs = await screen.findByRole('list', { name: 'Scenario packs' });
    expect(within(packs).getByRole('heading', { name: 'Biased hiring algorithm' })).toBeInTheDocument();
    const problems = screen.getByRole('list', { name: 'Problems in broken-pack' });
    expect(within(problems).getAllByRole('listitem')).toHaveLength(2);
    expect(problems).toHaveTextContent('pack.yaml:12:5');
    expect(problems).toHaveTextContent('injects[0].when.var');
    expect(problems).toHaveTextContent('unknown variable "harmd" (did you mean "harmed"?)');
    expect(problems).toHaveTextContent('moves.yaml:3:1');
  });

  it('opens the setup of a pack', async () => {
    setDesktopApi(fakeDesktopApi({ listPacks: () => ENTRIES, getPack: () => Promise.reject(new Error('later')) }).api);
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Prepare a run' }));
    expect(window.location.hash).toBe('#/setup/biased-hiring');
  });

  it('asks before replacing an imported pack with the same id, and replaces only when confirmed', async () => {
    const imports: Array<[string, boolean | undefined]> = [];
    const fake = fakeDesktopApi({
      listPacks: () => ENTRIES,
      choosePackSource: () => ({ handle: HANDLE, name: 'my-pack.zip' }),
      importPack: (handle, options): PackImportResult => {
        imports.push([handle, options.replace]);
        return options.replace
          ? { ok: true, value: { replaced: true, entry: { ok: true, id: testPackId('mine'), source: 'imported', path: '/data/packs/mine/my-pack.zip', summary: summary('mine', 'My pack'), warnings: 0 } } }
          : { ok: false, error: { reason: 'conflict', existing: summary('mine', 'My old pack') } };
      },
    });
    setDesktopApi(fake.api);
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Import pack file (.yaml, .json, .zip)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace the existing pack?' });
    expect(dialog).toHaveTextContent('My old pack');
    expect(imports).toEqual([[HANDLE, false]]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replace it' }));
    await waitFor(() => expect(imports).toEqual([[HANDLE, false], [HANDLE, true]]));
    expect(await screen.findByText('Replaced “My pack”.')).toBeInTheDocument();
  });

  it('keeps the existing pack when the user declines (Escape)', async () => {
    const imports: boolean[] = [];
    setDesktopApi(
      fakeDesktopApi({
        listPacks: () => ENTRIES,
        choosePackSource: () => ({ handle: HANDLE, name: 'p' }),
        importPack: (_p, o) => {
          imports.push(Boolean(o.replace));
          return { ok: false, error: { reason: 'conflict', existing: summary('mine', 'Mine') } };
        },
      }).api,
    );
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Import pack folder…' }));
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(imports).toEqual([false]);
  });

  it('shows every located problem of a pack that failed to import, and imports nothing', async () => {
    setDesktopApi(
      fakeDesktopApi({
        listPacks: () => ENTRIES.slice(0, 1),
        choosePackSource: () => ({ handle: HANDLE, name: 'bad.yaml' }),
        importPack: () => ({ ok: false, error: { reason: 'invalid', issues: [{ file: 'bad.yaml', line: 1, col: 1, path: '$', message: 'format: required (the pack format version)', severity: 'error' }] } }),
      }).api,
    );
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Import pack file (.yaml, .json, .zip)…' }));
    const problem = await screen.findByRole('region', { name: 'The pack was not imported' });
    expect(problem).toHaveTextContent('bad.yaml:1:1');
    expect(problem).toHaveTextContent('format: required');
    expect(within(screen.getByRole('list', { name: 'Scenario packs' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows how far an import has got while main works on it, and only this import’s progress', async () => {
    let finish: (result: PackImportResult) => void = () => {};
    const fake = fakeDesktopApi({
      listPacks: () => ENTRIES.slice(0, 1),
      choosePackSource: () => ({ handle: HANDLE, name: 'huge-pack' }),
      importPack: () => new Promise<PackImportResult>((resolve) => (finish = resolve)),
    });
    setDesktopApi(fake.api);
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Import pack folder…' }));
    const region = await screen.findByRole('region', { name: 'Importing huge-pack' });
    act(() => fake.emit('packImportProgress', { handle: HANDLE, stage: 'validating', step: { step: 'parsing', done: 3, total: 5 } }));
    expect(within(region).getByRole('status')).toHaveTextContent('Reading file 3 of 5');
    const bar = within(region).getByRole('progressbar', { name: 'Importing huge-pack' });
    expect(bar).toHaveAttribute('value', '32');
    act(() => fake.emit('packImportProgress', { handle: 'another-import', stage: 'copying' }));
    expect(within(region).getByRole('status')).toHaveTextContent('Reading file 3 of 5');
    act(() => fake.emit('packImportProgress', { handle: HANDLE, stage: 'checking-copy', step: { step: 'validating', done: 0, total: 1 } }));
    expect(within(region).getByRole('status')).toHaveTextContent('Checking the copy: checking the scenario');
    expect(screen.getByRole('button', { name: 'Import pack file (.yaml, .json, .zip)…' })).toBeDisabled();
    await act(async () => finish({ ok: false, error: { reason: 'io', message: 'disk full' } }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Importing huge-pack' })).not.toBeInTheDocument());
    expect(screen.getByRole('region', { name: 'The pack was not imported' })).toHaveTextContent('huge-pack');
  });
});
