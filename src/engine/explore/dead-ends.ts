/**
 * Dead ends of a run, as this engine has them. `run.end` is always accepted
 * while running and `clock.advance` to any time up to the end is accepted
 * unless the settle fixpoint does not stabilise, so a run can always end; what
 * it cannot always do is *move on*:
 *
 * - a **stuck clock**: a clock advance refused with `trigger-loop`; from
 *   there the run can only be ended early;
 * - a **stall**: the run is going, nothing is scheduled (no timed inject
 *   ahead, no pending effect, no open decision's deadline), so "Next event"
 *   (`clock.jumpToNext`) is refused, and the next thing to happen is further
 *   away than a team can wait at the pack's speed. A quiet stretch that runs
 *   to the scenario's end is not a stall: the scenario is over and the team
 *   ends the run (the app offers it).
 *
 * Found by stepping through a recorded log, so any run (script, policy) can
 * be checked.
 */
import { applyToDraft } from '../apply-command';
import { nextDueTime } from '../clock';
import type { Ctx } from '../context';
import { createDraft } from '../create-run';
import { type DraftState, draftOf } from '../draft';
import type { Pack } from '../pack/schema';
import { indexOf } from '../pack-index';
import type { Fact, LogEntry, Rejection, RunHeader, SimMinutes } from '../types';
import { after, earliest, ONE_MINUTE } from '../sim-minutes';

/** A stall longer than this many real seconds at the pack's default speed is a dead end. */
export const STALL_REAL_SECONDS = 120;

/** A place where a run cannot move on. */
export type DeadEnd =
  | { readonly kind: 'stuck-clock'; readonly at: SimMinutes; readonly rejection: Rejection }
  | { readonly kind: 'stall'; readonly from: SimMinutes; readonly until: SimMinutes; readonly realSeconds: number; readonly lastInject?: string };

/** Whether anything is scheduled after now (what "Next event" would jump to) before the end. */
export function somethingScheduled(pack: Pack, state: DraftState): boolean {
  const ctx: Ctx = { pack, index: indexOf(pack), state, by: 'system', facts: [], cause: undefined, service: undefined };
  const next = nextDueTime(ctx, state.clock.now);
  return Number.isFinite(next) && next <= state.clock.end;
}

/** The dead ends of a recorded run (at most one stall per quiet stretch, longest first order of the run). */
export function deadEndsOf(pack: Pack, header: RunHeader, log: readonly LogEntry[]): DeadEnd[] {
  const state = createDraft(pack, header);
  const index = indexOf(pack);
  const scratch: Fact[] = [];
  const out: DeadEnd[] = [];
  const end = state.clock.end;
  let quietFrom: SimMinutes | undefined;
  let feedAtQuiet = 0;
  const close = (until: SimMinutes) => {
    if (quietFrom === undefined) return;
    // compression = scenario minutes per real second.
    const realSeconds = (until - quietFrom) / pack.clock.compression;
    if (realSeconds > STALL_REAL_SECONDS && until < end) {
      const last = state.feed.slice(0, feedAtQuiet).at(-1)?.injectId;
      out.push({ kind: 'stall', from: quietFrom, until, realSeconds: Math.round(realSeconds), ...(last === undefined ? {} : { lastInject: last }) });
    }
    quietFrom = undefined;
  };
  for (const entry of log) {
    const running = state.phase === 'running' && state.clock.now < end;
    if (running && quietFrom !== undefined && (state.feed.length > feedAtQuiet || somethingScheduled(pack, state))) {
      close(state.feed.length > feedAtQuiet ? state.feed[feedAtQuiet]!.at : state.clock.now);
    }
    if (running && quietFrom === undefined && entry.command.type === 'clock.advance' && !somethingScheduled(pack, state)) {
      quietFrom = state.clock.now;
      feedAtQuiet = state.feed.length;
    }
    if (entry.command.type === 'run.end' && running) {
      const probe = applyToDraft(pack, draftOf(state), { by: 'system', command: { type: 'clock.advance', to: earliest(end, after(state.clock.now, ONE_MINUTE)) } }, [], index);
      if (probe?.code === 'trigger-loop') out.push({ kind: 'stuck-clock', at: state.clock.now, rejection: probe });
    }
    scratch.length = 0;
    applyToDraft(pack, state, entry, scratch, index);
  }
  if (quietFrom !== undefined) close(state.feed.length > feedAtQuiet ? state.feed[feedAtQuiet]!.at : (state.endedAt ?? end));
  return out;
}
