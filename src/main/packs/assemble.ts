/**
 * Assembles a pack from its main file and the files it includes:
 * `include: [injects.yaml, moves.yaml]` merges each file's keys into the
 * pack; lists are joined (main file first, then in include order), any
 * other key may be defined only once.
 */
import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { formatPackPath, isRecord } from '../../engine';
import type { LocatedIssue, PackOrigin } from '../../shared/packs';
import { createLocator, type KeyOrigin, type Locator, type NodeRef, sequenceItems } from './locate';
import { extensionOf, normalizePath, unsafePathReason } from './paths';
import { issueAt, offsetOf, type SourceFile } from './source-file';
import { parseSourceFile } from './yaml-read';

/** The merged pack data, the locator for its paths and the files it was read from (main first). */
export type Assembled = { readonly value: Record<string, unknown>; readonly locate: Locator; readonly files: readonly string[] };

const PACK_EXTENSIONS = new Set(['yaml', 'yml', 'json']);

function pairsOf(source: SourceFile): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  const root = source.doc.contents;
  if (isMap(root)) for (const pair of root.items) if (isScalar(pair.key)) pairs.set(String(pair.key.value), pair);
  return pairs;
}

function originOf(source: SourceFile, pair: Pair | undefined, value: unknown): KeyOrigin {
  const ref: NodeRef = { source, node: pair?.value ?? pair?.key ?? null };
  if (!Array.isArray(value)) return { value: ref };
  const nodes = sequenceItems(ref) ?? [];
  return { value: ref, elements: value.map((_, i) => ({ source, node: nodes[i] ?? ref.node })) };
}

type State = {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Called after each included file is parsed (progress). */
  readonly parsedOne: () => void;
  readonly origin: PackOrigin;
  readonly value: Record<string, unknown>;
  readonly origins: Map<string, KeyOrigin>;
  readonly order: string[];
  readonly issues: LocatedIssue[];
};

function mergeInclude(state: State, source: SourceFile, included: Record<string, unknown>): void {
  const pairs = pairsOf(source);
  for (const [key, value] of Object.entries(included)) {
    const pair = pairs.get(key);
    const at = (message: string) => state.issues.push(issueAt(source, offsetOf(pair?.key), formatPackPath([key]), message));
    if (key === 'include') {
      at('only the main pack file can include other files');
      continue;
    }
    const existing = state.origins.get(key);
    const here = originOf(source, pair, value);
    if (!existing) {
      state.value[key] = value;
      state.origins.set(key, here);
    } else if (Array.isArray(value) && Array.isArray(state.value[key])) {
      state.value[key] = [...(state.value[key] as unknown[]), ...value];
      state.origins.set(key, { value: existing.value, elements: [...(existing.elements ?? []), ...(here.elements ?? [])] });
    } else {
      const first = existing.value.source;
      const firstPair = pairsOf(first).get(key);
      const where = first.lines.linePos(offsetOf(firstPair?.key));
      at(`"${key}" is defined twice: in ${first.file}:${where.line}:${where.col} and here; only lists can be split across files (their entries are joined)`);
    }
  }
}

function readInclude(state: State, main: SourceFile, entry: unknown, index: number, seen: Set<string>): void {
  const locateEntry = (message: string) => {
    const node = pairsOf(main).get('include')?.value;
    const offset = offsetOf(isSeq(node) ? node.items[index] : node);
    state.issues.push(issueAt(main, offset, formatPackPath(['include', index]), message));
  };
  if (typeof entry !== 'string') return locateEntry('must be the path of a YAML or JSON file, relative to the pack folder');
  const unsafe = unsafePathReason(entry);
  if (unsafe) return locateEntry(`"${entry}" ${unsafe}`);
  const path = normalizePath(entry);
  if (!PACK_EXTENSIONS.has(extensionOf(path))) return locateEntry(`"${entry}" is not a .yaml, .yml or .json file`);
  if (path === main.file || seen.has(path)) return locateEntry(`"${entry}" is included more than once`);
  seen.add(path);
  const bytes = state.files.get(path);
  if (!bytes) {
    const hint = state.origin.kind === 'file' ? ' (a single-file pack cannot include files: put the pack in a folder with pack.yaml)' : '';
    return locateEntry(`the included file "${entry}" does not exist${hint}`);
  }
  const parsed = parseSourceFile(path, bytes);
  state.parsedOne();
  state.issues.push(...parsed.issues);
  if (!parsed.source || parsed.issues.length > 0) return;
  state.order.push(path);
  if (parsed.value === null || parsed.value === undefined) return; // an empty file adds nothing
  if (!isRecord(parsed.value)) {
    state.issues.push(issueAt(parsed.source, 0, '$', 'an included file must be a mapping of pack keys (e.g. injects: [...])'));
    return;
  }
  mergeInclude(state, parsed.source, parsed.value as Record<string, unknown>);
}

/** Parses the main file and its includes into one value; `parsed` hears of each file parsed. */
export function assemblePack(
  files: ReadonlyMap<string, Uint8Array>,
  mainFile: string,
  origin: PackOrigin,
  parsed: (done: number, total: number) => void = () => {},
): { readonly assembled?: Assembled; readonly issues: LocatedIssue[] } {
  const read = parseSourceFile(mainFile, files.get(mainFile) ?? new Uint8Array());
  if (!read.source || read.issues.length > 0) return { issues: read.issues };
  const main = read.source;
  const root: NodeRef = { source: main, node: main.doc.contents };
  if (!isRecord(read.value)) {
    const what = read.value === null || read.value === undefined ? 'is empty' : 'must be a mapping of keys (format, id, title, …) at the top level';
    return { issues: [issueAt(main, 0, '$', `the pack file ${what}`)] };
  }
  const pairs = pairsOf(main);
  const includeNode = pairs.get('include')?.value;
  const total = 1 + (isSeq(includeNode) ? includeNode.items.length : 0);
  let done = 1;
  parsed(done, total);
  const parsedOne = () => parsed((done += 1), total);
  const state: State = { files, parsedOne, origin, value: {}, origins: new Map(), order: [mainFile], issues: [] };
  for (const [key, value] of Object.entries(read.value)) {
    if (key === 'include') continue;
    state.value[key] = value;
    state.origins.set(key, originOf(main, pairs.get(key), value));
  }
  const include = read.value.include;
  if (include !== undefined) {
    if (!Array.isArray(include)) {
      state.issues.push(issueAt(main, offsetOf(pairs.get('include')?.value), 'include', 'must be a list of files, e.g. include: [injects.yaml, moves.yaml]'));
    } else {
      const seen = new Set<string>();
      include.forEach((entry, index) => readInclude(state, main, entry, index, seen));
    }
  }
  return { assembled: { value: state.value, locate: createLocator(root, state.origins), files: state.order }, issues: state.issues };
}
