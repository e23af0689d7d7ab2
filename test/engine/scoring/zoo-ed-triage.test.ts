/**
 * The strategy zoo of the ed-triage pack (issue 12, pack 3): responses a V-AIM
 * assessor would judge very differently must score in the bands, every
 * debrief keeps its invariants, every inject is reachable, and the pack's legal
 * clocks are those of DOMAIN-FACTS.md (Art. 73(2) 15 days, 73(4) 10 days for a
 * death and on suspicion, never the 2-day limit). The zoo is generic
 * (src/engine/explore/zoo.ts); the bands are the issue's, adapted where the
 * comment next to a band says why.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { entriesOf, explore, playScript, score, strategyZoo, simMinutes, type Exploration, type Pack, type ScriptEntry } from '../../../src/engine';
import { loadPack } from '../../../src/main/packs/load-pack';
import { type Played, biggestLoss, checkInvariants, playZoo } from './zoo-helpers';
import { SPAM } from './zoo-standard-bands';
import { testInjectId, testMoveId, testObligationId, testVariableId } from '../../ids';

const SEEDS = [1, 2, 7] as const;
let pack: Pack;
const zoos = new Map<number, Map<string, Played>>();
let exploration: Exploration;

const get = (name: string, seed = 1): Played => {
  const played = zoos.get(seed)?.get(name);
  if (!played) throw new Error(`no strategy ${name} for seed ${seed}; have ${[...(zoos.get(seed)?.keys() ?? [])].join(', ')}`);
  return played;
};
const total = (name: string, seed = 1) => get(name, seed).report.total;
const line = (name: string, id: string) => get(name).report.lines.find((l) => l.id === id);

beforeAll(async () => {
  const loaded = await loadPack(fileURLToPath(new URL('../../../scenarios/ed-triage', import.meta.url)));
  if (!loaded.ok) throw new Error(`the ed-triage pack does not load: ${JSON.stringify(loaded.error.issues.slice(0, 3))}`);
  pack = loaded.value.pack;
  for (const seed of SEEDS) zoos.set(seed, playZoo(pack, seed));
  exploration = explore(pack, { random: 24 });
  // Three seeded zoos and 28 explored runs: about 15 s on the shared CI machine.
}, 120_000);

/** `timeline` with the entry making `moveId` moved to scenario time `at` (kept in time order, before the end). */
function movedTo(timeline: readonly ScriptEntry[], moveId: string, at: number): ScriptEntry[] {
  const entry = timeline.find((e) => e.command.type === 'move.make' && e.command.move === moveId);
  if (!entry) throw new Error(`no reference entry makes ${moveId}`);
  const rest = timeline.filter((e) => e !== entry);
  const i = rest.findIndex((e) => e.at !== undefined && e.at > at);
  return [...rest.slice(0, i), { ...entry, at: simMinutes(at) }, ...rest.slice(i)];
}

