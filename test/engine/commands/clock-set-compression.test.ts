import { describe, expect, it } from 'vitest';
import { buildPack } from '../helpers/pack-builder';
import { accept, newRun, refuse, startedRun } from '../helpers/run';

describe('clock.setCompression', () => {
  const pack = buildPack();

  it("starts from the pack's compression and can be changed while running", () => {
    const running = startedRun(pack);
    expect(running.clock.compression).toBe(pack.clock.compression);
    const { state, facts } = accept(pack, running, 'facilitator', { type: 'clock.setCompression', compression: 12.5 });
    expect(state.clock.compression).toBe(12.5);
    expect(state.clock.now).toBe(running.clock.now);
    expect(facts).toEqual([]);
  });

  it('is refused during setup', () => {
    refuse(pack, newRun(pack), 'facilitator', { type: 'clock.setCompression', compression: 2 }, 'wrong-phase');
  });
});
