/** Numbers for people. */

/**
 * Whole numbers with thousands separators (people are counted whole).
 * Accrued counts are sums of fractions (e.g. 12/h added each minute), so a
 * value a hair below a whole number is shown as that whole number.
 */
export function count(value: number): string {
  return Math.floor(value + 1e-6).toLocaleString('en-GB');
}
