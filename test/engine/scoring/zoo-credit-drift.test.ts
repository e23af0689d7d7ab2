/**
 * The strategy zoo of the credit-drift pack (issue 12, pack 1): a bank's
 * credit model drifting after a macro shift, V2 rising to V3, where DORA
 * applies only to an ICT-related incident (the outage branch) and not to the
 * drift. The generic zoo (src/engine/explore/zoo.ts) plus the strategies this
 * pack needs of its own; the bands are the issue's, adapted where a comment
 * says why.
 */
import { testInjectId, testMoveId, testObligationId, testRunId } from '../../ids';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDebrief, playScript, score, type Pack, simMinutes } from '../../../src/engine';
import type { ScriptEntry } from '../../../src/engine/script';
import { plus, plusTo } from '../../../src/engine/explore/zoo';
import { loadPack } from '../../../src/main/packs/load-pack';
import { type Played, biggestLoss, checkInvariants, injectsNeverReached, playZoo } from './zoo-helpers';
import { bandNames, expectSeedBands, playSome, SPAM } from './zoo-standard-bands';

let pack: Pack;
let zoo: Map<string, Played>;
const get = (name: string): Played => {
  const played = zoo.get(name);
  if (!played) throw new Error(`no strategy ${name}; have ${[...zoo.keys()].join(', ')}`);
  return played;
};
const total = (name: string) => get(name).report.total;

const act = (at: number, by: ScriptEntry['by'], move: string): ScriptEntry => ({ at: simMinutes(at), by, command: { type: 'move.make', move: testMoveId(move) } });
const moveOf = (e: ScriptEntry) => (e.command.type === 'move.make' ? e.command.move : undefined);
const h = 60;
const d = 24 * h;

/** Plays a script (seed 1 unless given) and scores it; also returns the final state. */
function playCustom(name: string, script: readonly ScriptEntry[], seed = 1) {
  const run = playScript(pack, script, { seed, skipRefused: true, runId: testRunId(`zoo-${name}`) });
  const played: Played = { name, report: score(pack, run.header, run.log), debrief: buildDebrief(pack, run.header, run.log), skipped: run.skipped.length };
  return { played, state: run.state, skipped: run.skipped };
}

/**
 * The outage branch: the reference plus the data scientist's untested v3.1
 * pushed to production (10 minutes after her 19:00 offer), which breaks the
 * scoring API. `report` decides whether the Incident Lead then classifies the
 * outage and files the DORA reports.
 */
function outageBranch(report: boolean): ScriptEntry[] {
  const extra = [act(10 * h + 40, 'technical-lead', 'hot-deploy-v31'), act(12 * h, 'incident-lead', 'classify-ict-incident')];
  if (report) {
    extra.push(
      act(13 * h, 'incident-lead', 'file-dora-initial'),
      // Late enough for the calendar reminder (2 days after the acknowledgement), inside the 72 hours.
      act(2 * d + 17 * h, 'incident-lead', 'file-dora-intermediate'),
      act(2 * d + 20 * h, 'incident-lead', 'file-dora-final'),
    );
  }
  return plus(pack, extra);
}

const custom = new Map<string, ReturnType<typeof playCustom>>();

beforeAll(async () => {
  const loaded = await loadPack(fileURLToPath(new URL('../../../scenarios/credit-drift', import.meta.url)));
  if (!loaded.ok) throw new Error('the credit-drift pack does not load');
  pack = loaded.value.pack;
  zoo = playZoo(pack);
  const withSuspension = pack.reference.timeline.map((e) => (moveOf(e) === 'apply-overlay' ? { ...e, command: { type: 'move.make' as const, move: testMoveId('suspend-automated-decisions') } } : e));
  const strategies: Record<string, ScriptEntry[]> = {
    'outage-reported': outageBranch(true),
    'outage-not-reported': outageBranch(false),
    // Suspend every automated decision instead of the overlay, then lift the suspension that evening.
    'suspend-then-lift-early': plusTo(withSuspension, [act(8 * h, 'business-owner', 'lift-suspension')]),
    // Halt all lending on the first signal, resume two hours later while v3.0 still drifts.
    'halt-then-resume-early': plus(pack, [act(40, 'executive-sponsor', 'halt-all-lending'), act(2 * h + 30, 'executive-sponsor', 'resume-lending')]),
    // Suspension instead of the overlay, held to the validated restart: an acceptable, costlier containment.
    'suspend-instead-of-overlay': withSuspension,
  };
  for (const [name, script] of Object.entries(strategies)) custom.set(name, playCustom(name, script));
  // Playing some fifty runs takes seconds; on a busy machine more than the default hook timeout.
}, 120_000);

