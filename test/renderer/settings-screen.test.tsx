/** Settings: display options persist through the desktop API and restyle the app at once. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import { fakeDesktopApi } from './fake-api';

describe('Settings screen', () => {
  it('turns on large text: the checkbox, the saved setting and the page style all follow', async () => {
    const fake = fakeDesktopApi();
    setDesktopApi(fake.api);
    window.location.hash = '#/settings';
    render(<App />);
    const box = await screen.findByRole('checkbox', { name: 'Large text' });
    expect(box).not.toBeChecked();
    await userEvent.click(box);
    expect(box).toBeChecked();
    await waitFor(() => expect(document.documentElement).toHaveClass('large-text'));
    expect(fake.calls).toContainEqual(['updateSettings', [{ largeText: true }]]);
  });

  it('shows where data is stored and that the app is offline', async () => {
    setDesktopApi(fakeDesktopApi().api);
    window.location.hash = '#/settings';
    render(<App />);
    expect(await screen.findByText('/data/vaim')).toBeInTheDocument();
    expect(screen.getByText(/makes no network request/)).toBeInTheDocument();
  });

  it('reverts the checkbox and says why when saving fails', async () => {
    const fake = fakeDesktopApi({
      updateSettings: () => {
        throw new Error('disk full');
      },
    });
    setDesktopApi(fake.api);
    window.location.hash = '#/settings';
    render(<App />);
    const box = await screen.findByRole('checkbox', { name: 'High contrast' });
    await userEvent.click(box);
    await waitFor(() => expect(box).not.toBeChecked());
    expect(await screen.findByRole('alert')).toHaveTextContent('Settings were not saved: disk full');
  });
});
