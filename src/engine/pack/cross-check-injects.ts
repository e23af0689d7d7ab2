/**
 * Checks on injects (timing, triggers that can never hold, what they open)
 * and on decisions (options per kind, reference answers, whether anything
 * ever asks them).
 */
import { CONDITION_KEYS } from './condition';
import { checkCondition, checkEffects, unknownOption } from './cross-check-conditions';
import { type CheckContext, checkRef, error, SEVERITY_OPTION_IDS, warning } from './cross-check-context';
import { formatDuration } from './duration';
import { field, isRecord, items, minutes, str } from './loose';
import { R3AI_CATEGORIES } from './vocabulary';

/**
 * Why a trigger obviously can never hold, or undefined. Only the simple
 * cases: waiting for the inject itself, or for more time than the scenario has.
 */
export function neverHolds(node: unknown, self: string | undefined, end: number | undefined): string | undefined {
  if (!isRecord(node)) return undefined;
  const keys = CONDITION_KEYS.filter((key) => Object.hasOwn(node, key));
  if (keys.length !== 1) return undefined;
  switch (keys[0]) {
    case 'all':
      return items(node.all).map((child) => neverHolds(child, self, end)).find((reason) => reason !== undefined);
    case 'any': {
      const reasons = items(node.any).map((child) => neverHolds(child, self, end));
      return reasons.length > 0 && reasons.every((reason) => reason !== undefined) ? reasons[0] : undefined;
    }
    case 'inject':
    case 'sinceInject':
      if (self !== undefined && (node.inject ?? node.sinceInject) === self) return 'it waits for this very inject to have fired';
      if (end !== undefined && keys[0] === 'sinceInject' && (minutes(node.atLeast) ?? 0) > end) return tooLate(minutes(node.atLeast) ?? 0, end);
      return undefined;
    case 'elapsed': {
      if (end === undefined) return undefined;
      const test = node.elapsed;
      const gt = minutes(field(test, 'gt'));
      const floor = gt !== undefined ? gt + 1 : minutes(field(test, 'gte') ?? field(test, 'eq'));
      return floor !== undefined && floor > end ? tooLate(floor, end) : undefined;
    }
    default:
      return undefined;
  }
}

const tooLate = (at: number, end: number) =>
  `it needs at least ${formatDuration(at)} of scenario time, but the scenario ends at ${formatDuration(end)}`;

function checkTiming(ctx: CheckContext, inject: Readonly<Record<string, unknown>>, index: number): void {
  const path = ['injects', index] as const;
  const has = (key: string) => Object.hasOwn(inject, key) && inject[key] !== undefined;
  if (has('at') && has('when')) error(ctx, [...path, 'when'], 'an inject is either timed ("at") or triggered ("when"), not both');
  if (!has('at') && !has('when')) error(ctx, path, 'needs "at" (a timed inject) or "when" (a triggered inject)');
  if (has('jitter') && !has('at')) error(ctx, [...path, 'jitter'], 'only a timed inject (with "at") can have a jitter');
  if (has('delay') && !has('when')) error(ctx, [...path, 'delay'], 'only a triggered inject (with "when") can have a delay');
  const end = ctx.end;
  if (end === undefined) return;
  const at = minutes(inject.at);
  const jitter = minutes(inject.jitter) ?? 0;
  if (at !== undefined && at > end) {
    error(ctx, [...path, 'at'], `is ${formatDuration(at)}, after the scenario ends (clock.end is ${formatDuration(end)}): this inject can never fire`);
  } else if (at !== undefined && at + jitter > end) {
    warning(ctx, [...path, 'jitter'], `can push this inject to ${formatDuration(at + jitter)}, after the scenario ends (${formatDuration(end)}); it would then never fire`);
  }
  if (has('when')) {
    const reason = neverHolds(inject.when, str(inject.id), end);
    if (reason) warning(ctx, [...path, 'when'], `can never hold (${reason}), so this inject can never fire`);
  }
  const delay = minutes(inject.delay);
  if (delay !== undefined && delay > end) warning(ctx, [...path, 'delay'], `is longer than the whole scenario (${formatDuration(end)}), so this inject can never fire`);
}

function openedDecisions(pack: unknown): Set<string> {
  const opened = new Set<string>();
  const collect = (effects: unknown) => {
    for (const effect of items(effects)) {
      const id = str(field(effect, 'open'));
      if (id !== undefined) opened.add(id);
    }
  };
  for (const inject of items(field(pack, 'injects'))) {
    for (const id of items(field(inject, 'opens'))) if (typeof id === 'string') opened.add(id);
    collect(field(inject, 'effects'));
  }
  for (const move of items(field(pack, 'moves'))) collect(field(move, 'effects'));
  for (const decision of items(field(pack, 'decisions'))) {
    for (const option of items(field(decision, 'options'))) collect(field(option, 'effects'));
    collect(field(field(decision, 'onExpire'), 'effects'));
  }
  return opened;
}

function checkOptions(ctx: CheckContext, decision: Readonly<Record<string, unknown>>, index: number): void {
  const path = ['decisions', index] as const;
  const kind = str(decision.kind);
  const options = items(decision.options);
  if ((kind === 'single' || kind === 'multiple') && options.length < 2) {
    error(ctx, Object.hasOwn(decision, 'options') ? [...path, 'options'] : path, `a "${kind}" decision needs at least 2 options to choose from`);
  }
  const fixed = kind === 'severity' ? SEVERITY_OPTION_IDS : kind === 'r3ai' ? R3AI_CATEGORIES : undefined;
  options.forEach((option, i) => {
    const id = str(field(option, 'id'));
    if (fixed && id !== undefined && !(fixed as readonly string[]).includes(id)) {
      error(ctx, [...path, 'options', i, 'id'], `the options of a ${kind} decision must use the ids ${fixed.join(', ')} (found "${id}")`);
    }
    checkEffects(ctx, field(option, 'effects'), [...path, 'options', i, 'effects']);
  });
  if (kind === 'text' && options.length > 0) warning(ctx, [...path, 'options'], 'a "text" decision is answered in words; its options are never offered');
  const id = str(decision.id);
  const known = id === undefined ? undefined : ctx.decisions.get(id);
  items(decision.best).forEach((best, i) => {
    if (typeof best === 'string' && known && !known.options.includes(best)) {
      error(ctx, [...path, 'best', i], unknownOption(id as string, best, known.options));
    }
  });
  checkEffects(ctx, field(decision.onExpire, 'effects'), [...path, 'onExpire', 'effects']);
}

/** Injects and decisions. */
export function checkInjectsAndDecisions(ctx: CheckContext): void {
  items(field(ctx.pack, 'injects')).forEach((inject, index) => {
    if (!isRecord(inject)) return;
    checkTiming(ctx, inject, index);
    checkCondition(ctx, inject.when, ['injects', index, 'when']);
    checkEffects(ctx, inject.effects, ['injects', index, 'effects']);
    items(inject.opens).forEach((id, i) => checkRef(ctx, 'decision', id, ['injects', index, 'opens', i]));
  });
  const opened = openedDecisions(ctx.pack);
  items(field(ctx.pack, 'decisions')).forEach((decision, index) => {
    if (!isRecord(decision)) return;
    checkOptions(ctx, decision, index);
    const id = str(decision.id);
    if (id !== undefined && !opened.has(id)) {
      warning(ctx, ['decisions', index, 'id'], `decision "${id}" is never asked: no inject "opens" it and no "open" effect opens it`);
    }
  });
}
