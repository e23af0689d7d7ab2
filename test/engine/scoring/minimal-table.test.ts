/**
 * Table-driven scoring of runs of the minimal fixture pack (and two small
 * variants), with expectations computed by hand from the pack's numbers and
 * the rules in src/engine/scoring/README.md — not copied from the program.
 *
 * The minimal pack's numbers the derivations use:
 * - clock 8h (480 min); roles incident-lead (IL), technical-lead (TL);
 * - harm accrues 12/h = 0.2/min while the model is live; the reference suspends at
 *   40 and restarts at 420 → reference harm R = 40×0.2 + 60×0.2 = 20; doing nothing D = 480×0.2 = 96;
 * - fairness-alert (stage detect) at 30 opens the severity decision (countdown 30m → expires at 60);
 *   awareness = 30; reference severity V3 from 0 → tempo 4h → classify by 270;
 * - required: suspend-model within 2h of start (by 120); preserve-evidence within 1h of the alert (by 90);
 * - obligation inform-provider starts at 30, due 270, owner IL; restart gated on it being met;
 * - weights: prepare (default) 10, detect 30, contain 30, govern 20, recover 10, learn 10 → sum 110, so the
 *   effective weights are prepare 100/11 ≈ 9.09, detect 300/11 ≈ 27.27, contain 27.27, govern 200/11 ≈ 18.18,
 *   recover 9.09, learn 9.09.
 * A "complete" response (the reference moves plus a full TRACE) earns every line: 100.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/command-schema';
import type { TraceSection } from '../../../src/engine/pack/vocabulary';
import { score } from '../../../src/engine/scoring';
import type { ScriptEntry } from '../../../src/engine/script';
import { at, minimalInput, minimalPack, move, packFrom, play, pointsById, timeline } from './helpers';

const IL = 'incident-lead' as const;
const TL = 'technical-lead' as const;
const SECTIONS: readonly TraceSection[] = ['trust', 'rootCause', 'accountability', 'correction', 'evolution'];

type Learn = { rootCause?: string; corrections?: string[]; evolutions?: string[]; reflections?: readonly TraceSection[]; actionItem?: boolean };
const FULL_LEARN: Learn = { rootCause: 'skewed-update', corrections: ['roll-back-update'], evolutions: ['fairness-gate'], reflections: SECTIONS, actionItem: true };

function learn(l: Learn): ScriptEntry[] {
  const cmds: Command[] = [
    ...(l.rootCause ? [{ type: 'trace.rootCause', candidate: l.rootCause } as const] : []),
    ...(l.corrections ? [{ type: 'trace.select', section: 'correction', ids: l.corrections } as const] : []),
    ...(l.evolutions ? [{ type: 'trace.select', section: 'evolution', ids: l.evolutions } as const] : []),
    ...(l.reflections ?? []).map((section) => ({ type: 'trace.reflect', section, text: `Our ${section} reflection.` }) as const),
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
  const late = roles.map((e) => ({ ...e, at: 1 }));
  return timeline(
    r.rolesBeforeStart === false ? late : roles,
    at(30, IL, { type: 'decision.answer', decision: 'classify-severity', options: [`v${r.level ?? 3}`] }),
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
  'detect.severity.first': [10, 10],
  'detect.r3ai': [10, 10],
  'detect.time-to-classify': [10, 10],
  'detect.decision.classify-severity': [10, 10],
  'contain.required.suspend-model': [10, 10],
  'contain.required.preserve-evidence': [10, 10],
  'contain.harm': [20, 20],
  'contain.evidence': [10, 10],
  'govern.obligation.inform-provider': [10, 10],
  'recover.gate': [10, 10],
  'recover.validated-restart': [10, 10],
  'recover.time': [10, 10],
  'learn.reflection.trust': [2, 2],
  'learn.reflection.rootCause': [2, 2],
  'learn.reflection.accountability': [2, 2],
  'learn.reflection.correction': [2, 2],
  'learn.reflection.evolution': [2, 2],
  'learn.root-cause': [10, 10],
  'learn.corrections': [10, 10],
  'learn.evolutions': [10, 10],
  'learn.action-item': [10, 10],
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
const COMPLETE_F = { ...COMPLETE, 'contain.forbidden.raise-threshold': [0, 0] as [number, number] };

/** Variant E: the reference severity rises to V4 at 2h; board briefing expected within 2h of that (by 240). */
function variantE() {
  const input = minimalInput() as { moves: object[]; reference: Record<string, unknown> & { severity: object[]; timeline: object[] } };
  input.moves.push({ id: 'brief-board', label: 'Brief the board', stage: 'govern', owner: 'incident-lead', marks: ['board-briefing'] });
  input.reference.severity.push({ at: '2h', level: 4, rationale: 'Many applicants harmed: material harm.' });
  input.reference.boardWithin = '2h';
  return packFrom(input);
}
const COMPLETE_E = { ...COMPLETE, 'detect.escalation.v4-at-120': [10, 10] as [number, number], 'govern.board': [10, 10] as [number, number] };
const escalate = (minutes: number) => at(minutes, IL, { type: 'severity.classify', level: 4 });

