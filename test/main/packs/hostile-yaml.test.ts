/**
 * Hostile shapes of YAML get a plain, located message (never "Maximum call
 * stack size exceeded", never minutes of work): nesting deeper than a pack
 * may be, too many aliases, `__proto__` keys, duplicate keys in a huge
 * mapping; and pack ids Windows cannot use as folder names are refused.
 */
import { describe, expect, it } from 'vitest';
import { loadPackFromFiles } from '../../../src/main/packs/load-files';
import { readYaml } from '../../../src/main/packs/yaml-read';
import { formatIssue } from '../../../src/shared/packs';
import { minimalPackText } from '../../engine/pack/minimal-pack';

const origin = { kind: 'folder', path: 'hostile' } as const;
const load = (text: string) => loadPackFromFiles(new Map([['pack.yaml', new TextEncoder().encode(text)]]), origin);
const lines = (result: ReturnType<typeof load>) => (result.ok ? result.value.warnings : result.error.issues).map(formatIssue);
const messages = (text: string) => readYaml('f.yaml', text).issues.map(formatIssue);

/** `levels` lists nested in each other as flow YAML (the outermost is level 1). */
const flowNesting = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
/** `levels` mappings nested in each other as block YAML, under `extra:` at the top level. */
const blockNesting = (levels: number) =>
  `top: 1\nextra:\n${Array.from({ length: levels - 1 }, (_, i) => `${'  '.repeat(i + 1)}k${i + 2}:`).join('\n')} end\n`;

describe('deep nesting', () => {
  it.each([
    ['flow lists, 100,000 levels', `extra: ${flowNesting(100_000)}\n`, 'f.yaml:1:71: extra[0][0]'],
    ['a JSON document, 50,000 levels', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, 'f.yaml:1:321: a.a.a'],
    ['block mappings, 3,000 levels', blockNesting(3_000), 'f.yaml:66:129: extra.k2.k3'],
  ])('refuses %s with the line, not a stack overflow', (_name, text, where) => {
    const [issue, ...more] = messages(text);
    expect(more).toEqual([]);
    expect(issue).toContain(where);
    expect(issue).toMatch(/: is nested more than 64 levels deep at line \d+ \(lists and mappings inside each other\); a pack needs far fewer$/);
    expect(issue).not.toMatch(/call stack/i);
  });

  it('allows 64 levels and refuses 65 (the engine’s limit for pack data)', () => {
    expect(messages(`v: ${flowNesting(63)}\n`)).toEqual([]);
    expect(messages(`v: ${flowNesting(64)}\n`)).toEqual([
      `f.yaml:1:${4 + 63}: v${'[0]'.repeat(63)}: is nested more than 64 levels deep at line 1 (lists and mappings inside each other); a pack needs far fewer`,
    ]);
  });

  it('says so for a whole pack too, at the right line of the right file', () => {
    const text = `${minimalPackText()}\nextra: ${flowNesting(20_000)}\n`;
    const line = text.split('\n').findIndex((l) => l.startsWith('extra:')) + 1;
    expect(lines(load(text))).toEqual([
      `pack.yaml:${line}:${8 + 63}: extra${'[0]'.repeat(63)}: is nested more than 64 levels deep at line ${line} (lists and mappings inside each other); a pack needs far fewer`,
    ]);
  });
});

describe('aliases', () => {
  const chain = (n: number) => `a0: &a0 [x]\n${Array.from({ length: n - 1 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}]`).join('\n')}\n`;

  it('refuses a 10,000-alias chain by counting, before resolving any alias', () => {
    expect(messages(chain(10_001))).toEqual(['f.yaml:102:14: $: uses 10000 YAML aliases (*name); a file may use at most 100: write the values out']);
  });

  it('allows a few aliases and still refuses an alias bomb made of them', () => {
    expect(readYaml('f.yaml', 'a: &x [1, 2]\nb: *x\nc: *x\n')).toMatchObject({ issues: [], value: { a: [1, 2], b: [1, 2], c: [1, 2] } });
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
    expect(messages(bomb)).toEqual([
      'f.yaml:2:8: b[0]: uses YAML aliases (*name) too much: they would expand more than 100 times (an "alias bomb"); write the values out',
    ]);
  });
});

describe('keys', () => {
  it('names a __proto__ key wherever it is, and never changes a prototype', () => {
    const text = minimalPackText().replace(/^title:/m, '__proto__: { polluted: true }\ntitle:').replace('  name: ScreenRank', '  name: ScreenRank\n  "__proto__": x');
    const found = lines(load(text));
    expect(found).toEqual([
      expect.stringMatching(/^pack\.yaml:6:1: __proto__: the key "__proto__" is not allowed \(it would change how the data is read\); rename it$/),
      expect.stringMatching(/^pack\.yaml:\d+:3: system\.__proto__: the key "__proto__" is not allowed/),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds a duplicate key in a mapping of 100,000 keys (one pass, not every pair)', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`);
    keys.push('k5: again');
    expect(messages(`${keys.join('\n')}\n`)).toEqual(['f.yaml:100001:1: k5: duplicate key "k5": each key may appear only once in a mapping']);
  });
});

describe('pack ids Windows reserves', () => {
  const withId = (id: string) => minimalPackText().replace(/^id: .*$/m, `id: ${id}`);

  it.each(['con', 'prn', 'aux', 'nul', 'com0', 'com1', 'com9', 'lpt1', 'lpt9'])('refuses the pack id "%s"', (id) => {
    expect(lines(load(withId(id)))).toEqual([
      'pack.yaml:4:5: id: is a name Windows reserves for a device (con, prn, aux, nul, com0–com9, lpt0–lpt9); choose another id',
    ]);
  });

  it('refuses the upper-case spellings too (ids are lower case)', () => {
    expect(lines(load(withId('CON')))[0]).toMatch(/^pack\.yaml:4:5: id: must be an id: lower-case letters/);
  });

  it.each(['console', 'com10', 'auxiliary', 'nullable', 'lpt'])('accepts "%s"', (id) => {
    expect(load(withId(id)).ok).toBe(true);
  });
});
