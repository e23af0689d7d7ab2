import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playCommand } from '../../src/cli/commands/play';
import { capture } from './capture';

const MINIMAL = fileURLToPath(new URL('../fixtures/packs/minimal', import.meta.url));

async function vaimPlay(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = capture();
  const code = await playCommand.run(args, captured.io);
  return { code, stdout: captured.out(), stderr: captured.err() };
}

describe('vaim play', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vaim-play-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const script = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  it('plays the reference timeline and prints the outcome', async () => {
    const { code, stdout, stderr } = await vaimPlay(MINIMAL, '--reference');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('phase ended');
    expect(stdout).toMatch(/Moves \(4\)/);
    expect(stdout).toContain('inform-provider: met');
    expect(stdout).toContain('Recovery gate violations\n  none');
  });

  it('gives byte-identical output for the same inputs, and --json holds header, summary, log and state (plus the score report)', async () => {
    const first = await vaimPlay(MINIMAL, '--reference', '--json', '--seed', '7');
    const second = await vaimPlay(MINIMAL, '--reference', '--json', '--seed', '7');
    expect(first.stdout).toBe(second.stdout);
    const json = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['header', 'summary', 'log', 'state']));
    expect(json['header']).toMatchObject({ seed: 7, packId: 'minimal-screening' });
    expect(first.stdout).not.toMatch(/"wall"/);
  });

  it('plays a YAML script and flags a restart that broke the recovery gate', async () => {
    const path = await script(
      'restart.yaml',
      [
        '- { at: 40m, by: technical-lead, command: { type: move.make, move: suspend-model } }',
        '- { at: 1h, by: business-owner, command: { type: move.make, move: restart-model } }',
      ].join('\n'),
    );
    const { code, stdout } = await vaimPlay(MINIMAL, '--script', path);
    expect(code).toBe(0);
    expect(stdout).toContain('[outside authority]');
    expect(stdout).toContain('[recovery gate violated: provider-informed]');
    expect(stdout).toMatch(/Recovery gate violations \(1\)\n {2}1h {2}restart-model: unmet provider-informed/);
  });

  it('accepts a JSON script wrapped in { entries }', async () => {
    const path = await script('s.json', JSON.stringify({ entries: [{ at: 30, by: 'incident-lead', command: { type: 'severity.classify', level: 4 } }] }));
    const { code, stdout } = await vaimPlay(MINIMAL, '--script', path);
    expect(code).toBe(0);
    expect(stdout).toContain('30m  V4 by Incident Lead');
  });

  it('names the entry and the reason when an entry is refused', async () => {
    const path = await script('refused.yaml', '- { at: 1h, by: technical-lead, command: { type: move.make, move: restart-model } }\n');
    const { code, stderr } = await vaimPlay(MINIMAL, '--script', path);
    expect(code).toBe(1);
    expect(stderr).toContain('Script entry 1 (move.make by technical-lead at 1h) was refused: move "restart-model" cannot be made yet at 1h: the model has not been suspended, so there is nothing to restart; move the entry later, or first make what it needs.\n');
  });

  it('reports an invalid script with file:line:col and the entry number', async () => {
    const path = await script('invalid.yaml', '- at: 1h\n  by: incident-lead\n  command: { type: severity.classify, level: 9 }\n');
    const { code, stderr } = await vaimPlay(MINIMAL, '--script', path);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path}:3:`);
    expect(stderr).toContain('entry 1: command.level: must be one of 1, 2, 3, 4, 5');
  });

  it('reports a missing script, a bad pack and bad options', async () => {
    expect((await vaimPlay(MINIMAL, '--script', join(dir, 'none.yaml'))).stderr).toContain('does not exist');
    const badPack = await vaimPlay(join(dir, 'nowhere'), '--reference');
    expect(badPack.code).toBe(1);
    expect(badPack.stderr).toContain('is not a valid pack');
    expect((await vaimPlay(MINIMAL)).code).toBe(2);
    expect((await vaimPlay(MINIMAL, '--reference', '--seed', 'x')).stderr).toContain('--seed must be a whole number');
  });
});
