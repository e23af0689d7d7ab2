/**
 * Measures a YAML file's shape on its concrete syntax tree (the `yaml`
 * parser's CST, built without recursion) before the document is composed:
 * how deep its lists and mappings nest, and how many aliases it uses. The
 * composer and every later step recurse, so a file nested thousands of levels
 * deep must be refused here, with its line, instead of overflowing the stack;
 * and alias resolution costs time for every alias, so their number is capped.
 */
import { CST } from 'yaml';
import type { PackPath } from '../../engine';

/** The first place (in the file) where nesting goes deeper than allowed. */
export type TooDeep = { readonly offset: number; readonly path: PackPath };

/** What the shape check found. */
export type YamlShape = {
  readonly tooDeep?: TooDeep;
  readonly aliases: number;
  /** Offset of the alias after which the count exceeds the cap (or of the first alias). */
  readonly aliasOffset: number;
};

type Frame = { readonly token: CST.Token; readonly depth: number; readonly parent?: Frame; readonly segment?: string | number };

const keyName = (key: CST.Token | null | undefined): string => {
  const scalar = key ? CST.resolveAsScalar(key) : null;
  return scalar ? scalar.value : '?';
};

function pathOf(frame: Frame): PackPath {
  const path: (string | number)[] = [];
  for (let at: Frame | undefined = frame; at; at = at.parent) if (at.segment !== undefined) path.push(at.segment);
  return path.reverse();
}

function children(frame: Frame): Frame[] {
  const { token } = frame;
  if (token.type === 'document') return token.value ? [{ token: token.value, depth: frame.depth, parent: frame }] : [];
  if (!CST.isCollection(token)) return [];
  const depth = frame.depth + 1;
  const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
  const out: Frame[] = [];
  token.items.forEach((item, index) => {
    const segment = isMap ? keyName(item.key) : index;
    if (item.key) out.push({ token: item.key, depth, parent: frame, segment });
    if (item.value) out.push({ token: item.value, depth, parent: frame, segment });
  });
  return out;
}

/**
 * Walks the CST once. A collection at depth `maxDepth + 1` (the top-level
 * mapping is depth 1) is too deep; its content is not walked.
 */
export function measureYamlShape(tokens: readonly CST.Token[], maxDepth: number, maxAliases: number): YamlShape {
  let tooDeep: TooDeep | undefined;
  let aliases = 0;
  let aliasOffset = 0;
  // Children are pushed last-first, so the walk meets nodes in document order.
  const stack: Frame[] = tokens.map((token): Frame => ({ token, depth: 0 })).reverse();
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { token } = frame;
    if (token.type === 'alias') {
      aliases += 1;
      if (aliases === 1 || aliases === maxAliases + 1) aliasOffset = token.offset;
      continue;
    }
    if (CST.isCollection(token) && frame.depth + 1 > maxDepth) {
      tooDeep ??= { offset: token.offset, path: pathOf(frame) };
      continue;
    }
    const next = children(frame);
    for (let i = next.length - 1; i >= 0; i -= 1) stack.push(next[i] as Frame);
  }
  return { ...(tooDeep ? { tooDeep } : {}), aliases, aliasOffset };
}
