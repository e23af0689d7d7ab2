import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeCondition } from '../../src/engine';
import { conditionSchema } from '../../src/engine/pack/condition';
import { testDecisionId, testInjectId, testMoveId } from '../ids';
import { buildPack } from './helpers/pack-builder';

const pack = buildPack({ readiness: [{ id: 'logging', label: 'Logs kept six months' }] });

describe('describeCondition', () => {
  it.each<[z.input<typeof conditionSchema>, string]>([
    [{ var: 'status', eq: 'suspended' }, '"Model status" is "suspended"'],
    [{ var: 'harm', gte: 100 }, '"People harmed" is at least 100'],
    [{ move: testMoveId('suspend') }, 'move "Suspend the model" has been made'],
    [{ move: testMoveId('fix'), effective: true }, 'move "Fix and validate" has taken effect'],
    [{ inject: testInjectId('alert') }, '"Alert" has arrived'],
    [{ sinceInject: testInjectId('alert'), atLeast: 90 }, 'at least 1h 30m have passed since "Alert" arrived'],
    [{ decision: testDecisionId('notify'), chose: 'yes' }, 'decision "notify" was answered with "Yes"'],
    [{ decision: testDecisionId('notify'), is: 'expired' }, 'decision "notify" is expired'],
    [{ severity: { gte: 4 } }, 'the current V-SEV level is at least V4'],
    [{ r3ai: 'resilience' }, 'the incident is classified as an R3AI resilience failure'],
    [{ elapsed: { gt: 1440 } }, 'the elapsed scenario time is more than 1d'],
    [{ readiness: 'logging' }, 'readiness item "Logs kept six months" is confirmed'],
    [{ obligation: 'report', is: 'met' }, 'obligation "Report to the authority" is met'],
    [{ gateViolated: false }, 'no restart broke the recovery gate'],
    [{ role: 'legal-lead', assigned: true }, 'the Legal & Compliance Lead role is assigned'],
    [{ not: { var: 'aware', eq: true } }, 'not ("Aware" is true)'],
    [{ all: [{ move: testMoveId('suspend') }] }, 'move "Suspend the model" has been made'],
    [{ any: [{ inject: testInjectId('alert') }, { var: 'aware', eq: true }] }, 'any of: ("Alert" has arrived); ("Aware" is true)'],
    [{ move: testMoveId('nonexistent') }, 'move "nonexistent" has been made'],
  ])('%j reads "%s"', (condition, text) => {
    expect(describeCondition(pack, conditionSchema.parse(condition))).toBe(text);
  });
});
