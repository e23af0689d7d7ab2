import { describe, expect, it } from 'vitest';
import { applyCommand, replay, type PackInput, stateReached, simMinutes } from '../../src/engine';
import { SETTLE_ROUND_CAP } from '../../src/engine/settle';
import { basePackInput, buildPack } from './helpers/pack-builder';
import { advance, startedRun, testHeader } from './helpers/run';
import { testInjectId } from '../ids';

/**
 * `length` triggered injects chained against pack order: c0 waits for c1, c1
 * for c2, … and the last one waits for `aware` (set by `alert` at minute 30).
 * Settle walks the injects in pack order, so each round fires exactly one:
 * the chain needs `length` changing rounds plus a quiet one.
 */
function chainPack(length: number) {
  const input = basePackInput();
  const chain: PackInput['injects'] = Array.from({ length }, (_, i) => ({
    id: `c${i}`,
    stage: 'detect' as const,
    when: i === length - 1 ? { var: 'aware', eq: true } : { inject: `c${i + 1}` },
    channel: 'chat' as const,
    title: `Chain ${i}`,
    body: 'Next.',
  }));
  return buildPack({ injects: [...input.injects, ...chain] });
}

describe('settle', () => {
  it('fires a chain of triggers in one command when it fits within the round cap', () => {
    const length = SETTLE_ROUND_CAP - 1;
    const pack = chainPack(length);
    const state = advance(pack, startedRun(pack), 30);
    for (let i = 0; i < length; i += 1) expect(state.fired[testInjectId(`c${i}`)]).toBe(30);
    // Reverse pack order: the last link fires first.
    const chainFeed = state.feed.filter((f) => f.injectId.startsWith('c')).map((f) => f.injectId);
    expect(chainFeed[0]).toBe(`c${length - 1}`);
    expect(chainFeed[length - 1]).toBe('c0');
  });

  it('refuses the whole command with trigger-loop when the triggers need more rounds', () => {
    const pack = chainPack(SETTLE_ROUND_CAP);
    const before = advance(pack, startedRun(pack), 29);
    const frozen = structuredClone(before);
    const result = applyCommand(pack, before, { by: 'system', command: { type: 'clock.advance', to: simMinutes(40) } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('trigger-loop');
    expect(result.error.message).toContain(String(SETTLE_ROUND_CAP));
    expect(result.error.message).toContain('minute 30');
    expect(before).toEqual(frozen);
  });

  it('lets replay report the loop with the state before the refused entry', () => {
    const pack = chainPack(SETTLE_ROUND_CAP);
    const header = testHeader(pack);
    const log = [
      { seq: 1, by: 'system' as const, command: { type: 'run.start' as const } },
      { seq: 2, by: 'system' as const, command: { type: 'clock.advance' as const, to: simMinutes(20) } },
      { seq: 3, by: 'system' as const, command: { type: 'clock.advance' as const, to: simMinutes(40) } },
    ];
    const result = replay(pack, header, log);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.seq).toBe(3);
    expect(result.error.rejection.code).toBe('trigger-loop');
    expect(result.error.state).toEqual(stateReached(replay(pack, header, log, { upTo: 2 })));
    expect(result.error.state.clock.now).toBe(20);
  });
});
