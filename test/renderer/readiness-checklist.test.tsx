/** The default readiness checklist can be worded by the organisation; setup then offers that wording. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/app';
import { fakeDesktopApi } from './fake-api';
import { minimalPack } from './minimal-pack';

describe('Readiness checklist wording', () => {
  it('saves an edited item in Settings and shows it at setup for a pack without its own checklist', async () => {
    let settings: Settings = DEFAULT_SETTINGS;
    const pack = minimalPack();
    setDesktopApi(
      fakeDesktopApi({
        getSettings: () => settings,
        updateSettings: (patch) => (settings = { ...settings, ...patch }),
        getPack: () => ({ pack, hash: 'h', attachments: {}, warnings: [], origin: { kind: 'folder', path: '/p' } }),
        listPacks: () => [],
      }).api,
    );
    window.location.hash = '#/settings';
    render(<App />);
    const form = await screen.findByRole('form', { name: 'Readiness checklist' });
    const item = within(form).getByRole('textbox', { name: 'Item monitoring' });
    await userEvent.clear(item);
    await userEvent.type(item, 'Weekly fairness report reviewed by HR');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the checklist' }));
    await waitFor(() => expect(settings.readinessLabels).toEqual({ monitoring: 'Weekly fairness report reviewed by HR' }));

    window.location.hash = `#/setup/${pack.id}`;
    expect(await screen.findByRole('checkbox', { name: 'Weekly fairness report reviewed by HR' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'A tested way to suspend each AI system (kill switch)' })).toBeInTheDocument();
  });
});
