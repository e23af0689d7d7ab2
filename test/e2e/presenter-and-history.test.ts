/**
 * The presenter window through a whole facilitated flagship run: every
 * inject addressed to the room shown, a marker for each one sent to a role
 * only, the open question with its real-time countdown, the debrief summary
 * at the end. Then History compares two attempts side by side. Both screens
 * have no WCAG A/AA violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './harness/axe';
import { backendCases } from './harness/backends';
import { launchApp, type AppHandle } from './harness/launch-app';
import { startFlagship } from './ui-flows';

const skip = backendCases()[0]?.skip;
const SHOTS = `${process.cwd()}/test-results/screenshots`;

describe.skipIf(Boolean(skip))(`the presenter and the attempts comparison [browser]${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let app: AppHandle;
  beforeAll(async () => {
    app = await launchApp('browser', { viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the room every inject addressed to it, and marks what it withholds, through the whole run', async () => {
    const { page, platform } = app;
    const runId = await startFlagship(app, { facilitated: true });
    await page.getByRole('button', { name: 'Presenter window' }).click();
    await expect.poll(() => platform!.presenters.length).toBe(1);
    const presenter = platform!.presenters[0]!;
    await presenter.setViewportSize({ width: 1280, height: 720 });
    const sessions = app.services!.sessions;
    const opened = await sessions.open(runId);
    if (!opened.ok) throw new Error(opened.error.message);
    const pack = opened.value.pack.pack;
    let questionShot = false;
    for (let i = 0; i < 200 && sessions.state(runId)!.phase === 'running'; i++) {
      const state = sessions.state(runId)!;
      const open = pack.decisions.find((d) => state.decisions[d.id]?.status === 'open');
      if (open && !questionShot) {
        // The question being asked, with its countdown in real seconds (the clock running at ×1).
        await page.getByRole('button', { name: 'Resume' }).click();
        const question = presenter.getByRole('region', { name: /The question now|Open questions/ });
        await expect.poll(() => question.innerText(), { timeout: 10_000 }).toMatch(/\d+ (s|min \d+ s) left/);
        await presenter.screenshot({ path: `${SHOTS}/browser-presenter-question.png` });
        const violations = await axeViolations(presenter);
        expect(violations, describeViolations(violations)).toEqual([]);
        await page.getByRole('button', { name: 'Pause' }).click();
        questionShot = true;
      }
      await sessions.submit(runId, { by: 'facilitator', command: { type: 'clock.jumpToNext' } });
    }
    const end = sessions.state(runId)!;
    expect(end.phase).toBe('ended');
    const roomVisible = end.feed.filter((item) => pack.injects.find((i) => i.id === item.injectId)?.visibleTo === 'all');
    const roleOnly = end.feed.length - roomVisible.length;
    expect(roleOnly).toBeGreaterThan(0);
    const feed = presenter.getByRole('list', { name: 'Messages, oldest first' });
    await expect.poll(() => feed.locator(':scope > li').count()).toBe(end.feed.length);
    expect(await feed.locator(':scope > li.feed-withheld').count()).toBe(roleOnly);
    const titles = await feed.locator(':scope > li:not(.feed-withheld) h3').allInnerTexts();
    expect(titles).toEqual(roomVisible.map((item) => pack.injects.find((i) => i.id === item.injectId)!.title));
    const body = await presenter.locator('body').innerText();
    for (const hidden of end.feed.filter((item) => !roomVisible.includes(item))) {
      expect(body).not.toContain(pack.injects.find((i) => i.id === hidden.injectId)!.title);
    }
    expect(body).not.toContain('Answer key');
    // The projector gets no answers until the facilitator releases the debrief (console, Room tab).
    await expect.poll(() => presenter.getByRole('region', { name: 'Debrief' }).innerText()).toContain('once they release it');
    await page.getByRole('tab', { name: 'Room' }).click();
    await page.getByRole('button', { name: 'Release the debrief to the presenter' }).click();
    await expect.poll(() => presenter.getByRole('region', { name: /^Debrief: / }).isVisible(), { timeout: 15_000 }).toBe(true);
    await presenter.screenshot({ path: `${SHOTS}/browser-presenter-summary.png` });
    const violations = await axeViolations(presenter);
    expect(violations, describeViolations(violations)).toEqual([]);
    console.log(`presenter: ${roomVisible.length} room injects shown, ${roleOnly} role-only injects marked`);
  });

  it('compares two attempts at the same pack side by side', async () => {
    const { page } = app;
    // A second attempt, ended early.
    await startFlagship(app);
    await page.getByRole('button', { name: 'Next event' }).click();
    await page.keyboard.press('e');
    await page.getByRole('dialog', { name: 'End the run now?' }).getByRole('button', { name: 'End and go to the debrief' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /TRACE debrief/ }).isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
    const progress = page.getByRole('region', { name: 'Progress over attempts' });
    await progress.getByRole('button', { name: 'Compare 2 attempts' }).click();
    const table = progress.getByRole('table', { name: 'Score by stage, each attempt against the one before' });
    await expect.poll(() => table.isVisible(), { timeout: 20_000 }).toBe(true);
    await progress.getByText(/^Contain: every line/).click();
    await progress.scrollIntoViewIfNeeded();
    await app.screenshot('attempts-comparison');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
