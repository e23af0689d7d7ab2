/**
 * Turns zod issues into pack issues an author can act on. Zod reports a
 * failed union as "Invalid input"; here the condition and effect unions are
 * resolved by the key that is present (and that branch's own problems are
 * reported), and other unions say which forms were expected.
 */
import type { z } from 'zod';
import { CONDITION_KEYS, conditionBranches } from './condition';
import { EFFECT_KEYS, effectBranches } from './effect';
import { packError, type PackIssue, type PackPath } from './issues';
import { isRecord, valueAt } from './loose';
import { cutTextMessage } from './unquoted-text';
import { objectKeys, schemaAt, unionKind, unionOptions } from './schema-walk';
import { closestName, describeValue, didYouMean, listNames } from './suggest';
import { literal, oneOfMessage, plainErrorMap, typeName } from './zod-messages';

type Schema = z.core.$ZodType;
type ZodIssue = z.core.$ZodIssue;
type UnionIssue = Extract<ZodIssue, { code: 'invalid_union' }>;

const DURATION_MESSAGE = 'must be a duration like 90, "90m", "72h", "15d" or "1d 2h 30m"';

const relPath = (issue: ZodIssue): (string | number)[] =>
  issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));

/**
 * Converts the issues of `schema.safeParse(input)`; `prefix` is where
 * `input` sits in the pack.
 */
export function convertZodIssues(issues: readonly ZodIssue[], schema: Schema, input: unknown, prefix: PackPath): PackIssue[] {
  const out: PackIssue[] = [];
  for (const issue of issues) convertIssue(issue, schema, input, prefix, out);
  return out;
}

function convertIssue(issue: ZodIssue, schema: Schema, input: unknown, prefix: PackPath, out: PackIssue[]): void {
  const rel = relPath(issue);
  const path = [...prefix, ...rel];
  switch (issue.code) {
    case 'invalid_union':
      convertUnion(issue, schema, input, prefix, out);
      return;
    case 'unrecognized_keys': {
      const known = objectKeys(schemaAt(schema, rel, input));
      for (const key of issue.keys) {
        const cut = cutTextMessage(valueAt(input, rel), key);
        if (cut !== undefined) {
          out.push(packError([...path, key], cut));
          continue;
        }
        const hint = didYouMean(key, known);
        const allowed = hint === '' && known.length > 0 ? ` (allowed here: ${listNames([...known], 12)})` : '';
        out.push(packError([...path, key], `unknown key "${key}"${hint}${allowed}`));
      }
      return;
    }
    case 'invalid_format':
      out.push(packError(path, `${issue.message} (found ${describeValue(valueAt(input, rel))})`));
      return;
    default:
      out.push(packError(path, issue.message));
  }
}

/** Parses `value` with one keyed branch and reports that branch's own issues. */
function branchIssues(branch: Schema, value: unknown, path: PackPath, out: PackIssue[]): void {
  const result = (branch as z.ZodType).safeParse(value, { error: plainErrorMap });
  if (!result.success) out.push(...convertZodIssues(result.error.issues, branch, value, path));
}

function keyedUnion(
  what: 'condition' | 'effect',
  branches: Readonly<Record<string, Schema>>,
  keys: readonly string[],
  value: unknown,
  path: PackPath,
  out: PackIssue[],
): void {
  const expected = `expected one of ${keys.join(', ')}`;
  if (!isRecord(value)) {
    out.push(packError(path, `must be ${what === 'condition' ? 'a condition' : 'an effect'}: a mapping with one of ${keys.join(', ')} (found ${describeValue(value)})`));
    return;
  }
  const present = Object.keys(value).filter((key) => Object.hasOwn(branches, key));
  if (present.length === 1) {
    branchIssues(branches[present[0] as string] as Schema, value, path, out);
    return;
  }
  if (present.length > 1) {
    const found = present.map((key) => `"${key}"`).join(' and ');
    const advice = what === 'condition' ? 'put each test in its own condition under all: or any:' : 'write each effect as its own list entry';
    out.push(packError(path, `${what === 'condition' ? 'a condition tests' : 'an effect does'} one thing, but this one has ${found}: ${advice}`));
    return;
  }
  const found = Object.keys(value);
  if (found.length === 0) {
    out.push(packError(path, `empty ${what}: ${expected}`));
    return;
  }
  const guess = found.map((key) => [key, closestName(key, keys)] as const).find(([, near]) => near !== undefined);
  const hint = guess ? ` (found "${guess[0]}"; did you mean "${guess[1]}"?)` : ` (found ${found.map((key) => `"${key}"`).join(', ')})`;
  out.push(packError(path, `unknown ${what}: ${expected}${hint}`));
}

