/** `clock.advance`: moves the simulated clock forward to a minute. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, reject } from '../context';
import { advanceTo } from '../clock';
import { formatDuration } from '../pack/duration';

/** `to` must not be before now nor after the scenario end; `to == now` is an accepted no-op. */
export function clockAdvance(ctx: Ctx, command: CommandOf<'clock.advance'>): Outcome {
  const { now, end } = ctx.state.clock;
  if (command.to < now) {
    return reject('time-backwards', `Cannot move the clock back to minute ${command.to} (${formatDuration(command.to)}); it is already at minute ${now} (${formatDuration(now)}).`);
  }
  if (command.to > end) {
    return reject('beyond-end', `Cannot advance to minute ${command.to} (${formatDuration(command.to)}): the scenario ends at minute ${end} (${formatDuration(end)}).`);
  }
  return advanceTo(ctx, command.to);
}
