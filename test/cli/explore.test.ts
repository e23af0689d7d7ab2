import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { MINIMAL_PACK_DIR } from '../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, tempDir } from '../main/packs/helpers';
import { capture } from './capture';

cleanTempDirsAfterEach();

async function run(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('vaim explore', () => {
  it('scores the greedy and random policies and names the best one, reproducibly', async () => {
    const first = await run('explore', MINIMAL_PACK_DIR, '--random', '4');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/greedy-every-act/);
    expect(first.out).toMatch(/^best non-reference score: \d+(\.\d)? \(/m);
    expect((await run('explore', MINIMAL_PACK_DIR, '--random', '4')).out).toBe(first.out);
  });

  it('writes the best run as a script that vaim play reproduces to the same score', async () => {
    const dir = await tempDir();
    const out = join(dir, 'best.json');
    const explored = await run('explore', MINIMAL_PACK_DIR, '--random', '4', '--json', '--out', out);
    const best = JSON.parse(explored.out).best as { score: number };
    JSON.parse(await readFile(out, 'utf8'));
    const played = await run('play', MINIMAL_PACK_DIR, '--script', out, '--json');
    expect(played.code).toBe(0);
    expect(JSON.parse(played.out).report.total).toBe(best.score);
  });

  it('refuses bad numbers with a message that says what to give', async () => {
    const bad = await run('explore', MINIMAL_PACK_DIR, '--random', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--random must be a whole number from 0 to 500 (got "lots")');
    expect((await run('explore', MINIMAL_PACK_DIR, '--random', '501')).err).toContain('--random must be at most 500 (got 501)');
  });
});
