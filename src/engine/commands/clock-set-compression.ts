/** `clock.setCompression`: scenario minutes per real second, used by the session clock. */
import type { CommandOf } from '../command-schema';
import type { Ctx, Outcome } from '../context';

/** Sets the compression. No settle: nothing a condition reads changes. */
export function clockSetCompression(ctx: Ctx, command: CommandOf<'clock.setCompression'>): Outcome {
  ctx.state.clock.compression = command.compression;
  return undefined;
}
