import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';

describe('role.unassign', () => {
  const pack = buildPack();

  it('takes the role away', () => {
    const assigned = accept(pack, newRun(pack), 'facilitator', { type: 'role.assign', role: 'comms-lead', participant: 'Chris' }).state;
    const { state } = accept(pack, assigned, 'facilitator', { type: 'role.unassign', role: 'comms-lead' });
    expect(state.roles).toEqual({});
    expect(Object.hasOwn(state.roles, 'comms-lead')).toBe(false);
  });

  it('refuses a role nobody holds, naming the role', () => {
    const rejection = refuse(pack, newRun(pack), 'facilitator', { type: 'role.unassign', role: 'comms-lead' }, 'already-done');
    expect(rejection.message).toContain('"comms-lead"');
  });

  it('is accepted while running and refused once ended', () => {
    let state = accept(pack, newRun(pack), 'facilitator', { type: 'role.assign', role: 'comms-lead', participant: 'Chris' }).state;
    state = accept(pack, state, 'system', { type: 'run.start' }).state;
    state = accept(pack, state, 'facilitator', { type: 'role.unassign', role: 'comms-lead' }).state;
    expect(state.roles['comms-lead']).toBeUndefined();
    const ended = accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state;
    refuse(pack, ended, 'facilitator', { type: 'role.unassign', role: 'comms-lead' }, 'wrong-phase');
  });
});
