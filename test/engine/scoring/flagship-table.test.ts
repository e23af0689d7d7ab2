/**
 * Table-driven scoring of runs of the flagship pack (scenarios/biased-hiring),
 * each the pack's own reference timeline with a targeted change. Expected
 * points are derived by hand (comments) from the pack's numbers and the rules
 * in src/engine/scoring/README.md.
 *
 * The flagship's numbers the derivations use (readiness all "yes", seed 1):
 * - weights 10/20/25/25/10/10 (sum 100); stage maxima: prepare 75 (6 roles × 10 + 3 readiness items the
 *   conditions read × 5), detect 70, contain 70, govern 170 (5 triggered obligations, board, stakeholder,
 *   8 required moves, 2 decisions), recover 50, learn 50;
 * - fairness-alert at 20 (aware); reference severity V3 from 0, V4 from 1h15 (75); tempo V3 = V4 = 1h, so
 *   classify by 80 and reach V4 by 135; board within 4h of V4 → by 315;
 * - harm 4,845 + 4.8/h while running; the reference suspends at 45 (effective 55) → R = 4,849.4; doing nothing
 *   D = 4,845 + 18 d × 24 × 4.8 = 6,918.6;
 * - obligation board-notification starts when the team classifies V4+ (90 in the reference), due 4h later,
 *   met when brief-board (1h delay) takes effect; inform-msa-risk due 20 + 48h = 2,900, notify-msa takes 3h.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Command } from '../../../src/engine/command-schema';
import type { Pack } from '../../../src/engine/pack/schema';
import { score } from '../../../src/engine/scoring';
import type { ScriptEntry } from '../../../src/engine/script';
import { loadPack } from '../../../src/main/packs/load-pack';
import { play, pointsById } from './helpers';

const FLAGSHIP = new URL('../../../scenarios/biased-hiring', import.meta.url).pathname;

type Change = { drop?: (e: ScriptEntry) => boolean; add?: ScriptEntry[]; map?: (e: ScriptEntry) => ScriptEntry };
const isMove = (id: string) => (e: ScriptEntry) => e.command.type === 'move.make' && e.command.move === id;
const isTrace = (type: Command['type']) => (e: ScriptEntry) => e.command.type === type;
const entry = (at: number, by: Actor, command: Command): ScriptEntry => ({ at, by, command });
const mk = (at: number, by: Actor, move: string) => entry(at, by, { type: 'move.make', move });

/** The reference timeline changed: entries dropped or mapped, new ones inserted in time order (before run.end). */
function changed(reference: readonly ScriptEntry[], change: Change): ScriptEntry[] {
  const kept = reference.filter((e) => !(change.drop?.(e) ?? false)).map((e) => change.map?.(e) ?? e);
  for (const added of change.add ?? []) {
    const index = kept.findIndex((e) => e.command.type === 'run.end' || (e.at !== undefined && e.at > (added.at ?? 0)));
    kept.splice(index < 0 ? kept.length : index, 0, added);
  }
  return kept;
}

