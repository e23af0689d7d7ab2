/** `vaim lint`, `vaim playtest` and the argument rules they share with the other commands. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { MINIMAL_PACK_DIR, minimalPackText } from '../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, tempDir, writeTree } from '../main/packs/helpers';
import { capture } from './capture';

cleanTempDirsAfterEach();

async function run(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out(), err: c.err() };
}

/** The minimal pack with a move nobody needs and an inject nothing can trigger, in a temp folder. */
async function flawedPack(): Promise<string> {
  const dir = await tempDir();
  const text = minimalPackText()
    .replace('\nmoves:\n', '\nmoves:\n  - { id: hold-meeting, label: Hold a meeting, stage: govern, owner: incident-lead }\n')
    .replace('\ndecisions:\n', '\n  - { id: outcry, stage: govern, when: { var: wrongly-rejected, gte: 100 }, channel: news, title: Outcry, body: Outcry. }\n\ndecisions:\n');
  await writeTree(dir, { 'pack.yaml': text });
  return dir;
}

describe('vaim lint', () => {
  it('says a clean pack lints clean, exit 0', async () => {
    expect(await run('lint', MINIMAL_PACK_DIR, '--runs', '2')).toEqual({ code: 0, out: `✓ ${MINIMAL_PACK_DIR}: lints clean (26 runs explored)\n`, err: '' });
  });

  it('prints each warning located as file:line:col: path: message, exit 1', async () => {
    const dir = await flawedPack();
    const file = join(dir, 'pack.yaml');
    expect(await run('lint', dir, '--runs', '2')).toEqual({
      code: 1,
      out: [
        `warning: ${file}:93:40: injects[3].when: inject "outcry" can never fire in any run: its \`when\` can never hold: variable "wrongly-rejected" stays between 0 and 96 in every run (its initial value, the reachable effects and its accrual until the scenario ends) (only a facilitator releasing it early could show it)`,
        `warning: ${file}:102:5: moves[0]: move "hold-meeting" changes nothing: it has no effects, is not required, forbidden or a filing, has no marks or cost, and no condition reads it; give it an effect or a mark, or remove it`,
        `! ${dir}: 2 warnings (26 runs explored)`,
        '',
      ].join('\n'),
      err: '',
    });
  });

  it('vaim validate prints the same warnings and still passes', async () => {
    const dir = await flawedPack();
    const result = await run('validate', dir);
    expect(result.code).toBe(0);
    expect(result.out.split('\n').filter((l) => l.startsWith('warning: ')).map((l) => l.split(': ')[2])).toEqual(['injects[3].when', 'moves[0]']);
    expect(result.out).toContain(`✓ ${dir}: Minimal screening incident`);
  });

  it('sends an invalid pack to vaim validate, exit 1', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'pack.yaml': minimalPackText().replace('durationMinutes: 20', 'durationMinutes: 0') });
    const result = await run('lint', dir);
    expect(result.code).toBe(1);
    expect(result.out).toBe(`${join(dir, 'pack.yaml')}:14:18: durationMinutes: must be greater than 0\n✗ ${dir}: not a valid pack (1 problem); run vaim validate\n`);
  });
});

describe('vaim playtest', () => {
  it('reports coverage, the reference and the best non-reference score with its script', async () => {
    const result = await run('playtest', MINIMAL_PACK_DIR, '--runs', '4', '--seed', '7');
    expect(result.code).toBe(0);
    const [head, , , ...rest] = result.out.split('\n');
    expect(head).toBe('Minimal screening incident (minimal-screening 1.0.0): 28 runs explored, seed 7');
    expect(rest.slice(0, 9)).toEqual([
      '  injects fired        3/3',
      '  triggered injects    1/1',
      '  decisions asked      1/1',
      '  options chosen       0/0',
      '  obligations started  1/1',
      '',
      'Every inject is reachable.',
      'No dead end.',
      '',
    ]);
    expect(result.out).toMatch(/\nReference score: \d+(\.\d)?\nBest non-reference score: \d+(\.\d)? \((greedy|random)-[a-z0-9-]+, seed \d+\)\n\nIts script \(vaim play --script\):\n- \{"by":"facilitator"/);
  });

  it('writes the best script with --out, and it replays to the same score', async () => {
    const dir = await tempDir();
    const out = join(dir, 'best.json');
    const result = await run('playtest', MINIMAL_PACK_DIR, '--runs', '4', '--json', '--out', out);
    const report = JSON.parse(result.out) as { best: { score: number; seed: number; script: unknown[] }; ok: boolean };
    expect(report.ok).toBe(true);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(report.best.script);
    const scored = await run('score', MINIMAL_PACK_DIR, out, '--seed', String(report.best.seed), '--json');
    expect((JSON.parse(scored.out) as { total: number }).total).toBe(report.best.score);
  });

  it('fails on an inject no run can reach, naming it', async () => {
    const result = await run('playtest', await flawedPack(), '--runs', '2');
    expect(result.code).toBe(1);
    expect(result.out).toContain('\n  injects fired        3/4  never: outcry\n');
    expect(result.out).toContain('\nUnreachable injects: outcry\n');
  });

  it('does not call a long quiet stretch a dead end: "Next event" moves on to the next thing that happens', async () => {
    const dir = await tempDir();
    const late = '  - { id: late-call, stage: govern, when: { elapsed: { gte: 1d 20h } }, channel: call, title: A late call, body: Anyone there? }\n';
    await writeTree(dir, { 'pack.yaml': minimalPackText().replace('  end: 8h\n  compression: 60', '  end: 2d\n  compression: 10').replace('\ndecisions:\n', `${late}\ndecisions:\n`) });
    const result = await run('playtest', dir, '--runs', '0');
    expect(result.out).toContain('No dead end.');
    expect(result.out).toContain('Every inject is reachable.');
  });

  it('does not call a quiet end of the scenario a dead end', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'pack.yaml': minimalPackText().replace('  end: 8h\n  compression: 60', '  end: 2d\n  compression: 10') });
    const result = await run('playtest', dir, '--runs', '0');
    expect(result.out).toContain('No dead end.');
  });
});

describe('arguments', () => {
  it.each([
    [['playtest', MINIMAL_PACK_DIR, '--seed', '-1'], 'vaim playtest: --seed must be a whole number from 0 to 4294967295, got "-1"'],
    [['lint', MINIMAL_PACK_DIR, '--seed', '-1'], 'vaim lint: --seed must be a whole number from 0 to 4294967295, got "-1"'],
    [['play', MINIMAL_PACK_DIR, '--reference', '--seed', '-1'], 'vaim play: --seed must be a whole number from 0 to 4294967295, got "-1"'],
    [['score', MINIMAL_PACK_DIR, 'run.json', '--seed', '-1'], 'vaim score: --seed must be a whole number from 0 to 4294967295, got "-1"'],
    [['playtest', MINIMAL_PACK_DIR, '--runs', 'many'], 'vaim playtest: --runs must be a whole number from 0 to 1000, got "many"'],
    [['lint', MINIMAL_PACK_DIR, '--speed', '2'], 'vaim lint: unknown option --speed'],
    [['playtest', MINIMAL_PACK_DIR, '--seed'], 'vaim playtest: --seed needs a value'],
    [['validate', MINIMAL_PACK_DIR, '--json=yes'], 'vaim validate: --json does not take a value'],
  ])('%j says what is wrong in one line, exit 2', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(message);
  });
});
