/** Scenario times for people, computed without `Date`. */
import { describe, expect, it } from 'vitest';
import { clockOffset, formatRealMinutes, formatRealSeconds, formatSimDateTime, formatSimDateTimeZone, formatSimTime, realSecondsFor, simMinutes } from '../../src/engine';

describe('formatSimTime', () => {
  it.each([
    ['2027-12-06T08:30:00Z', 0, 'Day 1 08:30'],
    ['2027-12-06T08:30:00Z', 95, 'Day 1 10:05'],
    ['2027-12-06T08:30:00Z', 930, 'Day 2 00:00'],
    ['2027-12-06T23:59:00+01:00', 1, 'Day 2 00:00'],
    ['2027-12-06T08:30:00Z', 3 * 1440 + 15, 'Day 4 08:45'],
  ])('%s + %i min → %s', (start, minutes, expected) => {
    expect(formatSimTime(start, simMinutes(minutes))).toBe(expected);
  });
});

describe('formatSimDateTime', () => {
  it.each([
    ['2027-12-06T08:30:00Z', 0, 'Mon 6 Dec 2027 08:30'],
    // Across a leap day and a month end.
    ['2028-02-28T23:00:00Z', 120, 'Tue 29 Feb 2028 01:00'],
    ['2028-02-29T23:30:00Z', 60, 'Wed 1 Mar 2028 00:30'],
    // Across a year end (2027 is not a leap year).
    ['2027-12-31T22:00:00Z', 180, 'Sat 1 Jan 2028 01:00'],
    ['2100-02-28T12:00:00Z', 1440, 'Mon 1 Mar 2100 12:00'],
    // Shown in the start's own offset, never converted.
    ['2030-01-07T09:00:00+05:30', 0, 'Mon 7 Jan 2030 09:00'],
  ])('%s + %i min → %s', (start, minutes, expected) => {
    expect(formatSimDateTime(start, simMinutes(minutes))).toBe(expected);
  });
});

describe('clockOffset', () => {
  it('names the offset of the start', () => {
    expect(clockOffset('2027-12-06T08:30:00Z')).toBe('UTC');
    expect(clockOffset('2027-12-06T08:30:00+01:00')).toBe('UTC+01:00');
  });
});

describe('formatSimDateTimeZone', () => {
  it('shows the local date-time with the zone the pack states', () => {
    expect(formatSimDateTimeZone('2028-03-06T08:30:00+01:00', simMinutes(0))).toBe('Mon 6 Mar 2028 08:30 (UTC+01:00)');
    expect(formatSimDateTimeZone('2027-12-06T08:30:00Z', simMinutes(930))).toBe('Tue 7 Dec 2027 00:00 (UTC)');
  });
});

describe('real time', () => {
  it.each([
    [59, 3, 19.666666666666668],
    [0, 3, 0],
    [-5, 3, 0],
  ])('%i scenario minutes at %i a second take %f real seconds', (minutes, compression, seconds) => {
    expect(realSecondsFor(simMinutes(minutes), compression)).toBeCloseTo(seconds, 9);
  });

  it('is endless when the clock does not run', () => {
    expect(realSecondsFor(simMinutes(10), 0)).toBe(Infinity);
    expect(formatRealSeconds(Infinity)).toBe('∞');
  });

  it.each([
    [0, '0 s'],
    [0.2, '1 s'],
    [19.67, '20 s'],
    [59.5, '1 min 00 s'],
    [125, '2 min 05 s'],
    [3725, '1 h 02 min'],
  ])('%f s reads "%s" (rounded up: a countdown never shows 0 while time is left)', (seconds, text) => {
    expect(formatRealSeconds(seconds)).toBe(text);
  });

  it.each([
    [20, '1 min'],
    [2736, '46 min'],
    [3900, '1 h 05 min'],
  ])('%i s is about "%s"', (seconds, text) => {
    expect(formatRealMinutes(seconds)).toBe(text);
  });
});
