import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPackFromFiles } from '../../../src/main/packs/load-files';
import { readPackZip } from '../../../src/main/packs/read-zip';
import type { LocatedIssue, PackLoadResult } from '../../../src/shared/packs';
import { minimalPackText } from '../../engine/pack/minimal-pack';
import { makeZip } from './helpers';

const encoder = new TextEncoder();
const TEXT = minimalPackText();
const LINES = TEXT.split('\n').length;

function load(bytes: Uint8Array, extra: ReadonlyArray<readonly [string, Uint8Array]> = []): PackLoadResult {
  return loadPackFromFiles(new Map([['pack.yaml', bytes], ...extra]), { kind: 'folder', path: 'fuzz' });
}

function expectLocated(issue: LocatedIssue, maxLine = Number.MAX_SAFE_INTEGER): void {
  expect(issue.file.length).toBeGreaterThan(0);
  expect(issue.line).toBeGreaterThanOrEqual(1);
  expect(issue.line).toBeLessThanOrEqual(maxLine);
  expect(issue.col).toBeGreaterThanOrEqual(1);
  expect(issue.path.length).toBeGreaterThan(0);
  expect(issue.message.length).toBeGreaterThan(0);
  expect(issue.message).not.toMatch(/internal error/);
}

/** YAML-ish text built from the characters and tokens that drive the parser. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(': ', '- ', '\n', '  ', '[', ']', '{', '}', ',', '&a ', '*a', '!tag ', '!!binary ', '"', "'", '|', '>', '#', '---', '? ', '\t', 'format', 'injects', '1', 'true', '~', '\\', '%YAML 1.2'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('the YAML loader under random input (property)', () => {
  it('never throws on random bytes or YAML-like text, and locates every problem', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), yamlish.map((text) => encoder.encode(text))), (bytes) => {
        const result = load(bytes);
        expect(result.ok).toBe(false);
        if (!result.ok) for (const issue of result.error.issues) expectLocated(issue);
      }),
      { numRuns: 1500, seed: 42 },
    );
  });

  it('never throws on damaged copies of the minimal pack, and points inside the file', () => {
    const edit = fc.record({
      at: fc.nat({ max: TEXT.length }),
      remove: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.constantFrom('', '\n', ': ', '- ', '[', '{', '"', '  ', '\t', '*x', '&x ', 'at: 9d\n'), fc.string({ maxLength: 8 })),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = TEXT;
        for (const { at, remove, insert } of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        const result = load(encoder.encode(text));
        const issues = result.ok ? result.value.warnings : result.error.issues;
        const maxLine = text.split('\n').length + 1;
        for (const issue of issues) expectLocated(issue, Math.max(maxLine, LINES));
      }),
      { numRuns: 400, seed: 1206 },
    );
  });

  it('never throws on damaged zip archives', () => {
    const zip = makeZip({ 'pack.yaml': TEXT, 'notes/memo.md': '# Memo' });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: zip.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (flips) => {
        const damaged = zip.slice();
        for (const [at, byte] of flips) damaged[at] = byte;
        const result = readPackZip(damaged, { kind: 'zip', path: 'fuzz.zip' });
        for (const issue of result.issues) expectLocated(issue);
        if (result.files) {
          const loaded = loadPackFromFiles(result.files, { kind: 'zip', path: 'fuzz.zip' });
          for (const issue of loaded.ok ? loaded.value.warnings : loaded.error.issues) expectLocated(issue);
        }
      }),
      { numRuns: 400, seed: 99 },
    );
  });
});
