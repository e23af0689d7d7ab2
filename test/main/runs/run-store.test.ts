import type { RunId } from '../../../src/engine';
import { SAVED } from '../../../src/main/runs/log-writer';
import { testRunId, uncheckedRunId } from '../../ids';
import { appendFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay, stateReached } from '../../../src/engine/index';
import { createRunStore, type RunStore } from '../../../src/main/runs/run-store';
import { encodeEntries } from '../../../src/main/runs/log-codec';
import type { RunSummary } from '../../../src/shared/runs';
import { sampleLog, tempDir, testDeps, testHeader, testSnapshot } from './helpers/run-fixtures';
import { simMinutes } from '../../../src/engine';

let dir: string;
let cleanup: () => Promise<void>;
let store: RunStore;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('store'));
  store = createRunStore({ runsDir: join(dir, 'runs'), deps: testDeps });
});
afterEach(() => cleanup());

/** Creates a run and appends the sample log through the writer, as a session does. */
async function storeSampleRun(runId: RunId) {
  const snapshot = testSnapshot();
  const header = testHeader(snapshot, runId);
  expect(await store.create(header, snapshot)).toMatchObject({ ok: true, value: { logIdentity: { ino: expect.any(Number) } } });
  const writer = store.openWriter(runId, { durableBytes: 0 });
  const log = sampleLog();
  for (const entry of log) expect(await writer.append([entry])).toEqual(SAVED);
  await writer.close();
  return { header, snapshot, log };
}

const logPath = (runId: RunId) => join(dir, 'runs', runId, 'log.jsonl');
const row = (rows: RunSummary[], runId: RunId) => rows.find((r) => r.runId === runId);

describe('run folders', () => {
  it('stores header (with storage fields), pack snapshot and log, and loads them back', async () => {
    const { header, snapshot, log } = await storeSampleRun(testRunId('run-a'));
    const files = (await readdir(join(dir, 'runs', 'run-a'))).sort();
    expect(files).toEqual(['header.json', 'log.jsonl', 'pack.json']);
    const storedHeader = JSON.parse(await readFile(join(dir, 'runs', 'run-a', 'header.json'), 'utf8'));
    expect(storedHeader).toEqual({ ...header, storageVersion: 1, packSnapshot: 'pack.json' });
    const lines = (await readFile(logPath(testRunId('run-a')), 'utf8')).split('\n');
    expect(lines.length).toBe(log.length + 1);
    expect(lines.at(-1)).toBe('');

    const loaded = await store.load(testRunId('run-a'));
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.header).toEqual(header);
    expect(loaded.value.snapshot.hash).toBe(snapshot.hash);
    expect(loaded.value.log).toEqual(log);
    expect(loaded.value.repaired).toBeUndefined();
    expect(loaded.value.damage).toBeUndefined();
    expect(loaded.value.state).toEqual(stateReached(replay(snapshot.pack, header, log)));
    expect(loaded.value.logIdentity.ino).toBe((await stat(logPath(testRunId('run-a')))).ino);
  });

  it('refuses to create a run whose id exists', async () => {
    await storeSampleRun(testRunId('run-a'));
    const again = await store.create(testHeader(testSnapshot(), testRunId('run-a')), testSnapshot());
    expect(again.ok).toBe(false);
  });

  it.each(['../escape', 'a/b', '..', '', 'x'.repeat(65), 'a.b', 'C:\\x', ' '].map(uncheckedRunId))('rejects the run id %j on every API', async (bad) => {
    expect((await store.load(bad)).ok).toBe(false);
    const load = await store.load(bad);
    expect(!load.ok && load.error.code).toBe('invalid-id');
    const del = await store.delete(bad);
    expect(!del.ok && del.error.code).toBe('invalid-id');
    const exp = await store.exportRun(bad, join(dir, 'out.json'));
    expect(!exp.ok && exp.error.code).toBe('invalid-id');
    const created = await store.create(testHeader(testSnapshot(), bad), testSnapshot());
    expect(!created.ok && created.error.code).toBe('invalid-id');
    expect(() => store.openWriter(bad, { durableBytes: 0 })).toThrow(/Invalid run id/);
  });

  it('reports a missing run as not-found', async () => {
    const loaded = await store.load(testRunId('nope'));
    expect(!loaded.ok && loaded.error.code).toBe('not-found');
  });
});

