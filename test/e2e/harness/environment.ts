/**
 * Finds what the end-to-end tests can run on: Debian's Chromium (or
 * CHROMIUM_PATH) driven over the real services, and — on a normal developer
 * machine where the Electron binary was downloaded — the real Electron app.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Path of a usable Chromium, or undefined. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
}

/**
 * Path of the Electron binary when it was downloaded, or undefined. (Not `require('electron')`: since
 * Electron 42 that downloads the binary when it is missing.)
 */
export function electronPath(): string | undefined {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const path = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8'));
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Why the browser specs cannot run, or undefined when they can. */
export function browserSkipReason(): string | undefined {
  return chromiumPath()
    ? undefined
    : 'no Chromium found (set CHROMIUM_PATH or install Debian "chromium": apt-get install -y chromium)';
}

/** Why the Electron specs cannot run, or undefined when they can. */
export function electronSkipReason(): string | undefined {
  if (process.env['CI']) return 'CI runs the browser harness only (the Electron binary is not downloaded there)';
  return electronPath() ? undefined : 'the Electron binary is not installed (Electron fetches it on first use: `npx install-electron`)';
}

/** Flags that keep Chromium from reaching the network (the app must make no request). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
