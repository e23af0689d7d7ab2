import { describe, expect, it } from 'vitest';
import { buildPack, basePackInput } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';
import { testInjectId } from '../../ids';

describe('role.assign', () => {
  const pack = buildPack();

  it('gives a role to a participant during setup', () => {
    const { state, facts } = accept(pack, newRun(pack), 'facilitator', { type: 'role.assign', role: 'legal-lead', participant: 'Lena' });
    expect(state.roles).toEqual({ 'legal-lead': 'Lena' });
    expect(facts).toEqual([]);
  });

  it('replaces the participant when the role is assigned again', () => {
    let state = accept(pack, newRun(pack), 'facilitator', { type: 'role.assign', role: 'legal-lead', participant: 'Lena' }).state;
    state = accept(pack, state, 'facilitator', { type: 'role.assign', role: 'legal-lead', participant: 'Omar' }).state;
    expect(state.roles['legal-lead']).toBe('Omar');
  });

  it('accepts a late assignment while running, and conditions on roles react to it then', () => {
    const input = basePackInput();
    const lateJoin = {
      id: 'legal-joins',
      stage: 'govern' as const,
      when: { role: 'legal-lead', assigned: true },
      channel: 'chat' as const,
      title: 'Legal is here',
      body: 'Hello.',
    };
    const withTrigger = buildPack({ injects: [...input.injects, lateJoin] });
    const running = startedRun(withTrigger);
    expect(running.fired[testInjectId('legal-joins')]).toBeUndefined();
    const { state, facts } = accept(withTrigger, running, 'facilitator', { type: 'role.assign', role: 'legal-lead', participant: 'Lena' });
    expect(state.roles['legal-lead']).toBe('Lena');
    expect(state.fired[testInjectId('legal-joins')]).toBe(0);
    expect(facts).toContainEqual({ type: 'inject.fired', at: 0, injectId: 'legal-joins', adhoc: false });
  });

  it('does not fire role-triggered injects before the run starts', () => {
    const input = basePackInput();
    const trigger = { id: 'lead-ready', stage: 'prepare' as const, when: { role: 'incident-lead', assigned: true }, channel: 'chat' as const, title: 'Ready', body: 'Go.' };
    const withTrigger = buildPack({ injects: [...input.injects, trigger] });
    const assigned = accept(withTrigger, newRun(withTrigger), 'facilitator', { type: 'role.assign', role: 'incident-lead', participant: 'Ann' }).state;
    expect(assigned.fired[testInjectId('lead-ready')]).toBeUndefined();
    const started = accept(withTrigger, assigned, 'system', { type: 'run.start' }).state;
    expect(started.fired[testInjectId('lead-ready')]).toBe(0);
  });

  it('is refused once the run has ended', () => {
    const ended = accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state;
    const rejection = refuse(pack, ended, 'facilitator', { type: 'role.assign', role: 'legal-lead', participant: 'Lena' }, 'wrong-phase');
    expect(rejection.message).toContain('"role.assign"');
    expect(rejection.message).toContain('ended');
  });
});
