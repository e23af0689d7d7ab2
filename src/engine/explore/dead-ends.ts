/**
 * Dead ends of a run: places where it can neither progress nor end. `run.end`
 * is always accepted while running, so a run can always end; and "Next event"
 * (`clock.jumpToNext`) always moves a running clock on — to the next
 * scheduled stop, or, when nothing is scheduled, towards the scenario end,
 * stopping at the first minute anything happens (engine version 2,
 * pacing.ts) — so a quiet stretch is never a dead end. What remains is a
 * **stuck clock**: a clock advance refused with `trigger-loop` (triggered
 * injects that keep firing each other past the settle cap); from there the
 * run can only be ended early.
 *
 * Found by stepping through a recorded log, so any run (script, policy) can
 * be checked.
 */
import { applyToDraft } from '../apply-command';
import { createDraft } from '../create-run';
import { draftOf } from '../draft';
import type { Pack } from '../pack/schema';
import { indexOf } from '../pack-index';
import type { Fact, LogEntry, Rejection, RunHeader, SimMinutes } from '../types';

/** A place where a run cannot move on. */
export type DeadEnd = { readonly kind: 'stuck-clock'; readonly at: SimMinutes; readonly rejection: Rejection };

/** The dead ends of a recorded run: where, when it was ended early, the clock could not have run on to the scenario end. */
export function deadEndsOf(pack: Pack, header: RunHeader, log: readonly LogEntry[]): DeadEnd[] {
  const state = createDraft(pack, header);
  const index = indexOf(pack);
  const scratch: Fact[] = [];
  const out: DeadEnd[] = [];
  const end = state.clock.end;
  for (const entry of log) {
    const running = state.phase === 'running' && state.clock.now < end;
    if (entry.command.type === 'run.end' && running) {
      // Ended early: could the clock have run on to the end? A refused advance leaves the probe at the minute it stuck.
      const probe = draftOf(state);
      const refused = applyToDraft(pack, probe, { by: 'system', command: { type: 'clock.advance', to: end } }, [], index);
      if (refused?.code === 'trigger-loop') out.push({ kind: 'stuck-clock', at: probe.clock.now, rejection: refused });
    }
    scratch.length = 0;
    applyToDraft(pack, state, entry, scratch, index);
  }
  return out;
}
