/**
 * Importing a pack through the real services and dispatcher: main reads only
 * the path the user picked in the native dialog (the renderer holds an
 * opaque handle), reports progress while the worker loads it, and never
 * echoes the content of a folder that is not a pack.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { headlessPlatform, type Platform } from '../../../src/main/platform/platform';
import { createServices, type Services } from '../../../src/main/services';
import type { IpcEvents } from '../../../src/shared/ipc';
import type { PackImportProgress, PackSourceChoice } from '../../../src/shared/library';
import { MINIMAL_PACK_DIR, tempDir } from '../runs/helpers/run-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let services: Services;
let answers: (string | null)[];
let progress: PackImportProgress[];

// One set of services (and pack worker) for the file; each test starts with an empty library.
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('import-choice'));
  answers = [];
  progress = [];
  const platform: Platform = { ...headlessPlatform, chooseOpenPath: async () => answers.shift() ?? null };
  await mkdir(join(dir, 'scenarios'));
  services = await createServices({
    userDataDir: join(dir, 'data'),
    bundledPacksDir: join(dir, 'scenarios'),
    appVersion: 'test',
    platformName: 'test',
    platform,
    broadcast: (event, payload) => {
      if (event === 'packImportProgress') progress.push(payload as IpcEvents['packImportProgress']);
    },
  });
});
afterAll(async () => {
  await services.dispose();
  await cleanup();
});
beforeEach(async () => {
  progress.length = 0;
  await services.dispatch('removePack', ['minimal-screening']);
});

async function minimalPackFolder(name: string): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'pack.yaml'), await readFile(join(MINIMAL_PACK_DIR, 'pack.yaml')));
  return folder;
}

async function choose(path: string | null): Promise<PackSourceChoice | null> {
  answers.push(path);
  const response = await services.dispatch('choosePackSource', ['folder']);
  if (!response.ok) throw new Error(response.error.message);
  return response.value as PackSourceChoice | null;
}

describe('importing what the user picked', () => {
  it('gives the renderer a handle and the name only, and imports the picked path by that handle', async () => {
    const folder = await minimalPackFolder('picked-pack');
    const choice = await choose(folder);
    expect(choice).toEqual({ handle: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'picked-pack' });
    expect(JSON.stringify(choice)).not.toContain(dir);
    const imported = await services.dispatch('importPack', [choice!.handle, {}]);
    expect(imported).toMatchObject({ ok: true, value: { ok: true, value: { entry: { id: 'minimal-screening', source: 'imported' } } } });
  });

  it('refuses a path where the handle belongs, and a handle it never gave out', async () => {
    await expect(services.dispatch('importPack', ['/etc', {}])).resolves.toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    await expect(services.dispatch('importPack', ['3f0c2a7e-5d1b-4c8e-9a6f-0b1c2d3e4f50', {}])).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: 'This import is no longer available: choose the pack again.' },
    });
  });

  it('keeps a handle through a conflict (to replace), and forgets it once the import is done', async () => {
    const first = await choose(await minimalPackFolder('one'));
    expect(await services.dispatch('importPack', [first!.handle, {}])).toMatchObject({ ok: true, value: { ok: true } });
    expect(await services.dispatch('importPack', [first!.handle, {}])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const second = await choose(await minimalPackFolder('two'));
    expect(await services.dispatch('importPack', [second!.handle, {}])).toMatchObject({ ok: true, value: { ok: false, error: { reason: 'conflict' } } });
    expect(await services.dispatch('importPack', [second!.handle, { replace: true }])).toMatchObject({ ok: true, value: { ok: true, value: { replaced: true } } });
    expect(await services.dispatch('importPack', [second!.handle, { replace: true }])).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('returns null and remembers nothing when the dialog is cancelled', async () => {
    expect(await choose(null)).toBeNull();
  });

  it('reports progress for its handle, stage by stage, while the worker loads and checks the pack', async () => {
    const choice = await choose(await minimalPackFolder('progress-pack'));
    await services.dispatch('importPack', [choice!.handle, {}]);
    expect(progress.every((p) => p.handle === choice!.handle)).toBe(true);
    const stages = progress.map((p) => (p.step ? `${p.stage}:${p.step.step}` : p.stage)).filter((s, i, all) => s !== all[i - 1]);
    expect(stages).toEqual([
      'validating:reading',
      'validating:parsing',
      'validating:validating',
      'validating:attachments',
      'copying',
      'checking-copy:reading',
      'checking-copy:parsing',
      'checking-copy:validating',
      'checking-copy:attachments',
    ]);
  });

  it('does not list the files of a folder that is not a pack', async () => {
    const home = join(dir, 'home');
    await mkdir(join(home, 'Documents'), { recursive: true });
    for (let i = 0; i < 40; i += 1) await writeFile(join(home, `private-${i}.txt`), 'x');
    await writeFile(join(home, 'Documents', 'taxes.yaml'), 'a: 1\n');
    const choice = await choose(home);
    const result = await services.dispatch('importPack', [choice!.handle, {}]);
    expect(result).toEqual({
      ok: true,
      value: { ok: false, error: { reason: 'invalid', issues: [{ file: 'home', line: 1, col: 1, path: '$', message: 'has no pack.yaml (or pack.yml / pack.json) in the pack folder', severity: 'error' }] } },
    });
  });
});
