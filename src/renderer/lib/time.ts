/** Scenario time for people: "Day 2 · 14:30", "Tue 7 Dec 2027, 14:30", "2h 15m". */
import { formatDuration } from '../../engine/pack/duration';

/** The scenario date-time `minutes` after the pack's start (shown in UTC, as the pack wrote it). */
export function scenarioDate(startIso: string, minutes: number): Date {
  return new Date(Date.parse(startIso) + minutes * 60_000);
}

/** "Day 1 · 08:30": the day of the exercise (1-based) and the wall time. */
export function dayClock(startIso: string, minutes: number): string {
  const start = Date.parse(startIso);
  const when = new Date(start + minutes * 60_000);
  const startDay = Math.floor(start / 86_400_000);
  const day = Math.floor(when.getTime() / 86_400_000) - startDay + 1;
  return `Day ${day} · ${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}`;
}

/** "Tue 7 Dec 2027, 08:30 UTC". */
export function fullDate(startIso: string, minutes: number): string {
  const when = scenarioDate(startIso, minutes);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][when.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][when.getUTCMonth()];
  return `${weekday} ${when.getUTCDate()} ${month} ${when.getUTCFullYear()}, ${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())} UTC`;
}

/** A duration in scenario minutes, compact. */
export const duration = (minutes: number): string => formatDuration(minutes);

/**
 * Whole numbers with thousands separators. Accrued counts are sums of
 * fractions (e.g. 12/h added each minute), so a value a hair below a whole
 * number is shown as that whole number.
 */
export function count(value: number): string {
  return Math.floor(value + 1e-6).toLocaleString('en-GB');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
