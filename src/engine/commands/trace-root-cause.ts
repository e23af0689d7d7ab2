/** `trace.rootCause`: the team's pick among the pack's root-cause candidates (TRACE "R"). */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';

/** The candidate must be one of the pack's; a later pick replaces an earlier one. */
export function traceRootCause(ctx: Ctx, command: CommandOf<'trace.rootCause'>): Outcome {
  if (!ctx.index.rootCauseIds.has(command.candidate)) {
    const valid = [...ctx.index.rootCauseIds].map((id) => q(id)).join(', ');
    return reject('unknown-id', `There is no root-cause candidate ${q(command.candidate)} (candidates: ${valid}).`);
  }
  ctx.state.trace.rootCause = command.candidate;
  return undefined;
}