/** Every line of the reference response (it earns every line): [points, max]. */
const REFERENCE: Record<string, [number, number]> = {
  'prepare.role.executive-sponsor': [10, 10],
  'prepare.role.incident-lead': [10, 10],
  'prepare.role.technical-lead': [10, 10],
  'prepare.role.legal-lead': [10, 10],
  'prepare.role.comms-lead': [10, 10],
  'prepare.role.business-owner': [10, 10],
  'prepare.readiness.monitoring': [5, 5],
  'prepare.readiness.kill-switch': [5, 5],
  'prepare.readiness.logging': [5, 5],
  'detect.severity.first': [10, 10],
  'detect.r3ai': [10, 10],
  'detect.time-to-classify': [10, 10],
  'detect.escalation.v4-at-75': [10, 10],
  'detect.required.analyse-selection-rates': [10, 10],
  'detect.decision.initial-severity': [10, 10],
  'detect.decision.r3ai-category': [10, 10],
  'contain.required.suspend-model': [10, 10],
  'contain.required.preserve-evidence': [10, 10],
  'contain.required.activate-manual-screening': [10, 10],
  'contain.required.isolate-data-pipeline': [10, 10],
  'contain.harm': [20, 20],
  'contain.evidence': [10, 10],
  'contain.forbidden.patch-threshold-quietly': [0, 0],
  'contain.forbidden.delete-biased-logs': [0, 0],
  'govern.obligation.inform-provider': [10, 10],
  'govern.obligation.inform-msa-risk': [10, 10],
  'govern.obligation.provider-art73-report': [10, 10],
  'govern.obligation.board-notification': [10, 10],
  'govern.obligation.inform-affected-candidates': [10, 10],
  'govern.obligation.gdpr-breach-notification': [0, 0],
  'govern.board': [10, 10],
  'govern.stakeholder': [10, 10],
  'govern.required.inform-provider': [10, 10],
  'govern.required.notify-msa': [10, 10],
  'govern.required.brief-board': [10, 10],
  'govern.required.respond-to-complainant': [10, 10],
  'govern.required.share-evidence-with-provider': [10, 10],
  'govern.required.commission-bias-audit': [10, 10],
  'govern.required.inform-candidates': [10, 10],
  'govern.required.confirm-provider-report': [10, 10],
  'govern.decision.notification-map': [10, 10],
  'govern.decision.candidate-message': [10, 10],
  'govern.forbidden.blame-vendor-publicly': [0, 0],
  'govern.forbidden.email-candidate-data-to-vendor': [0, 0],
  'recover.gate': [10, 10],
  'recover.validated-restart': [10, 10],
  'recover.time': [10, 10],
  'recover.required.validate-fairness-holdout': [10, 10],
  'recover.decision.restart-pressure': [10, 10],
  'recover.forbidden.restart-immediately': [0, 0],
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

/** Doing nothing: every scored line 0 except the untouched recovery gate; no restart-pressure prompt (needs a suspension). */
const DO_NOTHING: Record<string, [number, number]> = {
  ...Object.fromEntries(Object.entries(REFERENCE).map(([id, [, max]]) => [id, [0, max] as [number, number]])),
  'recover.gate': [10, 10],
  'recover.decision.restart-pressure': [0, 0],
};

type Case = { name: string; change: Change | 'nothing'; changes: Record<string, [number, number]>; total: number };

const CASES: Case[] = [
  { name: 'the reference response', change: {}, changes: {}, total: 100 },
  {
    name: 'doing nothing',
    change: 'nothing',
    // Awareness comes from the complaint; every clock runs out (the news article and the regulator's letter start
    // the board and candidate clocks too). Only recover.gate earns: 10 of 40 → 10 × 10/40 = 2.5.
    changes: DO_NOTHING,
    total: 2.5,
  },
  {
    name: 'under-classification: V2 at 35 when the reference is V3',
    change: { map: (e) => (e.command.type === 'decision.answer' && e.command.decision === 'initial-severity' ? { ...e, command: { ...e.command, options: ['v2'] } } : e) },
    // 10 − 4 = 6; v2 is not among the best (v3, v4): 0 → detect 56/70 → −20 × 14/70 = −4
    changes: { 'detect.severity.first': [6, 10], 'detect.decision.initial-severity': [0, 10] },
    total: 96,
  },
  {
    name: 'over-classification: V4 at 35 when the reference is V3',
    change: { map: (e) => (e.command.type === 'decision.answer' && e.command.decision === 'initial-severity' ? { ...e, command: { ...e.command, options: ['v4'] } } : e) },
    // 10 − 2 = 8; v4 is a best answer; the board clock starts at 35 (due 275) and is met at 165 → −20 × 2/70 = −0.57
    changes: { 'detect.severity.first': [8, 10] },
    total: 99.4,
  },
  {
    name: 'late notification of the market surveillance authority',
    change: { drop: isMove('notify-msa'), add: [mk(2800, 'legal-lead', 'notify-msa')] },
    // Made at 1d 22h 40m (within the required 2d: on time) but takes 3h: effective 2,980 > due 2,900 → met late: 5
    // → govern 165/170 → −25 × 5/170 = −0.74
    changes: { 'govern.obligation.inform-msa-risk': [5, 10] },
    total: 99.3,
  },
  {
    name: 'restart before the recovery gate holds',
    change: { drop: isMove('restart-model'), add: [mk(8940, 'business-owner', 'restart-model')] },
    // At 6d 5h the model is retrained (4d 3h 30m + 2d = 6d 3h 30m) but fairness is validated only at 8d 30m:
    // gate 0, no valid restart, no recovery time → recover 20/50 → −10 × 30/50 = −6. Restart effects stop harm, so harm is unchanged.
    changes: { 'recover.gate': [0, 10], 'recover.validated-restart': [0, 10], 'recover.time': [0, 10] },
    total: 94,
  },
  {
    name: 'a move outside the role’s authority: the Incident Lead briefs the board',
    change: { map: (e) => (isMove('brief-board')(e) ? { ...e, by: 'incident-lead' } : e) },
    // Obligation met by the Incident Lead, not its owner the Executive Sponsor: 10 − 3 = 7; the move (8th made) −3
    // → govern 164/170 → −25 × 6/170 = −0.88
    changes: { 'govern.obligation.board-notification': [7, 10], 'govern.authority.8': [-3, 0] },
    total: 99.1,
  },
  {
    name: 'a forbidden move: blaming the vendor in public',
    change: { add: [mk(1620, 'comms-lead', 'blame-vendor-publicly')] },
    // −10 in govern → 160/170 → −25 × 10/170 = −1.47
    changes: { 'govern.forbidden.blame-vendor-publicly': [-10, 0] },
    total: 98.5,
  },
  {
    name: 'the system altered before evidence was preserved (a quiet threshold patch at 30)',
    change: { add: [mk(30, 'technical-lead', 'patch-threshold-quietly')] },
    // The patch (made at 30) precedes the snapshot (made at 40): evidence 0; the patch is forbidden: −10.
    // Harm: 45 min at 4.8/h + 10 min at 2.4/h = 4.0 → 4,849.0 ≤ R: full. Contain 50/70 → −25 × 20/70 = −7.14
    changes: { 'contain.evidence': [0, 10], 'contain.forbidden.patch-threshold-quietly': [-10, 0] },
    total: 92.9,
  },
  {
    name: 'a partial TRACE: two reflections and no action item',
    change: { drop: (e) => isTrace('trace.actionItem.add')(e) || (e.command.type === 'trace.reflect' && !['trust', 'rootCause'].includes(e.command.section)) },
    // learn 50 − 3 × 2 − 10 = 34 → −10 × 16/50 = −3.2
    changes: { 'learn.reflection.accountability': [0, 2], 'learn.reflection.correction': [0, 2], 'learn.reflection.evolution': [0, 2], 'learn.action-item': [0, 10] },
    total: 96.8,
  },
  {
    name: 'the wrong root cause (the applicant mix)',
    change: { map: (e) => (e.command.type === 'trace.rootCause' ? { ...e, command: { type: 'trace.rootCause', candidate: 'applicant-mix-shift' } } : e) },
    // 0 → learn 40/50 → −2
    changes: { 'learn.root-cause': [0, 10] },
    total: 98,
  },
  {
    name: 'the other correct root cause (the proxy features)',
    change: { map: (e) => (e.command.type === 'trace.rootCause' ? { ...e, command: { type: 'trace.rootCause', candidate: 'proxy-features-v42' } } : e) },
    changes: {},
    total: 100,
  },
  {
    name: 'an unexpected evolution beside the five expected',
    change: { map: (e) => (e.command.type === 'trace.select' && e.command.section === 'evolution' ? { ...e, command: { ...e.command, ids: [...e.command.ids, 'ban-ai-hiring'] } } : e) },
    // 10 × (5 − ½)/5 = 9 → −10 × 1/50 = −0.2
    changes: { 'learn.evolutions': [9, 10] },
    total: 99.8,
  },
  {
    name: 'late board briefing (6h; V4 at 1h15 + 4h → due 5h15)',
    change: { drop: isMove('brief-board'), add: [mk(360, 'executive-sponsor', 'brief-board')] },
    // board line late: 5; the board obligation (due 330) is met at 420: late, 5; the required move (8h) is on time
    // → govern 160/170 → −1.47
    changes: { 'govern.board': [5, 10], 'govern.obligation.board-notification': [5, 10] },
    total: 98.5,
  },
  {
    name: 'late escalation (V4 at 2h30, due 2h15)',
    change: { drop: isTrace('severity.classify'), add: [entry(150, 'incident-lead', { type: 'severity.classify', level: 4 })] },
    // escalation late: 5; the board clock starts at 150 (due 390) and is met at 165 → detect 65/70 → −20 × 5/70 = −1.43
    changes: { 'detect.escalation.v4-at-75': [5, 10] },
    total: 98.6,
  },
  {
    name: 'never escalated to V4',
    change: { drop: isTrace('severity.classify') },
    // escalation 0 (detect 60/70, −2.86); the board obligation never starts (regulator attention only reaches 1),
    // while the reference started it at 90: 0 (govern 160/170, −1.47)
    changes: { 'detect.escalation.v4-at-75': [0, 10], 'govern.obligation.board-notification': [0, 10] },
    total: 95.7,
  },
  {
    name: 'late classification (V3 at 1h25 after the prompt expired)',
    change: {
      drop: (e) => e.command.type === 'decision.answer' && e.command.decision === 'initial-severity',
      add: [entry(85, 'incident-lead', { type: 'severity.classify', level: 3 })],
    },
    // due 80 → late: 5; at 85 the reference is already V4 → V3 is one level under: 6; the prompt expired: 0
    // → detect 51/70 → −20 × 19/70 = −5.43
    changes: { 'detect.time-to-classify': [5, 10], 'detect.severity.first': [6, 10], 'detect.decision.initial-severity': [0, 10] },
    total: 94.6,
  },
  {
    name: 'late containment (suspension at 5h, due 4h)',
    change: {
      drop: (e) => isMove('suspend-model')(e) || isMove('activate-manual-screening')(e) || (e.command.type === 'decision.answer' && e.command.decision === 'restart-pressure'),
      add: [
        mk(300, 'technical-lead', 'suspend-model'),
        mk(315, 'business-owner', 'activate-manual-screening'),
        // The backlog now reaches 2,000 at about 2,227 (125 min at 100/h, then 60/h), so the restart prompt comes later.
        entry(2240, 'executive-sponsor', { type: 'decision.answer', decision: 'restart-pressure', options: ['hold-and-scale'] }),
      ],
    },
    // required late: 5; H = 4,845 + 310 × 0.08 = 4,869.8 → 20 × (6,918.6 − 4,869.8)/(6,918.6 − 4,849.4) = 19.80 → 19.8
    // → contain 64.8/70 → −25 × 5.2/70 = −1.86
    changes: { 'contain.required.suspend-model': [5, 10], 'contain.harm': [19.8, 20] },
    total: 98.1,
  },
  {
    name: 'the Business Owner not assigned before the start',
    change: { drop: (e) => e.command.type === 'role.assign' && e.command.role === 'business-owner' },
    // prepare 65/75 → −10 × 10/75 = −1.33
    changes: { 'prepare.role.business-owner': [0, 10] },
    total: 98.7,
  },
  {
    name: 'a readiness item no condition reads left unanswered',
    change: { drop: (e) => e.command.type === 'readiness.set' && e.command.item === 'exercise-record' },
    changes: {},
    total: 100,
  },
];

describe('scoring the flagship pack, hand-computed', () => {
  let pack: Pack;
  beforeAll(async () => {
    const loaded = await loadPack(FLAGSHIP);
    if (!loaded.ok) throw new Error(`the flagship pack does not load: ${JSON.stringify(loaded.issues.slice(0, 5))}`);
    pack = loaded.value.pack;
  });

  it.each(CASES)('$name → $total', ({ change, changes, total }) => {
    const script = change === 'nothing' ? [] : changed(pack.reference.timeline, change);
    const { header, log } = play(pack, script);
    const report = score(pack, header, log);
    expect(pointsById(report)).toEqual({ ...REFERENCE, ...changes });
    expect(report.total).toBe(total);
    expect(report.warnings).toEqual([]);
  });
});
