/**
 * Starts the app for an end-to-end test on one of two backends:
 * - `browser`: the app exactly as `npm start` serves it without the desktop
 *   binary (src/main/web/web-app.ts): the real services, the built renderer
 *   and the WebSocket transport on 127.0.0.1, opened in Debian Chromium. The
 *   page talks to main over the real socket, like a user's browser; only the
 *   platform port (dialogs, PDF, the presenter window) is the test's;
 * - `electron`: the real app through Playwright's Electron support (only where
 *   the Electron binary exists).
 * Specs are written once against the AppHandle and run on both.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, _electron, type Browser, type BrowserContext, type ElectronApplication, type Page } from 'playwright-core';
import type { Services } from '../../../src/main/services';
import { startWebApp, type WebApp } from '../../../src/main/web/web-app';
import { CHROMIUM_ARGS, chromiumPath, electronPath } from './environment';
import { createTestPlatform, type TestPlatform } from './test-platform';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_DIR = join(PROJECT_ROOT, 'out/renderer');
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results/screenshots');

export type Backend = 'browser' | 'electron';

/** A running app under test. */
export type AppHandle = {
  readonly backend: Backend;
  readonly page: Page;
  readonly userDataDir: string;
  /** The services behind the browser bridge (undefined on the electron backend). */
  readonly services: Services | undefined;
  /** The dialogs/PDF/windows port behind the browser bridge (undefined on the electron backend). */
  readonly platform: TestPlatform | undefined;
  /** Opens another view of the app (e.g. the presenter window) at a hash route. */
  readonly openView: (hash: string) => Promise<Page>;
  readonly screenshot: (name: string, page?: Page) => Promise<string>;
  readonly close: () => Promise<void>;
  /** The browser backend's Chromium (to open participants' devices in contexts of their own); undefined on electron. */
  readonly browser?: Browser | undefined;
  /** The browser backend's served app (its address and key); undefined on electron. */
  readonly web?: WebApp | undefined;
};

export type LaunchOptions = {
  readonly userDataDir?: string;
  readonly bundledPacksDir?: string;
  readonly viewport?: { width: number; height: number };
  /** Replaces service handlers in the browser backend (e.g. a dialog that picks a fixture path). */
  readonly overrides?: (services: Services) => void;
};

/** Where the browser backend's room listens: a loopback address of its own (tests never touch a real LAN). */
export const TEST_ROOM_HOST = '127.0.0.2';

/** Launches the app on the given backend. */
export async function launchApp(backend: Backend, options: LaunchOptions = {}): Promise<AppHandle> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'vaim-e2e-')));
  const ownsDir = !options.userDataDir;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const launched = backend === 'browser' ? await launchBrowser(userDataDir, options) : await launchElectron(userDataDir);
  return {
    ...launched,
    backend,
    userDataDir,
    screenshot: async (name, page = launched.page) => {
      const path = join(SCREENSHOT_DIR, `${backend}-${name}.png`);
      // The app scrolls inside <main>, not the page: grow the viewport to the content for a whole-screen picture.
      const size = page.viewportSize();
      const height = await page.evaluate(() => {
        const main = document.querySelector('main');
        main?.scrollTo(0, 0);
        return Math.max(document.documentElement.scrollHeight, main ? main.scrollHeight : 0);
      });
      if (size) await page.setViewportSize({ width: size.width, height: Math.min(4000, Math.max(size.height, height)) });
      await page.screenshot({ path });
      if (size) await page.setViewportSize(size);
      return path;
    },
    close: async () => {
      await launched.close();
      if (ownsDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

type Launched = Pick<AppHandle, 'page' | 'services' | 'platform' | 'openView' | 'close' | 'browser' | 'web'>;

async function launchBrowser(userDataDir: string, options: LaunchOptions): Promise<Launched> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium available for the browser harness');
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context: BrowserContext = await browser.newContext({ viewport: options.viewport ?? { width: 1360, height: 880 } });
  // PDFs are printed in a separate context, outside the app, like Electron's hidden print window.
  const printContext = await browser.newContext();
  const saveDir = join(userDataDir, 'saved');
  await mkdir(saveDir, { recursive: true });
  let web: WebApp | undefined;
  const open = async (hash: string) => {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await page.goto(web!.viewUrl(hash));
    return page;
  };
  let platform: TestPlatform | undefined;
  try {
    web = await startWebApp({
      userDataDir,
      rendererDir: RENDERER_DIR,
      ...(options.bundledPacksDir ? { bundledPacksDir: options.bundledPacksDir } : {}),
      appVersion: 'e2e',
      platform: () => (platform = createTestPlatform({ saveDir, openPage: open, printPage: () => printContext.newPage() })),
      room: { bind: TEST_ROOM_HOST, addresses: () => [TEST_ROOM_HOST] },
      ...(options.overrides ? { overrides: options.overrides } : {}),
    });
  } catch (error) {
    await browser.close();
    throw error;
  }
  const app = web;
  const page = await open('');
  return {
    page,
    services: app.services,
    platform,
    openView: open,
    browser,
    web: app,
    close: async () => {
      await app.close();
      await context.close();
      await printContext.close();
      await browser.close();
    },
  };
}

async function launchElectron(userDataDir: string): Promise<Launched> {
  const executablePath = electronPath();
  if (!executablePath) throw new Error('The Electron binary is not installed');
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [PROJECT_ROOT],
    env: { ...process.env, VAIM_USER_DATA_DIR: userDataDir } as Record<string, string>,
  });
  const page = await app.firstWindow();
  return {
    page,
    services: undefined,
    platform: undefined,
    openView: async (hash) => {
      await page.evaluate((h) => (window.location.hash = h), hash);
      return page;
    },
    close: () => app.close(),
  };
}
