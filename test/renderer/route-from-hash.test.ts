/** The address bar is untrusted input: only checked ids become routes, anything else falls back. */
import { describe, expect, it } from 'vitest';
import { routeFromHash } from '../../src/renderer/store/navigation-slice';

describe('routeFromHash', () => {
  it('reads the screens with their checked ids', () => {
    expect(routeFromHash('#/setup/biased-hiring')).toEqual({ screen: 'setup', packId: 'biased-hiring' });
    expect(routeFromHash('#/run/20270506T101502Z-3f9a1c2b')).toEqual({ screen: 'run', runId: '20270506T101502Z-3f9a1c2b' });
    expect(routeFromHash('#/debrief/r_1')).toEqual({ screen: 'debrief', runId: 'r_1' });
    expect(routeFromHash('#/history')).toEqual({ screen: 'history' });
  });

  it.each([
    ['a path', '#/run/..%2F..%2Fetc'],
    ['dots', '#/run/a.b'],
    ['a long id', `#/run/${'x'.repeat(65)}`],
    ['markup', '#/briefing/<img src=x>'],
    ['no id', '#/presenter'],
  ])('sends a run screen with %s to the history', (_label, hash) => {
    expect(routeFromHash(hash)).toEqual({ screen: 'history' });
  });

  it.each([
    ['upper case', '#/setup/Biased'],
    ['a reserved device name', '#/setup/con'],
    ['a path', '#/setup/..'],
    ['no id', '#/setup'],
  ])('sends a setup link with %s to the library', (_label, hash) => {
    expect(routeFromHash(hash)).toEqual({ screen: 'library' });
  });

  it('sends anything unknown to the library', () => {
    expect(routeFromHash('#/nowhere/x')).toEqual({ screen: 'library' });
    expect(routeFromHash('')).toEqual({ screen: 'library' });
  });
});
