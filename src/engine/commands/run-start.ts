/** `run.start`: leaves setup; the clock runs from minute 0. */
import type { CommandOf } from '../command-schema';
import type { Ctx, Outcome } from '../context';
import { processDue } from '../clock';
import { settle } from '../settle';

/** Starts the run, fires what is due at minute 0 and settles. */
export function runStart(ctx: Ctx, _command: CommandOf<'run.start'>): Outcome {
  ctx.state.phase = 'running';
  ctx.state.clock.paused = false;
  processDue(ctx);
  return settle(ctx);
}
