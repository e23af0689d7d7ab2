/**
 * A comma inside an unquoted value of a YAML flow mapping (`{ label: week
 * 11, the update }`) ends the value: the rest is read as a key of its own
 * with no value. The schema then reports an "unknown key"; this says what
 * actually happened and how to write it.
 */
import { isRecord } from './loose';

/**
 * The message for an unknown key that looks like the rest of a text cut by a
 * comma (a key with spaces and no value, after another key), or undefined.
 */
export function cutTextMessage(object: unknown, key: string): string | undefined {
  if (!isRecord(object) || object[key] !== null || !/\s/.test(key.trim())) return undefined;
  const keys = Object.keys(object);
  const before = keys[keys.indexOf(key) - 1];
  const value = before === undefined ? undefined : object[before];
  if (before === undefined || value === null || typeof value === 'object') return undefined;
  const whole = `${String(value)}, ${key}`;
  return `"${key}" is not a key but the rest of the text of "${before}": inside { … } a comma ends an unquoted value; put the whole text in quotes: ${before}: ${JSON.stringify(whole)}`;
}
