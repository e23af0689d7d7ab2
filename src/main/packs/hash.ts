/** The content hash of a loaded pack: sha256 of canonical JSON. */
import { createHash } from 'node:crypto';

function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) if (record[key] !== undefined) out[key] = sortedCopy(record[key]);
  return out;
}

/**
 * JSON with object keys sorted and `undefined` members left out, so equal
 * data always gives the same text (and a stored snapshot the same hash).
 * (Integer-like keys come first, in numeric order, as JSON.stringify puts them.)
 */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortedCopy(value)) ?? 'null';

/** sha256 (hex) of the canonical JSON of `{ pack, attachments }`. */
export const packHash = (pack: unknown, attachments: unknown): string =>
  createHash('sha256').update(canonicalJson({ pack, attachments })).digest('hex');
