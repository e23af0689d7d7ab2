/** The app scheme serves only the built renderer's files, each with the CSP header (electron's protocol faked). */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAppScheme, resolveAppFile, serveApp } from '../../../src/main/electron/app-protocol';
import { contentSecurityPolicy } from '../../../src/shared/csp';

let root: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;
const CSP = contentSecurityPolicy('production');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vaim-app-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
  serveApp({ handle: (_scheme: string, h: never) => void (handler = h) } as never, rendererDir, CSP);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it.each([
    ['app://vaim/index.html', 'index.html'],
    ['app://vaim/', 'index.html'],
    ['app://vaim/assets/index.js', 'assets/index.js'],
    ['app://vaim/assets/index.js?v=1#x', 'assets/index.js'],
    // The URL parser resolves dot segments (encoded or not) before the path is seen: they stop at the root.
    ['app://vaim/%2e%2e/secret.txt', 'secret.txt'],
    ['app://vaim/../../etc/passwd', 'etc/passwd'],
  ])('maps %s into the renderer folder', (url, file) => {
    expect(resolveAppFile('/r', url)).toBe(join('/r', file));
  });

  it.each([
    'app://vaim/..%2fsecret.txt',
    'app://vaim/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://vaim/..%5csecret.txt',
    'app://vaim/index.html%00.js',
    'app://vaim/%E0%A4%A',
    'app://other/index.html',
    'file:///r/index.html',
    'https://vaim/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile('/r', url)).toBeUndefined();
  });
});

describe('serveApp', () => {
  it('serves a file with its type and the CSP header', async () => {
    const response = await handler(new Request('app://vaim/assets/index.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('sends the CSP with the page itself', async () => {
    const response = await handler(new Request('app://vaim/index.html'));
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers 404 (and serves nothing) outside the renderer folder and for missing files', async () => {
    for (const url of ['app://vaim/%2e%2e/secret.txt', 'app://vaim/missing.js', 'app://elsewhere/index.html']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('registers the scheme as standard and secure (so "self" is the app origin)', () => {
    let schemes: unknown;
    registerAppScheme({ registerSchemesAsPrivileged: (s: unknown) => void (schemes = s) } as never);
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });
});
