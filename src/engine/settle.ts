/**
 * Settle: after every accepted command and every clock minute, fire the
 * triggered injects whose condition now holds, start obligations whose
 * trigger holds and mark overdue ones — repeatedly, until a round changes
 * nothing. A pack whose triggers keep changing the state for more than
 * SETTLE_ROUND_CAP rounds makes the command fail with `trigger-loop`.
 */
import type { ConditionInput } from './conditions';
import { type Ctx, type Outcome, reject } from './context';
import { fireInject } from './effects';
import { markOverdue, startLimbs, startObligations } from './obligations';
import { checkService } from './service';
import type { SettleCandidates, TriggeredInject } from './pack-index';
import type { Rejection } from './types';
import { after } from './sim-minutes';

/** Maximum settle rounds (the last one must change nothing). */
export const SETTLE_ROUND_CAP = 1000;

/**
 * Settles the state; returns whether anything changed, or the `trigger-loop`
 * rejection. The first round checks only `first` (a quiet clock minute
 * passes the conditions that can have changed, see clock.ts); any change
 * makes every later round check everything.
 */
export function settleScoped(ctx: Ctx, first: SettleCandidates): boolean | Rejection {
  let candidates = first;
  let changedAny = false;
  for (let round = 1; ; round += 1) {
    let changed = fireTriggered(ctx, candidates.injects);
    if (startObligations(ctx, candidates.obligations)) changed = true;
    if (candidates.limbs.length > 0 && startLimbs(ctx, candidates.limbs)) changed = true;
    if (markOverdue(ctx)) changed = true;
    if (!changed) {
      checkService(ctx);
      return changedAny;
    }
    changedAny = true;
    if (round >= SETTLE_ROUND_CAP) {
      return reject(
        'trigger-loop',
        `The pack's triggers were still changing the run after ${SETTLE_ROUND_CAP} rounds at minute ${ctx.state.clock.now}; the command was refused.`,
      );
    }
    candidates = ctx.index.all;
  }
}

/**
 * Settles after a command that changed only `input` (e.g. a classification):
 * the state was settled before, so only conditions reading `input` can have
 * become true; the first round checks just those.
 */
export function settleAfter(ctx: Ctx, input: ConditionInput): Outcome {
  const result = settleScoped(ctx, ctx.index.readers(input));
  return typeof result === 'boolean' ? undefined : result;
}

/** Settles the whole state (after a command). */
export function settle(ctx: Ctx): Outcome {
  const result = settleScoped(ctx, ctx.index.all);
  return typeof result === 'boolean' ? undefined : result;
}

function fireTriggered(ctx: Ctx, candidates: readonly TriggeredInject[]): boolean {
  const state = ctx.state;
  let changed = false;
  for (const t of candidates) {
    if (state.fired[t.id] !== undefined) continue;
    if (state.pending.length > 0 && isPending(ctx, t.id)) continue;
    if (!t.when.test(state)) continue;
    changed = true;
    if (t.delay > 0) state.pending.push({ kind: 'inject', at: after(state.clock.now, t.delay), injectId: t.id });
    else fireInject(ctx, t.id, false);
  }
  return changed;
}

function isPending(ctx: Ctx, injectId: string): boolean {
  for (const p of ctx.state.pending) if (p.kind === 'inject' && p.injectId === injectId) return true;
  return false;
}

