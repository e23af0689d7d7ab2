import { describe, expect, it } from 'vitest';
import { applyCommand, createRun, replay, type Fact, type LogEntry, type RunState, simMinutes } from '../../src/engine';
import { buildPack } from './helpers/pack-builder';
import { testHeader } from './helpers/run';
import { testMoveId } from '../ids';

const pack = buildPack();
const header = testHeader(pack, 5);
const entries: Omit<LogEntry, 'seq'>[] = [
  { by: 'facilitator', command: { type: 'role.assign', role: 'incident-lead', participant: 'Ann' } },
  { by: 'system', command: { type: 'run.start' } },
  { by: 'system', command: { type: 'clock.advance', to: simMinutes(35) } },
  { by: 'incident-lead', command: { type: 'severity.classify', level: 4 } },
  { by: 'technical-lead', command: { type: 'move.make', move: testMoveId('suspend') } },
  { by: 'system', command: { type: 'clock.advance', to: simMinutes(100) } },
  { by: 'legal-lead', command: { type: 'move.make', move: testMoveId('notify-msa') } },
  { by: 'system', command: { type: 'run.end' } },
];
const log: LogEntry[] = entries.map((e, i) => ({ seq: i + 1, ...e, wall: '2030-01-01T00:00:00.000Z' }));

function live(upTo: number): { state: RunState; facts: (Fact & { seq: number })[] } {
  let state = createRun(pack, header);
  const facts: (Fact & { seq: number })[] = [];
  for (const entry of log.slice(0, upTo)) {
    const result = applyCommand(pack, state, entry);
    if (!result.ok) throw new Error(result.error.message);
    state = result.value.state;
    facts.push(...result.value.facts.map((f) => ({ ...f, seq: entry.seq })));
  }
  return { state, facts };
}

describe('replay', () => {
  it('rebuilds the state live application reached, with facts tagged by seq', () => {
    const result = replay(pack, header, log);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expected = live(log.length);
    expect(result.value.state).toEqual(expected.state);
    expect(result.value.facts).toEqual(expected.facts);
    expect(result.value.facts.find((f) => f.type === 'move.effective')?.seq).toBe(5);
  });

  it('stops after `upTo` (inclusive)', () => {
    const result = replay(pack, header, log, { upTo: 4 });
    expect(result.ok && result.value.state).toEqual(live(4).state);
    expect(result.ok && result.value.state.severity).toHaveLength(1);
  });

  it('reports the first refused entry with the state before it', () => {
    const broken: LogEntry[] = [...log.slice(0, 5), { seq: 6, by: 'technical-lead', command: { type: 'move.make', move: testMoveId('suspend') } }];
    const result = replay(pack, header, broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.seq).toBe(6);
    expect(result.error.rejection.code).toBe('already-done');
    expect(result.error.state).toEqual(live(5).state);
  });

  it('refuses a log with a gap in its numbering', () => {
    const gap = [log[0], { ...log[1], seq: 3 }] as LogEntry[];
    const result = replay(pack, header, gap);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.rejection.code).toBe('invalid-command');
    expect(result.error.rejection.message).toContain('numbered 3');
    expect(result.error.state).toEqual(live(1).state);
  });

  it('refuses an unknown command type found in a log', () => {
    const odd = [log[0], { seq: 2, by: 'system', command: { type: 'run.pause' } }] as unknown as LogEntry[];
    const result = replay(pack, header, odd);
    expect(!result.ok && result.error.rejection).toMatchObject({ code: 'invalid-command' });
    expect(!result.ok && result.error.rejection.message).toContain('"run.pause"');
  });

  it('gives the initial state for an empty log', () => {
    const result = replay(pack, header, []);
    expect(result).toEqual({ ok: true, value: { state: createRun(pack, header), facts: [] } });
  });
});
