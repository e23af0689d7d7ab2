/**
 * The app shell end to end: the built renderer talks to the real services
 * through the same channel map the preload exposes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './harness/axe';
import { backendCases } from './harness/backends';
import { launchApp, type AppHandle } from './harness/launch-app';

for (const { backend, skip } of backendCases()) {
  describe.skipIf(Boolean(skip))(`app shell [${backend}]${skip ? ` — skipped: ${skip}` : ''}`, () => {
    let app: AppHandle;
    beforeAll(async () => {
      app = await launchApp(backend);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('opens on the library with the main navigation', async () => {
      const { page } = app;
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Scenario library' }).isVisible()).toBe(true);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const name of ['Library', 'History', 'Settings']) {
        expect(await nav.getByRole('button', { name }).isVisible()).toBe(true);
      }
      expect(await nav.getByRole('button', { name: 'Library' }).getAttribute('aria-current')).toBe('page');
      await app.screenshot('first-screen');
    });

    it('reaches main through the bridge: settings show the data folder and persist a change', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Settings' }).isVisible()).toBe(true);
      await expect.poll(() => page.getByText(app.userDataDir).isVisible()).toBe(true);
      await page.getByRole('checkbox', { name: 'High contrast' }).check();
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('high-contrast'))).toBe(true);
      await app.screenshot('settings-high-contrast');
      if (app.services) {
        const stored = await app.services.dispatch('getSettings', []);
        expect(stored).toEqual({ ok: true, value: expect.objectContaining({ highContrast: true }) });
      }
      await page.getByRole('checkbox', { name: 'High contrast' }).uncheck();
    });

    it('works by keyboard: the skip link and navigation are reachable with Tab', async () => {
      const { page } = app;
      const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await focusedText()).toBe('Skip to content');
      await page.keyboard.press('Tab');
      expect(await focusedText()).toBe('Library');
      await page.keyboard.press('Tab');
      expect(await focusedText()).toBe('History');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'History' }).isVisible()).toBe(true);
    });

    it('has no WCAG A/AA violations on the first screens', async () => {
      const { page } = app;
      for (const name of ['Library', 'History', 'Settings']) {
        await page.getByRole('button', { name }).click();
        const violations = await axeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      }
    });

    it('enforces the Content-Security-Policy: inline script does not run', async () => {
      const { page } = app;
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.appendChild(script);
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
      });
      expect(ran).toBe(false);
    });
  });
}
