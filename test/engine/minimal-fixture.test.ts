/**
 * The shared minimal fixture pack (test/fixtures/packs/minimal) played
 * through the engine: its reference timeline and a run without containment.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { playScript, replay, type Pack } from '../../src/engine';
import { loadPack } from '../../src/main/packs/load-pack';
import { testInjectId, testObligationId } from '../ids';

let pack: Pack;
beforeAll(async () => {
  const loaded = await loadPack(fileURLToPath(new URL('../fixtures/packs/minimal', import.meta.url)));
  if (!loaded.ok) throw new Error('the minimal fixture does not load');
  pack = loaded.value.pack;
});

/** Wrongful rejections per minute while the model is live (constant accrual rate of the harm variable). */
function harmPerMinute(): number {
  const harm = pack.variables.find((v) => v.id === pack.metrics.harm);
  if (harm?.type !== 'number' || typeof harm.accrue?.rate !== 'number') throw new Error('expected a constant accrual rate');
  return harm.accrue.rate / { minute: 1, hour: 60, day: 1440 }[harm.accrue.per];
}

describe('minimal fixture pack', () => {
  it('plays its reference timeline: harm accrues only while the model is live', () => {
    const run = playScript(pack, pack.reference.timeline, { seed: 1 });
    const at = (id: string) => run.state.moves.find((m) => m.moveId === id)?.at ?? -1;
    const live = at('suspend-model') + (pack.clock.end - at('restart-model'));
    expect(run.state.vars[pack.metrics.harm]).toBeCloseTo(live * harmPerMinute(), 6);
    expect(run.state.obligations[testObligationId('inform-provider')]?.status).toBe('met');
    expect(run.state.moves.some((m) => m.gateViolation)).toBe(false);
    expect(replay(pack, run.header, run.log)).toEqual({ ok: true, value: { state: run.state, facts: run.facts } });
  });

  it('without containment: harm for the whole scenario, the provider clock overdue, the press query fires', () => {
    const run = playScript(pack, [], { seed: 1 });
    expect(run.state.vars[pack.metrics.harm]).toBeCloseTo(pack.clock.end * harmPerMinute(), 6);
    expect(run.state.obligations[testObligationId('inform-provider')]?.status).toBe('overdue');
    const complaint = run.state.fired[testInjectId('complaint')] ?? -1;
    expect(run.state.fired[testInjectId('press-query')]).toBe(complaint + (pack.injects.find((i) => i.id === 'press-query')?.delay ?? 0));
  });
});
