/**
 * Table-driven scoring of runs of the minimal fixture pack (and two small
 * variants), with expectations computed by hand from the pack's numbers and
 * the rules in src/engine/scoring/README.md — not copied from the program.
 *
 * The minimal pack's numbers the derivations use:
 * - clock 8h (480 min); roles incident-lead (IL), technical-lead (TL);
 * - harm accrues 12/h = 0.2/min while the model is live; the reference suspends at
 *   40 and restarts at 420 → reference harm R = 40×0.2 + 60×0.2 = 20; doing nothing D = 96;
 *   the harm scale (what doing nothing adds in the day after awareness, capped by the run's end)
 *   is S = 96 − 6 = 90; the harm line (max 30) is 30 × (1 − E/S) for an excess E = H − R, and the
 *   excess costs 8 × E/S total points;
 * - fairness-alert (stage detect) at 30 makes the team aware (the reference is aware then too) and
 *   opens the severity decision; reference severity V3 from 0 → tempo 4h → classify by 270; the
 *   severity track runs from 270 to 480 (210 minutes);
 * - required: suspend-model within 2h of start (by 120); preserve-evidence within 1h of the alert (by 90);
 *   a late act's credit falls linearly to 0 when it is as late as the time allowed;
 * - obligation inform-provider starts at 30, due 270, owner IL (missed: −15); restart gated on it being met;
 * - stage points: prepare 20, detect 60 (discovery 10, first 10, track 20, time 10, R3AI 10), contain 60
 *   (2 required, harm 30, evidence 10), govern 10, recover 30, learn 56 (5 reflections × 4, root cause 10,
 *   corrections 10, evolutions 10, action item 6);
 * - weights: prepare (default) 10, detect 30, contain 30, govern 20, recover 10, learn 10 → sum 110, so the
 *   effective weights are prepare 100/11 ≈ 9.09, detect 300/11 ≈ 27.27, contain 27.27, govern 200/11 ≈ 18.18,
 *   recover 9.09, learn 9.09.
 * A "complete" response (the reference moves plus a full TRACE) earns every line: 100.
 */
import { describe, expect, it } from 'vitest';
import type { TraceSection } from '../../../src/engine/pack/vocabulary';
import { score } from '../../../src/engine/scoring';
import { ONE_MINUTE } from '../../../src/engine/sim-minutes';
import type { ScriptEntry } from '../../../src/engine/script';
import { at, minimalInput, minimalPack, move, packFrom, play, pointsById, timeline } from './helpers';
import { testDecisionId } from '../../ids';
import { type WrittenCommand } from '../helpers/run';

const IL = 'incident-lead' as const;
const TL = 'technical-lead' as const;
const SECTIONS: readonly TraceSection[] = ['trust', 'rootCause', 'accountability', 'correction', 'evolution'];

/** Reflections of substance: at least eight words, each taking up points of the section's reference answer. */
const REFLECTIONS: Record<TraceSection, string> = {
  trust: 'We trusted the dashboard blindly and nobody owned or read its alerts.',
  rootCause: "Friday's update was retrained on skewed data that under-represented older applicants.",
  accountability: 'The technical lead had to watch the alerts; the incident lead had to inform the provider.',
  correction: 'We decided to roll back to the previous model until it is retrained.',
  evolution: 'From now on we block every release that fails a fairness test.',
};

type Learn = { rootCause?: string; corrections?: string[]; evolutions?: string[]; reflections?: readonly TraceSection[]; actionItem?: boolean };
const FULL_LEARN: Learn = { rootCause: 'skewed-update', corrections: ['roll-back-update'], evolutions: ['fairness-gate'], reflections: SECTIONS, actionItem: true };

