/** `clock.jumpToNext`: advances to the next event, and never past one. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, reject } from '../context';
import { advanceTo, nextDueTime } from '../clock';
import { jumpTarget } from '../pacing';
import { formatSimTime } from '../time';
import { after, earliest, ONE_MINUTE } from '../sim-minutes';

/**
 * Advances towards the next scheduled stop (pacing.ts: a timed inject, a
 * pending item, the last minute of an open decision, a regulatory clock's
 * warning point or deadline), or the scenario end when nothing is scheduled,
 * one minute at a time, and stops at the first minute at which anything
 * happens (a triggered inject fires, a decision opens or expires, a clock
 * starts or runs out, a move takes effect). `not-allowed` at the end.
 */
export function clockJumpToNext(ctx: Ctx, _command: CommandOf<'clock.jumpToNext'>): Outcome {
  if (ctx.state.engineVersion === 1) return jumpStraight(ctx);
  const state = ctx.state;
  const target = jumpTarget(state);
  if (target === undefined) {
    return reject('not-allowed', `The scenario clock is already at its end (${formatSimTime(ctx.pack.clock.start, state.clock.now)}); there is nothing to jump to.`);
  }
  const factsBefore = ctx.facts.length;
  while (state.clock.now < target) {
    const outcome = advanceTo(ctx, after(state.clock.now, ONE_MINUTE));
    if (outcome !== undefined) return outcome;
    if (ctx.facts.length > factsBefore) break;
  }
  return undefined;
}

/**
 * Engine version 1's jump, kept so runs recorded with it replay exactly:
 * straight to the earliest unfired timed inject, pending item or open
 * decision deadline, capped at the scenario end.
 */
function jumpStraight(ctx: Ctx): Outcome {
  const { now, end } = ctx.state.clock;
  const next = nextDueTime(ctx, now);
  const target = earliest(next, end);
  if (!Number.isFinite(next) || target <= now) {
    return reject('not-allowed', `Nothing is scheduled after ${formatSimTime(ctx.pack.clock.start, now)} before the scenario ends.`);
  }
  return advanceTo(ctx, target);
}
