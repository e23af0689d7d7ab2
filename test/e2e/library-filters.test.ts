/**
 * The library with six packs end to end: the flagship plus five packs made
 * from the minimal fixture with other sectors, lengths, difficulties and
 * failure types (the real packs of issue 12 land on main later). Filtered,
 * screenshotted and checked with axe.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPackText } from '../engine/pack/minimal-pack';
import { axeViolations, describeViolations } from './harness/axe';
import { backendCases } from './harness/backends';
import { type AppHandle, launchApp, PROJECT_ROOT } from './harness/launch-app';

const VARIANTS = [
  { id: 'credit-drift', title: 'Credit scores drift after a rate shock', sector: 'Banking (consumer credit)', r3ai: 'resilience', difficulty: 'advanced', minutes: 90, objectives: ['Tell DORA, GDPR and AI Act duties apart in a bank', 'Revert to manual underwriting without losing the evidence'] },
  { id: 'assistant-leak', title: 'The assistant that quoted other customers', sector: 'Telecom customer service', r3ai: 'responsibility', difficulty: 'intermediate', minutes: 60, objectives: ['Notify a personal-data breach within 72 hours', 'Decide when to tell the people affected'] },
  { id: 'triage-lab-change', title: 'Triage scores after the lab system change', sector: 'Healthcare (emergency department)', r3ai: 'reliability', difficulty: 'advanced', minutes: 75, objectives: ['Report on suspicion when a death may be linked', 'Fall back to manual triage safely'] },
  { id: 'benefits-fraud', title: 'Fraud flags by nationality', sector: 'Public sector (benefits)', r3ai: 'responsibility', difficulty: 'advanced', minutes: 90, objectives: ['Stop an unlawful practice, not only the model', 'Face a systemic trust event'] },
  { id: 'odd-widget', title: 'The widget that recommends umbrellas in July', sector: 'Retail (e-commerce)', r3ai: 'reliability', difficulty: 'introductory', minutes: 20, objectives: ['Respond in proportion to an irregularity'] },
] as const;

function variant(v: (typeof VARIANTS)[number]): string {
  return minimalPackText()
    .replace('id: minimal-screening', `id: ${v.id}`)
    .replace('title: Minimal screening incident', `title: "${v.title}"`)
    .replace('sector: Human resources', `sector: "${v.sector}"`)
    .replace('r3ai: responsibility\ndifficulty: introductory', `r3ai: ${v.r3ai}\ndifficulty: ${v.difficulty}`)
    .replace('durationMinutes: 20', `durationMinutes: ${v.minutes}\nlearningObjectives:\n${v.objectives.map((o) => `  - "${o}"`).join('\n')}`);
}

for (const { backend, skip } of backendCases()) {
  describe.skipIf(Boolean(skip))(`library with six packs [${backend}]${skip ? ` — skipped: ${skip}` : ''}`, () => {
    let app: AppHandle;
    let bundled: string;
    beforeAll(async () => {
      bundled = await mkdtemp(join(tmpdir(), 'vaim-library-'));
      await cp(join(PROJECT_ROOT, 'scenarios', 'biased-hiring'), join(bundled, 'biased-hiring'), { recursive: true });
      for (const v of VARIANTS) await writeFile(join(bundled, `${v.id}.yaml`), variant(v));
      app = await launchApp(backend, { bundledPacksDir: bundled, viewport: { width: 1400, height: 1000 } });
    });
    afterAll(async () => {
      await app?.close();
      await rm(bundled, { recursive: true, force: true });
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
        'Triage scores after the lab system change',
        'Credit scores drift after a rate shock',
        'Fraud flags by nationality',
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
