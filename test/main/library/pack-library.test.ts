import { readFileSync } from 'node:fs';
import { testPackId, uncheckedPackId } from '../../ids';
import { mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPackLibrary, type PackLibrary } from '../../../src/main/library/pack-library';
import { loadPack } from '../../../src/main/packs/index';
import type { LibraryEntry } from '../../../src/shared/library';
import { MINIMAL_PACK_DIR, tempDir } from '../runs/helpers/run-fixtures';

const MINIMAL_YAML = readFileSync(join(MINIMAL_PACK_DIR, 'pack.yaml'), 'utf8');

/** The minimal pack's YAML with another id, version or title. */
function packYaml(changes: { id?: string; version?: string; title?: string } = {}): string {
  let text = MINIMAL_YAML;
  if (changes.id) text = text.replace(/^id: .*$/m, `id: ${changes.id}`);
  if (changes.version) text = text.replace(/^version: .*$/m, `version: ${changes.version}`);
  if (changes.title) text = text.replace(/^title: .*$/m, `title: ${changes.title}`);
  return text;
}

let dir: string;
let cleanup: () => Promise<void>;
let bundledDir: string;
let userDir: string;
let sources: string;
let library: PackLibrary;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('library'));
  bundledDir = join(dir, 'scenarios');
  userDir = join(dir, 'userData', 'packs');
  sources = join(dir, 'sources');
  await mkdir(join(bundledDir, 'minimal'), { recursive: true });
  await writeFile(join(bundledDir, 'minimal', 'pack.yaml'), MINIMAL_YAML);
  await writeFile(join(bundledDir, 'second.yaml'), packYaml({ id: 'second-pack', title: Second }));
  await writeFile(join(bundledDir, 'README.md'), 'not a pack');
  await mkdir(sources);
  library = createPackLibrary({ bundledDir, userDir, wallNow: () => new Date('2027-05-06T10:00:00Z') });
});
afterEach(() => cleanup());

const Second = 'Second pack';
const ids = (entries: LibraryEntry[]) => entries.map((e) => `${e.source}:${e.ok ? e.id : `broken(${e.id ?? e.path})`}`);

describe('listing', () => {
  it('lists every bundled pack with its summary', async () => {
    const entries = await library.list();
    expect(ids(entries)).toEqual(['bundled:minimal-screening', 'bundled:second-pack']);
    const loaded = await loadPack(join(bundledDir, 'minimal'));
    if (!loaded.ok) throw new Error('fixture');
    expect(entries[0]).toEqual({
      ok: true,
      id: 'minimal-screening',
      source: 'bundled',
      path: join(bundledDir, 'minimal'),
      warnings: loaded.value.warnings.length,
      summary: {
        id: 'minimal-screening',
        version: '1.0.0',
        title: 'Minimal screening incident',
        summary: loaded.value.pack.summary,
        sector: 'Human resources',
        r3ai: 'responsibility',
        difficulty: 'introductory',
        durationMinutes: 20,
        roles: ['incident-lead', 'technical-lead'],
        tags: ['test', 'hiring'],
        learningObjectives: [],
        severity: 3,
        hash: loaded.value.hash,
      },
    });
  });

  it('shows a broken pack with its located problems and still lists the others', async () => {
    await writeFile(join(bundledDir, 'broken.yaml'), packYaml({ id: 'broken' }).replace('compression: 60', 'compression: fast'));
    const entries = await library.list();
    expect(ids(entries)).toEqual(['bundled:broken(' + join(bundledDir, 'broken.yaml') + ')', 'bundled:minimal-screening', 'bundled:second-pack']);
    const broken = entries[0];
    expect(broken?.ok).toBe(false);
    if (broken?.ok !== false) return;
    expect(broken.issues[0]).toMatchObject({ file: 'broken.yaml', path: 'clock.compression', severity: 'error' });
    expect(broken.issues[0]?.line).toBeGreaterThan(1);
  });

  it('flags a second pack with an id already in the library', async () => {
    await writeFile(join(bundledDir, 'twin.yaml'), packYaml({ title: 'Twin' }));
    const entries = await library.list();
    const twin = entries.find((e) => e.path.endsWith('twin.yaml'));
    expect(twin).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('has the id "minimal-screening" of another pack') }] });
    expect((await library.get(testPackId('minimal-screening')))?.pack.title).toBe('Minimal screening incident');
  });

  it('reloads a pack whose file changed, and only then', async () => {
    const first = await library.list();
    await writeFile(join(bundledDir, 'second.yaml'), packYaml({ id: 'second-pack', title: 'Renamed' }));
    await utimes(join(bundledDir, 'second.yaml'), new Date(), new Date(Date.now() + 5000));
    const second = await library.list();
    expect(second.find((e) => e.id === 'second-pack')).toMatchObject({ summary: { title: 'Renamed' } });
    expect(second.find((e) => e.id === 'minimal-screening')).toEqual(first.find((e) => e.id === 'minimal-screening'));
  });

  it('gets a valid pack by id, and nothing for an unknown id', async () => {
    const loaded = await library.get(testPackId('second-pack'));
    expect(loaded?.pack.title).toBe(Second);
    expect(await library.get(testPackId('nope'))).toBeUndefined();
  });

  it('lists nothing (and does not fail) when the folders do not exist', async () => {
    const empty = createPackLibrary({ bundledDir: join(dir, 'none'), userDir: join(dir, 'none2') });
    expect(await empty.list()).toEqual([]);
  });
});

