/** Small helpers the command handlers share. */
import type { Ctx, Outcome } from '../context';
import { settle } from '../settle';

/**
 * Settles only while the run is running: before `run.start` nothing may fire
 * (conditions on roles or readiness are first evaluated at the start).
 */
export function settleIfRunning(ctx: Ctx): Outcome {
  return ctx.state.phase === 'running' ? settle(ctx) : undefined;
}
