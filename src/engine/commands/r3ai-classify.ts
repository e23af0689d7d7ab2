/** `r3ai.classify`: the team's R3AI failure category (revisable while running). */
import type { CommandOf } from '../command-schema';
import type { Ctx, Outcome } from '../context';
import { settleAfter } from '../settle';

/** Appends a classification; conditions see the latest one. */
export function r3aiClassify(ctx: Ctx, command: CommandOf<'r3ai.classify'>): Outcome {
  const state = ctx.state;
  state.r3ai.push({
    at: state.clock.now,
    category: command.category,
    by: ctx.by,
    ...(command.rationale === undefined ? {} : { rationale: command.rationale }),
  });
  return settleAfter(ctx, 'r3ai');
}
