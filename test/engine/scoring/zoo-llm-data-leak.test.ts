/**
 * The strategy zoo of the llm-data-leak pack (a customer-service LLM assistant
 * leaking other customers' bookings through prompt injection): the issue's
 * bands, adapted where the pack says why, the pack's own traps, its legal
 * facts against DOMAIN-FACTS.md, every inject reachable, and the debrief
 * invariants for every strategy and seeds 1, 2 and 7.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDebrief, explore, playScript, score, strategyZoo, type Pack } from '../../../src/engine';
import { plusTo, without } from '../../../src/engine/explore/zoo';
import type { ScriptEntry } from '../../../src/engine/script';
import { loadPack } from '../../../src/main/packs/load-pack';
import { type Played, biggestLoss, checkInvariants, playZoo } from './zoo-helpers';

let pack: Pack;
let zoo: Map<string, Played>;
const get = (name: string): Played => {
  const played = zoo.get(name);
  if (!played) throw new Error(`no strategy ${name}; have ${[...zoo.keys()].join(', ')}`);
  return played;
};
const total = (name: string) => get(name).report.total;

/** A variant of the reference, played and scored with seed 1. */
function playVariant(name: string, script: readonly ScriptEntry[]): Played & { fired: Readonly<Record<string, number>> } {
  const run = playScript(pack, script, { seed: 1, skipRefused: true, runId: `variant-${name}` });
  return { name, report: score(pack, run.header, run.log), debrief: buildDebrief(pack, run.header, run.log), skipped: run.skipped.length, fired: run.state.fired };
}
const moveOf = (e: ScriptEntry) => (e.command.type === 'move.make' ? e.command.move : undefined);
const answers = (decision: string, options: string[]) => (e: ScriptEntry): ScriptEntry =>
  e.command.type === 'decision.answer' && e.command.decision === decision ? { ...e, command: { ...e.command, options } } : e;

beforeAll(async () => {
  const loaded = await loadPack(fileURLToPath(new URL('../../../scenarios/llm-data-leak', import.meta.url)));
  if (!loaded.ok) throw new Error(`llm-data-leak does not load: ${loaded.issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('; ')}`);
  pack = loaded.value.pack;
  zoo = playZoo(pack);
});

