/**
 * The one YAML reader of the app and the CLI (packs, scripts, run files):
 * `yaml`'s parser, YAML 1.2 core schema, keeping source positions. Hostile
 * YAML is refused here with a located, plain message: nesting deeper than a
 * pack may be, too many aliases or alias bombs, custom tags, duplicate keys,
 * `__proto__` keys and several documents.
 */
import { Composer, type Document, isScalar, LineCounter, Parser, visit, type YAMLError } from 'yaml';
import { formatPackPath, MAX_PACK_DEPTH } from '../../engine';
import type { LocatedIssue } from '../../shared/packs';
import { jsonSyntaxIssues } from './json-syntax';
import { formatBytes, PACK_LIMITS } from './limits';
import { issueAt, offsetOf, pathAtOffset, type SourceFile } from './source-file';
import { measureYamlShape } from './yaml-shape';

/** The outcome of reading one file: the value (absent on errors) and any problems. */
export type ParsedFile = { readonly source?: SourceFile; readonly value?: unknown; readonly issues: LocatedIssue[] };

/** YAML problems reported per file. */
const MAX_YAML_ISSUES = 50;

// Tags of the YAML 1.2 core schema; anything else (`!foo`, `!!binary`, `!!set`) is refused.
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));
const UNRESOLVED_TAG = 'Unresolved tag: ';

const tagMessage = (tag: string) => `the YAML tag "${tag}" is not allowed in a pack (packs are plain data)`;

function yamlMessage(error: YAMLError): string {
  switch (error.code) {
    case 'TAG_RESOLVE_FAILED':
      return error.message.startsWith(UNRESOLVED_TAG) ? tagMessage(error.message.slice(UNRESOLVED_TAG.length)) : `YAML: ${error.message}`;
    default:
      return `YAML syntax error: ${error.message.split('\n')[0]}`;
  }
}

/** Tags the parser resolved but that are not core (e.g. `!!binary`); unresolved ones come as parser warnings. */
function tagIssues(source: SourceFile, unresolved: ReadonlySet<string>): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  visit(source.doc, (_key, node) => {
    if (!node || typeof node !== 'object' || !('tag' in node)) return;
    const tag = (node as { tag?: string }).tag;
    if (!tag || CORE_TAGS.has(tag) || unresolved.has(tag)) return;
    const offset = offsetOf(node);
    const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
    issues.push(issueAt(source, offset, pathAtOffset(source.doc, offset), tagMessage(shown)));
  });
  return issues;
}

/**
 * Duplicate keys and `__proto__` keys, in one pass (yaml's own `uniqueKeys`
 * compares every key with every other, which takes minutes on a large mapping).
 */
function keyIssues(source: SourceFile): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  visit(source.doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const at = (message: string) => issues.push(issueAt(source, offsetOf(pair.key), pathAtOffset(source.doc, offsetOf(pair.key)), message));
        if (key === '__proto__') at('the key "__proto__" is not allowed (it would change how the data is read); rename it');
        else if (seen.has(key)) at(`duplicate key "${key}": each key may appear only once in a mapping`);
        seen.add(key);
      }
    },
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

type Composed = { readonly doc: Document.Parsed; readonly secondDocument?: number } | { readonly issue: LocatedIssue };

/** Parses to one document; shape problems (too deep, too many aliases) stop before composing. */
function compose(file: string, text: string, lines: LineCounter): Composed {
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const shape = measureYamlShape(tokens, MAX_PACK_DEPTH, PACK_LIMITS.yamlAliasNodes);
  const located = { file, lines };
  if (shape.tooDeep) {
    const { line } = lines.linePos(shape.tooDeep.offset);
    const message = `is nested more than ${MAX_PACK_DEPTH} levels deep at line ${line} (lists and mappings inside each other); a pack needs far fewer`;
    return { issue: issueAt(located, shape.tooDeep.offset, formatPackPath(shape.tooDeep.path), message) };
  }
  if (shape.aliases > PACK_LIMITS.yamlAliasNodes) {
    const message = `uses ${shape.aliases} YAML aliases (*name); a file may use at most ${PACK_LIMITS.yamlAliasNodes}: write the values out`;
    return { issue: issueAt(located, shape.aliasOffset, '$', message) };
  }
  // Duplicate keys are found by keyIssues, in one pass.
  const composer = new Composer({ version: '1.2', merge: false, uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (doc) return { doc, secondDocument: next.range[0] };
    doc = next;
  }
  return doc ? { doc } : { issue: issueAt(located, 0, '$', 'could not be read as YAML') };
}

/** Reads `text` as the YAML (or JSON, which is YAML) file `file`. */
export function readYaml(file: string, text: string): ParsedFile {
  const lines = new LineCounter();
  let composed: ReturnType<typeof compose>;
  try {
    composed = compose(file, text, lines);
  } catch (error) {
    return { issues: [issueAt({ file, lines }, 0, '$', `could not be read as YAML (${error instanceof Error ? error.message : String(error)})`)] };
  }
  if ('issue' in composed) return { issues: [composed.issue] };
  const { doc, secondDocument } = composed;
  const source: SourceFile = { file, doc, lines };
  const problems = [...doc.errors, ...doc.warnings];
  // A badly broken file can produce thousands of errors; the first ones are the useful ones.
  const issues = problems.slice(0, MAX_YAML_ISSUES).map((e) => issueAt(source, e.pos[0], pathAtOffset(doc, e.pos[0]), yamlMessage(e)));
  if (secondDocument !== undefined) {
    issues.push(issueAt(source, secondDocument, '$', 'a pack file holds one YAML document; remove the "---" separator and what follows it'));
  }
  if (problems.length > MAX_YAML_ISSUES) {
    const last = problems[MAX_YAML_ISSUES] as YAMLError;
    issues.push(issueAt(source, last.pos[0], '$', `… and ${problems.length - MAX_YAML_ISSUES} more YAML problems; fix the ones above first`));
  }
  const unresolved = new Set(problems.filter((e) => e.message.startsWith(UNRESOLVED_TAG)).map((e) => e.message.slice(UNRESOLVED_TAG.length)));
  // Tags always start with "!": skip the walk over the document when there is none.
  if (text.includes('!')) issues.push(...tagIssues(source, unresolved));
  issues.push(...keyIssues(source));
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

/** Parses `bytes` as the pack file `file`: at most the pack file size limit, UTF-8, then `readYaml`. */
export function parseSourceFile(file: string, bytes: Uint8Array): ParsedFile {
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
  return readYaml(file, text);
}
