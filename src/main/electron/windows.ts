/**
 * Window factory. Every window gets the same locked-down webPreferences:
 * isolated, sandboxed, no Node, our preload only.
 */
import { BrowserWindow } from 'electron';

/** Which view a window shows. */
export type ViewKind = 'main' | 'presenter';

/** Creates an app window and loads the renderer (with `#/presenter/<runId>` for the projector view). */
export function createAppWindow(options: {
  readonly kind: ViewKind;
  readonly preloadPath: string;
  readonly rendererUrl: string;
  readonly hash?: string;
  /** DevTools are off in packaged builds. */
  readonly devTools: boolean;
}): BrowserWindow {
  const window = new BrowserWindow({
    width: options.kind === 'main' ? 1360 : 1280,
    height: options.kind === 'main' ? 880 : 760,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: options.kind === 'main' ? 'V-AIM Command Trainer' : 'V-AIM Presenter',
    backgroundColor: '#0f172a',
    autoHideMenuBar: true,
    // Kept inline (not built by a helper) so electronegativity's static checks can see every flag.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  const url = options.hash ? `${options.rendererUrl}#${options.hash}` : options.rendererUrl;
  void window.loadURL(url);
  return window;
}