describe('ed-triage: the strategy zoo bands', () => {
  it('scores the reference at least 95 and doing nothing at most 15, for seeds 1, 2 and 7', () => {
    for (const seed of SEEDS) {
      expect(total('reference', seed), `seed ${seed}`).toBeGreaterThanOrEqual(95);
      expect(total('do-nothing', seed), `seed ${seed}`).toBeLessThanOrEqual(15);
    }
  });

  it('keeps every spam and greedy policy at or below 45, and so the best explored non-reference policy', () => {
    for (const seed of SEEDS) {
      for (const name of SPAM) expect(total(name, seed), `${name}, seed ${seed}`).toBeLessThanOrEqual(45);
    }
    expect(exploration.best.score).toBeLessThanOrEqual(45);
    // Doing nothing, the four greedy policies and 24 random ones.
    expect(exploration.runs.map((r) => r.policy).slice(0, 5)).toEqual(['do-nothing', 'greedy-every-act', 'greedy-every-safe-act-with-answer-key', 'greedy-every-safe-act', 'greedy-every-safe-act-wrong-roles']);
    expect(exploration.runs.length).toBe(1 + 4 + 24);
  });

  it('puts a restart before the criteria hold at or below 60, by move and by decision, and says the gate was breached', () => {
    for (const name of ['restart-early-restart-with-hotfix', 'restart-by-decision-restart-with-hotfix', 'restart-by-decision-restart-double-check']) {
      const played = get(name);
      expect(played.report.total, name).toBeLessThanOrEqual(60);
      expect(played.debrief.gate.respected, name).toBe(false);
      expect(played.debrief.gate.statement, name).toMatch(/^Recovery gate breached: TriageAssist went back into service at /);
    }
    expect(get('restart-by-decision-restart-with-hotfix').debrief.gate.statement).toContain('troponin hot-fix');
  });

  it('makes skipping the reports to the authority cost at least 20 and the biggest loss, naming the authority and Art. 73', () => {
    // Two mandatory notifications here (missedCost ≥ 15): the initial serious-incident report and the report of the death.
    for (const name of ['skip-file-initial-report', 'skip-update-report-death']) {
      const played = get(name);
      expect(played.report.total, name).toBeLessThanOrEqual(80);
      expect(total('reference') - played.report.total, name).toBeGreaterThanOrEqual(20);
      expect(biggestLoss(played)?.what, name).toMatch(/market surveillance authority for AI never heard from the team as EU AI Act Art\. 73/);
    }
    expect(biggestLoss(get('skip-update-report-death'))?.what).toContain('Art. 73(4)');
  });

  it('keeps a response whose every act is by the wrong role at or below 70', () => {
    expect(total('wrong-roles')).toBeLessThanOrEqual(70);
  });

  it('keeps V1 throughout at or below 70, however right the moves', () => {
    expect(total('v1-throughout')).toBeLessThanOrEqual(70);
  });

  it('lets credit decay with lateness: 2h late < reference, 1 day late ≤ 60, 3 days late lower still', () => {
    expect(total('reference-2h-late')).toBeLessThan(total('reference'));
    expect(total('reference-1d-late')).toBeLessThanOrEqual(60);
    expect(total('reference-1d-late')).toBeLessThan(total('reference-2h-late'));
    expect(total('reference-3d-late')).toBeLessThan(total('reference-1d-late'));
  });

  it('gives junk TRACE input (one-letter reflections, every option ticked) at most 2 of Learn’s 10', () => {
    expect(get('junk-trace').report.stages.learn.score).toBeLessThanOrEqual(2);
  });

  it('charges forbidden acts whenever they happen, destroying the records’ evidence most', () => {
    for (const rule of pack.reference.forbidden) {
      expect(total(`plus-${rule.move}-early`), rule.move).toBeLessThanOrEqual(total('reference') - 10);
    }
    expect(total('plus-delete-wrong-scores-early')).toBeLessThanOrEqual(total('reference') - 25);
  });

  it('never counts blaming the laboratory as communication', () => {
    expect(line('plus-blame-lab-system-early', 'govern.act.blame-lab-system')?.points).toBeLessThanOrEqual(-20);
    expect(total('misleading-instead-of-communication')).toBeLessThanOrEqual(70);
  });

  it('charges every over-reaction and the wasted vigilance filing whenever they are made', () => {
    const costly = pack.moves.filter((m) => m.cost && !pack.reference.timeline.some((e) => e.command.type === 'move.make' && e.command.move === m.id));
    expect(costly.map((m) => m.id).sort()).toEqual(['divert-ambulances', 'notify-device-vigilance', 'recall-all-weekend-patients', 'switch-off-all-ai', 'warn-staff-keep-running']);
    for (const move of costly) expect(total(`plus-costly-${move.id}`), move.id).toBeLessThan(total('reference') - move.cost!.points + 0.1);
  });

  it('counts the over-reaction’s own harm: switching every AI tool off or diverting ambulances makes patients wait', () => {
    const reference = line('reference', 'contain.harm.extra_wait');
    expect(reference?.points).toBe(reference?.max);
    for (const name of ['plus-costly-switch-off-all-ai', 'plus-costly-divert-ambulances']) {
      const waited = line(name, 'contain.harm.extra_wait');
      expect(waited?.points, name).toBeLessThan(waited?.max ?? 0);
      expect(waited?.reason, name).toMatch(/more than the reference response/);
    }
  });

  it('judges an under-classification that is soon corrected mildly', () => {
    expect(total('under-classify-then-recover')).toBeGreaterThan(90);
    expect(total('under-classify-then-recover')).toBeLessThan(total('reference'));
  });

  it('keeps the debrief invariants for every strategy and seed', () => {
    for (const seed of SEEDS) for (const played of zoos.get(seed)!.values()) checkInvariants(pack, played);
  });
});

