/** `trace.select`: the team's correction or evolution items (TRACE "C" and "E"). */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';

/** Every id must be one of the pack's items for that section, each at most once; replaces the selection. */
export function traceSelect(ctx: Ctx, command: CommandOf<'trace.select'>): Outcome {
  const valid = command.section === 'correction' ? ctx.index.correctionIds : ctx.index.evolutionIds;
  const unknown = command.ids.filter((id) => !valid.has(id));
  if (unknown.length > 0) {
    return reject('unknown-id', `There is no ${command.section} item ${unknown.map((id) => q(id)).join(', ')} in this pack.`);
  }
  if (new Set(command.ids).size !== command.ids.length) {
    return reject('invalid-command', `The ${command.section} selection lists an item twice.`);
  }
  if (command.section === 'correction') ctx.state.trace.corrections = [...command.ids];
  else ctx.state.trace.evolutions = [...command.ids];
  return undefined;
}
