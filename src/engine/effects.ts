/**
 * Effects of injects, decision options and moves, plus the two state changes
 * effects can cause besides variables: firing an inject and opening a
 * decision prompt.
 */
import type { Ctx } from './context';
import type { Effect } from './pack/effect';
import type { DecisionId, InjectId, VariableId } from './pack/primitives';
import type { ActRef } from './types';
import { after } from './sim-minutes';

/** Sets a variable, clamping numbers to the variable's bounds. Unknown ids and type mismatches are ignored (the pack validator reports them). */
export function setVar(ctx: Ctx, id: VariableId, value: number | boolean | string): void {
  const current = ctx.state.vars[id];
  if (current === undefined || typeof current !== typeof value) return;
  let next = value;
  if (typeof value === 'number') next = clamp(value, ctx.index.numberBounds.get(id));
  else if (typeof value === 'string') {
    const variable = ctx.pack.variables.find((v) => v.id === id);
    if (variable?.type === 'enum' && !variable.values.includes(value)) return;
  }
  if (next === current) return;
  ctx.state.vars[id] = next;
  if (ctx.index.service?.vars.has(id)) ctx.service = { dirty: true, cause: ctx.cause };
}

/** Clamps `value` to optional bounds. */
export function clamp(value: number, bounds: { readonly min?: number; readonly max?: number } | undefined): number {
  if (bounds === undefined) return value;
  if (bounds.max !== undefined && value > bounds.max) return bounds.max;
  if (bounds.min !== undefined && value < bounds.min) return bounds.min;
  return value;
}

/**
 * Applies effects in order, as the act `cause` (the recovery gate and the
 * debrief attribute every change of service to the act that made it).
 */
export function applyEffects(ctx: Ctx, effects: readonly Effect[] | undefined, cause: ActRef): void {
  if (effects === undefined || effects.length === 0) return;
  const outer = ctx.cause;
  ctx.cause = cause;
  for (const effect of effects) {
    if ('set' in effect) setVar(ctx, effect.set, effect.to);
    else if ('add' in effect) {
      const current = ctx.state.vars[effect.add];
      if (typeof current === 'number') setVar(ctx, effect.add, current + effect.by);
    } else if ('open' in effect) openDecision(ctx, effect.open);
    else fireInject(ctx, effect.fire, false);
  }
  ctx.cause = outer;
}

/** Opens a decision prompt if it is still pending (never opened). */
export function openDecision(ctx: Ctx, id: DecisionId): void {
  const info = ctx.index.decisions.get(id);
  if (info === undefined || ctx.state.decisions[id] !== undefined) return;
  const now = ctx.state.clock.now;
  const countdown = info.decision.countdown ?? ctx.pack.clock.decisionCountdown;
  ctx.state.decisions[id] = {
    status: 'open',
    openedAt: now,
    ...(countdown === undefined ? {} : { dueAt: after(now, countdown) }),
    options: [],
  };
  ctx.facts.push({ type: 'decision.opened', at: now, decisionId: id });
}

/**
 * Fires a pack inject now: records it, adds it to the feed, applies its
 * effects and opens its decisions. An inject fires at most once; a pending
 * (delayed) firing of it is dropped.
 */
export function fireInject(ctx: Ctx, id: InjectId, released: boolean): void {
  const entry = ctx.index.injects.get(id);
  const state = ctx.state;
  if (entry === undefined || state.fired[id] !== undefined) return;
  const now = state.clock.now;
  state.fired[id] = now;
  state.feed.push({ injectId: id, at: now, adhoc: false, released });
  if (state.pending.length > 0) {
    state.pending = state.pending.filter((p) => p.kind !== 'inject' || p.injectId !== id);
  }
  ctx.facts.push({ type: 'inject.fired', at: now, injectId: id, adhoc: false });
  applyEffects(ctx, entry.inject.effects, { kind: 'inject', injectId: id, released });
  for (const decisionId of entry.inject.opens ?? []) openDecision(ctx, decisionId);
}
