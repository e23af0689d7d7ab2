/**
 * Syntax errors first, knock-on problems held back. One mis-indented line
 * makes the YAML parser report a cascade of errors after it, and the pack's
 * checks then report keys "missing" that are only unreadable: the author
 * should see the real fault alone. Per file, the first YAML syntax error is
 * kept (with a hint where the parser's words are cryptic) and the ones after
 * it are counted in its message; a path through keys the parser invented
 * while recovering (`summary["A CV-screening"]`) is cut before them.
 */
import type { LocatedIssue } from '../../shared/packs';

const SYNTAX = 'YAML syntax error: ';

const HINTS: readonly (readonly [RegExp, string])[] = [
  [/Sequence item without - indicator|All mapping items must start at the same column|bad indentation/i, 'check the indentation of this line: the keys of one mapping must start in the same column, and list items with "- "'],
  [/Nested mappings are not allowed in compact mappings|Implicit keys need to be on a single line/, 'a value that contains ": " must be in quotes, e.g. summary: "Risk: high"'],
  [/Missing , between flow (map|sequence) items/, 'inside { … } or [ … ] the entries are separated by commas; a text that contains one must be in quotes'],
];

/** A path without the segments the parser made up from broken text (keys with spaces are never pack keys). */
export function unmangledPath(path: string): string {
  const cut = path.search(/\["[^"]*\s[^"]*"\]/);
  if (cut < 0) return path;
  return cut === 0 ? '$' : path.slice(0, cut);
}

function withHint(message: string): string {
  const hint = HINTS.find(([pattern]) => pattern.test(message))?.[1];
  return hint ? `${message} (${hint})` : message;
}

/** Keeps the first YAML syntax error of each file (the others are counted in it); other issues pass unchanged. */
export function syntaxErrorsFirst(issues: readonly LocatedIssue[]): LocatedIssue[] {
  const firsts = new Map<string, { issue: LocatedIssue; more: number }>();
  const out: (LocatedIssue | string)[] = [];
  for (const issue of issues) {
    if (!issue.message.startsWith(SYNTAX)) {
      out.push(issue);
      continue;
    }
    const first = firsts.get(issue.file);
    if (first) {
      first.more += 1;
      continue;
    }
    firsts.set(issue.file, { issue, more: 0 });
    out.push(issue.file);
  }
  return out.map((item) => {
    if (typeof item !== 'string') return item;
    const { issue, more } = firsts.get(item)!;
    const after = more === 0 ? '' : `; ${more} more YAML ${more === 1 ? 'error follows' : 'errors follow'} in this file, probably caused by this one: fix it first`;
    return { ...issue, path: unmangledPath(issue.path), message: `${withHint(issue.message.split('\n')[0]!)}${after}` };
  });
}

/** The note that says why nothing else was checked. */
export const HELD_BACK = "the pack's content was not checked because the files above cannot be read; fix these problems and check again";
