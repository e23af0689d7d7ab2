/**
 * Starts the app for an end-to-end test on one of two backends:
 * - `browser`: the built renderer served from 127.0.0.1 in Debian Chromium,
 *   with `window.api` bridged (Playwright exposeBinding) to the real
 *   main-side services running in this test process;
 * - `electron`: the real app through Playwright's Electron support (only where
 *   the Electron binary exists).
 * Specs are written once against the AppHandle and run on both.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, _electron, type Browser, type BrowserContext, type ElectronApplication, type Page } from 'playwright-core';
import { createServices, type Services } from '../../../src/main/services';
import { CHANNELS, EVENT_NAMES } from '../../../src/shared/ipc';
import { CHROMIUM_ARGS, chromiumPath, electronPath } from './environment';
import { serveDirectory } from './static-server';
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
};

export type LaunchOptions = {
  readonly userDataDir?: string;
  readonly bundledPacksDir?: string;
  readonly viewport?: { width: number; height: number };
  /** Replaces service handlers in the browser backend (e.g. a dialog that picks a fixture path). */
  readonly overrides?: (services: Services) => void;
};

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

type Launched = Pick<AppHandle, 'page' | 'services' | 'platform' | 'openView' | 'close'>;

async function launchBrowser(userDataDir: string, options: LaunchOptions): Promise<Launched> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium available for the browser harness');
  const server = await serveDirectory(RENDERER_DIR);
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context: BrowserContext = await browser.newContext({ viewport: options.viewport ?? { width: 1360, height: 880 } });
  const open = async (hash: string) => {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await page.goto(`${server.url}index.html${hash}`);
    return page;
  };
  const saveDir = join(userDataDir, 'saved');
  await mkdir(saveDir, { recursive: true });
  // PDFs are printed in a separate context, outside the app's bridge, like Electron's hidden print window.
  const printContext = await browser.newContext();
  const platform = createTestPlatform({ saveDir, openPage: open, printPage: () => printContext.newPage() });
  const services = await createServices({
    userDataDir,
    bundledPacksDir: options.bundledPacksDir ?? join(PROJECT_ROOT, 'scenarios'),
    appVersion: 'e2e',
    platformName: process.platform,
    platform,
    broadcast: (event, payload) => {
      for (const page of context.pages()) {
        void page.evaluate(([name, data]) => (window as unknown as { __vaimEmit?: (n: string, d: unknown) => void }).__vaimEmit?.(name, data), [event, payload] as const).catch(() => {});
      }
    },
  });
  options.overrides?.(services);
  await context.exposeBinding('__vaimInvoke', (_source, channel: string, args: unknown[]) => services.dispatch(channel, args));
  await context.addInitScript({ content: bridgeScript() });
  const page = await open('');
  return {
    page,
    services,
    platform,
    openView: open,
    close: async () => {
      await services.dispose();
      await context.close();
      await printContext.close();
      await browser.close();
      await server.close();
    },
  };
}

/** The script that defines `window.api` in the page exactly as the preload does. */
function bridgeScript(): string {
  return `(() => {
    const channels = ${JSON.stringify(CHANNELS)};
    const events = ${JSON.stringify(EVENT_NAMES)};
    const listeners = new Map();
    const api = {};
    for (const channel of channels) api[channel] = (...args) => window.__vaimInvoke(channel, args);
    api.on = (event, listener) => {
      if (!events.includes(event)) throw new Error('Unknown event ' + event);
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    };
    Object.defineProperty(window, '__vaimEmit', { value: (event, payload) => { for (const l of listeners.get(event) ?? []) l(payload); } });
    Object.defineProperty(window, 'api', { value: Object.freeze(api) });
  })();`;
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
