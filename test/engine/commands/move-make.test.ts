import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, advance, factTypes, newRun, refuse, startedRun } from '../helpers/run';
import { testMoveId, testObligationId, testVariableId } from '../../ids';
import { simMinutes } from '../../../src/engine';

describe('move.make', () => {
  const pack = buildPack();
  const moveOf = (id: string) => pack.moves.find((m) => m.id === id);

  it('records the move and applies its effects at once when it has no delay', () => {
    const running = advance(pack, startedRun(pack), 12);
    const { state, facts } = accept(pack, running, 'technical-lead', { type: 'move.make', move: testMoveId('suspend'), note: 'Flag off.' });
    expect(state.moves).toEqual([
      { moveId: 'suspend', at: 12, by: 'technical-lead', effectiveAt: 12, effective: true, outsideAuthority: false, note: 'Flag off.' },
    ]);
    expect(state.vars[testVariableId('status')]).toBe('suspended');
    // `followup` is triggered by the move and fires in the same command.
    expect(factTypes(facts)).toEqual(['move.effective', 'inject.fired']);
  });

  it('holds the effects of a delayed move until its delay has run', () => {
    const delay = moveOf('fix')?.delay ?? 0;
    let state = accept(pack, startedRun(pack), 'technical-lead', { type: 'move.make', move: testMoveId('suspend') }).state;
    state = accept(pack, advance(pack, state, 10), 'technical-lead', { type: 'move.make', move: testMoveId('fix') }).state;
    expect(state.moves[1]).toMatchObject({ moveId: 'fix', at: 10, effectiveAt: 10 + delay, effective: false });
    expect(state.pending).toEqual([{ kind: 'move-effects', at: 10 + delay, moveIndex: 1 }]);
    state = advance(pack, state, 10 + delay - 1);
    expect(state.vars[testVariableId('fixed')]).toBe(false);
    const { state: after, facts } = accept(pack, state, 'system', { type: 'clock.advance', to: simMinutes(10 + delay) });
    expect(after.vars[testVariableId('fixed')]).toBe(true);
    expect(after.moves[1]?.effective).toBe(true);
    expect(facts).toContainEqual({ type: 'move.effective', at: 10 + delay, moveId: 'fix' });
  });

  it('refuses an unknown move, naming it', () => {
    const rejection = refuse(pack, startedRun(pack), 'technical-lead', { type: 'move.make', move: testMoveId('reboot') }, 'unknown-id');
    expect(rejection.message).toContain('"reboot"');
  });

  it('refuses repeating a non-repeatable move but allows repeatable ones', () => {
    const once = accept(pack, startedRun(pack), 'technical-lead', { type: 'move.make', move: testMoveId('suspend') }).state;
    const rejection = refuse(pack, once, 'technical-lead', { type: 'move.make', move: testMoveId('suspend') }, 'already-done');
    expect(rejection.message).toContain('"suspend"');
    let state = accept(pack, once, 'incident-lead', { type: 'move.make', move: testMoveId('brief') }).state;
    state = accept(pack, state, 'incident-lead', { type: 'move.make', move: testMoveId('brief') }).state;
    expect(state.moves.filter((m) => m.moveId === 'brief')).toHaveLength(2);
  });

  it("refuses a move whose precondition is false, with the pack's text", () => {
    const rejection = refuse(pack, startedRun(pack), 'legal-lead', { type: 'move.make', move: testMoveId('notify-msa') }, 'precondition-failed');
    expect(rejection.message).toContain('"notify-msa"');
    expect(rejection.message).toContain(moveOf('notify-msa')?.requiresText ?? '');
  });

  it('describes the precondition when the pack gives no text', () => {
    const rejection = refuse(pack, startedRun(pack), 'technical-lead', { type: 'move.make', move: testMoveId('fix') }, 'precondition-failed');
    expect(rejection.message).toContain('move "Suspend the model" has been made');
  });

  it('accepts a move outside the actor’s authority but flags it', () => {
    const { state, facts } = accept(pack, startedRun(pack), 'legal-lead', { type: 'move.make', move: testMoveId('suspend') });
    expect(state.moves[0]?.outsideAuthority).toBe(true);
    expect(facts[0]).toEqual({ type: 'move.outsideAuthority', at: 0, moveId: 'suspend', by: 'legal-lead' });
    const byFacilitator = accept(pack, startedRun(pack), 'facilitator', { type: 'move.make', move: testMoveId('suspend') }).state;
    expect(byFacilitator.moves[0]?.outsideAuthority).toBe(false);
    const bySecondOwner = accept(pack, startedRun(pack), 'incident-lead', { type: 'move.make', move: testMoveId('restart') }).state;
    expect(bySecondOwner.moves[0]?.outsideAuthority).toBe(false);
  });

  it('flags a restart made while a recovery criterion is unmet', () => {
    const { state, facts } = accept(pack, startedRun(pack), 'technical-lead', { type: 'move.make', move: testMoveId('restart') });
    const unmet = pack.recovery.criteria.map((c) => c.id);
    expect(state.moves[0]?.gateViolation).toEqual(unmet);
    expect(facts).toContainEqual({ type: 'gate.violated', at: 0, moveId: 'restart', unmet });
    expect(state.vars[testVariableId('status')]).toBe('restored');
  });

  it('does not flag a restart once every criterion holds', () => {
    const fixDelay = moveOf('fix')?.delay ?? 0;
    let state = accept(pack, startedRun(pack), 'technical-lead', { type: 'move.make', move: testMoveId('suspend') }).state;
    state = accept(pack, state, 'technical-lead', { type: 'move.make', move: testMoveId('fix') }).state;
    state = advance(pack, state, fixDelay);
    const { state: restarted, facts } = accept(pack, state, 'technical-lead', { type: 'move.make', move: testMoveId('restart') });
    expect(restarted.moves[2]).not.toHaveProperty('gateViolation');
    expect(factTypes(facts)).not.toContain('gate.violated');
  });

  it('meets a running obligation on time when it takes effect before the deadline', () => {
    const state = accept(pack, advance(pack, startedRun(pack), 100), 'legal-lead', { type: 'move.make', move: testMoveId('notify-msa') }).state;
    expect(state.obligations[testObligationId('report')]).toEqual({
      status: 'met', triggeredAt: 30, dueAt: 150, metAt: 100, metBy: 'legal-lead', metWith: 'notify-msa',
    });
  });

  it('meets an overdue obligation late', () => {
    const { state, facts } = accept(pack, advance(pack, startedRun(pack), 200), 'incident-lead', { type: 'move.make', move: testMoveId('notify-msa') });
    expect(state.obligations[testObligationId('report')]).toMatchObject({ status: 'met-late', metAt: 200, metBy: 'incident-lead' });
    expect(facts).toContainEqual({ type: 'obligation.met', at: 200, obligationId: 'report', late: true });
  });

  it('is refused outside the running phase', () => {
    refuse(pack, newRun(pack), 'technical-lead', { type: 'move.make', move: testMoveId('suspend') }, 'wrong-phase');
  });
});
