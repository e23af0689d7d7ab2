import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';

describe('trace.rootCause', () => {
  const pack = buildPack();
  const ended = () => accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state;

  it('records the chosen candidate; a later pick replaces it', () => {
    let state = accept(pack, ended(), 'incident-lead', { type: 'trace.rootCause', candidate: 'code' }).state;
    state = accept(pack, state, 'incident-lead', { type: 'trace.rootCause', candidate: 'data' }).state;
    expect(state.trace.rootCause).toBe('data');
  });

  it('is accepted while running too', () => {
    expect(accept(pack, startedRun(pack), 'incident-lead', { type: 'trace.rootCause', candidate: 'data' }).state.trace.rootCause).toBe('data');
  });

  it('refuses an id that is not a candidate, listing the candidates', () => {
    const rejection = refuse(pack, ended(), 'incident-lead', { type: 'trace.rootCause', candidate: 'aliens' }, 'unknown-id');
    expect(rejection.message).toContain('"aliens"');
    expect(rejection.message).toContain('"data", "code"');
  });

  it('is refused during setup', () => {
    refuse(pack, newRun(pack), 'incident-lead', { type: 'trace.rootCause', candidate: 'data' }, 'wrong-phase');
  });
});
