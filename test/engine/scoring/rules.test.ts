/**
 * Scoring rules at their edges: what does not apply, what the reasons say,
 * obligations the team never triggered, stage weight redistribution.
 * Expected numbers are derived in comments from the minimal pack (see
 * minimal-table.test.ts for its numbers) and README.md.
 */
import { describe, expect, it } from 'vitest';
import { score, stageWeights } from '../../../src/engine/scoring';
import { at, line, minimalInput, minimalPack, move, packFrom, play, timeline } from './helpers';
import { testDecisionId } from '../../ids';

const IL = 'incident-lead' as const;
const TL = 'technical-lead' as const;
const roles = [
  at(undefined, 'facilitator', { type: 'role.assign', role: IL, participant: 'Ada' }),
  at(undefined, 'facilitator', { type: 'role.assign', role: TL, participant: 'Ben' }),
];

type Input = Record<string, unknown> & {
  moves: Record<string, unknown>[];
  injects: Record<string, unknown>[];
  decisions: Record<string, unknown>[];
  obligations: Record<string, unknown>[];
  recovery: { criteria: unknown[]; restartMoves: string[] };
  reference: Record<string, unknown> & { required: Record<string, unknown>[]; timeline: unknown[] };
  weights?: Record<string, number>;
};
const input = () => minimalInput() as Input;

describe('reasons', () => {
  it('name the reference, the times and the deduction', () => {
    const pack = minimalPack();
    const { header, log } = play(pack, timeline(roles, at(95, IL, { type: 'severity.classify', level: 2 })));
    const first = line(score(pack, header, log), 'detect.severity.first');
    // 08:30 + 95 min = 10:05 on day 1; the reference is V3 from the start: one level under → −4.
    expect(first.reason).toBe(
      'First classification V2 at Day 1 10:05 by the Incident Lead; on the evidence then the reference expects V3 Significant — under-classified by 1 level (−4 of 10).',
    );
    expect(first.reference).toBe('Reference: V3 Significant');
    expect(first.at).toBe(95);
  });

  it('every line of a run has a reason and a reference', () => {
    const pack = minimalPack();
    const { header, log } = play(pack, pack.reference.timeline);
    for (const l of score(pack, header, log).lines) {
      expect(l.reason.length).toBeGreaterThan(10);
      expect(l.reference.length).toBeGreaterThan(3);
    }
  });
});

describe('what does not apply', () => {
  it('a required move counted from an inject that never fired', () => {
    // press-query fires 1h after the complaint only while the model is live; suspending at 40 prevents it.
    const src = input();
    src.obligations = [];
    src.recovery.criteria = [{ id: 'suspended', label: 'Suspended first', condition: { move: 'suspend-model' } }];
    src.reference.required.push({ move: 'notify-provider', within: '1h', from: { inject: 'press-query' }, reason: 'Answer the press.' });
    const pack = packFrom(src);
    const { header, log } = play(pack, timeline(roles, move(40, TL, 'suspend-model')));
    const l = line(score(pack, header, log), 'govern.required.notify-provider');
    expect(l).toMatchObject({ kind: 'not-applicable', points: 0, max: 0 });
    expect(l.reason).toContain('which never happened in this run');
  });

  it('the same requirement applies once the inject fired (here never met: 0 of 10)', () => {
    const src = input();
    src.obligations = [];
    src.recovery.criteria = [{ id: 'suspended', label: 'Suspended first', condition: { move: 'suspend-model' } }];
    src.reference.required.push({ move: 'notify-provider', within: '1h', from: { inject: 'press-query' }, reason: 'Answer the press.' });
    const pack = packFrom(src);
    const { header, log } = play(pack, timeline(roles));
    expect(line(score(pack, header, log), 'govern.required.notify-provider')).toMatchObject({ kind: 'score', points: 0, max: 10 });
  });

  it('a required move that meets an obligation is judged once, by the obligation’s clock', () => {
    const src = input();
    src.reference.required.push({ move: 'notify-provider', within: '30m', reason: 'Tell the provider at once.' });
    const pack = packFrom(src);
    // Notified at 5h: 30 minutes after the obligation's due time (4h30), so the line explains why it matters.
    const { header, log } = play(pack, timeline(roles, move(300, IL, 'notify-provider')));
    const report = score(pack, header, log);
    expect(report.lines.filter((l) => l.act === report.lines.find((x) => x.id === 'govern.obligation.inform-provider')?.act && l.timing !== undefined)).toHaveLength(1);
    expect(report.lines.map((l) => l.id)).not.toContain('govern.required.notify-provider');
    expect(line(report, 'govern.obligation.inform-provider').lesson ?? '').toContain('Tell the provider at once.');
  });

  it('a decision never asked', () => {
    const src = input();
    src.decisions.push({ id: 'pick', kind: 'single', prompt: 'Pick one', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], best: ['a'] });
    const pack = packFrom(src);
    const { header, log } = play(pack, []);
    expect(line(score(pack, header, log), 'govern.decision.pick')).toMatchObject({ kind: 'not-applicable', max: 0 });
  });

  it('an obligation whose deadline falls after the run is not scored unless met', () => {
    const src = input();
    src.obligations[0]!.deadline = '10h';
    const pack = packFrom(src);
    const none = play(pack, timeline(roles));
    expect(line(score(pack, none.header, none.log), 'govern.obligation.inform-provider')).toMatchObject({ kind: 'not-applicable', max: 0 });
    const met = play(pack, timeline(roles, move(60, IL, 'notify-provider')));
    expect(line(score(pack, met.header, met.log), 'govern.obligation.inform-provider')).toMatchObject({ points: 10, max: 10 });
  });
});