describe('the llm-data-leak strategy zoo', () => {
  it('scores the reference response at least 95 and doing nothing at most 15', () => {
    expect(total('reference')).toBeGreaterThanOrEqual(95);
    expect(total('do-nothing')).toBeLessThanOrEqual(15);
  });

  it('keeps every spam and greedy policy at or below 45', () => {
    for (const name of ['spam-at-start', 'greedy-every-act', 'greedy-every-safe-act', 'greedy-every-safe-act-with-answer-key', 'greedy-every-safe-act-wrong-roles']) {
      expect(total(name), name).toBeLessThanOrEqual(45);
    }
  });

  it('puts a restore before the criteria hold at or below 60, by move and by decision, and says the gate was breached', () => {
    for (const name of ['restart-early-reenable-booking-search-now', 'restart-by-decision-restore-now', 'restart-by-decision-restore-signed-in']) {
      const played = get(name);
      expect(played.report.total, name).toBeLessThanOrEqual(60);
      expect(played.debrief.gate.respected, name).toBe(false);
      expect(played.debrief.gate.statement, name).toMatch(/^Recovery gate breached: Sol \(Solvia customer-service assistant\) went back into service at /);
    }
    expect(get('restart-by-decision-restore-now').debrief.gate.statement).toContain('Switch the booking tools back on tonight');
  });

  it('cannot restore the fixed build early (it needs the two-day fix), but a greedy team that restores it untested breaches the gate', () => {
    // Adapted band: the legitimate restore move requires the server-side fix to exist, which the reference
    // deploys on day 3; every earlier attempt is refused, so this zoo entry is the reference itself.
    expect(total('restart-early-restore-booking-search')).toBe(total('reference'));
    const greedy = get('greedy-every-safe-act-with-answer-key');
    expect(greedy.debrief.gate.respected).toBe(false);
    expect(greedy.debrief.gate.statement).toContain('Restore Sol\'s booking tools with the fixed, tested build');
    expect(greedy.debrief.gate.statement).toContain('Prompt-injection test of the fixed build passed');
  });

  it('makes skipping the notification to the data-protection authority cost at least 20 and the biggest loss', () => {
    const played = get('skip-notify-dpa');
    expect(played.report.total).toBeLessThanOrEqual(80);
    expect(total('reference') - played.report.total).toBeGreaterThanOrEqual(20);
    expect(biggestLoss(played)?.what).toMatch(/never heard from the team/);
    expect(biggestLoss(played)?.what).toContain('Autoriteit Persoonsgegevens');
    expect(biggestLoss(played)?.what).toContain('GDPR Art. 33');
  });

  it('makes skipping the communication to the people affected cost at least 20, the biggest loss, and lets phishing find them', () => {
    const played = get('skip-inform-affected-customers');
    expect(played.report.total).toBeLessThanOrEqual(80);
    expect(biggestLoss(played)?.what).toContain('GDPR Art. 34');
    const phishing = played.report.lines.find((l) => l.id === 'contain.harm.phishing_victims');
    expect(phishing?.points).toBe(0);
  });

  it('keeps a response whose every act is by the wrong role at or below 70', () => {
    expect(total('wrong-roles')).toBeLessThanOrEqual(70);
  });

  it('keeps V1 throughout a V4 breach at or below 70, however right the moves', () => {
    expect(total('v1-throughout')).toBeLessThanOrEqual(70);
  });

  it('lets credit decay with lateness: 2h late < reference, 1 day late ≤ 60, 3 days late lower still', () => {
    expect(total('reference-2h-late')).toBeLessThan(total('reference'));
    expect(total('reference-1d-late')).toBeLessThanOrEqual(60);
    expect(total('reference-1d-late')).toBeLessThan(total('reference-2h-late'));
    // Both collapse to the floor of 0 (a day of leaking, the restart prompt left to expire): equal is the best
    // "lower still" can mean there.
    expect(total('reference-3d-late')).toBeLessThanOrEqual(total('reference-1d-late'));
  });

  it('gives junk TRACE input (one-letter reflections, every option ticked) at most 2 of Learn’s 10', () => {
    expect(get('junk-trace').report.stages.learn.score).toBeLessThanOrEqual(2);
  });

  it('charges forbidden acts whenever they happen, deleting the transcripts most', () => {
    for (const rule of pack.reference.forbidden) {
      expect(total(`plus-${rule.move}-early`), rule.move).toBeLessThanOrEqual(total('reference') - 10);
    }
    expect(total('plus-delete-chat-transcripts-early')).toBeLessThanOrEqual(total('reference') - 25);
  });

  it('never counts "nothing happened" as communication', () => {
    const lie = get('plus-tell-customers-nothing-happened-early');
    expect(lie.report.lines.find((l) => l.id === 'govern.act.tell-customers-nothing-happened')?.points).toBeLessThanOrEqual(-20);
    expect(total('misleading-instead-of-communication')).toBeLessThanOrEqual(70);
  });

  it('charges the over-reactions and the unneeded AI Act filing whenever they are made', () => {
    for (const move of pack.moves.filter((m) => m.cost && !m.cost.when && !pack.reference.timeline.some((e) => moveOf(e) === m.id))) {
      expect(total(`plus-costly-${move.id}`), move.id).toBeLessThan(total('reference') - move.cost!.points + 0.1);
    }
    const filing = get('plus-costly-file-ai-act-serious-incident-report').report.lines.find((l) => l.id === 'govern.act.file-ai-act-serious-incident-report');
    expect(filing?.points).toBe(-5);
    expect(filing?.reason).toContain('not high-risk');
    // Shutting every channel leaves customers unanswered: the further harm line is lost as well as the cost.
    const shut = get('plus-costly-shut-down-all-channels').report.lines.find((l) => l.id === 'contain.harm.unserved_contacts');
    expect(shut?.points).toBe(0);
  });

  it('charges over-escalation (V5 and every notification)', () => {
    expect(total('over-escalate')).toBeLessThan(total('reference') - 5);
  });

  it('keeps the debrief invariants for every strategy', () => {
    for (const played of zoo.values()) checkInvariants(pack, played);
  });
});

describe('the llm-data-leak traps', () => {
  it('charges patching the system prompt before the evidence is preserved, and not after', () => {
    const early = playVariant(
      'patch-first',
      plusTo(without(pack, (e) => moveOf(e) === 'patch-system-prompt'), [{ at: 36, by: 'technical-lead', command: { type: 'move.make', move: 'patch-system-prompt' } }]),
    );
    expect(early.report.lines.find((l) => l.id === 'contain.evidence')?.points).toBe(0);
    expect(early.report.lines.find((l) => l.id === 'contain.act.patch-system-prompt')?.points).toBe(-4);
    expect(get('reference').report.lines.find((l) => l.id === 'contain.act.patch-system-prompt')).toBeUndefined();
    expect(early.report.total).toBeLessThanOrEqual(total('reference') - 6);
  });

  it('judges an Art. 34 assessment of "not high risk" with no letters: the AP steps in and the missed duty leads the lessons', () => {
    const played = playVariant(
      'art34-declined',
      without(pack, (e) => moveOf(e) === 'inform-affected-customers').map(answers('art34-assessment', ['risk-not-high'])),
    );
    expect(played.fired['dpa-orders-communication']).toBeDefined();
    expect(biggestLoss(played)?.what).toContain('GDPR Art. 34');
    expect(played.report.total).toBeLessThanOrEqual(75);
  });

  it('accepts taking Sol offline instead of switching off its tools, at the price of customers left unanswered', () => {
    const none = playVariant('no-containment', without(pack, (e) => moveOf(e) === 'disable-booking-search'));
    const offline = playVariant(
      'offline-instead',
      plusTo(without(pack, (e) => moveOf(e) === 'disable-booking-search'), [{ at: 40, by: 'technical-lead', command: { type: 'move.make', move: 'take-assistant-offline' } }]),
    );
    expect(offline.report.total).toBeGreaterThanOrEqual(90);
    expect(offline.report.total).toBeLessThan(total('reference'));
    expect(offline.report.lines.find((l) => l.id === 'contain.harm.unserved_contacts')!.points).toBeLessThan(10);
    // Not stopping the leak at all is far worse than either.
    expect(none.report.total).toBeLessThan(offline.report.total - 20);
  });

  it('makes a lost transcript record reachable only through a public notice (Art. 34(3)(c))', () => {
    const notice = pack.moves.find((m) => m.id === 'publish-breach-notice')!;
    expect(JSON.stringify(notice.requires)).toContain('evidence_lost');
    const art34 = pack.obligations.find((o) => o.id === 'gdpr-art34-communication')!;
    expect(art34.satisfiedBy).toEqual(['inform-affected-customers', 'publish-breach-notice']);
  });
});

