/**
 * The renderer's Content-Security-Policy. Production: only the app's own
 * files; no inline script, no remote origins, no frames, no plugins. Images
 * may be `data:` URLs because pack attachments are embedded that way.
 *
 * `socketOrigins`: when the app is served to a browser (npm start without
 * the desktop binary, participants' devices) the renderer talks to main over
 * a WebSocket at its own address. CSP Level 3 lets `'self'` cover `ws:`/`wss:`
 * at the page's own host and port, but older Safari (phones!) does not, so
 * the server names that one same-origin socket explicitly (e.g.
 * `ws://192.168.1.20:51234`) — never a wildcard, never another host.
 */
export function contentSecurityPolicy(mode: 'production' | 'development', options: { readonly socketOrigins?: readonly string[] } = {}): string {
  const base = mode === 'development' ? "'self' ws://localhost:* ws://127.0.0.1:*" : "'self'";
  const connect = [base, ...(options.socketOrigins ?? [])].join(' ');
  const script = mode === 'development' ? "'self' 'unsafe-inline'" : "'self'";
  return [
    "default-src 'none'",
    `script-src ${script}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "media-src 'none'",
  ].join('; ');
}
