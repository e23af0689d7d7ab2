/** The content hash of a loaded pack: sha256 of canonical JSON. */
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted and `undefined` members left out, so equal
 * data always gives the same text (and a stored snapshot the same hash).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 (hex) of the canonical JSON of `{ pack, attachments }`. */
export const packHash = (pack: unknown, attachments: unknown): string =>
  createHash('sha256').update(canonicalJson({ pack, attachments })).digest('hex');
