/**
 * The one id rule, without zod: the pack schema's `idSchema` checks it, and
 * the app's own fixed ids (the default readiness checklist, the V-SEV and
 * R3AI option ids) are made by `fixedId` at module load — where running zod
 * would pull it into the renderer's first chunk for a handful of constants.
 */
import type { z } from 'zod';
import type { PackId } from './primitives';

/** Lower-case letters, digits, `-` and `_`, starting with a letter; at most 64 characters. */
export const ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

/** Names Windows reserves for devices: a folder called `con` or `lpt1` cannot be created there (pack ids name folders). */
export const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** True when `value` keeps the id rule. */
export const isId = (value: string): boolean => ID_PATTERN.test(value) && !WINDOWS_RESERVED.test(value);

/** `value` as an id of kind `B` when it keeps the id rule, else undefined: the schema's check, for code that must not load zod (the address bar). */
export function checkedId<B extends string>(value: string | undefined): (string & z.$brand<B>) | undefined {
  return value !== undefined && isId(value) ? (value as string & z.$brand<B>) : undefined;
}

/** A pack id from the address bar, checked by the id rule (`packIdSchema` checks the same). */
export const toPackId = (value: string | undefined): PackId | undefined => checkedId<'PackId'>(value);

/** One of the app's own fixed ids, branded `B` like the ids the schema reads; throws if a constant breaks the rule. */
export function fixedId<B extends string>(value: string): string & z.$brand<B> {
  if (!isId(value)) throw new Error(`not an id: ${JSON.stringify(value)}`);
  return value as string & z.$brand<B>;
}
