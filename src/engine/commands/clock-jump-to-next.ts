/** `clock.jumpToNext`: advances straight to the next scheduled event. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, reject } from '../context';
import { advanceTo, nextDueTime } from '../clock';

/**
 * Advances to the earliest future time among unfired timed injects, pending
 * items and open decisions' deadlines, capped at the scenario end.
 * `not-allowed` when nothing is scheduled before the end.
 */
export function clockJumpToNext(ctx: Ctx, _command: CommandOf<'clock.jumpToNext'>): Outcome {
  const { now, end } = ctx.state.clock;
  const next = nextDueTime(ctx, now);
  const target = Math.min(next, end);
  if (!Number.isFinite(next) || target <= now) {
    return reject('not-allowed', `Nothing is scheduled after minute ${now} before the scenario ends.`);
  }
  return advanceTo(ctx, target);
}