describe('ed-triage: branches and reachability', () => {
  it('fires every inject in at least one zoo or explored run', () => {
    const fired = new Set(Object.entries(exploration.coverage.injects).filter(([, n]) => n > 0).map(([id]) => id));
    for (const seed of SEEDS) {
      for (const strategy of strategyZoo(pack)) {
        for (const id of Object.keys(playScript(pack, strategy.script, { seed, skipRefused: true }).state.fired)) fired.add(id);
      }
    }
    expect(pack.injects.map((i) => i.id).filter((id) => !fired.has(id))).toEqual([]);
    expect(entriesOf(exploration.coverage.decisions).filter(([, n]) => n === 0)).toEqual([]);
  });

  it('containment without staff is a second harm: the reference minus the flex pool leaves patients waiting', () => {
    const unstaffed = playScript(pack, pack.reference.timeline.filter((e) => !(e.command.type === 'move.make' && e.command.move === 'call-in-triage-staff')), { seed: 1 });
    const reference = playScript(pack, pack.reference.timeline, { seed: 1 });
    const waited = (run: typeof reference) => run.state.vars[testVariableId('extra_wait')] as number;
    // The reference: 5 patient-hours an hour from the switch-off to the staff's arrival (90 minutes later).
    const suspendedAt = reference.state.fired[testInjectId('suspension-confirmed')]!;
    const staffAt = reference.state.moves.find((m) => m.moveId === 'call-in-triage-staff')!.at + 90;
    expect(waited(reference)).toBeCloseTo((5 * (staffAt - suspendedAt)) / 60, 6);
    // Without the staff the queue compounds after three hours, until the restart decision's "hold and staff".
    expect(unstaffed.state.fired[testInjectId('fallback-improvised')]).toBe(suspendedAt + 180);
    expect(waited(unstaffed)).toBeGreaterThan(waited(reference) * 10);
    // Crowding harms: past 60 patient-hours a patient who left without being seen comes back seriously ill.
    expect(unstaffed.state.fired[testInjectId('left-without-being-seen')]).toBeDefined();
    expect(reference.state.fired[testInjectId('left-without-being-seen')]).toBeUndefined();
    expect(unstaffed.state.vars[testVariableId('seriously_harmed')]).toBe(2);
    const report = score(pack, unstaffed.header, unstaffed.log);
    expect(report.lines.find((l) => l.id === 'contain.harm.extra_wait')?.points).toBe(0);
    expect(report.lines.find((l) => l.id === 'contain.harm.seriously_harmed')?.points).toBe(0);
    expect(report.total).toBeLessThan(total('reference') - 5);
  });

  it('re-triaging the waiting room in time is what spares the second patient', () => {
    const late = playScript(pack, pack.reference.timeline.filter((e) => !(e.command.type === 'move.make' && e.command.move === 'retriage-waiting-room')), { seed: 1 });
    expect(late.state.fired[testInjectId('waiting-room-deterioration')]).toBe(4 * 60 + 30);
    expect(late.state.vars[testVariableId('seriously_harmed')]).toBe(2);
    expect(get('reference').report.lines.find((l) => l.id === 'contain.harm.seriously_harmed')?.points).toBe(10);
  });

  it('the hot-fix breaks the other deployer’s correct values and is rolled back', () => {
    const script = strategyZoo(pack).find((s) => s.name === 'plus-hotfix-unit-conversion-early')!.script;
    const played = playScript(pack, script, { seed: 1, skipRefused: true });
    const hotfixAt = played.state.moves.find((m) => m.moveId === 'hotfix-unit-conversion')!.at;
    // 20 minutes to patch, three hours until Kempenland's waiting room shows it.
    expect(played.state.fired[testInjectId('hotfix-side-effect')]).toBe(hotfixAt + 20 + 180);
    expect(played.state.fired[testInjectId('hotfix-discovered')]).toBeDefined();
    // The system was altered before the evidence was secured.
    expect(line('plus-hotfix-unit-conversion-early', 'contain.evidence')?.points).toBe(0);
  });
});

