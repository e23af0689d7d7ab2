/**
 * The fast parse (js-yaml, used when a pack is entirely clean) and the
 * located parse (`yaml`, used to report problems) must read the same text
 * as the same value. Otherwise a pack could be read differently depending
 * on whether it had a problem.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../../src/main/packs/fast-yaml';
import { loadPackFromFiles } from '../../../src/main/packs/load-files';

const ROOT = join(import.meta.dirname, '../../..');

async function filesOf(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.set(relative(dir, path).split('\\').join('/'), new Uint8Array(await readFile(path)));
    }
  };
  await walk(dir);
  return files;
}

const slowValue = (text: string): unknown => parse(text, { version: '1.2', merge: false, uniqueKeys: true });

describe('the fast pack parse', () => {
  it.each(['scenarios/biased-hiring', 'test/fixtures/packs/minimal', 'test/fixtures/packs/guide-example'])(
    'loads %s to exactly what the located parse loads (same pack, attachments and hash)',
    async (dir) => {
      const files = await filesOf(join(ROOT, dir));
      const origin = { kind: 'folder' as const, path: dir };
      const fast = loadPackFromFiles(files, origin);
      const slow = loadPackFromFiles(files, origin, { fastPath: false });
      expect(slow.ok).toBe(true);
      expect(fast).toEqual(slow);
    },
  );

  it('reports exactly what the located parse reports for every invalid fixture', async () => {
    const base = join(ROOT, 'test/fixtures/packs/invalid');
    for (const name of await readdir(base)) {
      const files = await filesOf(join(base, name));
      const origin = { kind: 'folder' as const, path: name };
      expect(loadPackFromFiles(files, origin), name).toEqual(loadPackFromFiles(files, origin, { fastPath: false }));
    }
  });

  it.each([
    ['1_000', '0b101', '+0x10', '-0x10', '0x1F', '0o17', '017', '+12', '-0', '.inf', '-.Inf', '.NaN', '.nan', '1e3', '1.', '.5'],
    ['-.5', '+.5', '1e400', '~', 'Null', 'NULL', 'nULL', 'True', 'TRUE', 'tRue', 'yes', 'on', 'off', '2027-12-06T08:30:00Z'],
    ['12:30', '1:30:00', '0.1e+2', '1E3', '-1_0', '0x_1', '+.inf', '1.2.3', '0b', '0o', '00', '09', '0009', '=', '<<', '0o8'],
  ])('resolves edge-case scalars as YAML 1.2 core does (%s …)', (...scalars) => {
    for (const scalar of scalars) {
      const text = `v: ${scalar}\n`;
      const fast = fastParse(text);
      if (fast) expect(fast.value, scalar).toEqual(slowValue(text));
    }
  });

  it('leaves tags, aliases, duplicate keys and several documents to the located parse', () => {
    expect(fastParse('a: !!str 5\n')).toBeUndefined();
    expect(fastParse('a: !custom x\n')).toBeUndefined();
    expect(fastParse('a: &x [1, 2]\nb: *x\n')).toBeUndefined();
    expect(fastParse('a: 1\na: 2\n')).toBeUndefined();
    expect(fastParse('a: 1\n---\nb: 2\n')).toBeUndefined();
    expect(fastParse('a: [unclosed\n')).toBeUndefined();
  });

  it('reads any plain data the way the located parse does (property)', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('0x1F', '0o17', '1_000', '0b1', '+.5', '-.5', 'Yes', 'NULL', '~', '1e400', '.inf', 'True', '12:30'),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('node'), { maxKeys: 4 })),
    })).node;
    let compared = 0;
    fc.assert(
      fc.property(value, fc.boolean(), (data, flow) => {
        const text = stringify({ root: data }, { collectionStyle: flow ? 'flow' : 'any' });
        const fast = fastParse(text);
        if (!fast) return;
        compared += 1;
        expect(fast.value).toEqual(slowValue(text));
      }),
      { numRuns: 1500 },
    );
    // The comparison must really happen for most documents (the fast parse declines only unusual ones).
    expect(compared).toBeGreaterThan(1000);
  });
});
