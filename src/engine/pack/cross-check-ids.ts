/**
 * Duplicate ids: within each list of a pack, and among the options of each
 * decision. Role briefs are keyed by role and checked the same way.
 */
import { type CheckContext, error } from './cross-check-context';
import { formatPackPath, type PackPath } from './issues';
import { field, items, str } from './loose';

function duplicates(ctx: CheckContext, list: unknown, path: PackPath, key: string, what: string): void {
  const seen = new Map<string, number>();
  items(list).forEach((item, index) => {
    const id = str(field(item, key));
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else error(ctx, [...path, index, key], `duplicate ${what} "${id}": already used at ${formatPackPath([...path, first])}`);
  });
}

/** Reports ids used twice within the same list. */
export function checkDuplicateIds(ctx: CheckContext): void {
  const pack = ctx.pack;
  const trace = field(field(pack, 'reference'), 'trace');
  const lists: ReadonlyArray<readonly [unknown, PackPath]> = [
    [field(pack, 'injects'), ['injects']],
    [field(pack, 'decisions'), ['decisions']],
    [field(pack, 'moves'), ['moves']],
    [field(pack, 'obligations'), ['obligations']],
    [field(pack, 'variables'), ['variables']],
    [field(pack, 'readiness'), ['readiness']],
    [field(field(pack, 'recovery'), 'criteria'), ['recovery', 'criteria']],
    [field(field(trace, 'rootCause'), 'candidates'), ['reference', 'trace', 'rootCause', 'candidates']],
    [field(trace, 'corrections'), ['reference', 'trace', 'corrections']],
    [field(trace, 'evolutions'), ['reference', 'trace', 'evolutions']],
  ];
  for (const [list, path] of lists) duplicates(ctx, list, path, 'id', 'id');
  items(field(pack, 'decisions')).forEach((decision, index) => {
    duplicates(ctx, field(decision, 'options'), ['decisions', index, 'options'], 'id', 'option id');
  });
  duplicates(ctx, field(pack, 'roles'), ['roles'], 'role', 'brief for role');
}
