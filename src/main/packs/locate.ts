/**
 * Maps a JSON path of the assembled pack back to a file, line and column.
 * Each top-level key remembers the file (and node) it came from; lists
 * merged from several files remember the origin of each element.
 */
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { PackPath } from '../../engine';
import type { SourceFile } from './source-file';

/** A node of one source file (null: the file's empty root). */
export type NodeRef = { readonly source: SourceFile; readonly node: unknown };

/** Where a top-level key came from; `elements` for lists, one per element. */
export type KeyOrigin = { readonly value: NodeRef; readonly elements?: readonly NodeRef[] };

/** A position in a file. */
export type SourcePosition = { readonly file: string; readonly line: number; readonly col: number };

/** Finds the position of a pack path. */
export type Locator = (path: PackPath) => SourcePosition;

const resolve = (ref: NodeRef, node: unknown): unknown => (isAlias(node) ? node.resolve(ref.source.doc) : node);

/** The items of a sequence node (through an alias), or undefined. */
export function sequenceItems(ref: NodeRef): readonly unknown[] | undefined {
  const node = resolve(ref, ref.node);
  return isSeq(node) ? node.items : undefined;
}

/** The deepest node along `segments` from `ref`: a missing key stops at its parent mapping. */
function descend(ref: NodeRef, segments: PackPath): unknown {
  let current = ref.node;
  for (const segment of segments) {
    const node = resolve(ref, current);
    let next: unknown;
    if (isMap(node) && typeof segment === 'string') {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      next = pair ? (pair.value ?? pair.key) : undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined || next === null) return current;
    current = next;
  }
  return current;
}

function position(ref: NodeRef, node: unknown): SourcePosition {
  const offset = (node as Node | null)?.range?.[0] ?? 0;
  const { line, col } = ref.source.lines.linePos(offset);
  return { file: ref.source.file, line, col };
}

/** A locator over the main file's root and the origins of the top-level keys. */
export function createLocator(root: NodeRef, origins: ReadonlyMap<string, KeyOrigin>): Locator {
  return (path) => {
    const [key, ...rest] = path;
    const origin = typeof key === 'string' ? origins.get(key) : undefined;
    if (!origin) return position(root, root.node);
    const index = rest[0];
    const element = typeof index === 'number' ? origin.elements?.[index] : undefined;
    if (element) return position(element, descend(element, rest.slice(1)));
    return position(origin.value, descend(origin.value, rest));
  };
}