describe('the llm-data-leak legal facts (DOMAIN-FACTS.md §2.1, §2.2, §1.2, §4.12)', () => {
  it('notifies the authority under GDPR Art. 33 within 72 hours of awareness, as the controller', () => {
    const art33 = pack.obligations.find((o) => o.basis.includes('Art. 33'))!;
    expect(art33.deadline).toBe(72 * 60);
    expect(art33.trigger).toEqual({ var: 'breach_aware', eq: true });
    expect(art33.recipient).toContain('Autoriteit Persoonsgegevens');
    expect(art33.owner).toBe('legal-lead');
    expect(art33.missedCost).toBeGreaterThanOrEqual(20);
  });

  it('communicates to the people affected under Art. 34 when a high risk is likely, as a mandatory duty', () => {
    const art34 = pack.obligations.find((o) => o.basis.includes('Art. 34'))!;
    expect(art34.trigger).toEqual({ var: 'high_risk_known', eq: true });
    expect(art34.recipient).toMatch(/people whose booking data was shown/);
    expect(art34.missedCost).toBeGreaterThanOrEqual(15);
    expect(pack.decisions.find((d) => d.id === 'art34-assessment')?.best).toEqual(['high-risk-communicate']);
  });

  it('owes no AI Act Art. 73 report for a customer-service assistant, and charges filing one', () => {
    expect(pack.system.riskClass).toMatch(/^Not high-risk/);
    expect(pack.system.riskClass).toContain('Art. 50(1)');
    expect(pack.obligations.some((o) => o.basis.includes('Art. 73'))).toBe(false);
    expect(pack.moves.find((m) => m.id === 'file-ai-act-serious-incident-report')?.cost?.points).toBeGreaterThan(0);
  });

  it('marks every option of every decision with an authored rationale', () => {
    for (const d of pack.decisions) for (const o of d.options ?? []) expect(o.rationale, `${d.id}.${o.id}`).toBeTruthy();
  });
});

describe('the llm-data-leak coverage and seeds', () => {
  it('fires every inject in at least one zoo or explored run', () => {
    const fired = new Set<string>();
    for (const strategy of strategyZoo(pack)) {
      const run = playScript(pack, strategy.script, { seed: 1, skipRefused: true, runId: `cover-${strategy.name}` });
      for (const id of Object.keys(run.state.fired)) fired.add(id);
    }
    const explored = explore(pack, { random: 8 });
    for (const [id, count] of Object.entries(explored.coverage.injects)) if (count > 0) fired.add(id);
    expect(pack.injects.map((i) => i.id).filter((id) => !fired.has(id))).toEqual([]);
    expect(Object.entries(explored.coverage.decisions).filter(([, n]) => n === 0).map(([id]) => id)).toEqual([]);
  });

  it.each([2, 7])('keeps the main bands and the invariants with seed %i (jitter moves the complaint and the researcher)', (seed) => {
    const seeded = playZoo(pack, seed);
    const t = (name: string) => seeded.get(name)!.report.total;
    expect(t('reference')).toBeGreaterThanOrEqual(95);
    expect(t('do-nothing')).toBeLessThanOrEqual(15);
    expect(t('greedy-every-safe-act-with-answer-key')).toBeLessThanOrEqual(45);
    expect(t('restart-by-decision-restore-now')).toBeLessThanOrEqual(60);
    expect(t('skip-notify-dpa')).toBeLessThanOrEqual(80);
    expect(t('wrong-roles')).toBeLessThanOrEqual(70);
    expect(t('v1-throughout')).toBeLessThanOrEqual(70);
    expect(t('reference-1d-late')).toBeLessThanOrEqual(60);
    for (const played of seeded.values()) checkInvariants(pack, played);
  });
});
