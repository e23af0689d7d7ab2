/**
 * Regulatory clocks: starting obligations when their trigger holds, marking
 * them overdue, and meeting them when a satisfying move becomes effective.
 */
import type { Ctx } from './context';
import type { ObligationInfo } from './pack-index';
import type { MoveRecord } from './types';

/** Starts every not-yet-started obligation of `candidates` whose trigger holds. Returns whether any started. */
export function startObligations(ctx: Ctx, candidates: readonly ObligationInfo[]): boolean {
  const state = ctx.state;
  let changed = false;
  for (const info of candidates) {
    if (state.obligations[info.id] !== undefined || !info.trigger.test(state)) continue;
    const now = state.clock.now;
    const dueAt = now + info.obligation.deadline;
    state.obligations[info.id] = { status: 'running', triggeredAt: now, dueAt };
    ctx.facts.push({ type: 'obligation.started', at: now, obligationId: info.id, dueAt });
    const satisfying = state.moves.find((m) => m.effective && info.obligation.satisfiedBy.includes(m.moveId));
    if (satisfying !== undefined) meet(ctx, info.id, satisfying);
    changed = true;
  }
  return changed;
}

/** Marks running obligations whose deadline has passed as overdue. Returns whether any changed. */
export function markOverdue(ctx: Ctx): boolean {
  const state = ctx.state;
  const now = state.clock.now;
  let changed = false;
  for (const info of ctx.index.obligations) {
    const record = state.obligations[info.id];
    if (record === undefined || record.status !== 'running' || now <= record.dueAt) continue;
    state.obligations[info.id] = { ...record, status: 'overdue' };
    ctx.facts.push({ type: 'obligation.overdue', at: now, obligationId: info.id });
    changed = true;
  }
  return changed;
}

/** A move just became effective: meets every running or overdue obligation it satisfies. */
export function meetObligationsWith(ctx: Ctx, move: MoveRecord): void {
  for (const info of ctx.index.obligationsByMove.get(move.moveId) ?? []) {
    const status = ctx.state.obligations[info.id]?.status;
    if (status === 'running' || status === 'overdue') meet(ctx, info.id, move);
  }
}

function meet(ctx: Ctx, id: string, move: MoveRecord): void {
  const state = ctx.state;
  const record = state.obligations[id];
  if (record === undefined) return;
  const late = move.effectiveAt > record.dueAt;
  const now = state.clock.now;
  state.obligations[id] = { ...record, status: late ? 'met-late' : 'met', metAt: now, metBy: move.by, metWith: move.moveId };
  ctx.facts.push({ type: 'obligation.met', at: now, obligationId: id, late });
}
