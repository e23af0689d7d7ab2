/**
 * The run's pseudo-random number generator: xoshiro128** seeded through
 * splitmix32. Its four 32-bit words live in `RunState.rng`, so replaying a log
 * draws exactly the same numbers as the live run did.
 */

/** The four 32-bit words of a xoshiro128** generator. */
export type RngState = readonly [number, number, number, number];

/** One splitmix32 step: returns the next counter and a well-mixed 32-bit output. */
function splitmix32(counter: number): { readonly next: number; readonly value: number } {
  const next = (counter + 0x9e3779b9) | 0;
  let t = next ^ (next >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return { next, value: t >>> 0 };
}

/**
 * Reduces a run seed to 32 bits. Seeds above 2^32 keep their high bits by
 * folding them in, so e.g. 1 and 2^32 + 1 give different streams.
 */
function seedWord(seed: number): number {
  const whole = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  const low = whole >>> 0;
  const high = Math.floor(whole / 4294967296) >>> 0;
  return (low ^ Math.imul(high, 0x85ebca6b)) >>> 0;
}

/** Seeds a generator from a run seed (any finite number; reduced to 32 bits). */
export function seedRng(seed: number): [number, number, number, number] {
  let counter = seedWord(seed);
  const words: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    const step = splitmix32(counter);
    counter = step.next;
    words.push(step.value);
  }
  // xoshiro must never be all zero; splitmix32 makes that practically
  // impossible, but a fixed fallback keeps the invariant unconditional.
  const [a = 0, b = 0, c = 0, d = 0] = words;
  return (a | b | c | d) === 0 ? [1, b, c, d] : [a, b, c, d];
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/**
 * Draws the next float in [0, 1) and advances `rng` in place. The caller owns
 * `rng` (the engine passes its private working copy of the state).
 */
export function nextFloat(rng: [number, number, number, number]): number {
  const [s0, s1, s2, s3] = rng;
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  let n2 = s2 ^ s0;
  let n3 = s3 ^ s1;
  const n1 = s1 ^ n2;
  const n0 = s0 ^ n3;
  n2 ^= t;
  n3 = rotl(n3, 11);
  rng[0] = n0 >>> 0;
  rng[1] = n1 >>> 0;
  rng[2] = n2 >>> 0;
  rng[3] = n3 >>> 0;
  return result / 4294967296;
}

/** Draws a whole number in [0, bound] (inclusive) and advances `rng` in place. */
export function nextIntInclusive(rng: [number, number, number, number], bound: number): number {
  return Math.floor(nextFloat(rng) * (bound + 1));
}
