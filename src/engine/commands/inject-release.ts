/** `inject.release`: the facilitator releases a pack inject now. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';
import { fireInject } from '../effects';
import { settle } from '../settle';

/** Fires a not-yet-fired pack inject now, marked `released`. */
export function injectRelease(ctx: Ctx, command: CommandOf<'inject.release'>): Outcome {
  if (!ctx.index.injects.has(command.inject)) return reject('unknown-id', `There is no inject ${q(command.inject)} in this pack.`);
  const firedAt = ctx.state.fired[command.inject];
  if (firedAt !== undefined) {
    return reject('already-done', `Inject ${q(command.inject)} already arrived at minute ${firedAt}.`);
  }
  fireInject(ctx, command.inject, true);
  return settle(ctx);
}
