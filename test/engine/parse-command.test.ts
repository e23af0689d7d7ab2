import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/engine';

describe('parseCommand', () => {
  it('accepts a valid command and fills defaults', () => {
    expect(parseCommand({ type: 'decision.answer', decision: 'notify' })).toEqual({
      ok: true,
      value: { type: 'decision.answer', decision: 'notify', options: [] },
    });
    expect(parseCommand({ type: 'inject.adhoc', id: 'x', title: 'T', body: 'B', channel: 'chat' })).toMatchObject({ ok: true, value: { visibleTo: 'all' } });
  });

  it.each([
    ['an unknown type', { type: 'run.pause' }, 'command.type'],
    ['a bad level', { type: 'severity.classify', level: 6 }, 'command.level'],
    ['an extra field', { type: 'run.start', now: true }, 'command'],
    ['a bad id', { type: 'move.make', move: 'Suspend Model' }, 'command.move'],
    ['a negative time', { type: 'clock.advance', to: -5 }, 'command.to'],
    ['a non-object', 'run.start', 'command'],
  ])('rejects %s, naming where', (_name, input, where) => {
    const result = parseCommand(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(where)).toBe(true);
  });
});
