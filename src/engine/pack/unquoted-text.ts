/**
 * A comma inside an unquoted value of a YAML flow mapping (`{ label: week
 * 11, the update }`) ends the value: the rest is read as a key of its own
 * with no value. The schema then reports an "unknown key"; this says what
 * actually happened and how to write it.
 */
import { isRecord } from './loose';

/**
 * The message for an unknown key that looks like the rest of a text cut by
 * commas, or undefined. Each comma cuts once, so `reason: A, B, C` reads as
 * `reason: A` followed by the keys `B` and `C` with no value: every such key
 * gets the same fix, the whole text (`A, B, C`) in quotes. At least one piece
 * must contain a space, as text does (a lone `b:` without a value stays an
 * unknown key).
 */
export function cutTextMessage(object: unknown, key: string): string | undefined {
  if (!isRecord(object) || object[key] !== null) return undefined;
  const keys = Object.keys(object);
  const isPiece = (k: string | undefined) => k !== undefined && object[k] === null;
  let first = keys.indexOf(key);
  while (isPiece(keys[first - 1])) first -= 1;
  const textKey = keys[first - 1];
  const value = textKey === undefined ? undefined : object[textKey];
  if (textKey === undefined || value === null || value === undefined || typeof value === 'object') return undefined;
  const pieces: string[] = [];
  for (let i = first; isPiece(keys[i]); i += 1) pieces.push(keys[i]!);
  if (!pieces.some((piece) => /\s/.test(piece.trim()))) return undefined;
  const whole = [String(value), ...pieces].join(', ');
  return `"${key}" is not a key but the rest of the text of "${textKey}": inside { … } a comma ends an unquoted value; put the whole text in quotes: ${textKey}: ${JSON.stringify(whole)}`;
}
