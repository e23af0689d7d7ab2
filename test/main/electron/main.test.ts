/**
 * The Electron entry with `electron` mocked: the sandbox is enabled and the
 * app scheme registered before the app is ready; the renderer is served on
 * app:// (ELECTRON_RENDERER_URL is honoured only by a development build);
 * packaged builds get no DevTools and a menu without reload or DevTools.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Fake = {
  order: string[];
  loaded: string[];
  webPreferences: Record<string, unknown>[];
  menu: unknown;
  handled: string[];
  quit: () => Promise<void>;
};

let fake: Fake;
let userData: string;

function mockElectron(packaged: boolean): void {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  fake = { order: [], loaded: [], webPreferences: [], menu: undefined, handled: [], quit: async () => {} };
  const f = fake;
  fake.quit = async () => {
    const event = { preventDefault: () => {} };
    listeners.get('before-quit')?.(event);
    await new Promise((resolve) => setTimeout(resolve, 50));
  };
  vi.doMock('electron', () => {
    class BrowserWindow {
      webContents = { id: f.loaded.length + 1, send: () => {}, isDestroyed: () => false };
      constructor(options: { webPreferences: Record<string, unknown> }) {
        f.webPreferences.push(options.webPreferences);
      }
      once() {}
      on() {}
      show() {}
      isDestroyed() {
        return false;
      }
      async loadURL(url: string) {
        f.loaded.push(url);
      }
    }
    const app = {
      isPackaged: packaged,
      enableSandbox: () => f.order.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      on: (name: string, listener: (...args: unknown[]) => void) => void listeners.set(name, listener),
      whenReady: () => {
        f.order.push('whenReady');
        return readyPromise;
      },
      getPath: () => userData,
      setPath: () => {},
      getAppPath: () => userData,
      getVersion: () => '0.0.0-test',
      getName: () => 'V-AIM Command Trainer',
      quit: () => {},
    };
    const session = {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
        webRequest: { onHeadersReceived: () => {}, onBeforeRequest: () => {} },
      },
    };
    const protocol = {
      registerSchemesAsPrivileged: () => f.order.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => f.handled.push(scheme),
    };
    const Menu = { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => void (f.menu = menu) };
    return { app, session, protocol, Menu, BrowserWindow, ipcMain: { handle: () => {}, removeHandler: () => {} }, dialog: {} };
  });
  queueMicrotask(() => ready());
}

async function start(packaged: boolean): Promise<void> {
  mockElectron(packaged);
  // Electron sets this in packaged apps (where the bundled scenarios live).
  Object.defineProperty(process, 'resourcesPath', { value: userData, configurable: true });
  await import('../../../src/main/electron/main');
  await vi.waitFor(() => expect(fake.loaded.length).toBeGreaterThan(0), { timeout: 10_000 });
}

beforeEach(async () => {
  vi.resetModules();
  userData = await mkdtemp(join(tmpdir(), 'vaim-main-'));
  vi.stubEnv('VAIM_USER_DATA_DIR', '');
});
afterEach(async () => {
  await fake?.quit();
  vi.unstubAllEnvs();
  vi.doUnmock('electron');
  await rm(userData, { recursive: true, force: true });
});

describe('the Electron entry', () => {
  it('enables the sandbox and registers the app scheme before the app is ready', async () => {
    vi.stubEnv('DEV', false);
    await start(false);
    expect(fake.order.slice(0, 3)).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'whenReady']);
  });

  it('serves the renderer on app://, and ignores ELECTRON_RENDERER_URL in a production build', async () => {
    vi.stubEnv('DEV', false);
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    await start(false);
    expect(fake.loaded).toEqual(['app://vaim/index.html']);
    expect(fake.handled).toEqual(['app']);
  });

  it('loads the dev server only in a development build', async () => {
    vi.stubEnv('DEV', true);
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    await start(false);
    expect(fake.loaded).toEqual(['http://localhost:5173/']);
    expect(fake.handled).toEqual([]);
  });

  it('turns DevTools off and replaces the default menu in packaged builds, even with a dev server set', async () => {
    vi.stubEnv('DEV', true);
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    await start(true);
    expect(fake.loaded).toEqual(['app://vaim/index.html']);
    expect(fake.webPreferences[0]).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true });
    expect(JSON.stringify(fake.menu)).not.toMatch(/reload|devtools/i);
  });

  it('keeps DevTools and the default menu in an unpackaged build', async () => {
    vi.stubEnv('DEV', false);
    await start(false);
    expect(fake.webPreferences[0]).toMatchObject({ devTools: true });
    expect(fake.menu).toBeUndefined();
  });
});
