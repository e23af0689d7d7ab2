/**
 * Hostile pack text in the real UI (Chromium over the real services): long
 * unbroken strings (5,000 characters) wrap on every screen and in the HTML
 * report instead of widening the page; remote links are inert (click and
 * middle-click go nowhere) and shown with their address; text that merely
 * looks like HTML stays readable; the exported report offers nothing to follow.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendCases } from './harness/backends';
import { launchApp, PROJECT_ROOT, type AppHandle } from './harness/launch-app';
import { navigableOrRemote } from './report-checks';

const skip = backendCases()[0]?.skip;
const TOKEN = `token-${'x'.repeat(5_000)}`;
const SHORT_TOKEN = `label-${'y'.repeat(1_500)}`;
const LINKS = 'See [the policy](https://evil.example/policy) and https://evil.example/track.';

/** The minimal pack with long unbroken strings, links and HTML-looking text wherever pack text is shown. */
async function hostilePack(dir: string): Promise<void> {
  const pack = parse(await readFile(join(PROJECT_ROOT, 'test/fixtures/packs/minimal/pack.yaml'), 'utf8'));
  pack.title = `Wrapping drill ${SHORT_TOKEN}`;
  pack.summary = `A summary with ${TOKEN}.`;
  pack.situation = `Press the <Escalate> button. ${LINKS} ${TOKEN}`;
  pack.roles[0].brief = `Your brief: ${TOKEN} ${LINKS}`;
  pack.injects[0].title = `Alert ${SHORT_TOKEN}`;
  pack.injects[0].body = `Alert body ${TOKEN}\n\n    code block ${TOKEN}\n\n| a | b |\n|---|---|\n| ${TOKEN} | x |`;
  pack.moves[1].label = `Suspend ${SHORT_TOKEN}`;
  pack.reference.trace.trust = `Trust ${TOKEN} — press <Escalate> first. ${LINKS}`;
  pack.debrief = { ...(pack.debrief ?? {}), facilitatorNotes: `Notes ${TOKEN}` };
  await mkdir(join(dir, 'wrapping'), { recursive: true });
  await writeFile(join(dir, 'wrapping', 'pack.yaml'), stringify(pack));
}

/** How far the page, and the scrolling <main>, are wider than the window (0 when everything wraps). */
async function overflow(page: Page): Promise<{ readonly page: number; readonly main: number; readonly widest: string }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const main = document.querySelector('main');
    // The innermost element whose content is wider than it, or that reaches past the window: the culprit.
    let widest = '';
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1 || r.right > root.clientWidth + 1) {
        widest = `${el.tagName.toLowerCase()}.${String(el.className)} (${el.scrollWidth} px in ${el.clientWidth} px)`;
      }
    }
    return { page: root.scrollWidth - root.clientWidth, main: main ? main.scrollWidth - main.clientWidth : 0, widest };
  });
}

async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const found = await overflow(page);
  expect({ page: found.page, main: found.main }, `${where} is wider than the window; innermost culprit: ${found.widest}`).toEqual({ page: 0, main: 0 });
}

