/**
 * The strategy zoo of the recommendation-oddity pack (issue 12, pack 5): a
 * harmless V1 oddity whose right response is proportionate. The issue's
 * bands, adapted where a comment says why — this pack has no mandatory
 * notification, the reference never takes the widget out of service, and the
 * "under-classified throughout" band becomes "over-escalated throughout" —
 * plus the issue's own requirement: escalating to V4 with filings scores at
 * least 20 points below the proportionate reference.
 */
import { testMoveId, testRunId, testVariableId, testOptionId } from '../../ids';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDebrief, playScript, score, type Pack, simMinutes } from '../../../src/engine';
import type { ScriptEntry } from '../../../src/engine/script';
import { plus, plusTo, severityThroughout } from '../../../src/engine/explore/zoo';
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

/** Plays a script (seed 1 unless given) and scores it; also returns the final state. */
function playCustom(name: string, script: readonly ScriptEntry[], seed = 1) {
  const run = playScript(pack, script, { seed, skipRefused: true, runId: testRunId(`zoo-${name}`) });
  const played: Played = { name, report: score(pack, run.header, run.log), debrief: buildDebrief(pack, run.header, run.log), skipped: run.skipped.length };
  return { played, state: run.state, skipped: run.skipped };
}

const custom = new Map<string, ReturnType<typeof playCustom>>();
const firstSignal = 10; // the item-share check warns at 09:10 for the prepared reference team

beforeAll(async () => {
  const loaded = await loadPack(fileURLToPath(new URL('../../../scenarios/recommendation-oddity', import.meta.url)));
  if (!loaded.ok) throw new Error('the recommendation-oddity pack does not load');
  pack = loaded.value.pack;
  zoo = playZoo(pack);
  const filings = [act(firstSignal + 5, 'legal-lead', 'notify-dpa-breach'), act(firstSignal + 5, 'legal-lead', 'report-art73')];
  const strategies: Record<string, ScriptEntry[]> = {
    // The over-escalation: V4 on the first signal and the regulator filings…
    'v4-with-filings': plusTo(severityThroughout(pack, 4), filings),
    // …and the same, following its own V4 policy to the letter (the board within four hours).
    'v4-with-filings-and-board': plusTo(severityThroughout(pack, 4), [...filings, act(firstSignal + 10, 'executive-sponsor', 'board-crisis-briefing')]),
    // The over-reaction and the flip-flop: switch the widget off at the first signal, back on before the triage.
    'switch-off-then-on-before-triage': plus(pack, [act(16, 'business-owner', 'switch-off-recommendations'), act(30, 'business-owner', 'switch-recommendations-back-on')]),
    // The same, but switched back on only once the triage (09:50) and the snapshot (09:45) are in.
    'switch-off-then-on-after-triage': plus(pack, [act(16, 'business-owner', 'switch-off-recommendations'), act(55, 'business-owner', 'switch-recommendations-back-on')]),
    // Every AI system on the site off at the first signal, restored as soon as the switch-off has taken effect.
    'site-ai-off-then-on': plus(pack, [act(16, 'executive-sponsor', 'switch-off-site-ai'), act(50, 'executive-sponsor', 'restore-site-ai')]),
    // The CEO's "switch it all off", taken literally through the prompt; back on the next morning.
    'ceo-switch-off': plusTo(
      pack.reference.timeline.map((e) => (e.command.type === 'decision.answer' && e.command.decision === 'ceo-question' ? { ...e, command: { ...e.command, options: [testOptionId('switch-everything-off')] } } : e)),
      [act(24 * h, 'business-owner', 'switch-recommendations-back-on')],
    ),
    // The fix pushed this afternoon as an emergency change instead of the nightly standard change.
    'emergency-instead-of-standard': plusTo(
      pack.reference.timeline.filter((e) => moveOf(e) !== 'raise-standard-change' && moveOf(e) !== 'test-fix-in-staging'),
      [act(4 * h + 20, 'technical-lead', 'emergency-release-now')],
    ),
  };
  for (const [name, script] of Object.entries(strategies)) custom.set(name, playCustom(name, script));
  // Playing some forty runs takes seconds; on a busy machine more than the default hook timeout.
}, 120_000);

