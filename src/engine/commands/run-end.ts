/** `run.end`: ends the run (the session appends it when the clock reaches the scenario end). */
import type { CommandOf } from '../command-schema';
import type { Ctx, Outcome } from '../context';
import { sampleHarms } from '../clock';

/** Ends the run at the current minute, stops the clock and samples harm a last time. */
export function runEnd(ctx: Ctx, command: CommandOf<'run.end'>): Outcome {
  const state = ctx.state;
  const now = state.clock.now;
  state.phase = 'ended';
  state.clock.paused = true;
  state.endedAt = now;
  if (command.reason !== undefined) state.endReason = command.reason;
  sampleHarms(ctx);
  ctx.facts.push({ type: 'run.ended', at: now });
  return undefined;
}