function learn(l: Learn): ScriptEntry[] {
  const cmds: WrittenCommand[] = [
    ...(l.rootCause ? [{ type: 'trace.rootCause', candidate: l.rootCause } as const] : []),
    ...(l.corrections ? [{ type: 'trace.select', section: 'correction', ids: l.corrections } as const] : []),
    ...(l.evolutions ? [{ type: 'trace.select', section: 'evolution', ids: l.evolutions } as const] : []),
    ...(l.reflections ?? []).map((section) => ({ type: 'trace.reflect', section, text: REFLECTIONS[section] }) as const),
    ...(l.actionItem ? [{ type: 'trace.actionItem.add', id: 'a1', text: 'Add a fairness gate to releases', owner: TL, due: '2028-01-31' } as const] : []),
  ];
  return cmds.map((command) => at(480, IL, command));
}

type Response = {
  rolesBeforeStart?: boolean;
  level?: number;
  preserveAt?: number;
  suspendAt?: number;
  notifyAt?: number | null;
  notifyBy?: typeof IL | typeof TL;
  restartAt?: number;
  learn?: Learn;
  extra?: ScriptEntry[];
};

/** The reference moves of the minimal pack, each adjustable. */
function response(r: Response = {}): ScriptEntry[] {
  const roles = [at(undefined, 'facilitator', { type: 'role.assign', role: IL, participant: 'Ada' }), at(undefined, 'facilitator', { type: 'role.assign', role: TL, participant: 'Ben' })];
  const late = roles.map((e) => ({ ...e, at: ONE_MINUTE }));
  return timeline(
    r.rolesBeforeStart === false ? late : roles,
    at(30, IL, { type: 'decision.answer', decision: testDecisionId('classify-severity'), options: [`v${r.level ?? 3}`] }),
    at(30, IL, { type: 'r3ai.classify', category: 'responsibility' }),
    move(r.preserveAt ?? 35, TL, 'preserve-evidence'),
    move(r.suspendAt ?? 40, TL, 'suspend-model'),
    r.notifyAt === null ? [] : [move(r.notifyAt ?? 60, r.notifyBy ?? IL, 'notify-provider')],
    move(r.restartAt ?? 420, TL, 'restart-model'),
    r.extra ?? [],
    learn(r.learn ?? FULL_LEARN),
  );
}

/** Every line of a complete response of the minimal pack: [points, max]. */
const COMPLETE: Record<string, [number, number]> = {
  'prepare.role.incident-lead': [10, 10],
  'prepare.role.technical-lead': [10, 10],
  'detect.discovery': [10, 10],
  'detect.severity.first': [10, 10],
  'detect.severity.track': [20, 20],
  'detect.time-to-classify': [10, 10],
  'detect.r3ai': [10, 10],
  'contain.required.suspend-model': [10, 10],
  'contain.required.preserve-evidence': [10, 10],
  'contain.harm': [30, 30],
  'contain.evidence': [10, 10],
  'govern.obligation.inform-provider': [10, 10],
  'recover.gate': [10, 10],
  'recover.validated-restart': [10, 10],
  'recover.time': [10, 10],
  'learn.reflection.trust': [4, 4],
  'learn.reflection.rootCause': [4, 4],
  'learn.reflection.accountability': [4, 4],
  'learn.reflection.correction': [4, 4],
  'learn.reflection.evolution': [4, 4],
  'learn.root-cause': [10, 10],
  'learn.corrections': [10, 10],
  'learn.evolutions': [10, 10],
  'learn.action-item': [6, 6],
};

/** Variant F: adds a forbidden move (raise-threshold) and a system-altering one (hotfix-model). */
function variantF() {
  const input = minimalInput() as { moves: object[]; reference: { forbidden: object[] } };
  input.moves.push(
    { id: 'raise-threshold', label: 'Raise the rejection threshold in production', stage: 'contain', owner: 'technical-lead' },
    { id: 'hotfix-model', label: 'Hot-fix the model weights', stage: 'contain', owner: 'technical-lead', marks: ['alters-system'] },
  );
  input.reference.forbidden.push({ move: 'raise-threshold', reason: 'It hides the bias instead of stopping it.' });
  return packFrom(input);
}
const COMPLETE_F = { ...COMPLETE, 'contain.avoided.raise-threshold': [0, 0] as [number, number] };

