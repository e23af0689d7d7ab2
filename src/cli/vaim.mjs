#!/usr/bin/env node
// Launcher of the `vaim` CLI. It runs the built JavaScript (out/main/cli.js,
// an entry of the app's own build, electron.vite.config.ts), so running vaim
// needs only the runtime dependencies. `npm install` / `npm ci` build it (the
// `prepare` script); when the build is missing (installed with
// --ignore-scripts) it is built here first, and when the sources changed after
// it was built, vaim says so (it never rebuilds under a running app).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = new URL('../../out/main/cli.js', import.meta.url);

/** The newest modification time of the TypeScript sources vaim is built from. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(built)) {
  process.stderr.write('vaim: building the app and the CLI first (npm run build)…\n');
  const { build } = await import('electron-vite');
  await build({ root, configFile: `${root}/electron.vite.config.ts`, logLevel: 'warn' });
} else if (['engine', 'shared', 'main', 'cli'].some((layer) => newestSource(`${root}/src/${layer}`) > statSync(built).mtimeMs)) {
  process.stderr.write('vaim: note: the sources changed after the last build; run "npm run build" to use the changes\n');
}

const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
