/** Small helpers the command handlers share. */
import type { ConditionInput } from '../conditions';
import type { Ctx, Outcome } from '../context';
import { settleAfter } from '../settle';

/**
 * Settles (re-checking conditions that read `input`) only while the run is
 * running: before `run.start` nothing may fire (conditions on roles or
 * readiness are first evaluated at the start).
 */
export function settleIfRunning(ctx: Ctx, input: ConditionInput): Outcome {
  return ctx.state.phase === 'running' ? settleAfter(ctx, input) : undefined;
}
