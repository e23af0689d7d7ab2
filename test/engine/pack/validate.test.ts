import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../src/engine/pack/validate';
import { describeIssue, minimalPackInput } from './minimal-pack';

type Mutate = (pack: ReturnType<typeof minimalPackInput>) => void;

/** Every issue (errors and warnings) of the minimal pack after `mutate`. */
function issuesAfter(mutate: Mutate): string[] {
  const pack = minimalPackInput();
  mutate(pack);
  const result = validatePack(pack);
  return result.ok ? result.value.warnings.map(describeIssue) : result.error.map(describeIssue);
}

const CONDITION_KEYS_TEXT = 'all, any, not, var, move, inject, decision, severity, r3ai, elapsed, sinceInject, readiness, obligation, gateViolated, role';

describe('validatePack on the minimal pack', () => {
  it('accepts it, with durations in minutes and defaults filled in', () => {
    const result = validatePack(minimalPackInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { pack, warnings } = result.value;
    expect(warnings).toEqual([]);
    expect(pack.clock.end).toBe(8 * 60);
    expect(pack.clock.decisionCountdown).toBe(30);
    expect(pack.injects[1]).toMatchObject({ id: 'complaint', at: 120, jitter: 15, visibleTo: 'all' });
    expect(pack.injects[2]?.delay).toBe(60);
    expect(pack.moves[0]?.repeatable).toBe(false);
    expect(pack.reference.required[0]?.from).toBe('start');
  });

  it('reports every problem at once, not only the first', () => {
    const issues = issuesAfter((pack) => {
      delete pack.title;
      pack.clock.compression = -1;
      pack.moves[0].stage = 'contian';
      pack.reference.required[0].move = 'suspend-modle';
    });
    expect(issues).toEqual([
      'error title: is required but missing',
      'error clock.compression: must be greater than 0',
      'error moves[0].stage: must be one of "prepare", "detect", "contain", "govern", "recover", "learn" (found text "contian"; did you mean "contain"?)',
      'error reference.required[0].move: unknown move "suspend-modle"; did you mean "suspend-model"? (known: preserve-evidence, suspend-model, notify-provider, restart-model)',
    ]);
  });

  it('names the allowed keys, or the likely one, for an unknown key', () => {
    expect(issuesAfter((pack) => (pack.system.purpse = 'x'))).toEqual(['error system.purpse: unknown key "purpse"; did you mean "purpose"?']);
    expect(issuesAfter((pack) => (pack.metrics.colour = 'red'))).toEqual([
      'error metrics.colour: unknown key "colour" (allowed here: harm, harmLabel, harmScale, harms, dashboard)',
    ]);
  });
});

describe('condition messages (the branch is chosen by its key)', () => {
  const cases: ReadonlyArray<readonly [string, unknown, string]> = [
    ['a misspelt key', { vars: 'model-live', eq: true }, `unknown condition: expected one of ${CONDITION_KEYS_TEXT} (found "vars"; did you mean "var"?)`],
    ['an unrelated key', { colour: 'red' }, `unknown condition: expected one of ${CONDITION_KEYS_TEXT} (found "colour")`],
    ['an empty mapping', {}, `empty condition: expected one of ${CONDITION_KEYS_TEXT}`],
    ['text', 'complaint', `must be a condition: a mapping with one of ${CONDITION_KEYS_TEXT} (found text "complaint")`],
    ['two tests in one', { inject: 'complaint', move: 'suspend-model' }, 'a condition tests one thing, but this one has "inject" and "move": put each test in its own condition under all: or any:'],
    ['no comparator', { var: 'model-live' }, 'needs exactly one of eq, ne, gt, gte, lt, lte'],
  ];
  it.each(cases)('%s', (_name, condition, message) => {
    expect(issuesAfter((pack) => (pack.injects[2].when = condition))).toEqual([`error injects[2].when: ${message}`]);
  });

  it('reports the chosen branch’s own problem at its own path, however deep', () => {
    expect(issuesAfter((pack) => (pack.injects[2].when = { all: [{ not: { any: [{ move: 'Suspend' }] } }] }))).toEqual([
      'error injects[2].when.all[0].not.any[0].move: must be an id: lower-case letters, digits, "-" or "_", starting with a letter, at most 64 characters (found text "Suspend")',
    ]);
    expect(issuesAfter((pack) => (pack.injects[2].when = { severity: { gte: 7 } }))).toEqual([
      'error injects[2].when.severity.gte: must be one of 1, 2, 3, 4, 5 (found the number 7)',
    ]);
    expect(issuesAfter((pack) => (pack.injects[2].when = { elapsed: { gte: 'soon' } }))).toEqual([
      'error injects[2].when.elapsed.gte: must be a duration like 90, "90m", "72h", "15d" or "1d 2h 30m" (found text "soon")',
    ]);
    expect(issuesAfter((pack) => (pack.injects[2].when = { decision: 'classify-severity', is: 'closed' }))).toEqual([
      'error injects[2].when.is: must be one of "pending", "open", "answered", "expired" (found text "closed")',
    ]);
  });
});

describe('effect messages', () => {
  const cases: ReadonlyArray<readonly [string, unknown, string, string]> = [
    ['a misspelt key', { sett: 'model-live', to: false }, 'moves[1].effects[0]', 'unknown effect: expected one of set, add, open, fire (found "sett"; did you mean "set"?)'],
    ['two effects in one', { set: 'model-live', to: false, open: 'classify-severity' }, 'moves[1].effects[0]', 'an effect does one thing, but this one has "set" and "open": write each effect as its own list entry'],
    ['a wrong value', { add: 'wrongly-rejected', by: '3' }, 'moves[1].effects[0].by', 'must be a number (found text "3")'],
    ['a missing value', { set: 'model-live' }, 'moves[1].effects[0].to', 'is required but missing'],
    ['not a mapping', 'suspend', 'moves[1].effects[0]', 'must be an effect: a mapping with one of set, add, open, fire (found text "suspend")'],
  ];
  it.each(cases)('%s', (_name, effect, path, message) => {
    expect(issuesAfter((pack) => (pack.moves[1].effects = [effect]))).toEqual([`error ${path}: ${message}`]);
  });
});

describe('other unions say which forms they accept', () => {
  it('lists literal and type alternatives', () => {
    expect(issuesAfter((pack) => (pack.injects[2].visibleTo = 'everyone'))).toEqual([
      'error injects[2].visibleTo: must be "all" or a list (found text "everyone")',
    ]);
    expect(issuesAfter((pack) => (pack.clock.end = true))).toEqual([
      'error clock.end: must be a duration like 90, "90m", "72h", "15d" or "1d 2h 30m" (found true)',
    ]);
  });

  it('reports the branch that fits the value’s type', () => {
    expect(issuesAfter((pack) => (pack.moves[0].owner = 'technical-leed'))).toEqual([
      'error moves[0].owner: must be one of "executive-sponsor", "incident-lead", "technical-lead", "legal-lead", "comms-lead", "business-owner" or a list (found text "technical-leed"; did you mean "technical-lead"?)',
    ]);
    expect(issuesAfter((pack) => (pack.moves[0].owner = ['technical-lead', 'ceo']))).toEqual([
      'error moves[0].owner[1]: must be one of "executive-sponsor", "incident-lead", "technical-lead", "legal-lead", "comms-lead", "business-owner" (found text "ceo")',
    ]);
  });

  it('names the options of a discriminated union whose tag is unknown or missing', () => {
    expect(issuesAfter((pack) => (pack.variables[1].type = 'bool'))).toEqual([
      'error variables[1].type: must be one of "number", "boolean", "enum" (found text "bool"; did you mean "boolean"?)',
    ]);
    const missing = issuesAfter((pack) => delete pack.reference.timeline[2].command.type);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/^error reference\.timeline\[2\]\.command\.type: is required but missing: one of "role\.assign", .*"note\.add"$/);
  });
});

