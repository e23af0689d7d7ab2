/**
 * Run ids: plain strings become `RunId`s only here, by a check of the one
 * pattern (so a run id is always safe as a file name), or by construction
 * for the runs the engine plays for itself (reference, exploration).
 */
import type { RunId } from './types';

/** Letters, digits, `-` and `_`, 1 to 64 of them: no path separators, no dots. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True when `value` is a safe run id. */
export function isRunId(value: unknown): value is RunId {
  return typeof value === 'string' && RUN_ID_PATTERN.test(value);
}

/** `value` as a run id, or undefined when it is not one. */
export function toRunId(value: string): RunId | undefined {
  return isRunId(value) ? value : undefined;
}

/**
 * A run id made from names (e.g. `biased-hiring-reference`): every character
 * outside the pattern becomes `-`, and it is cut to 64 characters.
 */
export function derivedRunId(...parts: readonly (string | number)[]): RunId {
  const id = parts.join('-').replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64) || 'run';
  // The line above makes the pattern hold; the check keeps that true if either changes.
  if (!isRunId(id)) throw new Error(`derivedRunId made an invalid id: ${id}`);
  return id;
}
