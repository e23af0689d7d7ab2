import { appendFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay } from '../../../src/engine/index';
import { createRunStore, type RunStore } from '../../../src/main/runs/run-store';
import { encodeEntries } from '../../../src/main/runs/log-codec';
import type { RunSummary } from '../../../src/shared/runs';
import { sampleLog, tempDir, testDeps, testHeader, testSnapshot } from './helpers/run-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let store: RunStore;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('store'));
  store = createRunStore({ runsDir: join(dir, 'runs'), deps: testDeps });
});
afterEach(() => cleanup());

/** Creates a run and appends the sample log through the writer, as a session does. */
async function storeSampleRun(runId: string) {
  const snapshot = testSnapshot();
  const header = testHeader(snapshot, runId);
  expect(await store.create(header, snapshot)).toEqual({ ok: true, value: undefined });
  const writer = store.openWriter(runId, 0);
  const log = sampleLog();
  for (const entry of log) expect(await writer.append([entry])).toEqual({ saved: true });
  await writer.close();
  return { header, snapshot, log };
}

const logPath = (runId: string) => join(dir, 'runs', runId, 'log.jsonl');
const row = (rows: RunSummary[], runId: string) => rows.find((r) => r.runId === runId);

describe('run folders', () => {
  it('stores header (with storage fields), pack snapshot and log, and loads them back', async () => {
    const { header, snapshot, log } = await storeSampleRun('run-a');
    const files = (await readdir(join(dir, 'runs', 'run-a'))).sort();
    expect(files).toEqual(['header.json', 'log.jsonl', 'pack.json']);
    const storedHeader = JSON.parse(await readFile(join(dir, 'runs', 'run-a', 'header.json'), 'utf8'));
    expect(storedHeader).toEqual({ ...header, storageVersion: 1, packSnapshot: 'pack.json' });
    const lines = (await readFile(logPath('run-a'), 'utf8')).split('\n');
    expect(lines.length).toBe(log.length + 1);
    expect(lines.at(-1)).toBe('');

    const loaded = await store.load('run-a');
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.header).toEqual(header);
    expect(loaded.value.snapshot.hash).toBe(snapshot.hash);
    expect(loaded.value.log).toEqual(log);
    expect(loaded.value.repaired).toBeUndefined();
    const restored = store.restore(loaded.value);
    expect(restored.ok && restored.value).toEqual(replay(snapshot.pack, header, log).state);
  });

  it('refuses to create a run whose id exists', async () => {
    await storeSampleRun('run-a');
    const again = await store.create(testHeader(testSnapshot(), 'run-a'), testSnapshot());
    expect(again.ok).toBe(false);
  });

  it.each(['../escape', 'a/b', '..', '', 'x'.repeat(65), 'a.b', 'C:\\x', ' '])('rejects the run id %j on every API', async (bad) => {
    expect((await store.load(bad)).ok).toBe(false);
    const load = await store.load(bad);
    expect(!load.ok && load.error.code).toBe('invalid-id');
    const del = await store.delete(bad);
    expect(!del.ok && del.error.code).toBe('invalid-id');
    const exp = await store.exportRun(bad, join(dir, 'out.json'));
    expect(!exp.ok && exp.error.code).toBe('invalid-id');
    const created = await store.create(testHeader(testSnapshot(), bad), testSnapshot());
    expect(!created.ok && created.error.code).toBe('invalid-id');
    expect(() => store.openWriter(bad, 0)).toThrow(/Invalid run id/);
  });

  it('reports a missing run as not-found', async () => {
    const loaded = await store.load('nope');
    expect(!loaded.ok && loaded.error.code).toBe('not-found');
  });
});

