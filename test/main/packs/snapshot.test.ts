import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/main/packs/hash';
import { loadPack } from '../../../src/main/packs/load-pack';
import { loadPackSnapshot, toPackSnapshot } from '../../../src/main/packs/snapshot';
import type { LoadedPack } from '../../../src/shared/packs';
import { MINIMAL_PACK_DIR, minimalPackText } from '../../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, issueLines, tempDir, writeTree } from './helpers';

cleanTempDirsAfterEach();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function loadedWithAttachments(): Promise<LoadedPack> {
  const dir = await tempDir();
  const text = minimalPackText().replace(
    '    opens: [classify-severity]\n',
    '    opens: [classify-severity]\n    attachments: [{ path: memo.md, title: Memo }, { path: chart.png, title: Chart }]\n',
  );
  await writeTree(dir, { 'pack.yaml': text, 'memo.md': '# Memo\nÉtat: grave', 'chart.png': PNG });
  const result = await loadPack(dir);
  if (!result.ok) throw new Error(issueLines(result).join('\n'));
  return result.value;
}

/** The snapshot as it would be stored on disk and read back. */
const stored = (loaded: LoadedPack) => JSON.parse(JSON.stringify(toPackSnapshot(loaded)));

describe('pack snapshots', () => {
  it('round-trip: the stored parsed pack validates again, to the same pack and hash', async () => {
    const loaded = await loadedWithAttachments();
    const again = loadPackSnapshot(stored(loaded));
    expect(issueLines(again)).toEqual([]);
    if (!again.ok) return;
    expect(again.value.pack).toEqual(loaded.pack);
    expect(again.value.attachments).toEqual(loaded.attachments);
    expect(again.value.hash).toBe(loaded.hash);
    expect(again.value.origin).toEqual({ kind: 'file', path: 'pack-snapshot.json' });
  });

  it('accepts the JSON text too, and keeps the minimal pack’s hash', async () => {
    const result = await loadPack(MINIMAL_PACK_DIR);
    if (!result.ok) throw new Error('minimal pack must load');
    const again = loadPackSnapshot(JSON.stringify(toPackSnapshot(result.value)), { kind: 'file', path: '/runs/r1/pack.json' });
    expect(again.ok && again.value.hash).toBe(result.value.hash);
  });

  it('hashes canonical JSON: key order does not matter', async () => {
    const loaded = await loadedWithAttachments();
    const snapshot = stored(loaded);
    const reordered = JSON.parse(canonicalJson(snapshot)); // keys sorted
    const reversed = { attachments: reordered.attachments, pack: Object.fromEntries(Object.entries(reordered.pack).reverse()) };
    const again = loadPackSnapshot(reversed);
    expect(again.ok && again.value.hash).toBe(loaded.hash);
  });

  it('refuses a tampered snapshot, saying where', async () => {
    const loaded = await loadedWithAttachments();
    const snapshot = stored(loaded);
    snapshot.pack.durationMinutes = 0;
    snapshot.attachments['memo.md'].bytes = 3;
    snapshot.attachments['chart.png'].base64 = Buffer.from('not a png').toString('base64');
    snapshot.attachments['chart.png'].bytes = 9;
    snapshot.attachments['extra.md'] = { path: 'extra.md', mime: 'text/markdown', text: 'x', bytes: 1 };
    expect(issueLines(loadPackSnapshot(snapshot))).toEqual([
      'pack-snapshot.json:1:1: pack.durationMinutes: must be greater than 0',
      'pack-snapshot.json:1:1: attachments["memo.md"]: says it has 3 bytes but has 19',
      'pack-snapshot.json:1:1: attachments["chart.png"]: is not a PNG image (its content does not start like one)',
      'pack-snapshot.json:1:1: attachments["extra.md"]: is not used by any inject',
    ]);
  });

  it('refuses a snapshot that lacks an attachment, or is not a snapshot at all', async () => {
    const loaded = await loadedWithAttachments();
    const snapshot = stored(loaded);
    delete snapshot.attachments['memo.md'];
    expect(issueLines(loadPackSnapshot(snapshot))).toEqual([
      'pack-snapshot.json:1:1: pack.injects[0].attachments[0].path: the attachment "memo.md" is missing from the snapshot',
    ]);
    expect(issueLines(loadPackSnapshot('{ not json'))).toEqual(['pack-snapshot.json:1:1: $: is not valid JSON']);
    expect(issueLines(loadPackSnapshot({ pack: {} }))).toEqual(['pack-snapshot.json:1:1: $: is not a pack snapshot ({ pack, attachments })']);
    expect(issueLines(loadPackSnapshot({ pack: loaded.pack, attachments: { '../x.md': { path: '../x.md' } } }))).toContain(
      'pack-snapshot.json:1:1: attachments["../x.md"]: path leaves the pack folder (".."); write it relative to the pack folder',
    );
  });
});
