/**
 * How big the randomised storage suites are. `npm test` runs a smaller but
 * still meaningful sample; `npm run test:long` (CI runs it too) sets
 * VAIM_LONG_SUITE=1 and runs the full counts the issue asks for.
 */
export const LONG_SUITE = process.env['VAIM_LONG_SUITE'] === '1';

/** The count for the current suite. */
export function suiteSize(sizes: { readonly default: number; readonly long: number }): number {
  return LONG_SUITE ? sizes.long : sizes.default;
}