describe('damaged runs', () => {
  it('lists a run with a corrupt header as corrupt with the reason, without hiding the others', async () => {
    await storeSampleRun('good');
    await storeSampleRun('bad');
    await writeFile(join(dir, 'runs', 'bad', 'header.json'), '{"runId": "bad", ');
    const rows = await store.list();
    expect(row(rows, 'good')).toMatchObject({ ok: true, status: 'interrupted' });
    expect(row(rows, 'bad')).toMatchObject({ ok: false, status: 'corrupt', reason: expect.stringContaining('header.json is not valid JSON') });
    const loaded = await store.load('bad');
    expect(!loaded.ok && loaded.error).toMatchObject({ code: 'corrupt', message: expect.stringContaining('header.json') });
  });

  it('reports a missing header and a header with a wrong field', async () => {
    await storeSampleRun('missing');
    await storeSampleRun('wrong');
    await writeFile(join(dir, 'runs', 'missing', 'header.json'), '');
    await import('node:fs/promises').then((fs) => fs.rm(join(dir, 'runs', 'missing', 'header.json')));
    const header = JSON.parse(await readFile(join(dir, 'runs', 'wrong', 'header.json'), 'utf8'));
    await writeFile(join(dir, 'runs', 'wrong', 'header.json'), JSON.stringify({ ...header, seed: 'forty-two' }));
    const rows = await store.list();
    expect(row(rows, 'missing')).toMatchObject({ status: 'corrupt', reason: expect.stringContaining('header.json is missing') });
    expect(row(rows, 'wrong')).toMatchObject({ status: 'corrupt', reason: expect.stringContaining('seed') });
  });

  it('lists a run recorded by an unknown engine version as unsupported', async () => {
    await storeSampleRun('future');
    const header = JSON.parse(await readFile(join(dir, 'runs', 'future', 'header.json'), 'utf8'));
    await writeFile(join(dir, 'runs', 'future', 'header.json'), JSON.stringify({ ...header, engineVersion: 99 }));
    const rows = await store.list();
    expect(row(rows, 'future')).toMatchObject({ ok: false, status: 'unsupported', reason: expect.stringContaining('engine version 99') });
    const loaded = await store.load('future');
    expect(!loaded.ok && loaded.error.code).toBe('unsupported');
  });

  it('repairs a torn last line: only that line is dropped, with a warning, and only when resuming', async () => {
    const { log } = await storeSampleRun('torn');
    const torn = '{"seq":8,"by":"facilitator","command":{"type":"note.ad';
    await appendFile(logPath('torn'), torn);
    const before = await stat(logPath('torn'));

    const rows = await store.list();
    expect(row(rows, 'torn')).toMatchObject({ ok: true, entries: log.length, repaired: { droppedBytes: torn.length } });
    expect((await stat(logPath('torn'))).size).toBe(before.size);

    const loaded = await store.load('torn', { repair: true });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.log).toEqual(log);
    expect(loaded.value.repaired).toMatchObject({ droppedBytes: torn.length, message: expect.stringContaining('dropped') });
    expect(await readFile(logPath('torn'), 'utf8')).toBe(encodeEntries(log));
  });

  it('treats an unparsable last line (even with its newline) as torn', async () => {
    const { log } = await storeSampleRun('junk');
    await appendFile(logPath('junk'), '\u0000\u0000\u0000\n');
    const loaded = await store.load('junk', { repair: true });
    expect(loaded.ok && loaded.value.log).toEqual(log);
    expect(loaded.ok && loaded.value.repaired?.droppedBytes).toBe(4);
  });

  it('reports a corrupt line in the middle with its line number and drops nothing', async () => {
    await storeSampleRun('middle');
    const text = await readFile(logPath('middle'), 'utf8');
    const lines = text.split('\n');
    lines[2] = '{"seq":3,"by":"system","comm';
    const damaged = lines.join('\n');
    await writeFile(logPath('middle'), damaged);
    const loaded = await store.load('middle', { repair: true });
    expect(!loaded.ok && loaded.error).toMatchObject({ code: 'corrupt', message: expect.stringContaining('line 3') });
    expect(await readFile(logPath('middle'), 'utf8')).toBe(damaged);
    expect(row(await store.list(), 'middle')).toMatchObject({ status: 'corrupt', reason: expect.stringContaining('line 3') });
  });

  it('reports a gap in the seq numbers', async () => {
    await storeSampleRun('gap');
    const lines = (await readFile(logPath('gap'), 'utf8')).split('\n');
    lines.splice(3, 1);
    await writeFile(logPath('gap'), lines.join('\n'));
    const loaded = await store.load('gap');
    expect(!loaded.ok && loaded.error.message).toMatch(/line 4: seq is 5, expected 4/);
  });

  it('reports a log entry that is not a command', async () => {
    await storeSampleRun('badcmd');
    await appendFile(logPath('badcmd'), '{"seq":8,"by":"facilitator","command":{"type":"launch.missiles"}}\n');
    const loaded = await store.load('badcmd');
    expect(!loaded.ok && loaded.error.message).toMatch(/line 8: command/);
  });

  it('reports a pack snapshot that was altered or is not the pack the run was recorded with', async () => {
    await storeSampleRun('hash');
    const path = join(dir, 'runs', 'hash', 'pack.json');
    const snap = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...snap, hash: 'other' }));
    const altered = await store.load('hash');
    expect(!altered.ok && altered.error.message).toMatch(/pack\.json: .*says other: the snapshot was altered/);

    await writeFile(path, JSON.stringify({ pack: { ...snap.pack, title: 'Another pack' }, attachments: snap.attachments }));
    const other = await store.load('hash');
    expect(!other.ok && other.error.message).toMatch(/pack\.json: pack hash \w+ does not match the header's/);
  });
});

