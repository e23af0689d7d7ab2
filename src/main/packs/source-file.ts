/**
 * Parses one YAML or JSON file of a pack, keeping source positions. Hostile
 * YAML is refused here: alias bombs, custom tags, duplicate keys, several
 * documents, oversize or non-UTF-8 files.
 */
import { type Document, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, type Node, visit } from 'yaml';
import { formatPackPath } from '../../engine/pack/issues';
import type { LocatedIssue } from '../../shared/packs';
import { jsonSyntaxIssues } from './json-syntax';
import { formatBytes, PACK_LIMITS } from './limits';

/** A parsed file: its YAML document and how to turn offsets into line/column. */
export type SourceFile = {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
};

/** The outcome of parsing one file: the value (absent on errors) and any problems. */
export type ParsedFile = { readonly source?: SourceFile; readonly value?: unknown; readonly issues: LocatedIssue[] };

/** YAML problems reported per file. */
const MAX_YAML_ISSUES = 50;

// Tags of the YAML 1.2 core schema; anything else (`!foo`, `!!binary`, `!!set`) is refused.
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

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

const tagMessage = (tag: string) => `the YAML tag "${tag}" is not allowed in a pack (packs are plain data)`;

/** Tags the parser resolved but that are not core (e.g. `!!binary`); unresolved ones come as parser warnings. */
function tagIssues(source: SourceFile, unresolved: ReadonlySet<string>): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  visit(source.doc, (_key, node) => {
    if (isPair(node) || !node || typeof node !== 'object' || !('tag' in node)) return;
    const tag = (node as { tag?: string }).tag;
    if (!tag || CORE_TAGS.has(tag) || unresolved.has(tag)) return;
    const offset = offsetOf(node);
    const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
    issues.push(issueAt(source, offset, pathAtOffset(source.doc, offset), tagMessage(shown)));
  });
  return issues;
}

function firstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

const UNRESOLVED_TAG = 'Unresolved tag: ';

function yamlMessage(code: string, message: string, text: string, offset: number): string {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*("[^"]*"|'[^']*'|[^:\n]*)/.exec(text.slice(offset, offset + 200))?.[1]?.trim().replace(/^["']|["']$/g, '') ?? '';
      return `duplicate key "${key}": each key may appear only once in a mapping`;
    }
    case 'TAG_RESOLVE_FAILED':
      return message.startsWith(UNRESOLVED_TAG) ? tagMessage(message.slice(UNRESOLVED_TAG.length)) : `YAML: ${message}`;
    case 'MULTIPLE_DOCS':
      return 'a pack file holds one YAML document; remove the "---" separator and what follows it';
    default:
      return `YAML syntax error: ${message}`;
  }
}

/** Parses `bytes` as the pack file `file` (YAML, or JSON, which is YAML). */
export function parseSourceFile(file: string, bytes: Uint8Array): ParsedFile {
  const lines = new LineCounter();
  const at = (message: string): ParsedFile => ({ issues: [{ file, line: 1, col: 1, path: '$', message, severity: 'error' }] });
  if (bytes.byteLength > PACK_LIMITS.packFileBytes) {
    return at(`is larger than ${formatBytes(PACK_LIMITS.packFileBytes)}, the limit for a pack file`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return at('is not UTF-8 text; save it as UTF-8');
  }
  // A .json file is checked as JSON first (exact positions, JSON's own rules).
  const json = file.toLowerCase().endsWith('.json') ? jsonSyntaxIssues(file, text) : [];
  if (json.length > 0) return { issues: json };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2', merge: false });
  } catch (error) {
    return at(`could not be read as YAML (${error instanceof Error ? error.message : String(error)})`);
  }
  const source: SourceFile = { file, doc, lines };
  const problems = [...doc.errors, ...doc.warnings];
  // A badly broken file can produce thousands of errors; the first ones are the useful ones.
  const issues = problems
    .slice(0, MAX_YAML_ISSUES)
    .map((e) => issueAt(source, e.pos[0], pathAtOffset(doc, e.pos[0]), yamlMessage(e.code, e.message, text, e.pos[0])));
  if (problems.length > MAX_YAML_ISSUES) {
    const last = problems[MAX_YAML_ISSUES] as { pos: [number, number] };
    issues.push(issueAt(source, last.pos[0], '$', `… and ${problems.length - MAX_YAML_ISSUES} more YAML problems; fix the ones above first`));
  }
  const unresolved = new Set(problems.filter((e) => e.message.startsWith(UNRESOLVED_TAG)).map((e) => e.message.slice(UNRESOLVED_TAG.length)));
  // Tags always start with "!": skip the walk over the document when there is none.
  if (text.includes('!')) issues.push(...tagIssues(source, unresolved));
  if (issues.length > 0) return { source, issues };
  try {
    return { source, value: doc.toJS({ maxAliasCount: PACK_LIMITS.yamlAliases }), issues };
  } catch (error) {
    const offset = firstAlias(doc);
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `uses YAML aliases (*name) too much: they would expand more than ${PACK_LIMITS.yamlAliases} times (an "alias bomb"); write the values out`
        : `could not be read as YAML (${error instanceof Error ? error.message : String(error)})`;
    return { source, issues: [issueAt(source, offset, pathAtOffset(doc, offset), message)] };
  }
}
