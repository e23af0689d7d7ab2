import { describe, expect, it } from 'vitest';
import { applyCommand, type Actor, type Command, type RejectionCode, type RunState } from '../../src/engine';
import { buildPack } from './helpers/pack-builder';
import { accept, advance, newRun, startedRun } from './helpers/run';

/**
 * One reachable example of every rejection code (the command files test each
 * in context; `trigger-loop` is in settle.test.ts). Each message must name the
 * id or value at fault.
 */
describe('rejections', () => {
  const pack = buildPack();
  const ended = accept(pack, startedRun(pack), 'system', { type: 'run.end' }).state;
  const cases: readonly [RejectionCode, RunState, Actor, Command | unknown, string][] = [
    ['invalid-command', startedRun(pack), 'system', { type: 'clock.rewind' }, '"clock.rewind"'],
    ['invalid-command', startedRun(pack), 'legal-lead', { type: 'trace.select', section: 'correction', ids: ['c1', 'c1'] }, 'correction'],
    ['wrong-phase', ended, 'technical-lead', { type: 'move.make', move: 'suspend' }, '"move.make"'],
    ['unknown-id', startedRun(pack), 'technical-lead', { type: 'move.make', move: 'format-disk' }, '"format-disk"'],
    ['precondition-failed', startedRun(pack), 'technical-lead', { type: 'move.make', move: 'fix' }, '"fix"'],
    ['already-done', accept(pack, startedRun(pack), 'facilitator', { type: 'clock.pause' }).state, 'facilitator', { type: 'clock.pause' }, 'paused'],
    ['time-backwards', advance(pack, startedRun(pack), 60), 'system', { type: 'clock.advance', to: 59 }, 'minute 59'],
    ['beyond-end', startedRun(pack), 'system', { type: 'clock.advance', to: 99_999 }, 'minute 99999'],
    ['not-allowed', startedRun(pack), 'legal-lead', { type: 'decision.answer', decision: 'notify', options: ['yes'] }, '"notify"'],
  ];

  it.each(cases)('%s', (code, state, by, command, named) => {
    const result = applyCommand(pack, state, { by, command: command as Command });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(named);
  });

  it('covers every rejection code (trigger-loop in settle.test.ts)', () => {
    const all: RejectionCode[] = ['invalid-command', 'wrong-phase', 'unknown-id', 'precondition-failed', 'already-done', 'time-backwards', 'beyond-end', 'trigger-loop', 'not-allowed'];
    const covered = new Set([...cases.map(([code]) => code), 'trigger-loop']);
    expect(all.filter((code) => !covered.has(code))).toEqual([]);
    expect(newRun(pack).phase).toBe('setup');
  });
});
