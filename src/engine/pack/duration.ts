/**
 * Scenario durations. Packs write them as whole minutes (`90`) or as a
 * compact string of days, hours and minutes (`"15d"`, `"72h"`, `"1d 2h 30m"`).
 */

// Each run of spaces is followed by a digit or the end, so matching is linear: the
// earlier form (adjacent optional `\s*`) backtracked exponentially on long runs of spaces.
const DURATION_PATTERN = /^\s*(?:(\d+)\s*d\s*)?(?:(\d+)\s*h\s*)?(?:(\d+)\s*m\s*)?$/;

/**
 * The regular expression (as a string) that duration strings must match; used in the JSON Schema. The lookahead
 * asks for at least one number, so an editor refuses an empty or blank duration as the validator does.
 */
export const DURATION_REGEX_SOURCE = '^(?=\\s*\\d)\\s*(?:\\d+\\s*d\\s*)?(?:\\d+\\s*h\\s*)?(?:\\d+\\s*m\\s*)?$';

/** Parses a duration string to whole minutes, or returns `undefined` when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match || text.trim() === '') return undefined;
  const [, days, hours, minutes] = match;
  if (days === undefined && hours === undefined && minutes === undefined) return undefined;
  return Number(days ?? 0) * 1440 + Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}

/** Formats minutes as a compact duration (`1d 2h 30m`, `0m`). */
export function formatDuration(totalMinutes: number): string {
  const sign = totalMinutes < 0 ? '-' : '';
  let rest = Math.abs(Math.round(totalMinutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes || parts.length === 0) parts.push(`${minutes}m`);
  return sign + parts.join(' ');
}
