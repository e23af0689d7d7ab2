/**
 * A `.json` pack file is read as JSON, not as YAML: JSON's syntax errors
 * (a missing comma, a trailing comma, a comment) are reported where they
 * are, in JSON's terms. YAML would accept some of them or place them
 * elsewhere. Only the first error is reported: the ones after it follow
 * from it. A file that is valid JSON is then read as before (JSON is YAML).
 */
import { getLocation, type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { formatPackPath } from '../../engine';
import type { LocatedIssue } from '../../shared/packs';

const MESSAGES: Readonly<Record<string, string>> = {
  CommaExpected: 'a comma is missing before this (entries of a JSON object or list are separated by commas)',
  PropertyNameExpected: 'a key in double quotes is expected here (JSON allows no comma before "}")',
  ValueExpected: 'a value is expected here (JSON allows no comma before "]" or "}")',
  ColonExpected: 'a colon is missing after the key',
  CloseBraceExpected: 'a "}" is missing: an object opened above is not closed',
  CloseBracketExpected: 'a "]" is missing: a list opened above is not closed',
  EndOfFileExpected: 'there is more after the end of the JSON value; a pack file holds one object',
  InvalidCommentToken: 'JSON does not allow comments; remove it (or write the pack in YAML)',
  UnexpectedEndOfComment: 'JSON does not allow comments; remove it (or write the pack in YAML)',
  UnexpectedEndOfString: 'the text is not closed: a double quote is missing',
  InvalidSymbol: 'this is not JSON: texts need double quotes, and true, false and null are lower case',
  InvalidNumberFormat: 'this is not a JSON number',
  UnexpectedEndOfNumber: 'this number is cut short',
  InvalidUnicode: 'this \\u escape is not valid',
  InvalidEscapeCharacter: 'this backslash escape is not valid in JSON',
  InvalidCharacter: 'this character must be escaped inside a JSON text (e.g. a line break as \\n)',
};

function position(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** The first JSON syntax error of `text` (the file `file`), located, or none. */
export function jsonSyntaxIssues(file: string, text: string): LocatedIssue[] {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return [];
  const { line, col } = position(text, first.offset);
  const path = formatPackPath(getLocation(text, first.offset).path.filter((s) => s !== ''));
  const more = errors.length > 1 ? `; ${errors.length - 1} more JSON ${errors.length === 2 ? 'error follows' : 'errors follow'}, probably caused by this one: fix it first` : '';
  const code = printParseErrorCode(first.error);
  return [{ file, line, col, path, message: `JSON syntax error: ${MESSAGES[code] ?? code}${more}`, severity: 'error' }];
}
