/**
 * The room end to end, over the real WebSocket transport: a facilitator runs
 * a tabletop of the flagship pack while three participants take part from
 * their own browsers (two laptops and a phone). Each sees only their role's
 * injects and moves; what they do reaches the console and the presenter and
 * is attributed in the debrief; a device that drops catches up; and no
 * frame any participant or the presenter receives carries the reference,
 * the facilitator's notes or another role's private text.
 */
import { testRunId } from '../ids';
import { existsSync, readFileSync } from 'node:fs';
import { join as pathJoin } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { applyCommand } from '../../src/engine/apply-command';
import type { Pack } from '../../src/engine/pack/schema';
import { ROLE_TITLES, type RoleId } from '../../src/engine/pack/vocabulary';
import { axeViolations, describeViolations } from './harness/axe';
import { backendCases } from './harness/backends';
import { launchApp, SCREENSHOT_DIR, type AppHandle } from './harness/launch-app';

const skip = backendCases()[0]?.skip;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 800 } };
const NOTE = 'Linus froze at the first alert';

type Device = { readonly name: string; readonly role: RoleId; readonly context: BrowserContext; readonly page: Page; readonly frames: string[] };

/** Strings of a subtree of the pack, long enough to be unmistakable. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    // Prose, not ids (an id such as a move's also names it where it may be seen).
    if (value.trim().length >= 24 && /\s/.test(value.trim())) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** How a string appears inside a JSON frame. */
const inFrames = (frames: readonly string[], text: string) => {
  const encoded = JSON.stringify(text).slice(1, -1);
  return frames.some((frame) => frame.includes(encoded));
};