type Case = {
  name: string;
  pack: 'M' | 'F' | 'E';
  script: ScriptEntry[] | 'reference';
  /** Lines that differ from the complete response: [points, max]. */
  changes: Record<string, [number, number]>;
  total: number;
};

const CASES: Case[] = [
  {
    name: 'the pack’s reference timeline (no reflections, no action item)',
    pack: 'M',
    script: 'reference',
    // learn 30/50 → loses 9.09 × 20/50 = 3.64 → 96.36
    changes: { 'learn.reflection.trust': [0, 2], 'learn.reflection.rootCause': [0, 2], 'learn.reflection.accountability': [0, 2], 'learn.reflection.correction': [0, 2], 'learn.reflection.evolution': [0, 2], 'learn.action-item': [0, 10] },
    total: 96.4,
  },
  {
    name: 'doing nothing',
    pack: 'M',
    script: [],
    // Only recover.gate earns (nothing restarted): recover 10/30 × 9.09 = 3.03. The decision expired at 60,
    // the obligation went overdue at 270, harm 96 = D → 0.
    changes: {
      'prepare.role.incident-lead': [0, 10], 'prepare.role.technical-lead': [0, 10],
      'detect.severity.first': [0, 10], 'detect.r3ai': [0, 10], 'detect.time-to-classify': [0, 10], 'detect.decision.classify-severity': [0, 10],
      'contain.required.suspend-model': [0, 10], 'contain.required.preserve-evidence': [0, 10], 'contain.harm': [0, 20], 'contain.evidence': [0, 10],
      'govern.obligation.inform-provider': [0, 10], 'recover.validated-restart': [0, 10], 'recover.time': [0, 10],
      'learn.reflection.trust': [0, 2], 'learn.reflection.rootCause': [0, 2], 'learn.reflection.accountability': [0, 2], 'learn.reflection.correction': [0, 2], 'learn.reflection.evolution': [0, 2],
      'learn.root-cause': [0, 10], 'learn.corrections': [0, 10], 'learn.evolutions': [0, 10], 'learn.action-item': [0, 10],
    },
    total: 3.0,
  },
  { name: 'a complete response', pack: 'M', script: response(), changes: {}, total: 100 },
  {
    name: 'under-classification by one level (V2 when the reference is V3)',
    pack: 'M',
    script: response({ level: 2 }),
    // first V-SEV 10 − 4×1 = 6; the severity decision's best is v3 → 0; detect 26/40 → loses 27.27 × 14/40 = 9.55
    changes: { 'detect.severity.first': [6, 10], 'detect.decision.classify-severity': [0, 10] },
    total: 90.5,
  },
  {
    name: 'over-classification by one level (V4 when the reference is V3)',
    pack: 'M',
    script: response({ level: 4 }),
    // first V-SEV 10 − 2×1 = 8; decision 0; detect 28/40 → loses 27.27 × 12/40 = 8.18
    changes: { 'detect.severity.first': [8, 10], 'detect.decision.classify-severity': [0, 10] },
    total: 91.8,
  },
  {
    name: 'late notification of the provider (at 5h, due 4h30)',
    pack: 'M',
    script: response({ notifyAt: 300 }),
    // met-late → half of 10 = 5; the gate accepts met-late, so the restart is valid; govern 5/10 → loses 9.09
    changes: { 'govern.obligation.inform-provider': [5, 10] },
    total: 90.9,
  },
  {
    name: 'restart before the recovery gate holds',
    pack: 'M',
    script: response({ restartAt: 100, notifyAt: 200 }),
    // Restart at 100, provider informed only at 200 → gate 0, no valid restart, no recovery time: recover 0/30 (−9.09).
    // Harm H = 40×0.2 + (480−100)×0.2 = 84; line = 20 × (96 − 84)/(96 − 20) = 3.16 → 3.2; contain 33.2/50 (−9.16).
    changes: { 'recover.gate': [0, 10], 'recover.validated-restart': [0, 10], 'recover.time': [0, 10], 'contain.harm': [3.2, 20] },
    total: 81.7,
  },
  {
    name: 'a move made by a role without authority (the technical lead informs the provider)',
    pack: 'M',
    script: response({ notifyBy: TL }),
    // obligation met on time but not by its owner: 10 − 3 = 7; the move itself is outside authority: −3 (third move made);
    // govern 4/10 → loses 18.18 × 6/10 = 10.91
    changes: { 'govern.obligation.inform-provider': [7, 10], 'govern.authority.3': [-3, 0] },
    total: 89.1,
  },
  {
    name: 'a forbidden move',
    pack: 'F',
    script: response({ extra: [move(50, TL, 'raise-threshold')] }),
    // −10 in contain: 40/50 → loses 27.27 × 10/50 = 5.45
    changes: { 'contain.forbidden.raise-threshold': [-10, 0] },
    total: 94.5,
  },
  {
    name: 'the system altered before evidence was preserved',
    pack: 'F',
    script: response({ extra: [move(32, TL, 'hotfix-model')] }),
    // hot-fix at 32, snapshot at 35 → evidence 0; contain 40/50 → loses 5.45
    changes: { 'contain.evidence': [0, 10] },
    total: 94.5,
  },
  {
    name: 'a partial TRACE (two reflections, no action item)',
    pack: 'M',
    script: response({ learn: { ...FULL_LEARN, reflections: ['trust', 'rootCause'], actionItem: false } }),
    // learn 2+2+30 = 34/50 → loses 9.09 × 16/50 = 2.91
    changes: { 'learn.reflection.accountability': [0, 2], 'learn.reflection.correction': [0, 2], 'learn.reflection.evolution': [0, 2], 'learn.action-item': [0, 10] },
    total: 97.1,
  },
  {
    name: 'the wrong root cause',
    pack: 'M',
    script: response({ learn: { ...FULL_LEARN, rootCause: 'server-outage' } }),
    // root cause 0; learn 40/50 → loses 1.82
    changes: { 'learn.root-cause': [0, 10] },
    total: 98.2,
  },
  {
    name: 'an unexpected correction chosen beside the expected one',
    pack: 'M',
    script: response({ learn: { ...FULL_LEARN, corrections: ['roll-back-update', 'raise-threshold'] } }),
    // 10 × (1 − ½×1)/1 = 5; learn 45/50 → loses 0.91
    changes: { 'learn.corrections': [5, 10] },
    total: 99.1,
  },
  {
    name: 'late board briefing (at 5h; V4 at 2h + 2h → due 4h)',
    pack: 'E',
    script: response({ extra: [escalate(150), move(300, IL, 'brief-board')] }),
    // board half: 5; govern 15/20 → loses 18.18 × 5/20 = 4.55
    changes: { 'govern.board': [5, 10] },
    total: 95.5,
  },
  {
    name: 'late escalation (V4 at 200; reference V4 at 120 + tempo 1h → due 180)',
    pack: 'E',
    script: response({ extra: [escalate(200), move(200, IL, 'brief-board')] }),
    // escalation half: 5; detect 45/50 → loses 27.27 × 5/50 = 2.73
    changes: { 'detect.escalation.v4-at-120': [5, 10] },
    total: 97.3,
  },
  {
    name: 'no escalation and no board briefing',
    pack: 'E',
    script: response(),
    // escalation 0 (detect 40/50, −5.45); board 0 (govern 10/20, −9.09)
    changes: { 'detect.escalation.v4-at-120': [0, 10], 'govern.board': [0, 10] },
    total: 85.5,
  },
  {
    name: 'late containment (suspended at 2h30, due 2h)',
    pack: 'M',
    script: response({ suspendAt: 150 }),
    // required half: 5; H = 150×0.2 + 60×0.2 = 42 → 20 × (96 − 42)/76 = 14.21 → 14.2; contain 39.2/50 → loses 27.27 × 10.8/50 = 5.89
    changes: { 'contain.required.suspend-model': [5, 10], 'contain.harm': [14.2, 20] },
    total: 94.1,
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
    name: 'late first classification (V3 at 5h, due 4h30; the decision expired)',
    pack: 'M',
    script: timeline(response().filter((e) => e.command.type !== 'decision.answer'), at(300, IL, { type: 'severity.classify', level: 3 })),
    // first V-SEV right: 10; late: 5; decision expired: 0 → detect 25/40 → loses 27.27 × 15/40 = 10.23
    changes: { 'detect.time-to-classify': [5, 10], 'detect.decision.classify-severity': [0, 10] },
    total: 89.8,
  },
];

describe('scoring the minimal pack, hand-computed', () => {
  const packs = { M: minimalPack(), F: variantF(), E: variantE() };
  const complete = { M: COMPLETE, F: COMPLETE_F, E: COMPLETE_E };

  it.each(CASES)('$name → $total', ({ pack: which, script, changes, total }) => {
    const pack = packs[which];
    const { header, log } = play(pack, script === 'reference' ? pack.reference.timeline : script);
    const report = score(pack, header, log);
    expect(pointsById(report)).toEqual({ ...complete[which], ...changes });
    expect(report.total).toBe(total);
    expect(report.warnings).toEqual([]);
  });
});
