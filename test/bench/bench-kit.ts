/** Helpers for benchmarks: medians and percentiles over repeated timed runs. */

/** One benchmark figure; `value` and `floor` are medians measured in the same run. */
export type BenchResult = { name: string; value: number; unit: string; floor?: number; ratio?: number };

/** Times `fn` `repeats` times after `warmup` untimed runs; returns every sample in ms. */
export function sample(fn: () => unknown, repeats: number, warmup = Math.min(5, repeats)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** Async variant of `sample`. */
export async function sampleAsync(fn: () => Promise<unknown>, repeats: number, warmup = Math.min(3, repeats)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** The q-quantile (0..1) of the samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

/** The median of the samples. */
export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

/** A result with its floor and the ratio value / floor. */
export function against(name: string, value: number, floor: number, unit = 'ms'): BenchResult {
  return { name, value, unit, floor, ratio: floor > 0 ? value / floor : Number.NaN };
}