describe('the credit-drift pack’s strategy zoo', () => {
  it('scores the reference response at least 95 and doing nothing at most 15', () => {
    expect(total('reference')).toBeGreaterThanOrEqual(95);
    expect(total('do-nothing')).toBeLessThanOrEqual(15);
  });

  it('keeps every spam and greedy policy at or below 45', () => {
    for (const name of SPAM) expect(total(name), name).toBeLessThanOrEqual(45);
  });

  it('puts every return to service before the criteria hold at or below 60 and says the gate was breached', () => {
    const breaches = [
      get('restart-early-remove-overlay'),
      get('restart-by-decision-remove-overlay'),
      get('restart-by-decision-remove-for-brokers'),
      custom.get('suspend-then-lift-early')!.played,
    ];
    for (const played of breaches) {
      expect(played.report.total, played.name).toBeLessThanOrEqual(60);
      expect(played.debrief.gate.respected, played.name).toBe(false);
      expect(played.debrief.gate.statement, played.name).toMatch(/^Recovery gate breached: ScoreLine v3 went back into service at /);
    }
    expect(get('restart-by-decision-remove-overlay').debrief.gate.statement).toContain('Lift the overlay tonight');
    // Resuming lending after a halt is a return to service too: the drifting model decides again. Adapted
    // band: here the halt and the resumption both come before the reference's own overlay (12:35), so the
    // restart adds no harm beyond what the team would have caused by never halting; the response pays the
    // halt's cost and the breach (at least 30 below the reference), not the ≤ 60 of a restart that renews harm.
    const flipFlop = custom.get('halt-then-resume-early')!.played;
    expect(flipFlop.debrief.gate.respected).toBe(false);
    expect(flipFlop.debrief.gate.statement).toContain('Resume consumer lending');
    expect(flipFlop.report.total).toBeLessThanOrEqual(total('reference') - 30);
  });

  // Adapted band. The reference owes no authority a notification: the drift is not a serious incident
  // (Art. 3(49)), not an ICT-related incident (DORA) and not a data breach (GDPR Art. 33), so the zoo has no
  // "skip a mandatory notification" strategy. The band is checked where a mandatory notification does apply:
  // in the outage branch, DORA's initial notification (4 h from classification as major, 24 h from awareness).
  it('makes skipping the DORA initial notification in the outage branch cost at least 15, at most 80, and the biggest loss', () => {
    const reported = custom.get('outage-reported')!;
    const skipped = custom.get('outage-not-reported')!;
    expect(skipped.played.report.total).toBeLessThanOrEqual(80);
    expect(skipped.played.report.total).toBeLessThanOrEqual(reported.played.report.total - 15);
    expect(biggestLoss(skipped.played)?.what).toMatch(/never heard from the team/);
    expect(biggestLoss(skipped.played)?.what).toContain('Delegated Reg. (EU) 2025/301');
  });

  it('runs the DORA clocks as Delegated Regulation 2025/301 sets them: 4 h from classification within 24 h of awareness, then 72 h, then a month', () => {
    const { state, played } = custom.get('outage-reported')!;
    const outageAt = state.fired[testInjectId('platform-outage')]!;
    const initial = state.obligations[testObligationId('dora-initial')]!;
    expect(initial.triggeredAt).toBe(outageAt);
    // Classified major at 12:00 + 30 minutes: the 4-hour limb (16:30) comes before the 24-hour outer limit.
    expect(initial.dueAt).toBe(12 * h + 30 + 4 * h);
    expect(initial.dueAt).toBeLessThan(outageAt + 24 * h);
    expect(initial.status).toBe('met');
    const intermediate = state.obligations[testObligationId('dora-intermediate')]!;
    expect(intermediate.triggeredAt).toBe(14 * h); // when the initial notification was submitted (effective)
    expect(intermediate.dueAt).toBe(14 * h + 72 * h);
    expect(intermediate.status).toBe('met');
    expect(state.obligations[testObligationId('dora-final')]!.dueAt - state.obligations[testObligationId('dora-final')]!.triggeredAt).toBe(30 * d);
    // The hot deployment is still forbidden, and the outage still costs the applicants turned away.
    expect(played.report.total).toBeLessThanOrEqual(total('reference') - 10);
    expect(state.fired[testInjectId('dora-intermediate-reminder')]).toBeDefined();
  });

  it('charges a DORA filing for the drift itself: no ICT-related incident, no DORA report', () => {
    const filing = get('plus-costly-file-dora-drift-notification');
    const line = filing.report.lines.find((l) => l.id === 'govern.act.file-dora-drift-notification');
    expect(line?.points).toBe(-5);
    expect(line?.reason).toContain('ICT-related incident');
    expect(filing.report.total).toBe(total('reference') - 5);
    // …and the DORA obligations never start in the reference: only an ICT-related incident starts them.
    expect(get('reference').report.lines.find((l) => l.id === 'govern.obligation.dora-initial')?.kind).toBe('not-applicable');
  });

  it('keeps a response whose every act is by the wrong role at or below 70', () => {
    expect(total('wrong-roles')).toBeLessThanOrEqual(70);
  });

  it('keeps V1 throughout a V2→V3 incident at or below 70, however right the other acts', () => {
    expect(total('v1-throughout')).toBeLessThanOrEqual(70);
  });

  it('lets credit decay with lateness: 2h late < reference, 1 day late ≤ 60, 3 days late lower still', () => {
    expect(total('reference-2h-late')).toBeLessThan(total('reference'));
    expect(total('reference-1d-late')).toBeLessThanOrEqual(60);
    expect(total('reference-1d-late')).toBeLessThan(total('reference-2h-late'));
    expect(total('reference-3d-late')).toBeLessThanOrEqual(total('reference-1d-late'));
  });

  it('gives junk TRACE input at most 2 of Learn’s 10', () => {
    expect(get('junk-trace').report.stages.learn.score).toBeLessThanOrEqual(2);
  });

  it('charges forbidden acts whenever they are made, the irreversible purge most', () => {
    for (const rule of pack.reference.forbidden) {
      const played = get(`plus-${rule.move}-early`);
      const made = played.report.lines.some((l) => l.id.endsWith(`.act.${rule.move}`));
      // Lifting a suspension cannot be made on top of the reference (it never suspends): checked below.
      if (!made) {
        expect(rule.move, 'only lift-suspension is unreachable on top of the reference').toBe('lift-suspension');
        continue;
      }
      expect(played.report.total, rule.move).toBeLessThanOrEqual(total('reference') - 10);
    }
    expect(custom.get('suspend-then-lift-early')!.played.report.lines.find((l) => l.id === 'recover.act.lift-suspension')?.points).toBe(-10);
    expect(total('plus-purge-feature-snapshots-early')).toBeLessThanOrEqual(total('reference') - 25);
  });

  it('never counts blaming the economy as communication', () => {
    const blame = get('plus-blame-economy-publicly-early');
    expect(blame.report.lines.find((l) => l.id === 'govern.act.blame-economy-publicly')?.points).toBeLessThanOrEqual(-20);
    expect(total('misleading-instead-of-communication')).toBeLessThanOrEqual(70);
  });

  it('charges the over-reactions and unneeded filings whenever they are made', () => {
    for (const move of pack.moves.filter((m) => m.cost && !pack.reference.timeline.some((e) => moveOf(e) === m.id))) {
      expect(total(`plus-costly-${move.id}`), move.id).toBeLessThan(total('reference') - move.cost!.points + 0.1);
    }
    // Halting all lending costs more than its own price: the creditworthy applicants it turns away are harm too.
    const halt = get('plus-costly-halt-all-lending');
    expect(halt.report.lines.find((l) => l.id === 'contain.harm.turned_away')?.points).toBeLessThan(10);
  });

  it('judges a suspension of every automated decision as containment, but below the proportionate overlay', () => {
    const suspension = custom.get('suspend-instead-of-overlay')!.played;
    expect(suspension.debrief.gate.respected).toBe(true);
    expect(suspension.report.lines.find((l) => l.id === 'contain.required.apply-overlay|suspend-automated-decisions')?.points).toBe(10);
    expect(suspension.report.lines.find((l) => l.id === 'contain.act.suspend-automated-decisions')?.points).toBe(-3);
    expect(suspension.report.total).toBeGreaterThan(80);
    expect(suspension.report.total).toBeLessThanOrEqual(total('reference') - 5);
  });

  it('charges over-escalation (V5 and every filing) and judges a soon-corrected under-classification mildly', () => {
    expect(total('over-escalate')).toBeLessThan(total('reference') - 10);
    expect(total('under-classify-then-recover')).toBeGreaterThan(90);
    expect(total('under-classify-then-recover')).toBeLessThan(total('reference'));
  });

  it('keeps the debrief invariants for every strategy', () => {
    for (const played of zoo.values()) checkInvariants(pack, played);
    for (const { played } of custom.values()) checkInvariants(pack, played);
  });

  it('reaches every inject in some zoo or exploration run', { timeout: 60_000 }, () => {
    expect(injectsNeverReached(pack, zoo, custom.values())).toEqual([]);
  });
});

describe('the credit-drift bands on other seeds', () => {
  it.each([2, 7])('holds the main bands with seed %i', { timeout: 60_000 }, (seed) => {
    const ceilings = { 'wrong-roles': 70, 'v1-throughout': 70, 'reference-1d-late': 60, 'restart-by-decision-remove-overlay': 60 };
    expectSeedBands(pack, playSome(pack, seed, bandNames(ceilings, 'spam-at-start', 'greedy-every-act', 'greedy-every-safe-act', 'greedy-every-safe-act-with-answer-key', 'junk-trace')), ceilings);
  });
});
