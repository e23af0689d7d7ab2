/**
 * Checks on the pack's model: variables and metrics, moves, obligations,
 * recovery and weights.
 */
import { checkCondition, checkEffects, kindOf } from './cross-check-conditions';
import { type CheckContext, checkBriefed, checkRef, checkRefs, error } from './cross-check-context';
import type { PackPath } from './issues';
import type { Move, Variable } from './schema';

function checkEnumValues(ctx: CheckContext, values: readonly string[], initial: string, path: PackPath): void {
  values.forEach((value, i) => {
    if (values.indexOf(value) !== i) error(ctx, [...path, 'values', i], `duplicate value "${value}"`);
  });
  if (!values.includes(initial)) error(ctx, [...path, 'initial'], `"${initial}" is not one of this variable's values (${values.join(', ')})`);
}

function checkVariable(ctx: CheckContext, variable: Variable, index: number): void {
  const path = ['variables', index] as const;
  if (variable.type === 'enum') checkEnumValues(ctx, variable.values, variable.initial, path);
  if (variable.type !== 'number') return;
  const { min, max, initial, accrue } = variable;
  if (min !== undefined && max !== undefined && min > max) error(ctx, [...path, 'min'], `min (${min}) is greater than max (${max})`);
  if (min !== undefined && initial < min) error(ctx, [...path, 'initial'], `is below min (${min})`);
  if (max !== undefined && initial > max) error(ctx, [...path, 'initial'], `is above max (${max})`);
  if (accrue === undefined) return;
  if (typeof accrue.rate === 'string' && checkRef(ctx, 'variable', accrue.rate, [...path, 'accrue', 'rate'])) {
    const rate = ctx.variables.get(accrue.rate);
    if (rate && rate.type !== 'number') error(ctx, [...path, 'accrue', 'rate'], `variable "${accrue.rate}" is not a number, so it cannot be a rate`);
  }
  checkCondition(ctx, accrue.while, [...path, 'accrue', 'while']);
}

function mustBeNumber(ctx: CheckContext, id: string | undefined, path: PackPath, role: string): void {
  if (id === undefined || !checkRef(ctx, 'variable', id, path)) return;
  const variable = ctx.variables.get(id);
  if (variable && variable.type !== 'number') {
    error(ctx, path, `variable "${id}" is ${kindOf(variable)}; ${role} must be a number variable`);
  }
}

function checkMove(ctx: CheckContext, move: Move, index: number): void {
  const path = ['moves', index] as const;
  const owners = typeof move.owner === 'string' ? [move.owner] : move.owner;
  owners.forEach((role, i) => checkBriefed(ctx, role, typeof move.owner === 'string' ? [...path, 'owner'] : [...path, 'owner', i], 'owns this move'));
  checkCondition(ctx, move.requires, [...path, 'requires']);
  checkEffects(ctx, move.effects, [...path, 'effects']);
  checkCondition(ctx, move.cost?.when, [...path, 'cost', 'when']);
}

/** Variables, metrics, moves, obligations, recovery and weights. */
export function checkModel(ctx: CheckContext): void {
  const { parts } = ctx;
  for (const { index, value } of parts.variables.entries) checkVariable(ctx, value, index);
  mustBeNumber(ctx, parts.metrics.harm, ['metrics', 'harm'], 'the harm metric');
  for (const { index, value } of parts.metrics.harms) mustBeNumber(ctx, value.var, ['metrics', 'harms', index, 'var'], 'a harm counter');
  for (const { index, value } of parts.metrics.dashboard) mustBeNumber(ctx, value, ['metrics', 'dashboard', index], 'a dashboard metric');
  for (const { index, value } of parts.moves.entries) checkMove(ctx, value, index);
  for (const { index, value } of parts.obligations.entries) {
    checkBriefed(ctx, value.owner, ['obligations', index, 'owner'], 'owns this obligation');
    checkCondition(ctx, value.trigger, ['obligations', index, 'trigger']);
    value.earlierDeadlines?.forEach((limb, i) => checkCondition(ctx, limb.after, ['obligations', index, 'earlierDeadlines', i, 'after']));
    checkRefs(ctx, 'move', value.satisfiedBy, ['obligations', index, 'satisfiedBy']);
  }
  for (const { index, value } of parts.recovery.restartMoves) checkRef(ctx, 'move', value, ['recovery', 'restartMoves', index]);
  checkCondition(ctx, parts.recovery.inService, ['recovery', 'inService']);
  for (const { index, value } of parts.recovery.criteria.entries) checkCondition(ctx, value.condition, ['recovery', 'criteria', index, 'condition']);
  const weights = parts.weights;
  if (weights && !Object.values(weights).some((weight) => weight !== undefined && weight > 0)) {
    error(ctx, ['weights'], 'at least one stage weight must be greater than 0 (or leave weights out to use the defaults)');
  }
}
