/**
 * Scenario tests on the flagship pack `scenarios/biased-hiring`: the
 * reference response, a team that does nothing, a team that restarts before
 * the recovery criteria hold and a team that under-classifies. Expectations
 * are derived from the pack's own numbers (initial harm, harm rate, move
 * delays, deadlines), not copied from a run.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedSteps, playScript, replay, type Pack, type PlayResult, type Script, type ScriptEntry, simMinutes } from '../../src/engine';
import { loadPack } from '../../src/main/packs/load-pack';
import { testDecisionId, testInjectId, testMoveId, testObligationId, testVariableId, testOptionId } from '../ids';

const PACK_DIR = fileURLToPath(new URL('../../scenarios/biased-hiring', import.meta.url));
const SEED = 1;
let pack: Pack;

beforeAll(async () => {
  const loaded = await loadPack(PACK_DIR);
  if (!loaded.ok) throw new Error(`the flagship pack does not load: ${JSON.stringify(loaded.error.issues.slice(0, 3))}`);
  pack = loaded.value.pack;
});

const numberVar = (id: string) => {
  const variable = pack.variables.find((v) => v.id === id);
  if (variable?.type !== 'number') throw new Error(`${id} is not a number variable`);
  return variable;
};
const move = (id: string) => pack.moves.find((m) => m.id === id) ?? expect.fail(`no move ${id}`);
const inject = (id: string) => pack.injects.find((i) => i.id === id) ?? expect.fail(`no inject ${id}`);
const obligation = (id: string) => pack.obligations.find((o) => o.id === id) ?? expect.fail(`no obligation ${id}`);
/** Harm before T0 and wrongful rejections per minute while TalentLens runs. */
const harmAtStart = () => numberVar(pack.metrics.harm).initial;
const harmPerMinute = () => numberVar('harm_rate').initial / 60;
const harm = (run: PlayResult) => run.state.vars[pack.metrics.harm] as number;
const play = (script: Script) => playScript(pack, script, { seed: SEED });
/** The reference timeline up to (not including) scenario time `before`. */
const referenceUntil = (before: number): ScriptEntry[] => {
  const timeline = pack.reference.timeline;
  const cut = timeline.findIndex((e) => e.at !== undefined && e.at >= before);
  return cut === -1 ? [...timeline] : timeline.slice(0, cut);
};

/** The reference timeline with `extra` timed entries inserted in time order (after reference entries at the same minute). */
const withEntries = (timeline: readonly ScriptEntry[], extra: readonly ScriptEntry[]): ScriptEntry[] => {
  const out = [...timeline];
  for (const x of extra) {
    const i = out.findIndex((e) => e.at !== undefined && e.at > (x.at ?? 0));
    out.splice(i < 0 ? out.length : i, 0, x);
  }
  return out;
};

