/**
 * A guard run before anything else reads a pack: the input must be plain
 * JSON-like data of bounded depth and size, so that no later step can
 * recurse without end, loop on a cycle or trip over a class instance.
 */
import { packError, type PackIssue } from './issues';

/** Deepest nesting a pack may use (a pack needs about 10 plus its condition nesting). */
export const MAX_PACK_DEPTH = 64;
/** Most values (objects, lists, scalars) a pack may contain. */
export const MAX_PACK_NODES = 2_000_000;

type Walk = { nodes: number; readonly ancestors: Set<object>; readonly issues: PackIssue[] };

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function visit(value: unknown, path: (string | number)[], walk: Walk): void {
  walk.nodes += 1;
  if (walk.nodes > MAX_PACK_NODES) {
    if (walk.nodes === MAX_PACK_NODES + 1) walk.issues.push(packError([], `is too large (more than ${MAX_PACK_NODES} values)`));
    return;
  }
  if (value === null || value === undefined) return;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return;
    case 'object':
      break;
    default:
      walk.issues.push(packError([...path], `is not plain data (found a ${typeof value})`));
      return;
  }
  if (!Array.isArray(value) && !isPlainObject(value)) {
    walk.issues.push(packError([...path], 'is not plain data (found an object of a special kind)'));
    return;
  }
  if (walk.ancestors.has(value)) {
    walk.issues.push(packError([...path], 'refers to itself (a cycle), which a pack cannot contain'));
    return;
  }
  if (path.length >= MAX_PACK_DEPTH) {
    walk.issues.push(packError([...path], `is nested too deeply (more than ${MAX_PACK_DEPTH} levels)`));
    return;
  }
  walk.ancestors.add(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      path.push(index);
      visit(value[index], path, walk);
      path.pop();
    }
  } else {
    for (const key of Object.keys(value)) {
      path.push(key);
      visit((value as Record<string, unknown>)[key], path, walk);
      path.pop();
    }
  }
  walk.ancestors.delete(value);
}

/** Problems that make the input unsafe to read further (empty when it is plain data). */
export function checkPlainData(input: unknown): PackIssue[] {
  const walk: Walk = { nodes: 0, ancestors: new Set(), issues: [] };
  visit(input, [], walk);
  return walk.issues.slice(0, 50);
}