describe('importing', () => {
  it.each([
    ['a folder', async () => {
      await mkdir(join(sources, 'folder-pack'));
      await writeFile(join(sources, 'folder-pack', 'pack.yaml'), packYaml({ id: 'imported-pack' }));
      return join(sources, 'folder-pack');
    }, 'pack'],
    ['a YAML file', async () => {
      await writeFile(join(sources, 'my-pack.yaml'), packYaml({ id: 'imported-pack' }));
      return join(sources, 'my-pack.yaml');
    }, 'my-pack.yaml'],
    ['a JSON file', async () => {
      const loaded = await loadPack(join(bundledDir, 'minimal'));
      if (!loaded.ok) throw new Error('fixture');
      await writeFile(join(sources, 'my-pack.json'), JSON.stringify({ ...loaded.value.pack, id: 'imported-pack' }));
      return join(sources, 'my-pack.json');
    }, 'my-pack.json'],
    ['a zip', async () => {
      const zip = zipSync({ 'pack.yaml': new TextEncoder().encode(packYaml({ id: 'imported-pack' })) });
      await writeFile(join(sources, 'my-pack.zip'), zip);
      return join(sources, 'my-pack.zip');
    }, 'my-pack.zip'],
  ])('imports %s into userData/packs/<id>/ and lists it', async (_label, make, entryName) => {
    const source = await make();
    const result = await library.import(source);
    expect(result).toMatchObject({ ok: true, value: { replaced: false, entry: { id: 'imported-pack', source: 'imported', path: join(userDir, 'imported-pack', entryName) } } });
    expect((await readdir(join(userDir, 'imported-pack'))).sort()).toEqual(['import.json', entryName].sort());
    expect(await readdir(userDir)).toEqual(['imported-pack']);
    expect(ids(await library.list())).toEqual(['bundled:minimal-screening', 'bundled:second-pack', 'imported:imported-pack']);
    expect((await library.get(testPackId('imported-pack')))?.pack.id).toBe('imported-pack');
  });

  it('refuses an invalid pack with its problems and copies nothing', async () => {
    await writeFile(join(sources, 'bad.yaml'), 'format: 1\nid: Bad Id\n');
    const result = await library.import(join(sources, 'bad.yaml'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.reason).toBe('invalid');
    expect(!result.ok && result.error.reason === 'invalid' && result.error.issues.length).toBeGreaterThan(0);
    expect(await readdir(userDir).catch(() => [])).toEqual([]);
  });

  it('reports a conflict with an imported pack of the same id, and replaces it when asked', async () => {
    await writeFile(join(sources, 'v1.yaml'), packYaml({ id: 'imported-pack', version: '1.0.0' }));
    await writeFile(join(sources, 'v2.yaml'), packYaml({ id: 'imported-pack', version: '2.0.0' }));
    expect((await library.import(join(sources, 'v1.yaml'))).ok).toBe(true);
    const conflict = await library.import(join(sources, 'v2.yaml'));
    expect(conflict).toMatchObject({ ok: false, error: { reason: 'conflict', existing: { id: 'imported-pack', version: '1.0.0' } } });
    expect((await library.get(testPackId('imported-pack')))?.pack.version).toBe('1.0.0');
    const replaced = await library.import(join(sources, 'v2.yaml'), { replace: true });
    expect(replaced).toMatchObject({ ok: true, value: { replaced: true, entry: { summary: { version: '2.0.0' } } } });
    expect((await library.get(testPackId('imported-pack')))?.pack.version).toBe('2.0.0');
    expect(await readdir(join(userDir, 'imported-pack'))).toEqual(['import.json', 'v2.yaml']);
    expect(await readdir(userDir)).toEqual(['imported-pack']);
  });

  it('refuses to replace a bundled pack, even when asked', async () => {
    await writeFile(join(sources, 'same.yaml'), packYaml({ title: 'Impostor' }));
    const result = await library.import(join(sources, 'same.yaml'), { replace: true });
    expect(result).toMatchObject({ ok: false, error: { reason: 'bundled', message: expect.stringContaining('ships with the app') } });
  });

  it('does not follow symbolic links when copying a folder', async () => {
    const folder = join(sources, 'linked');
    await mkdir(folder);
    await writeFile(join(folder, 'pack.yaml'), packYaml({ id: 'linked-pack' }));
    await writeFile(join(folder, 'notes.md'), '# notes');
    await symlink(join(folder, 'notes.md'), join(folder, 'notes-link.md'));
    const result = await library.import(folder);
    expect(result.ok).toBe(true);
    expect((await readdir(join(userDir, 'linked-pack', 'pack'))).sort()).toEqual(['notes.md', 'pack.yaml']);
  });

  it('refuses a folder that needs a symbolic link to load, leaving nothing behind', async () => {
    const folder = join(sources, 'needs-link');
    await mkdir(join(folder, 'real'), { recursive: true });
    await writeFile(join(folder, 'real', 'pack.yaml'), packYaml({ id: 'needs-link' }));
    await symlink(join(folder, 'real', 'pack.yaml'), join(folder, 'pack.yaml'));
    const direct = await loadPack(folder);
    expect(direct.ok).toBe(true);
    const result = await library.import(folder);
    expect(result).toMatchObject({ ok: false, error: { reason: 'invalid' } });
    expect(!result.ok && result.error.reason === 'invalid' && result.error.issues[0]?.message).toMatch(/symbolic links/);
    expect(await readdir(userDir)).toEqual([]);
  });

  it('lists an imported folder whose import record is damaged as broken', async () => {
    await writeFile(join(sources, 'p.yaml'), packYaml({ id: 'imported-pack' }));
    await library.import(join(sources, 'p.yaml'));
    await writeFile(join(userDir, 'imported-pack', 'import.json'), '{');
    const entries = await library.list();
    expect(entries.find((e) => e.id === 'imported-pack')).toMatchObject({ ok: false, source: 'imported', issues: [{ file: 'import.json', message: expect.stringContaining('not valid JSON') }] });
  });
});

describe('removing', () => {
  it('removes an imported pack', async () => {
    await writeFile(join(sources, 'p.yaml'), packYaml({ id: 'imported-pack' }));
    await library.import(join(sources, 'p.yaml'));
    expect(await library.remove(testPackId('imported-pack'))).toEqual({ ok: true, value: { removed: 'imported-pack' } });
    expect(await readdir(userDir)).toEqual([]);
    expect(ids(await library.list())).toEqual(['bundled:minimal-screening', 'bundled:second-pack']);
  });

  it('refuses bundled, unknown and malformed ids', async () => {
    expect(await library.remove(testPackId('minimal-screening'))).toMatchObject({ ok: false, error: { reason: 'bundled' } });
    expect(await library.remove(testPackId('nope'))).toMatchObject({ ok: false, error: { reason: 'not-found' } });
    expect(await library.remove(uncheckedPackId('../scenarios'))).toMatchObject({ ok: false, error: { reason: 'not-found', message: expect.stringContaining('Invalid pack id') } });
    expect(await readFile(join(bundledDir, 'minimal', 'pack.yaml'), 'utf8')).toBe(MINIMAL_YAML);
  });
});
