/**
 * App-wide hardening: no navigation away from the app (main frame or any
 * sub-frame), no redirects, no new windows, no webviews, every permission
 * request denied, the CSP sent as a header, and no request that is not the
 * app's own (the app scheme, or the dev server in development builds).
 */
import type { App, Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';

/** Denies navigation, window.open and webviews for every web contents the app creates. */
export function lockDownWebContents(app: Pick<App, 'on'>, appUrlPrefix: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(appUrlPrefix)) event.preventDefault();
    });
    // Frames never navigate; the main frame only within the app.
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame || !event.url.startsWith(appUrlPrefix)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** URLs the app's pages may load: its own scheme, DevTools' own pages, and inline data (embedded images, the PDF print page). */
const OWN_URL = /^(app|devtools|data|blob):/i;
const DEV_SERVER = /^(https?|wss?):\/\/(localhost|127\.0\.0\.1)(:\d+)?\//i;

/** Denies all permission requests and checks, adds the CSP header to responses, and cancels every other request. */
export function lockDownSession(session: Session, mode: 'production' | 'development'): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy(mode)],
      },
    });
  });
  // The app makes no network request and reads no file:// URL.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = OWN_URL.test(details.url) || (mode === 'development' && DEV_SERVER.test(details.url));
    callback({ cancel: !allowed });
  });
}
