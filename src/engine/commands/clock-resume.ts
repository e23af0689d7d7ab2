/** `clock.resume`: records that the session clock runs again. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, reject } from '../context';

/** Rejects with `already-done` when not paused. No settle: nothing a condition reads changes. */
export function clockResume(ctx: Ctx, _command: CommandOf<'clock.resume'>): Outcome {
  if (!ctx.state.clock.paused) return reject('already-done', 'The clock is already running.');
  ctx.state.clock.paused = false;
  return undefined;
}
