/** Every condition of a pack with its path, and the leaves inside a condition. */
import type { Condition } from '../pack/condition';
import type { PackPath } from '../pack/issues';
import type { Pack } from '../pack/schema';

/** A condition and where it sits in the pack. */
export type PlacedCondition = { readonly path: PackPath; readonly condition: Condition };

/** Every condition in the pack (triggers, preconditions, costs, criteria, accrual guards). */
export function conditionsOf(pack: Pack): PlacedCondition[] {
  const out: PlacedCondition[] = [];
  const add = (path: PackPath, condition: Condition | undefined) => {
    if (condition !== undefined) out.push({ path, condition });
  };
  pack.variables.forEach((v, i) => add(['variables', i, 'accrue', 'while'], v.type === 'number' ? v.accrue?.while : undefined));
  pack.injects.forEach((x, i) => add(['injects', i, 'when'], x.when));
  pack.moves.forEach((m, i) => {
    add(['moves', i, 'requires'], m.requires);
    add(['moves', i, 'cost', 'when'], m.cost?.when);
  });
  pack.decisions.forEach((d, i) => (d.options ?? []).forEach((o, j) => add(['decisions', i, 'options', j, 'cost', 'when'], o.cost?.when)));
  pack.obligations.forEach((o, i) => {
    add(['obligations', i, 'trigger'], o.trigger);
    (o.earlierDeadlines ?? []).forEach((l, j) => add(['obligations', i, 'earlierDeadlines', j, 'after'], l.after));
  });
  add(['recovery', 'inService'], pack.recovery.inService);
  pack.recovery.criteria.forEach((c, i) => add(['recovery', 'criteria', i, 'condition'], c.condition));
  return out;
}

/** The leaves of a condition (everything that is not all / any / not). */
export function leavesOf(condition: Condition): Condition[] {
  if ('all' in condition) return condition.all.flatMap(leavesOf);
  if ('any' in condition) return condition.any.flatMap(leavesOf);
  if ('not' in condition) return leavesOf(condition.not);
  return [condition];
}
