import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/engine/conditions';
import type { z } from 'zod';
import type { RunState } from '../../src/engine';
import { conditionSchema } from '../../src/engine/pack/condition';
import { buildPack } from './helpers/pack-builder';
import { newRun } from './helpers/run';
import { testDecisionId, testInjectId, testMoveId, testObligationId, testCriterionId, testOptionId, testReadinessId } from '../ids';
import { simMinutes, START } from '../../src/engine';

const pack = buildPack();
const base = newRun(pack);
const at = (patch: Partial<RunState>): RunState => ({ ...base, ...patch });
/** A condition as an author writes it, read by the pack's own schema (which brands its ids). */
type Written = z.input<typeof conditionSchema>;
const compiled = (condition: Written) => compileCondition(conditionSchema.parse(condition));
const holds = (condition: Written, state: RunState): boolean => compiled(condition).test(state);

const move = (moveId: string, effective: boolean, gateViolation?: string[]) => ({
  moveId: testMoveId(moveId), at: START, by: 'technical-lead' as const, effectiveAt: START, effective, outsideAuthority: false, ...(gateViolation ? { gateViolation: gateViolation.map(testCriterionId) } : {}),
});

describe('conditions', () => {
  const cases: readonly [string, Written, RunState, boolean][] = [
    ['var eq (enum)', { var: 'status', eq: 'running' }, base, true],
    ['var ne', { var: 'status', ne: 'running' }, base, false],
    ['var gt', { var: 'rate', gt: 5 }, base, true],
    ['var gte at the boundary', { var: 'rate', gte: 6 }, base, true],
    ['var lt', { var: 'rate', lt: 6 }, base, false],
    ['var lte', { var: 'rate', lte: 6 }, base, true],
    ['ordering on a non-number is false', { var: 'status', gt: 1 }, base, false],
    ['unknown var eq is false', { var: 'missing', eq: 1 }, base, false],
    ['move made', { move: testMoveId('fix') }, at({ moves: [move('fix', false)] }), true],
    ['move not made', { move: testMoveId('fix') }, base, false],
    ['move effective: not yet', { move: testMoveId('fix'), effective: true }, at({ moves: [move('fix', false)] }), false],
    ['move effective', { move: testMoveId('fix'), effective: true }, at({ moves: [move('fix', true)] }), true],
    ['inject fired', { inject: testInjectId('alert') }, at({ fired: { [testInjectId('alert')]: simMinutes(30) } }), true],
    ['inject not fired', { inject: testInjectId('alert') }, base, false],
    ['sinceInject: too soon', { sinceInject: testInjectId('alert'), atLeast: 60 }, at({ fired: { [testInjectId('alert')]: simMinutes(30) }, clock: { ...base.clock, now: simMinutes(89) } }), false],
    ['sinceInject: long enough', { sinceInject: testInjectId('alert'), atLeast: 60 }, at({ fired: { [testInjectId('alert')]: simMinutes(30) }, clock: { ...base.clock, now: simMinutes(90) } }), true],
    ['sinceInject: not fired', { sinceInject: testInjectId('alert'), atLeast: 0 }, base, false],
    ['decision pending', { decision: testDecisionId('notify'), is: 'pending' }, base, true],
    ['decision open', { decision: testDecisionId('notify'), is: 'open' }, at({ decisions: { [testDecisionId('notify')]: { status: 'open', openedAt: simMinutes(0), options: [] } } }), true],
    ['decision chose', { decision: testDecisionId('notify'), chose: 'yes' }, at({ decisions: { [testDecisionId('notify')]: { status: 'answered', openedAt: simMinutes(0), options: [testOptionId('yes')] } } }), true],
    ['decision chose other', { decision: testDecisionId('notify'), chose: 'no' }, at({ decisions: { [testDecisionId('notify')]: { status: 'answered', openedAt: simMinutes(0), options: [testOptionId('yes')] } } }), false],
    ['bare decision means answered', { decision: testDecisionId('notify') }, at({ decisions: { [testDecisionId('notify')]: { status: 'expired', openedAt: simMinutes(0), options: [] } } }), false],
    ['severity with none yet compares 0', { severity: { lt: 1 } }, base, true],
    ['severity latest', { severity: { gte: 4 } }, at({ severity: [{ at: simMinutes(0), level: 5, by: 'incident-lead' }, { at: simMinutes(1), level: 3, by: 'incident-lead' }] }), false],
    ['r3ai latest', { r3ai: 'resilience' }, at({ r3ai: [{ at: simMinutes(0), category: 'reliability', by: 'incident-lead' }, { at: simMinutes(1), category: 'resilience', by: 'incident-lead' }] }), true],
    ['elapsed', { elapsed: { gte: 120 } }, at({ clock: { ...base.clock, now: simMinutes(120) } }), true],
    ['elapsed before', { elapsed: { gte: 120 } }, at({ clock: { ...base.clock, now: simMinutes(119) } }), false],
    ['readiness default is true', { readiness: 'logging' }, at({ readiness: { [testReadinessId('logging')]: true } }), true],
    ['readiness unanswered is false', { readiness: 'logging' }, base, false],
    ['readiness is false matches unanswered', { readiness: 'logging', is: false }, base, true],
    ['obligation pending = not started', { obligation: 'report', is: 'pending' }, base, true],
    ['obligation met is on time only', { obligation: 'report', is: 'met' }, at({ obligations: { [testObligationId('report')]: { status: 'met-late', triggeredAt: simMinutes(0), dueAt: simMinutes(1) } } }), false],
    ['obligation met-late', { obligation: 'report', is: 'met-late' }, at({ obligations: { [testObligationId('report')]: { status: 'met-late', triggeredAt: simMinutes(0), dueAt: simMinutes(1) } } }), true],
    ['gate not violated', { gateViolated: true }, at({ moves: [move('restart', true)] }), false],
    ['gate violated', { gateViolated: true }, at({ moves: [move('restart', true, ['fix-validated'])] }), true],
    ['role assigned', { role: 'legal-lead', assigned: true }, at({ roles: { 'legal-lead': 'Lena' } }), true],
    ['role not assigned', { role: 'legal-lead', assigned: false }, base, true],
    ['all', { all: [{ var: 'rate', eq: 6 }, { var: 'aware', eq: false }] }, base, true],
    ['all with one false', { all: [{ var: 'rate', eq: 6 }, { var: 'aware', eq: true }] }, base, false],
    ['any', { any: [{ var: 'rate', eq: 7 }, { var: 'aware', eq: false }] }, base, true],
    ['not', { not: { var: 'aware', eq: false } }, base, false],
  ];

  it.each(cases)('%s', (_name, condition, state, expected) => {
    expect(holds(condition, state)).toBe(expected);
  });

  it('records what a condition reads, through all/any/not', () => {
    const reads = compiled({ all: [{ var: 'harm', gte: 1 }, { not: { elapsed: { gt: 5 } } }, { any: [{ var: 'rate', eq: 1 }] }] });
    expect(reads.time).toBe(true);
    expect([...reads.vars].sort()).toEqual(['harm', 'rate']);
    expect(compiled({ move: 'fix' }).time).toBe(false);
    expect(compiled({ sinceInject: 'alert', atLeast: 5 }).time).toBe(true);
  });
});
