/**
 * The library with the six bundled packs end to end, as a user first sees it:
 * listed, filtered by length and failure type, sorted, screenshotted and
 * checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './harness/axe';
import { backendCases } from './harness/backends';
import { type AppHandle, launchApp } from './harness/launch-app';

for (const { backend, skip } of backendCases()) {
  describe.skipIf(Boolean(skip))(`library with the six bundled packs [${backend}]${skip ? ` — skipped: ${skip}` : ''}`, () => {
    let app: AppHandle;
    beforeAll(async () => {
      app = await launchApp(backend, { viewport: { width: 1400, height: 1000 } });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('lists six packs, filters them by length and role, and stays axe clean', async () => {
      const { page } = app;
      const cards = page.getByRole('list', { name: 'Scenario packs' }).locator(':scope > li');
      // Packs load on a worker thread: the first listing can take a while on a busy machine.
      await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(6);
      await app.screenshot('library-six-packs');
      await page.getByLabel('Length').selectOption('long');
      await expect.poll(() => cards.count()).toBe(3);
      await page.getByLabel('Sort by').selectOption('duration');
      await expect.poll(() => page.getByText('Showing 3 of 6 packs.').isVisible()).toBe(true);
      expect(await cards.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
        "Ask Sol: the travel assistant that handed out other customers' passports",
        'TriageAssist: the triage model that stopped reading the lab',
        'RiskSignal: the fraud model that flagged families by nationality',
      ]);
      await app.screenshot('library-filtered-long');
      expect(describeViolations(await axeViolations(page))).toBe('');
      await page.getByText(/Facilitator filters/).click();
      await page.getByLabel('Failure type (R3AI)').selectOption('responsibility');
      await expect.poll(() => cards.count()).toBe(1);
      await app.screenshot('library-facilitator-filters');
      expect(describeViolations(await axeViolations(page))).toBe('');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => cards.count()).toBe(6);
    });
  });
}