describe('biased-hiring: the reference response', () => {
  let run: PlayResult;
  beforeAll(() => {
    run = play(pack.reference.timeline);
  });

  it('plays every entry and ends at the scenario end, with a log that replays to the same state', () => {
    expect(run.state.phase).toBe('ended');
    expect(run.state.endedAt).toBe(pack.clock.end);
    expect(replay(pack, run.header, run.log)).toEqual({ ok: true, value: { state: run.state, facts: run.facts } });
  });

  it('stops the harm when the suspension takes effect: harm = initial + rate × minutes until then', () => {
    const suspendAt = run.state.moves.find((m) => m.moveId === 'suspend-model')?.at ?? -1;
    const suspendedAt = suspendAt + (move('suspend-model').delay ?? 0);
    // With a tested kill switch (readiness) the suspension is confirmed as soon as it is requested.
    expect(run.state.fired[testInjectId('suspension-confirmed')]).toBe(suspendedAt);
    expect(harm(run)).toBeCloseTo(harmAtStart() + harmPerMinute() * suspendedAt, 6);
    expect(run.state.harmSeries[run.state.harmSeries.length - 1]?.[1]).toBeCloseTo(harm(run), 9);
  });

  it('meets every triggered obligation on time; the GDPR breach clocks (Art. 33 and 34) never start', () => {
    // The breach obligations are exactly those triggered by a personal-data breach.
    const breachClocks = pack.obligations.filter((o) => JSON.stringify(o.trigger).includes('"data_breach"')).map((o) => o.id);
    expect(breachClocks.sort()).toEqual(['gdpr-breach-communication', 'gdpr-breach-notification']);
    for (const o of pack.obligations) {
      const record = run.state.obligations[o.id];
      if (breachClocks.includes(o.id)) expect(record, o.id).toBeUndefined();
      else {
        expect(record?.status, o.id).toBe('met');
        expect(record?.metAt ?? Infinity).toBeLessThanOrEqual(record?.dueAt ?? -1);
        expect(o.satisfiedBy).toContain(record?.metWith);
      }
    }
  });

  it('classifies as the reference does and restarts only with every recovery criterion met', () => {
    // The V5 step applies only in the branch where the press and the regulator arrive.
    expect(run.state.severity.map((s) => s.level)).toEqual([3, 4]);
    expect(expectedSteps(pack, run.state).map((s) => s.level)).toEqual([3, 4]);
    expect(run.state.r3ai.map((r) => r.category)).toEqual([pack.reference.r3ai]);
    expect(run.state.moves.find((m) => m.moveId === 'restart-model')).toBeDefined();
    expect(run.state.moves.filter((m) => m.gateViolation !== undefined)).toEqual([]);
    // Out of service when the suspension is confirmed, back (validated) after the audit and the sign-off.
    expect(run.state.service.map((s) => [s.inService, s.unmet])).toEqual([[true, []], [false, []], [true, []]]);
    expect(run.state.moves.filter((m) => m.outsideAuthority)).toEqual([]);
  });

  it('avoids the escalation branches: no press storm, regulator letter, repeat bias or lost evidence', () => {
    for (const id of ['news-article', 'regulator-letter', 'viral-thread', 'repeat-bias', 'logs-purged', 'feedback-ingested', 'evidence-gap']) {
      expect(run.state.fired[testInjectId(id)], id).toBeUndefined();
    }
    expect(run.state.fired[testInjectId('validation-results')]).toBeDefined();
    expect(run.state.fired[testInjectId('post-restart-check')]).toBeDefined();
    expect(run.state.vars[testVariableId('evidence_lost')]).toBe(false);
  });

  it('records the TRACE input given after the end', () => {
    expect(run.state.trace.rootCause).toBeDefined();
    expect(run.state.trace.corrections.length).toBeGreaterThan(0);
    expect(run.state.trace.actionItems.length).toBeGreaterThan(0);
  });
});

describe('biased-hiring: the reference restarts only after its own gate', () => {
  it('restarts after the audit’s restart conditions arrived and after Legal’s sign-off took effect', () => {
    const run = play(pack.reference.timeline);
    const restart = run.state.moves.find((m) => m.moveId === 'restart-model');
    const signoff = run.state.moves.find((m) => m.moveId === 'legal-signoff');
    const audit = run.state.fired[testInjectId('audit-findings')];
    expect(restart && signoff && audit !== undefined).toBe(true);
    expect(signoff!.at).toBeGreaterThanOrEqual(audit!);
    expect(restart!.at).toBeGreaterThanOrEqual(signoff!.at + (move('legal-signoff').delay ?? 0));
    expect(restart!.gateViolation).toBeUndefined();
  });

  it('refuses Legal’s sign-off before the auditor’s conditions are in, even with fairness validated', () => {
    // The reference until just before the audit reports, then an early sign-off.
    const audit = play(pack.reference.timeline).state.fired[testInjectId('audit-findings')]!;
    const run = playScript(pack, [...referenceUntil(audit - 60), { at: simMinutes(audit - 60), by: 'legal-lead', command: { type: 'move.make', move: testMoveId('legal-signoff') } }], { seed: SEED, skipRefused: true });
    expect(run.state.vars[testVariableId('fairness_validated')]).toBe(true);
    expect(run.state.moves.some((m) => m.moveId === 'legal-signoff')).toBe(false);
    expect(run.skipped.length).toBe(1);
  });
});