describe('durations', () => {
  it('reads strings in linear time, however long (no regular-expression blow-up)', () => {
    expect(issuesAfter((pack) => (pack.clock.end = `${' '.repeat(50_000)}x`))).toEqual([
      'error clock.end: must be a duration like 90, "90m", "72h", "15d" or "1d 2h 30m" (found text "                                     …")',
    ]);
  });

  it('caps strings at the same maximum as numbers', () => {
    expect(issuesAfter((pack) => (pack.clock.end = '99999999d'))).toEqual(['error clock.end: must be at most 10000000 minutes (about 19 years)']);
    expect(issuesAfter((pack) => (pack.clock.end = 10_000_001))).toEqual(['error clock.end: must be at most 10000000']);
  });
});

describe('the pack\'s own version', () => {
  it('is a semantic version: pre-release and build parts, alone or together', () => {
    for (const version of ['1.0.0', '1.0.0-beta.1', '1.0.0+5', '1.0.2-beta.1+build.5', '12.3.45']) {
      expect(issuesAfter((pack) => (pack.version = version)), version).toEqual([]);
    }
    for (const version of ['1.0', 'v1.0.0', '1.0.0+', '1.0.0-', '1.0.0 beta']) {
      expect(issuesAfter((pack) => (pack.version = version))[0], version).toMatch(/^error version: must be a version like 1\.0\.0 \(major\.minor\.patch, optionally followed by -pre-release and\/or \+build/);
    }
  });
});

describe('format version', () => {
  it('asks for a newer app when the format is newer', () => {
    expect(issuesAfter((pack) => (pack.format = 3))).toEqual([
      'error format: this pack needs a newer version of the app (format 3; this app reads format 2)',
    ]);
  });

  it('says clearly that format is missing, and still reports the other problems', () => {
    expect(
      issuesAfter((pack) => {
        delete pack.format;
        pack.durationMinutes = 0;
      }),
    ).toEqual([
      'error format: is required but missing: add "format: 2" at the top of the pack (the pack format version)',
      'error durationMinutes: must be greater than 0',
    ]);
  });

  it('refuses a format that is not a whole number', () => {
    expect(issuesAfter((pack) => (pack.format = '1'))).toEqual([
      'error format: must be a whole number, the pack format version, such as 2 (found text "1")',
    ]);
  });

  it('refuses an older format for which no migration exists', () => {
    expect(issuesAfter((pack) => (pack.format = 0))).toEqual([
      'error format: format 0 is not a pack format this app can read (it reads format 2)',
    ]);
  });
});

describe('input that is not a plain pack', () => {
  it.each([
    ['a list', [], 'error $: a pack must be a mapping of keys such as format, id and title (found a list)'],
    ['null', null, 'error $: a pack must be a mapping of keys such as format, id and title (found an empty value (null))'],
    ['text', 'pack', 'error $: a pack must be a mapping of keys such as format, id and title (found text "pack")'],
  ])('rejects %s', (_name, input, message) => {
    const result = validatePack(input);
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([message]);
  });

  it('rejects cycles, deep nesting and non-JSON values without recursing forever', () => {
    const cyclic = minimalPackInput();
    cyclic.system.self = cyclic.system;
    const deep = minimalPackInput();
    let node: Record<string, unknown> = {};
    deep.injects[2].when = node;
    for (let i = 0; i < 10_000; i += 1) node = (node.not = {}) as Record<string, unknown>;
    const special = minimalPackInput();
    special.clock.start = new Date(0);
    special.tags = [() => 1];
    const messages = [cyclic, deep, special].map((input) => {
      const result = validatePack(input);
      return result.ok ? [] : result.error.map(describeIssue);
    });
    expect(messages[0]).toEqual(['error system.self: refers to itself (a cycle), which a pack cannot contain']);
    expect(messages[1]).toHaveLength(1);
    expect(messages[1]?.[0]).toMatch(/^error injects\[2\]\.when(\.not)+: is nested too deeply \(more than 64 levels\)$/);
    expect(messages[2]).toEqual([
      'error tags[0]: is not plain data (found a function)',
      'error clock.start: is not plain data (found an object of a special kind)',
    ]);
  });
});

describe('warnings', () => {
  it('keeps a pack usable and returns its warnings', () => {
    const pack = minimalPackInput();
    pack.injects[0].opens = [];
    const result = validatePack(pack);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.warnings.map(describeIssue)).toEqual([
      'warning decisions[0].id: decision "classify-severity" is never asked: no inject "opens" it and no "open" effect opens it',
    ]);
  });

  it('returns warnings alongside errors when the pack is invalid', () => {
    expect(
      issuesAfter((pack) => {
        pack.injects[0].opens = [];
        pack.title = '';
      }),
    ).toEqual([
      'error title: must not be empty',
      'warning decisions[0].id: decision "classify-severity" is never asked: no inject "opens" it and no "open" effect opens it',
    ]);
  });
});

describe('the parsed pack is itself valid input', () => {
  it('round-trips: validating the output again gives the same pack', () => {
    const first = validatePack(minimalPackInput());
    if (!first.ok) throw new Error('minimal pack must be valid');
    const again = validatePack(JSON.parse(JSON.stringify(first.value.pack)));
    expect(again.ok && again.value.pack).toEqual(first.value.pack);
  });
});

describe('the keyed unions list every branch', () => {
  it('every condition and effect branch is an option of its union (no branch forgotten)', async () => {
    const { conditionBranches, conditionSchema } = await import('../../../src/engine/pack/condition');
    const { effectBranches, effectSchema } = await import('../../../src/engine/pack/effect');
    const conditionOptions = (conditionSchema as unknown as { unwrap: () => { options: readonly unknown[] } }).unwrap().options;
    expect(new Set(conditionOptions)).toEqual(new Set(Object.values(conditionBranches)));
    expect(new Set((effectSchema as unknown as { options: readonly unknown[] }).options)).toEqual(new Set(Object.values(effectBranches)));
  });
});