describe.skipIf(Boolean(skip))(`the room: participants on their own devices [browser]${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let app: AppHandle;
  let pack: Pack;
  let code = '';
  let address = '';
  const devices: Device[] = [];
  const presenterFrames: string[] = [];
  const device = (name: string) => devices.find((d) => d.name === name)!;
  const owned = (role: RoleId) => pack.moves.filter((m) => (typeof m.owner === 'string' ? m.owner === role : m.owner.includes(role)));
  /** A move of the role that the run accepts right now (asked of the engine, as the session will). */
  const makeable = (role: RoleId) =>
    owned(role).find((m) => applyCommand(pack, app.services!.sessions.state(runId)!, { by: role, command: { type: 'move.make', move: m.id } }).ok)!;
  let moveMade = '';
  // A timed inject for the Technical Containment Lead that the Legal & Compliance Lead must not see.
  const privateInject = () => pack.injects.find((i) => i.at !== undefined && i.visibleTo !== 'all' && i.visibleTo.includes('technical-lead') && !i.visibleTo.includes('legal-lead'))!;

  beforeAll(async () => {
    app = await launchApp('browser');
    const loaded = await app.services!.dispatch('getPack', ['biased-hiring']);
    if (!loaded.ok) throw new Error('the flagship pack did not load');
    pack = (loaded.value as { pack: Pack }).pack;
    app.page.context().on('page', (page) => page.on('websocket', (ws) => ws.on('framereceived', (f) => presenterFrames.push(String(f.payload)))));
  });
  afterAll(async () => {
    for (const d of devices) await d.context.close();
    await app?.close();
  });

  const join = async (name: string, role: RoleId, options: object) => {
    const context = await app.browser!.newContext(options);
    const page = await context.newPage();
    const frames: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
    page.on('pageerror', (error) => console.error(`[${name} page error] ${error.message}`));
    await page.goto(address);
    await page.getByRole('textbox', { name: 'Room code' }).fill(code.toLowerCase());
    await page.getByRole('textbox', { name: 'Your name' }).fill(name);
    await page.getByRole('button', { name: 'Join' }).click();
    devices.push({ name, role, context, page, frames });
    return page;
  };
  let runId = testRunId('not-yet');
  /** What the facilitator does from the console, through the same channel the console uses. */
  const facilitator = async (command: object) => {
    const result = await app.services!.dispatch('submitCommand', [runId, { by: 'facilitator', command }]);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, value: { ok: true } });
  };
  const roleView = (page: Page, name: string, role: RoleId) => page.getByRole('heading', { level: 1, name: `${ROLE_TITLES[role]} — ${name}` });

  it('opens a facilitated run to the room: code, QR code and join address, with the plain-HTTP warning', async () => {
    const { page } = app;
    const flagship = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /TalentLens/ }) });
    await expect.poll(() => flagship.isVisible(), { timeout: 15_000 }).toBe(true);
    await flagship.getByRole('button', { name: 'Prepare a run' }).click();
    await page.getByRole('radio', { name: 'Facilitated tabletop' }).check();
    await page.getByRole('textbox', { name: 'Incident Lead' }).fill('Grace');
    await page.getByRole('button', { name: 'Create the run and open the briefing' }).click();
    await page.getByRole('button', { name: 'Start the clock' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    runId = testRunId(/#\/run\/([A-Za-z0-9_-]+)/.exec(page.url())![1]!);
    // The room panel is a tab of the console's team column.
    await page.getByRole('tab', { name: 'Room' }).click();
    const room = page.getByRole('region', { name: 'Room' });
    await room.getByRole('checkbox', { name: 'Participants pick their own role' }).check();
    await room.getByRole('button', { name: 'Open the room' }).click();
    await expect.poll(() => room.getByRole('img', { name: /^QR code of the join address/ }).isVisible()).toBe(true);
    expect(await room.getByRole('note').innerText()).toMatch(/plain HTTP: anyone else on this network could read/);
    code = (await room.locator('.room-code').innerText()).trim();
    address = (await room.locator('.room-address').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(address).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/#\/join$/);
    await app.screenshot('room-open');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('lets three participants join from their own devices: a role by name, a role picked, a role given', async () => {
    const grace = await join('Grace', 'incident-lead', LAPTOP);
    await expect.poll(() => roleView(grace, 'Grace', 'incident-lead').isVisible(), { timeout: 15_000 }).toBe(true);
    const linus = await join('Linus', 'technical-lead', LAPTOP);
    await linus.getByRole('button', { name: ROLE_TITLES['technical-lead'] }).click();
    await expect.poll(() => roleView(linus, 'Linus', 'technical-lead').isVisible()).toBe(true);
    const ada = await join('Ada', 'legal-lead', PHONE);
    await expect.poll(() => ada.getByRole('heading', { name: 'Welcome, Ada' }).isVisible()).toBe(true);
    const roster = app.page.getByRole('list', { name: /^Participants/ });
    await expect.poll(() => roster.getByRole('listitem').count()).toBe(3);
    await roster.getByRole('combobox', { name: 'Role of Ada' }).selectOption('legal-lead');
    await expect.poll(() => roleView(ada, 'Ada', 'legal-lead').isVisible()).toBe(true);
    // Each sees their own private brief, never another role's.
    await ada.getByText('Your brief').click();
    const adaText = await ada.locator('body').innerText();
    const briefText = await ada.locator('.participant-brief').innerText();
    expect(briefText.length).toBeGreaterThan(80);
    expect(adaText).toContain('Your brief');
    const violations = await axeViolations(ada);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('shows each participant only their role’s injects and moves', async () => {
    await facilitator({ type: 'note.add', text: NOTE });
    const inject = privateInject();
    await facilitator({ type: 'inject.release', inject: inject.id });
    const linus = device('Linus').page;
    const ada = device('Ada').page;
    await expect.poll(() => linus.getByRole('button', { name: inject.title }).isVisible()).toBe(true);
    // The Legal & Compliance Lead's phone has every message addressed to all, but not this one.
    await expect.poll(() => device('Grace').page.getByRole('button', { name: inject.title }).isVisible()).toBe(inject.visibleTo.includes('incident-lead'));
    expect(await ada.getByRole('button', { name: inject.title }).count()).toBe(0);
    const adaMoves = ada.getByRole('region', { name: 'Your moves' });
    for (const move of owned('technical-lead').filter((m) => !owned('legal-lead').includes(m))) {
      expect(await adaMoves.getByRole('button', { name: `Make move: ${move.label}` }).count()).toBe(0);
    }
    expect(await linus.getByRole('region', { name: 'Your moves' }).getByRole('button', { name: /^Make move:/ }).count()).toBeGreaterThan(0);
    await app.screenshot('participant-laptop', linus);
    await app.screenshot('participant-phone', ada);
    // What a phone shows without scrolling, and further down at the role's moves.
    await ada.evaluate(() => window.scrollTo(0, 0));
    await ada.screenshot({ path: pathJoin(SCREENSHOT_DIR, 'browser-participant-phone-top.png') });
    await adaMoves.scrollIntoViewIfNeeded();
    await ada.screenshot({ path: pathJoin(SCREENSHOT_DIR, 'browser-participant-phone-moves.png') });
    await linus.screenshot({ path: pathJoin(SCREENSHOT_DIR, 'browser-participant-laptop-top.png') });
  });

  it('records what a participant does as their role: the console and the presenter follow', async () => {
    const { page, platform } = app;
    await page.getByRole('button', { name: 'Presenter window' }).click();
    await expect.poll(() => platform!.presenters.length).toBe(1);
    const presenter = platform!.presenters[0]!;
    // Move the scenario on, event by event, until the team knows enough for the Technical Containment Lead to act.
    for (let i = 0; i < 20 && !makeable('technical-lead'); i++) await facilitator({ type: 'clock.jumpToNext' });
    const move = makeable('technical-lead');
    moveMade = move.label;
    const linus = device('Linus').page;
    await linus.getByRole('button', { name: `Make move: ${move.label}` }).click();
    await expect.poll(() => linus.getByRole('button', { name: `Done: ${move.label}` }).isVisible().then((done) => done || linus.getByText(/^Made Day/).first().isVisible())).toBe(true);
    // The facilitator's console shows the move, made by the Technical Containment Lead (the log is under "Clocks").
    await page.getByRole('tab', { name: 'Clocks' }).click();
    const log = page.getByRole('region', { name: 'Decision log' });
    await expect.poll(() => log.getByText(`${ROLE_TITLES['technical-lead']} made the move “${move.label}”`).isVisible()).toBe(true);
    expect(await log.getByText(`Facilitator assigned Linus as ${ROLE_TITLES['technical-lead']}`).isVisible()).toBe(true);
    // A severity classified on the phone reaches the projector.
    const ada = device('Ada').page;
    await ada.getByRole('group', { name: 'V-SEV severity' }).getByRole('radio', { name: /V3 Significant/ }).check();
    await ada.getByRole('button', { name: 'Classify severity' }).click();
    await expect.poll(() => presenter.getByLabel('Current severity: V3 Significant').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Current severity: V3 Significant').isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Room' }).click();
    const roster = page.getByRole('list', { name: /^Participants/ });
    await expect.poll(() => roster.getByRole('listitem', { name: 'Linus' }).innerText()).toMatch(/connected · 1 command\b/);
    await app.screenshot('room-roster');
    await app.screenshot('presenter-room', presenter);
    await page.getByRole('region', { name: 'Room' }).screenshot({ path: pathJoin(SCREENSHOT_DIR, 'browser-room-panel.png') });
  });

  it('a participant whose device drops catches up from the log when it is back', async () => {
    const grace = device('Grace');
    await grace.context.setOffline(true);
    // The socket dies as it does when Wi-Fi goes (the server sees it close).
    for (const sink of app.services!.hub.sinks((p) => p.kind === 'participant')) {
      const seat = app.services!.room.participant((sink.principal() as { participantId: string }).participantId);
      if (seat?.role === 'incident-lead') sink.close?.();
    }
    await expect.poll(() => grace.page.getByRole('alert').filter({ hasText: /Reconnecting|lost/ }).isVisible(), { timeout: 10_000 }).toBe(true);
    // Meanwhile the facilitator adds a message for everyone.
    await facilitator({ type: 'inject.adhoc', id: 'board-call', title: 'Board chair asks for a call at noon', body: 'The chair wants a briefing before lunch.', channel: 'call', visibleTo: 'all' });
    await expect.poll(() => device('Linus').page.getByRole('button', { name: 'Board chair asks for a call at noon' }).isVisible()).toBe(true);
    expect(await grace.page.getByRole('button', { name: 'Board chair asks for a call at noon' }).count()).toBe(0);
    await grace.context.setOffline(false);
    await expect.poll(() => grace.page.getByRole('button', { name: 'Board chair asks for a call at noon' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await roleView(grace.page, 'Grace', 'incident-lead').isVisible()).toBe(true);
  });

  it('never sends a participant or the presenter the reference, the notes or another role’s private text', async () => {
    const forbiddenForAll = [
      ...strings(pack.reference),
      ...strings(pack.debrief?.facilitatorNotes ?? ''),
      ...pack.decisions.flatMap((d) => strings((d.options ?? []).map((o) => o.rationale ?? ''))),
      NOTE,
    ];
    const inject = privateInject();
    for (const d of devices) {
      expect(d.frames.length).toBeGreaterThan(5);
      const otherBriefs = pack.roles.filter((r) => r.role !== d.role).flatMap((r) => strings(r.brief));
      const otherInjects = pack.injects.filter((i) => i.visibleTo !== 'all' && !i.visibleTo.includes(d.role)).flatMap((i) => strings([i.title, i.body]));
      for (const text of [...forbiddenForAll, ...otherBriefs, ...otherInjects]) {
        expect(inFrames(d.frames, text), `${d.name} (${d.role}) received: ${text.slice(0, 80)}`).toBe(false);
      }
      // …while their own brief did arrive.
      expect(strings(pack.roles.find((r) => r.role === d.role)!.brief).some((t) => inFrames(d.frames, t))).toBe(true);
    }
    expect(inFrames(device('Linus').frames, inject.body.trim().split('\n')[0]!)).toBe(true);
    const presenterOnly = [...forbiddenForAll, ...pack.roles.flatMap((r) => strings(r.brief))];
    expect(presenterFrames.length).toBeGreaterThan(3);
    for (const text of presenterOnly) expect(inFrames(presenterFrames, text), `the presenter received: ${text.slice(0, 80)}`).toBe(false);
  });

  it('attributes the participant’s move in the debrief, and ending the run closes the room', async () => {
    const { page, platform } = app;
    await page.getByRole('button', { name: 'End run' }).click();
    await page.getByRole('dialog', { name: 'End the run now?' }).getByRole('button', { name: 'End and go to the debrief' }).click();
    for (const d of devices) await expect.poll(() => d.page.getByRole('heading', { name: 'The room is closed' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(app.services!.room.status(runId).open).toBe(false);
    // "End and go to the debrief" opens it.
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /TRACE debrief/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    const row = page.getByRole('row').filter({ hasText: moveMade }).filter({ hasText: ROLE_TITLES['technical-lead'] });
    expect(await row.count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Export Report (HTML)' }).click();
    const saved = () => platform!.saved.find((s) => s.purpose === 'html')?.path;
    await expect.poll(() => Boolean(saved()) && existsSync(saved()!) && readFileSync(saved()!, 'utf8').includes('</html>')).toBe(true);
    const html = readFileSync(platform!.saved.find((s) => s.purpose === 'html')!.path, 'utf8');
    const escaped = (text: string) => text.replace(/&/g, '&amp;');
    expect(html).toContain(escaped(`${ROLE_TITLES['technical-lead']}: Linus`));
    expect(html).toContain(escaped(`${ROLE_TITLES['legal-lead']}: Ada`));
  });
});
