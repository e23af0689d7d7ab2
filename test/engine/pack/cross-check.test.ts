import { describe, expect, it } from 'vitest';
import { crossCheckPack } from '../../../src/engine/pack/cross-check';
import { readPackParts } from '../../../src/engine/pack/pack-parts';
import { validatePack } from '../../../src/engine/pack/validate';
import { describeIssue, minimalPackInput } from './minimal-pack';

type Pack = ReturnType<typeof minimalPackInput>;
type Row = readonly [name: string, mutate: (pack: Pack) => void, expected: readonly string[]];

/** All issues of the minimal pack after `mutate`, through the full validator. */
function issuesAfter(mutate: (pack: Pack) => void): string[] {
  const pack = minimalPackInput();
  mutate(pack);
  const result = validatePack(pack);
  return result.ok ? result.value.warnings.map(describeIssue) : result.error.map(describeIssue);
}

const MOVES = 'preserve-evidence, suspend-model, notify-provider, restart-model';
const INJECTS = 'fairness-alert, complaint, press-query';

const addEnumVariable = (pack: Pack) =>
  pack.variables.push({ id: 'model-status', label: 'Model status', type: 'enum', values: ['live', 'suspended'], initial: 'live' });

const rows: readonly Row[] = [
  // Duplicate ids
  ['duplicate inject ids', (p) => (p.injects[0].id = 'complaint'), [
    'error injects[1].id: duplicate id "complaint": already used at injects[0]',
    `error obligations[0].trigger.inject: unknown inject "fairness-alert" (known: complaint, press-query)`,
    `error reference.required[1].from.inject: unknown inject "fairness-alert" (known: complaint, press-query)`,
  ]],
  ['duplicate variable ids', (p) => (p.variables[1].id = 'wrongly-rejected'), [
    'error variables[1].id: duplicate id "wrongly-rejected": already used at variables[0]',
    'error variables[0].accrue.while.var: unknown variable "model-live" (known: wrongly-rejected)',
    'error moves[1].effects[0].set: unknown variable "model-live" (known: wrongly-rejected)',
    'error moves[3].effects[0].set: unknown variable "model-live" (known: wrongly-rejected)',
    'error injects[2].when.all[1].var: unknown variable "model-live" (known: wrongly-rejected)',
  ]],
  ['duplicate option ids', (p) => (p.decisions[0].options = [{ id: 'v3', label: 'V3' }, { id: 'v3', label: 'V3 again' }]), [
    'error decisions[0].options[1].id: duplicate option id "v3": already used at decisions[0].options[0]',
  ]],
  ['duplicate candidate ids', (p) => (p.reference.trace.rootCause.candidates[1].id = 'skewed-update'), [
    'error reference.trace.rootCause.candidates[1].id: duplicate id "skewed-update": already used at reference.trace.rootCause.candidates[0]',
  ]],
  ['duplicate criterion ids', (p) => p.recovery.criteria.push({ ...p.recovery.criteria[0] }), [
    'error recovery.criteria[1].id: duplicate id "provider-informed": already used at recovery.criteria[0]',
  ]],
  ['duplicate role briefs', (p) => (p.roles[1].role = 'incident-lead'), [
    'error roles[1].role: duplicate brief for role "incident-lead": already used at roles[0]',
    'warning moves[0].owner: role "technical-lead" owns this move but has no brief in roles, so no participant plays it',
    'warning moves[1].owner: role "technical-lead" owns this move but has no brief in roles, so no participant plays it',
    'warning moves[3].owner[0]: role "technical-lead" owns this move but has no brief in roles, so no participant plays it',
  ]],
  // Unknown ids
  ['unknown move in a condition', (p) => (p.moves[3].requires = { move: 'suspend' }), [
    `error moves[3].requires.move: unknown move "suspend"; did you mean "suspend-model"? (known: ${MOVES})`,
  ]],
  ['unknown inject in sinceInject', (p) => (p.injects[2].when = { sinceInject: 'complain', atLeast: '1h' }), [
    `error injects[2].when.sinceInject: unknown inject "complain"; did you mean "complaint"? (known: ${INJECTS})`,
  ]],
  ['unknown decision option in a condition', (p) => (p.injects[2].when = { decision: 'classify-severity', chose: 'v6' }), [
    'error injects[2].when.chose: decision "classify-severity" has no option "v6"; did you mean "v1"? (options: v1, v2, v3, v4, v5)',
  ]],
  ['unknown role in a condition', (p) => (p.injects[2].when = { role: 'ceo', assigned: true }), [
    'error injects[2].when.role: unknown role "ceo" (known: executive-sponsor, incident-lead, technical-lead, legal-lead, comms-lead, business-owner)',
  ]],
  ['unknown readiness item of the pack’s own list', (p) => {
    p.readiness = [{ id: 'kill-switch', label: 'Kill switch tested' }];
    p.injects[2].when = { readiness: 'killswitch' };
  }, ['error injects[2].when.readiness: unknown readiness item "killswitch"; did you mean "kill-switch"? (known: kill-switch)']],
  ['unknown variable in set / add / fire / open effects', (p) => (p.moves[0].effects = [
    { set: 'model-liv', to: false }, { add: 'harm', by: 1 }, { fire: 'press' }, { open: 'severity' },
  ]), [
    'error moves[0].effects[0].set: unknown variable "model-liv"; did you mean "model-live"? (known: wrongly-rejected, model-live)',
    'error moves[0].effects[1].add: unknown variable "harm" (known: wrongly-rejected, model-live)',
    `error moves[0].effects[2].fire: unknown inject "press"; did you mean "press-query"? (known: ${INJECTS})`,
    'error moves[0].effects[3].open: unknown decision "severity" (known: classify-severity)',
  ]],
  ['unknown ids in recovery and obligations', (p) => {
    p.recovery.restartMoves = ['restart'];
    p.obligations[0].satisfiedBy = ['notify-provider', 'notify-msa'];
  }, [
    `error obligations[0].satisfiedBy[1]: unknown move "notify-msa" (known: ${MOVES})`,
    `error recovery.restartMoves[0]: unknown move "restart"; did you mean "restart-model"? (known: ${MOVES})`,
  ]],
  ['unknown ids in the reference', (p) => {
    p.reference.required[1].from = { inject: 'fairness' };
    p.reference.forbidden = [{ move: 'retrain', reason: 'Alters the evidence.' }];
  }, [
    `error reference.required[1].from.inject: unknown inject "fairness"; did you mean "fairness-alert"? (known: ${INJECTS})`,
    `error reference.forbidden[0].move: unknown move "retrain" (known: ${MOVES})`,
  ]],
  ['unknown ids in timeline commands', (p) => p.reference.timeline.push(
    { at: '8h', by: 'facilitator', command: { type: 'inject.release', inject: 'press' } },
    { at: '8h', by: 'incident-lead', command: { type: 'trace.rootCause', candidate: 'skewed' } },
    { at: '8h', by: 'incident-lead', command: { type: 'trace.select', section: 'evolution', ids: ['fairness-gates'] } },
    { at: '8h', by: 'facilitator', command: { type: 'inject.adhoc', id: 'complaint', title: 'Again', body: 'x', channel: 'email' } },
    { at: '8h', by: 'incident-lead', command: { type: 'decision.answer', decision: 'classify', options: ['v3'] } },
  ), [
    `error reference.timeline[11].command.inject: unknown inject "press"; did you mean "press-query"? (known: ${INJECTS})`,
    'error reference.timeline[12].command.candidate: unknown root-cause candidate "skewed"; did you mean "skewed-update"? (known: skewed-update, server-outage)',
    'error reference.timeline[13].command.ids[0]: unknown evolution "fairness-gates"; did you mean "fairness-gate"? (known: fairness-gate)',
    'error reference.timeline[14].command.id: an ad-hoc inject needs a new id, but "complaint" is already used',
    'error reference.timeline[15].command.decision: unknown decision "classify"; did you mean "classify-severity"? (known: classify-severity)',
  ]],
  ['unknown ids in format-2 references (costs, limbs, in service, alternatives, awareness, evidence, harm counters)', (p) => {
    p.moves[0].cost = { points: 5, reason: 'Too early.', when: { move: 'suspend' } };
    p.decisions[0].options = [{ id: 'v3', label: 'V3', cost: { points: 2, reason: 'x', when: { inject: 'press' } } }];
    p.obligations[0].earlierDeadlines = [{ after: { inject: 'complain' }, within: '1h' }];
    p.recovery.inService = { var: 'model-liv', eq: true };
    p.metrics.harms = [{ var: 'harm', label: 'Harm' }, { var: 'model-live', label: 'Live' }];
    delete p.reference.required[0].move;
    p.reference.required[0].anyOf = ['suspend-model', 'suspend'];
    p.reference.awareness = ['fairness'];
    p.reference.severity.push({ evidence: ['complaint', 'press'], level: 4, rationale: 'x' });
  }, [
    'error metrics.harms[0].var: unknown variable "harm" (known: wrongly-rejected, model-live)',
    'error metrics.harms[1].var: variable "model-live" is true/false; a harm counter must be a number variable',
    `error moves[0].cost.when.move: unknown move "suspend"; did you mean "suspend-model"? (known: ${MOVES})`,
    'error obligations[0].earlierDeadlines[0].after.inject: unknown inject "complain"; did you mean "complaint"? (known: fairness-alert, complaint, press-query)',
    'error recovery.inService.var: unknown variable "model-liv"; did you mean "model-live"? (known: wrongly-rejected, model-live)',
    `error decisions[0].options[0].cost.when.inject: unknown inject "press"; did you mean "press-query"? (known: ${INJECTS})`,
    `error reference.severity[1].evidence[1]: unknown inject "press"; did you mean "press-query"? (known: ${INJECTS})`,
    `error reference.awareness[0]: unknown inject "fairness"; did you mean "fairness-alert"? (known: ${INJECTS})`,
    `error reference.required[0].anyOf[1]: unknown move "suspend"; did you mean "suspend-model"? (known: ${MOVES})`,
  ]],
  ['metrics that are not number variables', (p) => (p.metrics.dashboard = ['wrongly-rejected', 'model-live', 'rejections']), [
    'error metrics.dashboard[1]: variable "model-live" is true/false; a dashboard metric must be a number variable',
    'error metrics.dashboard[2]: unknown variable "rejections" (known: wrongly-rejected, model-live)',
  ]],
  ['an accrual rate that is not a number variable', (p) => (p.variables[0].accrue.rate = 'model-live'), [
    'error variables[0].accrue.rate: variable "model-live" is not a number, so it cannot be a rate',
  ]],
  // Types
  ['set with the wrong type', (p) => (p.moves[1].effects[0].to = 'off'), [
    'error moves[1].effects[0].to: variable "model-live" is true/false, so this must be true or false (found text "off")',
  ]],
  ['set of an enum to a value it does not have', (p) => {
    addEnumVariable(p);
    p.moves[1].effects.push({ set: 'model-status', to: 'suspnded' });
  }, ['error moves[1].effects[1].to: text "suspnded" is not a value of variable "model-status" (values: live, suspended); did you mean "suspended"?']],
  ['an enum whose initial value is not one of its values', (p) => {
    addEnumVariable(p);
    p.variables[2].initial = 'retired';
  }, ['error variables[2].initial: "retired" is not one of this variable\'s values (live, suspended)']],
  ['add on an enum', (p) => {
    addEnumVariable(p);
    p.moves[0].effects = [{ add: 'model-status', by: 1 }];
  }, ['error moves[0].effects[0].add: cannot add to variable "model-status": it is an enum, not a number; use set']],
  ['order comparisons on a non-number', (p) => (p.injects[2].when = { var: 'model-live', gt: 0 }), [
    'error injects[2].when.gt: "gt" compares numbers, but variable "model-live" is true/false: use eq or ne',
  ]],
  ['eq with the wrong type', (p) => (p.injects[2].when = { var: 'wrongly-rejected', eq: 'many' }), [
    'error injects[2].when.eq: variable "wrongly-rejected" is a number, so this must be a number (found text "many")',
  ]],
  ['initial outside min/max', (p) => {
    p.variables[0].initial = -1;
    p.variables[0].max = -5;
  }, [
    'error variables[0].min: min (0) is greater than max (-5)',
    'error variables[0].initial: is below min (0)',
    'error variables[0].initial: is above max (-5)',
  ]],
  // Inject timing
  ['an inject neither timed nor triggered', (p) => delete p.injects[0].at, [
    'error injects[0]: needs "at" (a timed inject) or "when" (a triggered inject)',
  ]],
  ['delay on a timed inject', (p) => (p.injects[0].delay = '5m'), ['error injects[0].delay: only a triggered inject (with "when") can have a delay']],
  ['a jitter that can push past the end', (p) => (p.injects[1].at = '7h 50m'), [
    'warning injects[1].jitter: can push this inject to 8h 5m, after the scenario ends (8h); it would then never fire',
  ]],
  ['a trigger waiting for itself', (p) => (p.injects[2].when = { all: [{ inject: 'press-query' }, { move: 'suspend-model' }] }), [
    'warning injects[2].when: can never hold (it waits for this very inject to have fired), so this inject can never fire',
  ]],
  ['a trigger after the end', (p) => (p.injects[2].when = { any: [{ elapsed: { gt: '8h' } }, { elapsed: { gte: '2d' } }] }), [
    'warning injects[2].when: can never hold (it needs at least 8h 1m of scenario time, but the scenario ends at 8h), so this inject can never fire',
  ]],
  ['a delay longer than the scenario', (p) => (p.injects[2].delay = '9h'), [
    'warning injects[2].delay: is longer than the whole scenario (8h), so this inject can never fire',
  ]],
  // Decisions
  ['a single-choice decision with one option', (p) => p.decisions.push({ id: 'pause', kind: 'single', prompt: 'Pause?', options: [{ id: 'yes', label: 'Yes' }] }), [
    'error decisions[1].options: a "single" decision needs at least 2 options to choose from',
    'warning decisions[1].id: decision "pause" is never asked: no inject "opens" it and no "open" effect opens it',
  ]],
  ['a multiple-choice decision without options, opened by an effect', (p) => {
    p.decisions.push({ id: 'who', kind: 'multiple', prompt: 'Who to tell?' });
    p.injects[1].effects = [{ open: 'who' }];
  }, ['error decisions[1]: a "multiple" decision needs at least 2 options to choose from']],
  ['severity options that are not v1..v5', (p) => (p.decisions[0].options = [{ id: 'high', label: 'High' }]), [
    'error decisions[0].options[0].id: the options of a severity decision must use the ids v1, v2, v3, v4, v5 (found "high")',
  ]],
  ['r3ai options that are not the three categories', (p) => p.decisions.push({
    id: 'category', kind: 'r3ai', prompt: 'Which?', options: [{ id: 'reliability', label: 'R' }, { id: 'fairness', label: 'F' }], best: ['responsibility'],
  }), [
    'error decisions[1].options[1].id: the options of a r3ai decision must use the ids reliability, resilience, responsibility (found "fairness")',
    'warning decisions[1].id: decision "category" is never asked: no inject "opens" it and no "open" effect opens it',
  ]],
  // Reference
  ['a required deadline longer than the scenario', (p) => (p.reference.required[0].within = '1d'), [
    'warning reference.required[0].within: is 1d, longer than the scenario (8h): the deadline can never pass within a run',
  ]],
  ['reference severity out of order', (p) => p.reference.severity.push({ at: '2h', level: 4, rationale: 'x' }, { at: '1h', level: 3, rationale: 'y' }), [
    'error reference.severity[2].at: must not be earlier than the entry before it (2h): list the severity entries in time order',
  ]],
  ['a timeline entry after the end', (p) => (p.reference.timeline[10].at = '9h'), [
    'error reference.timeline[10].at: is 9h, after the scenario ends (clock.end is 8h)',
  ]],
  ['a clock advance after the end', (p) => p.reference.timeline.push({ by: 'facilitator', command: { type: 'clock.advance', to: 600 } }), [
    'error reference.timeline[11].command.to: is after the scenario ends (clock.end is 8h)',
  ]],
  ['a move both required and forbidden', (p) => (p.reference.forbidden = [{ move: 'suspend-model', reason: 'x' }]), [
    'warning reference.forbidden[0].move: move "suspend-model" is both required and forbidden',
  ]],
  ['no correct root cause', (p) => (p.reference.trace.rootCause.candidates[0].correct = false), [
    'warning reference.trace.rootCause.candidates: no root-cause candidate is marked correct: true',
  ]],
  // Roles and weights
  ['a move owned by a role without a brief', (p) => (p.moves[2].owner = 'legal-lead'), [
    'warning moves[2].owner: role "legal-lead" owns this move but has no brief in roles, so no participant plays it',
  ]],
  ['an obligation owned by a role without a brief', (p) => (p.obligations[0].owner = 'comms-lead'), [
    'warning obligations[0].owner: role "comms-lead" owns this obligation but has no brief in roles, so no participant plays it',
  ]],
  ['a decision asked of a role without a brief', (p) => (p.decisions[0].askedTo = ['incident-lead', 'comms-lead']), [
    'warning decisions[0].askedTo[1]: role "comms-lead" is asked this decision but has no brief in roles, so no participant plays it',
  ]],
  ['weights that are all zero', (p) => (p.weights = { detect: 0, learn: 0 }), [
    'error weights: at least one stage weight must be greater than 0 (or leave weights out to use the defaults)',
  ]],
];

