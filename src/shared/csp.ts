/**
 * The renderer's Content-Security-Policy. Production: only the app's own
 * files; no inline script, no remote origins, no frames, no plugins. Images
 * may be `data:` URLs because pack attachments are embedded that way.
 */
export function contentSecurityPolicy(mode: 'production' | 'development'): string {
  const connect = mode === 'development' ? "'self' ws://localhost:* ws://127.0.0.1:*" : "'self'";
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
