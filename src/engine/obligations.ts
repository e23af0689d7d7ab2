/**
 * Regulatory clocks: starting obligations when their trigger holds, marking
 * them overdue, and meeting them when a satisfying move becomes effective.
 */
import type { Ctx } from './context';
import type { ObligationId } from './pack/primitives';
import type { LimbInfo, ObligationInfo } from './pack-index';
import type { MoveRecord, ObligationRecord } from './types';
import { after, earliest, START } from './sim-minutes';

/** Starts every not-yet-started obligation of `candidates` whose trigger holds. Returns whether any started. */
export function startObligations(ctx: Ctx, candidates: readonly ObligationInfo[]): boolean {
  const state = ctx.state;
  let changed = false;
  for (const info of candidates) {
    if (state.obligations[info.id] !== undefined || !info.trigger.test(state)) continue;
    const now = state.clock.now;
    const started: ObligationRecord = { status: 'running', triggeredAt: now, dueAt: after(now, info.obligation.deadline) };
    const record = withLimbs(ctx, info.id, started);
    state.obligations[info.id] = record;
    ctx.facts.push({ type: 'obligation.started', at: now, obligationId: info.id, dueAt: record.dueAt });
    const satisfying = state.moves.find((m) => m.effective && info.obligation.satisfiedBy.includes(m.moveId));
    if (satisfying !== undefined) meet(ctx, info.id, satisfying);
    changed = true;
  }
  return changed;
}

/**
 * The obligation's earlier-deadline limbs whose condition holds now start
 * (a new obligation checks all of its limbs); `dueAt` becomes the earliest
 * deadline of the outer limit and every started limb.
 */
function withLimbs(ctx: Ctx, obligationId: ObligationId, record: ObligationRecord, only?: readonly LimbInfo[]): ObligationRecord {
  const limbs = ctx.index.limbsOf.get(obligationId);
  if (limbs === undefined || limbs.length === 0) return record;
  const now = ctx.state.clock.now;
  const starts = record.limbs?.slice() ?? limbs.map(() => null);
  let changed = record.limbs === undefined;
  for (const limb of only ?? limbs) {
    if (limb.obligationId !== obligationId || starts[limb.index] !== null || !limb.after.test(ctx.state)) continue;
    starts[limb.index] = now;
    changed = true;
  }
  if (!changed) return record;
  const deadline = ctx.index.obligations.find((o) => o.id === obligationId)?.obligation.deadline ?? START;
  let dueAt = after(record.triggeredAt, deadline);
  limbs.forEach((limb, i) => {
    const start = starts[i];
    if (start !== null && start !== undefined) dueAt = earliest(dueAt, after(start, limb.within));
  });
  return { ...record, limbs: starts, dueAt };
}

/** Starts the limbs of running (or overdue) obligations whose condition now holds. Returns whether any started. */
export function startLimbs(ctx: Ctx, candidates: readonly LimbInfo[]): boolean {
  let changed = false;
  for (const limb of candidates) {
    const record = ctx.state.obligations[limb.obligationId];
    if (record === undefined || (record.status !== 'running' && record.status !== 'overdue')) continue;
    if (record.limbs?.[limb.index] !== null) continue;
    const next = withLimbs(ctx, limb.obligationId, record, [limb]);
    if (next === record) continue;
    ctx.state.obligations[limb.obligationId] = next;
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

function meet(ctx: Ctx, id: ObligationId, move: MoveRecord): void {
  const state = ctx.state;
  const record = state.obligations[id];
  if (record === undefined) return;
  const late = move.effectiveAt > record.dueAt;
  const now = state.clock.now;
  state.obligations[id] = { ...record, status: late ? 'met-late' : 'met', metAt: now, metBy: move.by, metWith: move.moveId };
  ctx.facts.push({ type: 'obligation.met', at: now, obligationId: id, late });
}
