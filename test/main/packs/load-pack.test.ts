import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPack } from '../../../src/main/packs/load-pack';
import { loadPackFromFiles } from '../../../src/main/packs/load-files';
import { MINIMAL_PACK_DIR, minimalPackText } from '../../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, issueLines, makeZip, tempDir, writeTree } from './helpers';

cleanTempDirsAfterEach();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

const withAttachments = (text: string, paths: readonly string[]) =>
  text.replace(
    '    opens: [classify-severity]\n',
    `    opens: [classify-severity]\n    attachments:\n${paths.map((p) => `      - { path: ${p}, title: ${p} }\n`).join('')}`,
  );

async function minimalHash(): Promise<string> {
  const result = await loadPack(MINIMAL_PACK_DIR);
  if (!result.ok) throw new Error(issueLines(result).join('\n'));
  return result.value.hash;
}

describe('loadPack: where a pack can come from', () => {
  it('loads a folder with pack.yaml', async () => {
    const result = await loadPack(MINIMAL_PACK_DIR);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.origin).toEqual({ kind: 'folder', path: MINIMAL_PACK_DIR });
    expect(result.value.pack.id).toBe('minimal-screening');
    expect(result.value.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.value.warnings).toEqual([]);
    expect(result.value.attachments).toEqual({});
  });

  it('gives the same pack and hash from a single file, a JSON file and zips', async () => {
    const hash = await minimalHash();
    const dir = await tempDir();
    const json = JSON.stringify(parse(minimalPackText()), null, '\t');
    await writeTree(dir, {
      'scenario.yml': minimalPackText(),
      'json/pack.json': json,
      'root.zip': makeZip({ 'pack.yaml': minimalPackText() }),
      'nested.zip': makeZip({ 'my-pack/pack.yaml': minimalPackText(), 'my-pack/README.txt': 'about' }),
    });
    const results = await Promise.all(['scenario.yml', 'json', 'root.zip', 'nested.zip'].map((name) => loadPack(join(dir, name))));
    expect(results.map((r) => r.ok && r.value.origin.kind)).toEqual(['file', 'folder', 'zip', 'zip']);
    expect(results.map((r) => r.ok && r.value.hash)).toEqual([hash, hash, hash, hash]);
  });

  it('accepts pack.yml, and refuses a folder with two main files or none', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'yml/pack.yml': minimalPackText(), 'two/pack.yaml': minimalPackText(), 'two/pack.json': '{}', 'none/notes.md': 'x' });
    expect((await loadPack(join(dir, 'yml'))).ok).toBe(true);
    expect(issueLines(await loadPack(join(dir, 'two')))).toEqual(['two:1:1: $: has both pack.yaml and pack.json: keep one main pack file']);
    expect(issueLines(await loadPack(join(dir, 'none')))).toEqual(['none:1:1: $: has no pack.yaml (or pack.yml / pack.json) in the pack folder']);
  });

  it('explains a path that does not exist or is not a pack', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'notes.pdf': 'x' });
    expect(issueLines(await loadPack(join(dir, 'missing')))).toEqual(['missing:1:1: $: does not exist']);
    expect(issueLines(await loadPack(join(dir, 'notes.pdf')))).toEqual([
      'notes.pdf:1:1: $: is not a pack: expected a folder, a .yaml, .yml or .json file, or a .zip',
    ]);
  });

  it('locates problems in JSON files too', async () => {
    const dir = await tempDir();
    const pack = parse(minimalPackText());
    pack.moves[2].stage = 'governance';
    await writeTree(dir, { 'pack.json': JSON.stringify(pack, null, 2) });
    const text = JSON.stringify(pack, null, 2).split('\n');
    const line = text.findIndex((l) => l.includes('"governance"')) + 1;
    const col = (text[line - 1] ?? '').indexOf('"governance"') + 1;
    expect(issueLines(await loadPack(dir))).toEqual([
      `pack.json:${line}:${col}: moves[2].stage: must be one of "prepare", "detect", "contain", "govern", "recover", "learn" (found text "governance"; did you mean "govern"?)`,
    ]);
  });

  it('skips hidden files and macOS metadata in folders and zips', async () => {
    const hash = await minimalHash();
    const dir = await tempDir();
    await writeTree(dir, {
      'pack/pack.yaml': minimalPackText(),
      'pack/.DS_Store': 'junk',
      'pack/.git/config': 'junk',
      'pack.zip': makeZip({ 'pack.yaml': minimalPackText(), '__MACOSX/._pack.yaml': 'junk', '.hidden': 'junk' }),
    });
    expect((await loadPack(join(dir, 'pack'))).ok && 'ok').toBe('ok');
    const zipped = await loadPack(join(dir, 'pack.zip'));
    expect(zipped.ok && zipped.value.hash).toBe(hash);
  });
});

