import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/main/packs/load-pack';
import { inflateBounded, readPackZip } from '../../../src/main/packs/read-zip';
import type { PackOrigin } from '../../../src/shared/packs';
import { formatIssue } from '../../../src/shared/packs';
import { minimalPackText } from '../../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, issueLines, makeZip, patchZipEntry, tempDir } from './helpers';

cleanTempDirsAfterEach();

const ORIGIN: PackOrigin = { kind: 'zip', path: '/downloads/pack.zip' };
const readLines = (zip: Uint8Array) => readPackZip(zip, ORIGIN).issues.map(formatIssue);
const packZip = (extra: Parameters<typeof makeZip>[0] = {}) => makeZip({ 'pack.yaml': minimalPackText(), ...extra });

describe('zip archives: refused before anything is inflated', () => {
  it.each([
    ['a backslash', 'dir\\evil.md', 'entry "dir\\evil.md" uses backslashes; write paths with "/"'],
    ['a drive letter', 'C:/evil.md', 'entry "C:/evil.md" starts with a drive letter; write it relative to the pack folder'],
    ['.. in the middle', 'a/../../evil.md', 'entry "a/../../evil.md" leaves the pack folder (".."); write it relative to the pack folder'],
  ])('an entry name with %s', (_name, entry, message) => {
    expect(readLines(packZip({ [entry]: 'x' }))).toEqual([`pack.zip:1:1: $: ${message}`]);
  });

  it('an entry that appears twice', () => {
    const zip = packZip({ 'memo.md': 'one', './memo.md': 'two' });
    expect(readLines(zip)).toEqual(['pack.zip:1:1: $: entry "./memo.md" appears twice in the archive']);
  });

  it('a symbolic link entry', () => {
    const zip = packZip({ 'notes.md': ['/etc/passwd', { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    expect(readLines(zip)).toEqual(['pack.zip:1:1: $: entry "notes.md" is a symbolic link; a pack cannot contain links']);
  });

  it('an encrypted entry', () => {
    const zip = patchZipEntry(packZip(), 'pack.yaml', (view, central) => view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true));
    expect(readLines(zip)).toEqual(['pack.zip:1:1: $: entry "pack.yaml" is encrypted; packs must not be password-protected']);
  });

  it('an entry with an unsupported compression method', () => {
    const zip = patchZipEntry(packZip(), 'pack.yaml', (view, central) => view.setUint16(central + 10, 12, true));
    expect(readLines(zip)).toEqual([
      'pack.zip:1:1: $: entry "pack.yaml" uses compression method 12, which the app does not read; zip it again with ordinary (deflate) compression',
    ]);
  });

  it('declared sizes over the limits', () => {
    const big = (view: DataView, central: number) => view.setUint32(central + 24, 5 * 1024 * 1024 + 1, true);
    expect(readLines(patchZipEntry(packZip(), 'pack.yaml', big))).toEqual([
      'pack.zip:1:1: $: entry "pack.yaml" unpacks to more than 5 MB, the limit for any file in a pack',
      expect.stringMatching(/^pack\.zip:1:1: \$: is compressed \d+:1; more than 100:1 is refused \(a "zip bomb"\?\)$/),
    ]);
    const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {};
    for (let i = 0; i < 5; i += 1) entries[`noise-${i}.png`] = [randomBytes(4.5 * 1024 * 1024), { level: 0 }];
    expect(readLines(packZip(entries))).toEqual(['pack.zip:1:1: $: unpacks to more than 20 MB in all, the limit for a pack']);
  });

  it('more than 500 files', () => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < 501; i += 1) entries[`notes/${i}.md`] = 'x';
    expect(readLines(packZip(entries))).toEqual(['pack.zip:1:1: $: has 502 files; a pack may have at most 500']);
  });

  it('something that is not a zip, or is cut short', async () => {
    expect(readLines(new Uint8Array(randomBytes(1000)))).toEqual(['pack.zip:1:1: $: is not a zip archive (or it is damaged)']);
    expect(readLines(packZip().subarray(0, 200))).toEqual(['pack.zip:1:1: $: is not a zip archive (or it is damaged)']);
    expect(readLines(new Uint8Array(0))).toEqual(['pack.zip:1:1: $: is not a zip archive (or it is damaged)']);
  });
});

describe('zip archives: checked while inflating', () => {
  it('stops an entry that inflates to more than it declares', () => {
    const zip = patchZipEntry(packZip(), 'pack.yaml', (view, central) => view.setUint32(central + 24, 100, true));
    expect(readLines(zip)).toEqual(['pack.zip:1:1: $: entry "pack.yaml" unpacks to more than the 100 bytes it declares (a "zip bomb"?)']);
  });

  it('counts bytes without letting a lying entry fill memory', () => {
    const bomb = makeZip({ 'z.bin': new Uint8Array(3 * 1024 * 1024) });
    const compressed = patchZipEntry(bomb, 'z.bin', () => undefined);
    // Inflate the deflate stream of z.bin with a declared size far below its real size.
    const view = new DataView(compressed.buffer);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    const size = view.getUint32(18, true);
    const data = compressed.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + size);
    expect(inflateBounded(data, 1024)).toBe('unpacks to more than the 1 KB it declares (a "zip bomb"?)');
    expect(inflateBounded(data, 3 * 1024 * 1024)).toBeInstanceOf(Uint8Array);
  });

  it('refuses a damaged entry (checksum)', () => {
    const zip = patchZipEntry(packZip(), 'pack.yaml', (view, central) => view.setUint32(central + 16, view.getUint32(central + 16, true) ^ 1, true));
    expect(readLines(zip)).toEqual(['pack.zip:1:1: $: entry "pack.yaml" is damaged (its checksum does not match)']);
  });

  it('refuses a zip file larger than 20 MB without reading it', async () => {
    const dir = await tempDir();
    const path = join(dir, 'huge.zip');
    await writeFile(path, new Uint8Array(20 * 1024 * 1024 + 1));
    expect(issueLines(await loadPack(path))).toEqual(['huge.zip:1:1: $: is larger than 20 MB, the limit for a zipped pack']);
  });
});

describe('zip archives: layout', () => {
  it('finds the pack at the root or inside one top-level folder, not deeper', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'deep.zip'), makeZip({ 'a/b/pack.yaml': minimalPackText() }));
    await writeFile(join(dir, 'two.zip'), makeZip({ 'a/pack.yaml': minimalPackText(), 'b/pack.yaml': minimalPackText() }));
    expect(issueLines(await loadPack(join(dir, 'deep.zip')))).toEqual([
      'deep.zip:1:1: $: has no pack.yaml (or pack.yml / pack.json) at the top of the zip (or inside its single top-level folder)',
    ]);
    expect(issueLines(await loadPack(join(dir, 'two.zip')))).toEqual([
      'two.zip:1:1: $: has no pack.yaml (or pack.yml / pack.json) at the top of the zip (or inside its single top-level folder)',
    ]);
  });

  it('locates problems inside a zipped pack by the file inside it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.zip'), makeZip({ 'my-pack/pack.yaml': minimalPackText().replace('durationMinutes: 20', 'durationMinutes: 2000') }));
    expect(issueLines(await loadPack(join(dir, 'p.zip')))).toEqual(['pack.yaml:14:18: durationMinutes: must be at most 1440']);
  });
});
