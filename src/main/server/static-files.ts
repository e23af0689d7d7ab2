/**
 * Serves the built renderer (out/renderer) to browsers: GET and HEAD only,
 * only files inside the folder (no `..`, no encoded separators, no NUL, no
 * symlink escapes), with the same strict Content-Security-Policy as the
 * desktop app plus the one same-origin WebSocket the page talks to main on.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/csp';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Headers every response carries. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
}

/** The file a request path names inside `root`, or undefined when it must not be served. */
export function resolveStaticPath(root: string, rawPath: string): string | undefined {
  if (rawPath.length > 1024 || !rawPath.startsWith('/')) return undefined;
  // Encoded separators and dots are refused outright rather than decoded and re-checked.
  if (/%2e|%2f|%5c|%00/i.test(rawPath)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return undefined;
  const file = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  return file.startsWith(resolve(root) + sep) ? file : undefined;
}

/** Answers a static request; `socketOrigin` is the page's own ws:// or wss:// origin. */
export async function serveStatic(root: string, request: IncomingMessage, response: ServerResponse, socketOrigin: string): Promise<void> {
  const csp = contentSecurityPolicy('production', { socketOrigins: [socketOrigin] });
  const headers = securityHeaders(csp);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = (request.url ?? '/').split('?')[0] ?? '/';
  const file = resolveStaticPath(root, pathname);
  const body = file ? await readInside(root, file) : undefined;
  if (!file || !body) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const html = extname(file) === '.html';
  const content = html ? Buffer.from(withSocketCsp(body.toString('utf8'), csp)) : body;
  response.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(content.length),
    // Built assets carry a content hash; the page itself must always be fresh.
    'Cache-Control': html ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  response.end(request.method === 'HEAD' ? undefined : content);
}

/** The page's own CSP (written literally in index.html) extended by the one socket origin. */
function withSocketCsp(html: string, csp: string): string {
  return html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/, `<meta http-equiv="Content-Security-Policy" content="${csp}" />`);
}

/** Reads a file only when it is a regular file whose real path is still inside the root (no symlink escapes). */
async function readInside(root: string, file: string): Promise<Buffer | undefined> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return undefined;
    if (!(await stat(realFile)).isFile()) return undefined;
    return await readFile(realFile);
  } catch {
    return undefined;
  }
}