describe('include: a pack split over several files', () => {
  const text = minimalPackText();
  const movesStart = text.indexOf('moves:\n');
  const movesEnd = text.indexOf('obligations:\n');
  const injectsStart = text.indexOf('  - id: press-query');
  const injectsEnd = text.indexOf('decisions:\n');
  // Main file: everything but the moves and the last inject, and an include list.
  const main = `${text.slice(0, injectsStart)}${text.slice(injectsEnd, movesStart)}${text.slice(movesEnd)}`.replace(
    'tags: [test, hiring]\n',
    'tags: [test, hiring]\ninclude: [more/injects.yaml, moves.yaml]\n',
  );
  const injects = `# the third inject\ninjects:\n${text.slice(injectsStart, injectsEnd)}`;
  const moves = text.slice(movesStart, movesEnd);

  it('merges the included files into the same pack', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'pack.yaml': main, 'more/injects.yaml': injects, 'moves.yaml': moves });
    const result = await loadPack(dir);
    expect(issueLines(result)).toEqual([]);
    expect(result.ok && result.value.hash).toBe(await minimalHash());
  });

  it('locates a problem in an included list element in its own file', async () => {
    const dir = await tempDir();
    const badInjects = injects.replace('channel: news', 'channel: newspaper');
    const badMoves = moves.replace('owner: incident-lead\n    recipient', 'owner: incident-leed\n    recipient');
    await writeTree(dir, { 'pack.yaml': main, 'more/injects.yaml': badInjects, 'moves.yaml': badMoves });
    const at = (file: string, needle: string) => {
      const rows = file.split('\n');
      const row = rows.findIndex((l) => l.includes(needle));
      return `${row + 1}:${(rows[row] ?? '').indexOf(needle) + 1}`;
    };
    expect(issueLines(await loadPack(dir))).toEqual([
      `more/injects.yaml:${at(badInjects, 'newspaper')}: injects[2].channel: must be one of "monitoring-alert", "dashboard", "email", "call", "chat", "meeting", "memo", "complaint", "news", "social", "regulator-letter" (found text "newspaper"; did you mean "news"?)`,
      `moves.yaml:${at(badMoves, 'incident-leed')}: moves[2].owner: must be one of "executive-sponsor", "incident-lead", "technical-lead", "legal-lead", "comms-lead", "business-owner" or a list (found text "incident-leed"; did you mean "incident-lead"?)`,
    ]);
    expect(at(badMoves, 'incident-leed')).toBe('16:12');
  });

  it('joins lists in include order after the main file’s own entries', async () => {
    const dir = await tempDir();
    const extra = (id: string, at: string) =>
      `injects:\n  - { id: ${id}, stage: detect, at: ${at}, channel: email, title: ${id}, body: x }\n`;
    await writeTree(dir, { 'pack.yaml': main.replace('include: [more/injects.yaml, moves.yaml]', 'include: [b.yaml, a.yaml, more/injects.yaml, moves.yaml]'), 'a.yaml': extra('from-a', '1h'), 'b.yaml': extra('from-b', '2h'), 'more/injects.yaml': injects, 'moves.yaml': moves });
    const result = await loadPack(dir);
    expect(result.ok && result.value.pack.injects.map((i) => i.id)).toEqual(['fairness-alert', 'complaint', 'from-b', 'from-a', 'press-query']);
  });

  it('refuses an include that leaves the folder, is not YAML/JSON, is repeated or is not a list', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'pack.yaml': main.replace('include: [more/injects.yaml, moves.yaml]', 'include: [more/injects.yaml, moves.yaml, ../x.yaml, notes.md, moves.yaml, 3]'), 'more/injects.yaml': injects, 'moves.yaml': moves });
    expect(issueLines(await loadPack(dir))).toEqual([
      'pack.yaml:16:42: include[2]: "../x.yaml" leaves the pack folder (".."); write it relative to the pack folder',
      'pack.yaml:16:53: include[3]: "notes.md" is not a .yaml, .yml or .json file',
      'pack.yaml:16:63: include[4]: "moves.yaml" is included more than once',
      'pack.yaml:16:75: include[5]: must be the path of a YAML or JSON file, relative to the pack folder',
      expect.stringMatching(/^warning: vaim-packs-\w+:1:1: \$: the pack's content was not checked because the files above cannot be read/),
    ]);
    await writeTree(dir, { 'pack.yaml': main.replace('include: [more/injects.yaml, moves.yaml]', 'include: moves.yaml') });
    expect(issueLines(await loadPack(dir))).toContain('pack.yaml:16:10: include: must be a list of files, e.g. include: [injects.yaml, moves.yaml]');
  });
});

