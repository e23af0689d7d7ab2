/**
 * App-wide hardening: no navigation away from the app, no new windows, no
 * webviews, every permission request denied, and the CSP sent as a header
 * for anything served over http (the dev server).
 */
import type { App, Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';

/** Denies navigation, window.open and webviews for every web contents the app creates. */
export function lockDownWebContents(app: Pick<App, 'on'>, appUrlPrefix: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(appUrlPrefix)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Denies all permission requests and checks, and adds the CSP header to http responses. */
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
  // The app makes no network request: anything that is not our own files or the dev server is cancelled.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = /^(file|devtools|data|blob):/i.test(details.url) || (mode === 'development' && /^(https?|wss?):\/\/(localhost|127\.0\.0\.1)(:\d+)?\//i.test(details.url));
    callback({ cancel: !allowed });
  });
}
