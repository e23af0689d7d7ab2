/**
 * Reference and type checks inside conditions and effects: every id they
 * name exists, and values fit the variable they are compared with or
 * assigned to.
 */
import { COMPARATORS, CONDITION_KEYS } from './condition';
import { type CheckContext, checkRef, error, unknownMessage, type VariableInfo } from './cross-check-context';
import type { PackPath } from './issues';
import { field, isRecord, items, str } from './loose';
import { describeValue, didYouMean, listNames } from './suggest';

const ORDER_COMPARATORS = new Set(['gt', 'gte', 'lt', 'lte']);

/** Why `value` cannot be held by the variable (undefined when it can). */
export function valueMismatch(variable: VariableInfo, id: string, value: unknown): string | undefined {
  switch (variable.type) {
    case 'number':
      return typeof value === 'number' ? undefined : `variable "${id}" is a number, so this must be a number (found ${describeValue(value)})`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `variable "${id}" is true/false, so this must be true or false (found ${describeValue(value)})`;
    case 'enum':
      if (typeof value === 'string' && variable.values.includes(value)) return undefined;
      return `${describeValue(value)} is not a value of variable "${id}" (values: ${variable.values.join(', ')})${typeof value === 'string' ? didYouMean(value, variable.values) : ''}`;
    default:
      return undefined;
  }
}

function checkVarCondition(ctx: CheckContext, node: Readonly<Record<string, unknown>>, path: PackPath): void {
  const id = str(node.var);
  if (id === undefined || !checkRef(ctx, 'variable', id, [...path, 'var'])) return;
  const variable = ctx.variables.get(id);
  if (!variable) return;
  for (const op of COMPARATORS) {
    if (!Object.hasOwn(node, op)) continue;
    if (ORDER_COMPARATORS.has(op) && variable.type !== 'number' && variable.type !== undefined) {
      error(ctx, [...path, op], `"${op}" compares numbers, but variable "${id}" is ${variable.type === 'enum' ? 'an enum' : 'true/false'}: use eq or ne`);
      continue;
    }
    const mismatch = valueMismatch(variable, id, node[op]);
    if (mismatch) error(ctx, [...path, op], mismatch);
  }
}

function checkReadiness(ctx: CheckContext, value: unknown, path: PackPath): void {
  const id = str(value);
  const table = ctx.ids.get('readiness item');
  if (id === undefined || table?.has(id) || ctx.unreadable.has('readiness item')) return;
  const known = [...(table?.keys() ?? [])];
  if (field(ctx.pack, 'readiness') !== undefined) {
    error(ctx, path, unknownMessage('readiness item', id, known));
    return;
  }
  const hint = didYouMean(id, known);
  error(ctx, path, `unknown readiness item "${id}"${hint} (the pack has no readiness list, so the app's default checklist applies: ${listNames(known)})`);
}

/** Checks one condition (and the conditions nested in it). */
export function checkCondition(ctx: CheckContext, node: unknown, path: PackPath): void {
  if (!isRecord(node)) return;
  const keys = CONDITION_KEYS.filter((key) => Object.hasOwn(node, key));
  if (keys.length !== 1) return; // the schema reports it
  switch (keys[0]) {
    case 'all':
    case 'any': {
      const key = keys[0];
      items(node[key]).forEach((child, index) => checkCondition(ctx, child, [...path, key, index]));
      return;
    }
    case 'not':
      checkCondition(ctx, node.not, [...path, 'not']);
      return;
    case 'var':
      checkVarCondition(ctx, node, path);
      return;
    case 'move':
      checkRef(ctx, 'move', node.move, [...path, 'move']);
      return;
    case 'inject':
      checkRef(ctx, 'inject', node.inject, [...path, 'inject']);
      return;
    case 'sinceInject':
      checkRef(ctx, 'inject', node.sinceInject, [...path, 'sinceInject']);
      return;
    case 'decision': {
      if (!checkRef(ctx, 'decision', node.decision, [...path, 'decision'])) return;
      const chose = str(node.chose);
      const decision = ctx.decisions.get(node.decision as string);
      if (chose !== undefined && decision && !decision.options.includes(chose)) {
        error(ctx, [...path, 'chose'], unknownOption(node.decision as string, chose, decision.options));
      }
      return;
    }
    case 'readiness':
      checkReadiness(ctx, node.readiness, [...path, 'readiness']);
      return;
    case 'obligation':
      checkRef(ctx, 'obligation', node.obligation, [...path, 'obligation']);
      return;
    case 'role':
      checkRef(ctx, 'role', node.role, [...path, 'role']);
      return;
    default:
      return; // severity, r3ai, elapsed, gateViolated: fully checked by the schema
  }
}

/** `decision "x" has no option "y"; did you mean …` */
export function unknownOption(decision: string, option: string, options: readonly string[]): string {
  if (options.length === 0) return `decision "${decision}" has no options, so it has no option "${option}"`;
  return `decision "${decision}" has no option "${option}"${didYouMean(option, options)} (options: ${options.join(', ')})`;
}

/** Checks one effect. */
export function checkEffect(ctx: CheckContext, node: unknown, path: PackPath): void {
  if (!isRecord(node)) return;
  if (Object.hasOwn(node, 'set')) {
    const id = str(node.set);
    if (id === undefined || !checkRef(ctx, 'variable', id, [...path, 'set'])) return;
    const variable = ctx.variables.get(id);
    const mismatch = variable && Object.hasOwn(node, 'to') ? valueMismatch(variable, id, node.to) : undefined;
    if (mismatch) error(ctx, [...path, 'to'], mismatch);
  } else if (Object.hasOwn(node, 'add')) {
    const id = str(node.add);
    if (id === undefined || !checkRef(ctx, 'variable', id, [...path, 'add'])) return;
    const type = ctx.variables.get(id)?.type;
    if (type === 'boolean' || type === 'enum') {
      error(ctx, [...path, 'add'], `cannot add to variable "${id}": it is ${type === 'enum' ? 'an enum' : 'true/false'}, not a number; use set`);
    }
  } else if (Object.hasOwn(node, 'open')) {
    checkRef(ctx, 'decision', node.open, [...path, 'open']);
  } else if (Object.hasOwn(node, 'fire')) {
    checkRef(ctx, 'inject', node.fire, [...path, 'fire']);
  }
}

/** Checks a list of effects at `path`. */
export function checkEffects(ctx: CheckContext, list: unknown, path: PackPath): void {
  items(list).forEach((effect, index) => checkEffect(ctx, effect, [...path, index]));
}
