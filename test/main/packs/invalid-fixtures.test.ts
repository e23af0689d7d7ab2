import { readdirSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/main/packs/load-pack';
import { minimalPackText } from '../../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, issueLines, makeZip, PACK_FIXTURES, tempDir, writeTree } from './helpers';

/**
 * Invalid packs and the exact problems each must produce. The fixture
 * folders are in test/fixtures/packs/invalid/<name>/ (a copy of the minimal
 * pack with one defect, unless the defect stops reading early); the packs
 * that cannot sensibly be committed (oversize, zips, symlinks) are made in
 * temp folders below.
 */
const FIXTURES: ReadonlyArray<readonly [name: string, lines: readonly string[]]> = [
  ['add-on-boolean', ['pack.yaml:110:16: moves[1].effects[0].add: cannot add to variable "model-live": it is true/false, not a number; use set']],
  ['alias-bomb', ['pack.yaml:6:8: b[0]: uses YAML aliases (*name) too much: they would expand more than 100 times (an "alias bomb"); write the values out']],
  ['at-and-when', ['pack.yaml:75:11: injects[1].when: an inject is either timed ("at") or triggered ("when"), not both']],
  ['at-beyond-end', ['pack.yaml:74:9: injects[1].at: is 9h, after the scenario ends (clock.end is 8h): this inject can never fire']],
  ['attachment-missing', ['pack.yaml:73:17: injects[0].attachments[0].path: the attachment "attachments/dashboard.md" does not exist in the pack folder']],
  ['attachment-outside-folder', ['pack.yaml:73:17: injects[0].attachments[0].path: the attachment "../secret.md" leaves the pack folder (".."); write it relative to the pack folder']],
  ['attachment-wrong-type', [
    'pack.yaml:73:17: injects[0].attachments[0].path: the attachment "report.pdf" has a type that is not allowed: use Markdown (.md), text (.txt), PNG (.png) or JPEG (.jpg, .jpeg)',
    'pack.yaml:74:17: injects[0].attachments[1].path: the attachment "chart.png" is not a PNG image (its content does not start like one)',
  ]],
  ['bad-duration', ['pack.yaml:131:15: obligations[0].deadline: must be a duration like 90, "90m", "72h", "15d" or "1d 2h 30m" (found text "4 hours")']],
  ['condition-branch-error', ['pack.yaml:84:29: injects[2].when.all[0].elapsed.gte: must be a duration like 90, "90m", "72h", "15d" or "1d 2h 30m" (found text "soon")']],
  ['custom-tag', ['pack.yaml:28:12: situation: the YAML tag "!python/object" is not allowed in a pack (packs are plain data)']],
  ['duplicate-ids', [
    'pack.yaml:111:9: moves[2].id: duplicate id "suspend-model": already used at moves[1]',
    'pack.yaml:134:19: obligations[0].satisfiedBy[0]: unknown move "notify-provider" (known: preserve-evidence, suspend-model, restart-model)',
    'pack.yaml:180:41: reference.timeline[6].command.move: unknown move "notify-provider" (known: preserve-evidence, suspend-model, restart-model)',
  ]],
  ['duplicate-key', ['pack.yaml:12:1: title: duplicate key "title": each key may appear only once in a mapping']],
  ['duplicate-role-brief', [
    'pack.yaml:39:11: roles[1].role: duplicate brief for role "incident-lead": already used at roles[0]',
    'warning: pack.yaml:103:12: moves[0].owner: role "technical-lead" owns this move but has no brief in roles, so no participant plays it',
    'warning: pack.yaml:108:12: moves[1].owner: role "technical-lead" owns this move but has no brief in roles, so no participant plays it',
    'warning: pack.yaml:119:13: moves[3].owner[0]: role "technical-lead" owns this move but has no brief in roles, so no participant plays it',
  ]],
  ['enum-value-not-in-values', ['pack.yaml:116:34: moves[1].effects[1].to: text "retired" is not a value of variable "model-status" (values: live, suspended)']],
  ['format-missing', ['pack.yaml:3:1: format: is required but missing: add "format: 2" at the top of the pack (the pack format version)']],
  ['format-too-new', ['pack.yaml:3:9: format: this pack needs a newer version of the app (format 3; this app reads format 2)']],
  ['harm-not-a-number', ['pack.yaml:59:9: metrics.harm: variable "model-live" is true/false; the harm metric must be a number variable']],
  ['include-in-included-file', ['more.yaml:1:1: include: only the main pack file can include other files', "warning: include-in-included-file:1:1: $: the pack's content was not checked because the files above cannot be read; fix these problems and check again"]],
  // The missing file's keys ("moves: is required but missing") follow from it and are held back.
  ['include-missing', [
    'pack.yaml:16:11: include[0]: the included file "moves.yaml" does not exist',
    "warning: include-missing:1:1: $: the pack's content was not checked because the files above cannot be read; fix these problems and check again",
  ]],
  ['jitter-without-at', ['pack.yaml:87:13: injects[2].jitter: only a timed inject (with "at") can have a jitter']],
  ['json-pack', ['pack.json:35:20: clock.compression: must be greater than 0']],
  ['key-defined-twice', ['extra.yaml:2:1: clock: "clock" is defined twice: in pack.yaml:31:1 and here; only lists can be split across files (their entries are joined)', "warning: key-defined-twice:1:1: $: the pack's content was not checked because the files above cannot be read; fix these problems and check again"]],
  ['missing-required-field', ['pack.yaml:3:1: licence: is required but missing']],
  ['reference-severity-order', ['pack.yaml:148:11: reference.severity[0].at: the first reference severity must be at 0 (the severity of the incident from the start)']],
  ['satisfied-by-unknown-move', ['pack.yaml:134:19: obligations[0].satisfiedBy[0]: unknown move "notify-the-provider" (known: preserve-evidence, suspend-model, notify-provider, restart-model)']],
  ['timeline-backwards', ['pack.yaml:178:11: reference.timeline[6].at: must not be earlier than the entry before it (40m): the timeline runs forward']],
  ['two-comparators', ['pack.yaml:52:14: variables[0].accrue.while: needs exactly one of eq, ne, gt, gte, lt, lte']],
  ['unknown-condition-key', ['pack.yaml:130:14: obligations[0].trigger: unknown condition: expected one of all, any, not, var, move, inject, decision, severity, r3ai, elapsed, sinceInject, readiness, obligation, gateViolated, role (found "injct"; did you mean "inject"?)']],
  ['unknown-decision', [
    'pack.yaml:71:13: injects[0].opens[0]: unknown decision "classify-sevrity"; did you mean "classify-severity"? (known: classify-severity)',
    'warning: pack.yaml:94:9: decisions[0].id: decision "classify-severity" is never asked: no inject "opens" it and no "open" effect opens it',
  ]],
  ['unknown-effect-key', ['pack.yaml:110:9: moves[1].effects[0]: unknown effect: expected one of set, add, open, fire (found "sett"; did you mean "set"?)']],
  ['unknown-inject', ['pack.yaml:130:24: obligations[0].trigger.inject: unknown inject "fairness-alrt"; did you mean "fairness-alert"? (known: fairness-alert, complaint, press-query)']],
  ['unknown-move', ['pack.yaml:153:13: reference.required[0].move: unknown move "suspend-modle"; did you mean "suspend-model"? (known: preserve-evidence, suspend-model, notify-provider, restart-model)']],
  ['unknown-obligation', ['pack.yaml:143:27: recovery.criteria[0].condition.any[0].obligation: unknown obligation "inform-provdr"; did you mean "inform-provider"? (known: inform-provider)']],
  ['unknown-option', ['pack.yaml:97:12: decisions[0].best[0]: decision "classify-severity" has no option "v33"; did you mean "v3"? (options: v1, v2, v3, v4, v5)']],
  ['unknown-readiness-item', ['pack.yaml:120:28: moves[3].requires.readiness: unknown readiness item "kill-swich"; did you mean "kill-switch"? (the pack has no readiness list, so the app\'s default checklist applies: ai-inventory, roles-assigned, monitoring, kill-switch, manual-fallback, logging, evidence-procedure, regulatory-map, … (4 more))']],
  ['unknown-top-level-key', ['pack.yaml:12:9: sumary: unknown key "sumary"; did you mean "summary"?']],
  ['unknown-variable', ['pack.yaml:85:18: injects[2].when.all[1].var: unknown variable "model-lve"; did you mean "model-live"? (known: wrongly-rejected, model-live)']],
  ['weights-all-zero', ['pack.yaml:210:3: weights: at least one stage weight must be greater than 0 (or leave weights out to use the defaults)']],
  ['wrong-type', ['pack.yaml:14:18: durationMinutes: must be a number (found text "twenty")']],
  ['yaml-syntax-error', ['pack.yaml:17:1: system: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]']],
];

const INVALID_DIR = join(PACK_FIXTURES, 'invalid');

/** Packs built on the fly: returns the path to load. */
const GENERATED: ReadonlyArray<readonly [name: string, make: () => Promise<string>, lines: readonly string[]]> = [
  [
    'oversize pack file',
    async () => {
      const dir = await tempDir();
      await writeTree(dir, { 'pack.yaml': `${minimalPackText()}\n# ${'x'.repeat(2 * 1024 * 1024)}\n` });
      return dir;
    },
    ['pack.yaml:1:1: $: is larger than 2 MB, the limit for a pack file'],
  ],
  [
    'zip slip (../ in an entry name)',
    async () => zipFile({ 'pack.yaml': minimalPackText(), '../evil.sh': 'echo owned' }),
    ['pack.zip:1:1: $: entry "../evil.sh" leaves the pack folder (".."); write it relative to the pack folder'],
  ],
  [
    'absolute path in a zip',
    async () => zipFile({ 'pack.yaml': minimalPackText(), '/etc/cron.d/evil': 'x' }),
    ['pack.zip:1:1: $: entry "/etc/cron.d/evil" is an absolute path; write it relative to the pack folder'],
  ],
  [
    'zip bomb (compression ratio)',
    async () => zipFile({ 'pack.yaml': minimalPackText(), 'padding.txt': new Uint8Array(4 * 1024 * 1024) }),
    [
      'pack.zip:1:1: $: entry "padding.txt" is compressed more than 100:1 (a "zip bomb"?)',
      'pack.zip:1:1: $: is compressed 639:1; more than 100:1 is refused (a "zip bomb"?)',
    ],
  ],
  [
    'symbolic link pointing outside the folder',
    async () => {
      const outside = await tempDir();
      await writeFile(join(outside, 'secret.md'), 'secret');
      const dir = await tempDir();
      await writeTree(dir, { 'pack.yaml': minimalPackText() });
      await symlink(join(outside, 'secret.md'), join(dir, 'notes.md'));
      return dir;
    },
    ['notes.md:1:1: $: is a symbolic link to something outside the pack folder; packs must be self-contained, so it is not followed'],
  ],
  [
    'single-file pack with an attachment',
    async () => {
      const dir = await tempDir();
      const text = minimalPackText().replace('    opens: [classify-severity]\n', '    opens: [classify-severity]\n    attachments: [{ path: memo.md, title: Memo }]\n');
      await writeTree(dir, { 'scenario.yaml': text, 'memo.md': '# Memo' });
      return join(dir, 'scenario.yaml');
    },
    ['scenario.yaml:72:27: injects[0].attachments[0].path: the attachment "memo.md" does not exist in the pack folder (a single-file pack cannot have attachments: put the pack in a folder with pack.yaml)'],
  ],
];

async function zipFile(entries: Parameters<typeof makeZip>[0]): Promise<string> {
  const dir = await tempDir();
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'pack.zip');
  await writeFile(path, makeZip(entries));
  return path;
}

describe('invalid packs report exactly their problems', () => {
  cleanTempDirsAfterEach();

  it('covers every fixture folder, and at least 30 cases in all', () => {
    const folders = readdirSync(INVALID_DIR).sort();
    expect(folders).toEqual(FIXTURES.map(([name]) => name).sort());
    expect(FIXTURES.length + GENERATED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(FIXTURES)('%s', async (name, lines) => {
    const result = await loadPack(join(INVALID_DIR, name));
    expect(result.ok).toBe(false);
    expect(issueLines(result)).toEqual(lines);
  });

  it.each(GENERATED)('%s', async (_name, make, lines) => {
    const result = await loadPack(await make());
    expect(result.ok).toBe(false);
    expect(issueLines(result)).toEqual(lines);
  });
});
