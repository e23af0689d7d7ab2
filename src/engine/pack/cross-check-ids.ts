/**
 * Duplicate ids: within each list of a pack, and among the options of each
 * decision. Role briefs are keyed by role and checked the same way.
 */
import { type CheckContext, error, idListsOf } from './cross-check-context';
import { formatPackPath, type PackPath } from './issues';
import type { Entry } from './pack-parts';

function duplicates(ctx: CheckContext, keys: readonly Entry<string>[], path: PackPath, key: string, what: string): void {
  const seen = new Map<string, number>();
  for (const { index, value } of keys) {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else error(ctx, [...path, index, key], `duplicate ${what} "${value}": already used at ${formatPackPath([...path, first])}`);
  }
}

/** Reports ids used twice within the same list. */
export function checkDuplicateIds(ctx: CheckContext): void {
  const { parts } = ctx;
  for (const { path, list } of idListsOf(parts)) duplicates(ctx, list.keys, path, 'id', 'id');
  for (const { index, value } of parts.decisions.entries) {
    const options = (value.options ?? []).map((option, i) => ({ index: i, value: option.id }));
    duplicates(ctx, options, ['decisions', index, 'options'], 'id', 'option id');
  }
  duplicates(ctx, parts.roles.keys, ['roles'], 'role', 'brief for role');
}
