/** Rebuilding a run state from its header and log. */
import { applyToDraft } from './apply-command';
import { reject } from './context';
import { createDraft } from './create-run';
import type { Pack } from './pack/schema';
import { err, ok, type Result } from './result';
import type { Fact, LogEntry, Rejection, RunHeader, RunState } from './types';

/** A log replayed: the state after it and every fact, with the entry that produced it. */
export type Replayed = { readonly state: RunState; readonly facts: readonly (Fact & { readonly seq: number })[] };

/** A replay stopped: the first entry the engine refused, why, and the state before it. */
export type ReplayRefusal = { readonly seq: number; readonly rejection: Rejection; readonly state: RunState };

/** The outcome of a replay. */
export type ReplayResult = Result<Replayed, ReplayRefusal>;

/** The state a replay reached: after the whole log, or just before the entry it refused. */
export const stateReached = (result: ReplayResult): RunState => (result.ok ? result.value.state : result.error.state);

/**
 * Replays `log` (entries with `seq <= upTo`, all of them by default) on a
 * fresh run. Gives the very states live application gives, but works on one
 * private copy for speed. Entries must be numbered 1, 2, 3…; a gap is
 * reported as `invalid-command` at that entry.
 */
export function replay(
  pack: Pack,
  header: RunHeader,
  log: readonly LogEntry[],
  options: { readonly upTo?: number } = {},
): ReplayResult {
  const upTo = options.upTo ?? Infinity;
  const state = createDraft(pack, header);
  const facts: (Fact & { seq: number })[] = [];
  const scratch: Fact[] = [];
  let expected = 1;
  for (const entry of log) {
    if (entry.seq > upTo) break;
    if (entry.seq !== expected) {
      return err({ seq: entry.seq, rejection: reject('invalid-command', `Log entry ${expected} is numbered ${entry.seq}; entries must be numbered 1, 2, 3… without gaps.`), state });
    }
    scratch.length = 0;
    const rejection = applyToDraft(pack, state, entry, scratch);
    if (rejection !== undefined) {
      return err({ seq: entry.seq, rejection, state: rejection.code === 'trigger-loop' ? before(pack, header, log, entry.seq) : state });
    }
    for (const fact of scratch) facts.push({ ...fact, seq: entry.seq });
    expected += 1;
  }
  return ok({ state, facts });
}

/**
 * `trigger-loop` is the one rejection found after the working copy changed;
 * the state before that entry is rebuilt from the (valid) prefix instead of
 * copying the state before every entry.
 */
function before(pack: Pack, header: RunHeader, log: readonly LogEntry[], seq: number): RunState {
  return stateReached(replay(pack, header, log, { upTo: seq - 1 }));
}