describe('cross-checks', () => {
  it.each(rows)('%s', (_name, mutate, expected) => {
    expect(issuesAfter(mutate)).toEqual(expected);
  });

  it('accepts the minimal pack without any finding', () => {
    expect(crossCheckPack(readPackParts(minimalPackInput()))).toEqual([]);
  });

  it('accepts any V-SEV level as the answer to a severity decision that explains only some levels, as the engine and the form do', () => {
    expect(issuesAfter((p) => {
      p.decisions[0].options = [{ id: 'v4', label: 'V4 Critical', rationale: 'Confirmed harm to many.' }];
      p.decisions[0].best = ['v3'];
    })).toEqual([]);
  });

  it('accepts a deadline of 0 and an inject exactly at the end', () => {
    expect(issuesAfter((p) => {
      p.obligations[0].deadline = 0;
      p.injects[1].at = '8h';
      delete p.injects[1].jitter;
    })).toEqual([]);
  });

  it('does not repeat "unknown move" for every reference when the moves list itself is missing', () => {
    expect(issuesAfter((p) => delete p.moves)).toEqual(['error moves: is required but missing']);
  });

  it('runs on data the schema rejects, so both kinds of problem show at once', () => {
    expect(issuesAfter((p) => {
      p.clock.compression = 'fast';
      p.reference.required[0].move = 'suspend';
    })).toEqual([
      'error clock.compression: must be a number (found text "fast")',
      `error reference.required[0].move: unknown move "suspend"; did you mean "suspend-model"? (known: ${MOVES})`,
    ]);
  });

  it('never throws on malformed data', () => {
    const junk: unknown[] = [null, 1, 'x', [], { injects: 5, moves: [null, 3, { id: 7 }], reference: { timeline: [{ command: 'x' }] } }];
    for (const value of junk) expect(() => crossCheckPack(readPackParts(value))).not.toThrow();
  });
});

