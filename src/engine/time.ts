/**
 * Scenario times for people. Pure integer calendar arithmetic on the pack's
 * ISO start (the engine never constructs a `Date`). Times are shown in the
 * wall-clock of the start string's own offset, never converted to UTC.
 */
import { formatDuration } from './pack/duration';
import type { SimMinutes } from './types';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** Parsed local start: days since 1970-01-01 (civil) and minute of that day. */
type Start = { readonly day: number; readonly minute: number };

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day count since 1970-01-01 (civil_from_days). */
function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

function parseStart(iso: string): Start {
  const match = ISO.exec(iso);
  if (!match) return { day: 0, minute: 0 };
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return { day: daysFromCivil(y, mo, d), minute: h * 60 + mi };
}

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * "Day 2 14:30": the scenario day (1 = the start date) and the local time of
 * day, `minutes` after the pack's clock start.
 */
export function formatSimTime(clockStart: string, minutes: SimMinutes): string {
  const start = parseStart(clockStart);
  const total = start.minute + Math.floor(minutes);
  const dayIndex = Math.floor(total / 1440);
  const ofDay = total - dayIndex * 1440;
  return `Day ${dayIndex + 1} ${pad(Math.floor(ofDay / 60))}:${pad(ofDay % 60)}`;
}

/** "Mon 6 Dec 2027 08:30": the absolute local date-time `minutes` after the start. */
export function formatSimDateTime(clockStart: string, minutes: SimMinutes): string {
  const start = parseStart(clockStart);
  const total = start.minute + Math.floor(minutes);
  const dayOffset = Math.floor(total / 1440);
  const ofDay = total - dayOffset * 1440;
  const day = start.day + dayOffset;
  const [y, m, d] = civilFromDays(day);
  const weekday = WEEKDAYS[((day % 7) + 7) % 7];
  return `${weekday} ${d} ${MONTHS[m - 1]} ${y} ${pad(Math.floor(ofDay / 60))}:${pad(ofDay % 60)}`;
}

/** The offset part of the ISO start ("Z", "+01:00"), for the report header. */
export function clockOffset(clockStart: string): string {
  const match = /(Z|[+-]\d{2}:?\d{2})$/.exec(clockStart);
  return match?.[1] === 'Z' ? 'UTC' : `UTC${match?.[1] ?? ''}`;
}

/** A duration for people ("1d 2h 30m"). */
export const formatSpan = (minutes: number): string => formatDuration(minutes);

/**
 * "Mon 6 Mar 2028 08:30 (UTC+01:00)": the absolute local date-time with the
 * zone the pack states, for places that show one full date (briefing, deadlines).
 */
export function formatSimDateTimeZone(clockStart: string, minutes: SimMinutes): string {
  return `${formatSimDateTime(clockStart, minutes)} (${clockOffset(clockStart)})`;
}

/**
 * Real seconds a span of scenario minutes takes while the clock runs at
 * `compression` scenario minutes per real second (never negative).
 */
export function realSecondsFor(minutes: SimMinutes, compression: number): number {
  if (!(compression > 0)) return Infinity;
  return Math.max(0, minutes) / compression;
}

/**
 * A real-time span for people, whole seconds rounded up so a countdown never
 * shows 0 while time is left: "45 s", "3 min 05 s", "1 h 02 min", "∞" when
 * the clock does not run.
 */
export function formatRealSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const whole = Math.max(0, Math.ceil(seconds - 1e-9));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${pad(whole % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
}

/** Real minutes for people, rounded to a whole minute: "about 1 h 05 min", "about 42 min". */
export function formatRealMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
}
