/** `clock.pause`: records that the session clock is paused (the engine's clock moves only by commands). */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, reject } from '../context';

/** Rejects with `already-done` when already paused. No settle: nothing a condition reads changes. */
export function clockPause(ctx: Ctx, _command: CommandOf<'clock.pause'>): Outcome {
  if (ctx.state.clock.paused) return reject('already-done', 'The clock is already paused.');
  ctx.state.clock.paused = true;
  return undefined;
}