describe('biased-hiring: the breach branch (candidate data e-mailed)', () => {
  const emailAt = 2 * 60;
  let run: PlayResult;
  beforeAll(() => {
    run = play([...referenceUntil(emailAt), { at: simMinutes(emailAt), by: 'technical-lead', command: { type: 'move.make', move: testMoveId('email-candidate-data-to-vendor') } }]);
  });

  it('starts the GDPR Art. 33 and Art. 34 clocks when the misdirected e-mail is discovered, and asks whether to tell the applicants', () => {
    const found = emailAt + (move('email-candidate-data-to-vendor').delay ?? 0) + (inject('spreadsheet-misdirected').delay ?? 0);
    expect(run.state.fired[testInjectId('spreadsheet-misdirected')]).toBe(found);
    for (const id of ['gdpr-breach-notification', 'gdpr-breach-communication']) {
      expect(run.state.obligations[testObligationId(id)], id).toEqual({ status: 'overdue', triggeredAt: found, dueAt: found + obligation(id).deadline });
    }
    expect(run.state.decisions[testDecisionId('breach-communication')]).toMatchObject({ status: 'expired', openedAt: found });
  });

  it('meets the Art. 34 clock with the message to the applicants once the breach is known', () => {
    const found = run.state.fired[testInjectId('spreadsheet-misdirected')]!;
    const informed = play(withEntries(pack.reference.timeline, [
      { at: simMinutes(emailAt), by: 'technical-lead', command: { type: 'move.make', move: testMoveId('email-candidate-data-to-vendor') } },
      { at: simMinutes(found + 30), by: 'legal-lead', command: { type: 'decision.answer', decision: testDecisionId('breach-communication'), options: [testOptionId('tell-them')] } },
      { at: simMinutes(found + 30), by: 'legal-lead', command: { type: 'move.make', move: testMoveId('notify-dpa-breach') } },
      { at: simMinutes(found + 40), by: 'legal-lead', command: { type: 'move.make', move: testMoveId('inform-breach-subjects') } },
    ]));
    expect(informed.state.obligations[testObligationId('gdpr-breach-communication')]).toMatchObject({ status: 'met', metWith: 'inform-breach-subjects', metAt: found + 40 + (move('inform-breach-subjects').delay ?? 0) });
    expect(informed.state.obligations[testObligationId('gdpr-breach-notification')]?.status).toBe('met');
  });
});

describe('biased-hiring: a team that does nothing', () => {
  let run: PlayResult;
  beforeAll(() => {
    run = play([]);
  });

  it('lets TalentLens run to the end: harm = initial + rate × scenario length', () => {
    expect(run.state.moves).toEqual([]);
    expect(harm(run)).toBeCloseTo(harmAtStart() + harmPerMinute() * pack.clock.end, 6);
  });

  it('only learns of the incident from the candidate’s complaint (no fairness monitoring)', () => {
    expect(run.state.fired[testInjectId('fairness-alert')]).toBeUndefined();
    const complaint = inject('candidate-complaint');
    const at = run.state.fired[testInjectId('candidate-complaint')] ?? -1;
    expect(at).toBeGreaterThanOrEqual(complaint.at ?? 0);
    expect(at).toBeLessThanOrEqual((complaint.at ?? 0) + (complaint.jitter ?? 0));
    for (const id of ['inform-provider', 'inform-msa-risk', 'provider-art73-report']) {
      expect(run.state.obligations[testObligationId(id)]).toEqual({ status: 'overdue', triggeredAt: at, dueAt: at + obligation(id).deadline });
    }
  });

  it('escalates to the press and the regulator, which starts the board clock too late to meet', () => {
    for (const id of ['candidate-post', 'viral-thread', 'journalist-email', 'news-article', 'regulator-letter', 'logs-purged']) {
      expect(run.state.fired[testInjectId(id)], id).toBeDefined();
    }
    expect(run.state.vars[testVariableId('regulator_attention')]).toBe(numberVar('regulator_attention').max);
    // The board clock starts when regulator attention reaches 2: the letter sets it to 3.
    const letter = run.state.fired[testInjectId('regulator-letter')] ?? -1;
    expect(run.state.obligations[testObligationId('board-notification')]).toEqual({ status: 'overdue', triggeredAt: letter, dueAt: letter + obligation('board-notification').deadline });
    expect(run.state.obligations[testObligationId('inform-affected-candidates')]?.status).toBe('overdue');
  });

  it('lets every prompt expire and breaks no recovery gate', () => {
    const decisions = Object.values(run.state.decisions);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d) => d.status === 'expired')).toBe(true);
    expect(run.state.moves.some((m) => m.gateViolation)).toBe(false);
  });

  it('causes more harm than the reference response', () => {
    expect(harm(run)).toBeGreaterThan(harm(play(pack.reference.timeline)));
  });
});

