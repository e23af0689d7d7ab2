/**
 * A per-parse zod error map that words zod's generic issues in plain
 * language for scenario authors. Messages written in the schema itself
 * (e.g. the id format) take precedence over these.
 */
import type { z } from 'zod';
import { describeValue, didYouMean } from './suggest';

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value pairs)',
  record: 'a mapping (key: value pairs)',
  null: 'empty (null)',
  nan: 'a number',
};

/** How a zod `expected` type reads in a message. */
export const typeName = (expected: string): string => TYPE_NAMES[expected] ?? expected;

/** Formats a literal the way it would be written in YAML. */
export const literal = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

/** `must be one of "a", "b" (found "x"; did you mean "y"?)`. */
export function oneOfMessage(values: readonly unknown[], input: unknown): string {
  if (values.length === 1) return `must be ${literal(values[0])} (found ${describeValue(input)})`;
  const hint = typeof input === 'string' ? didYouMean(input, values.filter((v): v is string => typeof v === 'string')) : '';
  return `must be one of ${values.map(literal).join(', ')} (found ${describeValue(input)}${hint})`;
}

function sizeMessage(kind: 'at least' | 'at most', issue: { origin: string; inclusive?: boolean }, limit: number): string {
  switch (issue.origin) {
    case 'array':
    case 'set':
      return `must have ${kind} ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
    case 'string':
      return limit === 1 && kind === 'at least' ? 'must not be empty' : `must be ${kind} ${limit} characters long`;
    default:
      if (issue.inclusive === false) return `must be ${kind === 'at least' ? 'greater' : 'less'} than ${limit}`;
      return `must be ${kind} ${limit}`;
  }
}

/** The plain-language message of a zod issue (undefined = keep zod's own). */
export function plainMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required but missing';
      return `must be ${typeName(issue.expected)} (found ${describeValue(issue.input)})`;
    case 'too_small':
      return sizeMessage('at least', issue, Number(issue.minimum));
    case 'too_big':
      return sizeMessage('at most', issue, Number(issue.maximum));
    case 'invalid_value':
      return oneOfMessage(issue.values, issue.input);
    case 'invalid_format':
      return issue.format === 'regex' ? 'has the wrong format' : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map(literal).join(', ')}`;
    case 'invalid_key':
      return `has a key that is not allowed here (found ${describeValue(issue.input)})`;
    case 'invalid_element':
      return 'has an entry that is not allowed here';
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    case 'custom':
      return undefined;
    default:
      return undefined;
  }
}

/** The error map to pass to `safeParse(value, { error: plainErrorMap })`. */
export const plainErrorMap = (issue: RawIssue): string | undefined => plainMessage(issue);
