/** Scenario times for people, computed without `Date`. */
import { describe, expect, it } from 'vitest';
import { clockOffset, formatSimDateTime, formatSimTime } from '../../src/engine';

describe('formatSimTime', () => {
  it.each([
    ['2027-12-06T08:30:00Z', 0, 'Day 1 08:30'],
    ['2027-12-06T08:30:00Z', 95, 'Day 1 10:05'],
    ['2027-12-06T08:30:00Z', 930, 'Day 2 00:00'],
    ['2027-12-06T23:59:00+01:00', 1, 'Day 2 00:00'],
    ['2027-12-06T08:30:00Z', 3 * 1440 + 15, 'Day 4 08:45'],
  ])('%s + %i min → %s', (start, minutes, expected) => {
    expect(formatSimTime(start, minutes)).toBe(expected);
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
    expect(formatSimDateTime(start, minutes)).toBe(expected);
  });
});

describe('clockOffset', () => {
  it('names the offset of the start', () => {
    expect(clockOffset('2027-12-06T08:30:00Z')).toBe('UTC');
    expect(clockOffset('2027-12-06T08:30:00+01:00')).toBe('UTC+01:00');
  });
});
