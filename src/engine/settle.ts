/**
 * Settle: after every accepted command and every clock minute, fire the
 * triggered injects whose condition now holds, start obligations whose
 * trigger holds and mark overdue ones — repeatedly, until a round changes
 * nothing. A pack whose triggers keep changing the state for more than
 * SETTLE_ROUND_CAP rounds makes the command fail with `trigger-loop`.
 */
import { type Ctx, type Outcome, reject } from './context';
import { fireInject } from './effects';
import { markOverdue, startObligations } from './obligations';
import type { ObligationInfo, TriggeredInject } from './pack-index';
import type { Rejection } from './types';

/** Maximum settle rounds (the last one must change nothing). */
export const SETTLE_ROUND_CAP = 1000;

/**
 * What the first round re-checks: `full` everything; `time` / `accrual` only
 * the conditions a quiet clock minute can have changed (see PackIndex.quiet).
 * Any change makes every later round full.
 */
export type SettleScope = 'full' | 'time' | 'accrual';

/** Settles the state; returns whether anything changed, or the `trigger-loop` rejection. */
export function settleScoped(ctx: Ctx, scope: SettleScope): boolean | Rejection {
  const index = ctx.index;
  let injects: readonly TriggeredInject[] = scope === 'full' ? index.triggered : index.quiet[scope].injects;
  let obligations: readonly ObligationInfo[] = scope === 'full' ? index.obligations : index.quiet[scope].obligations;
  let changedAny = false;
  for (let round = 1; ; round += 1) {
    let changed = fireTriggered(ctx, injects);
    if (startObligations(ctx, obligations)) changed = true;
    if (markOverdue(ctx)) changed = true;
    if (!changed) return changedAny;
    changedAny = true;
    if (round >= SETTLE_ROUND_CAP) {
      return reject(
        'trigger-loop',
        `The pack's triggers were still changing the run after ${SETTLE_ROUND_CAP} rounds at minute ${ctx.state.clock.now}; the command was refused.`,
      );
    }
    injects = index.triggered;
    obligations = index.obligations;
  }
}

/** Settles the whole state (after a command). */
export function settle(ctx: Ctx): Outcome {
  const result = settleScoped(ctx, 'full');
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
    if (t.delay > 0) state.pending.push({ kind: 'inject', at: state.clock.now + t.delay, injectId: t.id });
    else fireInject(ctx, t.id, false);
  }
  return changed;
}

function isPending(ctx: Ctx, injectId: string): boolean {
  for (const p of ctx.state.pending) if (p.kind === 'inject' && p.injectId === injectId) return true;
  return false;
}

