/**
 * "Next event" through the whole flagship, pressed again and again in the
 * real UI: no prompt ever expires without having been on screen while it
 * could still be answered, and every inject the run fires appears, in
 * order, at the minute the clock stopped (none is passed inside a jump).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesOf, formatSimTime } from '../../src/engine';
import { firstLine } from '../../src/renderer/lib/describe-entry';
import { backendCases } from './harness/backends';
import { launchApp, type AppHandle } from './harness/launch-app';
import { startFlagship } from './ui-flows';

const skip = backendCases()[0]?.skip;

describe.skipIf(Boolean(skip))(`"Next event" through the flagship [browser]${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let app: AppHandle;
  beforeAll(async () => {
    app = await launchApp('browser');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('never lets a prompt expire unseen and never passes a triggered inject', async () => {
    const { page } = app;
    const runId = await startFlagship(app);
    const sessions = app.services!.sessions;
    const opened = await sessions.open(runId);
    if (!opened.ok) throw new Error(opened.error.message);
    const pack = opened.value.pack.pack;
    const needs = page.getByRole('region', { name: /^Needs you now/ });
    const feed = page.getByRole('list', { name: 'Messages, oldest first' });
    // The feed's own items (message bodies can hold lists of their own).
    const cards = feed.locator(':scope > li');
    const seenOpen = new Set<string>();
    let presses = 0;
    for (; presses < 300; presses++) {
      const state = sessions.state(runId)!;
      if (state.phase !== 'running') break;
      // What the screen shows at this stop.
      const shown = await needs.innerText();
      for (const decision of pack.decisions) {
        if (state.decisions[decision.id]?.status === 'open' && shown.includes(firstLine(decision.prompt))) seenOpen.add(decision.id);
      }
      const cardsBefore = await cards.count();
      const before = state.clock.now;
      await page.keyboard.press('j');
      await expect.poll(() => sessions.state(runId)!.clock.now > before || sessions.state(runId)!.phase !== 'running').toBe(true);
      const after = sessions.state(runId)!;
      await expect.poll(() => page.getByLabel(/^Scenario time/).innerText()).toBe(formatSimTime(pack.clock.start, after.clock.now));
      // Every inject that arrived in this jump arrived at the minute it stopped, and is on screen.
      const fresh = after.feed.slice(cardsBefore);
      for (const item of fresh) expect(item.at, `${item.injectId} fired inside a jump`).toBe(after.clock.now);
      await expect.poll(() => cards.count()).toBe(after.feed.length);
    }
    const end = sessions.state(runId)!;
    expect(end.phase).toBe('ended');
    expect(end.clock.now).toBe(end.clock.end);
    // Every prompt that expired had been on screen while it could still be answered.
    const expired = entriesOf(end.decisions).filter(([, d]) => d.status === 'expired').map(([id]) => id);
    expect(expired.length).toBeGreaterThan(0);
    for (const id of expired) expect(seenOpen, `${id} expired unseen`).toContain(id);
    // The feed shows every inject the run fired, in firing order.
    const titles = await cards.evaluateAll((items) => items.map((li) => li.querySelector('h3')?.textContent ?? ''));
    expect(titles).toEqual(end.feed.map((item) => pack.injects.find((i) => i.id === item.injectId)?.title ?? ''));
    console.log(`"Next event" pressed ${presses} times through the flagship; ${expired.length} prompts expired, each seen first; ${end.feed.length} injects, each at its stop`);
  });
});
