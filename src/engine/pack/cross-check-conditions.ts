/**
 * Reference and type checks inside conditions and effects: every id they
 * name exists, and values fit the variable they are compared with or
 * assigned to.
 */
import { assertNever } from '../result';
import { COMPARATORS, type Condition } from './condition';
import { type CheckContext, checkRef, error, unknownMessage } from './cross-check-context';
import type { Effect } from './effect';
import type { PackPath } from './issues';
import type { Variable } from './schema';
import { describeValue, didYouMean, listNames } from './suggest';

type Scalar = number | boolean | string;
type VarCondition = Extract<Condition, { readonly var: string }>;

const ORDER_COMPARATORS: ReadonlySet<string> = new Set(['gt', 'gte', 'lt', 'lte']);

/** "an enum" / "true/false": how messages name a variable that is not a number. */
export const kindOf = (variable: Variable): string => (variable.type === 'enum' ? 'an enum' : 'true/false');

/** Why `value` cannot be held by the variable (undefined when it can). */
export function valueMismatch(variable: Variable, value: Scalar): string | undefined {
  const id = variable.id;
  switch (variable.type) {
    case 'number':
      return typeof value === 'number' ? undefined : `variable "${id}" is a number, so this must be a number (found ${describeValue(value)})`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `variable "${id}" is true/false, so this must be true or false (found ${describeValue(value)})`;
    case 'enum':
      if (typeof value === 'string' && variable.values.includes(value)) return undefined;
      return `${describeValue(value)} is not a value of variable "${id}" (values: ${variable.values.join(', ')})${typeof value === 'string' ? didYouMean(value, variable.values) : ''}`;
    default:
      return assertNever(variable);
  }
}

function checkVarCondition(ctx: CheckContext, node: VarCondition, path: PackPath): void {
  if (!checkRef(ctx, 'variable', node.var, [...path, 'var'])) return;
  const variable = ctx.variables.get(node.var);
  if (!variable) return;
  for (const op of COMPARATORS) {
    const value = node[op];
    if (value === undefined) continue;
    if (ORDER_COMPARATORS.has(op) && variable.type !== 'number') {
      error(ctx, [...path, op], `"${op}" compares numbers, but variable "${node.var}" is ${kindOf(variable)}: use eq or ne`);
      continue;
    }
    const mismatch = valueMismatch(variable, value);
    if (mismatch) error(ctx, [...path, op], mismatch);
  }
}

function checkReadiness(ctx: CheckContext, id: string, path: PackPath): void {
  const table = ctx.ids.get('readiness item');
  if (table?.has(id) || ctx.unreadable.has('readiness item')) return;
  const known = [...(table?.keys() ?? [])];
  if (ctx.parts.readiness !== undefined) {
    error(ctx, path, unknownMessage('readiness item', id, known));
    return;
  }
  const hint = didYouMean(id, known);
  error(ctx, path, `unknown readiness item "${id}"${hint} (the pack has no readiness list, so the app's default checklist applies: ${listNames(known)})`);
}

function checkChosenOption(ctx: CheckContext, decision: string, chose: string | undefined, path: PackPath): void {
  if (!checkRef(ctx, 'decision', decision, [...path, 'decision'])) return;
  const options = ctx.decisionOptions.get(decision);
  if (chose !== undefined && options && !options.includes(chose)) error(ctx, [...path, 'chose'], unknownOption(decision, chose, options));
}

/** Checks one condition (and the conditions nested in it). */
export function checkCondition(ctx: CheckContext, node: Condition | undefined, path: PackPath): void {
  if (node === undefined) return;
  if ('all' in node) node.all.forEach((child, index) => checkCondition(ctx, child, [...path, 'all', index]));
  else if ('any' in node) node.any.forEach((child, index) => checkCondition(ctx, child, [...path, 'any', index]));
  else if ('not' in node) checkCondition(ctx, node.not, [...path, 'not']);
  else if ('var' in node) checkVarCondition(ctx, node, path);
  else if ('move' in node) checkRef(ctx, 'move', node.move, [...path, 'move']);
  else if ('inject' in node) checkRef(ctx, 'inject', node.inject, [...path, 'inject']);
  else if ('sinceInject' in node) checkRef(ctx, 'inject', node.sinceInject, [...path, 'sinceInject']);
  else if ('decision' in node) checkChosenOption(ctx, node.decision, node.chose, path);
  else if ('readiness' in node) checkReadiness(ctx, node.readiness, [...path, 'readiness']);
  else if ('obligation' in node) checkRef(ctx, 'obligation', node.obligation, [...path, 'obligation']);
  else if ('role' in node) checkRef(ctx, 'role', node.role, [...path, 'role']);
  // severity, r3ai, elapsed, gateViolated name nothing of the pack: the schema checks them fully.
}

/** `decision "x" has no option "y"; did you mean …` */
export function unknownOption(decision: string, option: string, options: readonly string[]): string {
  if (options.length === 0) return `decision "${decision}" has no options, so it has no option "${option}"`;
  return `decision "${decision}" has no option "${option}"${didYouMean(option, options)} (options: ${options.join(', ')})`;
}

/** Checks one effect. */
export function checkEffect(ctx: CheckContext, effect: Effect, path: PackPath): void {
  if ('set' in effect) {
    if (!checkRef(ctx, 'variable', effect.set, [...path, 'set'])) return;
    const variable = ctx.variables.get(effect.set);
    const mismatch = variable && valueMismatch(variable, effect.to);
    if (mismatch) error(ctx, [...path, 'to'], mismatch);
  } else if ('add' in effect) {
    if (!checkRef(ctx, 'variable', effect.add, [...path, 'add'])) return;
    const variable = ctx.variables.get(effect.add);
    if (variable && variable.type !== 'number') {
      error(ctx, [...path, 'add'], `cannot add to variable "${effect.add}": it is ${kindOf(variable)}, not a number; use set`);
    }
  } else if ('open' in effect) {
    checkRef(ctx, 'decision', effect.open, [...path, 'open']);
  } else {
    checkRef(ctx, 'inject', effect.fire, [...path, 'fire']);
  }
}

/** Checks a list of effects at `path`. */
export function checkEffects(ctx: CheckContext, effects: readonly Effect[] | undefined, path: PackPath): void {
  effects?.forEach((effect, index) => checkEffect(ctx, effect, [...path, index]));
}
