/** `note.add`: a note in the decision log (any phase). */
import type { CommandOf } from '../command-schema';
import type { Ctx, Outcome } from '../context';

/** Appends the note. No settle: conditions never read notes. */
export function noteAdd(ctx: Ctx, command: CommandOf<'note.add'>): Outcome {
  ctx.state.notes.push({ at: ctx.state.clock.now, by: ctx.by, text: command.text });
  return undefined;
}
