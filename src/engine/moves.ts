/** Applying a move's effects when it becomes effective (at once, or when its delay has run). */
import type { Ctx } from './context';
import { applyEffects } from './effects';
import { meetObligationsWith } from './obligations';

/** Marks move record `moveIndex` effective, applies its effects and meets the obligations it satisfies. */
export function makeMoveEffective(ctx: Ctx, moveIndex: number): void {
  const state = ctx.state;
  const record = state.moves[moveIndex];
  if (record === undefined || record.effective) return;
  // Replaced, not mutated: copies of the state share move records.
  const effective = { ...record, effective: true };
  state.moves[moveIndex] = effective;
  ctx.facts.push({ type: 'move.effective', at: state.clock.now, moveId: record.moveId });
  applyEffects(ctx, ctx.index.moves.get(record.moveId)?.move.effects, { kind: 'move', moveIndex, moveId: record.moveId, by: record.by });
  meetObligationsWith(ctx, effective);
}