/** Variant E: the reference severity rises to V4 at 2h; board briefing expected within 2h of that (by 240). */
function variantE() {
  const input = minimalInput() as { moves: object[]; reference: Record<string, unknown> & { severity: object[]; timeline: object[] } };
  input.moves.push({ id: 'brief-board', label: 'Brief the board', stage: 'govern', owner: 'incident-lead', marks: ['board-briefing'] });
  input.reference.severity.push({ at: '2h', level: 4, rationale: 'Many applicants harmed: material harm.' });
  input.reference.boardWithin = '2h';
  return packFrom(input);
}
const COMPLETE_E = { ...COMPLETE, 'detect.escalation.1': [10, 10] as [number, number], 'govern.board': [10, 10] as [number, number] };
const escalate = (minutes: number) => at(minutes, IL, { type: 'severity.classify', level: 4 });

type Case = {
  name: string;
  pack: 'M' | 'F' | 'E';
  script: ScriptEntry[] | 'reference';
  /** Lines that differ from the complete response: [points, max] (undefined: the line is gone). */
  changes: Record<string, [number, number] | undefined>;
  total: number;
};

const NO_REFLECTIONS: Record<string, [number, number]> = {
  'learn.reflection.trust': [0, 4], 'learn.reflection.rootCause': [0, 4], 'learn.reflection.accountability': [0, 4],
  'learn.reflection.correction': [0, 4], 'learn.reflection.evolution': [0, 4],
};

