/**
 * Checks on the pack's model: variables and metrics, moves, obligations,
 * recovery and weights.
 */
import { checkCondition, checkEffects } from './cross-check-conditions';
import { type CheckContext, checkRef, error, warning } from './cross-check-context';
import { field, isRecord, items, num, str } from './loose';

function checkVariable(ctx: CheckContext, item: unknown, index: number): void {
  const path = ['variables', index] as const;
  const type = str(field(item, 'type'));
  const initial = field(item, 'initial');
  if (type === 'enum') {
    const values = items(field(item, 'values')).filter((v): v is string => typeof v === 'string');
    values.forEach((value, i) => {
      if (values.indexOf(value) !== i) error(ctx, [...path, 'values', i], `duplicate value "${value}"`);
    });
    if (typeof initial === 'string' && !values.includes(initial)) {
      error(ctx, [...path, 'initial'], `"${initial}" is not one of this variable's values (${values.join(', ')})`);
    }
    return;
  }
  if (type !== 'number') return;
  const min = num(field(item, 'min'));
  const max = num(field(item, 'max'));
  const value = num(initial);
  if (min !== undefined && max !== undefined && min > max) error(ctx, [...path, 'min'], `min (${min}) is greater than max (${max})`);
  if (value !== undefined && min !== undefined && value < min) error(ctx, [...path, 'initial'], `is below min (${min})`);
  if (value !== undefined && max !== undefined && value > max) error(ctx, [...path, 'initial'], `is above max (${max})`);
  const accrue = field(item, 'accrue');
  if (!isRecord(accrue)) return;
  const rate = str(accrue.rate);
  if (rate !== undefined && checkRef(ctx, 'variable', rate, [...path, 'accrue', 'rate'])) {
    const rateType = ctx.variables.get(rate)?.type;
    if (rateType && rateType !== 'number') error(ctx, [...path, 'accrue', 'rate'], `variable "${rate}" is not a number, so it cannot be a rate`);
  }
  checkCondition(ctx, accrue.while, [...path, 'accrue', 'while']);
}

function mustBeNumber(ctx: CheckContext, value: unknown, path: readonly (string | number)[], role: string): void {
  const id = str(value);
  if (id === undefined || !checkRef(ctx, 'variable', id, path)) return;
  const type = ctx.variables.get(id)?.type;
  if (type && type !== 'number') error(ctx, path, `variable "${id}" is ${type === 'enum' ? 'an enum' : 'true/false'}; ${role} must be a number variable`);
}

function checkMove(ctx: CheckContext, move: unknown, index: number): void {
  const path = ['moves', index] as const;
  const owner = field(move, 'owner');
  const owners = Array.isArray(owner) ? owner : [owner];
  owners.forEach((role, i) => {
    if (typeof role !== 'string' || ctx.briefedRoles.has(role)) return;
    warning(ctx, Array.isArray(owner) ? [...path, 'owner', i] : [...path, 'owner'], `role "${role}" owns this move but has no brief in roles, so no participant plays it`);
  });
  checkCondition(ctx, field(move, 'requires'), [...path, 'requires']);
  checkEffects(ctx, field(move, 'effects'), [...path, 'effects']);
}

/** Variables, metrics, moves, obligations, recovery and weights. */
export function checkModel(ctx: CheckContext): void {
  const pack = ctx.pack;
  items(field(pack, 'variables')).forEach((item, index) => checkVariable(ctx, item, index));
  const metrics = field(pack, 'metrics');
  mustBeNumber(ctx, field(metrics, 'harm'), ['metrics', 'harm'], 'the harm metric');
  items(field(metrics, 'dashboard')).forEach((id, index) => mustBeNumber(ctx, id, ['metrics', 'dashboard', index], 'a dashboard metric'));
  items(field(pack, 'moves')).forEach((move, index) => checkMove(ctx, move, index));
  items(field(pack, 'obligations')).forEach((obligation, index) => {
    checkCondition(ctx, field(obligation, 'trigger'), ['obligations', index, 'trigger']);
    items(field(obligation, 'satisfiedBy')).forEach((id, i) => checkRef(ctx, 'move', id, ['obligations', index, 'satisfiedBy', i]));
  });
  const recovery = field(pack, 'recovery');
  items(field(recovery, 'restartMoves')).forEach((id, i) => checkRef(ctx, 'move', id, ['recovery', 'restartMoves', i]));
  items(field(recovery, 'criteria')).forEach((criterion, i) => checkCondition(ctx, field(criterion, 'condition'), ['recovery', 'criteria', i, 'condition']));
  const weights = field(pack, 'weights');
  if (isRecord(weights) && !Object.values(weights).some((w) => typeof w === 'number' && w > 0)) {
    error(ctx, ['weights'], 'at least one stage weight must be greater than 0 (or leave weights out to use the defaults)');
  }
}
