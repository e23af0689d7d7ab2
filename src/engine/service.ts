/**
 * The service history behind the recovery gate: whenever the pack's
 * `recovery.inService` condition changes value, a transition is recorded with
 * the act that caused it and, going back into service, the recovery criteria
 * unmet at that minute. However the system went back (a restart move, a
 * decision option, a prompt left to expire, an inject's effect), the gate sees it.
 */
import type { Ctx } from './context';
import type { PackIndex } from './pack-index';
import type { RunState, ServiceTransition } from './types';
import { START } from './sim-minutes';

/** The service history a new run starts with: its state at minute 0 (empty without `inService`). */
export function initialService(index: PackIndex, state: RunState): ServiceTransition[] {
  if (index.service === undefined) return [];
  return [{ at: START, inService: index.service.condition.test(state), unmet: [] }];
}

/** Records a transition if a variable the in-service condition reads changed and its value flipped. */
export function checkService(ctx: Ctx): void {
  const dirty = ctx.service;
  const service = ctx.index.service;
  if (dirty === undefined || !dirty.dirty || service === undefined) return;
  ctx.service = undefined;
  const state = ctx.state;
  const last = state.service[state.service.length - 1];
  const inService = service.condition.test(state);
  if (last !== undefined && last.inService === inService) return;
  const at = state.clock.now;
  const unmet = inService ? ctx.index.criteria.filter((c) => !c.condition.test(state)).map((c) => c.id) : [];
  state.service.push({ at, inService, ...(dirty.cause === undefined ? {} : { cause: dirty.cause }), unmet });
  ctx.facts.push({ type: 'service.changed', at, inService, unmet });
}