describe('obligations the team never triggered', () => {
  // The clock starts only once the team classifies V3+: the reference does so at 30.
  const src = input();
  src.obligations[0]!.trigger = { severity: { gte: 3 } };
  const pack = packFrom(src);

  it('count as missed (0 and the missed cost) when the reference triggered them, naming when', () => {
    const { header, log } = play(pack, []);
    const report = score(pack, header, log);
    const l = line(report, 'govern.obligation.inform-provider');
    expect(l).toMatchObject({ kind: 'score', points: 0, max: 10, at: 270 });
    expect(l.reason).toContain('never started in this run (its trigger was never reached), but it applied: in the reference response it started at Day 1 09:00 and was due by Day 1 13:00');
    expect(line(report, 'govern.obligation.inform-provider.missed')).toMatchObject({ kind: 'penalty', points: -15 });
  });

  it('are met in substance by the satisfying act, judged against the reference clock', () => {
    const { header, log } = play(pack, timeline(roles, move(60, IL, 'notify-provider')));
    expect(line(score(pack, header, log), 'govern.obligation.inform-provider')).toMatchObject({ points: 10, max: 10, timing: 'on-time' });
  });

  it('do not apply when neither run triggered them', () => {
    const noRef = input();
    noRef.obligations[0]!.trigger = { severity: { gte: 5 } };
    noRef.recovery.criteria = [{ id: 'suspended', label: 'Suspended first', condition: { move: 'suspend-model' } }];
    const p = packFrom(noRef);
    const { header, log } = play(p, []);
    expect(line(score(p, header, log), 'govern.obligation.inform-provider')).toMatchObject({ kind: 'not-applicable', max: 0 });
  });
});

describe('decisions', () => {
  it('a multiple-choice answer earns its overlap with the best set, in the stage of the inject that opened it', () => {
    const src = input();
    src.decisions.push({
      id: 'tell',
      kind: 'multiple',
      prompt: 'Whom do you tell?',
      options: [{ id: 'provider', label: 'Provider' }, { id: 'msa', label: 'Authority' }, { id: 'press', label: 'Press' }],
      best: ['provider', 'msa'],
    });
    src.injects.push({ id: 'memo', stage: 'govern', at: '1h', channel: 'memo', title: 'Memo', body: 'Decide.', opens: ['tell'] });
    const pack = packFrom(src);
    const { header, log } = play(pack, timeline(roles, at(70, IL, { type: 'decision.answer', decision: testDecisionId('tell'), options: ['provider', 'press'] })));
    // chosen ∩ best = {provider}; chosen ∪ best = {provider, msa, press} → 5 × 1/3 = 1.7
    const l = line(score(pack, header, log), 'govern.decision.tell');
    expect(l).toMatchObject({ points: 1.7, max: 5 });
    expect(l.reason).toContain('answered “Provider” + “Press”');
  });

  it('severity and R3AI prompts are scored once, as classifications, never as decisions too', () => {
    const pack = minimalPack();
    const { header, log } = play(pack, pack.reference.timeline);
    const ids = score(pack, header, log).lines.map((l) => l.id);
    expect(ids).not.toContain('detect.decision.classify-severity');
    expect(ids).toContain('detect.severity.first');
  });
});

