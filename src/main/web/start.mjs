#!/usr/bin/env node
// `npm start`: always starts the app. Builds it when the sources are newer
// than the last build, then opens the desktop app where the Electron binary
// is installed (or can be fetched now) and there is a display; otherwise it
// says so in one sentence and serves the same app to the browser
// (./cli.ts, run through tsx like the `vaim` CLI).
//   npm start -- --browser      skip Electron and use the browser
//   npm start -- --port 8080    the browser mode's port (default: a free one)
//   npm start -- --no-open      do not open a browser
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const STAMP = join(ROOT, 'out', '.build-stamp');

/** Newest modification time under the given paths (files and folders, recursively). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return;
    latest = Math.max(latest, info.mtimeMs);
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  paths.forEach(visit);
  return latest;
}

function ensureBuilt() {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(ROOT, p));
  const built = existsSync(STAMP) && outputs.every((p) => existsSync(p)) ? statSync(STAMP).mtimeMs : 0;
  const inputs = ['src/main', 'src/preload', 'src/renderer', 'src/shared', 'src/engine', 'electron.vite.config.ts', 'package.json'].map((p) => join(ROOT, p));
  if (built > newest(inputs)) return;
  console.log('Building the app…');
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed (see above); nothing was started.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(STAMP, new Date().toISOString());
}

/** The Electron binary's path when it is installed (the check electron's own install.js makes), else undefined. */
function installedElectron() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8');
    if (readFileSync(join(dir, 'dist', 'version'), 'utf8').replace(/^v/, '') !== version) return undefined;
    const binary = join(dir, 'dist', relative);
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Tries to download the binary now (Electron 42+ fetches it on first use, not at npm install). */
function fetchElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  let installer;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return 'the electron package is not installed';
  }
  console.log('Fetching the Electron desktop binary (first start)…');
  const timeout = Number(process.env.VAIM_ELECTRON_FETCH_TIMEOUT_MS ?? 120_000);
  const result = spawnSync(process.execPath, [installer], { cwd: ROOT, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status === 0 && installedElectron()) return undefined;
  if (result.error?.code === 'ETIMEDOUT') return `its download did not finish within ${Math.round(timeout / 1000)} s`;
  const why = `${result.stderr ?? ''}`.match(/(getaddrinfo \w+ [\w.-]+|fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|HTTPError[^\n]*|requires? Node[^\n]*)/i)?.[0];
  return `it could not be downloaded${why ? ` (${why})` : ''}`;
}

function noDisplay() {
  if (process.platform === 'win32' || process.platform === 'darwin') return false;
  return !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

/** The Electron binary to run, or the reason the browser is used instead. */
function chooseShell() {
  if (argv.includes('--browser') || process.env.VAIM_BROWSER) return { reason: 'you asked for the browser version' };
  const binary = installedElectron();
  if (noDisplay()) return { reason: `there is no display for a desktop window${binary ? '' : ' (and the Electron desktop binary is not installed)'}` };
  if (binary) return { binary };
  const failure = fetchElectron();
  if (!failure) return { binary: installedElectron() };
  return { reason: `the Electron desktop binary is not installed and ${failure}` };
}

ensureBuilt();
const shell = chooseShell();
if (shell.binary) {
  const child = spawn(shell.binary, [ROOT, ...argv.filter((a) => a !== '--no-open')], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(`Starting in your browser instead of the desktop window, because ${shell.reason}.`);
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./cli.ts');
  process.exitCode = await main(argv);
}
