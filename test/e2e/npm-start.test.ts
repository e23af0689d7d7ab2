/**
 * `npm start`'s own entry point (src/main/web/start.mjs), as a user runs it
 * on a machine without the desktop binary or a display: it says why in one
 * sentence, prints the address, the app works there in Chromium over the
 * real WebSocket, and Ctrl-C stops it with every live run saved.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendCases } from './harness/backends';
import { CHROMIUM_ARGS, chromiumPath, electronPath } from './harness/environment';
import { PROJECT_ROOT, SCREENSHOT_DIR } from './harness/launch-app';

const skip = backendCases()[0]?.skip;

describe.skipIf(Boolean(skip))(`npm start without the desktop binary [browser]${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let child: ChildProcess;
  let output = '';
  let userDataDir: string;
  let browser: Browser;
  let address = '';

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'vaim-npm-start-'));
    const started = performance.now();
    // No display (and no download attempt): the browser version, whatever this machine has installed.
    child = spawn(process.execPath, ['src/main/web/start.mjs', '--no-open', ...(electronPath() ? ['--browser'] : [])], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, VAIM_USER_DATA_DIR: userDataDir, DISPLAY: '', WAYLAND_DISPLAY: '', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += String(chunk)));
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    for (let waited = 0; !/running at http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]+/.test(output); waited += 50) {
      if (waited > 90_000 || child.exitCode !== null) throw new Error(`npm start printed no address:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    address = /running at (\S+)/.exec(output)![1]!;
    console.log(`[npm start] address printed after ${Math.round(performance.now() - started)} ms${output.includes('Building') ? ' (including a build)' : ''}`);
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await rm(userDataDir, { recursive: true, force: true });
  });

  it('says in one sentence why it uses the browser, and prints the address and the data folder', () => {
    expect(output).toMatch(/^Starting in your browser instead of the desktop window, because [^.\n]+\.$/m);
    expect(output).toContain(`Data folder: ${userDataDir}.`);
  });

  it('serves the same app there: the library lists the bundled pack, over the real socket', async () => {
    const page = await browser.newPage();
    await page.goto(address);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Scenario library' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: /TalentLens/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    // The key has left the address bar; the page keeps it for this tab.
    expect(page.url()).not.toContain('key=');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'browser-npm-start.png') });
    // Same data folder: a run created here is a run in it.
    await page.getByRole('button', { name: 'Prepare a run' }).first().click();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
    await page.getByRole('button', { name: 'Create the run and open the briefing' }).click();
    await page.getByRole('button', { name: 'Start the clock' }).click();
    await expect.poll(() => page.getByLabel(/^Scenario time/).isVisible()).toBe(true);
    await page.close();
  });

  it('refuses the page without the key (another local user, another site)', async () => {
    const page = await browser.newPage();
    await page.goto(address.replace(/\?key=.*/, ''));
    await expect.poll(() => page.getByText(/cannot be reached at this address|Could not start/).first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  it('stops on Ctrl-C with every live run saved, and an open page says the app is gone', async () => {
    const page = await browser.newPage();
    await page.goto(address);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Scenario library' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped. Every open run was saved.');
    await expect.poll(() => page.getByText('The connection to the app was lost; reconnecting…', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    const [runId] = await readdir(join(userDataDir, 'runs'));
    const log = await readFile(join(userDataDir, 'runs', runId!, 'log.jsonl'), 'utf8');
    expect(log).toContain('"run.start"');
  });
});
