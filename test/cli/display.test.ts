/**
 * Pack text printed by `vaim` can never drive the terminal: ANSI escapes,
 * NUL, carriage returns, C1 controls and bidirectional overrides come out as
 * visible `\uXXXX` escapes, a newline inside pack text cannot forge an output
 * line, and `--json` still parses to the very same data.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/display';
import { main } from '../../src/cli/main';
import { minimalPackText } from '../engine/pack/minimal-pack';
import { capture } from './capture';

/** Every code point a terminal would obey, or that reorders what it shows. */
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// YAML double-quoted escapes: ESC (clear screen, set the window title ending in BEL), NUL, C1 CSI, CR, RLO, LRI, DEL.
const HOSTILE_TITLE = String.raw`Drill \e[2J\e]0;pwned\a \0 \x9b31m \r ok \u202Egnp.exe \u2066x\u2069 \x7f end`;
const TITLE_VALUE = 'Drill \u001b[2J\u001b]0;pwned\u0007 \u0000 \u009b31m \r ok \u202egnp.exe \u2066x\u2069 \u007f end';

let dir: string;
let pack: string;
let broken: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vaim-display-'));
  pack = join(dir, 'hostile.yaml');
  await writeFile(pack, minimalPackText().replace(/^title: .*$/m, `title: "${HOSTILE_TITLE}"`));
  broken = join(dir, 'broken.yaml');
  // An unknown key whose name carries an escape sequence and a newline that tries to forge a "valid" line.
  await writeFile(broken, `${minimalPackText()}\n"\\e[32mx\\n✓ ${broken}: all good": 1\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('terminalSafe', () => {
  it('escapes each dangerous code point and keeps text, tabs and newlines', () => {
    expect(terminalSafe('a\u001b[31mb\u0000c\u009bd\u202ee\r\n\tf')).toBe('a\\u001b[31mb\\u0000c\\u009bd\\u202ee\\u000d\n\tf');
    expect(terminalSafe('Überprüfung — 検証 ✓')).toBe('Überprüfung — 検証 ✓');
  });
});

describe('vaim output of hostile pack text', () => {
  it('validate prints the title with every control neutralised', async () => {
    const c = capture();
    expect(await main(['validate', pack], c.io)).toBe(0);
    expect(c.out()).not.toMatch(RAW_CONTROL);
    expect(c.out()).toContain('Drill \\u001b[2J\\u001b]0;pwned\\u0007 \\u0000 \\u009b31m \\u000d ok \\u202egnp.exe \\u2066x\\u2069 \\u007f end');
  });

  it('validate --json stays valid JSON holding exactly the pack’s text', async () => {
    const c = capture();
    expect(await main(['validate', '--json', pack], c.io)).toBe(0);
    expect(c.out()).not.toMatch(RAW_CONTROL);
    const parsed = JSON.parse(c.out()) as { packs: { pack: { title: string } }[] };
    expect(parsed.packs[0]?.pack.title).toBe(TITLE_VALUE);
  });

  it('an issue stays on one line: a newline in pack text cannot forge another', async () => {
    const c = capture();
    expect(await main(['validate', broken], c.io)).toBe(1);
    const lines = c.out().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^.*broken\.yaml:\d+:\d+: .*unknown key "\\u001b\[32mx\\n✓ .*: all good"/);
    expect(lines[1]).toBe(`✗ ${broken}: 1 problem`);
    expect(c.out()).not.toMatch(RAW_CONTROL);
  });

  it('play and score print the title neutralised too', async () => {
    for (const argv of [['play', pack, '--reference'], ['score', pack, pack]]) {
      const c = capture();
      await main(argv, c.io);
      expect(`${c.out()}${c.err()}`, argv[0]).not.toMatch(RAW_CONTROL);
    }
  });
});