describe('ed-triage: the legal clocks agree with DOMAIN-FACTS.md', () => {
  const obligation = (id: string) => pack.obligations.find((o) => o.id === id) ?? expect.fail(`no obligation ${id}`);

  it('NUH is provider and deployer, and its own Legal lead owns the Art. 73 reports', () => {
    expect(pack.system.ourRole).toBe('provider-and-deployer');
    expect(pack.system.riskClass).toMatch(/Annex III point 5\(d\)/);
    for (const id of ['serious-incident-report', 'death-report']) expect(obligation(id).owner).toBe('legal-lead');
  });

  it('serious harm: 15 days at the latest (Art. 73(2)); a death: 10 days (Art. 73(4)); never the 2-day limit', () => {
    expect(obligation('serious-incident-report')).toMatchObject({ deadline: 15 * 24 * 60, basis: expect.stringContaining('Art. 73(1), (2)') });
    expect(obligation('death-report')).toMatchObject({ deadline: 10 * 24 * 60, basis: expect.stringContaining('Art. 73(4)') });
    for (const o of pack.obligations.filter((x) => x.basis.includes('Art. 73'))) expect(o.deadline, o.id).not.toBe(2 * 24 * 60);
  });

  it('a death shortens the clock to a report on suspicion: the reference’s confirmed fault makes it due a day after the death', () => {
    const reference = playScript(pack, pack.reference.timeline, { seed: 1 });
    const death = reference.state.fired[testInjectId('patient-death')]!;
    expect(reference.state.obligations[testObligationId('death-report')]).toMatchObject({ status: 'met', triggeredAt: death, dueAt: death + 24 * 60 });
    // A team that never confirmed the fault still has the 10-day outer limit, and misses it by doing nothing.
    const nothing = playScript(pack, [], { seed: 1 });
    expect(nothing.state.obligations[testObligationId('death-report')]).toMatchObject({ status: 'overdue', triggeredAt: death, dueAt: death + 10 * 24 * 60 });
    const harm = nothing.state.fired[testInjectId('patient-safety-report')]!;
    expect(nothing.state.obligations[testObligationId('serious-incident-report')]).toMatchObject({ status: 'overdue', triggeredAt: harm, dueAt: harm + 15 * 24 * 60 });
  });

  it('the initial report on suspicion meets the Art. 73 clock, and informs the authority for the deployer too', () => {
    const reference = playScript(pack, pack.reference.timeline, { seed: 1 });
    expect(reference.state.obligations[testObligationId('serious-incident-report')]).toMatchObject({ status: 'met', metWith: 'file-initial-report' });
    expect(reference.state.vars[testVariableId('msa_informed')]).toBe(true);
    // One act, one clock: no other obligation is met by the same report (one verdict per act).
    expect(pack.obligations.filter((o) => o.satisfiedBy.includes(testMoveId('file-initial-report'))).map((o) => o.id)).toEqual(['serious-incident-report']);
    // Waiting a day "for the causal link" after the fault was confirmed is late.
    const late = playScript(pack, movedTo(pack.reference.timeline, 'file-initial-report', 26 * 60), { seed: 1 });
    expect(late.state.obligations[testObligationId('serious-incident-report')]?.status).toBe('met-late');
  });

  it('the medical-device route is an unneeded, costly filing here (Art. 73(10) does not apply)', () => {
    const filing = line('plus-costly-notify-device-vigilance', 'govern.act.notify-device-vigilance');
    expect(filing?.points).toBe(-4);
    expect(filing?.reason).toContain('Art. 73(10) does not apply');
  });
});

describe('ed-triage: the numbers of the header comment agree with the pack', () => {
  const numberVar = (id: string) => {
    const v = pack.variables.find((x) => x.id === id);
    if (v?.type !== 'number') throw new Error(`${id} is not a number variable`);
    return v;
  };

  it('about 18 missed upgrades a day (0.75 an hour) since 02:14 on Sunday make about 22 patients by T0', () => {
    expect(pack.situation).toContain('Sunday at 02:14');
    const hours = (Date.parse(pack.clock.start) - Date.parse('2028-01-16T02:14:00+01:00')) / 3_600_000;
    expect(hours).toBeCloseTo(29.27, 2);
    // 6.1% of 312 patients a day were moved up (19); one in 29 hours since: 18 a day missed.
    expect(Math.round(0.061 * 312)).toBe(19);
    expect(numberVar('harm_rate').initial).toBe(18 / 24);
    expect(numberVar(pack.metrics.harm).initial).toBe(Math.round((18 / 24) * hours));
  });

  it('manual triage without extra staff: 13 patients an hour each waiting about 23 minutes longer ≈ 5 patient-hours an hour', () => {
    expect(Math.round((312 / 24) * (23 / 60))).toBe(5);
    for (const id of ['suspension-confirmed', 'suspension-by-hand']) {
      expect(pack.injects.find((i) => i.id === id)?.effects).toContainEqual({ set: 'wait_rate', to: 5 });
    }
  });

  it('the 10-day limit for the death ends on the Friday the reminder names', () => {
    const death = pack.injects.find((i) => i.id === 'patient-death')!;
    const limit = new Date(Date.parse(pack.clock.start) + ((death.at ?? 0) + 10 * 24 * 60) * 60_000 + 60 * 60_000);
    expect(limit.toISOString().slice(0, 10)).toBe('2028-01-28');
    expect(limit.getUTCDay()).toBe(5);
    expect(pack.injects.find((i) => i.id === 'art73-reminder')?.title).toContain('Friday 28 January');
  });
});
