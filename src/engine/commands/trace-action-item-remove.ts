/** `trace.actionItem.remove`: removes an action item. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';

/** The id must exist. */
export function traceActionItemRemove(ctx: Ctx, command: CommandOf<'trace.actionItem.remove'>): Outcome {
  const trace = ctx.state.trace;
  if (!trace.actionItems.some((item) => item.id === command.id)) {
    return reject('unknown-id', `There is no action item ${q(command.id)}.`);
  }
  trace.actionItems = trace.actionItems.filter((item) => item.id !== command.id);
  return undefined;
}
