/** Steps the ui specs share: preparing a run through the real UI, measuring layout shift and page scrolling. */
import type { RunId } from '../../src/engine';
import { testRunId } from '../ids';
import type { Page } from 'playwright-core';
import type { AppHandle } from './harness/launch-app';

/** Prepares a run of the flagship through Setup and starts it from the briefing; returns its id. */
export async function startFlagship(app: AppHandle, options: { readonly facilitated?: boolean; readonly coached?: boolean; readonly skipQuiet?: boolean } = {}): Promise<RunId> {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /TalentLens/ }) });
  await card.getByRole('button', { name: 'Prepare a run' }).click();
  if (options.facilitated) {
    await page.getByRole('radio', { name: 'Facilitated tabletop' }).check();
    for (const [role, name] of [
      ['Incident Lead', 'Grace'],
      ['Technical Containment Lead', 'Linus'],
      ['Legal & Compliance Lead', 'Ada'],
      ['Executive Sponsor', 'Ken'],
      ['Communications Lead', 'Mo'],
      ['Business Owner', 'Sam'],
    ] as const) {
      await page.getByRole('textbox', { name: role, exact: true }).fill(name);
    }
  } else {
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
    if (options.coached) await page.getByRole('checkbox', { name: 'Coached practice (for a first run)' }).check();
  }
  if (options.skipQuiet === false) await page.getByRole('checkbox', { name: 'Skip quiet periods' }).uncheck();
  await page.getByRole('button', { name: 'Create the run and open the briefing' }).click();
  await page.getByRole('button', { name: 'Start the clock' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  // The id as the address bar holds it, checked as the app checks it.
  return testRunId(await page.evaluate(() => window.location.hash.split('/').at(-1) ?? ''));
}

/** Starts counting layout shifts that no user input caused (the CLS definition). */
export async function watchLayoutShift(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __shifts: number[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) w.__shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: false });
  });
}

/** The layout shifts counted since watchLayoutShift: their sum and the largest. */
export async function layoutShift(page: Page): Promise<{ readonly total: number; readonly largest: number; readonly count: number }> {
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
  return { total: shifts.reduce((a, b) => a + b, 0), largest: Math.max(0, ...shifts), count: shifts.length };
}

/** How far the page itself (not a panel inside it) can scroll, in pixels. */
export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const doc = document.documentElement.scrollHeight - window.innerHeight;
    const inMain = main ? main.scrollHeight - main.clientHeight : 0;
    return Math.max(doc, inMain, document.documentElement.scrollWidth - window.innerWidth);
  });
}

/** Waits until the app shows the scenario clock at a new reading after `before`. */
export async function clockReading(page: Page): Promise<string> {
  return page.getByLabel(/^Scenario time/).innerText();
}
