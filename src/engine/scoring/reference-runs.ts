/**
 * The runs scoring measures a team against: the pack's reference timeline
 * and a "do nothing" run (start, advance to the end, end), both played with
 * the team's seed so jittered injects land at the same times. Playing them
 * costs as much as a whole run, so the result is cached per pack object and
 * seed (a WeakMap: a pack dropped by its owner frees its cache; at most 16
 * seeds per pack).
 */
import { derivedRunId } from '../run-id';
import type { RunId } from '../types';
import type { Pack } from '../pack/schema';
import type { LogEntry, RunHeader, RunState } from '../types';
import { playScript } from './engine-api';
import { playedToEnd } from './to-the-end';

/** A played run: its header, accepted log and final state. */
export type PlayedRun = { readonly header: RunHeader; readonly log: readonly LogEntry[]; readonly state: RunState };

/** The reference and do-nothing runs of a pack for one seed. */
export type ReferenceRuns = {
  readonly reference?: PlayedRun;
  readonly doNothing?: PlayedRun;
  /** Why the reference timeline could not be played. */
  readonly error?: string;
};

const cache = new WeakMap<Pack, Map<number, ReferenceRuns>>();
/** Seeds cached per pack (oldest dropped first). */
const SEEDS_KEPT = 16;

function play(pack: Pack, script: Pack['reference']['timeline'], seed: number, runId: RunId): PlayedRun | string {
  try {
    const played = playScript(pack, script, { seed, runId });
    // The engine reports a refused entry by throwing; a `failure` field is accepted too.
    const failure = (played as { failure?: { message: string } }).failure;
    if (failure) return failure.message;
    // A reference that ends early is judged to the end, as a team's run is (to-the-end.ts).
    const state = playedToEnd(pack, played.header, played.log, played.state)?.state ?? played.state;
    return { header: played.header, log: played.log, state };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The reference and do-nothing runs for `seed` (computed once per pack object and seed). */
export function referenceRuns(pack: Pack, seed: number): ReferenceRuns {
  let bySeed = cache.get(pack);
  if (!bySeed) {
    bySeed = new Map();
    cache.set(pack, bySeed);
  }
  const cached = bySeed.get(seed);
  if (cached) return cached;
  const reference = play(pack, pack.reference.timeline, seed, derivedRunId(pack.id, 'reference'));
  const doNothing = play(pack, [], seed, derivedRunId(pack.id, 'do-nothing'));
  const errors = [
    typeof reference === 'string' ? `the reference timeline could not be played: ${reference}` : undefined,
    typeof doNothing === 'string' ? `the "do nothing" run could not be played: ${doNothing}` : undefined,
  ].filter((e): e is string => e !== undefined);
  const runs: ReferenceRuns = {
    ...(typeof reference === 'string' ? {} : { reference }),
    ...(typeof doNothing === 'string' ? {} : { doNothing }),
    ...(errors.length ? { error: errors.join('; ') } : {}),
  };
  bySeed.set(seed, runs);
  // Every run has its own seed: keep the most recent few so a long history does not pile up.
  if (bySeed.size > SEEDS_KEPT) bySeed.delete(bySeed.keys().next().value as number);
  return runs;
}
