/**
 * The strategy zoo of the llm-data-leak pack (a customer-service LLM assistant
 * leaking other customers' bookings through prompt injection): the issue's
 * standard bands (zoo-standard-bands.ts), adapted where the pack says why, the
 * pack's own traps, its legal facts against DOMAIN-FACTS.md, every inject
 * reachable, and the bands and debrief invariants for seeds 1, 2 and 7.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/engine';
import { plusTo, without } from '../../../src/engine/explore/zoo';
import { ZOO_TIMEOUT, biggestLoss } from './zoo-helpers';
import { type BandConfig, answers, expectMainBands, lineOf, moveOf, playSome, playVariant, seededNames, standardBands, unreached, usePackZoo, zooLookups } from './zoo-standard-bands';
import { testMoveId } from '../../ids';
import { simMinutes } from '../../../src/engine';

const current = usePackZoo('llm-data-leak');
const { get, total } = zooLookups(current);
let pack: Pack;
beforeAll(() => {
  pack = current().pack;
});

const config: BandConfig = {
  earlyRestarts: ['restart-early-reenable-booking-search-now', 'restart-by-decision-restore-now', 'restart-by-decision-restore-signed-in'],
  gateStatement: /^Recovery gate breached: Sol \(Solvia customer-service assistant\) went back into service at /,
  decisionRestartSays: { name: 'restart-by-decision-restore-now', says: 'Switch the booking tools back on tonight' },
  // The legitimate restore needs the server-side fix, which the reference deploys on day 3.
  unreachableEarlyRestart: {
    name: 'restart-early-restore-booking-search',
    greedySays: ["Restore Sol's booking tools with the fixed, tested build", 'Prompt-injection test of the fixed build passed'],
  },
  skips: [
    { name: 'skip-notify-dpa', says: ['Autoriteit Persoonsgegevens', 'GDPR Art. 33'] },
    { name: 'skip-inform-affected-customers', says: ['GDPR Art. 34'] },
  ],
  worstForbidden: 'delete-chat-transcripts',
  misleadingLine: 'govern.act.tell-customers-nothing-happened',
  unneededFiling: { move: 'file-ai-act-serious-incident-report', says: 'not high-risk' },
  overReaction: { move: 'shut-down-all-channels', harmLine: 'contain.harm.unserved_contacts' },
};

describe('the llm-data-leak strategy zoo', () => {
  standardBands(current, config);

  it('lets unwarned customers fall for the phishing when the Art. 34 letters are skipped', () => {
    expect(lineOf(get('skip-inform-affected-customers'), 'contain.harm.phishing_victims')?.points).toBe(0);
  });
});

describe('the llm-data-leak traps', () => {
  it('charges patching the system prompt before the evidence is preserved, and not after', () => {
    const early = playVariant(pack, 'patch-first',
      plusTo(without(pack, (e) => moveOf(e) === 'patch-system-prompt'), [{ at: simMinutes(36), by: 'technical-lead', command: { type: 'move.make', move: testMoveId('patch-system-prompt') } }]));
    expect(lineOf(early, 'contain.evidence')?.points).toBe(0);
    expect(lineOf(early, 'contain.act.patch-system-prompt')?.points).toBe(-4);
    expect(lineOf(get('reference'), 'contain.act.patch-system-prompt')).toBeUndefined();
    expect(early.report.total).toBeLessThanOrEqual(total('reference') - 6);
  });

  it('judges an Art. 34 assessment of "not high risk" with no letters: the AP steps in and the missed duty leads the lessons', () => {
    const played = playVariant(pack, 'art34-declined',
      without(pack, (e) => moveOf(e) === 'inform-affected-customers').map(answers('art34-assessment', ['risk-not-high'])));
    expect(played.fired['dpa-orders-communication']).toBeDefined();
    expect(biggestLoss(played)?.what).toContain('GDPR Art. 34');
    expect(played.report.total).toBeLessThanOrEqual(75);
  });

  it('accepts taking Sol offline instead of switching off its tools, at the price of customers left unanswered', () => {
    const none = playVariant(pack, 'no-containment', without(pack, (e) => moveOf(e) === 'disable-booking-search'));
    const offline = playVariant(pack, 'offline-instead',
      plusTo(without(pack, (e) => moveOf(e) === 'disable-booking-search'), [{ at: simMinutes(40), by: 'technical-lead', command: { type: 'move.make', move: testMoveId('take-assistant-offline') } }]));
    expect(offline.report.total).toBeGreaterThanOrEqual(90);
    expect(offline.report.total).toBeLessThan(total('reference'));
    expect(lineOf(offline, 'contain.harm.unserved_contacts')!.points).toBeLessThan(10);
    // Not stopping the leak at all is far worse than either.
    expect(none.report.total).toBeLessThan(offline.report.total - 20);
  });

  it('leaves a public notice (Art. 34(3)(c)) as the only way to reach people whose transcripts were lost', () => {
    expect(JSON.stringify(pack.moves.find((m) => m.id === 'publish-breach-notice')!.requires)).toContain('evidence_lost');
    expect(pack.obligations.find((o) => o.id === 'gdpr-art34-communication')!.satisfiedBy).toEqual(['inform-affected-customers', 'publish-breach-notice']);
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
});

describe('the llm-data-leak coverage and seeds', () => {
  it('fires every inject in at least one zoo or explored run, and opens every decision', () => {
    expect(unreached(pack)).toEqual({ injects: [], decisions: [] });
  }, ZOO_TIMEOUT);

  it.each([2, 7])('keeps the main bands and the invariants with seed %i (jitter moves the complaint and the researcher)', (seed) => {
    expectMainBands(pack, playSome(pack, seed, seededNames(config)), config);
  }, ZOO_TIMEOUT);
});