describe.skipIf(Boolean(skip))(`long text and links in pack text [browser]${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let packsDir: string;
  let app: AppHandle;
  beforeAll(async () => {
    packsDir = await mkdtemp(join(tmpdir(), 'vaim-e2e-wrap-'));
    await hostilePack(packsDir);
    app = await launchApp('browser', { bundledPacksDir: packsDir, viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await app?.close();
    await rm(packsDir, { recursive: true, force: true });
  });

  it('wraps on the library and setup screens', async () => {
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Wrapping drill/ }).isVisible(), { timeout: 20_000 }).toBe(true);
    await expectNoOverflow(page, 'library');
    await app.screenshot('wrap-library');
    await page.getByRole('button', { name: 'Prepare a run' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Prepare a run/ }).isVisible()).toBe(true);
    await expectNoOverflow(page, 'setup');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
    await page.getByRole('button', { name: 'Create the run and open the briefing' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Briefing/ }).isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('wraps in the briefing, shows <Escalate> as text and links as inert text with their address', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Incident Lead/ }).click();
    await expect.poll(() => page.getByRole('article', { name: 'Brief for the Incident Lead' }).isVisible()).toBe(true);
    await expectNoOverflow(page, 'briefing');
    await app.screenshot('wrap-briefing');
    expect(await page.getByText('Press the <Escalate> button.').isVisible()).toBe(true);
    expect(await page.locator('.markdown a, .markdown [href]').count()).toBe(0);
    const situation = page.locator('.markdown', { hasText: 'Press the <Escalate> button.' });
    expect(await situation.innerText()).toContain('the policy (https://evil.example/policy)');
    const link = situation.locator('.md-link', { hasText: 'the policy' });
    const before = page.url();
    const pages = page.context().pages().length;
    await link.click();
    await link.click({ button: 'middle' });
    await link.click({ modifiers: ['Control'] });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    expect(page.context().pages().length).toBe(pages);
  });

  it('wraps in the run screen feed (text, code and tables) and in the presenter view', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start the clock' }).click();
    await expect.poll(() => page.getByLabel(/^Scenario time/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
    const feed = page.getByRole('list', { name: 'Messages, oldest first' });
    for (let i = 0; i < 5 && !(await feed.getByText(/^Alert body/).isVisible()); i += 1) {
      await page.getByRole('button', { name: 'Next event' }).click();
      await page.waitForTimeout(300);
    }
    expect(await feed.getByText(/^Alert body/).isVisible()).toBe(true);
    await expectNoOverflow(page, 'run');
    await app.screenshot('wrap-run');
    const runId = /#\/run\/([^/?#]+)/.exec(page.url())?.[1];
    expect(runId).toBeTruthy();
    const presenter = await app.openView(`#/presenter/${runId}`);
    await expect.poll(() => presenter.getByText(/^Alert body/).first().isVisible(), { timeout: 15_000 }).toBe(true);
    await expectNoOverflow(presenter, 'presenter');
    await app.screenshot('wrap-presenter', presenter);
    await presenter.close();
  });

  it('wraps in the debrief tables and TRACE text, and in the exported HTML report, which offers nothing to follow', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'End run' }).click();
    await page.getByRole('dialog', { name: 'End the run now?' }).getByRole('button', { name: 'End and go to the debrief' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /TRACE debrief/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    for (const summary of await page.locator('details summary').all()) await summary.click();
    await expectNoOverflow(page, 'debrief');
    await app.screenshot('wrap-debrief');
    await page.getByRole('button', { name: 'Export Report (HTML)' }).click();
    await expect.poll(() => app.platform!.saved.some((s) => s.purpose === 'html')).toBe(true);
    const path = app.platform!.saved.find((s) => s.purpose === 'html')!.path;
    await expect.poll(async () => (await readFile(path, 'utf8').catch(() => '')).includes('</html>')).toBe(true);
    const html = await readFile(path, 'utf8');
    expect(await navigableOrRemote(page, html)).toEqual([]);
    const report = await page.context().newPage();
    try {
      await report.setViewportSize({ width: 800, height: 1000 });
      await report.setContent(html, { waitUntil: 'load' });
      expect(await report.locator('body').innerText()).toContain('press <Escalate> first.');
      expect(await report.locator('body').innerText()).toContain('the policy (https://evil.example/policy)');
      await expectNoOverflow(report, 'HTML report');
      await report.screenshot({ path: join(PROJECT_ROOT, 'test-results/screenshots/browser-wrap-report.png'), fullPage: false });
    } finally {
      await report.close();
    }
  });

  it('the report check finds a navigable or remote link (so its silence means something)', async () => {
    const { page } = app;
    const cases = [
      '<p><a href="https://evil.example/x">x</a></p>',
      "<p><a href='#top'>top</a></p>",
      '<map><area href=https://evil.example></map>',
      '<link rel="stylesheet" href="https://evil.example/a.css">',
      '<img src="https://evil.example/t.png">',
      '<img src=//evil.example/t.png>',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
      '<form action="https://evil.example/post"></form>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '<iframe srcdoc="x"></iframe>',
      '<script>alert(1)</script>',
      '<svg><a xlink:href="https://evil.example">x</a></svg>',
    ];
    for (const html of cases) expect((await navigableOrRemote(page, `<body>${html}</body>`)).length, html).toBe(1);
    const safe = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><p><span class="md-link">the policy</span> (https://evil.example/policy) <img src="data:image/png;base64,iVBO" alt="x"> action = href=</p>';
    expect(await navigableOrRemote(page, safe)).toEqual([]);
    // The pattern the spec used before never matched, not even a plain remote link.
    expect('<a href="https://evil.example/x">x</a>').not.toMatch(/href="https?:\/\/(?!)/i);
  });
});