describe('history', () => {
  it('lists runs newest first with status, sim time, and the score of ended runs', async () => {
    const snapshot = testSnapshot();
    const older = testHeader(snapshot, 'older', { createdAt: '2027-01-01T00:00:00.000Z', title: 'First try' });
    await store.create(older, snapshot);
    const { header } = await storeSampleRun('newer');
    const ended = [...sampleLog(), { seq: 8, by: 'system' as const, command: { type: 'run.end' as const } }];
    const writer = store.openWriter('older', 0);
    await writer.append(ended);
    await writer.close();

    const rows = await store.list();
    expect(rows.map((r) => r.runId)).toEqual(['newer', 'older']);
    const expectedScore = testDeps.score(snapshot.pack, older, ended);
    const endState = replay(snapshot.pack, older, ended).state;
    expect(row(rows, 'older')).toEqual({
      ok: true,
      runId: 'older',
      title: 'First try',
      packId: snapshot.pack.id,
      packTitle: snapshot.pack.title,
      packVersion: snapshot.pack.version,
      createdAt: older.createdAt,
      mode: 'facilitated',
      participants: ['Ana', 'Ben'],
      status: 'ended',
      phase: 'ended',
      paused: endState.clock.paused,
      simMinutes: 95,
      endMinutes: 480,
      entries: 8,
      score: expectedScore,
      live: false,
    });
    expect(expectedScore?.max).toBe(100);
    expect(row(rows, 'newer')).toMatchObject({ status: 'interrupted', phase: 'running', simMinutes: 95, createdAt: header.createdAt });
    expect(row(rows, 'newer')).not.toHaveProperty('score');
  });

  it('caches the log-derived summary in meta.json keyed by the log size, and refreshes it when the log grows', async () => {
    await storeSampleRun('cached');
    await store.list();
    const meta = JSON.parse(await readFile(join(dir, 'runs', 'cached', 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ logBytes: (await stat(logPath('cached'))).size, entries: 7, simMinutes: 95 });

    // A stale cache entry is never trusted: the log grew, so it is replayed again.
    await appendFile(logPath('cached'), encodeEntries([{ seq: 8, by: 'facilitator', command: { type: 'clock.advance', to: 120 } }]));
    expect(row(await store.list(), 'cached')).toMatchObject({ simMinutes: 120, entries: 8 });
    // A cache that matches the size is used as is (proved by planting a recognisable value).
    const fresh = JSON.parse(await readFile(join(dir, 'runs', 'cached', 'meta.json'), 'utf8'));
    await writeFile(join(dir, 'runs', 'cached', 'meta.json'), JSON.stringify({ ...fresh, simMinutes: 121 }));
    expect(row(await store.list(), 'cached')).toMatchObject({ simMinutes: 121 });
  });

  it('lists a run whose log does not replay as corrupt, naming the seq', async () => {
    await storeSampleRun('noreplay');
    await appendFile(logPath('noreplay'), encodeEntries([{ seq: 8, by: 'facilitator', command: { type: 'clock.advance', to: 10 } }]));
    expect(row(await store.list(), 'noreplay')).toMatchObject({ status: 'corrupt', reason: expect.stringMatching(/seq 8 .*time-backwards/) });
  });

  it('ignores temporary and foreign entries in the runs folder', async () => {
    await storeSampleRun('real');
    await mkdir(join(dir, 'runs', '.tmp-123'));
    await writeFile(join(dir, 'runs', 'notes.txt'), 'x');
    expect((await store.list()).map((r) => r.runId)).toEqual(['real']);
  });

  it('deletes a run', async () => {
    await storeSampleRun('gone');
    await storeSampleRun('kept');
    expect((await store.delete('gone')).ok).toBe(true);
    expect((await store.list()).map((r) => r.runId)).toEqual(['kept']);
    expect(await readdir(join(dir, 'runs'))).toEqual(['kept']);
    const again = await store.delete('gone');
    expect(!again.ok && again.error.code).toBe('not-found');
  });

  it('lists an empty or missing runs folder as no runs', async () => {
    expect(await store.list()).toEqual([]);
  });
});