/** A branch rejected the value's type outright (rather than its details). */
function rejectsType(issues: readonly ZodIssue[]): boolean {
  return issues.some(
    (issue) =>
      issue.path.length === 0 &&
      (issue.code === 'invalid_type' ||
        issue.code === 'invalid_value' ||
        (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every(rejectsType))),
  );
}

function expectations(issues: readonly ZodIssue[], values: unknown[], types: string[]): void {
  for (const issue of issues) {
    if (issue.path.length !== 0) continue;
    if (issue.code === 'invalid_value') values.push(...issue.values);
    else if (issue.code === 'invalid_type' && !types.includes(typeName(issue.expected))) types.push(typeName(issue.expected));
    else if (issue.code === 'invalid_union') for (const branch of issue.errors) expectations(branch, values, types);
  }
}

function convertUnion(issue: UnionIssue, schema: Schema, input: unknown, prefix: PackPath, out: PackIssue[]): void {
  const rel = relPath(issue);
  const path = [...prefix, ...rel];
  const value = valueAt(input, rel);
  if ('options' in issue && Array.isArray(issue.options) && issue.errors.length === 0) {
    // A discriminated union (e.g. a command's `type`) whose tag matched no option.
    out.push(packError(path, value === undefined ? `is required but missing: one of ${issue.options.map(literal).join(', ')}` : oneOfMessage(issue.options, value)));
    return;
  }
  if (value === undefined) {
    out.push(packError(path, 'is required but missing'));
    return;
  }
  const target = schemaAt(schema, rel, input);
  const kind = unionKind(target);
  if (kind === 'condition') return keyedUnion('condition', conditionBranches, CONDITION_KEYS, value, path, out);
  if (kind === 'effect') return keyedUnion('effect', effectBranches, EFFECT_KEYS, value, path, out);
  const branches = issue.errors;
  const candidates = branches.map((issues, index) => ({ issues, index })).filter(({ issues }) => !rejectsType(issues));
  if (candidates.length > 0) {
    const best = candidates.reduce((a, b) => (b.issues.length < a.issues.length ? b : a));
    const options = unionOptions(target);
    const branchSchema = options[best.index] ?? target;
    if (branchSchema) {
      for (const inner of best.issues) convertIssue(inner, branchSchema, value, path, out);
    } else {
      for (const inner of best.issues) out.push(packError([...path, ...relPath(inner)], inner.message));
    }
    return;
  }
  if (kind === 'duration') {
    out.push(packError(path, `${DURATION_MESSAGE} (found ${describeValue(value)})`));
    return;
  }
  const values: unknown[] = [];
  const types: string[] = [];
  for (const branch of branches) expectations(branch, values, types);
  if (types.length === 0 && values.length > 0) {
    out.push(packError(path, oneOfMessage(values, value)));
    return;
  }
  const parts = [...(values.length > 1 ? [`one of ${values.map(literal).join(', ')}`] : values.map(literal)), ...types];
  const hint = typeof value === 'string' ? didYouMean(value, values.filter((v): v is string => typeof v === 'string')) : '';
  out.push(packError(path, `must be ${parts.join(' or ') || 'a different value'} (found ${describeValue(value)}${hint})`));
}
