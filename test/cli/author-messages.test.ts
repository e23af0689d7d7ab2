/**
 * Messages an author can act on (issue 12): each mistake authors made when
 * writing packs from the guide alone, and the exact output `vaim` gives now.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main';
import { MINIMAL_PACK_DIR, minimalPackText } from '../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, tempDir, writeTree } from '../main/packs/helpers';
import { capture } from './capture';

cleanTempDirsAfterEach();

async function vaim(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out(), err: c.err() };
}

/** Writes `files` to a temp folder and validates `entry` in it. */
async function validate(files: Record<string, string>, entry = ''): Promise<{ code: number; out: string; dir: string }> {
  const dir = await tempDir();
  await writeTree(dir, files);
  const { code, out } = await vaim('validate', join(dir, entry));
  return { code, out, dir };
}

const text = minimalPackText();
const json = (): string => JSON.stringify(parse(text), null, 2);

describe('messages an author can act on', () => {
  it('a comma inside an unquoted { } value says the text needs quotes', async () => {
    const pack = text.replace("{ id: skewed-update, label: Friday's update was trained on skewed data, correct: true }", '{ id: skewed-update, label: week 11, the update, correct: true }');
    const { code, out, dir } = await validate({ 'pack.yaml': pack });
    expect(code).toBe(1);
    expect(out).toBe(
      `${join(dir, 'pack.yaml')}:197:48: reference.trace.rootCause.candidates[0]["the update"]: "the update" is not a key but the rest of the text of "label": inside { … } a comma ends an unquoted value; put the whole text in quotes: label: "week 11, the update"\n` +
        `✗ ${dir}: 1 problem\n`,
    );
  });

  it('a text cut by two commas gets the whole text back, on each piece', async () => {
    const pack = text.replace("{ id: skewed-update, label: Friday's update was trained on skewed data, correct: true }", '{ id: skewed-update, label: Preserve the model, tables and logs (Art. 26(6), 73(6)), correct: true }');
    const { code, out, dir } = await validate({ 'pack.yaml': pack });
    expect(code).toBe(1);
    const fix = 'put the whole text in quotes: label: "Preserve the model, tables and logs (Art. 26(6), 73(6))"';
    const lines = out.trim().split('\n');
    expect(lines.filter((line) => line.includes(fix))).toHaveLength(2);
    expect(lines.some((line) => line.includes('["73(6))"]') && line.includes(fix))).toBe(true);
    expect(lines.at(-1)).toBe(`✗ ${dir}: 2 problems`);
  });

  it('one mis-indented line in an included file gives its syntax error alone, nothing that follows from it', async () => {
    const [head, moves] = text.split('\nmoves:\n') as [string, string];
    const [moveList, rest] = moves.split('\nobligations:\n') as [string, string];
    const broken = `moves:\n${moveList}`.replace('    label: Snapshot the model, logs and input data\n    stage: contain', '    label: Snapshot the model, logs and input data\n   stage: contain');
    const { code, out, dir } = await validate({ 'pack.yaml': `${head.replace('format: 2', 'format: 2\ninclude: [moves.yaml]')}\nobligations:\n${rest}`, 'moves.yaml': `${broken}\n` });
    expect(code).toBe(1);
    expect(out).toBe(
      `${join(dir, 'moves.yaml')}:4:1: moves: YAML syntax error: Sequence item without - indicator (check the indentation of this line: the keys of one mapping must start in the same column, and list items with "- "); 4 more YAML errors follow in this file, probably caused by this one: fix it first\n` +
        `warning: ${dir}:1:1: $: the pack's content was not checked because the files above cannot be read; fix these problems and check again\n` +
        `✗ ${dir}: 1 problem\n`,
    );
  });

  it('a JSON pack with a missing comma is a JSON syntax error at the fault', async () => {
    const broken = json().replace('"Ranks incoming CVs and rejects the lowest-scoring applicants automatically.",', '"Ranks incoming CVs and rejects the lowest-scoring applicants automatically."');
    const { out, dir } = await validate({ 'pack.json': broken }, 'pack.json');
    expect(out).toBe(`${join(dir, 'pack.json')}:23:5: system.provider: JSON syntax error: a comma is missing before this (entries of a JSON object or list are separated by commas)\n✗ ${join(dir, 'pack.json')}: 1 problem\n`);
  });

  it('a JSON pack with a trailing comma (which YAML would accept) is refused where the comma is', async () => {
    const broken = json().replace('"hiring"\n  ]', '"hiring",\n  ]');
    const { out, dir } = await validate({ 'pack.json': broken }, 'pack.json');
    expect(out).toBe(`${join(dir, 'pack.json')}:19:3: tags[2]: JSON syntax error: a value is expected here (JSON allows no comma before "]" or "}")\n✗ ${join(dir, 'pack.json')}: 1 problem\n`);
  });

  it('a YAML syntax error keeps the path to the key the author wrote', async () => {
    const { out, dir } = await validate({ 'pack.yaml': text.replace('summary: A CV-screening model', 'summary: A CV-screening: model') });
    expect(out).toBe(
      `${join(dir, 'pack.yaml')}:7:10: summary: YAML syntax error: Nested mappings are not allowed in compact mappings (a value that contains ": " must be in quotes, e.g. summary: "Risk: high")\n` +
        `✗ ${dir}: 1 problem\n`,
    );
  });

  it('a reference entry answering an expired prompt is pointed at, in the path’s numbering, in one sentence', async () => {
    const late = text.replace('    - at: 30m\n      by: incident-lead\n      command: { type: decision.answer', '    - at: 1h 30m\n      by: incident-lead\n      command: { type: decision.answer')
      .replace('    - at: 30m\n      by: incident-lead\n      command: { type: r3ai.classify', '    - at: 1h 30m\n      by: incident-lead\n      command: { type: r3ai.classify')
      .replace('    - at: 35m\n', '    - at: 1h 35m\n').replace('    - at: 40m\n', '    - at: 1h 40m\n').replace('    - at: 1h\n      by: incident-lead\n      command: { type: move.make, move: notify-provider }', '    - at: 1h 50m\n      by: incident-lead\n      command: { type: move.make, move: notify-provider }');
    const { out, dir } = await validate({ 'pack.yaml': late });
    expect(out).toBe(
      `${join(dir, 'pack.yaml')}:166:7: reference.timeline[2]: This entry (decision.answer by incident-lead at 1h 30m) cannot be played: decision "classify-severity" had already expired at 1h (it was asked at 30m); answer it before then, or remove the entry.\n` +
        '  self-check: reference: cannot be played, doing nothing 0\n' +
        `✗ ${dir}: 1 problem\n`,
    );
  });

  it('a reference entry "run.start" with an "at" says why it cannot be played and what to do', async () => {
    const started = text.replace('      command: { type: role.assign, role: technical-lead, participant: Reference engineer }\n', '      command: { type: role.assign, role: technical-lead, participant: Reference engineer }\n    - at: 10m\n      by: system\n      command: { type: run.start }\n');
    const { out, dir } = await validate({ 'pack.yaml': started });
    expect(out).toBe(
      `${join(dir, 'pack.yaml')}:166:7: reference.timeline[2]: This entry (run.start by system at 10m) cannot be played: a timeline starts the run by itself (at 0, before its first entry with an "at"), so this run.start at 10m finds it already running; remove the entry.\n` +
        '  self-check: reference: cannot be played, doing nothing 0\n' +
        `✗ ${dir}: 1 problem\n`,
    );
  });

  it('a run file with a header field missing says which, in plain words', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'run.json': JSON.stringify({ header: { engineVersion: 1 }, log: [] }) });
    const run = join(dir, 'run.json');
    expect(await vaim('score', MINIMAL_PACK_DIR, run)).toEqual({
      code: 1,
      out: '',
      err: `${run}: header: runId is required but missing (and 7 more problems)\nvaim score: ${run} could not be scored\n`,
    });
  });

  it('--seed -1 says what a seed must be', async () => {
    const result = await vaim('play', MINIMAL_PACK_DIR, '--reference', '--seed', '-1');
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe('vaim play: --seed must be a whole number from 0 to 4294967295, got "-1"');
  });
});