describe('attachments', () => {
  it('reads Markdown and text as text, PNG and JPEG as base64, keyed by their normalised path', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'pack.yaml': withAttachments(minimalPackText(), ['./memos/alert.md', 'memos/log.txt', 'chart.png', 'photo.JPG']),
      'memos/alert.md': '# Alert\nThe gap is **0.33**.',
      'memos/log.txt': 'plain',
      'chart.png': PNG,
      'photo.JPG': JPEG,
    });
    const result = await loadPack(dir);
    expect(issueLines(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.value.attachments).toEqual({
      'memos/alert.md': { path: 'memos/alert.md', mime: 'text/markdown', text: '# Alert\nThe gap is **0.33**.', bytes: 28 },
      'memos/log.txt': { path: 'memos/log.txt', mime: 'text/plain', text: 'plain', bytes: 5 },
      'chart.png': { path: 'chart.png', mime: 'image/png', base64: Buffer.from(PNG).toString('base64'), bytes: PNG.length },
      'photo.JPG': { path: 'photo.JPG', mime: 'image/jpeg', base64: Buffer.from(JPEG).toString('base64'), bytes: JPEG.length },
    });
  });

  it('changes the hash when an attachment changes', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'a/pack.yaml': withAttachments(minimalPackText(), ['m.md']), 'a/m.md': 'one', 'b/pack.yaml': withAttachments(minimalPackText(), ['m.md']), 'b/m.md': 'two' });
    const [a, b] = await Promise.all([loadPack(join(dir, 'a')), loadPack(join(dir, 'b'))]);
    expect(a.ok && b.ok && a.value.hash !== b.value.hash).toBe(true);
  });

  it('refuses attachments that are too large, absolute, not UTF-8, or JPEGs that are not', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'pack.yaml': withAttachments(minimalPackText(), ['big.txt', '/etc/passwd.txt', 'latin1.md', 'fake.jpeg', 'C:/x.md', 'dir\\\\x.md']),
      'big.txt': new Uint8Array(5 * 1024 * 1024 + 1),
      'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
      'fake.jpeg': PNG,
    });
    expect(issueLines(await loadPack(dir))).toEqual([
      'big.txt:1:1: $: is larger than 5 MB, the limit for any file in a pack',
      'pack.yaml:73:17: injects[0].attachments[0].path: the attachment "big.txt" does not exist in the pack folder',
      'pack.yaml:74:17: injects[0].attachments[1].path: the attachment "/etc/passwd.txt" is an absolute path; write it relative to the pack folder',
      'pack.yaml:75:17: injects[0].attachments[2].path: the attachment "latin1.md" is not UTF-8 text; save it as UTF-8',
      'pack.yaml:76:17: injects[0].attachments[3].path: the attachment "fake.jpeg" is not a JPEG image (its content does not start like one)',
      'pack.yaml:77:17: injects[0].attachments[4].path: the attachment "C:/x.md" starts with a drive letter; write it relative to the pack folder',
      'pack.yaml:78:17: injects[0].attachments[5].path: the attachment "dir\\\\x.md" uses backslashes; write paths with "/"',
    ]);
  });
});

describe('loadPackFromFiles', () => {
  it('is the shared path: the same files give the same pack whatever the origin', async () => {
    const bytes = new Uint8Array(await readFile(join(MINIMAL_PACK_DIR, 'pack.yaml')));
    const a = loadPackFromFiles(new Map([['pack.yaml', bytes]]), { kind: 'folder', path: '/somewhere' });
    const b = loadPackFromFiles(new Map([['pack.yaml', bytes]]), { kind: 'zip', path: '/elsewhere.zip' });
    expect(a.ok && b.ok && a.value.hash === b.value.hash && a.value.hash).toBe(await minimalHash());
  });

  it('orders problems by file (main first, then includes in order), then line and column', async () => {
    const files = new Map<string, Uint8Array>([
      ['pack.yaml', new TextEncoder().encode('format: 1\ninclude: [z.yaml, a.yaml]\nid: Bad\n')],
      ['z.yaml', new TextEncoder().encode('title: ""\n')],
      ['a.yaml', new TextEncoder().encode('version: one\n')],
    ]);
    const result = loadPackFromFiles(files, { kind: 'folder', path: 'p' });
    const files_ = (result.ok ? [] : result.error.issues).map((issue) => `${issue.file}:${issue.line}`);
    const order = ['pack.yaml', 'z.yaml', 'a.yaml'];
    const ranks = files_.map((f) => order.indexOf(f.split(':')[0] as string));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(files_).toContain('z.yaml:1');
    expect(files_).toContain('a.yaml:1');
  });
});
