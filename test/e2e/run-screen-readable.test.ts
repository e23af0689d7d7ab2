/**
 * The run screen read at a glance on a laptop or a projector: at 1280×720 in
 * large text and high contrast the open prompts and the feed are above the
 * fold, the header is one compact row, nothing moves when injects arrive,
 * and axe finds no WCAG A/AA violations. Coached mode is shown and checked too.
 */
import type { RunId } from '../../src/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './harness/axe';
import { backendCases } from './harness/backends';
import { launchApp, type AppHandle } from './harness/launch-app';
import { layoutShift, pageOverflow, startFlagship, watchLayoutShift } from './ui-flows';

const skip = backendCases()[0]?.skip;
const SHOTS = `${process.cwd()}/test-results/screenshots`;

describe.skipIf(Boolean(skip))(`the run screen at 1280×720, large text and high contrast [browser]${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let app: AppHandle;
  let runId: RunId;
  beforeAll(async () => {
    app = await launchApp('browser', { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Large text').check();
    await page.getByLabel('High contrast').check();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('puts the open prompts and the feed above the fold, under a one-row header', async () => {
    const { page } = app;
    runId = await startFlagship(app);
    // Jump until the scenario asks something.
    for (let i = 0; i < 10 && !Object.values(app.services!.sessions.state(runId)!.decisions).some((d) => d.status === 'open'); i++) {
      await page.getByRole('button', { name: 'Next event' }).click();
      await page.waitForTimeout(150);
    }
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    const header = await page.locator('header.run-header').boundingBox();
    expect(header!.height).toBeLessThan(100);
    const prompt = await page.getByRole('region', { name: /^Needs you now \(\d\)/ }).getByRole('listitem').first().boundingBox();
    expect(prompt!.y).toBeLessThan(720 * 0.4);
    const newest = await page.getByRole('list', { name: 'Messages, oldest first' }).locator(':scope > li').last().getByRole('heading').boundingBox();
    expect(newest!.y + newest!.height).toBeLessThan(720);
    for (const name of ['Current severity: Not classified']) expect(await page.getByLabel(name).isVisible()).toBe(true);
    const severity = await page.getByLabel('Current severity: Not classified').boundingBox();
    expect(severity!.x + severity!.width).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: `${SHOTS}/browser-run-1280x720-large-contrast.png` });
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('moves nothing when injects arrive (layout shift near zero)', async () => {
    const { page } = app;
    await watchLayoutShift(page);
    for (let i = 0; i < 8; i++) {
      await app.services!.sessions.submit(runId, { by: 'incident-lead', command: { type: 'clock.jumpToNext' } });
      await page.waitForTimeout(300);
    }
    const shift = await layoutShift(page);
    console.log(`run screen 1280×720 large text: layout shift over 8 arrivals ${shift.total.toFixed(4)} (largest ${shift.largest.toFixed(4)}, ${shift.count} shifts)`);
    expect(shift.total).toBeLessThan(0.01);
  });

  it('shows coached mode: hints for the stage and the glossary on focus, with no WCAG violations', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Large text').uncheck();
    await page.getByLabel('High contrast').uncheck();
    await page.setViewportSize({ width: 1366, height: 768 });
    await startFlagship(app, { coached: true });
    await page.getByRole('button', { name: 'Next event' }).click();
    await page.getByRole('button', { name: 'Next event' }).click();
    await page.getByRole('button', { name: 'Next event' }).click();
    await expect.poll(() => page.getByRole('region', { name: /^Coach: / }).isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Classify' }).click();
    const term = page.locator('.term', { hasText: 'V-SEV' }).first();
    await term.focus();
    await expect.poll(() => page.getByRole('tooltip').filter({ hasText: 'The V-AIM severity scale' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/browser-coached-mode.png` });
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
