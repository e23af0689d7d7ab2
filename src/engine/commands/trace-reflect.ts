/** `trace.reflect`: the team's own words on one TRACE section. */
import type { CommandOf } from '../command-schema';
import type { Ctx, Outcome } from '../context';

/** Replaces the reflection of that section. */
export function traceReflect(ctx: Ctx, command: CommandOf<'trace.reflect'>): Outcome {
  ctx.state.trace.reflections[command.section] = command.text;
  return undefined;
}
