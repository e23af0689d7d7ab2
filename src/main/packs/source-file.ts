/**
 * A YAML file read with source positions (see yaml-read.ts), and turning
 * offsets in it into located issues and JSON paths.
 */
import { type Document, isCollection, isMap, isScalar, type LineCounter, type Node } from 'yaml';
import { formatPackPath } from '../../engine';
import type { LocatedIssue } from '../../shared/packs';

/** A parsed file: its YAML document and how to turn offsets into line/column. */
export type SourceFile = {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
};

/** The start offset of a YAML node (0 when it has none). */
export const offsetOf = (node: unknown): number => (node as Node | null | undefined)?.range?.[0] ?? 0;

/** An issue at a character offset of a file. */
export function issueAt(source: { file: string; lines: LineCounter }, offset: number, path: string, message: string): LocatedIssue {
  const { line, col } = source.lines.linePos(offset);
  return { file: source.file, line, col, path, message, severity: 'error' };
}

/** The JSON path of the innermost node at `offset` (for syntax errors). */
export function pathAtOffset(doc: Document, offset: number): string {
  const path: (string | number)[] = [];
  const start = (n: unknown) => (n as Node | null)?.range?.[0];
  const end = (n: unknown) => (n as Node | null)?.range?.[2];
  const contains = (from: unknown, to: unknown) => {
    const a = start(from);
    const b = end(to);
    return a !== undefined && b !== undefined && offset >= a && offset < Math.max(b, a + 1);
  };
  let node: unknown = doc.contents;
  for (let depth = 0; depth < 200 && isCollection(node); depth += 1) {
    let next: unknown;
    if (isMap(node)) {
      // A pair spans from its key to the end of its value (tags and anchors sit between).
      const pair = node.items.find((p) => contains(p.key, p.value ?? p.key));
      if (!pair || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      if (contains(pair.value, pair.value)) next = pair.value;
    } else {
      const index = node.items.findIndex((item) => contains(item, item));
      if (index >= 0) {
        path.push(index);
        next = node.items[index];
      }
    }
    if (next === undefined) break;
    node = next;
  }
  return formatPackPath(path);
}
