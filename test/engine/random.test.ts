import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextFloat, nextIntInclusive, seedRng } from '../../src/engine/random';

describe('random (xoshiro128** seeded by splitmix32)', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const draw = (seed: number) => {
      const rng = seedRng(seed);
      return Array.from({ length: 8 }, () => nextFloat(rng));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(1)).not.toEqual(draw(1 + 2 ** 32));
  });

  it('keeps its state as four unsigned 32-bit words (plain JSON)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = seedRng(seed);
        nextFloat(rng);
        expect(rng).toHaveLength(4);
        for (const word of rng) expect(Number.isInteger(word) && word >= 0 && word < 2 ** 32).toBe(true);
        expect(rng.some((w) => w !== 0)).toBe(true);
        expect(JSON.parse(JSON.stringify(rng))).toEqual(rng);
      }),
    );
  });

  it('draws floats in [0, 1) and integers in [0, bound]', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 1000 }), (seed, bound) => {
        const rng = seedRng(seed);
        const f = nextFloat(rng);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThan(1);
        const n = nextIntInclusive(rng, bound);
        expect(Number.isInteger(n) && n >= 0 && n <= bound).toBe(true);
      }),
    );
  });

  it('covers the whole range of small bounds roughly evenly', () => {
    const rng = seedRng(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i += 1) {
      const n = nextIntInclusive(rng, 3);
      counts[n] = (counts[n] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(700);
  });
});
