/**
 * Builds the app once before the end-to-end specs and says plainly which
 * backends are skipped and why.
 */
import { build } from 'electron-vite';
import { backendCases } from './harness/backends';
import { PROJECT_ROOT } from './harness/launch-app';

export async function setup(): Promise<void> {
  const cases = backendCases();
  for (const { backend, skip } of cases) {
    if (skip) console.warn(`\n[e2e] SKIPPING every end-to-end spec on the ${backend} backend: ${skip}\n`);
  }
  if (cases.every((c) => c.skip)) return;
  await build({ root: PROJECT_ROOT, configFile: `${PROJECT_ROOT}/electron.vite.config.ts`, logLevel: 'warn' });
}
