/**
 * A facilitated tabletop (console + presenter window), importing packs
 * (a broken pack is reported with locations and hides nothing), and a run
 * interrupted by closing the app that resumes exactly where it stopped.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './harness/axe';
import { backendCases } from './harness/backends';
import { launchApp, PROJECT_ROOT, type AppHandle } from './harness/launch-app';

const skip = backendCases()[0]?.skip;
const MINIMAL = join(PROJECT_ROOT, 'test/fixtures/packs/minimal');
const BROKEN = join(PROJECT_ROOT, 'test/fixtures/packs/invalid/unknown-variable');

describe.skipIf(Boolean(skip))(`facilitated tabletop, pack import and resume [browser]${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let userDataDir: string;
  let app: AppHandle;
  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'vaim-e2e-tabletop-'));
    app = await launchApp('browser', { userDataDir });
  });
  afterAll(async () => {
    await app?.close();
    await rm(userDataDir, { recursive: true, force: true });
  });

  it('imports a pack folder, and reports a broken pack with file:line:col without importing it', async () => {
    const { page, platform } = app;
    const cards = page.getByRole('list', { name: 'Scenario packs' }).locator(':scope > li');
    await expect.poll(() => page.getByRole('heading', { name: /TalentLens/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    const bundled = await cards.count();
    platform!.openAnswers.push(MINIMAL);
    await page.getByRole('button', { name: 'Import pack folder…' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Minimal screening incident' }).isVisible()).toBe(true);
    const broken = join(userDataDir, 'broken');
    await cp(BROKEN, broken, { recursive: true });
    platform!.openAnswers.push(broken);
    await page.getByRole('button', { name: 'Import pack folder…' }).click();
    const problem = page.getByRole('region', { name: 'The pack was not imported' });
    await expect.poll(() => problem.isVisible()).toBe(true);
    expect(await problem.innerText()).toMatch(/pack\.yaml:\d+:\d+/);
    // The bundled packs and the one imported: the broken pack was not added.
    expect(await cards.count()).toBe(bundled + 1);
    await app.screenshot('library-import-problem');
  });

  it('runs a facilitated tabletop: the console has the answer key, the presenter window never does', async () => {
    const { page, platform } = app;
    await page.getByRole('region', { name: 'The pack was not imported' }).getByRole('button', { name: 'Dismiss' }).click();
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss message' }).all()) await dismiss.click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Minimal screening incident' }) });
    await card.getByRole('button', { name: 'Prepare a run' }).click();
    await page.getByRole('radio', { name: 'Facilitated tabletop' }).check();
    await page.getByRole('textbox', { name: 'Incident Lead' }).fill('Grace');
    await page.getByRole('textbox', { name: 'Technical Containment Lead' }).fill('Linus');
    await page.getByRole('button', { name: 'Create the run and open the briefing' }).click();
    await page.getByRole('button', { name: 'Start the clock' }).click();
    const events = page.getByRole('region', { name: /^Events/ });
    await expect.poll(() => events.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
    const notes = page.getByRole('region', { name: 'Private notes' });
    await notes.getByRole('textbox', { name: 'Note' }).fill('Grace hesitated to suspend');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await events.getByRole('button', { name: 'Release now: Selection-rate gap above threshold' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Selection-rate gap above threshold' }).isVisible()).toBe(true);
    await app.screenshot('facilitated-run');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page.getByRole('button', { name: 'Presenter window' }).click();
    await expect.poll(() => platform!.presenters.length).toBe(1);
    const presenter = platform!.presenters[0]!;
    await expect.poll(() => presenter.getByRole('button', { name: 'Selection-rate gap above threshold' }).isVisible()).toBe(true);
    const text = await presenter.locator('body').innerText();
    expect(text).not.toContain('Answer key');
    expect(text).not.toContain('Grace hesitated to suspend');
    expect(text).not.toContain('Private notes');
    expect(text).not.toContain('Events');
    expect(await presenter.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await app.screenshot('presenter', presenter);

    // Both views follow the same session: a severity set in the console reaches the projector.
    await page.getByRole('group', { name: 'V-SEV severity' }).getByRole('radio', { name: /V3 Significant/ }).check();
    await page.getByRole('button', { name: 'Classify severity' }).click();
    await expect.poll(() => presenter.getByLabel('Current severity: V3 Significant').isVisible()).toBe(true);
  });

  it('resumes an interrupted run exactly where it stopped after the app is closed and reopened', async () => {
    const before = await app.page.getByLabel(/^Scenario time/).innerText();
    const feedBefore = await app.page.getByRole('list', { name: 'Messages, oldest first' }).getByRole('listitem').count();
    await app.close();
    app = await launchApp('browser', { userDataDir });
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Interrupted' });
    await expect.poll(() => row.count()).toBe(1);
    await app.screenshot('history-interrupted');
    await row.getByRole('button', { name: /^Resume/ }).click();
    await expect.poll(() => page.getByLabel(/^Scenario time/).isVisible()).toBe(true);
    expect(await page.getByLabel(/^Scenario time/).innerText()).toBe(before);
    expect(await page.getByRole('list', { name: 'Messages, oldest first' }).getByRole('listitem').count()).toBe(feedBefore);
    expect(await page.getByLabel('Current severity: V3 Significant').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);
  });
});
