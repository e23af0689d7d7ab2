/**
 * Start-up of the main-side services (what the app does before the first
 * window can talk to it), against the floor of creating the data folder.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headlessPlatform } from '../../src/main/platform/platform';
import { createServices } from '../../src/main/services';
import { against, median, sampleAsync, type BenchResult } from './bench-kit';

export async function run(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'vaim-bench-startup-'));
  let n = 0;
  try {
    const services = await sampleAsync(async () => {
      const s = await createServices({
        userDataDir: join(root, `s${n++}`),
        bundledPacksDir: join(import.meta.dirname, '../../scenarios'),
        appVersion: 'bench',
        platformName: process.platform,
        platform: headlessPlatform,
        broadcast: () => {},
      });
      await s.dispatch('getAppInfo', []);
      await s.dispose();
    }, 20);
    const floor = await sampleAsync(() => mkdir(join(root, `f${n++}`), { recursive: true }), 20);
    return [against('startup: services ready and first IPC answered', median(services), median(floor))];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