describe('a run ended before the scenario ends', () => {
  it('is judged to the end as if the team did nothing more: the harm it left running keeps growing', () => {
    const pack = minimalPack();
    // Ended at 4h without suspending: the harm runs on to the end (8h) instead of being read at 4h, where the
    // line would keep 16.7 of 30 and the excess cost only 3.6.
    const idle = play(pack, timeline(roles, at(240, 'system', { type: 'run.end' })));
    const report = score(pack, idle.header, idle.log);
    expect(report.warnings).toEqual([expect.stringMatching(/^The run was ended at Day 1 12:30, before the scenario's end \(Day 1 16:30\): it is judged to the end as if the team did nothing more/)]);
    expect(line(report, 'contain.harm').points).toBeLessThan(16.7 / 2);
    expect(line(report, 'contain.harm.excess').points).toBeLessThan(-3.6 * 1.5);
    expect(line(report, 'contain.harm').reason).not.toContain('stopped early');
    // The same moves played to the end score the same as ended early after them: nothing is left to grow.
    const quick = play(pack, timeline(roles, move(40, TL, 'suspend-model'), at(240, 'system', { type: 'run.end' })));
    expect(line(score(pack, quick.header, quick.log), 'contain.harm').points).toBe(30);
  });

  it('cannot be gamed by classifying and stopping: the clocks it left running are missed', () => {
    const pack = minimalPack();
    const early = play(pack, timeline(roles, at(30, IL, { type: 'decision.answer', decision: 'classify-severity', options: ['v3'] }), at(35, 'system', { type: 'run.end' })));
    const report = score(pack, early.header, early.log);
    expect(report.total).toBeLessThanOrEqual(15);
    expect(report.lines.some((l) => l.id.startsWith('govern.obligation.') && l.id.endsWith('.missed'))).toBe(true);
  });

  it('keeps the live score of a run still going up to the minute it reached', () => {
    const pack = minimalPack();
    const played = play(pack, timeline(roles, at(240, 'system', { type: 'run.end' })));
    const going = played.log.slice(0, played.log.findIndex((e) => e.command.type === 'run.end'));
    const report = score(pack, played.header, going);
    expect(report.warnings).toEqual([]);
    expect(report.scoredAt).toBe(240);
  });
});

describe('an action item', () => {
  it('counts only when it is due after the incident began: a date in the past is no plan', () => {
    const pack = minimalPack();
    const withItem = (due: string) => {
      const run = play(pack, timeline(roles, at(480, 'system', { type: 'run.end' }), at(480, IL, { type: 'trace.actionItem.add', id: 'a1', text: 'Commission an independent bias audit of the model', owner: IL, due })));
      return line(score(pack, run.header, run.log), 'learn.action-item');
    };
    expect(withItem('2000-01-01').points).toBe(0);
    expect(withItem('2000-01-01').reason).toMatch(/due before the incident began \(e\.g\. 2000-01-01, the incident began \d{4}-\d{2}-\d{2}\)/);
    expect(withItem('2099-01-31').points).toBe(withItem('2099-01-31').max);
  });
});

describe('facilitator interventions', () => {
  it('are named in the report: ad-hoc effects on the world and triggered injects released before their time', () => {
    const pack = minimalPack();
    const run = play(pack, timeline(roles,
      at(60, 'facilitator', { type: 'inject.adhoc', id: 'recount', title: 'Recount', body: 'Fewer than we thought.', channel: 'email', effects: [{ set: 'wrongly-rejected', to: 0 }] }),
      at(90, 'facilitator', { type: 'inject.adhoc', id: 'call', title: 'A call', body: 'Just a message.', channel: 'call' }),
    ));
    const report = score(pack, run.header, run.log);
    const note = report.warnings.find((w) => w.startsWith('The facilitator changed the scenario'));
    expect(note).toContain('the ad-hoc inject “Recount” set “Applicants wrongly rejected” to 0');
    expect(note).not.toContain('A call');
    expect(note).toContain('not comparable with runs without them');
  });

  it('leave a run without them unmarked', () => {
    const pack = minimalPack();
    const run = play(pack, pack.reference.timeline);
    expect(score(pack, run.header, run.log).warnings).toEqual([]);
  });
});

describe('weights', () => {
  it('fill stages the pack leaves out with their defaults and normalise to 100', () => {
    const w = stageWeights(minimalPack());
    // 10 + 30 + 30 + 20 + 10 + 10 = 110
    expect(w.prepare).toBeCloseTo(100 / 11, 10);
    expect(w.govern).toBeCloseTo(200 / 11, 10);
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });

  it('fall back to the defaults when all are zero (the validator refuses this; scoring stays safe)', () => {
    const pack = { ...minimalPack(), weights: { prepare: 0, detect: 0, contain: 0, govern: 0, recover: 0, learn: 0 } };
    expect(stageWeights(pack)).toEqual({ prepare: 10, detect: 20, contain: 25, govern: 25, recover: 10, learn: 10 });
  });

  it('give a stage with nothing to score to the others', () => {
    // No obligation, no V4, no stakeholder move, no govern requirement → govern has no line.
    const src = input();
    src.obligations = [];
    src.recovery.criteria = [{ id: 'suspended', label: 'Suspended first', condition: { move: 'suspend-model' } }];
    const pack = packFrom(src);
    const { header, log } = play(pack, pack.reference.timeline);
    const report = score(pack, header, log);
    // Remaining weights 10 + 30 + 30 + 10 + 10 = 90 → learn 100/9 = 11.1; the reference misses 26 of 56 learn points:
    // 100 − 11.11 × 26/56 = 94.84.
    expect(report.stages.govern).toMatchObject({ max: 0, pointsMax: 0, score: 0 });
    expect(report.stages.learn.max).toBe(11.1);
    expect(report.stages.detect.max).toBe(33.3);
    expect(report.total).toBe(94.8);
  });
});

describe('a log the engine refuses', () => {
  it('is scored up to the refused entry, with a warning', () => {
    const pack = minimalPack();
    const { header, log } = play(pack, timeline(roles, move(40, TL, 'suspend-model')));
    const broken = [...log.slice(0, 3), { ...log[3]!, seq: 99 }];
    const report = score(pack, header, broken);
    expect(report.warnings[0]).toMatch(/Log entry 99 was refused/);
    expect(line(report, 'prepare.role.technical-lead').points).toBe(10);
  });
});
