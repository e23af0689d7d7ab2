/**
 * Defensive readers for data that has not (yet) passed a schema: migration,
 * locating schema issues, and the pack loaders read raw input with them.
 * They never throw on odd shapes.
 */

/** A plain JSON object. */
export type Json = Readonly<Record<string, unknown>>;

/** True for a plain (non-array, non-null) object. */
export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property of an object (never an inherited one such as `constructor`). */
export const field = (value: unknown, key: string): unknown =>
  isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;

/** The value as a list, or an empty list. */
export const items = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** The value if it is a string. */
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The value at a JSON path, following own properties only. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = field(value, segment);
    if (value === undefined) return undefined;
  }
  return value;
}
