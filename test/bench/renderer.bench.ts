/**
 * The renderer as a user's browser meets it:
 * - its initial JavaScript, gzipped (what index.html loads before anything
 *   shows; budget ≤ 200 KB);
 * - time to interactive in Chromium (navigation → the main navigation is
 *   visible and answers a click), beside a bare React page built with the same
 *   Vite and measured in the same run (budget ≤ 1.5× the bare page).
 * Needs `npm run build` (out/renderer) and Chromium; skips with a note otherwise.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { headlessPlatform } from '../../src/main/platform/platform';
import { startWebApp } from '../../src/main/web/web-app';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/harness/environment';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { against, median, type BenchResult } from './bench-kit';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER = join(ROOT, 'out/renderer');

/** The JS files index.html loads at start (module scripts and module preloads), gzipped at level 9. */
async function initialJsGzip(dir: string): Promise<number> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
  let total = 0;
  for (const src of new Set(srcs)) total += gzipSync(await readFile(join(dir, src.replace(/^\.?\//, ''))), { level: 9 }).length;
  return total;
}

/** A bare React page (one heading and one button), built with the same Vite into `dir`. */
async function bareReactPage(dir: string): Promise<string> {
  const src = join(dir, 'src');
  await mkdir(src, { recursive: true });
  await writeFile(join(src, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>Bare</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>');
  await writeFile(join(src, 'main.tsx'), "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<nav aria-label=\"Main\"><button>Library</button></nav>);\n");
  const out = join(dir, 'out');
  await build({ root: src, logLevel: 'silent', plugins: [react()], build: { outDir: out, emptyOutDir: true }, configFile: false, base: './' });
  return out;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves a built folder on 127.0.0.1 (the bare page; nothing but its own files). */
async function serveDirectory(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html');
    if (!path.startsWith(dir)) return void res.writeHead(403).end();
    readFile(path).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

export async function run(): Promise<BenchResult[]> {
  const executablePath = chromiumPath();
  if (!existsSync(join(RENDERER, 'index.html')) || !executablePath) {
    console.error('renderer bench skipped: needs `npm run build` and Chromium');
    return [];
  }
  const results: BenchResult[] = [{ name: 'renderer: initial JS, gzipped (budget ≤ 200 KB)', value: (await initialJsGzip(RENDERER)) / 1024, unit: 'KB' }];
  // Inside the project, so the bare page resolves react from node_modules.
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'test-results', 'bench-renderer-'));
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  const web = await startWebApp({ userDataDir: join(dir, 'data'), platform: () => headlessPlatform, appVersion: 'bench' });
  const bare = await serveDirectory(await bareReactPage(dir));
  try {
    const tti = async (url: string): Promise<number> => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(url);
      // Interactive: the main navigation is there and a button in it takes a click.
      await page.getByRole('navigation', { name: /main/i }).getByRole('button').first().click({ trial: true });
      const elapsed = performance.now() - started;
      await context.close();
      return elapsed;
    };
    const app: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      floor.push(await tti(`${bare.url}/index.html`));
      app.push(await tti(web.url));
    }
    results.push(against('renderer: time to interactive in Chromium (budget ≤ 1.5× a bare React page; floor = the bare page)', median(app), median(floor)));
  } finally {
    await bare.close();
    await web.close();
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
