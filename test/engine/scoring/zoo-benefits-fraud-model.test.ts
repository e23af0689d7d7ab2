/**
 * The strategy zoo of the benefits-fraud-model pack (a public agency's own
 * fraud-risk model flagging families by nationality, with automatic
 * suspensions and all-or-nothing reclaims behind it): the standard
 * bands (zoo-standard-bands.ts), adapted where the pack says why, the pack's
 * own traps, its legal facts against DOMAIN-FACTS.md, every inject reachable,
 * and the bands and debrief invariants for seeds 1, 2 and 7.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/engine';
import { plusTo, without } from '../../../src/engine/explore/zoo';
import { ZOO_TIMEOUT } from './zoo-helpers';
import { type BandConfig, answers, expectMainBands, lineOf, moveOf, playSome, playVariant, seededNames, standardBands, unreached, usePackZoo, zooLookups } from './zoo-standard-bands';
import { testMoveId } from '../../ids';
import { simMinutes } from '../../../src/engine';

const current = usePackZoo('benefits-fraud-model');
const { get, total } = zooLookups(current);
let pack: Pack;
beforeAll(() => {
  pack = current().pack;
});

const config: BandConfig = {
  earlyRestarts: ['restart-early-restart-model-now', 'restart-by-decision-restart-without-field', 'restart-by-decision-restart-with-review'],
  gateStatement: /^Recovery gate breached: RiskSignal 3 went back into service at /,
  decisionRestartSays: { name: 'restart-by-decision-restart-without-field', says: 'Retrain without the nationality field' },
  // The legitimate restart needs the rebuilt model, which exists five days after the rebuild starts.
  unreachableEarlyRestart: {
    name: 'restart-early-restart-rebuilt-model',
    greedySays: ['Restart scoring with the rebuilt, validated model', 'The independent audit'],
  },
  skips: [{ name: 'skip-report-serious-incident', says: ['market surveillance authority', 'Art. 73(2)'] }],
  worstForbidden: 'delete-nationality-data',
  misleadingLine: 'govern.act.claim-human-decides',
  unneededFiling: { move: 'notify-dpa-breach', says: 'no breach to notify' },
  overReaction: { move: 'stop-all-payments', harmLine: 'contain.harm.unpaid_days' },
};

describe('the benefits-fraud-model strategy zoo', () => {
  standardBands(current, config);

  it('holds the gate in the reference by not restarting at all within the three weeks', () => {
    // The zoo's "never restart" entry exists only when the reference restarts; here the reference is that strategy.
    expect(current().zoo.has('never-restart')).toBe(false);
    expect(get('reference').debrief.gate.statement).toMatch(/^Recovery gate respected/);
  });
});

describe('the benefits-fraud-model traps', () => {
  it('makes stopping the model without stopping the reclaims cost dearly: the enforcement chain is the harm', () => {
    const played = playVariant(pack, 'model-only',
      without(pack, (e) => moveOf(e) === 'halt-automatic-reclaims').map(answers('families-first', ['pause-new-keep-stops'])));
    expect(played.fired['news-article-damning']).toBeDefined();
    expect(played.fired['inquiry-motion']).toBeDefined();
    expect(lineOf(played, 'contain.harm')?.points).toBe(0);
    expect(played.report.total).toBeLessThanOrEqual(total('reference') - 25);
  });

  it('makes a misleading account to the minister come back as a motion for a parliamentary inquiry', () => {
    const played = playVariant(pack, 'misled-minister', pack.reference.timeline.map(answers('minister-briefing', ['never-used-nationality'])));
    expect(played.fired['minister-letter-contradicted']).toBeDefined();
    expect(played.fired['inquiry-motion']).toBeDefined();
    expect(lineOf(played, 'govern.act.minister-briefing')?.points).toBeLessThanOrEqual(-20);
    expect(played.report.total).toBeLessThanOrEqual(total('reference') - 15);
  });

  it('charges rebuilding the model before the authority is told (Art. 73(6)), and not after', () => {
    const early = playVariant(pack, 'rebuild-first',
      plusTo(without(pack, (e) => moveOf(e) === 'rebuild-model'), [{ at: simMinutes(2 * 60 + 10), by: 'technical-lead', command: { type: 'move.make', move: testMoveId('rebuild-model') } }]));
    expect(lineOf(early, 'recover.act.rebuild-model')?.points).toBe(-6);
    expect(lineOf(get('reference'), 'recover.act.rebuild-model')).toBeUndefined();
  });

  it('expects V5 once the press and parliament have the story, in the reference branch too', () => {
    expect(get('reference').debrief.severity.expected.some((s) => s.level === 5)).toBe(true);
    const stayedAtV4 = playVariant(pack, 'stay-v4', without(pack, (e) => e.command.type === 'severity.classify' && e.command.level === 5));
    expect(lineOf(stayedAtV4, 'detect.escalation.1')?.points).toBe(0);
  });
});

describe('the benefits-fraud-model legal facts (DOMAIN-FACTS.md §1.0–§1.3, §1.7, §4.3, §4.12)', () => {
  it('treats the model as high-risk under Annex III point 5(a), in scope from its first day', () => {
    expect(pack.system.riskClass).toContain('Annex III point 5(a)');
    expect(pack.system.ourRole).toBe('provider-and-deployer');
    // Annex III rules apply from 2 Dec 2027 (Digital Omnibus); the model went into service on 5 Feb 2028.
    expect(Date.parse(pack.clock.start)).toBeGreaterThan(Date.parse('2027-12-02T00:00:00+01:00'));
    expect(pack.system.description).toContain('5 February 2028');
  });

  it('has the agency report the serious incident itself, 15 days at the latest and immediately after the causal link', () => {
    const art73 = pack.obligations.find((o) => o.basis.includes('Art. 73'))!;
    expect(art73.deadline).toBe(15 * 24 * 60);
    expect(art73.earlierDeadlines).toEqual([expect.objectContaining({ after: { var: 'causal_link', eq: true }, within: 24 * 60 })]);
    expect(art73.recipient).toContain('market surveillance authority');
    expect(art73.owner).toBe('legal-lead');
    expect(art73.missedCost).toBeGreaterThanOrEqual(20);
    // One Member State: no 2-day "widespread infringement" limb.
    expect(art73.earlierDeadlines?.some((l) => l.within === 2 * 24 * 60)).toBe(false);
  });

  it('owes no GDPR Art. 33 notice for bias, and charges filing one', () => {
    expect(pack.obligations.some((o) => o.basis.includes('GDPR Art. 33'))).toBe(false);
    expect(pack.moves.find((m) => m.id === 'notify-dpa-breach')?.cost?.points).toBeGreaterThan(0);
  });

  it('uses only the childcare-benefits facts DOMAIN-FACTS gives (no compensation figure per parent)', () => {
    const notes = pack.debrief?.facilitatorNotes ?? '';
    for (const fact of ['26,000', '10,000 families', '1.4 million', '16 July 2020', '17 December 2020', '15 January 2021', '€2.75m', 'AIID #101']) {
      expect(notes, fact).toContain(fact);
    }
    expect(notes).toContain('Compensation per parent is unverified');
    expect(JSON.stringify(pack)).not.toMatch(/€\s?30,?000/);
  });
});

describe('the benefits-fraud-model coverage and seeds', () => {
  it('fires every inject in at least one zoo or explored run, and opens every decision', () => {
    expect(unreached(pack)).toEqual({ injects: [], decisions: [] });
  }, ZOO_TIMEOUT);

  it.each([2, 7])('keeps the main bands and the invariants with seed %i (jitter moves the clinic and the journalist)', (seed) => {
    expectMainBands(pack, playSome(pack, seed, seededNames(config)), config);
  }, ZOO_TIMEOUT);
});
