/**
 * The renderer as a user's browser meets it:
 * - its initial JavaScript, gzipped (what index.html loads before anything
 *   shows; budget ≤ 200 KB);
 * - time to interactive in Chromium (navigation start → the first frame
 *   painted with the main navigation's buttons, which then take a click), beside a bare React page built with the same
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
import { serveStatic } from '../../src/main/server/static-files';
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

/** Sets `window.__interactiveAt` at the first frame painted once the main navigation has a button. */
const INTERACTIVE_MARK = `
  const observer = new MutationObserver(() => {
    if (!document.querySelector('nav[aria-label="Main"] button')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__interactiveAt = performance.now(); });
  });
  observer.observe(document, { subtree: true, childList: true });
`;

/**
 * Serves a built folder on 127.0.0.1 through the app's own static handler, so
 * the bare page gets the same headers (the Cross-Origin-Opener-Policy alone
 * costs a browser process swap of 30–40 ms) and the two figures differ only
 * by the renderer itself.
 */
async function serveDirectory(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  let origin = '';
  const server = createServer((req, res) => void serveStatic(dir, req, res, origin));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `ws://127.0.0.1:${port}`;
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
      // Measured inside the page, from navigation start to the first frame
      // painted after the main navigation's first button exists: Playwright's
      // own polling (0, 20, 50, 100 ms steps) would otherwise decide the figure.
      // A string, not a function: tsx would wrap named functions in a helper the page does not have.
      await context.addInitScript(INTERACTIVE_MARK);
      const page = await context.newPage();
      await page.goto(url);
      const elapsed = await page.waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt).then((h) => h.jsonValue());
      // And it really takes a click (not counted: the figure is the page's own).
      await page.getByRole('navigation', { name: /main/i }).getByRole('button').first().click({ trial: true });
      await context.close();
      return elapsed as number;
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
