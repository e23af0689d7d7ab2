import { describe, expect, it } from 'vitest';
import { isScriptError, playScript, replay, scriptSchema, type Script, type ScriptError, simMinutes } from '../../src/engine';
import { buildPack } from './helpers/pack-builder';
import { testMoveId, testObligationId } from '../ids';

const pack = buildPack();

function failure(script: Script): ScriptError {
  try {
    playScript(pack, script, { seed: 1 });
  } catch (error) {
    if (isScriptError(error)) return error;
    throw error;
  }
  throw new Error('expected the script to fail');
}

describe('playScript', () => {
  it('applies setup entries, starts the run at the first timed entry and finishes the run', () => {
    const played = playScript(
      pack,
      [
        { by: 'facilitator', command: { type: 'role.assign', role: 'technical-lead', participant: 'Tom' } },
        { at: simMinutes(45), by: 'technical-lead', command: { type: 'move.make', move: testMoveId('suspend') } },
        { by: 'incident-lead', command: { type: 'note.add', text: 'Done at the same minute.' } },
      ],
      { seed: 3 },
    );
    expect(played.log.map((e) => [e.seq, e.by, e.command.type])).toEqual([
      [1, 'facilitator', 'role.assign'],
      [2, 'system', 'run.start'],
      [3, 'system', 'clock.advance'],
      [4, 'technical-lead', 'move.make'],
      [5, 'incident-lead', 'note.add'],
      [6, 'system', 'clock.advance'],
      [7, 'system', 'run.end'],
    ]);
    expect(played.log[2]?.command).toEqual({ type: 'clock.advance', to: 45 });
    expect(played.log[5]?.command).toEqual({ type: 'clock.advance', to: pack.clock.end });
    expect(played.log.every((e) => !('wall' in e))).toBe(true);
    expect(played.state).toMatchObject({ phase: 'ended', endedAt: pack.clock.end });
    expect(played.state.notes[0]?.at).toBe(45);
    expect(played.header).toMatchObject({ packId: pack.id, packVersion: pack.version, seed: 3, runId: `script-${pack.id}` });
  });

  it('produces a log that replays to the same state and facts', () => {
    const parsed = scriptSchema.parse([{ at: '1h', by: 'legal-lead', command: { type: 'move.make', move: 'notify-msa' } }]);
    const run = playScript(pack, parsed, { seed: 9 });
    const replayed = replay(pack, run.header, run.log);
    expect(replayed).toEqual({ ok: true, value: { state: run.state, facts: run.facts } });
    expect(run.state.moves[0]?.at).toBe(60);
  });

  it('plays an empty script as a "do nothing" run', () => {
    const run = playScript(pack, [], { seed: 1 });
    expect(run.log.map((e) => e.command.type)).toEqual(['run.start', 'clock.advance', 'run.end']);
    expect(run.state.obligations[testObligationId('report')]?.status).toBe('overdue');
  });

  it('does not advance the clock for an entry at the current minute', () => {
    const run = playScript(pack, [{ at: simMinutes(0), by: 'incident-lead', command: { type: 'severity.classify', level: 2 } }], { seed: 1 });
    expect(run.log.slice(0, 2).map((e) => e.command.type)).toEqual(['run.start', 'severity.classify']);
  });

  it('stops at a refused entry, naming it (1-based) and the rejection', () => {
    const error = failure([
      { at: simMinutes(10), by: 'technical-lead', command: { type: 'move.make', move: testMoveId('suspend') } },
      { at: simMinutes(20), by: 'technical-lead', command: { type: 'move.make', move: testMoveId('suspend') } },
    ]);
    expect(error.index).toBe(1);
    expect(error.rejection.code).toBe('already-done');
    expect(error.message).toContain('Script entry 2');
    expect(error.message).toContain('move.make by technical-lead at 20m');
    expect(error.state.clock.now).toBe(20);
    expect(error.log.map((e) => e.command.type)).toEqual(['run.start', 'clock.advance', 'move.make', 'clock.advance']);
  });

  it('refuses an entry whose time goes backwards', () => {
    const error = failure([
      { at: simMinutes(50), by: 'incident-lead', command: { type: 'note.add', text: 'Later.' } },
      { at: simMinutes(40), by: 'incident-lead', command: { type: 'note.add', text: 'Earlier?' } },
    ]);
    expect(error.index).toBe(1);
    expect(error.rejection.code).toBe('time-backwards');
  });

  it('refuses an entry beyond the scenario end', () => {
    expect(failure([{ at: simMinutes(pack.clock.end + 1), by: 'incident-lead', command: { type: 'note.add', text: 'x' } }]).rejection.code).toBe('beyond-end');
  });
});

describe('scriptSchema', () => {
  it('accepts a list or { entries }, with durations as minutes or strings', () => {
    const entry = { at: '1h 30m', by: 'incident-lead', command: { type: 'severity.classify', level: 3 } };
    expect(scriptSchema.parse([entry])).toEqual([{ ...entry, at: 90 }]);
    expect(scriptSchema.parse({ entries: [entry] })).toEqual([{ ...entry, at: 90 }]);
  });

  it('rejects an invalid command with its path', () => {
    const parsed = scriptSchema.safeParse([{ by: 'incident-lead', command: { type: 'severity.classify', level: 7 } }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((i) => i.path.join('.').startsWith('0.command'))).toBe(true);
  });
});