describe('the recommendation-oddity pack’s strategy zoo', () => {
  it('scores the proportionate reference at least 95 and doing nothing at most 15', () => {
    expect(total('reference')).toBeGreaterThanOrEqual(95);
    expect(total('do-nothing')).toBeLessThanOrEqual(15);
  });

  it('puts escalating to V4 with regulator filings at least 20 points below the proportionate reference', () => {
    for (const name of ['v4-with-filings', 'v4-with-filings-and-board']) {
      const played = custom.get(name)!.played;
      expect(played.report.total, name).toBeLessThanOrEqual(total('reference') - 20);
      // The filings are charged with the reasons the pack gives, not as generic unneeded filings.
      expect(played.report.lines.find((l) => l.id === 'govern.act.notify-dpa-breach')?.reason, name).toContain('no breach');
      expect(played.report.lines.find((l) => l.id === 'govern.act.report-art73')?.reason, name).toContain('not an Annex III system');
    }
    // A V4 that ignores its own policy's board step is no better than one that follows it.
    expect(custom.get('v4-with-filings')!.played.report.lines.find((l) => l.id === 'govern.obligation.board-v4.missed')?.points).toBe(-5);
  });

  // Adapted band: in a V1 pack the dangerous misreading is over-classification, so "under-classified
  // throughout ≤ 70" becomes "over-escalated throughout (V5 and every notification) ≤ 70".
  it('keeps over-escalation throughout (V5 and every notification) at or below 70', () => {
    expect(total('over-escalate')).toBeLessThanOrEqual(70);
    expect(total('v1-throughout')).toBe(total('reference')); // V1 throughout *is* the reference here
  });

  it('keeps every spam and greedy policy at or below 45 — they make every over-reaction', () => {
    for (const name of SPAM) expect(total(name), name).toBeLessThanOrEqual(45);
  });

  // Adapted band: the reference never takes the widget out of service, so the zoo's "restart as soon as
  // possible" strategies equal the reference. The breach is built here: switch the widget (or every site AI
  // system) off at the first signal and back on before the triage has shown it is harmless. Nothing is
  // harmed by the widget coming back — the oddity was harmless — so the breach costs its 25 points plus the
  // switch-off's own price, and the band is ≤ 70 (at least 30 below the reference) rather than ≤ 60.
  it('breaches the gate when the widget goes back on before the triage, and says so', () => {
    expect(total('restart-early-switch-recommendations-back-on')).toBe(total('reference'));
    for (const name of ['switch-off-then-on-before-triage']) {
      const played = custom.get(name)!.played;
      expect(played.report.total, name).toBeLessThanOrEqual(70);
      expect(played.report.total, name).toBeLessThanOrEqual(total('reference') - 30);
      expect(played.debrief.gate.respected, name).toBe(false);
      expect(played.debrief.gate.statement, name).toMatch(/^Recovery gate breached: Larkspur Picks went back into service at /);
      expect(biggestLoss(played)?.what, name).toContain('went back into service');
    }
    // After the triage, switching back on is the right correction of the over-reaction: no breach.
    const after = custom.get('switch-off-then-on-after-triage')!.played;
    expect(after.debrief.gate.respected).toBe(true);
    expect(after.report.total).toBeGreaterThan(custom.get('switch-off-then-on-before-triage')!.played.report.total);
    expect(after.report.total).toBeLessThanOrEqual(total('reference') - 6);
    // Switching every site AI system off takes half an hour and restoring it another: by then the triage is
    // in, so there is no breach — but fraud screening and search were off for an hour, for nothing.
    const siteAi = custom.get('site-ai-off-then-on')!.played;
    expect(siteAi.debrief.gate.respected).toBe(true);
    expect(siteAi.report.total).toBeLessThanOrEqual(total('reference') - 8);
  });

  it('counts the over-reaction’s own harm: the sales lost while the widget is off', () => {
    const off = custom.get('ceo-switch-off')!;
    expect(off.state.vars[testVariableId('sales_lost_off')]).toBeGreaterThan(20_000); // about €1,400 an hour for about 21 hours
    const line = off.played.report.lines.find((l) => l.id === 'contain.harm.sales_lost_off');
    expect(line?.points).toBe(0);
    expect(off.played.report.lines.find((l) => l.id === 'govern.act.ceo-question')?.points).toBe(-6);
    expect(off.played.report.total).toBeLessThanOrEqual(total('reference') - 10);
  });

  // Adapted band: this pack owes no authority any notification (not a high-risk system, no serious incident,
  // no personal-data breach), so the zoo has no "skip a mandatory notification" strategy. Its one standing
  // clock is Larkspur's own incident register, whose miss costs 5 — a policy lapse, not a regulatory breach.
  it('has no mandatory notification to an authority, and charges skipping the incident register', () => {
    expect(pack.obligations.filter((o) => (o.missedCost ?? 15) >= 15)).toEqual([]);
    expect([...zoo.keys()].filter((n) => n.startsWith('skip-'))).toEqual([]);
    const skipped = playCustom('skip-register', pack.reference.timeline.filter((e) => moveOf(e) !== 'log-in-incident-register')).played;
    expect(skipped.report.total).toBeLessThanOrEqual(total('reference') - 5);
    expect(skipped.report.lines.find((l) => l.id === 'govern.obligation.register-record.missed')?.points).toBe(-5);
  });

  it('keeps a response whose every act is by the wrong role at or below 70', () => {
    expect(total('wrong-roles')).toBeLessThanOrEqual(70);
  });

  // The 2-day drill has one release a night, so one day late means the fix ships a night later; that is the
  // pack's "1 day late" and the band holds as it is.
  it('lets credit decay with lateness: 2h late < reference, 1 day late ≤ 60, 3 days late lower still', () => {
    expect(total('reference-2h-late')).toBeLessThan(total('reference'));
    expect(total('reference-1d-late')).toBeLessThanOrEqual(60);
    expect(total('reference-1d-late')).toBeLessThan(total('reference-2h-late'));
    expect(total('reference-3d-late')).toBeLessThanOrEqual(total('reference-1d-late'));
  });

  it('gives junk TRACE input at most 2 of Learn’s 10', () => {
    expect(get('junk-trace').report.stages.learn.score).toBeLessThanOrEqual(2);
  });

  it('charges the forbidden hand patch and the denial whenever they are made', () => {
    for (const rule of pack.reference.forbidden) expect(total(`plus-${rule.move}-early`), rule.move).toBeLessThanOrEqual(total('reference') - 10);
    const deny = get('plus-deny-to-blogger-early');
    expect(deny.report.lines.find((l) => l.id === 'govern.act.deny-to-blogger')?.points).toBeLessThanOrEqual(-20);
    // The hand patch alters the live model before the evidence is kept: the evidence line is lost too.
    expect(get('plus-hand-patch-live-model-early').report.lines.find((l) => l.id === 'contain.evidence')?.points).toBe(0);
  });

  it('charges every over-reaction whenever it is made', () => {
    for (const move of pack.moves.filter((m) => m.cost)) {
      expect(total(`plus-costly-${move.id}`), move.id).toBeLessThan(total('reference') - move.cost!.points + 0.1);
    }
    const emergency = custom.get('emergency-instead-of-standard')!.played;
    expect(emergency.report.total).toBeLessThan(total('reference') - 4);
  });

  it('keeps the debrief invariants for every strategy', () => {
    for (const played of zoo.values()) checkInvariants(pack, played);
    for (const { played } of custom.values()) checkInvariants(pack, played);
  });

  it('reaches every inject in some zoo or exploration run', { timeout: 60_000 }, () => {
    expect(injectsNeverReached(pack, zoo, custom.values())).toEqual([]);
  });
});

describe('the recommendation-oddity bands on other seeds', () => {
  it.each([2, 7])('holds the main bands with seed %i', { timeout: 60_000 }, (seed) => {
    const ceilings = { 'wrong-roles': 70, 'over-escalate': 70, 'reference-1d-late': 60 };
    const again = playSome(pack, seed, bandNames(ceilings, 'spam-at-start', 'greedy-every-act', 'greedy-every-safe-act', 'greedy-every-safe-act-with-answer-key', 'junk-trace'));
    expectSeedBands(pack, again, ceilings);
    const v4 = playCustom('v4-with-filings', plusTo(severityThroughout(pack, 4), [act(firstSignal + 5, 'legal-lead', 'notify-dpa-breach'), act(firstSignal + 5, 'legal-lead', 'report-art73')]), seed).played;
    expect(v4.report.total).toBeLessThanOrEqual(again.get('reference')!.report.total - 20);
  });
});
