/**
 * The clock and the classification commands skip conditions that cannot have
 * changed (gates, quiet minutes, per-input re-checks; see pack-index.ts).
 * These properties compare the engine with a variant of the same pack index
 * that has no shortcuts: every settle checks everything, every minute.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRun, type Pack, type RunState } from '../../src/engine';
import { applyToDraft } from '../../src/engine/apply-command';
import { draftOf } from '../../src/engine/draft';
import { indexOf, type PackIndex } from '../../src/engine/pack-index';
import { loadPack } from '../../src/main/packs/load-pack';
import { commandOf, sequenceArbitrary } from './helpers/command-arbitrary';
import { jitteredPack } from './helpers/pack-builder';
import { testHeader } from './helpers/run';

function withoutShortcuts(pack: Pack): PackIndex {
  const index = indexOf(pack);
  const all = {
    injects: index.all.injects.map((t) => ({ ...t, gate: undefined })),
    obligations: index.all.obligations.map((o) => ({ ...o, gate: undefined })),
    limbs: index.all.limbs.map((l) => ({ ...l, gate: undefined })),
  };
  return { ...index, all, quiet: { time: all, accrual: all }, readers: () => all };
}

/** Plays the intents with the given index; returns the states after each accepted command (and the refusals). */
function playWith(pack: Pack, index: PackIndex, seed: number, intents: Parameters<typeof commandOf>[0][]) {
  let state: RunState = createRun(pack, testHeader(pack, seed));
  const trail: (RunState | string)[] = [];
  for (const intent of intents) {
    const draft = draftOf(state);
    const rejection = applyToDraft(pack, draft, commandOf(intent, state), [], index);
    if (rejection === undefined) state = draft;
    trail.push(rejection === undefined ? state : rejection.code);
  }
  return trail;
}

function property(pack: () => Pack, runs: number) {
  return () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constant(null).chain(() => sequenceArbitrary(pack(), 30)), (seed, intents) => {
        const p = pack();
        expect(playWith(p, indexOf(p), seed, intents)).toStrictEqual(playWith(p, withoutShortcuts(p), seed, intents));
      }),
      { numRuns: runs },
    );
}

describe('settle shortcuts change nothing', () => {
  let flagship: Pack;
  beforeAll(async () => {
    const loaded = await loadPack(fileURLToPath(new URL('../../scenarios/biased-hiring', import.meta.url)));
    if (!loaded.ok) throw new Error('the flagship pack does not load');
    flagship = loaded.value.pack;
  });

  const small = jitteredPack();
  it('on the test pack', property(() => small, 150));
  it('on the flagship pack (long advances, many time triggers)', property(() => flagship, 60));
});
