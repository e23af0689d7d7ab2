/**
 * Electron entry point: single instance, hardened session, the services,
 * typed IPC and the app windows. Everything that does real work lives in
 * the electron-free services (../services.ts).
 */
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServices } from '../services';
import { createPromptBroker, createUnsavedGuard } from '../sessions/unsaved-guard';
import { registerIpc, trustedSenders } from './ipc';
import { lockDownSession, lockDownWebContents } from './security';
import { electronPlatform } from './platform';
import { guardQuit, guardWindowClose, nativeUnsavedPrompt } from './quit';
import { createAppWindow } from './windows';
import { wireName, type EventName, type IpcEvents } from '../../shared/ipc';

const isDev = !app.isPackaged && Boolean(process.env['ELECTRON_RENDERER_URL']);
const rendererUrl = isDev
  ? String(process.env['ELECTRON_RENDERER_URL'])
  : pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
const appUrlPrefix = isDev ? rendererUrl : pathToFileURL(join(import.meta.dirname, '../renderer/')).href;
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const bundledPacksDir = app.isPackaged ? join(process.resourcesPath, 'scenarios') : join(app.getAppPath(), 'scenarios');

// Tests (and portable installs) may point the app at another data folder.
const userDataOverride = process.env['VAIM_USER_DATA_DIR'];
if (userDataOverride) app.setPath('userData', userDataOverride);

const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | undefined;

function broadcast<E extends EventName>(event: E, payload: IpcEvents[E]): void {
  for (const window of windows) {
    if (!window.isDestroyed()) window.webContents.send(wireName(event as never), payload);
  }
}

function openWindow(kind: 'main' | 'presenter', hash?: string): BrowserWindow {
  const window = createAppWindow({ kind, preloadPath, rendererUrl, ...(hash ? { hash } : {}) });
  windows.add(window);
  window.on('closed', () => windows.delete(window));
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
      broadcast,
      unsavedPrompts,
      log: (message) => console.error(message),
    });
    const trustedIds = () => new Set([...windows].filter((w) => !w.isDestroyed()).map((w) => w.webContents.id));
    registerIpc(ipcMain, services.dispatch, trustedSenders(appUrlPrefix, trustedIds));
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
