import { describe, expect, it } from 'vitest';
import { DEFAULT_READINESS_ITEMS } from '../../../src/engine';
import { basePackInput, buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';
import { testInjectId, testReadinessId } from '../../ids';

describe('readiness.set', () => {
  it('answers an item of the app default checklist when the pack has none', () => {
    const pack = buildPack();
    const item = DEFAULT_READINESS_ITEMS[0]?.id ?? '';
    const { state } = accept(pack, newRun(pack), 'facilitator', { type: 'readiness.set', item, value: true });
    expect(state.readiness).toEqual({ [item]: true });
  });

  it("uses the pack's own checklist when it has one", () => {
    const pack = buildPack({ readiness: [{ id: 'kill-switch-tested', label: 'Kill switch tested' }] });
    const { state } = accept(pack, newRun(pack), 'facilitator', { type: 'readiness.set', item: 'kill-switch-tested', value: false });
    expect(state.readiness[testReadinessId('kill-switch-tested')]).toBe(false);
    const rejection = refuse(pack, newRun(pack), 'facilitator', { type: 'readiness.set', item: 'ai-inventory', value: true }, 'unknown-id');
    expect(rejection.message).toContain('"ai-inventory"');
  });

  it('feeds readiness conditions once the run starts', () => {
    const input = basePackInput();
    const pack = buildPack({
      readiness: [{ id: 'monitoring', label: 'Monitoring' }],
      injects: [
        ...input.injects,
        { id: 'early', stage: 'detect', when: { readiness: 'monitoring' }, channel: 'dashboard', title: 'Early', body: 'Seen early.' },
      ],
    });
    const ready = accept(pack, newRun(pack), 'facilitator', { type: 'readiness.set', item: 'monitoring', value: true }).state;
    expect(accept(pack, ready, 'system', { type: 'run.start' }).state.fired[testInjectId('early')]).toBe(0);
    expect(accept(pack, newRun(pack), 'system', { type: 'run.start' }).state.fired[testInjectId('early')]).toBeUndefined();
  });

  it('is a setup command only', () => {
    const pack = buildPack();
    refuse(pack, startedRun(pack), 'facilitator', { type: 'readiness.set', item: 'ai-inventory', value: true }, 'wrong-phase');
  });
});
