/**
 * Checks on injects (timing, triggers that can never hold, what they open)
 * and on decisions (options per kind, reference answers, whether anything
 * ever asks them).
 */
import type { Condition } from './condition';
import { checkCondition, checkEffects, unknownOption } from './cross-check-conditions';
import { type CheckContext, checkBriefed, checkRefs, error, warning } from './cross-check-context';
import { fixedOptionIds } from './decision-options';
import { formatDuration } from './duration';
import type { Effect } from './effect';
import { type PackParts, parsedInFull } from './pack-parts';
import type { Decision, Inject } from './schema';

const tooLate = (at: number, end: number) =>
  `it needs at least ${formatDuration(at)} of scenario time, but the scenario ends at ${formatDuration(end)}`;

/**
 * Why a trigger obviously can never hold, or undefined. Only the simple
 * cases: waiting for the inject itself, or for more time than the scenario has.
 */
function neverHolds(node: Condition, self: string, end: number | undefined): string | undefined {
  if ('all' in node) return node.all.map((child) => neverHolds(child, self, end)).find((reason) => reason !== undefined);
  if ('any' in node) {
    const reasons = node.any.map((child) => neverHolds(child, self, end));
    return reasons.every((reason) => reason !== undefined) ? reasons[0] : undefined;
  }
  if ('inject' in node) return node.inject === self ? 'it waits for this very inject to have fired' : undefined;
  if ('sinceInject' in node) {
    if (node.sinceInject === self) return 'it waits for this very inject to have fired';
    return end !== undefined && node.atLeast > end ? tooLate(node.atLeast, end) : undefined;
  }
  if ('elapsed' in node && end !== undefined) {
    const { gt, gte, eq } = node.elapsed;
    const floor = gt !== undefined ? gt + 1 : (gte ?? eq);
    return floor !== undefined && floor > end ? tooLate(floor, end) : undefined;
  }
  return undefined;
}

function checkTiming(ctx: CheckContext, inject: Inject, index: number): void {
  const path = ['injects', index] as const;
  const { at, when, jitter, delay } = inject;
  if (at !== undefined && when !== undefined) error(ctx, [...path, 'when'], 'an inject is either timed ("at") or triggered ("when"), not both');
  if (at === undefined && when === undefined) error(ctx, path, 'needs "at" (a timed inject) or "when" (a triggered inject)');
  if (jitter !== undefined && at === undefined) error(ctx, [...path, 'jitter'], 'only a timed inject (with "at") can have a jitter');
  if (delay !== undefined && when === undefined) error(ctx, [...path, 'delay'], 'only a triggered inject (with "when") can have a delay');
  const end = ctx.parts.end;
  if (end === undefined) return;
  if (at !== undefined && at > end) {
    error(ctx, [...path, 'at'], `is ${formatDuration(at)}, after the scenario ends (clock.end is ${formatDuration(end)}): this inject can never fire`);
  } else if (at !== undefined && at + (jitter ?? 0) > end) {
    warning(ctx, [...path, 'jitter'], `can push this inject to ${formatDuration(at + (jitter ?? 0))}, after the scenario ends (${formatDuration(end)}); it would then never fire`);
  }
  const reason = when && neverHolds(when, inject.id, end);
  if (reason) warning(ctx, [...path, 'when'], `can never hold (${reason}), so this inject can never fire`);
  if (delay !== undefined && delay > end) warning(ctx, [...path, 'delay'], `is longer than the whole scenario (${formatDuration(end)}), so this inject can never fire`);
}

/** Every decision something opens: an inject's `opens`, or an `open` effect anywhere. */
function openedDecisions(parts: PackParts): Set<string> {
  const opened = new Set<string>();
  const collect = (effects: readonly Effect[] | undefined) => {
    for (const effect of effects ?? []) if ('open' in effect) opened.add(effect.open);
  };
  for (const { value: inject } of parts.injects.entries) {
    for (const id of inject.opens ?? []) opened.add(id);
    collect(inject.effects);
  }
  for (const { value: move } of parts.moves.entries) collect(move.effects);
  for (const { value: decision } of parts.decisions.entries) {
    for (const option of decision.options ?? []) collect(option.effects);
    collect(decision.onExpire?.effects);
  }
  return opened;
}

function checkOptions(ctx: CheckContext, decision: Decision, index: number): void {
  const path = ['decisions', index] as const;
  const { kind } = decision;
  const options = decision.options ?? [];
  if ((kind === 'single' || kind === 'multiple') && options.length < 2) {
    error(ctx, decision.options ? [...path, 'options'] : path, `a "${kind}" decision needs at least 2 options to choose from`);
  }
  const fixed = fixedOptionIds(kind);
  options.forEach((option, i) => {
    if (fixed && !fixed.includes(option.id)) {
      error(ctx, [...path, 'options', i, 'id'], `the options of a ${kind} decision must use the ids ${fixed.join(', ')} (found "${option.id}")`);
    }
    checkEffects(ctx, option.effects, [...path, 'options', i, 'effects']);
    checkCondition(ctx, option.cost?.when, [...path, 'options', i, 'cost', 'when']);
  });
  if (kind === 'text' && options.length > 0) warning(ctx, [...path, 'options'], 'a "text" decision is answered in words; its options are never offered');
  const known = ctx.decisionOptions.get(decision.id);
  decision.best?.forEach((best, i) => {
    if (known && !known.includes(best)) error(ctx, [...path, 'best', i], unknownOption(decision.id, best, known));
  });
  checkEffects(ctx, decision.onExpire?.effects, [...path, 'onExpire', 'effects']);
}

/** Injects and decisions. */
export function checkInjectsAndDecisions(ctx: CheckContext): void {
  const { parts } = ctx;
  for (const { index, value: inject } of parts.injects.entries) {
    checkTiming(ctx, inject, index);
    checkCondition(ctx, inject.when, ['injects', index, 'when']);
    checkEffects(ctx, inject.effects, ['injects', index, 'effects']);
    checkRefs(ctx, 'decision', inject.opens, ['injects', index, 'opens']);
  }
  const opened = openedDecisions(parts);
  // An entry that does not parse might open any decision: then none is called "never asked".
  const openersKnown = parsedInFull(parts.injects) && parsedInFull(parts.moves) && parsedInFull(parts.decisions);
  for (const { index, value: decision } of parts.decisions.entries) {
    checkOptions(ctx, decision, index);
    decision.askedTo?.forEach((role, i) => checkBriefed(ctx, role, ['decisions', index, 'askedTo', i], 'is asked this decision'));
    if (openersKnown && !opened.has(decision.id)) {
      warning(ctx, ['decisions', index, 'id'], `decision "${decision.id}" is never asked: no inject "opens" it and no "open" effect opens it`);
    }
  }
}
