/**
 * Scoring speed on a 10,000-entry run of the flagship pack (the same realistic
 * log as engine.bench.ts). Budget (not asserted): under 20 ms warm. The floor
 * is the replay alone of the same log, which scoring must do anyway.
 *
 * Scoring also plays the pack's reference timeline and a "do nothing" run;
 * those are cached per pack object and seed, so:
 * - warm: the same pack object scored again (the normal case: the app scores
 *   many runs of one loaded pack);
 * - cold: a fresh copy of the pack each time, so both reference runs are played too.
 * The debrief (score + timelines + TRACE facts) is reported warm as well.
 */
import { buildDebrief, replay, score, type Pack } from '../../src/engine';
import { loadPack } from '../../src/main/packs/load-pack';
import { against, median, sample, type BenchResult } from './bench-kit';
import { buildLog } from './engine.bench';

const FLAGSHIP = new URL('../../scenarios/biased-hiring', import.meta.url).pathname;

export async function run(): Promise<BenchResult[]> {
  const loaded = await loadPack(FLAGSHIP);
  if (!loaded.ok) throw new Error('the flagship pack does not load');
  const pack: Pack = loaded.value.pack;
  const { header, log } = buildLog(pack, 10_000);
  const floor = median(sample(() => replay(pack, header, log), 30, 3));
  const warm = median(sample(() => score(pack, header, log), 30, 3));
  const copies = Array.from({ length: 13 }, () => structuredClone(pack));
  let next = 0;
  const cold = median(sample(() => score(copies[next++]!, header, log), 10, 3));
  const debrief = median(sample(() => buildDebrief(pack, header, log), 20, 3));
  return [
    against('scoring: score a 10,000-entry run, warm (budget ≤ 1.5× replay alone; floor = replay alone)', warm, floor),
    against('scoring: score a 10,000-entry run, cold (plays the reference and do-nothing runs too)', cold, floor),
    against('scoring: debrief of a 10,000-entry run, warm (budget ≤ 1.5× replay alone)', debrief, floor),
  ];
}