describe('cross-checks on a pack the schema partly rejects (each entry is checked typed, on its own)', () => {
  it('reports a schema problem in one inject and a dangling reference in another in the same validation', () => {
    expect(issuesAfter((p) => {
      p.injects[0].channel = 'pigeon';
      p.injects[2].when = { inject: 'complain' };
    })).toEqual([
      expect.stringMatching(/^error injects\[0\]\.channel: must be one of /),
      `error injects[2].when.inject: unknown inject "complain"; did you mean "complaint"? (known: ${INJECTS})`,
    ]);
  });

  it('keeps checking the clock when another clock field is wrong (sections are read key by key)', () => {
    expect(issuesAfter((p) => {
      p.clock.compression = 'fast';
      p.injects[1].at = '9h';
      delete p.injects[1].jitter;
    })).toEqual([
      'error clock.compression: must be a number (found text "fast")',
      'error injects[1].at: is 9h, after the scenario ends (clock.end is 8h): this inject can never fire',
    ]);
  });

  it('does not cross-check inside an entry its schema rejects (no second message about the same entry)', () => {
    expect(issuesAfter((p) => {
      p.moves[1].stage = 'contian';
      p.moves[1].effects[0].to = 'off';
      p.moves[1].requires = { move: 'suspend' };
    })).toEqual([
      expect.stringMatching(/^error moves\[1\]\.stage: must be one of .*did you mean "contain"/),
    ]);
  });

  it('still knows the id of an entry that fails elsewhere, so references to it stay quiet', () => {
    expect(issuesAfter((p) => (p.injects[0].channel = 'pigeon'))).toEqual([expect.stringMatching(/^error injects\[0\]\.channel: /)]);
    expect(issuesAfter((p) => (p.moves[0].stage = 'contian'))).toEqual([expect.stringMatching(/^error moves\[0\]\.stage: /)]);
  });

  it('judges no reference to a kind when one of its ids does not read (any id might be meant there)', () => {
    expect(issuesAfter((p) => {
      p.moves[0].id = 'Preserve Evidence';
      p.injects[2].when = { inject: 'complain' };
    })).toEqual([
      expect.stringMatching(/^error moves\[0\]\.id: must be an id/),
      `error injects[2].when.inject: unknown inject "complain"; did you mean "complaint"? (known: ${INJECTS})`,
    ]);
  });

  it('does not call a decision "never asked" when an entry that might open it does not parse', () => {
    expect(issuesAfter((p) => (p.injects[0].title = ''))).toEqual(['error injects[0].title: must not be empty']);
  });

  it('does not judge option ids against a decision that does not parse', () => {
    expect(issuesAfter((p) => {
      p.decisions[0].prompt = 5;
      p.injects[2].when = { decision: 'classify-severity', chose: 'v6' };
    })).toEqual(['error decisions[0].prompt: must be text (found the number 5)']);
  });

  it('keeps the author\'s index of every entry after entries that do not parse', () => {
    const parts = readPackParts((() => {
      const p = minimalPackInput();
      p.injects[0] = 'not an inject';
      return p;
    })());
    expect(parts.injects.entries.map((entry) => [entry.index, entry.value.id])).toEqual([[1, 'complaint'], [2, 'press-query']]);
    expect(parts.injects.complete).toBe(false);
  });
});
