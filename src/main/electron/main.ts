/**
 * Electron entry point: single instance, hardened session, the services,
 * typed IPC and the app windows. Everything that does real work lives in
 * the electron-free services (../services.ts).
 */
import { app, dialog, ipcMain, Menu, protocol, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createServices } from '../services';
import { contentSecurityPolicy } from '../../shared/csp';
import { APP_ORIGIN, registerAppScheme, serveApp } from './app-protocol';
import { appMenuTemplate } from './menu';
import type { EventHub } from '../server/event-hub';
import { createLanNetwork } from '../server/room/lan-network';
import { createPromptBroker, createUnsavedGuard } from '../sessions/unsaved-guard';
import { registerIpc, trustedSenders } from './ipc';
import { lockDownSession, lockDownWebContents } from './security';
import { electronPlatform } from './platform';
import { guardQuit, guardWindowClose, nativeUnsavedPrompt } from './quit';
import { createAppWindow } from './windows';
import { wireName } from '../../shared/ipc';

// Every renderer is sandboxed, whatever its webPreferences say; the app scheme is registered before `ready`.
app.enableSandbox();
registerAppScheme(protocol);

// Only a development build (electron-vite dev) loads the dev server; any other build serves its own files.
const devServer = import.meta.env.DEV && !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const isDev = devServer !== undefined;
const rendererUrl = devServer ?? `${APP_ORIGIN}/index.html`;
const appUrlPrefix = devServer ? `${new URL(devServer).origin}/` : `${APP_ORIGIN}/`;
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const bundledPacksDir = app.isPackaged ? join(process.resourcesPath, 'scenarios') : join(app.getAppPath(), 'scenarios');

// Tests (and portable installs) may point the app at another data folder.
const userDataOverride = process.env['VAIM_USER_DATA_DIR'];
if (userDataOverride) app.setPath('userData', userDataOverride);

const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | undefined;
/** webContents ids of presenter windows: they get the presenter's projection of a run, over IPC too. */
const presenterIds = new Set<number>();
let hub: EventHub | undefined;

function openWindow(kind: 'main' | 'presenter', hash?: string): BrowserWindow {
  const window = createAppWindow({ kind, preloadPath, rendererUrl, devTools: !app.isPackaged, ...(hash ? { hash } : {}) });
  const id = window.webContents.id;
  windows.add(window);
  if (kind === 'presenter') presenterIds.add(id);
  // Each window hears main's events as who it is: the presenter's are projected (no answer key, no notes).
  const detach = hub?.attach({
    principal: () => (kind === 'presenter' ? { kind: 'presenter' } : { kind: 'owner' }),
    send: (event, payload) => {
      if (!window.isDestroyed()) window.webContents.send(wireName(event as never), payload);
    },
  });
  window.on('closed', () => {
    windows.delete(window);
    presenterIds.delete(id);
    detach?.();
  });
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [first] = windows;
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });
  lockDownWebContents(app, appUrlPrefix);
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(async () => {
    lockDownSession(session.defaultSession, isDev ? 'development' : 'production');
    if (!isDev) serveApp(protocol, join(import.meta.dirname, '../renderer'), contentSecurityPolicy('production'));
    // Packaged builds have no Reload or Developer Tools menu items (nor their shortcuts).
    if (app.isPackaged) Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, app.getName())));
    const platform = electronPlatform({
      parent: () => [...windows].find((w) => !w.isDestroyed() && w.isFocused()) ?? [...windows][0],
      openPresenter: (runId) => {
        const window = openWindow('presenter', `/presenter/${runId}`);
        window.setMenuBarVisibility(false);
      },
    });
    // Unsaved entries at quit or window close: the main window's renderer asks; with no window, a native box does.
    const unsavedPrompts = createPromptBroker({
      send: (prompt) => {
        const main = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
        main?.webContents.send(wireName('unsavedPrompt' as never), prompt);
        return main !== undefined;
      },
      fallback: nativeUnsavedPrompt(dialog),
    });
    const services = await createServices({
      userDataDir: app.getPath('userData'),
      bundledPacksDir,
      appVersion: app.getVersion(),
      platformName: process.platform,
      platform,
      unsavedPrompts,
      // Participants' devices reach the room over the LAN while the facilitator keeps it open; the served pages
      // are the same built renderer.
      roomNetwork: (wiring) => createLanNetwork({ rendererDir: join(import.meta.dirname, '../renderer'), dataDir: app.getPath('userData') }, wiring),
      log: (message) => console.error(message),
      packWorker: new URL('./pack-worker.js', import.meta.url),
    });
    hub = services.hub;
    const presenter = services.gateway.connect({ kind: 'presenter' }).dispatch;
    const trustedIds = () => new Set([...windows].filter((w) => !w.isDestroyed()).map((w) => w.webContents.id));
    registerIpc(ipcMain, (senderId) => (presenterIds.has(senderId) ? presenter : services.dispatch), trustedSenders(appUrlPrefix, trustedIds));
    // Quitting or closing the main window with unsaved entries asks first: export them, retry, or discard.
    const guard = createUnsavedGuard({
      sessions: services.sessions,
      ask: unsavedPrompts.ask,
      chooseExportPath: (run) => platform.chooseSavePath('run-file', `vaim-run-${run.runId.slice(0, 8)}-unsaved.vaimrun.json`),
    });
    guardQuit({ app, guard, dispose: services.dispose, log: (message) => console.error(message) });
    mainWindow = openWindow('main');
    guardWindowClose(mainWindow, guard);
  });
}
