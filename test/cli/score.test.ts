/**
 * `vaim score <pack> <run>`: reads a run folder, an exported run file or a
 * script, prints the explained score or writes a report; and the scoring
 * self-check `vaim validate` runs.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { score, type ScoreReport } from '../../src/engine';
import { scoreCommand, scoringSelfCheck } from '../../src/cli/commands/score';
import { main } from '../../src/cli/main';
import { loadPack } from '../../src/main/packs/load-pack';
import { at, minimalPack, move, play, timeline } from '../engine/scoring/helpers';

const MINIMAL = new URL('../fixtures/packs/minimal', import.meta.url).pathname;

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

const IL = 'incident-lead' as const;
const script = timeline(
  at(undefined, 'facilitator', { type: 'role.assign', role: IL, participant: 'Ada' }),
  at(30, IL, { type: 'severity.classify', level: 2 }),
  move(60, 'technical-lead', 'suspend-model'),
);

describe('vaim score', () => {
  let dir = '';
  let expected: ScoreReport;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vaim-score-'));
    const loaded = await loadPack(MINIMAL);
    if (!loaded.ok) throw new Error('minimal fixture does not load');
    const pack = minimalPack();
    const played = play(pack, script);
    const header = { ...played.header, packHash: loaded.value.hash };
    expected = score(pack, header, played.log);
    await writeFile(join(dir, 'script.yaml'), JSON.stringify(script));
    await writeFile(join(dir, 'run.vaimrun.json'), JSON.stringify({ format: 'vaim-run', version: 1, header, log: played.log }));
    await mkdir(join(dir, 'folder'));
    await writeFile(join(dir, 'folder', 'header.json'), JSON.stringify(header));
    await writeFile(join(dir, 'folder', 'log.jsonl'), played.log.map((e) => JSON.stringify(e)).join('\n') + '\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['folder', 'run.vaimrun.json'])('scores a recorded run (%s) exactly as the engine does', async (name) => {
    const { out, io } = capture();
    expect(await scoreCommand.run([MINIMAL, join(dir, name), '--json'], io)).toBe(0);
    const report = JSON.parse(out.stdout) as ScoreReport;
    expect({ ...report, runId: expected.runId }).toEqual(expected);
  });

  it('plays a script first, then scores it', async () => {
    const { out, io } = capture();
    expect(await scoreCommand.run([MINIMAL, join(dir, 'script.yaml'), '--json'], io)).toBe(0);
    const report = JSON.parse(out.stdout) as ScoreReport;
    expect(report.total).toBe(expected.total);
    expect(report.lines).toEqual(expected.lines);
  });

  it('prints a readable report with every line and its reason', async () => {
    const { out, io } = capture();
    expect(await main(['score', MINIMAL, join(dir, 'folder')], io)).toBe(0);
    expect(out.stdout).toContain(`: ${expected.total} / 100`);
    for (const line of expected.lines) expect(out.stdout).toContain(line.reason);
    expect(out.stdout).toContain('under-classified by 1 level (−4 of 10)');
  });

  it.each([
    ['md', '## Score:'],
    ['html', '<!DOCTYPE html>'],
    ['json', '"format": "vaim-report"'],
  ])('writes a %s report with --format and --out', async (format, marker) => {
    const { out, io } = capture();
    const file = join(dir, `report.${format}`);
    expect(await scoreCommand.run([MINIMAL, join(dir, 'folder'), '--format', format, '--out', file], io)).toBe(0);
    expect(out.stdout).toContain(`report written to ${file}`);
    expect(await readFile(file, 'utf8')).toContain(marker);
  });

  it.each([
    [['only-one'], /give a pack path and a run path/],
    [[MINIMAL, 'x', '--format', 'pdf', '--out', 'y'], /--format must be md, html or json/],
    [[MINIMAL, 'x', '--format', 'md'], /--format and --out go together/],
    [[MINIMAL, 'x', '--seed', '-1'], /^vaim score: --seed must be a whole number from 0 to 4294967295, got "-1"\n/],
  ])('refuses bad usage %j with exit 2', async (args, message) => {
    const { out, io } = capture();
    expect(await scoreCommand.run(args, io)).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('says what is wrong with a run that is not one', async () => {
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ hello: 'world' }));
    await writeFile(join(dir, 'bad-log.json'), JSON.stringify({ header: expected ? JSON.parse(await readFile(join(dir, 'folder', 'header.json'), 'utf8')) : {}, log: [{ seq: 2, by: 'system', command: { type: 'run.start' } }] }));
    const cases: [string, RegExp][] = [
      [join(dir, 'missing'), /missing: does not exist/],
      [join(dir, 'bad.json'), /is neither a run .* nor a script/],
      [join(dir, 'bad-log.json'), /log entry 1: seq is 2, expected 1/],
    ];
    for (const [path, message] of cases) {
      const { out, io } = capture();
      expect(await scoreCommand.run([MINIMAL, path], io)).toBe(1);
      expect(out.stderr).toMatch(message);
    }
  });

  it('refuses a run of another pack', async () => {
    const other = join(dir, 'other.vaimrun.json');
    const run = JSON.parse(await readFile(join(dir, 'run.vaimrun.json'), 'utf8'));
    await writeFile(other, JSON.stringify({ ...run, header: { ...run.header, packId: 'something-else' } }));
    const { out, io } = capture();
    expect(await scoreCommand.run([MINIMAL, other], io)).toBe(1);
    expect(out.stderr).toContain('is a run of pack "something-else", not "minimal-screening"');
  });
});

describe('the scoring self-check of vaim validate', () => {
  it('passes the minimal fixture (its reference scores 95.8)', async () => {
    const loaded = await loadPack(MINIMAL);
    if (!loaded.ok) throw new Error('minimal fixture does not load');
    expect(scoringSelfCheck(loaded.value)).toEqual([]);
  });

  it('locates a failing reference in the file that holds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vaim-selfcheck-'));
    try {
      const text = await readFile(join(MINIMAL, 'pack.yaml'), 'utf8');
      // Without its TRACE entries the reference earns no learn point at all: 100 − 100/11 = 90.9.
      const stripped = text.replace(/\n {4}- at: 8h\n {6}by: incident-lead\n {6}command: \{ type: trace\.[^\n]*/g, '');
      await writeFile(join(dir, 'pack.yaml'), stripped);
      const loaded = await loadPack(dir);
      if (!loaded.ok) throw new Error(`stripped pack does not load: ${JSON.stringify(loaded.error.issues)}`);
      const issues = scoringSelfCheck(loaded.value);
      // The issue points at the timeline list itself: its first entry, on the line after "timeline:".
      const line = stripped.split('\n').findIndex((l) => l.trim() === 'timeline:') + 2;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ file: 'pack.yaml', line, path: 'reference.timeline', severity: 'error' });
      expect(issues[0]!.message).toMatch(/^The reference response scores 90\.9, below 95/);
      const { out, io } = capture();
      expect(await main(['validate', dir], io)).toBe(1);
      expect(out.stdout).toContain(`pack.yaml:${line}:`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the scoring self-check locates through the loader', () => {
  // The reference moved to an included file, without its TRACE entries (it then scores 90.9).
  async function splitPack(): Promise<Record<string, string>> {
    const text = await readFile(join(MINIMAL, 'pack.yaml'), 'utf8');
    const start = text.indexOf('\nreference:\n');
    const end = text.indexOf('\nweights:');
    const reference = text.slice(start + 1, end + 1).replace(/\n {4}- at: 8h\n {6}by: incident-lead\n {6}command: \{ type: trace\.[^\n]*/g, '');
    const main = `${text.slice(0, start + 1)}${text.slice(end + 1)}`.replace(/^tags: .*$/m, (line) => `${line}\ninclude: [reference.yaml]`);
    return { 'pack.yaml': main, 'reference.yaml': reference };
  }
  const timelineLine = (files: Record<string, string>) => files['reference.yaml']!.split('\n').findIndex((l) => l.trim() === 'timeline:') + 2;

  it('in an included file of a folder pack', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vaim-selfcheck-'));
    try {
      const files = await splitPack();
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      const loaded = await loadPack(dir);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.error.issues));
      expect(scoringSelfCheck(loaded.value)).toEqual([
        expect.objectContaining({ file: 'reference.yaml', line: timelineLine(files), col: 5, path: 'reference.timeline', severity: 'error' }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('inside a zipped pack', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vaim-selfcheck-'));
    try {
      const files = await splitPack();
      const zip = join(dir, 'pack.zip');
      await writeFile(zip, zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [`minimal/${name}`, strToU8(text)]))));
      const loaded = await loadPack(zip);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.error.issues));
      expect(scoringSelfCheck(loaded.value)).toEqual([expect.objectContaining({ file: 'reference.yaml', line: timelineLine(files) })]);
      const { out, io } = capture();
      expect(await main(['validate', zip], io)).toBe(1);
      expect(out.stdout).toContain(`${zip}/reference.yaml:${timelineLine(files)}:5: reference.timeline: The reference response scores 90.9`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('vaim play --json', () => {
  it('includes the score report of the played run', async () => {
    const { out, io } = capture();
    expect(await main(['play', MINIMAL, '--reference', '--json'], io)).toBe(0);
    const parsed = JSON.parse(out.stdout) as { report: ScoreReport };
    // The fixture's reference writes no reflection and no action item: Learn (weight 100/11) earns
    // 30 of 56 stage points, so the total is 100 − 100/11 × 26/56 = 95.8.
    expect(parsed.report.total).toBe(95.8);
    expect(parsed.report.stages.learn.points).toBe(30);
  });
});