const CASES: Case[] = [
  {
    name: 'the pack’s reference timeline (no reflections, no action item)',
    pack: 'M',
    script: 'reference',
    // learn 30/56 → loses 9.09 × 26/56 = 4.22 → 95.78
    changes: { ...NO_REFLECTIONS, 'learn.action-item': [0, 6] },
    total: 95.8,
  },
  {
    name: 'doing nothing',
    pack: 'M',
    script: [],
    // Only discovery earns (the alert reached the team on time). Never classified: track 0 and the misread
    // costs 3 levels × 8 = 24; harm 96, E = 76: line 30 × (1 − 76/90) = 4.7, excess −6.8; the obligation is
    // missed (−15); nothing was taken out of service, so the gate does not apply. The total floors at 0.
    changes: {
      'prepare.role.incident-lead': [0, 10], 'prepare.role.technical-lead': [0, 10],
      'detect.severity.first': [0, 10], 'detect.severity.track': [0, 20], 'detect.severity.misread': [-24, 0], 'detect.time-to-classify': [0, 10], 'detect.r3ai': [0, 10],
      'contain.required.suspend-model': [0, 10], 'contain.required.preserve-evidence': [0, 10], 'contain.harm': [4.7, 30], 'contain.harm.excess': [-6.8, 0], 'contain.evidence': [0, 10],
      'govern.obligation.inform-provider': [0, 10], 'govern.obligation.inform-provider.missed': [-15, 0],
      'recover.gate': [0, 0], 'recover.validated-restart': [0, 10], 'recover.time': [0, 10],
      ...NO_REFLECTIONS, 'learn.root-cause': [0, 10], 'learn.corrections': [0, 10], 'learn.evolutions': [0, 10], 'learn.action-item': [0, 6],
    },
    total: 0,
  },
  { name: 'a complete response', pack: 'M', script: response(), changes: {}, total: 100 },
  {
    name: 'under-classification by one level (V2 when the reference is V3)',
    pack: 'M',
    script: response({ level: 2 }),
    // first V-SEV 10 − 4×1 = 6; track: one level under for all 210 min → 20 × (1 − 0.5) = 10, and the misread
    // costs 8; detect 46/60 → 20.91 − 8 = 12.91 of 27.27 → loses 14.36
    changes: { 'detect.severity.first': [6, 10], 'detect.severity.track': [10, 20], 'detect.severity.misread': [-8, 0] },
    total: 85.6,
  },
  {
    name: 'over-classification by one level (V4 when the reference is V3)',
    pack: 'M',
    script: response({ level: 4 }),
    // first V-SEV 10 − 2×1 = 8; track 20 × (1 − 0.25) = 15, misread −3; detect 53/60 → 24.09 − 3 → loses 6.18
    changes: { 'detect.severity.first': [8, 10], 'detect.severity.track': [15, 20], 'detect.severity.misread': [-3, 0] },
    total: 93.8,
  },
  {
    name: 'late notification of the provider (at 5h, due 4h30)',
    pack: 'M',
    script: response({ notifyAt: 300 }),
    // 30 minutes late of 240 allowed → 10 × (1 − 30/240) = 8.75 → 8.8; the gate accepts met-late, so the restart
    // is valid; govern 8.8/10 → loses 18.18 × 1.2/10 = 2.18
    changes: { 'govern.obligation.inform-provider': [8.8, 10] },
    total: 97.8,
  },
  {
    name: 'restart before the recovery gate holds',
    pack: 'M',
    script: response({ restartAt: 100, notifyAt: 200 }),
    // Restart at 100, provider informed only at 200 → a breach (−25), no valid restart, no recovery time: recover 0/30
    // (−9.09). Harm H = 40×0.2 + 380×0.2 = 84, E = 64: line 30 × (1 − 64/90) = 8.7 (contain −9.68), excess 8 × 64/90 = −5.7.
    changes: { 'recover.gate': [0, 10], 'recover.breach.1': [-25, 0], 'recover.validated-restart': [0, 10], 'recover.time': [0, 10], 'contain.harm': [8.7, 30], 'contain.harm.excess': [-5.7, 0] },
    total: 50.5,
  },
  {
    name: 'a move made by a role without authority (the technical lead informs the provider)',
    pack: 'M',
    script: response({ notifyBy: TL }),
    // the obligation is met on time, but by an act outside authority: half credit, 5; and the act costs 1;
    // govern 5/10 → loses 9.09 + 1
    changes: { 'govern.obligation.inform-provider': [5, 10], 'govern.authority.notify-provider': [-1, 0] },
    total: 89.9,
  },
  {
    name: 'a forbidden move',
    pack: 'F',
    script: response({ extra: [move(50, TL, 'raise-threshold')] }),
    // −10 total points, not absorbed by the contain stage
    changes: { 'contain.avoided.raise-threshold': undefined, 'contain.act.raise-threshold': [-10, 0] },
    total: 90,
  },
  {
    name: 'the system altered before evidence was preserved',
    pack: 'F',
    script: response({ extra: [move(32, TL, 'hotfix-model')] }),
    // hot-fix in effect at 32, snapshot at 35 → evidence 0; contain 50/60 → loses 27.27 × 10/60 = 4.55
    changes: { 'contain.evidence': [0, 10] },
    total: 95.5,
  },
  {
    name: 'a partial TRACE (two reflections, no action item)',
    pack: 'M',
    script: response({ learn: { ...FULL_LEARN, reflections: ['trust', 'rootCause'], actionItem: false } }),
    // learn 4+4+30 = 38/56 → loses 9.09 × 18/56 = 2.92
    changes: { 'learn.reflection.accountability': [0, 4], 'learn.reflection.correction': [0, 4], 'learn.reflection.evolution': [0, 4], 'learn.action-item': [0, 6] },
    total: 97.1,
  },
  {
    name: 'the wrong root cause',
    pack: 'M',
    script: response({ learn: { ...FULL_LEARN, rootCause: 'server-outage' } }),
    // root cause 0; learn 46/56 → loses 1.62
    changes: { 'learn.root-cause': [0, 10] },
    total: 98.4,
  },
  {
    name: 'an unexpected correction chosen beside the expected one',
    pack: 'M',
    script: response({ learn: { ...FULL_LEARN, corrections: ['roll-back-update', 'raise-threshold'] } }),
    // a wrong choice cancels two right ones: 10 × (1 − 2)/1 → 0; learn 46/56 → loses 1.62
    changes: { 'learn.corrections': [0, 10] },
    total: 98.4,
  },
  {
    name: 'late board briefing (at 5h; V4 at 2h + 2h → due 4h)',
    pack: 'E',
    script: response({ extra: [escalate(150), move(300, IL, 'brief-board')] }),
    // 60 minutes late of 120 allowed → half: 5; govern 15/20 → loses 18.18 × 5/20 = 4.55
    changes: { 'govern.board': [5, 10] },
    total: 95.5,
  },
  {
    name: 'late escalation (V4 at 200; reference V4 at 120 + tempo 1h → due 180)',
    pack: 'E',
    script: response({ extra: [escalate(200), move(200, IL, 'brief-board')] }),
    // 20 minutes late of 60 → 10 × 2/3 = 6.7; detect 66.7/70 → loses 27.27 × 3.3/70 = 1.29
    changes: { 'detect.escalation.1': [6.7, 10] },
    total: 98.7,
  },
  {
    name: 'no escalation and no board briefing',
    pack: 'E',
    script: response(),
    // escalation 0; the track (270–480) is one level under → 10 of 20, misread −8: detect 50/70 → loses 7.79 + 8;
    // board 0: govern 10/20 → loses 9.09
    changes: { 'detect.escalation.1': [0, 10], 'detect.severity.track': [10, 20], 'detect.severity.misread': [-8, 0], 'govern.board': [0, 10] },
    total: 75.1,
  },
  {
    name: 'late containment (suspended at 2h30, due 2h)',
    pack: 'M',
    script: response({ suspendAt: 150 }),
    // 30 of 120 minutes late → 7.5; H = 150×0.2 + 60×0.2 = 42, E = 22: line 30 × (1 − 22/90) = 22.7, excess
    // 8 × 22/90 = −2.0; contain 50.2/60 → loses 4.45
    changes: { 'contain.required.suspend-model': [7.5, 10], 'contain.harm': [22.7, 30], 'contain.harm.excess': [-2, 0] },
    total: 93.5,
  },
  {
    name: 'roles assigned only after the start',
    pack: 'M',
    script: response({ rolesBeforeStart: false }),
    // prepare 0/20 → loses 9.09
    changes: { 'prepare.role.incident-lead': [0, 10], 'prepare.role.technical-lead': [0, 10] },
    total: 90.9,
  },
  {
    name: 'late first classification (V3 at 5h, due 4h30; the prompt expired)',
    pack: 'M',
    script: timeline(response().filter((e) => e.command.type !== 'decision.answer'), at(300, IL, { type: 'severity.classify', level: 3 })),
    // time: 30 of 240 minutes late → 8.75 → 8.8; the track counts 270–300 unclassified (three levels under: a whole
    // wrong minute each): 20 × (1 − 30/210) = 17.1, misread 24 × 30/210 = −3.4; detect 55.9/60 → loses 1.86
    changes: { 'detect.time-to-classify': [8.8, 10], 'detect.severity.track': [17.1, 20], 'detect.severity.misread': [-3.4, 0] },
    total: 94.7,
  },
  {
    name: 'a classification made before any signal reached the team (a guess) and never repeated',
    pack: 'M',
    script: timeline(response().filter((e) => e.command.type !== 'decision.answer'), at(10, IL, { type: 'severity.classify', level: 3 })),
    // made at 10, the alert came at 30: not counted. As if never classified: first 0, time 0, track 0 and the misread −24;
    // detect 20/60 → loses 18.18 + 24
    changes: { 'detect.severity.first': [0, 10], 'detect.time-to-classify': [0, 10], 'detect.severity.track': [0, 20], 'detect.severity.misread': [-24, 0] },
    total: 57.8,
  },
];

describe('scoring the minimal pack, hand-computed', () => {
  const packs = { M: minimalPack(), F: variantF(), E: variantE() };
  const complete = { M: COMPLETE, F: COMPLETE_F, E: COMPLETE_E };

  it.each(CASES)('$name → $total', ({ pack: which, script, changes, total }) => {
    const pack = packs[which];
    const { header, log } = play(pack, script === 'reference' ? pack.reference.timeline : script);
    const report = score(pack, header, log);
    const expected = Object.fromEntries(Object.entries({ ...complete[which], ...changes }).filter(([, v]) => v !== undefined));
    expect(pointsById(report)).toEqual(expected);
    expect(report.total).toBe(total);
    expect(report.warnings).toEqual([]);
  });
});
