import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/main/packs/load-pack';
import { minimalPackText } from '../../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, issueLines, tempDir, writeTree } from './helpers';

cleanTempDirsAfterEach();

const withMemo = (path: string) =>
  minimalPackText().replace('    opens: [classify-severity]\n', `    opens: [classify-severity]\n    attachments: [{ path: ${path}, title: Memo }]\n`);

describe('pack folders', () => {
  it('follows a symbolic link to a file inside the folder', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'pack.yaml': withMemo('memo.md'), 'docs/real.md': '# Real memo' });
    await symlink(join(dir, 'docs', 'real.md'), join(dir, 'memo.md'));
    const result = await loadPack(dir);
    expect(issueLines(result)).toEqual([]);
    expect(result.ok && result.value.attachments['memo.md']?.text).toBe('# Real memo');
  });

  it('never follows a symbolic link out of the folder, even when the pack names it', async () => {
    const outside = await tempDir();
    await writeTree(outside, { 'secret.md': 'secret' });
    const dir = await tempDir();
    await writeTree(dir, { 'pack.yaml': withMemo('memo.md') });
    await symlink(join(outside, 'secret.md'), join(dir, 'memo.md'));
    expect(issueLines(await loadPack(dir))).toEqual([
      'memo.md:1:1: $: is a symbolic link to something outside the pack folder; packs must be self-contained, so it is not followed',
      'pack.yaml:72:27: injects[0].attachments[0].path: the attachment "memo.md" does not exist in the pack folder',
    ]);
  });

  it('warns about links to folders and broken links, and still loads', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'pack.yaml': minimalPackText(), 'docs/a.md': 'a' });
    await symlink(join(dir, 'docs'), join(dir, 'docs-link'));
    await symlink(join(dir, 'nowhere.md'), join(dir, 'broken.md'));
    const result = await loadPack(dir);
    expect(result.ok).toBe(true);
    expect(issueLines(result)).toEqual([
      'warning: broken.md:1:1: $: is a broken symbolic link; it is ignored',
      'warning: docs-link:1:1: $: is a symbolic link to a folder; it is not followed',
    ]);
  });

  it('refuses more than 500 files', async () => {
    const dir = await tempDir();
    const files: Record<string, string> = { 'pack.yaml': minimalPackText() };
    for (let i = 0; i < 500; i += 1) files[`notes/${String(i).padStart(3, '0')}.md`] = 'x';
    await writeTree(dir, files);
    const lines = issueLines(await loadPack(dir));
    expect(lines[0]).toBe(`${dir.split('/').pop()}:1:1: $: has more than 500 files; a pack may have at most 500`);
  });

  it('refuses more than 20 MB in all, and files over 5 MB', async () => {
    const dir = await tempDir();
    const files: Record<string, Uint8Array | string> = { 'pack.yaml': minimalPackText(), 'video.bin': new Uint8Array(5 * 1024 * 1024 + 1) };
    for (let i = 0; i < 5; i += 1) files[`data/${i}.bin`] = new Uint8Array(4.5 * 1024 * 1024);
    await writeTree(dir, files);
    const name = dir.split('/').pop();
    expect(issueLines(await loadPack(dir))).toEqual([
      `${name}:1:1: $: holds more than 20 MB in all, the limit for a pack`,
    ]);
    const small = await tempDir();
    await writeTree(small, { 'pack.yaml': minimalPackText(), 'video.bin': new Uint8Array(5 * 1024 * 1024 + 1) });
    expect(issueLines(await loadPack(small))).toEqual(['video.bin:1:1: $: is larger than 5 MB, the limit for any file in a pack']);
  });

  it('reads packs nested in sub-folders of the pack', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'a', 'b', 'c'), { recursive: true });
    await writeTree(dir, { 'pack.yaml': withMemo('a/b/c/memo.md'), 'a/b/c/memo.md': 'deep' });
    const result = await loadPack(dir);
    expect(result.ok && result.value.attachments['a/b/c/memo.md']?.text).toBe('deep');
  });
});
