import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { selfChecks } from '../../src/cli/commands/validate';
import { main } from '../../src/cli/main';
import { MINIMAL_PACK_DIR, minimalPackText } from '../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, makeZip, PACK_FIXTURES, tempDir, writeTree } from '../main/packs/helpers';
import { capture } from './capture';

cleanTempDirsAfterEach();
// Tests may register extra self-checks; put back the registered ones afterwards.
const registered = [...selfChecks];
afterEach(() => {
  selfChecks.splice(0, selfChecks.length, ...registered);
});

const INVALID = join(PACK_FIXTURES, 'invalid', 'unknown-move');
/** The self-check figures of the minimal fixture (see test/engine/scoring/minimal-table.test.ts for 95.8 and 0). */
const MINIMAL_FIGURES = '  self-check: reference 95.8, doing nothing 0, best greedy policy 39.6 (greedy-every-act)';

async function run(...argv: string[]) {
  const c = capture();
  const code = await main(['validate', ...argv], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('vaim validate', () => {
  it('prints a tick with title, id and version for a valid pack, exit 0', async () => {
    expect(await run(MINIMAL_PACK_DIR)).toEqual({
      code: 0,
      out: `${MINIMAL_FIGURES}\n✓ ${MINIMAL_PACK_DIR}: Minimal screening incident (minimal-screening 1.0.0)\n`,
      err: '',
    });
  });

  it('prints every problem as file:line:col: path: message, exit 1', async () => {
    expect(await run(INVALID)).toEqual({
      code: 1,
      out: [
        `${join(INVALID, 'pack.yaml')}:153:13: reference.required[0].move: unknown move "suspend-modle"; did you mean "suspend-model"? (known: preserve-evidence, suspend-model, notify-provider, restart-model)`,
        `✗ ${INVALID}: 1 problem`,
        '',
      ].join('\n'),
      err: '',
    });
  });

  it('checks every path and fails when any pack is invalid (mixed)', async () => {
    const result = await run(MINIMAL_PACK_DIR, INVALID, MINIMAL_PACK_DIR);
    expect(result.code).toBe(1);
    expect(result.out.split('\n').filter((line) => /^[✓✗]/.test(line))).toEqual([
      `✓ ${MINIMAL_PACK_DIR}: Minimal screening incident (minimal-screening 1.0.0)`,
      `✗ ${INVALID}: 1 problem`,
      `✓ ${MINIMAL_PACK_DIR}: Minimal screening incident (minimal-screening 1.0.0)`,
    ]);
  });

  it('reports a path that does not exist as an invalid pack, exit 1', async () => {
    const dir = await tempDir();
    const missing = join(dir, 'no-such-pack');
    expect(await run(missing)).toEqual({ code: 1, out: `${missing}:1:1: $: does not exist\n✗ ${missing}: 1 problem\n`, err: '' });
  });

  it('prints warnings but still passes', async () => {
    const dir = await tempDir();
    const late = '  - { id: late-memo, stage: learn, at: 7h 55m, jitter: 10m, channel: memo, title: Late memo, body: A memo. }\n';
    await writeTree(dir, { 'pack.yaml': minimalPackText().replace('\ndecisions:\n', `${late}\ndecisions:\n`) });
    const result = await run(dir);
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `warning: ${join(dir, 'pack.yaml')}:92:56: injects[3].jitter: can push this inject to 8h 5m, after the scenario ends (8h); it would then never fire\n` +
        `${MINIMAL_FIGURES}\n✓ ${dir}: Minimal screening incident (minimal-screening 1.0.0)\n`,
    );
  });

  it('shows files inside a zip and next to a single file from the current directory', async () => {
    const dir = await tempDir();
    const bad = minimalPackText().replace('durationMinutes: 20', 'durationMinutes: 0');
    await writeTree(dir, { 'bad.yaml': bad, 'bad.zip': makeZip({ 'my-pack/pack.yaml': bad }), 'slip.zip': makeZip({ 'pack.yaml': bad, '../x': 'x' }) });
    const lines = async (name: string) => (await run(join(dir, name))).out.split('\n')[0];
    expect(await lines('bad.yaml')).toBe(`${join(dir, 'bad.yaml')}:14:18: durationMinutes: must be greater than 0`);
    expect(await lines('bad.zip')).toBe(`${join(dir, 'bad.zip')}/pack.yaml:14:18: durationMinutes: must be greater than 0`);
    expect(await lines('slip.zip')).toBe(`${join(dir, 'slip.zip')}:1:1: $: entry "../x" leaves the pack folder (".."); write it relative to the pack folder`);
  });

  it('prints a machine-readable result with --json', async () => {
    const result = await run('--json', MINIMAL_PACK_DIR, INVALID);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.out);
    expect(json.ok).toBe(false);
    expect(json.packs).toHaveLength(2);
    expect(json.packs[0]).toMatchObject({ path: MINIMAL_PACK_DIR, ok: true, origin: { kind: 'folder' }, pack: { id: 'minimal-screening', version: '1.0.0' }, issues: [] });
    expect(json.packs[0].selfCheck).toEqual({ referenceScore: 95.8, doNothingScore: 0, bestGreedy: { policy: 'greedy-every-act', score: 39.6 } });
    expect(json.packs[0].pack.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(json.packs[1]).toMatchObject({ path: INVALID, ok: false, issues: [{ file: 'pack.yaml', line: 153, col: 13, path: 'reference.required[0].move', severity: 'error' }] });
  });

  it('skips documents among the paths, so a glob over a scenarios folder validates its packs', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'README.md': '# Authoring guide\n' });
    const result = await run(join(dir, 'README.md'), MINIMAL_PACK_DIR);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      `– ${join(dir, 'README.md')}: skipped (a document, not a pack)`,
      MINIMAL_FIGURES,
      `✓ ${MINIMAL_PACK_DIR}: Minimal screening incident (minimal-screening 1.0.0)`,
      '',
    ]);
    const onlyDocuments = await run(join(dir, 'README.md'));
    expect(onlyDocuments.code).toBe(2);
    expect(onlyDocuments.err).toContain('none of the paths is a pack');
  });

  it('exits 2 on usage errors', async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err.split('\n')[0]).toBe('vaim validate: give at least one pack path');
    const flag = await run('--strict', MINIMAL_PACK_DIR);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/^vaim validate: unknown option --strict\n/);
  });

  it('runs the registered self-checks on valid packs; their errors fail the pack', async () => {
    selfChecks.push((loaded) => [
      { file: 'pack.yaml', line: 1, col: 1, path: '$', message: `reference scores 40 for ${loaded.pack.id}, below 95`, severity: 'error' },
    ]);
    expect(await run(MINIMAL_PACK_DIR)).toEqual({
      code: 1,
      out: `${join(MINIMAL_PACK_DIR, 'pack.yaml')}:1:1: $: reference scores 40 for minimal-screening, below 95\n${MINIMAL_FIGURES}\n✗ ${MINIMAL_PACK_DIR}: 1 problem\n`,
      err: '',
    });
  });
});
