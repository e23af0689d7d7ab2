/**
 * The annotated example in scenarios/README.md is a real pack: it validates
 * without warnings, passes the self-check `vaim validate` runs, and stays
 * identical to test/fixtures/packs/guide-example/pack.yaml. Every other YAML
 * snippet in the guide is at least well-formed YAML, and every condition it
 * shows in a pattern is a valid condition.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { conditionSchema } from '../../../src/engine/pack/condition';
import { DEFAULT_READINESS_ITEMS } from '../../../src/engine/pack/vocabulary';
import { formatPackPath } from '../../../src/engine/pack/issues';
import { validatePack } from '../../../src/engine/pack/validate';
import { DO_NOTHING_MAX_SCORE, GREEDY_WARN_SCORE, REFERENCE_MIN_SCORE, selfCheck } from '../../../src/engine/scoring';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const guide = read('scenarios/README.md');
const fixture = read('test/fixtures/packs/guide-example/pack.yaml');

/** The bodies of the guide's fenced ```yaml blocks, in order. */
const yamlBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');

/** The one block that is a whole pack (it has a top-level `format: 2`). */
function exampleBlock(): string {
  const packs = yamlBlocks(guide).filter((block) => /^format: 2\b/m.test(block));
  expect(packs, 'the guide should contain exactly one whole example pack').toHaveLength(1);
  return packs[0] ?? '';
}

const withoutFirstLine = (text: string) => text.slice(text.indexOf('\n') + 1);

describe('the authoring guide example pack', () => {
  it('validates with no errors and no warnings', () => {
    const result = validatePack(parse(exampleBlock()));
    const issues = result.ok ? result.value.warnings : result.error;
    expect(issues.map((issue) => `${formatPackPath(issue.path)}: ${issue.message}`)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('passes the self-check: the reference scores at least 95 and doing nothing at most 30', () => {
    const result = validatePack(parse(exampleBlock()));
    if (!result.ok) throw new Error('the example does not validate');
    const check = selfCheck(result.value.pack);
    expect(check.issues).toEqual([]);
    expect(check.referenceScore).toBeGreaterThanOrEqual(REFERENCE_MIN_SCORE);
    expect(check.doNothingScore).toBeLessThanOrEqual(DO_NOTHING_MAX_SCORE);
    expect(check.bestGreedy?.score).toBeLessThanOrEqual(GREEDY_WARN_SCORE);
  });

  it('scores what the guide says it scores', () => {
    const claim = /self-check \(reference ([\d.]+), doing nothing ([\d.]+),\s+the best greedy policy ([\d.]+)\)/.exec(guide);
    expect(claim, 'the guide states the example\'s self-check figures').not.toBeNull();
    const result = validatePack(parse(exampleBlock()));
    if (!result.ok) throw new Error('the example does not validate');
    const check = selfCheck(result.value.pack);
    expect([check.referenceScore, check.doNothingScore, check.bestGreedy?.score]).toEqual(claim!.slice(1).map(Number));
  });

  it('starts with the editor schema line and matches the fixture pack apart from that line', () => {
    const block = exampleBlock();
    expect(block.split('\n')[0]).toBe('# yaml-language-server: $schema=../../resources/pack.schema.json');
    expect(fixture.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../resources/pack.schema.json');
    expect(withoutFirstLine(fixture)).toBe(withoutFirstLine(block));
  });
});

describe('the facts the authoring guide lists', () => {
  it('shows the default readiness checklist as the app has it, id and label', () => {
    const rows = [...guide.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|$/gm)].map((m) => ({ id: m[1], label: m[2]!.trim() }));
    const listed = rows.filter((row) => DEFAULT_READINESS_ITEMS.some((item) => item.id === row.id));
    expect(listed).toEqual(DEFAULT_READINESS_ITEMS.map((item) => ({ id: item.id, label: item.label })));
  });

  it('lists every section in its contents', () => {
    const headings = [...guide.matchAll(/^## (\d+ .+)$/gm)].map((m) => m[1]!);
    for (const heading of headings) expect(guide, heading).toContain(`[${heading}](#`);
  });
});

describe('the YAML snippets of the authoring guide', () => {
  it('are all well-formed YAML', () => {
    const blocks = yamlBlocks(guide);
    expect(blocks.length).toBeGreaterThan(3);
    for (const block of blocks) expect(() => parse(block), block).not.toThrow();
  });

  it('show only valid conditions in inject fragments', () => {
    const fragments = yamlBlocks(guide)
      .map((block) => parse(block) as unknown)
      .filter((value): value is { when: unknown }[] => Array.isArray(value))
      .flat()
      .filter((item) => typeof item === 'object' && item !== null && 'when' in item);
    expect(fragments.length).toBeGreaterThan(0);
    for (const fragment of fragments) expect(conditionSchema.safeParse(fragment.when).success, JSON.stringify(fragment)).toBe(true);
  });
});
