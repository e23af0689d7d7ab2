/** `severity.classify`: the team's V-SEV classification (revisable while running). */
import type { CommandOf } from '../command-schema';
import type { Ctx, Outcome } from '../context';
import { settleAfter } from '../settle';

/** Appends a classification; conditions see the latest one. */
export function severityClassify(ctx: Ctx, command: CommandOf<'severity.classify'>): Outcome {
  const state = ctx.state;
  state.severity.push({
    at: state.clock.now,
    level: command.level,
    by: ctx.by,
    ...(command.rationale === undefined ? {} : { rationale: command.rationale }),
  });
  return settleAfter(ctx, 'severity');
}