describe('biased-hiring: restarting before the recovery criteria hold', () => {
  // The reference response until the hiring managers' push (1d 9h), then the old model back on.
  const restartAt = 24 * 60 + 9 * 60;
  let run: PlayResult;
  beforeAll(() => {
    run = play([...referenceUntil(restartAt), { at: simMinutes(restartAt), by: 'business-owner', command: { type: 'move.make', move: testMoveId('restart-immediately') } }]);
  });

  it('accepts the restart but records which criteria were unmet', () => {
    const restart = run.state.moves.find((m) => m.moveId === 'restart-immediately');
    // By then the reference team has preserved evidence and informed the provider, but
    // nothing has been retrained or validated, the audit has not reported, Legal has not signed off.
    const unmet = ['fairness-validated', 'corrected-model', 'audit-conditions', 'legal-signoff'];
    expect(restart?.gateViolation).toEqual(unmet);
    expect(run.facts).toContainEqual({ type: 'gate.violated', at: restartAt, moveId: 'restart-immediately', unmet, seq: expect.any(Number) });
  });

  it('records the return to service with the act that caused it and the unmet criteria', () => {
    const back = run.state.service.find((s) => s.inService && s.at > 0);
    expect(back).toMatchObject({ at: restartAt + 15, inService: true, cause: { kind: 'move', moveId: 'restart-immediately', by: 'business-owner' } });
    expect(back?.unmet).toEqual(['fairness-validated', 'corrected-model', 'audit-conditions', 'legal-signoff']);
  });

  it('brings the bias back a day later', () => {
    expect(run.state.fired[testInjectId('repeat-bias')]).toBe(restartAt + (inject('repeat-bias').delay ?? 0));
  });

  it('resumes the harm once the restart takes effect: both running periods count', () => {
    const suspendedAt = (run.state.moves.find((m) => m.moveId === 'suspend-model')?.at ?? 0) + (move('suspend-model').delay ?? 0);
    const runningAgainFrom = restartAt + (move('restart-immediately').delay ?? 0);
    const expected = harmAtStart() + harmPerMinute() * (suspendedAt + (pack.clock.end - runningAgainFrom));
    expect(harm(run)).toBeCloseTo(expected, 6);
    expect(harm(run)).toBeGreaterThan(harm(play(pack.reference.timeline)));
  });
});

describe('biased-hiring: a team that under-classifies', () => {
  // The reference response, but V2 at detection and never revised upwards.
  const underClassified = (): ScriptEntry[] =>
    pack.reference.timeline.map((entry) => {
      const c = entry.command;
      if (c.type === 'decision.answer' && c.decision === 'initial-severity') return { ...entry, command: { ...c, options: [testOptionId('v2')] } };
      if (c.type === 'severity.classify') return { ...entry, command: { ...c, level: 2 } };
      return entry;
    });
  let run: PlayResult;
  let reference: PlayResult;
  beforeAll(() => {
    run = play(underClassified());
    reference = play(pack.reference.timeline);
  });

  it('records V2 as the team’s severity throughout, below the reference peak', () => {
    expect(run.state.severity.map((s) => s.level)).toEqual([2, 2]);
    expect(Math.max(...pack.reference.severity.map((s) => s.level))).toBeGreaterThan(2);
  });

  it('never starts the board-notification clock that V4 would have started', () => {
    expect(reference.state.obligations[testObligationId('board-notification')]?.status).toBe('met');
    expect(run.state.obligations[testObligationId('board-notification')]).toBeUndefined();
    // Regulator attention stays below the obligation's other trigger (2): only the authority's notification counted.
    expect(run.state.vars[testVariableId('regulator_attention')]).toBe(1);
  });

  it('changes nothing else: same containment, same harm as the reference', () => {
    expect(harm(run)).toBe(harm(reference));
    expect(run.state.moves.map((m) => m.moveId)).toEqual(reference.state.moves.map((m) => m.moveId));
    expect(run.state.fired).toEqual(reference.state.fired);
  });
});
