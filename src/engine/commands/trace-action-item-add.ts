/** `trace.actionItem.add`: an action item with an owner role and a due date. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';

/** The id must be new. */
export function traceActionItemAdd(ctx: Ctx, command: CommandOf<'trace.actionItem.add'>): Outcome {
  const items = ctx.state.trace.actionItems;
  if (items.some((item) => item.id === command.id)) return reject('already-done', `Action item ${q(command.id)} already exists.`);
  items.push({ id: command.id, text: command.text, owner: command.owner, due: command.due, by: ctx.by });
  return undefined;
}
