import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { packJsonSchema } from '../../src/engine/pack/json-schema';
import { cleanTempDirsAfterEach, tempDir } from '../main/packs/helpers';
import { capture } from './capture';

cleanTempDirsAfterEach();

describe('vaim schema', () => {
  it('prints the JSON Schema of the pack format', async () => {
    const c = capture();
    expect(await main(['schema'], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toEqual(packJsonSchema());
    expect(c.out().endsWith('}\n')).toBe(true);
  });

  it('writes it to a file with --out, creating folders', async () => {
    const dir = await tempDir();
    const out = join(dir, 'nested', 'pack.schema.json');
    const c = capture();
    expect(await main(['schema', '--out', out], c.io)).toBe(0);
    expect(c.out()).toBe(`wrote ${out}\n`);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(packJsonSchema());
  });

  it('exits 2 on a bad option or a stray argument', async () => {
    for (const argv of [['schema', '--pretty'], ['schema', 'extra'], ['schema', '--out']]) {
      const c = capture();
      expect(await main(argv, c.io)).toBe(2);
      expect(c.err()).toMatch(/^vaim schema: /);
    }
  });
});
