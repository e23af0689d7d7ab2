/** `move.make`: the team makes a containment, governance or recovery move. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';
import { describeCondition } from '../describe-condition';
import { makeMoveEffective } from '../moves';
import { settle } from '../settle';
import type { MoveRecord } from '../types';
import { after } from '../sim-minutes';

/**
 * Checks id, repetition and precondition, then records the move. A move by a
 * role that does not own it is accepted but flagged `outsideAuthority`; a
 * restart while a recovery criterion is unmet is accepted but flagged as a
 * gate violation. Effects apply now, or after the move's delay.
 */
export function moveMake(ctx: Ctx, command: CommandOf<'move.make'>): Outcome {
  const state = ctx.state;
  const info = ctx.index.moves.get(command.move);
  if (info === undefined) return reject('unknown-id', `There is no move ${q(command.move)} in this pack.`);
  const move = info.move;
  if (!move.repeatable && state.moves.some((m) => m.moveId === move.id)) {
    return reject('already-done', `Move ${q(move.id)} ("${move.label}") has already been made and is not repeatable.`);
  }
  if (info.requires !== undefined && !info.requires.test(state)) {
    const why = move.requiresText ?? (move.requires === undefined ? '' : `requires ${describeCondition(ctx.pack, move.requires)}`);
    return reject('precondition-failed', `Move ${q(move.id)} ("${move.label}") cannot be made yet: ${why}`);
  }
  const now = state.clock.now;
  const by = ctx.by;
  const outsideAuthority = by !== 'facilitator' && by !== 'system' && !info.owners.has(by);
  const unmet = info.restart ? ctx.index.criteria.filter((c) => !c.condition.test(state)).map((c) => c.id) : [];
  const costly = move.cost !== undefined && (info.costWhen === undefined || info.costWhen.test(state));
  const record: MoveRecord = {
    moveId: move.id,
    at: now,
    by,
    effectiveAt: after(now, info.delay),
    effective: false,
    outsideAuthority,
    ...(unmet.length > 0 ? { gateViolation: unmet } : {}),
    ...(costly ? { costly: true as const } : {}),
    ...(command.note === undefined ? {} : { note: command.note }),
  };
  const moveIndex = state.moves.push(record) - 1;
  if (outsideAuthority) ctx.facts.push({ type: 'move.outsideAuthority', at: now, moveId: move.id, by });
  if (unmet.length > 0) ctx.facts.push({ type: 'gate.violated', at: now, moveId: move.id, unmet });
  if (info.delay > 0) state.pending.push({ kind: 'move-effects', at: record.effectiveAt, moveIndex });
  else makeMoveEffective(ctx, moveIndex);
  return settle(ctx);
}
