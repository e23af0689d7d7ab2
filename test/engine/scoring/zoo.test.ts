/**
 * The strategy zoo of the flagship: responses a V-AIM assessor would judge
 * very differently must score in the bands below, and every debrief keeps its
 * invariants (a gate statement that matches the state history, one verdict
 * per act, no harmful act called containment, no internal ids). The zoo is
 * generic (src/engine/explore/zoo.ts); the bands are the flagship's.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/engine';
import { loadPack } from '../../../src/main/packs/load-pack';
import { type Played, ZOO_TIMEOUT, biggestLoss, checkInvariants, playZoo } from './zoo-helpers';

let pack: Pack;
let zoo: Map<string, Played>;
const get = (name: string): Played => {
  const played = zoo.get(name);
  if (!played) throw new Error(`no strategy ${name}; have ${[...zoo.keys()].join(', ')}`);
  return played;
};
const total = (name: string) => get(name).report.total;

beforeAll(async () => {
  const loaded = await loadPack(fileURLToPath(new URL('../../../scenarios/biased-hiring', import.meta.url)));
  if (!loaded.ok) throw new Error('the flagship does not load');
  pack = loaded.value.pack;
  zoo = playZoo(pack);
}, ZOO_TIMEOUT);

describe('the flagship’s strategy zoo', () => {
  it('scores the reference response at least 95 and doing nothing at most 15', () => {
    expect(total('reference')).toBeGreaterThanOrEqual(95);
    expect(total('do-nothing')).toBeLessThanOrEqual(15);
  });

  it('keeps every spam policy at or below 45', () => {
    for (const name of ['spam-at-start', 'greedy-every-act', 'greedy-every-safe-act', 'greedy-every-safe-act-with-answer-key']) {
      expect(total(name), name).toBeLessThanOrEqual(45);
    }
  });

  it('puts a restart before the criteria hold at or below 60, by move and by decision, and says the gate was breached', () => {
    for (const name of ['restart-early-restart-immediately', 'restart-by-decision-restart-now', 'restart-by-decision-restart-with-review']) {
      const played = get(name);
      expect(played.report.total, name).toBeLessThanOrEqual(60);
      expect(played.debrief.gate.respected, name).toBe(false);
      expect(played.debrief.gate.statement, name).toMatch(/^Recovery gate breached: TalentLens Screen went back into service at /);
    }
    expect(get('restart-by-decision-restart-now').debrief.gate.statement).toContain('Restart TalentLens v4.2 tonight');
  });

  it('makes skipping a mandatory notification to an authority cost at least 20 and the biggest loss', () => {
    for (const name of ['skip-notify-msa', 'skip-inform-provider']) {
      const played = get(name);
      expect(played.report.total, name).toBeLessThanOrEqual(80);
      expect(biggestLoss(played)?.what, name).toMatch(/never heard from the team|never met/);
    }
    expect(biggestLoss(get('skip-notify-msa'))?.what).toContain('market surveillance authority');
    expect(biggestLoss(get('skip-notify-msa'))?.what).toContain('Art. 26(5)');
  });

  it('keeps a response whose every act is by the wrong role at or below 70', () => {
    expect(total('wrong-roles')).toBeLessThanOrEqual(70);
  });

  it('keeps V1 throughout a V4 incident at or below 70, however right the moves', () => {
    expect(total('v1-throughout')).toBeLessThanOrEqual(70);
  });

  it('lets credit decay with lateness: 2h late < reference, 1 day late ≤ 60, 3 days late lower still', () => {
    expect(total('reference-2h-late')).toBeLessThan(total('reference'));
    expect(total('reference-1d-late')).toBeLessThanOrEqual(60);
    expect(total('reference-3d-late')).toBeLessThan(total('reference-1d-late'));
    expect(total('reference-1d-late')).toBeLessThan(total('reference-2h-late'));
  });

  it('gives junk TRACE input (one-letter reflections, every option ticked) at most 2 of Learn’s 10', () => {
    expect(get('junk-trace').report.stages.learn.score).toBeLessThanOrEqual(2);
  });

  it('charges forbidden acts whenever they happen, irreversible ones most', () => {
    for (const rule of pack.reference.forbidden) {
      expect(total(`plus-${rule.move}-early`), rule.move).toBeLessThanOrEqual(total('reference') - 10);
    }
    expect(total('plus-delete-biased-logs-early')).toBeLessThanOrEqual(total('reference') - 25);
  });

  it('never counts a misleading statement as communication', () => {
    const blame = get('plus-blame-vendor-publicly-early');
    expect(blame.report.lines.find((l) => l.id === 'govern.act.blame-vendor-publicly')?.points).toBeLessThanOrEqual(-20);
    // Blaming the vendor as the only public communication: the communications the reference makes are all missed.
    expect(total('misleading-instead-of-communication')).toBeLessThanOrEqual(70);
  });

  it('charges the costly over-reactions and unneeded filings whenever they are made', () => {
    for (const move of pack.moves.filter((m) => m.cost && !m.cost.when && !pack.reference.timeline.some((e) => e.command.type === 'move.make' && e.command.move === m.id))) {
      expect(total(`plus-costly-${move.id}`), move.id).toBeLessThan(total('reference') - move.cost!.points + 0.1);
    }
    // A conditional cost applies only when its condition holds as the act is made: filing the Art. 73 report
    // in Nordhaven's own name is free before the provider could be reached, costly once it was.
    expect(total('plus-costly-file-art73-report-ourselves')).toBe(total('reference'));
    expect(total('plus-costly-notify-dpa-breach')).toBe(total('reference') - 5);
  });

  it('charges over-escalation (V5 and every notification) and an unneeded breach filing', () => {
    expect(total('over-escalate')).toBeLessThan(total('reference') - 5);
    const filing = get('over-escalate').report.lines.find((l) => l.id === 'govern.act.notify-dpa-breach');
    expect(filing?.points).toBe(-5);
    expect(filing?.reason).toContain('No personal data was lost');
  });

  it('judges an under-classification that is soon corrected mildly', () => {
    expect(total('under-classify-then-recover')).toBeGreaterThan(90);
    expect(total('under-classify-then-recover')).toBeLessThan(total('reference'));
  });

  it('keeps the debrief invariants for every strategy', () => {
    for (const played of zoo.values()) checkInvariants(pack, played);
  });
});
