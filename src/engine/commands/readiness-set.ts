/** `readiness.set`: answers one item of the readiness checklist (setup only). */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';

/** The item must be one of the pack's readiness items (or the app default list when the pack has none). */
export function readinessSet(ctx: Ctx, command: CommandOf<'readiness.set'>): Outcome {
  if (!ctx.index.readinessIds.has(command.item)) {
    return reject('unknown-id', `Readiness item ${q(command.item)} is not on this pack's checklist.`);
  }
  ctx.state.readiness[command.item] = command.value;
  return undefined;
}