describe('damaged runs', () => {
  it('lists a run with a corrupt header as corrupt with the reason, without hiding the others', async () => {
    await storeSampleRun(testRunId('good'));
    await storeSampleRun(testRunId('bad'));
    await writeFile(join(dir, 'runs', 'bad', 'header.json'), '{"runId": "bad", ');
    const rows = await store.list();
    expect(row(rows, testRunId('good'))).toMatchObject({ ok: true, status: 'interrupted' });
    expect(row(rows, testRunId('bad'))).toMatchObject({ ok: false, status: 'corrupt', reason: expect.stringContaining('header.json is not valid JSON') });
    const loaded = await store.load(testRunId('bad'));
    expect(!loaded.ok && loaded.error).toMatchObject({ code: 'corrupt', message: expect.stringContaining('header.json') });
  });

  it('reports a missing header and a header with a wrong field', async () => {
    await storeSampleRun(testRunId('missing'));
    await storeSampleRun(testRunId('wrong'));
    await writeFile(join(dir, 'runs', 'missing', 'header.json'), '');
    await import('node:fs/promises').then((fs) => fs.rm(join(dir, 'runs', 'missing', 'header.json')));
    const header = JSON.parse(await readFile(join(dir, 'runs', 'wrong', 'header.json'), 'utf8'));
    await writeFile(join(dir, 'runs', 'wrong', 'header.json'), JSON.stringify({ ...header, seed: 'forty-two' }));
    const rows = await store.list();
    expect(row(rows, testRunId('missing'))).toMatchObject({ status: 'corrupt', reason: expect.stringContaining('header.json is missing') });
    expect(row(rows, testRunId('wrong'))).toMatchObject({ status: 'corrupt', reason: expect.stringContaining('seed') });
  });

  it('lists a run recorded by an unknown engine version as unsupported', async () => {
    await storeSampleRun(testRunId('future'));
    const header = JSON.parse(await readFile(join(dir, 'runs', 'future', 'header.json'), 'utf8'));
    await writeFile(join(dir, 'runs', 'future', 'header.json'), JSON.stringify({ ...header, engineVersion: 99 }));
    const rows = await store.list();
    expect(row(rows, testRunId('future'))).toMatchObject({ ok: false, status: 'unsupported', reason: expect.stringContaining('engine version 99') });
    const loaded = await store.load(testRunId('future'));
    expect(!loaded.ok && loaded.error.code).toBe('unsupported');
  });

  it('repairs a torn last line: only that line is dropped, with a truthful warning, and only when resuming', async () => {
    const { log } = await storeSampleRun(testRunId('torn'));
    const torn = '{"seq":8,"by":"facilitator","command":{"type":"note.ad';
    await appendFile(logPath(testRunId('torn')), torn);
    const before = await stat(logPath(testRunId('torn')));

    const rows = await store.list();
    expect(row(rows, testRunId('torn'))).toMatchObject({ ok: true, status: 'interrupted', entries: log.length, repaired: { droppedBytes: torn.length } });
    expect((await stat(logPath(testRunId('torn')))).size).toBe(before.size);

    const loaded = await store.load(testRunId('torn'), { repair: true });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.log).toEqual(log);
    expect(loaded.value.damage).toBeUndefined();
    expect(loaded.value.repaired).toEqual({
      droppedBytes: torn.length,
      message:
        `The last line of the run log (line 8, ${torn.length} bytes) had no line end: it was being written when the app or the computer stopped. ` +
        'A line is acknowledged only once it is complete and on the disk, so this one never was; it was dropped.',
    });
    expect(loaded.value.repaired?.message).not.toMatch(/every acknowledged/i);
    expect(await readFile(logPath(testRunId('torn')), 'utf8')).toBe(encodeEntries(log));
  });

  it('drops as torn a cut-short opening of the next entry, even ending in zero bytes (size on disk, data not)', async () => {
    const { log } = await storeSampleRun(testRunId('zeros'));
    await appendFile(logPath(testRunId('zeros')), Buffer.concat([Buffer.from('{"seq":8,"by":"fa'), Buffer.alloc(30)]));
    const loaded = await store.load(testRunId('zeros'), { repair: true });
    expect(loaded.ok && loaded.value.log).toEqual(log);
    expect(loaded.ok && loaded.value.repaired?.droppedBytes).toBe(47);
  });

  /** Reads a run that must load as damaged, and checks nothing on disk changed. */
  async function damaged(runId: RunId) {
    const bytes = await readFile(logPath(runId));
    const loaded = await store.load(runId, { repair: true });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(await readFile(logPath(runId))).toEqual(bytes);
    const damage = loaded.value.damage;
    if (!damage) throw new Error(`${runId} loaded without damage`);
    return { run: loaded.value, damage };
  }

  it('truncated in the middle of line 5 of a listed run: damaged at line 5, 4 entries viewable, nothing claimed', async () => {
    const { log } = await storeSampleRun(testRunId('cut'));
    await store.list(); // the history cache records what was saved
    const text = await readFile(logPath(testRunId('cut')), 'utf8');
    const lines = text.split('\n');
    const cutAt = lines.slice(0, 4).join('\n').length + 1 + 10;
    await writeFile(logPath(testRunId('cut')), text.slice(0, cutAt));
    const { run, damage } = await damaged(testRunId('cut'));
    expect(damage).toMatchObject({ file: 'log.jsonl', line: 5, entriesKept: 4, problem: expect.stringContaining('cut short after it was saved') });
    expect(damage.message).toMatch(/^log\.jsonl is damaged at line 5: .* The 4 entries before it can be viewed and exported \(read-only\)/);
    expect(run.log).toEqual(log.slice(0, 4));
    expect(row(await store.list(), testRunId('cut'))).toMatchObject({ ok: true, status: 'damaged', entries: 4, damage: { line: 5 } });
  });

  it('a complete last line overwritten with garbage of the same length: damaged at that line, never dropped', async () => {
    const { log } = await storeSampleRun(testRunId('garbage'));
    const text = await readFile(logPath(testRunId('garbage')), 'utf8');
    const lines = text.split('\n');
    lines[6] = 'x'.repeat((lines[6] as string).length);
    await writeFile(logPath(testRunId('garbage')), lines.join('\n'));
    const { run, damage } = await damaged(testRunId('garbage'));
    expect(damage).toMatchObject({ line: 7, entriesKept: 6, problem: expect.stringMatching(/^is not valid JSON \(\d+ bytes, starting "xxxx/) });
    expect(run.log).toEqual(log.slice(0, 6));
  });

  it('the same garbage without its line end is not taken for a torn write either', async () => {
    await storeSampleRun(testRunId('garbage2'));
    const text = await readFile(logPath(testRunId('garbage2')), 'utf8');
    await writeFile(logPath(testRunId('garbage2')), text.slice(0, -1).replace(/[^\n]+$/, (last) => 'x'.repeat(last.length)));
    const { damage } = await damaged(testRunId('garbage2'));
    expect(damage).toMatchObject({ line: 7, problem: expect.stringContaining('has no line end and is not the beginning of entry 7') });
  });

  it('an unparsable complete last line is damage, not a torn line', async () => {
    await storeSampleRun(testRunId('junk'));
    await appendFile(logPath(testRunId('junk')), '\u0000\u0000\u0000\n');
    const { damage } = await damaged(testRunId('junk'));
    expect(damage).toMatchObject({ line: 8, entriesKept: 7, problem: expect.stringContaining('is not valid JSON') });
  });

  it('a corrupt line in the middle: damaged at that line, the entries before it viewable, nothing dropped', async () => {
    const { log } = await storeSampleRun(testRunId('middle'));
    const text = await readFile(logPath(testRunId('middle')), 'utf8');
    const lines = text.split('\n');
    lines[2] = '{"seq":3,"by":"system","comm';
    await writeFile(logPath(testRunId('middle')), lines.join('\n'));
    const { run, damage } = await damaged(testRunId('middle'));
    expect(damage).toMatchObject({ line: 3, entriesKept: 2 });
    expect(run.log).toEqual(log.slice(0, 2));
    expect(row(await store.list(), testRunId('middle'))).toMatchObject({ ok: true, status: 'damaged', damage: { line: 3 } });
  });

  it('a gap in the seq numbers', async () => {
    await storeSampleRun(testRunId('gap'));
    const lines = (await readFile(logPath(testRunId('gap')), 'utf8')).split('\n');
    lines.splice(3, 1);
    await writeFile(logPath(testRunId('gap')), lines.join('\n'));
    const { damage } = await damaged(testRunId('gap'));
    expect(damage).toMatchObject({ line: 4, problem: 'is not a valid log entry: seq is 5, expected 4' });
  });

  it('a log entry that is not a command', async () => {
    await storeSampleRun(testRunId('badcmd'));
    await appendFile(logPath(testRunId('badcmd')), '{"seq":8,"by":"facilitator","command":{"type":"launch.missiles"}}\n');
    const { damage } = await damaged(testRunId('badcmd'));
    expect(damage).toMatchObject({ line: 8, entriesKept: 7, problem: expect.stringMatching(/^is not a valid log entry: command/) });
  });

  it('a log that does not replay: damaged at the refused entry, the entries before it viewable', async () => {
    const { log } = await storeSampleRun(testRunId('noreplay'));
    await appendFile(logPath(testRunId('noreplay')), encodeEntries([{ seq: 8, by: 'facilitator', command: { type: 'clock.advance', to: simMinutes(10) } }]));
    const { run, damage } = await damaged(testRunId('noreplay'));
    expect(damage).toMatchObject({ line: 8, entriesKept: 7, problem: expect.stringMatching(/refuses on replay \(time-backwards/) });
    expect(run.log).toEqual(log);
    expect(row(await store.list(), testRunId('noreplay'))).toMatchObject({ status: 'damaged', damage: { line: 8 } });
  });

  it('exports a damaged run up to its last valid entry, saying it is partial', async () => {
    const { log } = await storeSampleRun(testRunId('partial'));
    await appendFile(logPath(testRunId('partial')), 'not json\n');
    const file = join(dir, 'partial.vaimrun.json');
    expect(await store.exportRun(testRunId('partial'), file)).toEqual({ ok: true, value: undefined });
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported.log).toEqual(log);
    expect(exported.damaged).toMatchObject({ line: 8, entriesKept: 7 });

    // Imported on another machine it stays partial: read-only, never resumable, saying where it came from.
    const other = createRunStore({ runsDir: join(dir, 'other'), deps: testDeps });
    const imported = await other.importRun(file);
    if (!imported.ok) throw new Error(imported.error.message);
    const loaded = await other.load(imported.value.runId, { repair: true });
    expect(loaded.ok && loaded.value.log).toEqual(log);
    expect(loaded.ok && loaded.value.damage?.message).toMatch(/^This run was imported from the export of a damaged run: only its first 7 entries exist \(read-only\)\. Originally: log\.jsonl is damaged at line 8/);
    expect(row(await other.list(), imported.value.runId)).toMatchObject({ ok: true, status: 'damaged', entries: 7 });
    // Exported again, it says the same; imported again, the statement does not pile up.
    const again = join(dir, 'again.vaimrun.json');
    expect((await other.exportRun(imported.value.runId, again)).ok).toBe(true);
    const third = createRunStore({ runsDir: join(dir, 'third'), deps: testDeps });
    const reimported = await third.importRun(again);
    const reloaded = reimported.ok ? await third.load(reimported.value.runId) : undefined;
    expect(reloaded?.ok && reloaded.value.damage?.message).toBe(loaded.ok && loaded.value.damage?.message);
  });

  it('reports a pack snapshot that was altered or is not the pack the run was recorded with', async () => {
    await storeSampleRun(testRunId('hash'));
    const path = join(dir, 'runs', 'hash', 'pack.json');
    const snap = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...snap, hash: 'other' }));
    const altered = await store.load(testRunId('hash'));
    expect(!altered.ok && altered.error.message).toMatch(/pack\.json: .*says other: the snapshot was altered/);

    await writeFile(path, JSON.stringify({ pack: { ...snap.pack, title: 'Another pack' }, attachments: snap.attachments }));
    const other = await store.load(testRunId('hash'));
    expect(!other.ok && other.error.message).toMatch(/pack\.json: pack hash \w+ does not match the header's/);
  });
});

describe('history', () => {
  it('lists runs newest first with status, sim time, and the score of ended runs', async () => {
    const snapshot = testSnapshot();
    const older = testHeader(snapshot, testRunId('older'), { createdAt: '2027-01-01T00:00:00.000Z', title: 'First try' });
    await store.create(older, snapshot);
    const { header } = await storeSampleRun(testRunId('newer'));
    const ended = [...sampleLog(), { seq: 8, by: 'system' as const, command: { type: 'run.end' as const } }];
    const writer = store.openWriter(testRunId('older'), { durableBytes: 0 });
    await writer.append(ended);
    await writer.close();

    const rows = await store.list();
    expect(rows.map((r) => r.runId)).toEqual(['newer', 'older']);
    const expectedScore = testDeps.score(snapshot.pack, older, ended);
    const endState = stateReached(replay(snapshot.pack, older, ended));
    expect(row(rows, testRunId('older'))).toEqual({
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
    expect(row(rows, testRunId('newer'))).toMatchObject({ status: 'interrupted', phase: 'running', simMinutes: 95, createdAt: header.createdAt });
    expect(row(rows, testRunId('newer'))).not.toHaveProperty('score');
  });

  it('caches each row in meta.json keyed by the fingerprints of header, pack snapshot and log, and rebuilds it when they change', async () => {
    await storeSampleRun(testRunId('cached'));
    await store.list();
    const metaPath = join(dir, 'runs', 'cached', 'meta.json');
    const meta = JSON.parse(await readFile(metaPath, 'utf8'));
    expect(meta).toMatchObject({ metaVersion: 2, files: { log: { size: (await stat(logPath(testRunId('cached')))).size, crc: expect.any(Number) } }, entries: 7, simMinutes: 95 });

    // The log grew: the cache no longer matches and is rebuilt from the files.
    await appendFile(logPath(testRunId('cached')), encodeEntries([{ seq: 8, by: 'facilitator', command: { type: 'clock.advance', to: simMinutes(120) } }]));
    expect(row(await store.list(), testRunId('cached'))).toMatchObject({ simMinutes: 120, entries: 8 });
    // A cache that matches the files is used as is (proved by planting a recognisable value).
    const fresh = JSON.parse(await readFile(metaPath, 'utf8'));
    await writeFile(metaPath, JSON.stringify({ ...fresh, simMinutes: 121 }));
    expect(row(await store.list(), testRunId('cached'))).toMatchObject({ simMinutes: 121 });
  });

  it('ignores a forged cache ("ended, score 100") that does not match the files, and rebuilds it', async () => {
    await storeSampleRun(testRunId('forged'));
    await store.list();
    const metaPath = join(dir, 'runs', 'forged', 'meta.json');
    const honest = JSON.parse(await readFile(metaPath, 'utf8'));
    const size = (await stat(logPath(testRunId('forged')))).size;
    // The forger copies the log's size (the old cache key) and the other fingerprints; the log's CRC is guessed.
    const forged = { ...honest, phase: 'ended', score: { total: 100, max: 100 }, files: { ...honest.files, log: { size, crc: 1234 } } };
    await writeFile(metaPath, JSON.stringify(forged));
    const rebuilt = row(await store.list(), testRunId('forged'));
    expect(rebuilt).toMatchObject({ status: 'interrupted', phase: 'running' });
    expect(rebuilt).not.toHaveProperty('score');
    expect(JSON.parse(await readFile(metaPath, 'utf8'))).toEqual(honest);
    // A cache of the old format ("keyed by the log's size") is ignored the same way.
    await writeFile(metaPath, JSON.stringify({ metaVersion: 1, logBytes: size, entries: 7, packTitle: 'x', phase: 'ended', paused: false, simMinutes: 480, endMinutes: 480, score: { total: 100, max: 100 } }));
    expect(row(await store.list(), testRunId('forged'))).toMatchObject({ status: 'interrupted' });
  });

  it('says damaged, not resumable, when the pack snapshot was altered after the cache was written', async () => {
    await storeSampleRun(testRunId('altered'));
    expect(row(await store.list(), testRunId('altered'))).toMatchObject({ ok: true, status: 'interrupted' });
    const path = join(dir, 'runs', 'altered', 'pack.json');
    const snap = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...snap, pack: { ...snap.pack, title: 'Edited on disk' } }));
    expect(row(await store.list(), testRunId('altered'))).toMatchObject({ ok: false, status: 'corrupt', reason: expect.stringContaining('pack.json'), packId: snap.pack.id });
  });

  it('removes temporary folders left by a creation cut short, and nothing else', async () => {
    await storeSampleRun(testRunId('kept'));
    const leftover = join(dir, 'runs', '.tmp-0b7c9f4e-3a51-4a8e-9d2c-7f1e0a6b5c44');
    await mkdir(leftover);
    await writeFile(join(leftover, 'header.json'), '{}');
    await mkdir(join(dir, 'runs', '.tmp-mine'));
    await store.sweep();
    expect((await readdir(join(dir, 'runs'))).sort()).toEqual(['.tmp-mine', 'kept']);
  });

  it('ignores temporary and foreign entries in the runs folder', async () => {
    await storeSampleRun(testRunId('real'));
    await mkdir(join(dir, 'runs', '.tmp-123'));
    await writeFile(join(dir, 'runs', 'notes.txt'), 'x');
    expect((await store.list()).map((r) => r.runId)).toEqual(['real']);
  });

  it('deletes a run', async () => {
    await storeSampleRun(testRunId('gone'));
    await storeSampleRun(testRunId('kept'));
    expect((await store.delete(testRunId('gone'))).ok).toBe(true);
    expect((await store.list()).map((r) => r.runId)).toEqual(['kept']);
    expect(await readdir(join(dir, 'runs'))).toEqual(['kept']);
    const again = await store.delete(testRunId('gone'));
    expect(!again.ok && again.error.code).toBe('not-found');
  });

  it('lists an empty or missing runs folder as no runs', async () => {
    expect(await store.list()).toEqual([]);
  });
});
