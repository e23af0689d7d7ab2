/** Creating a run: the state before the first log entry. */
import { harmOf } from './clock';
import type { DraftState } from './draft';
import type { Pack } from './pack/schema';
import { indexOf } from './pack-index';
import { initialService } from './service';
import { nextIntInclusive, seedRng } from './random';
import { ENGINE_VERSION, SUPPORTED_ENGINE_VERSIONS, type RunHeader, type RunState } from './types';
import { after, simMinutes, START, type SimMinutes } from './sim-minutes';

/**
 * Creates the initial state of a run (phase `setup`, clock paused at 0).
 * Timed injects get their scheduled time here, jitter drawn from the PRNG
 * seeded by `header.seed` in pack order, so the same seed gives the same
 * schedule.
 */
export function createRun(pack: Pack, header: RunHeader): RunState {
  return createDraft(pack, header);
}

/** `createRun` returning the engine's mutable type (replay works on it in place). */
export function createDraft(pack: Pack, header: RunHeader): DraftState {
  const rng = seedRng(header.seed);
  const schedule: Record<string, SimMinutes> = {};
  for (const inject of pack.injects) {
    if (inject.at === undefined) continue;
    const jitter = inject.jitter ?? 0;
    schedule[inject.id] = after(inject.at, simMinutes(jitter > 0 ? nextIntInclusive(rng, jitter) : 0));
  }
  const vars: Record<string, number | boolean | string> = {};
  for (const variable of pack.variables) vars[variable.id] = variable.initial;
  const draft: DraftState = {
    // The rules the run was recorded with (a run of an earlier version replays with its own rules).
    engineVersion: SUPPORTED_ENGINE_VERSIONS.includes(header.engineVersion) ? header.engineVersion : ENGINE_VERSION,
    packId: pack.id,
    phase: 'setup',
    clock: { now: START, paused: true, compression: pack.clock.compression, end: pack.clock.end },
    rng,
    vars,
    schedule,
    fired: {},
    feed: [],
    pending: [],
    decisions: {},
    moves: [],
    severity: [],
    r3ai: [],
    obligations: {},
    roles: {},
    readiness: {},
    trace: { corrections: [], evolutions: [], reflections: {}, actionItems: [] },
    notes: [],
    harmSeries: [[START, harmOf(vars[pack.metrics.harm])]],
    otherHarmSeries: Object.fromEntries(pack.metrics.harms.map((h) => [h.var, [[START, harmOf(vars[h.var])] as const]])),
    service: [],
  };
  draft.service = initialService(indexOf(pack), draft);
  return draft;
}
