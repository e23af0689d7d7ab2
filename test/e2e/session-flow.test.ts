/**
 * A whole session as a user goes through it, in the real UI over the real
 * services: library → setup → briefing → run → debrief → export → history.
 * Screenshots of every screen land in test-results/screenshots/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './harness/axe';
import { backendCases } from './harness/backends';
import { launchApp, type AppHandle } from './harness/launch-app';
import { navigableOrRemote } from './report-checks';

const [browserCase] = backendCases();
const skip = browserCase?.skip;

describe.skipIf(Boolean(skip))(`a solo session end to end [browser]${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let app: AppHandle;
  beforeAll(async () => {
    app = await launchApp('browser');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the bundled flagship pack in the library', async () => {
    const { page } = app;
    const packs = page.getByRole('list', { name: 'Scenario packs' });
    // The first listing waits for the pack worker to start and load the flagship: no race against a 1 s default.
    await expect.poll(() => packs.getByRole('heading', { level: 2 }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await packs.getByRole('heading', { name: /TalentLens/ }).isVisible()).toBe(true);
    await app.screenshot('library');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('prepares a solo run: names, readiness, then the briefing', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Prepare a run' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Prepare a run/ }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
    await page.getByRole('checkbox').first().check();
    await app.screenshot('setup');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.getByRole('button', { name: 'Create the run and open the briefing' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Briefing/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: /Incident Lead/ }).click();
    await expect.poll(() => page.getByRole('article', { name: 'Brief for the Incident Lead' }).isVisible()).toBe(true);
    await app.screenshot('briefing');
  });

  it('runs: the clock moves, injects arrive, the team classifies and acts', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start the clock' }).click();
    await expect.poll(() => page.getByLabel(/^Scenario time/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Next event' }).click();
    const feed = page.getByRole('list', { name: 'Messages, oldest first' });
    await expect.poll(() => feed.getByRole('listitem').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Classify' }).click();
    await page.getByRole('radio', { name: /V3 Significant/ }).check();
    await page.getByRole('button', { name: 'Classify severity' }).click();
    await expect.poll(() => page.getByLabel('Current severity: V3 Significant').isVisible()).toBe(true);
    // Declaring the incident needs something to have been reported: move on event by event until it is accepted.
    await page.getByRole('tab', { name: 'Moves' }).click();
    await page.getByRole('tab', { name: 'Detect' }).click();
    const convene = page.getByRole('button', { name: /^Make move: Convene the incident command team/ });
    const status = page.getByText(/^Done: in effect since Day \d/).first();
    for (let attempt = 0; attempt < 10 && !(await status.isVisible()); attempt++) {
      await page.getByRole('button', { name: 'Next event' }).click();
      await page.waitForTimeout(300);
      await convene.click();
      await page.waitForTimeout(300);
    }
    expect(await status.isVisible()).toBe(true);
    await app.screenshot('run');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('ends the run after confirming and opens the TRACE debrief with an explained score', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'End run' }).click();
    await page.getByRole('dialog', { name: 'End the run now?' }).getByRole('button', { name: 'End and go to the debrief' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /TRACE debrief/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('table', { name: 'Score by V-AIM stage' }).isVisible()).toBe(true);
    await page.getByText(/^Why: Detect/).click();
    expect(await page.getByText(/First classification/).first().isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Your reflection' }).first().fill('We trusted the vendor dashboard too long.');
    await page.getByRole('button', { name: 'Save reflection' }).first().click();
    await expect.poll(() => page.getByText('Saved.').first().isVisible()).toBe(true);
    await app.screenshot('debrief');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('exports the after-action report as self-contained HTML and as PDF', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export Report (HTML)' }).click();
    await expect.poll(() => app.platform!.saved.filter((s) => s.purpose === 'html').length).toBe(1);
    const htmlPath = app.platform!.saved.find((s) => s.purpose === 'html')!.path;
    await expect.poll(() => existsSync(htmlPath) && readFileSync(htmlPath, 'utf8').includes('</html>')).toBe(true);
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).toContain('We trusted the vendor dashboard too long.');
    expect(await navigableOrRemote(page, html)).toEqual([]);
    await page.getByRole('button', { name: 'Export Report (PDF)' }).click();
    await expect.poll(() => app.platform!.saved.some((s) => s.purpose === 'pdf' && existsSync(s.path)), { timeout: 20_000 }).toBe(true);
    const pdf = readFileSync(app.platform!.saved.find((s) => s.purpose === 'pdf')!.path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists the ended run in the history with its score', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
    const table = page.getByRole('table', { name: 'Saved runs, newest first' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.getByText(/\/ 100/).isVisible()).toBe(true);
    await app.screenshot('history');
  });
});
